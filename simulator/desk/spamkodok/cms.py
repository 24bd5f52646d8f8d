"""Seal and open CA offers as standard CMS (RFC 5652): SignedData inside EnvelopedData.

Nothing public describes SPAMKODOK's real format, so offers use an open standard that `openssl
cms` can open too. Opening runs its checks in a fixed order and stops at the first failure, each
failure with its own exception type and stable code (see docs/design.md, "Offer format").
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from asn1crypto import cms as asn1_cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509 import verification
from cryptography.x509.oid import ExtendedKeyUsageOID

from simulator.desk.spamkodok.revocation import revocation_date
from spse_shared.der import check_definite_der
from spse_shared.names import subject_text

DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")
_ACCEPTED_EKUS = {
    DOCUMENT_SIGNING,
    ExtendedKeyUsageOID.EMAIL_PROTECTION,
    x509.ObjectIdentifier("2.5.29.37.0"),
}
_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}
# What asn1crypto raises on malformed input; nothing else is caught around parsing.
_PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError)
# Paths from a ContentInfo down to its bulk value, as (child index, expected tag) steps.
_Path = tuple[tuple[int, int], ...]
# content [0] -> EnvelopedData -> encryptedContentInfo (after version and recipientInfos; an
# originatorInfo shifts it and so takes the slow path) -> encryptedContent [0] IMPLICIT.
_ENCRYPTED_CONTENT: _Path = ((1, 0xA0), (0, 0x30), (2, 0x30), (2, 0x80))
# content [0] -> SignedData -> encapContentInfo -> eContent [0] -> OCTET STRING.
_SIGNED_CONTENT: _Path = ((1, 0xA0), (0, 0x30), (2, 0x30), (1, 0xA0), (0, 0x04))


class OfferError(Exception):
    """Base of every failure to open an offer; `code` is the stable machine key."""

    code: ClassVar[str] = "galat"


class OfferTruncated(OfferError):
    """The stored offer's size differs from the size on the receipt."""

    code = "terpotong"


class OfferAltered(OfferError):
    """The bytes differ from the receipt, or the signature does not match the content."""

    code = "berubah"


class OfferCorrupted(OfferError):
    """Not a definite-length DER CMS offer in the expected shape."""

    code = "rusak"


class NotARecipient(OfferError):
    """The opener's certificate is not among the offer's recipients."""

    code = "bukan_penerima"


class DecryptionFailed(OfferError):
    """The opener is a recipient but the offer cannot be decrypted with the given key."""

    code = "gagal_dekripsi"


class SignerExpired(OfferError):
    """The signer's certificate was not valid at the receipt time."""

    code = "sertifikat_kedaluwarsa"


class SignerRevoked(OfferError):
    """The signer's certificate was revoked at or before the receipt time."""

    code = "sertifikat_dicabut"


class SignerNotTrusted(OfferError):
    """The signer's certificate does not chain to a trusted root."""

    code = "sertifikat_tidak_dipercaya"


class WrongTender(OfferError):
    """The manifest names another tender; raised by callers after reading the package."""

    code = "bukan_tender_ini"


@dataclass(frozen=True)
class Receipt:
    """What the server recorded when it accepted the upload; `received_at` is the trusted time."""

    sha256: str
    size: int
    received_at: datetime


@dataclass(frozen=True)
class OpenedOffer:
    """A verified offer. `chain` runs from the signer's certificate to the trusted root."""

    content: bytes
    signer: x509.Certificate
    signer_subject: str
    chain: tuple[x509.Certificate, ...]


