from __future__ import annotations

import stat
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import NameOID
from factories import START, FakeClock

from fake_spse.adapters.ca import CertificateAuthority
from simulator.desk.spamkodok.apd import (
    ApdContents,
    ApdCorrupt,
    ApdError,
    ApdExpired,
    ApdForeign,
    ApdRevoked,
    ApdWrongPassphrase,
    read_apd,
    write_apd,
)
from simulator.desk.spamkodok.keystore import Keystore

NOW = START + timedelta(days=200)
PASSPHRASE = "Kodok-Lama-2024"


@dataclass
class Old:
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate


def issue_old(
    ca: CertificateAuthority,
    user_id: str,
    *,
    not_before: datetime = START,
    validity: timedelta = timedelta(days=365),
) -> Old:
    key = rsa.generate_private_key(65537, 2048)
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.COMMON_NAME, "Budi Santoso"),
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CV Maju Jaya"),
                    x509.NameAttribute(NameOID.EMAIL_ADDRESS, "budi@majujaya.co.id"),
                ]
            )
        )
        .sign(key, hashes.SHA256())
    )
    return Old(key, ca.issue(csr, user_id=user_id, not_before=not_before, validity=validity))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def ca(tmp_path: Path, clock: FakeClock) -> CertificateAuthority:
    return CertificateAuthority(tmp_path / "bsre", clock)


def export(tmp_path: Path, ca: CertificateAuthority, old: Old, name: str = "budi.apd") -> bytes:
    path = tmp_path / name
    write_apd(path, PASSPHRASE, private_key=old.key, certificate=old.certificate, chain=ca.chain())
    return path.read_bytes()


def read(
    ca: CertificateAuthority,
    data: bytes,
    *,
    passphrase: str = PASSPHRASE,
    at: datetime = NOW,
    crls: list[x509.CertificateRevocationList] | None = None,
) -> ApdContents:
    return read_apd(
        data,
        passphrase,
        trust_roots=[ca.root],
        crls=[ca.crl()] if crls is None else crls,
        at=at,
    )


def test_valid_apd_is_read(tmp_path: Path, ca: CertificateAuthority) -> None:
    old = issue_old(ca, "budi01")

    contents = read(ca, export(tmp_path, ca, old))

    assert contents.private_key.private_numbers() == old.key.private_numbers()
    assert contents.certificate == old.certificate
    assert contents.chain == (ca.intermediate, ca.root)
    assert contents.subject == (
        "UID=budi01,emailAddress=budi@majujaya.co.id,O=CV Maju Jaya,CN=Budi Santoso"
    )


def test_contents_can_be_embedded_in_a_keystore(tmp_path: Path, ca: CertificateAuthority) -> None:
    contents = read(ca, export(tmp_path, ca, issue_old(ca, "budi01")))
    keystore = Keystore(tmp_path / "budi.p12", "Rahasia-Baru", contents.private_key)

    keystore.embed(contents.certificate, contents.chain)

    reopened = Keystore.open(tmp_path / "budi.p12", "Rahasia-Baru")
    assert reopened.certificate == contents.certificate
    assert reopened.chain == [ca.intermediate, ca.root]


def test_write_is_private_and_atomic(tmp_path: Path, ca: CertificateAuthority) -> None:
    export(tmp_path, ca, issue_old(ca, "budi01"), name="ekspor/budi.apd")

    path = tmp_path / "ekspor" / "budi.apd"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["budi.apd"]  # no temporary file left


def test_write_refuses_a_key_that_is_not_the_certificates(
    tmp_path: Path, ca: CertificateAuthority
) -> None:
    old, other = issue_old(ca, "budi01"), issue_old(ca, "sari01")
    with pytest.raises(ValueError, match="private_key"):
        write_apd(
            tmp_path / "x.apd",
            PASSPHRASE,
            private_key=other.key,
            certificate=old.certificate,
            chain=[],
        )
    with pytest.raises(ValueError, match="passphrase"):
        write_apd(
            tmp_path / "x.apd", "", private_key=old.key, certificate=old.certificate, chain=[]
        )
    assert not (tmp_path / "x.apd").exists()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"APD SpamKodok versi 1\x00\x01\x02" * 40,
        b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    ],
    ids=["empty", "garbage", "pem"],
)
def test_garbage_is_corrupt(ca: CertificateAuthority, data: bytes) -> None:
    with pytest.raises(ApdCorrupt, match="rusak"):
        read(ca, data)


