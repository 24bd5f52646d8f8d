from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from factories import START, FakeClock

from fake_spse.adapters.ca import (
    DOCUMENT_SIGNING,
    CertificateAuthority,
    InvalidCertificateRequest,
    UnknownCertificate,
)


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(65537, 2048)


def make_csr(
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, *attributes: x509.NameAttribute[str]
) -> x509.CertificateSigningRequest:
    return (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name(list(attributes)))
        .sign(key, hashes.SHA256())
    )


def vendor_csr(key: rsa.RSAPrivateKey) -> x509.CertificateSigningRequest:
    return make_csr(
        key,
        x509.NameAttribute(NameOID.COMMON_NAME, "Budi Santoso"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CV Maju Jaya"),
        x509.NameAttribute(NameOID.EMAIL_ADDRESS, "budi@majujaya.co.id"),
        x509.NameAttribute(NameOID.LOCALITY_NAME, "Semarang"),
    )


def test_creates_root_and_intermediate(tmp_path: Path) -> None:
    ca = CertificateAuthority(tmp_path / "ca", FakeClock(START))
    root, intermediate = ca.root, ca.intermediate

    assert root.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == (
        "BSrE Root CA Simulasi"
    )
    assert intermediate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == (
        "BSrE Intermediate CA Simulasi"
    )
    assert ca.chain() == [intermediate, root]
    root.verify_directly_issued_by(root)
    intermediate.verify_directly_issued_by(root)
    for certificate in (root, intermediate):
        assert certificate.not_valid_before_utc <= START - timedelta(days=3650)
        assert certificate.not_valid_after_utc >= START + timedelta(days=365 * 30)
        constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
        assert constraints.critical
        assert constraints.value.ca
    assert {p.name for p in (tmp_path / "ca").iterdir()} >= {"ca.sqlite3", "root.crt.pem"}


def test_issue_builds_the_leaf_profile(tmp_path: Path, rsa_key: rsa.RSAPrivateKey) -> None:
    ca = CertificateAuthority(tmp_path, FakeClock(START))

    certificate = ca.issue(vendor_csr(rsa_key), user_id="budi01")

    assert certificate.subject == x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "Budi Santoso"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CV Maju Jaya"),
            x509.NameAttribute(NameOID.EMAIL_ADDRESS, "budi@majujaya.co.id"),
            x509.NameAttribute(NameOID.USER_ID, "budi01"),
        ]
    )
    assert certificate.issuer == ca.intermediate.subject
    certificate.verify_directly_issued_by(ca.intermediate)
    assert certificate.public_key() == rsa_key.public_key()
    assert certificate.not_valid_before_utc == START
    assert certificate.not_valid_after_utc == START + timedelta(days=365)
    assert isinstance(certificate.signature_hash_algorithm, hashes.SHA256)

    extensions = certificate.extensions
    constraints = extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical
    assert not constraints.value.ca
    usage = extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature
    assert usage.value.content_commitment
    assert usage.value.key_encipherment
    assert not usage.value.key_cert_sign
    assert list(extensions.get_extension_for_class(x509.ExtendedKeyUsage).value) == [
        ExtendedKeyUsageOID.EMAIL_PROTECTION,
        DOCUMENT_SIGNING,
    ]
    ski = extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert ski == x509.SubjectKeyIdentifier.from_public_key(rsa_key.public_key())
    aki = extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    issuer_ski = ca.intermediate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    assert aki.key_identifier == issuer_ski.value.digest

    record = ca.record(certificate.serial_number)
    assert record.user_id == "budi01"
    assert record.subject == (
        "UID=budi01,emailAddress=budi@majujaya.co.id,O=CV Maju Jaya,CN=Budi Santoso"
    )
    assert record.certificate == certificate
    assert record.revoked_at is None
    assert (record.not_before, record.not_after) == (START, START + timedelta(days=365))


def test_issued_lists_by_user_oldest_first(tmp_path: Path, rsa_key: rsa.RSAPrivateKey) -> None:
    clock = FakeClock(START)
    ca = CertificateAuthority(tmp_path, clock)
    first = ca.issue(vendor_csr(rsa_key), user_id="budi01")
    clock.now += timedelta(days=1)
    other = ca.issue(vendor_csr(rsa_key), user_id="sari02")
    second = ca.issue(vendor_csr(rsa_key), user_id="budi01")

    assert [r.serial for r in ca.issued("budi01")] == [first.serial_number, second.serial_number]
    assert [r.serial for r in ca.issued()] == [
        first.serial_number,
        other.serial_number,
        second.serial_number,
    ]
    assert ca.issued("nobody") == []
    assert len({first.serial_number, other.serial_number, second.serial_number}) == 3


def test_reopening_the_directory_keeps_root_and_register(
    tmp_path: Path, rsa_key: rsa.RSAPrivateKey
) -> None:
    first = CertificateAuthority(tmp_path, FakeClock(START))
    certificate = first.issue(vendor_csr(rsa_key), user_id="budi01")
    first.revoke(certificate.serial_number, at=START + timedelta(hours=2))

    later = FakeClock(START + timedelta(days=400))
    reopened = CertificateAuthority(tmp_path, later)

    assert reopened.root == first.root
    assert reopened.intermediate == first.intermediate
    record = reopened.record(certificate.serial_number)
    assert record.certificate == certificate
    assert record.revoked_at == START + timedelta(hours=2)
    again = reopened.issue(vendor_csr(rsa_key), user_id="budi01")
    again.verify_directly_issued_by(first.intermediate)
    assert again.not_valid_before_utc == later.now


