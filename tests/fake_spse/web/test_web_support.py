"""LPSE Support and the LPSE's mail server over real HTTP and real SMTP: roles, faults, storage."""

from __future__ import annotations

import hashlib
import re
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import pytest
from spse_web import START, Browser, Sim, page_text

from fake_spse.server import RunningServer
from fake_spse.settings import Settings
from spse_shared.messages import MessageCatalog

MESSAGES = MessageCatalog()
DOCX = b"PK\x03\x04 kronologi error"
PNG = b"\x89PNG\r\n\x1a\n screenshot"
ALERTS = re.compile(r'role="alert">\s*<ul>(.*?)</ul>', re.DOTALL)
ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)


class Desk:
    """A browser (own cookies) used for SPSE and LPSE Support."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.http = browser.http

    def token(self) -> str:
        return self.browser.token("/")

    def enter_support(self) -> httpx.Response:
        return self.http.post("/support/masuk", data={"authenticityToken": self.token()})

    def file_ticket(
        self, files: list[tuple[str, bytes]] | None = None, **changes: str
    ) -> httpx.Response:
        fields = {
            "authenticityToken": self.token(),
            "judul": "Gagal upload penawaran",
            "aplikasi": "SPSE",
            "kategori": "Teknis",
            "subkategori": "Teknis: Upload Dokumen Penawaran",
            "deskripsi": "Koneksi terputus saat upload.",
            **changes,
        }
        uploads = [
            ("lampiran", (name, data, "application/octet-stream"))
            for name, data in (files if files is not None else [("Kronologi.docx", DOCX)])
        ]
        return self.http.post("/support/tiket/baru", data=fields, files=uploads or None)

    def act(self, number: str, action: str, **fields: str) -> httpx.Response:
        data = {"authenticityToken": self.token(), "aksi": action, **fields}
        return self.http.post(f"/support/tiket/{number}", data=data)

    def ticket(self, number: str) -> httpx.Response:
        return self.http.get(f"/support/tiket/{number}")


def alerts(response: httpx.Response) -> list[str]:
    found = ALERTS.search(response.text)
    return [] if found is None else [page_text_of(i) for i in ITEM.findall(found.group(1))]


def page_text_of(fragment: str) -> str:
    import html

    return html.unescape(fragment).strip()


def number_from(response: httpx.Response) -> str:
    assert response.status_code == 303, response.text
    found = re.search(r"/support/tiket/(LPSE-\d{4}-\d{4}-\d{6})", response.headers["location"])
    assert found, response.headers["location"]
    return found.group(1)


@dataclass
class People:
    sim: Sim
    vendor_a: Desk
    vendor_b: Desk
    helpdesk: Desk
    verifikator: Desk
    admin: Desk
    lkpp: Desk
    pokja: Desk


@pytest.fixture
def people(server: RunningServer, sim: Sim, new_browser: Callable[[], Browser]) -> People:
    for user_id, role in [
        ("verif", "verifikator"),
        ("hana", "helpdesk"),
        ("adi", "admin"),
        ("lina", "lkpp"),
        ("pokja1", "pokja"),
    ]:
        sim.staff(user_id, role)
    staff = {}
    for user_id in ("verif", "hana", "adi", "lina", "pokja1"):
        browser = new_browser()
        assert browser.login(user_id).status_code == 303
        staff[user_id] = Desk(browser)
    vendors = []
    for number, user_id in enumerate(("ptmaju", "ptjaya")):
        browser = new_browser()
        assert browser.register(user_id, npwp=f"01.234.567.8-901.{number:03d}").status_code == 200
        assert staff["verif"].browser.post_form(f"/verifikasi/{user_id}", {}).status_code == 303
        assert browser.login(user_id).status_code == 303
        vendors.append(Desk(browser))
    people = People(
        sim,
        vendors[0],
        vendors[1],
        staff["hana"],
        staff["verif"],
        staff["adi"],
        staff["lina"],
        staff["pokja1"],
    )
    for desk in (*vendors, *staff.values()):
        assert desk.enter_support().status_code == 303
    return people


@pytest.fixture
def vendor(sim: Sim, new_browser: Callable[[], Browser]) -> Desk:
    """One active vendor inside LPSE Support (lighter than ``people``)."""
    sim.staff("verif", "verifikator")
    verifier = new_browser()
    assert verifier.login("verif").status_code == 303
    browser = new_browser()
    assert browser.register("ptmaju").status_code == 200
    assert verifier.post_form("/verifikasi/ptmaju", {}).status_code == 303
    assert browser.login("ptmaju").status_code == 303
    desk = Desk(browser)
    assert desk.enter_support().status_code == 303
    return desk


def stored(sim: Sim) -> dict[str, Any]:
    result: dict[str, Any] = sim.call("GET", "/support/tickets")
    return result


def test_the_vendor_home_leads_to_lpse_support(
    server: RunningServer, sim: Sim, new_browser: Callable[[], Browser]
) -> None:
    sim.staff("verif", "verifikator")
    vendor = new_browser()
    vendor.register("ptmaju")
    verifier = new_browser()
    verifier.login("verif")
    verifier.post_form("/verifikasi/ptmaju", {})
    vendor.login("ptmaju")
    home = vendor.get("/dashboard")
    assert 'href="/eproc4/aplikasi">Aplikasi e-Procurement Lainnya</a>' in home.text
    apps = vendor.get("/aplikasi")
    assert 'href="/support/masuk">LPSE Support (Production)</a>' in apps.text
    # Not yet inside LPSE Support: its pages send the user to its login.
    listing = vendor.http.get("/support/tiket")
    assert listing.status_code == 303
    assert listing.headers["location"].startswith("/support/masuk?pesan=")
    entered = Desk(vendor).enter_support()
    assert entered.headers["location"].startswith("/support/tiket?pesan=")
    assert vendor.http.get("/support/tiket").status_code == 200


def test_without_spse_login_support_sends_to_spse_login(browser: Browser) -> None:
    response = browser.http.get("/support/tiket")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/eproc4/login?pesan=")
    page = browser.http.get("/support/masuk")
    assert MESSAGES.text("support.harus_login_spse") in page_text(page)


def test_support_down_refuses_login_with_the_e_mail_fallback(
    server: RunningServer, sim: Sim, new_browser: Callable[[], Browser]
) -> None:
    sim.staff("hana", "helpdesk")
    desk = Desk(new_browser())
    desk.browser.login("hana")
    sim.arm("support.down")
    refused = desk.enter_support()
    assert refused.status_code == 503
    assert alerts(refused) == [
        MESSAGES.text("support.tidak_tersedia", email="lpse@surakarta.go.id")
    ]
    assert 'href="mailto:lpse@surakarta.go.id"' in refused.text
    assert desk.http.get("/support/tiket").status_code == 303
    firings = sim.call("GET", "/firings")["firings"]
    assert [(f["name"], f["actor"]) for f in firings] == [("support.down", "hana")]
    sim.call("DELETE", "/faults/support.down")
    assert desk.enter_support().status_code == 303


def test_role_checks(people: People) -> None:
    number = number_from(people.vendor_a.file_ticket())
    # The filing vendor, and the LPSE's helpdesk, verifikator and admin see it.
    for desk in (people.vendor_a, people.helpdesk, people.verifikator, people.admin):
        assert desk.ticket(number).status_code == 200
        assert number in desk.http.get("/support/tiket").text
    # Another vendor is refused with the catalog message; so is a pokja; LKPP until escalated.
    expected = MESSAGES.text("support.bukan_tiket_anda", number=number)
    for desk in (people.vendor_b, people.pokja, people.lkpp):
        refused = desk.ticket(number)
        assert refused.status_code == 403
        assert alerts(refused) == [expected]
        assert number not in desk.http.get("/support/tiket").text
        download = desk.http.get(f"/support/tiket/{number}/lampiran/1")
        assert download.status_code == 403
    # Refused actions leave the ticket as it was.
    assert people.vendor_b.act(number, "komentar", catatan="intip").status_code == 403
    assert people.vendor_a.act(number, "ambil").status_code == 403
    assert len(stored(people.sim)["tickets"][0]["history"]) == 1
    # Only vendors file tickets.
    assert people.helpdesk.http.get("/support/tiket/baru").status_code == 403
    # Escalated to LKPP, LKPP sees it.
    assert people.helpdesk.act(number, "eskalasi").status_code == 303
    assert people.lkpp.ticket(number).status_code == 200
    assert number in people.lkpp.http.get("/support/tiket").text


def test_the_whole_way_over_http(people: People) -> None:
    filed = people.vendor_a.file_ticket([("Kronologi.docx", DOCX), ("layar.png", PNG)])
    number = number_from(filed)
    assert number == "LPSE-3372-2026-000001"
    page = people.vendor_a.http.get(filed.headers["location"])
    assert MESSAGES.text("support.tiket_dibuat", number=number) in page_text(page)
    steps = [
        (people.helpdesk, "ambil", {}),
        (people.helpdesk, "minta_info", {"catatan": "Mohon screenshot."}),
        (people.vendor_a, "komentar", {"catatan": "Terlampir."}),
        (people.helpdesk, "eskalasi", {}),
        (people.lkpp, "eskalasi", {}),
        (people.lkpp, "selesaikan", {"catatan": "Sudah diperbaiki."}),
        (people.vendor_a, "tidak_selesai", {"catatan": "Belum.", "nilai": "2"}),
        (people.lkpp, "selesaikan", {"catatan": "Sekarang sudah."}),
        (people.vendor_a, "terselesaikan", {"nilai": "5"}),
    ]
    statuses = []
    for desk, action, fields in steps:
        response = desk.act(number, action, **fields)
        assert response.status_code == 303, alerts(response)
        statuses.append(stored(people.sim)["tickets"][0]["status"])
    assert statuses == [
        "diproses",
        "menunggu penyedia",
        "diproses",
        "diteruskan ke LKPP",
        "diteruskan ke LKPP",
        "selesai",
        "diteruskan ke LKPP",
        "selesai",
        "selesai",
    ]
    ticket = stored(people.sim)["tickets"][0]
    assert (ticket["closed"], ticket["rating"], ticket["assignee"]) == (True, 5, "lina")
    assert [(h["actor_id"], h["actor_role"]) for h in ticket["history"]][:3] == [
        ("ptmaju", "penyedia"),
        ("hana", "helpdesk"),
        ("hana", "helpdesk"),
    ]
    download = people.vendor_a.http.get(f"/support/tiket/{number}/lampiran/1")
    assert download.content == DOCX
    assert "Kronologi.docx" in download.headers["content-disposition"]
    # A closed ticket takes nothing more.
    late = people.vendor_a.act(number, "komentar", catatan="Terima kasih")
    assert late.status_code == 400
    assert alerts(late) == [MESSAGES.text("support.tiket_ditutup", number=number)]


def test_a_rating_int_refuses_is_asked_again_not_a_crash(people: People) -> None:
    """Found by the every-route fuzz: the page read ``nilai`` with int() after str.isdigit(),
    which holds for "²": int() raised ValueError (a 500)."""
    number = number_from(people.vendor_a.file_ticket([("Kronologi.docx", DOCX)]))
    for desk, action in ((people.helpdesk, "ambil"), (people.helpdesk, "selesaikan")):
        assert desk.act(number, action, catatan="Sudah.").status_code == 303
    odd = people.vendor_a.act(number, "terselesaikan", nilai="²")
    assert odd.status_code == 400
    assert alerts(odd) == [MESSAGES.text("support.nilai_tidak_valid", low=1, high=5)]
    assert stored(people.sim)["tickets"][0]["closed"] is False


@pytest.mark.parametrize(
    ("files", "fields", "keys"),
    [
        ([("..\\..\\Kronologi.docx", DOCX)], {}, ["support.lampiran_nama"]),
        ([("../../spse.sqlite3.docx", DOCX)], {}, ["support.lampiran_nama"]),
        ([("Kronologi.exe", DOCX)], {}, ["support.lampiran_jenis"]),
        ([("Kronologi.docx", b"")], {}, ["support.lampiran_kosong"]),
        ([("Kronologi.docx", b"x" * (5 * 2**20 + 1))], {}, ["support.lampiran_besar"]),
        (
            [("Kronologi.docx", DOCX)],
            {"deskripsi": " ", "judul": ""},
            ["support.judul_wajib", "support.deskripsi_wajib"],
        ),
        ([], {"subkategori": "Non Teknis: Pelatihan"}, ["support.subkategori_tidak_valid"]),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(
    vendor: Desk,
    sim: Sim,
    files: list[tuple[str, bytes]],
    fields: dict[str, str],
    keys: list[str],
) -> None:
    refused = vendor.file_ticket(files, **fields)
    assert refused.status_code == 400
    shown = alerts(refused)
    assert len(shown) == len(keys)
    for key, text in zip(keys, shown, strict=True):
        template = MESSAGES.templates()[key]
        assert text.startswith(template.split("{")[0]), (key, text)
    state = stored(sim)
    assert (state["tickets"], state["attachment_files"], state["partial_files"]) == ([], 0, 0)
    # What was typed is still in the form.
    assert 'value="Gagal upload penawaran"' in refused.text or "judul" in fields


def test_a_full_windows_path_keeps_only_the_file_name(vendor: Desk, sim: Sim) -> None:
    """Old Internet Explorer sent the whole path; the multipart parser keeps the last part."""
    number = number_from(vendor.file_ticket([("C:\\Users\\CV\\Kronologi.docx", DOCX)]))
    [attachment] = stored(sim)["tickets"][0]["attachments"]
    assert attachment["name"] == "Kronologi.docx"
    assert vendor.http.get(f"/support/tiket/{number}/lampiran/1").content == DOCX


def test_a_form_without_the_authenticity_token_is_refused(vendor: Desk, sim: Sim) -> None:
    response = vendor.http.post(
        "/support/tiket/baru",
        data={"judul": "x", "deskripsi": "y"},
        files=[("lampiran", ("a.docx", DOCX, "application/octet-stream"))],
    )
    assert response.status_code == 400
    assert alerts(response) == [MESSAGES.text("token.tidak_valid")]
    assert stored(sim)["tickets"] == []


# The LPSE's mail server ---------------------------------------------------------------------------
def report(sender: str = "admin@ptmaju.co.id", to: str = "lpse@surakarta.go.id") -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"PT Maju <{sender}>"
    message["To"] = to
    message["Subject"] = "Tidak bisa login di LPSE Support"
    message.set_content("Kronologi terlampir.")
    message.add_attachment(
        DOCX,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="Kronologi Error.docx",
    )
    return message


def test_smtp_server_keeps_mail_for_the_lpse(
    server: RunningServer, sim: Sim, data_dir: Path, new_browser: Callable[[], Browser]
) -> None:
    address = server.smtp_address
    assert address is not None
    with smtplib.SMTP(*address, timeout=10) as client:
        assert client.send_message(report()) == {}
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            client.send_message(report(to="orang@lain.go.id"))
    mail = sim.call("GET", "/mail")
    assert mail["smtp"] == {"host": address[0], "port": address[1]}
    [message] = mail["messages"]
    assert message["mail_from"] == "admin@ptmaju.co.id"
    [attachment] = message["attachments"]
    assert (attachment["name"], attachment["sha256"]) == (
        "Kronologi Error.docx",
        hashlib.sha256(DOCX).hexdigest(),
    )
    eml = data_dir / "mail" / "inbox" / message["file"]
    assert hashlib.sha256(eml.read_bytes()).hexdigest() == message["sha256"]

    sim.staff("hana", "helpdesk")
    sim.staff("verif", "verifikator")
    helpdesk = new_browser()
    helpdesk.login("hana")
    inbox = helpdesk.get("/email")
    assert inbox.status_code == 200
    assert "Tidak bisa login di LPSE Support" in page_text(inbox)
    assert f"{address[0]}:{address[1]}" in inbox.text
    detail = helpdesk.get(f"/email/{message['mail_id']}")
    assert "Kronologi Error.docx" in page_text(detail)
    download = helpdesk.get(f"/email/{message['mail_id']}/lampiran/0")
    assert download.content == DOCX
    # The verifikator and vendors do not read the LPSE's mailbox.
    verifier = new_browser()
    verifier.login("verif")
    refused = verifier.get("/email")
    assert refused.status_code == 403
    assert MESSAGES.text("email.hanya_lpse") in page_text(refused)
    assert helpdesk.get("/email/99").status_code == 404


def test_received_mail_survives_a_restart(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "lpse", clock_start=START)
    with RunningServer(settings) as first:
        assert first.smtp_address is not None
        with smtplib.SMTP(*first.smtp_address, timeout=10) as client:
            client.send_message(report())
    with RunningServer(settings) as second, httpx.Client(base_url=second.url) as http:
        messages = http.get("/_sim/mail").json()["messages"]
    assert [m["subject"] for m in messages] == ["Tidak bisa login di LPSE Support"]


def test_no_smtp_server_when_switched_off(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "lpse", clock_start=START, smtp_port=None)
    with RunningServer(settings) as running, httpx.Client(base_url=running.url) as http:
        assert running.smtp_address is None
        assert http.get("/_sim/mail").json()["smtp"] is None


@pytest.fixture
def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    return port


def test_a_fixed_smtp_port_is_used(tmp_path: Path, free_port: int) -> None:
    settings = Settings(data_dir=tmp_path / "lpse", clock_start=START, smtp_port=free_port)
    with RunningServer(settings) as running:
        assert running.smtp_address == ("127.0.0.1", free_port)
        with smtplib.SMTP("127.0.0.1", free_port, timeout=10) as client:
            assert client.noop()[0] == 250


def test_the_form_s_fields_and_beri_feedback(people: People) -> None:
    form = people.vendor_a.http.get("/support/tiket/baru")
    for label in ("Judul", "LPSE", "Aplikasi", "Kode Error", "Kode Tender", "Tipe Tiket"):
        assert f">{label}</label>" in form.text
    assert ">Unggah</label>" in form.text
    for ticket_type in ("Permasalahan", "Usulan", "Permintaan Layanan"):
        assert f">{ticket_type}</option>" in form.text
    refused = people.vendor_a.file_ticket(tipe="Keluhan", kode_tender="12-ab")
    assert refused.status_code == 400
    assert MESSAGES.text(
        "support.tipe_tidak_valid", choices="Permasalahan, Usulan, Permintaan Layanan"
    ) in alerts(refused)
    assert MESSAGES.text("support.kode_tender_tidak_valid") in alerts(refused)
    filed = people.vendor_a.file_ticket(
        lpse="LPSE Kota Surakarta",
        kode_error="ERR-UPLOAD-500",
        kode_tender="10012345",
        tipe="Permintaan Layanan",
    )
    number = number_from(filed)
    ticket = stored(people.sim)["tickets"][0]
    assert (ticket["lpse"], ticket["error_code"], ticket["tender_code"], ticket["ticket_type"]) == (
        "LPSE Kota Surakarta",
        "ERR-UPLOAD-500",
        "10012345",
        "Permintaan Layanan",
    )
    shown = page_text(people.vendor_a.ticket(number))
    assert "10012345" in shown
    assert "Permintaan Layanan" in shown
    assert "Beri Feedback" not in shown
    assert people.helpdesk.act(number, "ambil").status_code == 303
    assert people.helpdesk.act(number, "selesaikan", catatan="Sudah.").status_code == 303
    assert "Beri Feedback" in page_text(people.vendor_a.ticket(number))
