"""An independent implementation (the openssl CLI) opens what SpamKodok seals."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from factories import START, FakeClock

from fake_spse.adapters.ca import CertificateAuthority
from fake_spse.domain.offer_checks import OfferRules, check_offer
from simulator.desk.spamkodok.cms import (
    DecryptionFailed,
    Receipt,
    SignerRevoked,
    open_sealed,
    seal,
)
from simulator.desk.spamkodok.flashdisk import lose_final_byte
from simulator.desk.spamkodok.offer_package import build_package

pytestmark = [
    pytest.mark.openssl,
    pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl CLI not installed"),
]

RECEIVED = START + timedelta(days=10, hours=3)


def issue(
    ca: CertificateAuthority, user_id: str, email: str
) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(65537, 2048)
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.COMMON_NAME, user_id.title()),
                    x509.NameAttribute(NameOID.EMAIL_ADDRESS, email),
                ]
            )
        )
        .sign(key, hashes.SHA256())
    )
    return key, ca.issue(csr, user_id=user_id)


def run_openssl(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["openssl", *map(str, arguments)], capture_output=True, text=True, timeout=60, check=False
    )


@dataclass
class Setup:
    ca: CertificateAuthority
    package: bytes
    signers: dict[str, tuple[rsa.RSAPrivateKey, x509.Certificate]]
    pokja_key: rsa.RSAPrivateKey
    pokja: x509.Certificate

    def seal_by(self, signer: str) -> bytes:
        key, certificate = self.signers[signer]
        return seal(
            self.package,
            signer_key=key,
            signer_certificate=certificate,
            chain=self.ca.chain(),
            recipients=[self.pokja],
        )


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    clock = FakeClock(START)
    ca = CertificateAuthority(tmp_path / "bsre", clock)
    vendor = issue(ca, "budi01", "budi@majujaya.co.id")
    pokja_key, pokja = issue(ca, "pokja01", "pokja@lpse.jatengprov.go.id")
    revoked = issue(ca, "cabut01", "cabut@contoh.co.id")
    ca.revoke(revoked[1].serial_number, at=RECEIVED - timedelta(hours=1))

    document = tmp_path / "penawaran.pdf"
    document.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4000 + b"\r\n%%EOF\n")
    package = build_package(
        tender_id="10071234",
        vendor_id="budi01",
        profile="spse-4.3-ca",
        files=[("Surat Penawaran.pdf", document)],
    )

    # openssl checks the CRL's own validity at -attime, so it is issued at the receipt time.
    clock.now = RECEIVED
    pem = serialization.Encoding.PEM
    (tmp_path / "pokja.crt").write_bytes(pokja.public_bytes(pem))
    (tmp_path / "pokja.key").write_bytes(
        pokja_key.private_bytes(
            pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    (tmp_path / "root+crls.pem").write_bytes(ca.root.public_bytes(pem) + ca.crl().public_bytes(pem))
    return Setup(ca, package, {"vendor": vendor, "revoked": revoked}, pokja_key, pokja)


def openssl_open(tmp_path: Path, sealed: bytes) -> subprocess.CompletedProcess[str]:
    offer = tmp_path / "offer.p7m"
    offer.write_bytes(sealed)
    decrypted = run_openssl(
        "cms", "-decrypt", "-binary", "-inform", "DER", "-in", offer,
        "-recip", tmp_path / "pokja.crt", "-inkey", tmp_path / "pokja.key",
        "-out", tmp_path / "inner.p7s",
    )  # fmt: skip
    assert decrypted.returncode == 0, decrypted.stderr
    return run_openssl(
        "cms", "-verify", "-binary", "-inform", "DER", "-in", tmp_path / "inner.p7s",
        "-CAfile", tmp_path / "root+crls.pem", "-purpose", "any", "-crl_check",
        "-attime", str(int(RECEIVED.timestamp())), "-out", tmp_path / "content",
    )  # fmt: skip


def test_openssl_opens_and_verifies_a_sealed_offer(tmp_path: Path, setup: Setup) -> None:
    sealed = setup.seal_by("vendor")

    verified = openssl_open(tmp_path, sealed)

    assert verified.returncode == 0, verified.stderr
    assert (tmp_path / "content").read_bytes() == setup.package


def test_openssl_and_open_sealed_agree_on_a_revoked_signer(tmp_path: Path, setup: Setup) -> None:
    sealed = setup.seal_by("revoked")

    verified = openssl_open(tmp_path, sealed)

    assert verified.returncode != 0
    assert "revoked" in verified.stderr
    with pytest.raises(SignerRevoked):
        open_sealed(
            sealed,
            recipient_key=setup.pokja_key,
            recipient_certificate=setup.pokja,
            trust_roots=[setup.ca.root],
            crls=[setup.ca.crl()],
            receipt=Receipt(hashlib.sha256(sealed).hexdigest(), len(sealed), RECEIVED),
        )


def test_open_sealed_opens_an_offer_sealed_by_openssl(tmp_path: Path, setup: Setup) -> None:
    pem = serialization.Encoding.PEM
    vendor_key, vendor = setup.signers["vendor"]
    (tmp_path / "vendor.crt").write_bytes(vendor.public_bytes(pem))
    (tmp_path / "vendor.key").write_bytes(
        vendor_key.private_bytes(
            pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    (tmp_path / "intermediate.crt").write_bytes(setup.ca.intermediate.public_bytes(pem))
    (tmp_path / "package.tar").write_bytes(setup.package)
    signed = run_openssl(
        "cms", "-sign", "-binary", "-nodetach", "-md", "sha256", "-outform", "DER",
        "-in", tmp_path / "package.tar", "-signer", tmp_path / "vendor.crt",
        "-inkey", tmp_path / "vendor.key", "-certfile", tmp_path / "intermediate.crt",
        "-out", tmp_path / "inner.p7s",
    )  # fmt: skip
    assert signed.returncode == 0, signed.stderr
    encrypted = run_openssl(
        "cms", "-encrypt", "-binary", "-aes256", "-outform", "DER",
        "-in", tmp_path / "inner.p7s", "-out", tmp_path / "offer.p7m", tmp_path / "pokja.crt",
    )  # fmt: skip
    assert encrypted.returncode == 0, encrypted.stderr
    sealed = (tmp_path / "offer.p7m").read_bytes()

    opened = open_sealed(
        sealed,
        recipient_key=setup.pokja_key,
        recipient_certificate=setup.pokja,
        trust_roots=[setup.ca.root],
        crls=[setup.ca.crl()],
        receipt=Receipt(hashlib.sha256(sealed).hexdigest(), len(sealed), RECEIVED),
    )

    assert opened.content == setup.package
    assert opened.signer == vendor


def test_an_offer_with_a_flash_drive_file_passes_spse_and_cannot_be_decrypted(
    tmp_path: Path, setup: Setup
) -> None:
    sealed = lose_final_byte(setup.seal_by("vendor"))
    rules = OfferRules(
        recipient_sets=((setup.pokja.public_bytes(serialization.Encoding.PEM).decode(),),)
    )

    # SPSE accepts it at upload: a well-formed envelope to the pokja.
    check_offer(io.BytesIO(sealed), len(sealed), rules)
    offer = tmp_path / "offer.p7m"
    offer.write_bytes(sealed)
    decrypted = run_openssl(
        "cms", "-decrypt", "-binary", "-inform", "DER", "-in", offer,
        "-recip", tmp_path / "pokja.crt", "-inkey", tmp_path / "pokja.key",
        "-out", tmp_path / "inner.p7s",
    )  # fmt: skip
    assert decrypted.returncode != 0
    with pytest.raises(DecryptionFailed):
        open_sealed(
            sealed,
            recipient_key=setup.pokja_key,
            recipient_certificate=setup.pokja,
            trust_roots=[setup.ca.root],
            crls=[setup.ca.crl()],
            receipt=Receipt(hashlib.sha256(sealed).hexdigest(), len(sealed), RECEIVED),
        )