def test_revoke_and_crl(tmp_path: Path, rsa_key: rsa.RSAPrivateKey) -> None:
    clock = FakeClock(START)
    ca = CertificateAuthority(tmp_path, clock)
    kept = ca.issue(vendor_csr(rsa_key), user_id="budi01")
    revoked_early = ca.issue(vendor_csr(rsa_key), user_id="sari02")
    revoked_now = ca.issue(vendor_csr(rsa_key), user_id="dewi03")
    early = START + timedelta(hours=1, microseconds=700_000)
    ca.revoke(revoked_early.serial_number, at=early)
    clock.now = START + timedelta(days=2)
    ca.revoke(revoked_now.serial_number)
    # Revoking again later keeps the first (earlier) date.
    ca.revoke(revoked_early.serial_number)

    crl = ca.crl()

    assert crl.issuer == ca.intermediate.subject
    public_key = ca.intermediate.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    assert crl.is_signature_valid(public_key)
    assert crl.last_update_utc == clock.now
    assert crl.next_update_utc == clock.now + timedelta(days=1)
    assert crl.get_revoked_certificate_by_serial_number(kept.serial_number) is None
    entry = crl.get_revoked_certificate_by_serial_number(revoked_early.serial_number)
    assert entry is not None
    assert entry.revocation_date_utc == early.replace(microsecond=0)
    entry = crl.get_revoked_certificate_by_serial_number(revoked_now.serial_number)
    assert entry is not None
    assert entry.revocation_date_utc == clock.now
    assert len(crl) == 2
    assert ca.record(revoked_now.serial_number).revoked_at == clock.now

    first_number = crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
    second_number = ca.crl().extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
    assert second_number > first_number


def test_unknown_serial(tmp_path: Path) -> None:
    ca = CertificateAuthority(tmp_path, FakeClock(START))
    with pytest.raises(UnknownCertificate):
        ca.revoke(12345)
    with pytest.raises(UnknownCertificate):
        ca.record(12345)


def test_bad_csr_signature_is_refused(tmp_path: Path, rsa_key: rsa.RSAPrivateKey) -> None:
    ca = CertificateAuthority(tmp_path, FakeClock(START))
    der = bytearray(vendor_csr(rsa_key).public_bytes(serialization.Encoding.DER))
    der[-1] ^= 0x01
    tampered = x509.load_der_x509_csr(bytes(der))

    with pytest.raises(InvalidCertificateRequest):
        ca.issue(tampered, user_id="budi01")
    assert ca.issued() == []


def test_csr_without_common_name_is_refused(tmp_path: Path, rsa_key: rsa.RSAPrivateKey) -> None:
    ca = CertificateAuthority(tmp_path, FakeClock(START))
    csr = make_csr(rsa_key, x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CV Maju Jaya"))
    with pytest.raises(InvalidCertificateRequest, match="Common Name"):
        ca.issue(csr, user_id="budi01")


def test_non_rsa_csr_is_refused(tmp_path: Path) -> None:
    ca = CertificateAuthority(tmp_path, FakeClock(START))
    csr = make_csr(
        ec.generate_private_key(ec.SECP256R1()), x509.NameAttribute(NameOID.COMMON_NAME, "Budi")
    )
    with pytest.raises(InvalidCertificateRequest, match="RSA"):
        ca.issue(csr, user_id="budi01")


def test_expired_certificate_can_be_issued(tmp_path: Path, rsa_key: rsa.RSAPrivateKey) -> None:
    ca = CertificateAuthority(tmp_path, FakeClock(START))

    certificate = ca.issue(
        vendor_csr(rsa_key),
        user_id="budi01",
        not_before=START - timedelta(days=400),
        validity=timedelta(days=365),
    )

    assert certificate.not_valid_before_utc == START - timedelta(days=400)
    assert certificate.not_valid_after_utc == START - timedelta(days=35)
    assert certificate.not_valid_after_utc < START
    assert ca.record(certificate.serial_number).not_after == START - timedelta(days=35)


def test_naive_datetimes_are_refused(tmp_path: Path, rsa_key: rsa.RSAPrivateKey) -> None:
    ca = CertificateAuthority(tmp_path, FakeClock(START))
    with pytest.raises(ValueError, match="timezone-aware"):
        ca.issue(vendor_csr(rsa_key), user_id="budi01", not_before=datetime(2025, 1, 1))


def test_concurrent_issuance_from_threads(tmp_path: Path, rsa_key: rsa.RSAPrivateKey) -> None:
    ca = CertificateAuthority(tmp_path, FakeClock(START))
    csr = vendor_csr(rsa_key)
    serials: list[int] = []
    errors: list[BaseException] = []

    def work(user: str) -> None:
        try:
            for _ in range(3):
                serials.append(ca.issue(csr, user_id=user).serial_number)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(f"user{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(serials) == sorted(r.serial for r in ca.issued())
    assert len(set(serials)) == 12