def seal(
    content: bytes,
    *,
    signer_key: rsa.RSAPrivateKey,
    signer_certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
    recipients: Sequence[x509.Certificate],
) -> bytes:
    """Sign `content` and envelope it to every certificate in `recipients` (definite DER).

    The signer's certificate and every non-self-signed certificate of `chain` are embedded in the
    SignedData; roots are left out, the opener must already trust them.
    """
    if not recipients:
        raise ValueError("an offer needs at least one recipient")
    if signer_key.public_key() != signer_certificate.public_key():
        raise ValueError("signer_key does not belong to signer_certificate")
    builder = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(content)
        .add_signer(signer_certificate, signer_key, hashes.SHA256())
    )
    embedded = [signer_certificate]
    for certificate in chain:
        if certificate in embedded or certificate.subject == certificate.issuer:
            continue
        builder = builder.add_certificate(certificate)
        embedded.append(certificate)
    signed = builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    envelope = (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(signed)
        .set_content_encryption_algorithm(algorithms.AES256)
    )
    for recipient in recipients:
        envelope = envelope.add_recipient(recipient)
    return envelope.encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])


def open_sealed(
    data: bytes,
    *,
    recipient_key: rsa.RSAPrivateKey,
    recipient_certificate: x509.Certificate,
    trust_roots: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    receipt: Receipt,
) -> OpenedOffer:
    """Check and open a stored offer as of `receipt.received_at`; raises an OfferError subclass.

    Checks in order: size, sha256, outer CMS, recipient list, decryption, inner signature,
    signer validity, revocation, chain to `trust_roots`.
    """
    at = receipt.received_at
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("receipt.received_at must be timezone-aware")
    if len(data) != receipt.size:
        raise OfferTruncated(
            f"Ukuran dokumen penawaran ({len(data)} byte) tidak sama dengan tanda terima "
            f"({receipt.size} byte)."
        )
    if hashlib.sha256(data).hexdigest() != receipt.sha256.lower():
        raise OfferAltered("Sidik jari (SHA-256) dokumen penawaran tidak sama dengan tanda terima.")

    enveloped = _parse_enveloped(data)
    if not _addressed_to(enveloped, recipient_certificate):
        raise NotARecipient("Dokumen penawaran tidak ditujukan kepada sertifikat Anda.")
    if recipient_key.public_key() != recipient_certificate.public_key():
        raise DecryptionFailed("Kunci privat Anda tidak cocok dengan sertifikat Anda.")
    try:
        # No options: decryption is binary unless Text (strip MIME headers) is asked for.
        inner = pkcs7.pkcs7_decrypt_der(data, recipient_certificate, recipient_key, [])
    except (ValueError, UnsupportedAlgorithm) as error:  # e.g. a damaged algorithm identifier
        raise DecryptionFailed("Dokumen penawaran tidak dapat didekripsi.") from error

    content, signer, embedded = _verify_signed(inner)
    _check_validity(signer, at)
    _check_revocation(signer, [*embedded, *trust_roots], crls, at)
    chain = _verify_chain(signer, embedded, trust_roots, at)
    return OpenedOffer(
        content=content,
        signer=signer,
        signer_subject=subject_text(signer.subject),
        chain=tuple(chain),
    )


def _hollowed(data: bytes, path: _Path) -> tuple[bytes, slice | None]:
    """`data` with the primitive value at `path` emptied, and that value's slice of `data`.

    `data` must have passed check_definite_der. If its shape does not match `path`, it comes back
    unchanged with None, and asn1crypto parses (and judges) the whole of it as before.
    """
    if data[0] != 0x30:
        return data, None
    nodes = [(0, *_element(data, 0))]
    for index, tag in path:
        _, start, end = nodes[-1]
        children = _children(data, start, end)
        if index >= len(children) or data[children[index][0]] != tag:
            return data, None
        nodes.append(children[index])
    # Rebuild only the headers on the way up; everything beside the path is copied as is.
    _, start, end = nodes[-1]
    hollow = bytes((data[nodes[-1][0]], 0))
    for (outer_head, outer_start, outer_end), (head, _, tail) in zip(
        reversed(nodes[:-1]), reversed(nodes[1:]), strict=True
    ):
        body = data[outer_start:head] + hollow + data[tail:outer_end]
        hollow = bytes((data[outer_head],)) + _der_length(len(body)) + body
    return hollow, slice(start, end)


