from __future__ import annotations

import hashlib
import tracemalloc
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID
from factories import START, FakeClock

from fake_spse.adapters.ca import CertificateAuthority
from simulator.desk.spamkodok import cms
from simulator.desk.spamkodok.cms import (
    DecryptionFailed,
    NotARecipient,
    OfferAltered,
    OfferCorrupted,
    OfferError,
    OfferTruncated,
    Receipt,
    SignerExpired,
    SignerNotTrusted,
    SignerRevoked,
    WrongTender,
    open_sealed,
    seal,
)

RECEIVED = START + timedelta(days=10)
CONTENT = b"".join(hashlib.sha256(i.to_bytes(4, "big")).digest() for i in range(2048))  # 64 KiB


@dataclass
class Party:
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate


def issue_party(
    ca: CertificateAuthority,
    user_id: str,
    *,
    not_before: datetime | None = None,
    validity: timedelta = timedelta(days=365),
) -> Party:
    key = rsa.generate_private_key(65537, 2048)
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, user_id.title())]))
        .sign(key, hashes.SHA256())
    )
    return Party(key, ca.issue(csr, user_id=user_id, not_before=not_before, validity=validity))


@dataclass
class Pki:
    clock: FakeClock
    ca: CertificateAuthority
    vendor: Party
    pokja: Party
    pokja2: Party
    path: Path

    def party(
        self,
        user_id: str,
        *,
        not_before: datetime | None = None,
        validity: timedelta = timedelta(days=365),
    ) -> Party:
        return issue_party(self.ca, user_id, not_before=not_before, validity=validity)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    clock = FakeClock(START)
    path = tmp_path_factory.mktemp("pki")
    ca = CertificateAuthority(path / "bsre", clock)
    return Pki(
        clock=clock,
        ca=ca,
        vendor=issue_party(ca, "budi01"),
        pokja=issue_party(ca, "pokja01"),
        pokja2=issue_party(ca, "pokja02"),
        path=path,
    )


def receipt_of(data: bytes, at: datetime = RECEIVED) -> Receipt:
    return Receipt(sha256=hashlib.sha256(data).hexdigest(), size=len(data), received_at=at)


def seal_by(pki: Pki, signer: Party, *recipients: Party, content: bytes = CONTENT) -> bytes:
    return seal(
        content,
        signer_key=signer.key,
        signer_certificate=signer.certificate,
        chain=pki.ca.chain(),
        recipients=[r.certificate for r in recipients],
    )


def open_by(
    pki: Pki,
    data: bytes,
    opener: Party,
    *,
    receipt: Receipt | None = None,
    crls: list[x509.CertificateRevocationList] | None = None,
) -> cms.OpenedOffer:
    return open_sealed(
        data,
        recipient_key=opener.key,
        recipient_certificate=opener.certificate,
        trust_roots=[pki.ca.root],
        crls=[pki.ca.crl()] if crls is None else crls,
        receipt=receipt or receipt_of(data),
    )


@pytest.fixture(scope="module")
def sealed(pki: Pki) -> bytes:
    return seal_by(pki, pki.vendor, pki.pokja, pki.pokja2)


def test_round_trip_for_every_recipient(pki: Pki, sealed: bytes) -> None:
    for opener in (pki.pokja, pki.pokja2):
        opened = open_by(pki, sealed, opener)
        assert opened.content == CONTENT
        assert opened.signer == pki.vendor.certificate
        assert opened.signer_subject == "UID=budi01,CN=Budi01"
        assert opened.chain == (pki.vendor.certificate, pki.ca.intermediate, pki.ca.root)


def test_binary_content_is_kept_byte_for_byte(pki: Pki) -> None:
    content = b"baris 1\nbaris 2\r\n\x00\xff\n"
    data = seal_by(pki, pki.vendor, pki.pokja, content=content)
    assert open_by(pki, data, pki.pokja).content == content


