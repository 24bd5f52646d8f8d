"""fake_spse.domain.ams: the recommendation letter and the upgrade of an old certificate."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from factories import START

from fake_spse.domain.ams import letter_problems, upgrade_problem

TYPES = (".pdf", ".jpg", ".jpeg", ".png")
MAX = 5 * 2**20


def keys_of(name: str, data: bytes) -> list[tuple[str, dict[str, object]]]:
    return [(p.key, p.params) for p in letter_problems(name, data, types=TYPES, max_bytes=MAX)]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("", b"", [("ams.surat_wajib", {})]),
        ("Surat.docx", b"PK", [("ams.surat_jenis", {"types": ".pdf, .jpg, .jpeg, .png"})]),
        ("Surat.zip", b"PK", [("ams.surat_jenis", {"types": ".pdf, .jpg, .jpeg, .png"})]),
        ("surat", b"%PDF", [("ams.surat_jenis", {"types": ".pdf, .jpg, .jpeg, .png"})]),
        ("Surat.pdf", b"", [("ams.surat_kosong", {})]),
        ("Surat.pdf", b"%" * (MAX + 1), [("ams.surat_besar", {"max_mb": 5})]),
        ("Surat.PDF", b"%" * MAX, []),
        ("Scan Cap.JPEG", b"\xff\xd8", []),
    ],
)
def test_letter_problems(name: str, data: bytes, expected: list[object]) -> None:
    assert keys_of(name, data) == expected


def certificate(*, not_before: datetime, days: int = 365) -> x509.Certificate:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Budi")])
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_before + timedelta(days=days))
        .sign(key, hashes.SHA256())
    )


ACTIVE = certificate(not_before=START - timedelta(days=300))


def test_upgrade_of_ones_own_active_certificate_is_allowed() -> None:
    assert (
        upgrade_problem(ACTIVE, owner="cvmaju", revoked_at=None, user_id="cvmaju", now=START)
        is None
    )


@pytest.mark.parametrize("owner", [None, "cvtetangga"])
def test_a_certificate_of_someone_else_or_unknown_to_bsre_is_refused(owner: str | None) -> None:
    problem = upgrade_problem(ACTIVE, owner=owner, revoked_at=None, user_id="cvmaju", now=START)
    assert problem is not None
    assert (problem.key, problem.params) == ("apd.bukan_milik_anda", {"user_id": "cvmaju"})


def test_ownership_is_checked_before_validity() -> None:
    expired = certificate(not_before=START - timedelta(days=400))
    problem = upgrade_problem(expired, owner="lain", revoked_at=None, user_id="cvmaju", now=START)
    assert problem is not None
    assert problem.key == "apd.bukan_milik_anda"


@pytest.mark.parametrize(
    ("old", "revoked_at"),
    [
        (certificate(not_before=START - timedelta(days=400)), None),  # expired
        (certificate(not_before=START + timedelta(days=1)), None),  # not yet valid
        (ACTIVE, START - timedelta(days=1)),  # revoked
        (ACTIVE, START),  # revoked at this very moment
    ],
)
def test_an_old_certificate_no_longer_valid_is_refused(
    old: x509.Certificate, revoked_at: datetime | None
) -> None:
    problem = upgrade_problem(
        old, owner="cvmaju", revoked_at=revoked_at, user_id="cvmaju", now=START
    )
    assert problem is not None
    assert problem.key == "apd.sertifikat_lama_tidak_berlaku"


def test_a_revocation_dated_later_does_not_count_yet() -> None:
    later = START + timedelta(hours=1)
    assert (
        upgrade_problem(ACTIVE, owner="cvmaju", revoked_at=later, user_id="cvmaju", now=START)
        is None
    )