def _element(data: bytes, position: int) -> tuple[int, int]:
    """Content start and end of the element at `position`, whose tag is a single byte."""
    first = data[position + 1]
    if first < 0x80:
        return position + 2, position + 2 + first
    count = first & 0x7F
    start = position + 2 + count
    return start, start + int.from_bytes(data[position + 2 : start], "big")


def _children(data: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    """(head, content start, end) of each element between `start` and `end`."""
    children: list[tuple[int, int, int]] = []
    while start < end:
        if data[start] & 0x1F == 0x1F:  # multi-byte tag: never on a path, stop looking
            break
        children.append((start, *_element(data, start)))
        start = children[-1][2]
    return children


def _der_length(length: int) -> bytes:
    if length < 0x80:
        return bytes((length,))
    encoded = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes((0x80 | len(encoded),)) + encoded


def _parse_enveloped(data: bytes) -> Any:
    try:
        check_definite_der(data)
        # Only the small parts go through asn1crypto, which copies every nested value it parses
        # (about 9x the offer's size at peak); the ciphertext is left to the decryption.
        hollow, _ = _hollowed(data, _ENCRYPTED_CONTENT)
        content_info = asn1_cms.ContentInfo.load(hollow, strict=True)
        if content_info["content_type"].native != "enveloped_data":
            raise ValueError("not EnvelopedData")
        enveloped = content_info["content"]
        encrypted = enveloped["encrypted_content_info"]
        encrypted["content_encryption_algorithm"]["algorithm"].native  # noqa: B018
        if encrypted["encrypted_content"].native is None:
            raise ValueError("no encrypted content")
        for recipient in enveloped["recipient_infos"]:
            recipient.native  # noqa: B018  (forces asn1crypto's lazy parse)
    except _PARSE_ERRORS as error:
        raise OfferCorrupted("Berkas penawaran rusak: bukan dokumen CMS terenkripsi.") from error
    return enveloped


def _addressed_to(enveloped: Any, certificate: x509.Certificate) -> bool:
    parsed = asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    issuer = parsed.issuer.dump()
    try:
        ski: bytes | None = certificate.extensions.get_extension_for_class(
            x509.SubjectKeyIdentifier
        ).value.digest
    except x509.ExtensionNotFound:
        ski = None
    for recipient in enveloped["recipient_infos"]:
        if recipient.name != "ktri":
            continue
        rid = recipient.chosen["rid"]
        if rid.name == "issuer_and_serial_number":
            if (
                rid.chosen["issuer"].dump() == issuer
                and rid.chosen["serial_number"].native == certificate.serial_number
            ):
                return True
        elif rid.name == "subject_key_identifier" and ski is not None and rid.chosen.native == ski:
            return True
    return False


@dataclass(frozen=True)
class _Signed:
    content: bytes | None
    signer_infos: list[Any]
    certificates: list[x509.Certificate]


def _parse_signed(inner: bytes) -> _Signed | None:
    """The decrypted SignedData's parts, or None if it is well-formed CMS of another type."""
    # The receipt matched and decryption succeeded. CBC turns a ciphertext altered before upload
    # into a garbled block inside otherwise intact plaintext, so: plaintext that is not one DER
    # SEQUENCE at all is "rusak" (the sender sealed something else); a SEQUENCE whose inner TLV
    # structure is broken is "berubah"; well-formed DER of the wrong shape is "rusak".
    if not _is_one_sequence(inner):
        raise OfferCorrupted("Isi dokumen penawaran bukan dokumen CMS bertanda tangan.")
    try:
        check_definite_der(inner)
    except ValueError as error:
        raise OfferAltered(
            "Isi dokumen penawaran tidak utuh setelah didekripsi (berubah sebelum diunggah)."
        ) from error
    try:
        hollow, where = _hollowed(inner, _SIGNED_CONTENT)
        content_info = asn1_cms.ContentInfo.load(hollow, strict=True)
        if content_info["content_type"].native != "signed_data":
            return None
        signed = content_info["content"]
        encapsulated = signed["encap_content_info"]
        content = encapsulated["content"].native if where is None else inner[where]
        return _Signed(
            content=content
            if encapsulated["content_type"].native == "data" and isinstance(content, bytes)
            else None,
            signer_infos=list(signed["signer_infos"]),
            certificates=[
                x509.load_der_x509_certificate(choice.chosen.dump())
                for choice in signed["certificates"]
                if choice.name == "certificate"
            ],
        )
    except _PARSE_ERRORS as error:
        raise OfferCorrupted("Isi dokumen penawaran bukan dokumen CMS bertanda tangan.") from error


def _is_one_sequence(data: bytes) -> bool:
    """Whether `data` starts with a SEQUENCE header whose definite length covers it exactly."""
    if len(data) < 2 or data[0] != 0x30 or data[1] == 0x80:
        return False
    if data[1] < 0x80:
        return 2 + data[1] == len(data)
    count = data[1] & 0x7F
    if count > 8 or len(data) < 2 + count:
        return False
    return 2 + count + int.from_bytes(data[2 : 2 + count], "big") == len(data)


def _verify_signed(inner: bytes) -> tuple[bytes, x509.Certificate, list[x509.Certificate]]:
    """Parse the decrypted SignedData and verify its single signature."""
    signed = _parse_signed(inner)
    if signed is None:
        raise OfferCorrupted("Isi dokumen penawaran bukan dokumen CMS bertanda tangan.")
    content, signer_infos, certificates = signed.content, signed.signer_infos, signed.certificates
    if content is None:
        raise OfferCorrupted("Dokumen penawaran bertanda tangan tidak memuat isinya.")
    if len(signer_infos) != 1:
        raise OfferCorrupted("Dokumen penawaran harus memiliki tepat satu penanda tangan.")
    signer_info = signer_infos[0]
    signer = _find_signer(signer_info, certificates)
    if signer is None:
        raise OfferCorrupted("Sertifikat penanda tangan tidak disertakan dalam dokumen penawaran.")
    hash_name = signer_info["digest_algorithm"]["algorithm"].native
    if hash_name not in _HASHES:
        raise OfferCorrupted(f"Algoritma hash tidak didukung: {hash_name}.")
    algorithm = _HASHES[hash_name]()
    attributes = signer_info["signed_attrs"]
    if not attributes:
        raise OfferCorrupted(
            "Tanda tangan dokumen penawaran tidak memiliki atribut bertanda tangan."
        )

    digests = _attribute_values(attributes, "message_digest")
    types = _attribute_values(attributes, "content_type")
    digest = hashes.Hash(algorithm)
    digest.update(content)
    if digests != [digest.finalize()] or types != ["data"]:
        raise OfferAltered("Isi dokumen penawaran tidak sesuai dengan tanda tangannya.")
    # The signature covers the attributes DER-encoded as a SET, not with their [0] tag.
    signed_bytes = b"\x31" + attributes.dump()[1:]
    _verify_signature(signer, signer_info, signed_bytes, algorithm)
    embedded = [certificate for certificate in certificates if certificate != signer]
    return content, signer, embedded


def _find_signer(signer_info: Any, certificates: list[x509.Certificate]) -> x509.Certificate | None:
    sid = signer_info["sid"]
    for certificate in certificates:
        if sid.name == "issuer_and_serial_number":
            issuer = asn1_x509.Certificate.load(
                certificate.public_bytes(serialization.Encoding.DER)
            ).issuer.dump()
            if (
                sid.chosen["issuer"].dump() == issuer
                and sid.chosen["serial_number"].native == certificate.serial_number
            ):
                return certificate
        elif sid.name == "subject_key_identifier":
            try:
                ski = certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
            except x509.ExtensionNotFound:
                continue
            if ski.value.digest == sid.chosen.native:
                return certificate
    return None


def _attribute_values(attributes: Any, name: str) -> list[Any]:
    values: list[Any] = []
    for attribute in attributes:
        if attribute["type"].native == name:
            values.extend(value.native for value in attribute["values"])
    return values


def _verify_signature(
    signer: x509.Certificate,
    signer_info: Any,
    signed_bytes: bytes,
    algorithm: hashes.HashAlgorithm,
) -> None:
    signature = signer_info["signature"].native
    kind = signer_info["signature_algorithm"].signature_algo
    public_key = signer.public_key()
    try:
        if kind == "rsassa_pkcs1v15" and isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(signature, signed_bytes, padding.PKCS1v15(), algorithm)
        elif kind == "ecdsa" and isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signature, signed_bytes, ec.ECDSA(algorithm))
        else:
            raise OfferCorrupted(f"Algoritma tanda tangan tidak didukung: {kind}.")
    except InvalidSignature as error:
        raise OfferAltered("Tanda tangan dokumen penawaran tidak cocok dengan isinya.") from error