def test_output_is_definite_length_der_with_the_expected_shape(pki: Pki, sealed: bytes) -> None:
    assert sealed[0] == 0x30
    assert sealed[1] != 0x80
    outer = asn1_cms.ContentInfo.load(sealed, strict=True)
    assert outer["content_type"].native == "enveloped_data"
    encrypted = outer["content"]["encrypted_content_info"]
    assert encrypted["content_encryption_algorithm"]["algorithm"].native == "aes256_cbc"
    assert len(outer["content"]["recipient_infos"]) == 2

    inner_der = pkcs7.pkcs7_decrypt_der(sealed, pki.pokja.certificate, pki.pokja.key, [])
    inner = asn1_cms.ContentInfo.load(inner_der, strict=True)
    signed = inner["content"]
    assert inner["content_type"].native == "signed_data"
    assert signed["encap_content_info"]["content"].native == CONTENT  # opaque, not detached
    assert signed["digest_algorithms"][0]["algorithm"].native == "sha256"
    embedded = [c.chosen.dump() for c in signed["certificates"]]
    der = serialization.Encoding.DER
    assert sorted(embedded) == sorted(
        [pki.vendor.certificate.public_bytes(der), pki.ca.intermediate.public_bytes(der)]
    )  # the root is not embedded


def test_sealing_needs_a_recipient_and_a_matching_key(pki: Pki) -> None:
    with pytest.raises(ValueError, match="recipient"):
        seal_by(pki, pki.vendor)
    with pytest.raises(ValueError, match="signer_key"):
        seal(
            CONTENT,
            signer_key=pki.pokja.key,
            signer_certificate=pki.vendor.certificate,
            chain=[],
            recipients=[pki.pokja.certificate],
        )


def test_content_in_a_constructed_octet_string_is_corrupt(pki: Pki, sealed: bytes) -> None:
    # BER may chunk eContent even with definite lengths; DER may not. Such an offer skips the
    # low-memory parse, and the strict parse behind it still refuses it.
    def tlv(tag: int, content: bytes) -> bytes:
        return bytes([tag]) + der_length(len(content)) + content

    inner = asn1_cms.ContentInfo.load(
        pkcs7.pkcs7_decrypt_der(sealed, pki.pokja.certificate, pki.pokja.key, [])
    )
    signed = inner["content"]
    half = len(CONTENT) // 2
    chunked = tlv(0x24, tlv(0x04, CONTENT[:half]) + tlv(0x04, CONTENT[half:]))
    encapsulated = tlv(
        0x30, signed["encap_content_info"]["content_type"].dump() + tlv(0xA0, chunked)
    )
    signed_data = tlv(
        0x30,
        signed["version"].dump()
        + signed["digest_algorithms"].dump()
        + encapsulated
        + signed["certificates"].dump()
        + signed["signer_infos"].dump(),
    )
    rebuilt = tlv(0x30, inner["content_type"].dump() + tlv(0xA0, signed_data))
    data = (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(rebuilt)
        .set_content_encryption_algorithm(algorithms.AES256)
        .add_recipient(pki.pokja.certificate)
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )

    with pytest.raises(OfferCorrupted):
        open_by(pki, data, pki.pokja)


def der_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    encoded = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(encoded)]) + encoded


def test_opening_needs_about_twice_the_offer_in_python_memory(pki: Pki) -> None:
    content = CONTENT * 64  # 4 MiB
    data = seal_by(pki, pki.vendor, pki.pokja, content=content)
    receipt, crls = receipt_of(data), [pki.ca.crl()]
    tracemalloc.start()
    try:
        opened = open_by(pki, data, pki.pokja, receipt=receipt, crls=crls)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert opened.content == content
    # The decrypted SignedData plus the content copied out of it; asn1crypto alone made it 9x.
    assert peak < 2.5 * len(content)


def test_truncated_upload(pki: Pki, sealed: bytes) -> None:
    with pytest.raises(OfferTruncated):
        open_by(pki, sealed[:-4096], pki.pokja, receipt=receipt_of(sealed))


