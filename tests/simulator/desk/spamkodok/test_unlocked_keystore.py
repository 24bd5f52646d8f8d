"""SpamKodok keeps its keystore unlocked for the session: the same file is not decrypted again,
a changed or replaced one is, and a wrong passphrase still fails (bridge.py, ``keystore``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from factories import START

from fake_spse.adapters.ca import CertificateAuthority
from simulator.desk.spamkodok import _pkcs12
from simulator.desk.spamkodok.bridge import SpamKodok
from simulator.desk.spamkodok.keystore import Keystore, KeystoreCorrupt, WrongPassphrase
from simulator.desk.spamkodok.processes import DeskProcesses
from spse_shared.profile import load_profile

PASSPHRASE = "rahasia-kodok"


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> CertificateAuthority:
    return CertificateAuthority(tmp_path_factory.mktemp("ca"), lambda: START)


@pytest.fixture
def decryptions(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The keystore files SpamKodok decrypted (PKCS#12 key derivation included)."""
    counted: list[bytes] = []
    load = _pkcs12.load

    def counting(data: bytes, passphrase: str) -> object:
        counted.append(data)
        return load(data, passphrase)

    monkeypatch.setattr(_pkcs12, "load", counting)
    return counted


def spamkodok(path: Path, passphrase: str = PASSPHRASE) -> SpamKodok:
    return SpamKodok(
        keystore_path=path,
        passphrase=passphrase,
        server_url="http://127.0.0.1:1/eproc4",
        profile=load_profile("spse-4.3-ca"),
        process_probe=DeskProcesses(),
    )


def request_and_embed(kodok: SpamKodok, ca: CertificateAuthority) -> x509.Certificate:
    """The AMS round through the bridge: SpamKodok makes the key and CSR, BSrE issues."""
    answer = kodok._dispatch({}, "buatPermintaan", {"common_name": "Budi Santoso"})
    csr = x509.load_pem_x509_csr(str(answer["csr_pem"]).encode())
    certificate = ca.issue(csr, user_id="budi01")
    chain_pem = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in ca.chain())
    embedded = kodok._dispatch(
        {},
        "tanamSertifikat",
        {
            "certificate_pem": certificate.public_bytes(serialization.Encoding.PEM).decode(),
            "chain_pem": chain_pem.decode(),
        },
    )
    assert embedded["ok"], embedded
    return certificate


def test_the_same_keystore_is_unlocked_once(
    tmp_path: Path, ca: CertificateAuthority, decryptions: list[bytes]
) -> None:
    kodok = spamkodok(tmp_path / "spamkodok.p12")
    certificate = request_and_embed(kodok, ca)

    first, second = kodok.keystore(), kodok.keystore()

    # SpamKodok made and saved the keystore itself: nothing had to be decrypted.
    assert decryptions == []
    assert first.certificate == second.certificate == certificate
    assert first is not second
    assert kodok.has_certificate


def test_a_replaced_keystore_file_is_read_again(
    tmp_path: Path, ca: CertificateAuthority, decryptions: list[bytes]
) -> None:
    path = tmp_path / "spamkodok.p12"
    kodok = spamkodok(path)
    request_and_embed(kodok, ca)
    other = Keystore.create(tmp_path / "lain.p12", PASSPHRASE)
    shutil.copyfile(other.path, path)

    reopened = kodok.keystore()

    assert len(decryptions) == 1
    assert reopened.certificate is None
    assert reopened.private_key.public_key() == other.private_key.public_key()
    kodok.keystore()
    assert len(decryptions) == 1


def test_a_keystore_changed_by_another_program_is_read_again(
    tmp_path: Path, ca: CertificateAuthority, decryptions: list[bytes]
) -> None:
    path = tmp_path / "spamkodok.p12"
    kodok = spamkodok(path)
    request_and_embed(kodok, ca)
    renewed = Keystore.open(path, PASSPHRASE)
    csr = renewed.certificate_signing_request(
        common_name="Budi Santoso", organization=None, email=None
    )
    newer = ca.issue(csr, user_id="budi01")
    renewed.embed(newer, [ca.intermediate])
    decryptions.clear()

    assert kodok.keystore().certificate == newer
    assert kodok.keystore().chain == [ca.intermediate]
    assert len(decryptions) == 1


def test_a_wrong_passphrase_still_fails_after_an_unlock(
    tmp_path: Path, ca: CertificateAuthority
) -> None:
    path = tmp_path / "spamkodok.p12"
    kodok = spamkodok(path)
    request_and_embed(kodok, ca)
    kodok.keystore()

    kodok.passphrase = "bukan-passphrase-nya"

    with pytest.raises(WrongPassphrase):
        kodok.keystore()
    assert not kodok.has_certificate
    # Another SpamKodok on the same file with a wrong passphrase learns nothing either.
    with pytest.raises(WrongPassphrase):
        spamkodok(path, "salah").keystore()


def test_a_damaged_keystore_fails_after_an_unlock(tmp_path: Path, ca: CertificateAuthority) -> None:
    path = tmp_path / "spamkodok.p12"
    kodok = spamkodok(path)
    request_and_embed(kodok, ca)
    kodok.keystore()

    path.write_bytes(path.read_bytes()[:100])

    with pytest.raises(KeystoreCorrupt):
        kodok.keystore()
    path.unlink()
    with pytest.raises(FileNotFoundError):
        kodok.keystore()
