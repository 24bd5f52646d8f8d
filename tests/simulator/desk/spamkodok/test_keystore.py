from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import NameOID
from factories import START

from fake_spse.adapters.ca import CertificateAuthority
from simulator.desk.spamkodok.keystore import (
    CertificateMismatch,
    Keystore,
    KeystoreCorrupt,
    KeystoreError,
    WrongPassphrase,
)

PASSPHRASE = "Rahasia-Kodok-2025"


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> CertificateAuthority:
    return CertificateAuthority(tmp_path_factory.mktemp("ca"), lambda: START)


def issue_for(ca: CertificateAuthority, keystore: Keystore) -> x509.Certificate:
    csr = keystore.certificate_signing_request(
        common_name="Budi Santoso", organization="CV Maju Jaya", email="budi@majujaya.co.id"
    )
    return ca.issue(csr, user_id="budi01")


def test_create_saves_a_new_key_without_certificate(tmp_path: Path) -> None:
    path = tmp_path / "budi.p12"

    keystore = Keystore.create(path, PASSPHRASE)

    assert keystore.path == path
    assert keystore.private_key.key_size == 2048
    assert keystore.certificate is None
    assert keystore.chain == []
    assert keystore.subject is None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["budi.p12"]  # no temporary file left

    reopened = Keystore.open(path, PASSPHRASE)
    assert reopened.private_key.private_numbers() == keystore.private_key.private_numbers()
    assert reopened.certificate is None


def test_create_takes_its_key_from_the_given_source(tmp_path: Path) -> None:
    pooled = rsa.generate_private_key(65537, 2048)
    keystore = Keystore.create(tmp_path / "budi.p12", PASSPHRASE, lambda: pooled)
    reopened = Keystore.open(tmp_path / "budi.p12", PASSPHRASE)
    assert reopened.private_key.private_numbers() == pooled.private_numbers()
    assert keystore.private_key is pooled


def test_create_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "budi.p12"
    original = Keystore.create(path, PASSPHRASE)
    with pytest.raises(FileExistsError):
        Keystore.create(path, "lain")
    assert Keystore.open(path, PASSPHRASE).private_key.public_key() == (
        original.private_key.public_key()
    )


def test_empty_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="passphrase"):
        Keystore.create(tmp_path / "budi.p12", "")


def test_certificate_signing_request(tmp_path: Path) -> None:
    keystore = Keystore.create(tmp_path / "budi.p12", PASSPHRASE)

    csr = keystore.certificate_signing_request(
        common_name="Budi Santoso", organization="CV Maju Jaya", email="budi@majujaya.co.id"
    )

    assert csr.is_signature_valid
    assert csr.public_key() == keystore.private_key.public_key()
    assert csr.subject.rfc4514_string() == (
        "1.2.840.113549.1.9.1=budi@majujaya.co.id,O=CV Maju Jaya,CN=Budi Santoso"
    )
    bare = keystore.certificate_signing_request(common_name="Sari", organization=None, email=None)
    assert bare.subject == x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Sari")])


def test_embed_and_reopen(tmp_path: Path, ca: CertificateAuthority) -> None:
    path = tmp_path / "budi.p12"
    keystore = Keystore.create(path, PASSPHRASE)
    certificate = issue_for(ca, keystore)

    keystore.embed(certificate, ca.chain())

    assert keystore.subject == (
        "UID=budi01,emailAddress=budi@majujaya.co.id,O=CV Maju Jaya,CN=Budi Santoso"
    )
    reopened = Keystore.open(path, PASSPHRASE)
    assert reopened.certificate == certificate
    assert reopened.chain == [ca.intermediate, ca.root]
    assert reopened.subject == keystore.subject
    assert [p.name for p in tmp_path.iterdir()] == ["budi.p12"]


def test_embed_replaces_the_earlier_certificate(tmp_path: Path, ca: CertificateAuthority) -> None:
    path = tmp_path / "budi.p12"
    keystore = Keystore.create(path, PASSPHRASE)
    keystore.embed(issue_for(ca, keystore), ca.chain())
    renewed = issue_for(ca, keystore)

    keystore.embed(renewed, [ca.intermediate])

    reopened = Keystore.open(path, PASSPHRASE)
    assert reopened.certificate == renewed
    assert reopened.chain == [ca.intermediate]


def test_embed_refuses_a_certificate_for_another_key(
    tmp_path: Path, ca: CertificateAuthority
) -> None:
    path = tmp_path / "budi.p12"
    keystore = Keystore.create(path, PASSPHRASE)
    before = path.read_bytes()
    stranger = Keystore.create(tmp_path / "other.p12", PASSPHRASE)
    foreign = issue_for(ca, stranger)

    with pytest.raises(CertificateMismatch):
        keystore.embed(foreign, ca.chain())

    assert keystore.certificate is None
    assert path.read_bytes() == before


def test_wrong_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "budi.p12"
    Keystore.create(path, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Keystore.open(path, "rahasia-kodok-2025")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b"bukan keystore sama sekali\n" * 4, id="text"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data + b"\x00\x00", id="trailing-bytes"),
        pytest.param(lambda data: b"\x31" + data[1:], id="not-a-sequence"),
    ],
)
def test_corrupt_files_are_told_apart_from_a_wrong_passphrase(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    path = tmp_path / "budi.p12"
    Keystore.create(path, PASSPHRASE)
    path.write_bytes(damage(path.read_bytes()))

    with pytest.raises(KeystoreCorrupt):
        Keystore.open(path, PASSPHRASE)
    with pytest.raises(KeystoreCorrupt):
        Keystore.open(path, "salah")


def test_a_certificate_file_is_not_a_keystore(tmp_path: Path, ca: CertificateAuthority) -> None:
    path = tmp_path / "root.der"
    path.write_bytes(ca.root.public_bytes(serialization.Encoding.DER))
    with pytest.raises(KeystoreCorrupt):
        Keystore.open(path, PASSPHRASE)


def test_pkcs12_without_private_key_is_corrupt(tmp_path: Path, ca: CertificateAuthority) -> None:
    path = tmp_path / "certs-only.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"x", None, None, [ca.root], BestAvailableEncryption(PASSPHRASE.encode())
        )
    )
    with pytest.raises(KeystoreCorrupt):
        Keystore.open(path, PASSPHRASE)


def test_errors_share_a_base(tmp_path: Path) -> None:
    path = tmp_path / "budi.p12"
    Keystore.create(path, PASSPHRASE)
    with pytest.raises(KeystoreError):
        Keystore.open(path, "salah")
    assert issubclass(KeystoreCorrupt, KeystoreError)
    assert issubclass(CertificateMismatch, KeystoreError)
    assert isinstance(Keystore.open(path, PASSPHRASE).private_key, rsa.RSAPrivateKey)
