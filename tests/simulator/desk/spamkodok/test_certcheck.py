"""simulator.desk.spamkodok.certcheck: SpamKodok 2's own certificate at sealing, at SPSE's time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from factories import START, FakeClock

from fake_spse.adapters.ca import CertificateAuthority
from simulator.desk.spamkodok.certcheck import check_own_certificate, server_time, wib
from spse_shared.messages import MessageCatalog


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def ca(tmp_path: Path, clock: FakeClock) -> CertificateAuthority:
    return CertificateAuthority(tmp_path / "bsre", clock)


def issue(ca: CertificateAuthority, rsa_key: rsa.RSAPrivateKey, days: int = 30) -> x509.Certificate:
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Budi")]))
        .sign(rsa_key, hashes.SHA256())
    )
    return ca.issue(csr, user_id="cvmaju", validity=timedelta(days=days))


def test_a_valid_unrevoked_certificate_may_seal(
    ca: CertificateAuthority, rsa_key: rsa.RSAPrivateKey
) -> None:
    certificate = issue(ca, rsa_key)
    at = START + timedelta(days=10)
    assert check_own_certificate(certificate, ca.chain(), [ca.crl()], at) is None


def test_an_expired_certificate_names_its_end_and_spse_time(
    ca: CertificateAuthority, rsa_key: rsa.RSAPrivateKey
) -> None:
    certificate = issue(ca, rsa_key, days=1)
    problem = check_own_certificate(certificate, ca.chain(), [], START + timedelta(days=4))
    assert problem is not None
    assert problem.key == "kodok.sertifikat_kedaluwarsa"
    assert problem.params == {
        "sampai": "03 Maret 2026 08:00 WIB",
        "waktu": "06 Maret 2026 08:00 WIB",
    }
    text = MessageCatalog().text(problem.key, **problem.params)
    assert "sudah kedaluwarsa sejak 03 Maret 2026 08:00 WIB" in text


def test_the_last_moment_of_validity_still_seals(
    ca: CertificateAuthority, rsa_key: rsa.RSAPrivateKey
) -> None:
    certificate = issue(ca, rsa_key, days=1)
    assert check_own_certificate(certificate, ca.chain(), [], START + timedelta(days=1)) is None


def test_a_certificate_not_yet_valid_is_refused(
    ca: CertificateAuthority, rsa_key: rsa.RSAPrivateKey
) -> None:
    certificate = issue(ca, rsa_key)
    problem = check_own_certificate(certificate, ca.chain(), [], START - timedelta(minutes=1))
    assert problem is not None
    assert problem.key == "kodok.sertifikat_belum_berlaku"


def test_revoked_before_spse_time_is_refused_with_the_revocation_date(
    ca: CertificateAuthority, rsa_key: rsa.RSAPrivateKey, clock: FakeClock
) -> None:
    certificate = issue(ca, rsa_key)
    ca.revoke(certificate.serial_number, at=START + timedelta(hours=2))
    clock.now = START + timedelta(days=1)
    problem = check_own_certificate(certificate, ca.chain(), [ca.crl()], clock.now)
    assert problem is not None
    assert (problem.key, problem.params) == (
        "kodok.sertifikat_dicabut",
        {"tanggal": "02 Maret 2026 10:00 WIB"},
    )


def test_a_revocation_dated_after_spse_time_does_not_count(
    ca: CertificateAuthority, rsa_key: rsa.RSAPrivateKey
) -> None:
    certificate = issue(ca, rsa_key)
    ca.revoke(certificate.serial_number, at=START + timedelta(days=2))
    assert (
        check_own_certificate(certificate, ca.chain(), [ca.crl()], START + timedelta(days=1))
        is None
    )


def test_only_a_crl_signed_by_the_certificates_issuer_counts(
    tmp_path: Path, ca: CertificateAuthority, rsa_key: rsa.RSAPrivateKey, clock: FakeClock
) -> None:
    certificate = issue(ca, rsa_key)
    ca.revoke(certificate.serial_number)
    other = CertificateAuthority(tmp_path / "lain", clock)  # same names, other keys
    # A CRL of another CA, or a chain without the real issuer, cannot revoke this certificate.
    assert check_own_certificate(certificate, ca.chain(), [other.crl()], START) is None
    assert check_own_certificate(certificate, other.chain(), [ca.crl()], START) is None
    assert check_own_certificate(certificate, ca.chain(), [ca.crl()], START) is not None


def test_spse_time_must_be_aware(ca: CertificateAuthority, rsa_key: rsa.RSAPrivateKey) -> None:
    with pytest.raises(ValueError, match="aware"):
        check_own_certificate(issue(ca, rsa_key), ca.chain(), [], datetime(2026, 3, 2))


def test_server_time_reads_the_pages_time_else_falls_back() -> None:
    fallback = datetime(2030, 1, 1, tzinfo=UTC)
    page = "2026-03-06T02:00:00+00:00"
    assert server_time(page, fallback=lambda: fallback) == datetime(2026, 3, 6, 2, tzinfo=UTC)
    for bad in (None, "", "kemarin", "2026-03-06T02:00:00", 12):
        assert server_time(bad, fallback=lambda: fallback) == fallback


def test_wib_is_spse_style() -> None:
    assert wib(datetime(2026, 12, 31, 17, 30, tzinfo=UTC)) == "01 Januari 2027 00:30 WIB"
