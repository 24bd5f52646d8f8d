"""What SPSE accepts as an offer file: a definite-length DER CMS EnvelopedData (RFC 5652)
addressed exactly to the tender's recipients.

SPSE never opens an offer; it only checks that what it stores is what the desk would produce, so
that junk never replaces a vendor's valid offer. The file is read incrementally: every header is
walked, the small parts (recipient list, algorithm) are parsed with asn1crypto, the ciphertext is
skipped over without being read, so memory stays bounded whatever the offer's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO, TypeVar

from asn1crypto import cms, pem
from asn1crypto import x509 as asn1_x509

from fake_spse.domain.errors import DomainError
from spse_shared.der import check_definite_der

ENVELOPED_DATA_OID = "1.2.840.113549.1.7.3"
# The parts of an offer read into memory (recipient list, algorithm, attributes): generous for
# dozens of recipients, tiny next to an offer.
SMALL_PART_MAX = 256 * 1024
# Errors asn1crypto raises on malformed input.
_PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError)
_T = TypeVar("_T")


class Malformed(Exception):
    """The file is not a definite-length DER EnvelopedData (the reason is for logs, not users)."""


@dataclass(frozen=True)
class RecipientId:
    """A recipient as CMS names it: the certificate's issuer (DER) and serial number."""

    issuer: bytes
    serial: int


@dataclass(frozen=True)
class OfferRules:
    """What an offer to one tender must be.

    ``recipient_sets``: the acceptable sets of recipient certificates (PEM), e.g. the pokja's
    current certificate or the ones recorded when the tender was announced. ``vendor_certified``:
    (CA) the sending vendor holds a certificate valid and not revoked now. ``apendo`` switches
    the refusal messages to APENDO's wording.
    """

    recipient_sets: tuple[tuple[str, ...], ...]
    vendor_certified: bool = True
    apendo: bool = False

    @property
    def malformed_key(self) -> str:
        return "apendo.rhs_tidak_sah" if self.apendo else "penawaran.bukan_cms"

    @property
    def wrong_recipient_key(self) -> str:
        return "apendo.rhs_kunci_lain" if self.apendo else "penawaran.penerima_salah"


def recipient_id(certificate_pem: str) -> RecipientId:
    """The CMS recipient identifier (issuer and serial) of a PEM certificate."""
    _, _, der = pem.unarmor(certificate_pem.encode())
    certificate = asn1_x509.Certificate.load(der)
    return RecipientId(certificate.issuer.dump(), certificate.serial_number)


def check_offer(stream: BinaryIO, size: int, rules: OfferRules) -> None:
    """Raise DomainError (an SPSE message key) unless the ``size`` bytes of ``stream`` are an
    offer ``rules`` accept; reads headers and small parts only."""
    if not rules.vendor_certified:
        raise DomainError("penawaran.sertifikat_penyedia_tidak_berlaku")
    try:
        found = enveloped_recipients(stream, size)
    except Malformed as exc:
        raise DomainError(rules.malformed_key) from exc
    expected = [frozenset(recipient_id(p) for p in pems) for pems in rules.recipient_sets]
    if len(set(found)) != len(found) or frozenset(found) not in expected:
        raise DomainError(rules.wrong_recipient_key)


def enveloped_recipients(stream: BinaryIO, size: int) -> list[RecipientId]:
    """The recipients of the EnvelopedData in ``stream`` (``size`` bytes from its position);
    Malformed unless it is exactly one definite-length DER ContentInfo holding an EnvelopedData
    with key-transport recipients named by issuer and serial, and a primitive ciphertext."""
    reader = _Reader(stream, size)
    info_end = reader.expect(0x30, reader.end, "ContentInfo")
    if info_end != reader.end:
        raise Malformed("trailing data after the ContentInfo")
    oid = _parse(cms.ContentType, reader.element(0x06, info_end, "contentType"))
    if oid.dotted != ENVELOPED_DATA_OID:
        raise Malformed("not EnvelopedData")
    explicit_end = reader.expect(0xA0, info_end, "content")
    enveloped_end = reader.expect(0x30, explicit_end, "EnvelopedData")
    _parse(cms.CMSVersion, reader.element(0x02, enveloped_end, "version"))
    if reader.peek_tag() == 0xA0:  # originatorInfo: certificates and CRLs, small
        reader.element(0xA0, enveloped_end, "originatorInfo")
    infos = _parse(cms.RecipientInfos, reader.element(0x31, enveloped_end, "recipientInfos"))
    recipients = [_recipient(info) for info in infos]
    if not recipients:
        raise Malformed("no recipients")
    content_end = reader.expect(0x30, enveloped_end, "encryptedContentInfo")
    _parse(cms.ContentType, reader.element(0x06, content_end, "contentType"))
    algorithm = _parse(
        cms.EncryptionAlgorithm, reader.element(0x30, content_end, "contentEncryptionAlgorithm")
    )
    _ = algorithm["algorithm"].dotted
    if reader.position == content_end or reader.peek_tag() != 0x80:
        raise Malformed("no primitive encryptedContent")
    if reader.skip(0x80, content_end, "encryptedContent") == 0:
        raise Malformed("empty encryptedContent")
    if reader.position != content_end:
        raise Malformed("data after encryptedContent")
    if reader.position != enveloped_end:
        reader.element(0xA1, enveloped_end, "unprotectedAttrs")
    for end in (enveloped_end, explicit_end, info_end):
        if reader.position != end:
            raise Malformed("a container holds more than its fields")
    return recipients


