"""Passphrase-protected PKCS#12 files, shared by the keystore and the old SpamKodok's APD export."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

# What asn1crypto raises on malformed input; nothing else is caught around parsing.
_PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError)


class MalformedPfx(ValueError):
    """Not a MAC-protected PKCS#12 PFX whose structure parses."""


class PassphraseRejected(ValueError):
    """The structure parsed, but the MAC or the decryption failed with this passphrase."""


def load(
    data: bytes, passphrase: str
) -> tuple[PrivateKeyTypes | None, x509.Certificate | None, list[x509.Certificate]]:
    """The key, certificate and extra certificates of `data`, checked structurally first."""
    key, certificate, extra = _load_unchanged(data, passphrase)
    return key, certificate, list(extra)


# A desk opens its keystore for every seal, every opening and every look at its certificate,
# and each opening runs the passphrase's key derivation twice (MAC and decryption): about 0.1
# CPU-seconds, 2.4 s in a Seleksi scenario with two openings. The answer depends only on the
# bytes and the passphrase, so the same file opened again is not derived again; any change to
# the file is other bytes, and failures (wrong passphrase, damage) are never remembered.
@functools.lru_cache(maxsize=128)
def _load_unchanged(
    data: bytes, passphrase: str
) -> tuple[PrivateKeyTypes | None, x509.Certificate | None, tuple[x509.Certificate, ...]]:
    check_structure(data)
    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(data, passphrase.encode())
    except ValueError as error:
        # The structure parsed, so what failed is the MAC or the decryption. Without the right
        # passphrase a tampered encrypted payload looks exactly like a wrong passphrase.
        raise PassphraseRejected("PKCS#12 MAC or decryption failed") from error
    return key, certificate, tuple(extra)


def check_structure(data: bytes) -> None:
    """Raise MalformedPfx unless `data` parses as a MAC-protected PKCS#12 PFX."""
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        if pfx["version"].native != "v3" or pfx["auth_safe"]["content_type"].native != "data":
            raise ValueError("not a password-integrity PFX")
        if pfx["mac_data"].native is None:
            raise ValueError("no MAC")
        for content_info in pfx.authenticated_safe:
            content_info.native  # noqa: B018  (forces asn1crypto's lazy parse)
    except _PARSE_ERRORS as error:
        raise MalformedPfx("not a PKCS#12 file") from error


def dump(
    friendly_name: bytes,
    private_key: rsa.RSAPrivateKey,
    certificate: x509.Certificate | None,
    chain: Sequence[x509.Certificate],
    passphrase: str,
) -> bytes:
    """PKCS#12 bytes protected by `passphrase` with the best encryption available."""
    return pkcs12.serialize_key_and_certificates(
        friendly_name,
        private_key,
        certificate,
        list(chain) or None,
        BestAvailableEncryption(passphrase.encode()),
    )
