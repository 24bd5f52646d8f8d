"""Certificates (fake_spse.service.certificates) without HTTP: AMS registration, revocation."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from service_world import (
    MESSAGES,
    PDF_LETTER,
    START,
    LpseUnderTest,
    MakeCsr,
    add_account,
    blob_files,
    certify,
    keys,
)

from fake_spse.domain.accounts import Role
from fake_spse.domain.errors import DomainError, FormProblems


def _nothing_recorded(lpse: LpseUnderTest, tmp_path: Path, user_id: str) -> None:
    assert lpse.db.certificates(user_id) == []
    assert lpse.db.ams_requests(user_id) == []
    assert lpse.ca.issued(user_id) == []
    assert lpse.certificates.certificate_of(user_id) is None
    assert blob_files(tmp_path) == set()


@pytest.mark.parametrize(
    ("letter_name", "letter", "expected"),
    [
        ("", b"", ("ams.surat_wajib", {})),
        ("surat.docx", PDF_LETTER, ("ams.surat_jenis", {"types": ".pdf, .jpg, .jpeg, .png"})),
        ("surat.pdf", b"", ("ams.surat_kosong", {})),
        ("surat.pdf", b"%" * (5 * 2**20 + 1), ("ams.surat_besar", {"max_mb": 5})),
    ],
)
def test_ams_refuses_a_bad_letter_and_records_nothing(
    lpse: LpseUnderTest,
    tmp_path: Path,
    make_csr: MakeCsr,
    letter_name: str,
    letter: bytes,
    expected: tuple[str, dict[str, object]],
) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    with pytest.raises(FormProblems) as caught:
        lpse.certificates.register_ams(
            vendor, letter_name=letter_name, letter=letter, csr_pem=make_csr()
        )
    [problem] = caught.value.problems
    assert (problem.key, problem.params) == expected
    _nothing_recorded(lpse, tmp_path, "ptmaju")


def test_ams_accepts_a_letter_of_exactly_the_maximum_size(
    lpse: LpseUnderTest, make_csr: MakeCsr
) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    letter = b"%" * lpse.profile.ams_letter_max_bytes
    lpse.certificates.register_ams(
        vendor, letter_name="SURAT.PDF", letter=letter, csr_pem=make_csr()
    )
    assert lpse.certificates.certificate_of("ptmaju") is not None


def test_ams_reports_letter_and_csr_problems_together(lpse: LpseUnderTest, tmp_path: Path) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    with pytest.raises(FormProblems) as caught:
        lpse.certificates.register_ams(
            vendor, letter_name="surat.exe", letter=b"MZ", csr_pem="bukan csr"
        )
    assert keys(caught.value) == ["ams.surat_jenis", "ams.csr_tidak_valid"]
    _nothing_recorded(lpse, tmp_path, "ptmaju")


@pytest.mark.parametrize("problem", ["weak_key", "no_common_name"])
def test_ams_refuses_a_csr_the_ca_rejects(
    lpse: LpseUnderTest, tmp_path: Path, make_csr: MakeCsr, problem: str
) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    if problem == "weak_key":
        weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)
        csr = make_csr(key=weak)
    else:
        csr = make_csr(common_name="")
    with pytest.raises(DomainError) as caught:
        lpse.certificates.register_ams(
            vendor, letter_name="surat.pdf", letter=PDF_LETTER, csr_pem=csr
        )
    assert caught.value.key == "ams.csr_tidak_valid"
    _nothing_recorded(lpse, tmp_path, "ptmaju")


def test_ams_with_the_ca_down_records_nothing(
    lpse: LpseUnderTest, tmp_path: Path, make_csr: MakeCsr
) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    lpse.faults.arm("ca.down")
    with pytest.raises(DomainError) as caught:
        lpse.certificates.register_ams(
            vendor, letter_name="surat.pdf", letter=PDF_LETTER, csr_pem=make_csr()
        )
    assert caught.value.key == "ams.ca_tidak_tersedia"
    assert MESSAGES.text(caught.value.key).startswith("Layanan Balai Sertifikasi Elektronik")
    _nothing_recorded(lpse, tmp_path, "ptmaju")
    assert [(f.name, f.actor) for f in lpse.faults.firings()] == [("ca.down", "ptmaju")]


def test_ams_records_the_certificate_and_the_letter(
    lpse: LpseUnderTest, tmp_path: Path, make_csr: MakeCsr
) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    record = lpse.certificates.register_ams(
        vendor, letter_name="surat.pdf", letter=PDF_LETTER, csr_pem=make_csr("Budi Santoso")
    )
    assert "CN=Budi Santoso" in record.subject
    assert "ptmaju" in record.subject
    assert record.not_before == START
    assert record.not_after == START + timedelta(days=lpse.profile.certificate_validity_days)
    assert lpse.db.certificates("ptmaju") == [record]
    assert lpse.certificates.certificate_of("ptmaju") == record
    [request] = lpse.db.ams_requests("ptmaju")
    assert (request.status, request.serial, request.letter_name) == (
        "diterbitkan",
        record.serial,
        "surat.pdf",
    )
    assert lpse.blobs.path(request.letter_blob).read_bytes() == PDF_LETTER
    assert [r.serial for r in lpse.ca.issued("ptmaju")] == [int(record.serial)]


def test_a_revoked_or_expired_certificate_is_no_longer_current(
    lpse: LpseUnderTest, make_csr: MakeCsr
) -> None:
    vendor = add_account(lpse, "ptmaju", Role.PENYEDIA)
    certify(lpse, vendor, make_csr)
    certificate = lpse.certificates.certificate_of("ptmaju")
    assert certificate is not None
    lpse.clock.advance(timedelta(days=1))
    lpse.ca.revoke(int(certificate.serial))
    assert lpse.certificates.certificate_of("ptmaju") is None

    other = add_account(lpse, "ptlain", Role.PENYEDIA)
    certify(lpse, other, make_csr)
    lpse.clock.advance(timedelta(days=lpse.profile.certificate_validity_days))
    assert lpse.certificates.certificate_of("ptlain") is None
