"""The LPSE's review of a vendor's certificate request over real HTTP: the vendor's request
waits in the verifikator's queue; visit, approve (BSrE issues), embed, berita acara; a rejection
with its reason on the vendor's page and a new request."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cryptography import x509
from spse_web import BASE, Browser, Sim, page_text

from spse_shared.messages import MessageCatalog

MESSAGES = MessageCatalog()
MakeCsr = Callable[..., str]


@pytest.fixture
def pair(sim: Sim, new_browser: Callable[[], Browser]) -> tuple[Browser, Browser]:
    """A verified vendor ("ptmaju", logged in) and the verifikator ("verif", logged in)."""
    sim.staff("verif", "verifikator")
    checker = new_browser()
    assert checker.login("verif").status_code == 303
    vendor = new_browser()
    assert vendor.register("ptmaju").status_code == 200
    assert checker.post_form("/verifikasi/ptmaju", {}).status_code == 303
    assert vendor.login("ptmaju").status_code == 303
    return vendor, checker


def test_a_request_waits_then_is_approved_embedded_and_handed_over(
    pair: tuple[Browser, Browser], make_csr: MakeCsr
) -> None:
    vendor, checker = pair
    answer = vendor.ams(make_csr(), statement=b"%PDF-1.4 cap perusahaan")
    assert answer.json()["menunggu"] is True
    assert answer.json()["message"] == MESSAGES.text("ams.terkirim")
    number = answer.json()["request_id"]
    assert "certificate_pem" not in answer.json()
    page = page_text(vendor.get("/ams"))
    assert "Menunggu verifikasi" in page
    # Another request while this one waits is refused.
    again = vendor.ams(make_csr())
    assert again.json()["messages"] == [MESSAGES.text("ams.permintaan_menunggu")]
    # Nothing to embed before approval.
    early = vendor.get(f"/ams/{number}/sertifikat")
    assert early.status_code == 400
    # The verifikator's queue and the request's documents.
    queue = page_text(checker.get("/verifikasi/sertifikat"))
    assert "ptmaju" in queue
    assert "Menunggu verifikasi" in queue
    statement = checker.get(f"/ams/{number}/dokumen/keterangan")
    assert statement.content == b"%PDF-1.4 cap perusahaan"
    # Approval before the visit is refused with the catalog message.
    refused = checker.post_form(f"/verifikasi/sertifikat/{number}/setujui", {})
    assert refused.status_code == 400
    assert MESSAGES.text("ams.belum_hadir") in page_text(refused)
    approved = checker.approve_ams(number)
    assert approved.status_code == 303
    assert "pesan=" in approved.headers["location"]
    issued = vendor.get(f"/ams/{number}/sertifikat").json()
    certificate = x509.load_pem_x509_certificate(issued["certificate_pem"].encode())
    told = vendor.http.post(
        f"{BASE}/ams/{number}/tertanam", headers={"X-Authenticity-Token": vendor.token()}
    )
    assert told.json() == {"ok": True, "message": MESSAGES.text("ams.tertanam")}
    for who in (vendor, checker):
        handover = who.get(f"/ams/{number}/berita-acara")
        assert handover.headers["content-type"] == "application/pdf"
        assert str(certificate.serial_number).encode() in handover.content
    assert "Tertanam" in page_text(vendor.get("/ams"))


def test_a_rejection_reason_is_shown_and_a_new_request_works(
    pair: tuple[Browser, Browser], make_csr: MakeCsr, sim: Sim, new_browser: Callable[[], Browser]
) -> None:
    vendor, checker = pair
    number = vendor.ams(make_csr()).json()["request_id"]
    empty = checker.post_form(f"/verifikasi/sertifikat/{number}/tolak", {"alasan": " "})
    assert empty.status_code == 400
    assert MESSAGES.text("ams.alasan_wajib") in page_text(empty)
    rejected = checker.post_form(
        f"/verifikasi/sertifikat/{number}/tolak", {"alasan": "Salinan SIUP tidak terbaca"}
    )
    assert rejected.status_code == 303
    shown = page_text(vendor.get("/ams"))
    reason = MESSAGES.text("ams.status_ditolak", reason="Salinan SIUP tidak terbaca")
    assert reason in shown
    assert vendor.ams(make_csr()).json()["menunggu"] is True
    # A pokja neither sees the request nor its documents.
    sim.staff("pokja1", "pokja")
    other = new_browser()
    assert other.login("pokja1").status_code == 303
    assert other.get(f"/verifikasi/sertifikat/{number}").status_code == 403
    assert other.get(f"/ams/{number}/dokumen/izin").status_code == 403


def test_a_vendor_must_send_both_documents(
    pair: tuple[Browser, Browser], make_csr: MakeCsr
) -> None:
    vendor, _ = pair
    answer = vendor.ams(make_csr(), statement_name="", statement=b"")
    assert answer.status_code == 400
    assert answer.json()["messages"] == [MESSAGES.text("ams.keterangan_wajib")]


def test_bsre_down_at_approval_keeps_the_request_approved_and_a_retry_issues(
    pair: tuple[Browser, Browser], make_csr: MakeCsr, sim: Sim
) -> None:
    vendor, checker = pair
    number = vendor.ams(make_csr()).json()["request_id"]
    sim.arm("ca.down", times=1)
    down = checker.approve_ams(number)
    assert down.status_code == 400
    assert MESSAGES.text("ams.ca_tidak_tersedia") in page_text(down)
    retry = checker.post_form(f"/verifikasi/sertifikat/{number}/setujui", {})
    assert retry.status_code == 303
    assert vendor.get(f"/ams/{number}/sertifikat").json()["ok"] is True
