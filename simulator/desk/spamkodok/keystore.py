"""The user's keystore: the key and certificate "embedded" in SpamKodok, as a PKCS#12 file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from simulator.desk.spamkodok import _pkcs12
from spse_shared.atomic import write_atomic
from spse_shared.names import subject_text

KEY_BITS = 2048
_FRIENDLY_NAME = b"spamkodok"


def generate_key() -> rsa.RSAPrivateKey:
    """A new RSA-2048 key, as SpamKodok makes one."""
    return rsa.generate_private_key(65537, KEY_BITS)


class KeystoreError(Exception):
    """Base of every keystore failure."""


class WrongPassphrase(KeystoreError):
    """The passphrase does not open this (structurally sound) keystore."""


class KeystoreCorrupt(KeystoreError):
    """The file is not a usable PKCS#12 keystore."""


class CertificateMismatch(KeystoreError):
    """The certificate's public key is not this keystore's key."""


class Keystore:
    """An RSA key with, once issued, its certificate and the issuing chain.

    Every change is saved at once, atomically, as PKCS#12 protected by the passphrase.
    """

    def __init__(
        self,
        path: Path,
        passphrase: str,
        private_key: rsa.RSAPrivateKey,
        certificate: x509.Certificate | None = None,
        chain: Sequence[x509.Certificate] = (),
    ) -> None:
        if not passphrase:
            raise ValueError("passphrase must not be empty")
        self.path = Path(path)
        self.private_key = private_key
        self.certificate = certificate
        self.chain = list(chain)
        self._passphrase = passphrase

    @classmethod
    def create(
        cls, path: Path, passphrase: str, new_key: Callable[[], rsa.RSAPrivateKey] = generate_key
    ) -> Keystore:
        """Create a keystore with a new RSA-2048 key (``new_key()``, by default a freshly
        generated one) and no certificate; FileExistsError if `path` already exists (a
        keystore is never overwritten by a new key)."""
        path = Path(path)
        if path.exists():
            raise FileExistsError(f"keystore already exists: {path}")
        keystore = cls(path, passphrase, new_key())
        keystore._save()
        return keystore

    @classmethod
    def open(cls, path: Path, passphrase: str) -> Keystore:
        """Open an existing keystore. OSError if it cannot be read."""
        return cls.unlock(path, Path(path).read_bytes(), passphrase)

    @classmethod
    def unlock(cls, path: Path, data: bytes, passphrase: str) -> Keystore:
        """The keystore whose file ``path`` holds ``data`` (read already), opened with
        ``passphrase``."""
        try:
            key, certificate, extra = _pkcs12.load(data, passphrase)
        except _pkcs12.MalformedPfx as error:
            raise KeystoreCorrupt("Berkas keystore rusak atau bukan keystore SpamKodok.") from error
        except _pkcs12.PassphraseRejected as error:
            raise WrongPassphrase("Passphrase salah.") from error
        if not isinstance(key, rsa.RSAPrivateKey):
            raise KeystoreCorrupt("Berkas keystore tidak berisi kunci privat RSA.")
        if certificate is not None and certificate.public_key() != key.public_key():
            raise KeystoreCorrupt("Sertifikat di dalam keystore bukan milik kunci privatnya.")
        return cls(path, passphrase, key, certificate, extra)

    @property
    def subject(self) -> str | None:
        """RFC 4514 subject of the embedded certificate (emailAddress by name), or None."""
        if self.certificate is None:
            return None
        return subject_text(self.certificate.subject)

    def certificate_signing_request(
        self, *, common_name: str, organization: str | None, email: str | None
    ) -> x509.CertificateSigningRequest:
        """A SHA-256 CSR for this keystore's key with subject CN, O, emailAddress."""
        if not common_name:
            raise ValueError("common_name must not be empty")
        attributes = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
        if organization:
            attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
        if email:
            attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
        return (
            x509.CertificateSigningRequestBuilder()
            .subject_name(x509.Name(attributes))
            .sign(self.private_key, hashes.SHA256())
        )

    def embed(self, certificate: x509.Certificate, chain: Sequence[x509.Certificate]) -> None:
        """Embed `certificate` and its issuing `chain`, replacing any earlier ones, and save."""
        if certificate.public_key() != self.private_key.public_key():
            raise CertificateMismatch("Sertifikat ini bukan untuk kunci privat di keystore ini.")
        self.certificate = certificate
        self.chain = list(chain)
        self._save()

    def _save(self) -> None:
        data = _pkcs12.dump(
            _FRIENDLY_NAME, self.private_key, self.certificate, self.chain, self._passphrase
        )
        write_atomic(self.path, data)