def test_truncated_apd_is_corrupt(tmp_path: Path, ca: CertificateAuthority) -> None:
    data = export(tmp_path, ca, issue_old(ca, "budi01"))
    with pytest.raises(ApdCorrupt):
        read(ca, data[: len(data) // 2])


def test_wrong_passphrase(tmp_path: Path, ca: CertificateAuthority) -> None:
    data = export(tmp_path, ca, issue_old(ca, "budi01"))
    with pytest.raises(ApdWrongPassphrase, match="Passphrase"):
        read(ca, data, passphrase="kodok-lama-2024")


def test_pkcs12_without_a_key_and_its_certificate_is_corrupt(ca: CertificateAuthority) -> None:
    old, other = issue_old(ca, "budi01"), issue_old(ca, "sari01")
    encryption = BestAvailableEncryption(PASSPHRASE.encode())
    certificate_only = pkcs12.serialize_key_and_certificates(
        b"apd", None, old.certificate, None, encryption
    )
    # PKCS#12 pairs a key with its own certificate only; another one is just an extra.
    mismatched = pkcs12.serialize_key_and_certificates(
        b"apd", other.key, None, [old.certificate], encryption
    )
    ec_key = ec.generate_private_key(ec.SECP256R1())
    not_rsa = pkcs12.serialize_key_and_certificates(b"apd", ec_key, None, None, encryption)
    for data in (certificate_only, mismatched, not_rsa):
        with pytest.raises(ApdCorrupt):
            read(ca, data)


def test_certificate_from_a_foreign_ca(tmp_path: Path, ca: CertificateAuthority) -> None:
    foreign_ca = CertificateAuthority(tmp_path / "ca-lain", lambda: START)
    old = issue_old(foreign_ca, "budi01")
    path = tmp_path / "asing.apd"
    write_apd(
        path,
        PASSPHRASE,
        private_key=old.key,
        certificate=old.certificate,
        chain=foreign_ca.chain(),
    )

    with pytest.raises(ApdForeign, match="tidak diterbitkan"):
        read(ca, path.read_bytes())
    # Our own certificate without trust roots is no better.
    with pytest.raises(ApdForeign):
        read_apd(
            export(tmp_path, ca, issue_old(ca, "sari01")),
            PASSPHRASE,
            trust_roots=[],
            crls=[],
            at=NOW,
        )


def test_foreign_is_reported_before_expired(tmp_path: Path, ca: CertificateAuthority) -> None:
    foreign_ca = CertificateAuthority(tmp_path / "ca-lain", lambda: START)
    old = issue_old(foreign_ca, "budi01", validity=timedelta(days=30))
    path = tmp_path / "asing.apd"
    write_apd(
        path,
        PASSPHRASE,
        private_key=old.key,
        certificate=old.certificate,
        chain=foreign_ca.chain(),
    )
    with pytest.raises(ApdForeign):
        read(ca, path.read_bytes())


def test_expired_at_the_simulated_now(tmp_path: Path, ca: CertificateAuthority) -> None:
    old = issue_old(ca, "budi01", validity=timedelta(days=90))
    data = export(tmp_path, ca, old)

    assert read(ca, data, at=START + timedelta(days=90)).certificate == old.certificate
    with pytest.raises(ApdExpired, match="kedaluwarsa"):
        read(ca, data, at=START + timedelta(days=90, seconds=1))


def test_not_yet_valid_at_the_simulated_now(tmp_path: Path, ca: CertificateAuthority) -> None:
    data = export(tmp_path, ca, issue_old(ca, "budi01", not_before=NOW + timedelta(days=1)))
    with pytest.raises(ApdExpired, match="belum berlaku"):
        read(ca, data)


def test_revoked_at_or_before_the_simulated_now(
    tmp_path: Path, ca: CertificateAuthority, clock: FakeClock
) -> None:
    old = issue_old(ca, "budi01")
    data = export(tmp_path, ca, old)
    ca.revoke(old.certificate.serial_number, at=NOW - timedelta(days=1))
    clock.now = NOW

    with pytest.raises(ApdRevoked, match="dicabut"):
        read(ca, data)
    with pytest.raises(ApdRevoked):
        read(ca, data, at=NOW - timedelta(days=1))
    # Before the revocation the same CRL does not stop it.
    assert read(ca, data, at=NOW - timedelta(days=2)).certificate == old.certificate


def test_a_crl_not_signed_by_the_issuer_is_ignored(
    tmp_path: Path, ca: CertificateAuthority
) -> None:
    old = issue_old(ca, "budi01")
    data = export(tmp_path, ca, old)
    forged = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.intermediate.subject)
        .last_update(START)
        .next_update(NOW + timedelta(days=1))
        .add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(old.certificate.serial_number)
            .revocation_date(START)
            .build()
        )
        .sign(ec.generate_private_key(ec.SECP256R1()), hashes.SHA256())
    )

    assert read(ca, data, crls=[forged]).certificate == old.certificate


def test_naive_time_is_refused(tmp_path: Path, ca: CertificateAuthority) -> None:
    data = export(tmp_path, ca, issue_old(ca, "budi01"))
    with pytest.raises(ValueError, match="timezone-aware"):
        read(ca, data, at=datetime(2024, 9, 1))


def test_error_codes_are_distinct_and_stable() -> None:
    errors: list[type[ApdError]] = [
        ApdCorrupt,
        ApdWrongPassphrase,
        ApdForeign,
        ApdExpired,
        ApdRevoked,
    ]
    assert [error.code for error in errors] == [
        "apd_rusak",
        "apd_passphrase_salah",
        "apd_asing",
        "apd_kedaluwarsa",
        "apd_dicabut",
    ]
    assert all(issubclass(error, ApdError) for error in errors)


def test_pem_of_the_certificate_alone_is_corrupt(ca: CertificateAuthority) -> None:
    old = issue_old(ca, "budi01")
    with pytest.raises(ApdCorrupt):
        read(ca, old.certificate.public_bytes(serialization.Encoding.DER))
