"""The LPSE's review of vendors' certificate requests (fake_spse.service.certificates), no HTTP:
request -> visit -> approve (BSrE issues) -> embedded; reject with a reason; the upgrade path."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from service_world import PDF_LETTER, LpseUnderTest, MakeCsr, add_account, blob_files, keys
from test_certificates_service_upgrade import csr_for, old_of, pem, vendor

from fake_spse.domain import ams_review
from fake_spse.domain.accounts import Account, Role
from fake_spse.domain.certificates import AmsRequest
from fake_spse.domain.errors import DomainError, FormProblems, NotFound
from fake_spse.service.certificates import Document, Visit

PERMIT = Document("SIUP.pdf", PDF_LETTER)
STATEMENT = Document("Surat Keterangan Direktur.pdf", PDF_LETTER + b"%cap")
VISIT = Visit("Direktur cvmaju", "Direktur", ("izin_usaha", "surat_keterangan"))


def ask(lpse: LpseUnderTest, user: Account, make_csr: MakeCsr) -> AmsRequest:
    return lpse.certificates.request_certificate(
        user, permit=PERMIT, statement=STATEMENT, csr_pem=make_csr()
    )


@pytest.fixture
def checker(lpse: LpseUnderTest) -> Account:
    return add_account(lpse, "verif1", Role.VERIFIKATOR)


def test_a_vendor_request_waits_and_nothing_is_issued(
    lpse: LpseUnderTest, make_csr: MakeCsr, checker: Account
) -> None:
    user = vendor(lpse)
    request = ask(lpse, user, make_csr)
    assert request.status == ams_review.STATUS_WAITING
    assert request.in_person
    assert lpse.ca.issued("cvmaju") == []
    assert lpse.certificates.certificate_of("cvmaju") is None
    assert [r.request_id for r in lpse.certificates.review_queue()] == [request.request_id]
    # Both documents are kept and shown to the verifikator, not to another vendor.
    shown = lpse.certificates.document(checker, request.request_id, "keterangan")
    assert shown == STATEMENT
    with pytest.raises(NotFound):
        lpse.certificates.document(vendor(lpse, "cvlain"), request.request_id, "izin")
    with pytest.raises(DomainError) as caught:
        ask(lpse, user, make_csr)
    assert caught.value.key == "ams.permintaan_menunggu"


def test_both_documents_are_required_and_a_refusal_stores_nothing(
    lpse: LpseUnderTest, make_csr: MakeCsr, tmp_path: Path
) -> None:
    user = vendor(lpse)
    with pytest.raises(FormProblems) as caught:
        lpse.certificates.request_certificate(
            user, permit=Document("", b""), statement=Document("", b""), csr_pem=make_csr()
        )
    assert keys(caught.value) == ["ams.surat_wajib", "ams.keterangan_wajib"]
    assert lpse.db.ams_requests("cvmaju") == []
    assert blob_files(tmp_path) == set()


def test_a_pokja_request_is_issued_at_once(lpse: LpseUnderTest, make_csr: MakeCsr) -> None:
    pokja = add_account(lpse, "pokja1", Role.POKJA)
    request = ask(lpse, pokja, make_csr)
    assert request.status == "diterbitkan"
    assert request.serial is not None
    assert lpse.certificates.review_queue() == []


def test_visit_approve_issue_embed_and_the_handover(
    lpse: LpseUnderTest, make_csr: MakeCsr, checker: Account
) -> None:
    user = vendor(lpse)
    request = ask(lpse, user, make_csr)
    with pytest.raises(DomainError) as caught:
        lpse.certificates.approve(checker, request.request_id)
    assert caught.value.key == "ams.belum_hadir"
    lpse.clock.advance(timedelta(days=1))
    visited = lpse.certificates.record_visit(checker, request.request_id, VISIT)
    assert visited.attended_at == lpse.clock.now()
    issued = lpse.certificates.approve(checker, request.request_id)
    assert issued.status == ams_review.STATUS_ISSUED
    certificate = lpse.certificates.issued_certificate(issued)
    assert [str(r.serial) for r in lpse.ca.issued("cvmaju")] == [certificate.serial]
    # Issued is not yet embedded: SpamKodok 2 reports it.
    done = lpse.certificates.confirm_embedded(user, request.request_id)
    assert done.status == ams_review.STATUS_EMBEDDED
    for viewer in (user, checker):
        handover = lpse.certificates.handover(viewer, request.request_id)
        assert handover.data.startswith(b"%PDF-1.4")
        assert certificate.serial.encode() in handover.data
    # After the certificate, a new request is allowed again (nothing waits).
    assert ams_review.request_problem(lpse.db.ams_requests("cvmaju")) is None


def test_a_rejection_reason_reaches_the_vendor_and_a_new_request_works(
    lpse: LpseUnderTest, make_csr: MakeCsr, checker: Account
) -> None:
    user = vendor(lpse)
    first = ask(lpse, user, make_csr)
    rejected = lpse.certificates.reject(checker, first.request_id, "SIUP tidak terbaca")
    latest = lpse.certificates.latest_request("cvmaju")
    assert latest is not None
    assert latest.reason == "SIUP tidak terbaca"
    assert rejected.status == ams_review.STATUS_REJECTED
    second = ask(lpse, user, make_csr)
    assert second.request_id != first.request_id
    with pytest.raises(NotFound):
        lpse.certificates.handover(user, first.request_id)


def test_bsre_down_at_approval_keeps_the_approval_and_a_retry_issues(
    lpse: LpseUnderTest, make_csr: MakeCsr, checker: Account
) -> None:
    request = ask(lpse, vendor(lpse), make_csr)
    lpse.certificates.record_visit(checker, request.request_id, VISIT)
    lpse.faults.arm("ca.down")
    with pytest.raises(DomainError) as caught:
        lpse.certificates.approve(checker, request.request_id)
    assert caught.value.key == "ams.ca_tidak_tersedia"
    [stored] = lpse.db.ams_requests("cvmaju")
    assert stored.status == ams_review.STATUS_APPROVED
    assert lpse.ca.issued("cvmaju") == []
    lpse.faults.disarm("ca.down")
    assert lpse.certificates.approve(checker, request.request_id).status == "terbit"


def test_an_upgrade_with_the_in_person_step_issues_and_revokes_only_on_approval(
    lpse: LpseUnderTest, checker: Account
) -> None:
    user = vendor(lpse)
    _, old = old_of(lpse, "cvmaju")
    assert lpse.certificates.upgrade_needs_review(user, chosen=True)
    assert not lpse.certificates.upgrade_needs_review(user, chosen=False)
    new_key = rsa.generate_private_key(65537, 2048)
    request = lpse.certificates.request_upgrade(
        user,
        old_certificate_pem=pem(old),
        csr_pem=csr_for(new_key),
        permit=PERMIT,
        statement=STATEMENT,
    )
    assert request.kind == ams_review.KIND_UPGRADE
    assert lpse.ca.record(old.serial_number).revoked_at is None
    lpse.certificates.record_visit(checker, request.request_id, VISIT)
    done = lpse.certificates.approve(checker, request.request_id)
    assert lpse.ca.record(old.serial_number).revoked_at is not None
    new = x509.load_pem_x509_certificate(lpse.certificates.issued_certificate(done).pem.encode())
    assert new.public_key() == new_key.public_key()