def _check_validity(signer: x509.Certificate, at: datetime) -> None:
    if at < signer.not_valid_before_utc:
        raise SignerExpired("Sertifikat penanda tangan belum berlaku pada saat penawaran diterima.")
    if at > signer.not_valid_after_utc:
        raise SignerExpired("Sertifikat penanda tangan sudah kedaluwarsa saat penawaran diterima.")


def _check_revocation(
    signer: x509.Certificate,
    candidates: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    at: datetime,
) -> None:
    if revocation_date(signer, candidates, crls, at) is not None:
        raise SignerRevoked("Sertifikat penanda tangan sudah dicabut sebelum penawaran diterima.")


def _verify_chain(
    signer: x509.Certificate,
    embedded: list[x509.Certificate],
    trust_roots: Sequence[x509.Certificate],
    at: datetime,
) -> list[x509.Certificate]:
    try:
        verifier = (
            verification.PolicyBuilder()
            .store(verification.Store(list(trust_roots)))
            .time(at)
            .extension_policies(
                ca_policy=verification.ExtensionPolicy.webpki_defaults_ca(),
                ee_policy=_document_signing_policy(),
            )
            .build_client_verifier()
        )
        return verifier.verify(signer, embedded).chain
    except (verification.VerificationError, ValueError) as error:
        raise SignerNotTrusted(
            "Sertifikat penanda tangan tidak diterbitkan oleh otoritas sertifikat yang dipercaya."
        ) from error


