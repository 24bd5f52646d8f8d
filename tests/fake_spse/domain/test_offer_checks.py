"""What SPSE accepts as an offer file (fake_spse.domain.offer_checks), on real CMS bytes."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from hypothesis import given, settings
from hypothesis import strategies as st
from offer_bodies import envelope, envelope_of_size

from fake_spse.domain.errors import DomainError
from fake_spse.domain.offer_checks import OfferRules, check_offer, recipient_id

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def certificate(name: str, serial: int) -> str:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime(2026, 1, 1, tzinfo=UTC)
    built = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "BSrE Uji")]))
        .public_key(KEY.public_key())
        .serial_number(serial)
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=365))
        .sign(KEY, hashes.SHA256())
    )
    return built.public_bytes(serialization.Encoding.PEM).decode()


POKJA = certificate("Pokja Satu", 1001)
POKJA_NEW = certificate("Pokja Satu", 1002)
STRANGER = certificate("Orang Lain", 2001)
RULES = OfferRules(recipient_sets=((POKJA,),))


def check(data: bytes, rules: OfferRules = RULES) -> None:
    check_offer(io.BytesIO(data), len(data), rules)


def refusal(data: bytes, rules: OfferRules = RULES) -> str:
    with pytest.raises(DomainError) as caught:
        check(data, rules)
    return caught.value.key


def test_an_envelope_to_the_pokja_is_accepted() -> None:
    check(envelope(b"penawaran" * 1000, [POKJA]))
    check(envelope_of_size([POKJA], 100_000))


def test_either_recorded_set_of_recipients_is_accepted() -> None:
    rules = OfferRules(recipient_sets=((POKJA_NEW,), (POKJA,)))
    check(envelope(b"isi", [POKJA]), rules)
    check(envelope(b"isi", [POKJA_NEW]), rules)
    assert refusal(envelope(b"isi", [POKJA, POKJA_NEW]), rules) == "penawaran.penerima_salah"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"sampah!", id="seven-bytes-of-junk"),
        pytest.param(b"", id="empty"),
        pytest.param(b"0\x80", id="indefinite-outer-only"),
        pytest.param(b"%PDF-1.4\n" * 100, id="a-pdf"),
    ],
)
def test_junk_is_not_an_offer(data: bytes) -> None:
    assert refusal(data) == "penawaran.bukan_cms"


def test_ber_trailing_and_truncated_forms_are_refused() -> None:
    good = envelope(b"penawaran", [POKJA])
    assert good[:2] == b"\x30\x82"  # definite, two length bytes
    indefinite = b"\x30\x80" + good[4:] + b"\x00\x00"
    assert refusal(indefinite) == "penawaran.bukan_cms"
    assert refusal(good + b"\x00") == "penawaran.bukan_cms"
    assert refusal(good[:-1]) == "penawaran.bukan_cms"
    non_minimal = b"\x30\x83\x00" + good[2:]
    assert refusal(non_minimal) == "penawaran.bukan_cms"


def test_signed_data_is_not_enveloped_data() -> None:
    good = bytearray(envelope(b"penawaran", [POKJA]))
    oid = bytes.fromhex("2a864886f70d010703")  # 1.2.840.113549.1.7.3 (envelopedData)
    at = bytes(good).index(oid)
    good[at + len(oid) - 1] = 0x02  # ...7.2: signedData
    assert refusal(bytes(good)) == "penawaran.bukan_cms"


def test_wrong_or_extra_recipients_are_refused() -> None:
    assert refusal(envelope(b"isi", [STRANGER])) == "penawaran.penerima_salah"
    # A copy the vendor (or anyone else) could open as well is not an offer to the pokja only.
    assert refusal(envelope(b"isi", [POKJA, STRANGER])) == "penawaran.penerima_salah"


def test_a_vendor_without_a_valid_certificate_is_refused_first() -> None:
    rules = OfferRules(recipient_sets=((POKJA,),), vendor_certified=False)
    key = refusal(envelope(b"isi", [POKJA]), rules)
    assert key == "penawaran.sertifikat_penyedia_tidak_berlaku"


def test_apendo_refusals_have_apendo_words() -> None:
    rules = OfferRules(recipient_sets=((POKJA,),), apendo=True)
    check(envelope(b"isi", [POKJA]), rules)
    assert refusal(b"sampah!", rules) == "apendo.rhs_tidak_sah"
    assert refusal(envelope(b"isi", [STRANGER]), rules) == "apendo.rhs_kunci_lain"


def test_the_check_reads_from_the_streams_position_without_loading_the_ciphertext() -> None:
    data = envelope_of_size([POKJA], 3_000_000)

    class Counting(io.BytesIO):
        read_bytes = 0

        def read(self, size: int | None = -1) -> bytes:
            chunk = super().read(size)
            Counting.read_bytes += len(chunk)
            return chunk

    stream = Counting(b"prefix" + data)
    stream.seek(6)
    check_offer(stream, len(data), RULES)
    assert Counting.read_bytes < 10_000


def test_recipient_id_is_issuer_and_serial() -> None:
    found = recipient_id(POKJA)
    assert found.serial == 1001
    assert b"BSrE Uji" in found.issuer


# property-based: garbage in, an SPSE refusal out ---------------------------------------------
GOOD = envelope(b"penawaran" * 100, [POKJA])


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    data = bytearray(GOOD)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "cut", "insert"]))
        if kind == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            data = data[:at] + data[at + draw(st.integers(1, 64)) :]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
    return bytes(data)


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(st.binary(max_size=600), damaged()))
def test_any_bytes_are_accepted_or_refused_with_an_spse_message(data: bytes) -> None:
    key = None
    try:
        check(data)
    except DomainError as exc:
        key = exc.key
    assert key in (None, "penawaran.bukan_cms", "penawaran.penerima_salah")