def test_byte_flipped_in_storage(pki: Pki, sealed: bytes) -> None:
    stored = bytearray(sealed)
    stored[len(stored) // 2] ^= 0x01
    with pytest.raises(OfferAltered) as caught:
        open_by(pki, bytes(stored), pki.pokja, receipt=receipt_of(sealed))
    assert "tanda terima" in str(caught.value)


def test_garbage_uploaded(pki: Pki) -> None:
    garbage = b"%PDF-1.4 bukan penawaran terenkripsi\n" * 100
    with pytest.raises(OfferCorrupted):
        open_by(pki, garbage, pki.pokja)


def test_indefinite_length_ber_is_refused(pki: Pki, sealed: bytes) -> None:
    header = 2 + (sealed[1] & 0x7F)
    ber = b"\x30\x80" + sealed[header:] + b"\x00\x00"
    with pytest.raises(OfferCorrupted):
        open_by(pki, ber, pki.pokja)


def test_signed_data_outside_an_envelope_is_corrupt(pki: Pki) -> None:
    signed_only = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(CONTENT)
        .add_signer(pki.vendor.certificate, pki.vendor.key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    with pytest.raises(OfferCorrupted):
        open_by(pki, signed_only, pki.pokja)


def test_opener_not_a_recipient(pki: Pki) -> None:
    data = seal_by(pki, pki.vendor, pki.pokja)
    with pytest.raises(NotARecipient):
        open_by(pki, data, pki.pokja2)


def test_pokja_whose_key_was_replaced(pki: Pki) -> None:
    data = seal_by(pki, pki.vendor, pki.pokja)
    replaced = pki.party("pokja01")  # same subject, new key, new certificate
    assert replaced.certificate.subject == pki.pokja.certificate.subject
    with pytest.raises(NotARecipient):
        open_by(pki, data, replaced)


def test_private_key_not_matching_the_certificate(pki: Pki, sealed: bytes) -> None:
    with pytest.raises(DecryptionFailed):
        open_by(pki, sealed, Party(pki.pokja2.key, pki.pokja.certificate))


def test_ciphertext_damaged_before_upload_at_the_padding(pki: Pki, sealed: bytes) -> None:
    # The encrypted content ends the file; flipping the last bit of the next-to-last block
    # flips the padding length byte, which always breaks PKCS#7 padding.
    damaged = bytearray(sealed)
    damaged[-17] ^= 0x01
    with pytest.raises(DecryptionFailed):
        open_by(pki, bytes(damaged), pki.pokja)


def test_ciphertext_damaged_before_upload_in_the_middle(pki: Pki, sealed: bytes) -> None:
    # CBC decrypts this "successfully" into garbage: only the signature notices.
    damaged = bytearray(sealed)
    damaged[len(damaged) // 2] ^= 0x01
    with pytest.raises(OfferAltered) as caught:
        open_by(pki, bytes(damaged), pki.pokja)
    assert "tanda tangan" in str(caught.value)


def test_enveloped_but_not_signed(pki: Pki) -> None:
    data = (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(CONTENT)
        .set_content_encryption_algorithm(algorithms.AES256)
        .add_recipient(pki.pokja.certificate)
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    with pytest.raises(OfferCorrupted):  # what comes out is not CMS at all
        open_by(pki, data, pki.pokja)

    signed_by_nobody = (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(pki.ca.root.public_bytes(serialization.Encoding.DER))
        .add_recipient(pki.pokja.certificate)
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    with pytest.raises(OfferCorrupted):  # well-formed DER, but not a CMS SignedData
        open_by(pki, signed_by_nobody, pki.pokja)


def test_expired_signer(pki: Pki) -> None:
    expired = pki.party("lama01", not_before=START - timedelta(days=400))
    data = seal_by(pki, expired, pki.pokja)
    with pytest.raises(SignerExpired, match="kedaluwarsa"):
        open_by(pki, data, pki.pokja)


def test_signer_not_yet_valid(pki: Pki) -> None:
    early = pki.party("baru01", not_before=RECEIVED + timedelta(days=1))
    data = seal_by(pki, early, pki.pokja)
    with pytest.raises(SignerExpired, match="belum berlaku"):
        open_by(pki, data, pki.pokja)
    opened = open_by(pki, data, pki.pokja, receipt=receipt_of(data, RECEIVED + timedelta(days=2)))
    assert opened.content == CONTENT


def test_revoked_before_receipt(pki: Pki) -> None:
    signer = pki.party("cabut01")
    data = seal_by(pki, signer, pki.pokja)
    pki.ca.revoke(signer.certificate.serial_number, at=RECEIVED - timedelta(minutes=1))
    with pytest.raises(SignerRevoked):
        open_by(pki, data, pki.pokja)


def test_revoked_exactly_at_receipt(pki: Pki) -> None:
    signer = pki.party("cabut02")
    data = seal_by(pki, signer, pki.pokja)
    pki.ca.revoke(signer.certificate.serial_number, at=RECEIVED)
    with pytest.raises(SignerRevoked):
        open_by(pki, data, pki.pokja)


def test_revoked_after_receipt_still_opens(pki: Pki) -> None:
    signer = pki.party("cabut03")
    data = seal_by(pki, signer, pki.pokja)
    pki.ca.revoke(signer.certificate.serial_number, at=RECEIVED + timedelta(seconds=1))
    assert open_by(pki, data, pki.pokja).content == CONTENT


def test_a_crl_not_signed_by_the_issuer_is_ignored(pki: Pki) -> None:
    signer = pki.party("palsu01")
    data = seal_by(pki, signer, pki.pokja)
    forged = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(pki.ca.intermediate.subject)
        .last_update(RECEIVED)
        .next_update(RECEIVED + timedelta(days=1))
        .add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(signer.certificate.serial_number)
            .revocation_date(START)
            .build()
        )
        .sign(ec.generate_private_key(ec.SECP256R1()), hashes.SHA256())
    )
    assert open_by(pki, data, pki.pokja, crls=[forged]).content == CONTENT


def test_expiry_is_checked_before_revocation(pki: Pki) -> None:
    signer = pki.party("lama02", not_before=START - timedelta(days=400))
    data = seal_by(pki, signer, pki.pokja)
    pki.ca.revoke(signer.certificate.serial_number, at=START - timedelta(days=100))
    with pytest.raises(SignerExpired):
        open_by(pki, data, pki.pokja)


def test_signer_from_a_foreign_ca(pki: Pki) -> None:
    # Same names as BSrE's, different keys: only the chain check can tell.
    foreign = CertificateAuthority(pki.path / "asing", pki.clock)
    assert foreign.root.subject == pki.ca.root.subject
    stranger = issue_party(foreign, "asing01")
    data = seal(
        CONTENT,
        signer_key=stranger.key,
        signer_certificate=stranger.certificate,
        chain=foreign.chain(),
        recipients=[pki.pokja.certificate],
    )
    with pytest.raises(SignerNotTrusted):
        open_by(pki, data, pki.pokja, crls=[pki.ca.crl(), foreign.crl()])


def test_no_trust_roots_means_not_trusted(pki: Pki, sealed: bytes) -> None:
    with pytest.raises(SignerNotTrusted):
        open_sealed(
            sealed,
            recipient_key=pki.pokja.key,
            recipient_certificate=pki.pokja.certificate,
            trust_roots=[],
            crls=[],
            receipt=receipt_of(sealed),
        )


def test_missing_intermediate_means_not_trusted(pki: Pki) -> None:
    data = seal(
        CONTENT,
        signer_key=pki.vendor.key,
        signer_certificate=pki.vendor.certificate,
        chain=[],
        recipients=[pki.pokja.certificate],
    )
    with pytest.raises(SignerNotTrusted):
        open_by(pki, data, pki.pokja)


def test_naive_receipt_time_is_refused(pki: Pki, sealed: bytes) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        open_by(pki, sealed, pki.pokja, receipt=receipt_of(sealed, datetime(2025, 3, 11)))


def test_error_codes_are_distinct_and_stable() -> None:
    codes = {
        error.code
        for error in (
            OfferTruncated,
            OfferAltered,
            OfferCorrupted,
            NotARecipient,
            DecryptionFailed,
            SignerExpired,
            SignerRevoked,
            SignerNotTrusted,
            WrongTender,
        )
        if issubclass(error, OfferError)
    }
    assert codes == {
        "terpotong",
        "berubah",
        "rusak",
        "bukan_penerima",
        "gagal_dekripsi",
        "sertifikat_kedaluwarsa",
        "sertifikat_dicabut",
        "sertifikat_tidak_dipercaya",
        "bukan_tender_ini",
    }
