"""Garbage in, a typed error out: the desk's CMS (SpamKodok) and APENDO openers never raise
anything but their own error types, whatever bytes are stored as an offer."""

from __future__ import annotations

import contextlib
import hashlib
from datetime import timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from factories import START
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.desk import apendo
from simulator.desk.spamkodok import cms

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _certificate(name: str) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(KEY.public_key())
        .serial_number(4242)
        .not_valid_before(START - timedelta(days=1))
        .not_valid_after(START + timedelta(days=365))
        .sign(KEY, hashes.SHA256())
    )


CERTIFICATE = _certificate("Pokja Satu")
SEALED = cms.seal(
    b"isi penawaran " * 50,
    signer_key=KEY,
    signer_certificate=CERTIFICATE,
    chain=[],
    recipients=[CERTIFICATE],
)
PACKAGE = apendo.PackagePrivateKey(key=KEY, certificate=CERTIFICATE)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A valid sealed offer with bytes flipped, cut, inserted or repeated."""
    data = bytearray(SEALED)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "repeat"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            data = data[:at] + data[at + draw(st.integers(1, 64)) :]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 32))]
    return bytes(data)


OFFER_BYTES = st.one_of(
    st.binary(max_size=512),
    st.binary(max_size=64).map(lambda b: b"\x30\x80" + b),  # BER, indefinite length
    st.binary(max_size=64).map(lambda b: b"\x30\x84\xff\xff\xff\xff" + b),  # a huge length
    mutated(),
)


def _receipt(data: bytes) -> cms.Receipt:
    return cms.Receipt(sha256=hashlib.sha256(data).hexdigest(), size=len(data), received_at=START)


@SETTINGS
@given(OFFER_BYTES)
def test_spamkodok_open_raises_only_offer_errors(data: bytes) -> None:
    with contextlib.suppress(cms.OfferError):
        cms.open_sealed(
            data,
            recipient_key=KEY,
            recipient_certificate=CERTIFICATE,
            trust_roots=[CERTIFICATE],
            crls=[],
            receipt=_receipt(data),
        )


@SETTINGS
@given(OFFER_BYTES)
def test_apendo_decrypt_raises_only_apendo_errors(data: bytes) -> None:
    with contextlib.suppress(apendo.ApendoError):
        apendo.decrypt(data, PACKAGE, tender_id="10000001")


def test_the_unchanged_offer_gets_through_to_the_last_check() -> None:
    """The mutations start from an offer that parses, is addressed to the key, decrypts and
    carries a good signature: only the chain (a self-signed test signer) is refused."""
    with pytest.raises(cms.SignerNotTrusted):
        cms.open_sealed(
            SEALED,
            recipient_key=KEY,
            recipient_certificate=CERTIFICATE,
            trust_roots=[CERTIFICATE],
            crls=[],
            receipt=_receipt(SEALED),
        )
