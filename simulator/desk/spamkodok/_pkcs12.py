"""Passphrase-protected PKCS#12 files, shared by the keystore and the old SpamKodok's APD export."""

from __future__ import annotations

import hashlib
import hmac
import threading
from collections import OrderedDict
from collections.abc import Sequence

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

# What asn1crypto raises on malformed input; nothing else is caught around parsing.
_PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError)


Contents = tuple[PrivateKeyTypes | None, x509.Certificate | None, list[x509.Certificate]]

# The files this process wrote or opened, by content, with a digest of their passphrase. A desk
# opens its keystore again and again (SpamKodok shows the embedded certificate on every page of
# every desk), and each opening derives the keys from the passphrase and checks the RSA key
# (about 50 ms, most of it the check). Bytes this process already holds the contents of, opened
# with the same passphrase, are not opened again; any other bytes or passphrase are, in full.
_KNOWN: OrderedDict[bytes, tuple[bytes, Contents]] = OrderedDict()
_KNOWN_MAX = 256
_KNOWN_LOCK = threading.Lock()


def _remember(data: bytes, passphrase: str, contents: Contents) -> None:
    with _KNOWN_LOCK:
        _KNOWN[hashlib.sha256(data).digest()] = (_digest(passphrase), contents)
        while len(_KNOWN) > _KNOWN_MAX:
            _KNOWN.popitem(last=False)


def _recall(data: bytes, passphrase: str) -> Contents | None:
    digest = hashlib.sha256(data).digest()
    with _KNOWN_LOCK:
        known = _KNOWN.get(digest)
        if known is not None:
            _KNOWN.move_to_end(digest)  # the oldest unused go first
    if known is None or not hmac.compare_digest(known[0], _digest(passphrase)):
        return None
    key, certificate, extra = known[1]
    return key, certificate, list(extra)


def _digest(passphrase: str) -> bytes:
    return hashlib.sha256(passphrase.encode()).digest()


class MalformedPfx(ValueError):
    """Not a MAC-protected PKCS#12 PFX whose structure parses."""


class PassphraseRejected(ValueError):
    """The structure parsed, but the MAC or the decryption failed with this passphrase."""


def load(data: bytes, passphrase: str) -> Contents:
    """The key, certificate and extra certificates of `data`, checked structurally first."""
    known = _recall(data, passphrase)
    if known is not None:
        return known
    check_structure(data)
    try:
        contents = pkcs12.load_key_and_certificates(data, passphrase.encode())
    except ValueError as error:
        # The structure parsed, so what failed is the MAC or the decryption. Without the right
        # passphrase a tampered encrypted payload looks exactly like a wrong passphrase.
        raise PassphraseRejected("PKCS#12 MAC or decryption failed") from error
    _remember(data, passphrase, contents)
    key, certificate, extra = contents
    return key, certificate, list(extra)  # the remembered list stays as it was


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
    data = pkcs12.serialize_key_and_certificates(
        friendly_name,
        private_key,
        certificate,
        list(chain) or None,
        BestAvailableEncryption(passphrase.encode()),
    )
    _remember(data, passphrase, (private_key, certificate, list(chain)))
    return data
