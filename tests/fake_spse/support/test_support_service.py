"""LPSE Support's service (fake_spse.support.service) on real files, without HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from factories import START

from fake_spse.domain.accounts import Account, AccountStatus, Role
from fake_spse.domain.errors import DomainError, Forbidden, NotFound
from fake_spse.simulation.clock import SimClock
from fake_spse.simulation.faults import FaultBoard
from fake_spse.storage.blobs import BlobStore
from fake_spse.support.service import FormProblems, LpseSupport, SupportStore, ticket_json
from fake_spse.support.tickets import (
    Action,
    Actor,
    AttachmentRules,
    IncomingFile,
    TicketDraft,
    TicketStatus,
    Tier,
    apply,
)
from spse_shared.messages import MessageCatalog

DRAFT = TicketDraft(
    title="Gagal upload penawaran",
    application="SPSE",
    category="Teknis",
    subcategory="Upload Dokumen Penawaran",
    description="Koneksi terputus.",
)
DOCX = IncomingFile("Kronologi Error.docx", 7, b"PK\x03\x04doc")
PNG = IncomingFile("screenshot-1.png", 6, b"\x89PNG..")


def account(user_id: str, role: Role) -> Account:
    return Account(
        user_id=user_id,
        role=role,
        name=f"Nama {user_id}",
        email=f"{user_id}@example.co.id",
        password_hash="x",
        status=AccountStatus.AKTIF,
        created_at=START,
        company=f"CV {user_id.title()}" if role is Role.PENYEDIA else "",
        phone="0812",
    )


VENDOR = account("cvmaju", Role.PENYEDIA)
OTHER = account("cvlain", Role.PENYEDIA)
HELPDESK = account("hana", Role.HELPDESK)
ADMIN = account("adi", Role.ADMIN)
LKPP = account("lina", Role.LKPP)


@pytest.fixture
def clock(tmp_path: Path) -> SimClock:
    return SimClock(tmp_path / "clock.json", start=START)


@pytest.fixture
def faults(tmp_path: Path, clock: SimClock) -> FaultBoard:
    return FaultBoard(tmp_path / "faults.sqlite3", clock)


@pytest.fixture
def support(tmp_path: Path, clock: SimClock, faults: FaultBoard) -> LpseSupport:
    return LpseSupport(
        store=SupportStore(tmp_path / "support.sqlite3"),
        blobs=BlobStore(tmp_path / "support-blobs"),
        now=clock.now,
        faults=faults,
        lpse_code="3372",
        lpse_email="lpse@surakarta.go.id",
        rules=AttachmentRules(max_bytes=1024),
    )


def test_tickets_are_numbered_per_year_in_wib(support: LpseSupport, clock: SimClock) -> None:
    first = support.file_ticket(VENDOR, DRAFT, [])
    second = support.file_ticket(OTHER, DRAFT, [])
    assert (first.number, second.number) == ("LPSE-3372-2026-000001", "LPSE-3372-2026-000002")
    # 18:00 UTC on 31 December is already New Year's Day in WIB.
    clock.set(datetime(2026, 12, 31, 18, 0, tzinfo=UTC))
    assert support.file_ticket(VENDOR, DRAFT, []).number == "LPSE-3372-2027-000001"


def test_a_ticket_is_stored_with_its_attachments_and_history(support: LpseSupport) -> None:
    ticket = support.file_ticket(VENDOR, DRAFT, [DOCX, PNG])
    view = support.view(VENDOR, ticket.number)
    assert [(a.name, a.size, a.event_seq) for a in view.attachments] == [
        ("Kronologi Error.docx", 7, 1),
        ("screenshot-1.png", 6, 1),
    ]
    _item, path = support.attachment(VENDOR, ticket.number, view.attachments[0].attachment_id)
    assert path.read_bytes() == DOCX.data
    assert [line.event.action for line in view.history] == [Action.BUAT]
    data = ticket_json(view)
    assert data["status"] == "baru"
    assert data["history"][0]["actor_role"] == "penyedia"  # type: ignore[index]


def test_bad_input_stores_nothing_and_reports_every_problem(
    support: LpseSupport, tmp_path: Path
) -> None:
    bad = TicketDraft("Judul", "SPSE", "Teknis", "Upload Dokumen Penawaran", "  ")
    files = [
        DOCX,
        IncomingFile("../../etc/passwd.docx", 3, b"abc"),
        IncomingFile("a.exe", 2, b"MZ"),
    ]
    with pytest.raises(FormProblems) as refused:
        support.file_ticket(VENDOR, bad, files)
    assert [p.key for p in refused.value.problems] == [
        "support.deskripsi_wajib",
        "support.lampiran_nama",
        "support.lampiran_jenis",
    ]
    assert support.all_tickets() == []
    assert support.blobs.keys() == []
    assert support.blobs.partial_keys() == []
    assert not (tmp_path / "etc").exists()


def test_an_oversized_attachment_names_the_limit(support: LpseSupport) -> None:
    big = IncomingFile("kronologi.docx", 5 * 2**20, b"x" * 1025)
    with pytest.raises(FormProblems) as refused:
        support.file_ticket(VENDOR, DRAFT, [big])
    [problem] = refused.value.problems
    text = MessageCatalog().text(problem.key, **problem.params)
    assert text == "Ukuran lampiran kronologi.docx melebihi batas 0 MB."
    assert support.blobs.keys() == []


def test_blobs_are_removed_when_the_ticket_cannot_be_stored(
    support: LpseSupport, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(support.store, "create", broken)
    with pytest.raises(OSError, match="disk full"):
        support.file_ticket(VENDOR, DRAFT, [DOCX, PNG])
    assert support.blobs.keys() == []


def test_a_stale_update_is_refused_and_keeps_nothing(support: LpseSupport) -> None:
    ticket = support.file_ticket(VENDOR, DRAFT, [])
    view, version = support.store.ticket(ticket.number) or pytest.fail("stored")
    support.act(HELPDESK, ticket.number, Action.AMBIL)
    after, event = apply(view.ticket, Actor("adi", Role.ADMIN, "Adi"), Action.ESKALASI, at=START)
    assert support.store.update(version, after, event, []) is False
    current, _ = support.store.ticket(ticket.number) or pytest.fail("stored")
    assert (current.ticket.tier, len(current.history)) == (Tier.HELPDESK, 2)


def test_following_a_ticket_to_the_end(support: LpseSupport, clock: SimClock) -> None:
    number = support.file_ticket(VENDOR, DRAFT, [DOCX]).number
    for actor, action, note in [
        (HELPDESK, Action.AMBIL, ""),
        (HELPDESK, Action.ESKALASI, ""),
        (LKPP, Action.ESKALASI, ""),
        (LKPP, Action.SELESAIKAN, "Sertifikat diterbitkan ulang."),
    ]:
        clock.advance(timedelta(hours=1))
        support.act(actor, number, action, note=note)
    ticket = support.act(VENDOR, number, Action.TERSELESAIKAN, rating=5)
    assert (ticket.status, ticket.closed) == (TicketStatus.SELESAI, True)
    view = support.view(LKPP, number)
    assert [
        (h.event.actor_id, h.event.action.value, h.event.to_status.value) for h in view.history
    ] == [
        ("cvmaju", "buat", "baru"),
        ("hana", "ambil", "diproses"),
        ("hana", "eskalasi", "diteruskan ke LKPP"),
        ("lina", "eskalasi", "diteruskan ke LKPP"),
        ("lina", "selesaikan", "selesai"),
        ("cvmaju", "terselesaikan", "selesai"),
    ]
    assert [h.event.at - START for h in view.history][-2] == timedelta(hours=4)


def test_comments_may_carry_attachments(support: LpseSupport) -> None:
    number = support.file_ticket(VENDOR, DRAFT, []).number
    support.act(HELPDESK, number, Action.AMBIL)
    support.act(HELPDESK, number, Action.MINTA_INFO, note="Mohon screenshot.")
    support.act(VENDOR, number, Action.KOMENTAR, note="Terlampir.", files=[PNG])
    view = support.view(HELPDESK, number)
    assert view.ticket.status is TicketStatus.DIPROSES
    assert [(a.name, a.event_seq) for a in view.attachments] == [("screenshot-1.png", 4)]
    with pytest.raises(FormProblems):
        support.act(
            VENDOR, number, Action.KOMENTAR, note="x", files=[IncomingFile("a.bat", 1, b"x")]
        )
    assert len(support.view(VENDOR, number).history) == 4


def test_visibility_by_role(support: LpseSupport) -> None:
    mine = support.file_ticket(VENDOR, DRAFT, []).number
    theirs = support.file_ticket(OTHER, DRAFT, []).number
    assert [v.ticket.number for v in support.visible_tickets(VENDOR)] == [mine]
    assert {v.ticket.number for v in support.visible_tickets(HELPDESK)} == {mine, theirs}
    assert support.visible_tickets(LKPP) == []
    with pytest.raises(Forbidden) as refused:
        support.view(VENDOR, theirs)
    assert refused.value.key == "support.bukan_tiket_anda"
    with pytest.raises(Forbidden):
        support.attachment(VENDOR, theirs, 1)
    with pytest.raises(NotFound) as missing:
        support.view(VENDOR, "LPSE-3372-2026-999999")
    assert missing.value.key == "support.tiket_tidak_ditemukan"
    with pytest.raises(NotFound):
        support.view(VENDOR, "../../spse.sqlite3")
    support.act(HELPDESK, theirs, Action.ESKALASI)
    assert [v.ticket.number for v in support.visible_tickets(LKPP)] == [theirs]


def test_support_down_makes_login_fail_with_the_lpse_address(
    support: LpseSupport, faults: FaultBoard
) -> None:
    faults.arm("support.down")
    with pytest.raises(DomainError) as refused:
        support.log_in(VENDOR, "sid-1")
    assert refused.value.key == "support.tidak_tersedia"
    assert refused.value.params == {"email": "lpse@surakarta.go.id"}
    assert not support.is_logged_in("sid-1", VENDOR)
    [firing] = faults.firings()
    assert (firing.name, firing.actor) == ("support.down", "cvmaju")
    faults.disarm("support.down")
    support.log_in(VENDOR, "sid-1")
    assert support.is_logged_in("sid-1", VENDOR)
    # Another SPSE user in the same browser session must log in to LPSE Support again.
    assert not support.is_logged_in("sid-1", OTHER)
    support.log_out("sid-1")
    assert not support.is_logged_in("sid-1", VENDOR)


def test_staff_cannot_file_tickets(support: LpseSupport) -> None:
    with pytest.raises(Forbidden) as refused:
        support.file_ticket(HELPDESK, DRAFT, [])
    assert refused.value.key == "support.hanya_penyedia"


def test_downloads_never_carry_a_path_in_their_name() -> None:
    from fake_spse.support.pages import disposition

    header = disposition('..\\..\\a/"b".docx')
    assert "/" not in header.split("filename*=")[0]
    assert "\\" not in header
    assert header.startswith('attachment; filename=".._.._a__b_.docx";')
    assert disposition("Kronologi Error.docx").endswith("UTF-8''Kronologi%20Error.docx")