def _document_signing_policy() -> verification.ExtensionPolicy:
    # The web-PKI leaf policy demands the clientAuth EKU; a signing certificate carries
    # documentSigning/emailProtection instead, so the leaf rules are spelled out here.
    def key_usage(_: verification.Policy, __: x509.Certificate, value: x509.KeyUsage) -> None:
        if not (value.digital_signature or value.content_commitment):
            raise ValueError("key usage does not allow signatures")

    def extended_key_usage(
        _: verification.Policy, __: x509.Certificate, value: x509.ExtendedKeyUsage | None
    ) -> None:
        if value is not None and not _ACCEPTED_EKUS.intersection(value):
            raise ValueError("extended key usage does not allow document signing")

    def basic_constraints(
        _: verification.Policy, __: x509.Certificate, value: x509.BasicConstraints | None
    ) -> None:
        if value is not None and value.ca:
            raise ValueError("a CA certificate cannot sign offers")

    agnostic = verification.Criticality.AGNOSTIC
    return (
        verification.ExtensionPolicy.permit_all()
        .require_present(x509.KeyUsage, agnostic, key_usage)
        .may_be_present(x509.ExtendedKeyUsage, agnostic, extended_key_usage)
        .may_be_present(x509.BasicConstraints, agnostic, basic_constraints)
    )