def _recipient(info: cms.RecipientInfo) -> RecipientId:
    if info.name != "ktri":
        raise Malformed(f"recipient kind {info.name}")
    rid = info.chosen["rid"]
    if rid.name != "issuer_and_serial_number":
        raise Malformed("recipient not named by issuer and serial")
    try:
        return RecipientId(rid.chosen["issuer"].dump(), int(rid.chosen["serial_number"].native))
    except _PARSE_ERRORS as exc:
        raise Malformed("bad recipient identifier") from exc


def _parse(kind: type[_T], data: bytes) -> _T:
    """``data`` (already checked to be definite DER) as asn1crypto ``kind``, fully parsed."""
    try:
        value = kind.load(data, strict=True)  # type: ignore[attr-defined]
        _ = value.native  # asn1crypto parses lazily: force it
    except _PARSE_ERRORS as exc:
        raise Malformed(f"bad {getattr(kind, '__name__', kind)}") from exc
    found: _T = value
    return found


class _Reader:
    """Walks DER headers in a stream, holding only small parts in memory."""

    def __init__(self, stream: BinaryIO, size: int) -> None:
        self.stream = stream
        self.position = 0
        self.end = size
        self._start = stream.tell()

    def _read(self, count: int, limit: int) -> bytes:
        if self.position + count > limit:
            raise Malformed("value runs past its container")
        data = self.stream.read(count)
        if len(data) != count:
            raise Malformed("file ends early")
        self.position += count
        return data

    def peek_tag(self) -> int:
        if self.position >= self.end:
            raise Malformed("file ends early")
        tag = self._read(1, self.end)[0]
        self.position -= 1
        self.stream.seek(self._start + self.position)
        return tag

    def header(self, limit: int) -> tuple[int, int, bytes]:
        """(tag, content length, the header's bytes) of the element at the position."""
        tag_byte = self._read(1, limit)
        if tag_byte[0] & 0x1F == 0x1F:
            raise Malformed("multi-byte tag")
        first = self._read(1, limit)
        if first[0] == 0x80:
            raise Malformed("indefinite length")
        if first[0] < 0x80:
            return tag_byte[0], first[0], tag_byte + first
        count = first[0] & 0x7F
        if count > 8:
            raise Malformed("length too long")
        raw = self._read(count, limit)
        length = int.from_bytes(raw, "big")
        if raw[0] == 0 or length < 0x80:
            raise Malformed("non-minimal length")
        return tag_byte[0], length, tag_byte + first + raw

    def expect(self, tag: int, limit: int, what: str) -> int:
        """Enter the constructed element ``tag``; its end."""
        found, length, _ = self.header(limit)
        if found != tag:
            raise Malformed(f"{what}: tag {found:#x}, expected {tag:#x}")
        end = self.position + length
        if end > limit:
            raise Malformed(f"{what} runs past its container")
        return end

    def element(self, tag: int, limit: int, what: str) -> bytes:
        """The whole (small) element ``tag``, header included, checked to be definite DER."""
        found, length, head = self.header(limit)
        if found != tag:
            raise Malformed(f"{what}: tag {found:#x}, expected {tag:#x}")
        if length > SMALL_PART_MAX:
            raise Malformed(f"{what} too large")
        body = self._read(length, limit)
        try:
            check_definite_der(head + body)
        except ValueError as exc:
            raise Malformed(f"{what}: {exc}") from None
        return head + body

    def skip(self, tag: int, limit: int, what: str) -> int:
        """Step over the primitive element ``tag`` without reading it; its length."""
        found, length, _ = self.header(limit)
        if found != tag:
            raise Malformed(f"{what}: tag {found:#x}, expected {tag:#x}")
        if self.position + length > limit:
            raise Malformed(f"{what} runs past its container")
        self.position += length
        self.stream.seek(self._start + self.position)
        return length
