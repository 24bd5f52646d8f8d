"""Seal and open CA offers as standard CMS (RFC 5652): SignedData inside EnvelopedData.

Nothing public describes SPAMKODOK's real format, so offers use an open standard that `openssl
cms` can open too: definite-length DER, SHA-256 with RSA signature, AES-256-CBC content
encryption, RSA key transport. Opening runs its checks in a fixed order and stops at the first
failure, each failure with its own exception type and stable code (see docs/design.md, "Offer
format").

Both directions stream, so memory stays bounded whatever the offer's size: sealing writes the
DER headers first (their lengths follow from the content's size) and then the content,
encrypted while a worker thread hashes it; opening reads the stored file once, front to back.
The few lines of DER arithmetic this takes live in ``der_stream``; the small parts (recipient
list, certificates, signed attributes) are still built and parsed by asn1crypto. The in-memory
functions ``seal`` and ``open_sealed`` wrap the streaming ones.
"""

from __future__ import annotations

import hashlib
import io
import os
import secrets
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, ClassVar, Protocol

from asn1crypto import cms as asn1_cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.x509 import verification
from cryptography.x509.oid import ExtendedKeyUsageOID

from simulator.desk.spamkodok.der_stream import Path as DerPath
from simulator.desk.spamkodok.der_stream import ShapeMismatch, Walk, split_at_leaf, walk_stream
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
# content [0] -> EnvelopedData -> encryptedContentInfo (after version and recipientInfos; an
# originatorInfo shifts it and is not supported) -> encryptedContent [0] IMPLICIT.
_ENCRYPTED_CONTENT: DerPath = ((1, 0xA0), (0, 0x30), (2, 0x30), (2, 0x80))
# content [0] -> SignedData -> encapContentInfo -> eContent [0] -> OCTET STRING.
_SIGNED_CONTENT: DerPath = ((1, 0xA0), (0, 0x30), (2, 0x30), (1, 0xA0), (0, 0x04))


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


# Pieces of the content read, encrypted and hashed at a time: large enough that per-call costs
# vanish, small enough that memory stays a few MiB whatever the offer's size.
CHUNK = 1024 * 1024
_BLOCK = 16  # AES block size
# Parts of an offer held in memory besides the content (recipients, certificates, signature).
SMALL_PART_MAX = 1024 * 1024
# Well-formed CMS of an unusual shape is parsed whole up to this size, refused beyond.
_IN_MEMORY_LIMIT = 4 * 1024 * 1024


class Content(Protocol):
    """The bytes to seal, produced piece by piece: ``size`` in total, in ``chunks``."""

    @property
    def size(self) -> int: ...

    def chunks(self) -> Iterator[bytes | memoryview]:
        """The content in order; a piece may be a view of a buffer that the next one reuses."""
        ...


@dataclass(frozen=True)
class BytesContent:
    """Content already in memory."""

    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    def chunks(self) -> Iterator[bytes | memoryview]:
        view = memoryview(self.data)
        for start in range(0, len(view), CHUNK):
            yield view[start : start + CHUNK]


@dataclass(frozen=True)
class FileContent:
    """One file on disk, read in ``CHUNK`` pieces into one reused buffer."""

    path: Path

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def chunks(self) -> Iterator[bytes | memoryview]:
        buffer = bytearray(CHUNK)
        view = memoryview(buffer)
        with self.path.open("rb", buffering=0) as handle:
            while count := handle.readinto(buffer):
                yield view[:count]


@dataclass(frozen=True)
class SealedFile:
    """A sealed offer written to ``path``: its size and SHA-256, as the receipt will show."""

    path: Path
    size: int
    sha256: str


@dataclass(frozen=True)
class OpenedFile:
    """A verified offer whose content was written to ``content_path``."""

    content_path: Path
    content_size: int
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

    In memory; offers of any size go through ``seal_file``/``seal_stream``, which this wraps.
    """
    out = io.BytesIO()
    seal_stream(
        BytesContent(content),
        out,
        signer_key=signer_key,
        signer_certificate=signer_certificate,
        chain=chain,
        recipients=recipients,
    )
    return out.getvalue()


def seal_file(
    content: Content | Path,
    sealed_path: Path,
    *,
    signer_key: rsa.RSAPrivateKey,
    signer_certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
    recipients: Sequence[x509.Certificate],
) -> SealedFile:
    """Seal `content` (a file, or e.g. an offer package streamed from its documents) into
    `sealed_path`, written whole or not at all; memory stays bounded whatever the size."""
    source = FileContent(content) if isinstance(content, Path) else content
    temporary = sealed_path.with_name(f".{sealed_path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with temporary.open("wb") as out:
            digest = seal_stream(
                source,
                out,
                signer_key=signer_key,
                signer_certificate=signer_certificate,
                chain=chain,
                recipients=recipients,
                digest_output=True,
            )
        size = temporary.stat().st_size
        os.replace(temporary, sealed_path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    assert digest is not None
    return SealedFile(path=sealed_path, size=size, sha256=digest)


def seal_stream(
    content: Content,
    out: BinaryIO,
    *,
    signer_key: rsa.RSAPrivateKey,
    signer_certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
    recipients: Sequence[x509.Certificate],
    digest_output: bool = False,
) -> str | None:
    """Write the sealed offer of `content` to `out` in one pass; the SHA-256 (hex) of what was
    written when `digest_output`.

    The signer's certificate and every non-self-signed certificate of `chain` are embedded in
    the SignedData; roots are left out, the opener must already trust them. The lengths of
    every DER header follow from `content.size` (CBC padding always adds 1 to 16 bytes), so the
    headers are written first and the content streams behind them: hashed (SHA-256, for the
    signature) in a worker thread while the main thread encrypts it (AES-256-CBC).
    ValueError if the content does not deliver exactly `content.size` bytes.
    """
    if not recipients:
        raise ValueError("an offer needs at least one recipient")
    if signer_key.public_key() != signer_certificate.public_key():
        raise ValueError("signer_key does not belong to signer_certificate")
    embedded = [signer_certificate]
    for certificate in chain:
        if certificate not in embedded and certificate.subject != certificate.issuer:
            embedded.append(certificate)
    size = content.size
    signed_at = datetime.now(UTC).replace(microsecond=0)
    signature_length = (signer_key.key_size + 7) // 8

    def signed(digest: bytes, signature: bytes) -> tuple[bytes, bytes]:
        attributes = _signed_attributes(digest, signed_at)
        der = _signed_data(signer_certificate, embedded, attributes, signature)
        return split_at_leaf(der, _SIGNED_CONTENT, size)

    # Placeholders of the final lengths: the real digest and signature only change bytes.
    signed_prefix, placeholder_suffix = signed(bytes(32), bytes(signature_length))
    plaintext_size = len(signed_prefix) + size + len(placeholder_suffix)
    padding_size = _BLOCK - plaintext_size % _BLOCK
    key, iv = os.urandom(32), os.urandom(_BLOCK)
    envelope = _enveloped_data(key, iv, recipients)
    envelope_prefix, envelope_suffix = split_at_leaf(
        envelope, _ENCRYPTED_CONTENT, plaintext_size + padding_size
    )

    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    output = bytearray(CHUNK + _BLOCK)
    content_hash = hashlib.sha256()
    output_hash = hashlib.sha256() if digest_output else None
    with _Background() as background:

        def write(data: bytes | memoryview) -> None:
            out.write(data)
            if output_hash is not None:
                background.hash(output_hash, data)

        def encrypt(data: bytes | memoryview) -> None:
            view = memoryview(data)
            for start in range(0, len(view), CHUNK):
                write(
                    memoryview(output)[: encryptor.update_into(view[start : start + CHUNK], output)]
                )
                background.wait()  # both buffers are reused by the next piece

        write(envelope_prefix)
        encrypt(signed_prefix)
        delivered = 0
        for chunk in content.chunks():
            delivered += len(chunk)
            if delivered > size:
                raise ValueError("the content grew while it was being sealed")
            background.hash(content_hash, chunk)  # in the worker, while this thread encrypts
            encrypt(chunk)
        if delivered != size:
            raise ValueError("the content shrank while it was being sealed")
        background.wait()
        digest = content_hash.digest()
        to_sign = _attributes_to_sign(_signed_attributes(digest, signed_at))
        signature = signer_key.sign(to_sign, padding.PKCS1v15(), hashes.SHA256())
        final_prefix, signed_suffix = signed(digest, signature)
        if final_prefix != signed_prefix or len(signed_suffix) != len(placeholder_suffix):
            raise AssertionError("the SignedData changed length after signing")
        encrypt(signed_suffix + bytes((padding_size,)) * padding_size)
        encryptor.finalize()
        write(envelope_suffix)
        background.wait()
    return output_hash.hexdigest() if output_hash is not None else None


class _Background:
    """Hashing in worker threads (hashlib releases the GIL on large updates) while the caller
    encrypts or decrypts: one thread per hash, so each sees its bytes in order and two hashes
    run side by side. ``wait`` before a buffer handed over is reused."""

    def __init__(self) -> None:
        self._workers: dict[int, ThreadPoolExecutor] = {}
        self._pending: list[Future[None]] = []

    def __enter__(self) -> _Background:
        return self

    def __exit__(self, *_: object) -> None:
        for worker in self._workers.values():
            worker.shutdown(wait=True)

    def hash(self, target: Any, data: bytes | memoryview) -> None:
        worker = self._workers.get(id(target))
        if worker is None:
            worker = ThreadPoolExecutor(1, thread_name_prefix="spamkodok-sha")
            self._workers[id(target)] = worker
        self._pending.append(worker.submit(target.update, data))

    def wait(self) -> None:
        for pending in self._pending:
            pending.result()
        self._pending.clear()


def _signed_attributes(digest: bytes, signed_at: datetime) -> Any:
    """contentType, signingTime and messageDigest, in DER order (a SET OF sorts by encoding;
    openssl re-encodes the attributes before checking the signature)."""
    attributes = [
        asn1_cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
        asn1_cms.CMSAttribute(
            {"type": "signing_time", "values": [asn1_cms.Time({"utc_time": signed_at})]}
        ),
        asn1_cms.CMSAttribute({"type": "message_digest", "values": [digest]}),
    ]
    return asn1_cms.CMSAttributes(sorted(attributes, key=lambda attribute: attribute.dump()))


def _attributes_to_sign(attributes: Any) -> bytes:
    # The signature covers the attributes DER-encoded as a SET, not with their [0] tag.
    return b"\x31" + bytes(attributes.dump())[1:]


def _issuer_and_serial(certificate: x509.Certificate) -> Any:
    parsed = asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    return asn1_cms.IssuerAndSerialNumber(
        {"issuer": parsed.issuer, "serial_number": parsed.serial_number}
    )


def _signed_data(
    signer: x509.Certificate,
    embedded: Sequence[x509.Certificate],
    attributes: Any,
    signature: bytes,
) -> bytes:
    """ContentInfo(SignedData) with an empty eContent, for ``split_at_leaf``."""
    signer_info = asn1_cms.SignerInfo(
        {
            "version": "v1",
            "sid": asn1_cms.SignerIdentifier(
                {"issuer_and_serial_number": _issuer_and_serial(signer)}
            ),
            "digest_algorithm": {"algorithm": "sha256"},
            "signed_attrs": attributes,
            "signature_algorithm": {"algorithm": "rsassa_pkcs1v15"},
            "signature": signature,
        }
    )
    signed = asn1_cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [{"algorithm": "sha256"}],
            "encap_content_info": {"content_type": "data", "content": b""},
            "certificates": [
                asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
                for c in embedded
            ],
            "signer_infos": [signer_info],
        }
    )
    return bytes(asn1_cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump())


def _enveloped_data(key: bytes, iv: bytes, recipients: Sequence[x509.Certificate]) -> bytes:
    """ContentInfo(EnvelopedData) with an empty encryptedContent, for ``split_at_leaf``."""
    infos = []
    for recipient in recipients:
        public_key = recipient.public_key()
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise ValueError("recipients need RSA keys (key transport)")
        infos.append(
            asn1_cms.RecipientInfo(
                {
                    "ktri": {
                        "version": "v0",
                        "rid": asn1_cms.RecipientIdentifier(
                            {"issuer_and_serial_number": _issuer_and_serial(recipient)}
                        ),
                        "key_encryption_algorithm": {"algorithm": "rsaes_pkcs1v15"},
                        "encrypted_key": public_key.encrypt(key, padding.PKCS1v15()),
                    }
                }
            )
        )
    enveloped = asn1_cms.EnvelopedData(
        {
            "version": "v0",
            "recipient_infos": infos,
            "encrypted_content_info": {
                "content_type": "data",
                "content_encryption_algorithm": {"algorithm": "aes256_cbc", "parameters": iv},
                "encrypted_content": b"",
            },
        }
    )
    return bytes(
        asn1_cms.ContentInfo({"content_type": "enveloped_data", "content": enveloped}).dump()
    )


def open_sealed(
    data: bytes,
    *,
    recipient_key: rsa.RSAPrivateKey,
    recipient_certificate: x509.Certificate,
    trust_roots: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    receipt: Receipt,
) -> OpenedOffer:
    """Check and open a stored offer held in memory; see ``open_sealed_stream``."""
    sink = io.BytesIO()
    opened = open_sealed_stream(
        io.BytesIO(data),
        sink,
        recipient_key=recipient_key,
        recipient_certificate=recipient_certificate,
        trust_roots=trust_roots,
        crls=crls,
        receipt=receipt,
    )
    return OpenedOffer(
        content=sink.getvalue(),
        signer=opened.signer,
        signer_subject=opened.signer_subject,
        chain=opened.chain,
    )


def open_sealed_file(
    sealed_path: Path,
    content_path: Path,
    *,
    recipient_key: rsa.RSAPrivateKey,
    recipient_certificate: x509.Certificate,
    trust_roots: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    receipt: Receipt,
) -> OpenedFile:
    """Check and open the stored offer at `sealed_path`, writing its content to
    `content_path` only if every check passes; memory stays bounded whatever the size."""
    temporary = content_path.with_name(f".{content_path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with sealed_path.open("rb") as source, temporary.open("wb") as sink:
            opened = open_sealed_stream(
                source,
                sink,
                recipient_key=recipient_key,
                recipient_certificate=recipient_certificate,
                trust_roots=trust_roots,
                crls=crls,
                receipt=receipt,
            )
        os.replace(temporary, content_path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return OpenedFile(
        content_path=content_path,
        content_size=opened.content_size,
        signer=opened.signer,
        signer_subject=opened.signer_subject,
        chain=opened.chain,
    )


@dataclass(frozen=True)
class OpenedStream:
    """What ``open_sealed_stream`` verified; the content went to the caller's sink."""

    content_size: int
    signer: x509.Certificate
    signer_subject: str
    chain: tuple[x509.Certificate, ...]


def open_sealed_stream(
    source: BinaryIO,
    sink: BinaryIO,
    *,
    recipient_key: rsa.RSAPrivateKey,
    recipient_certificate: x509.Certificate,
    trust_roots: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    receipt: Receipt,
) -> OpenedStream:
    """Check and open the stored offer in `source` (seekable, from its position to its end) as
    of `receipt.received_at`, streaming the content into `sink`; raises an OfferError subclass,
    and then what reached `sink` must be thrown away.

    Checks in order: size, sha256, outer CMS, recipient list, decryption, inner signature,
    signer validity, revocation, chain to `trust_roots`. The file is read once, front to back:
    the receipt's SHA-256 is computed on the way (in a worker thread, like the content's
    digest, while this thread decrypts), and a failure found before the end waits for it, so a
    file altered in storage is reported as such whatever else is wrong with it.
    """
    at = receipt.received_at
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("receipt.received_at must be timezone-aware")
    start = source.tell()
    size = source.seek(0, os.SEEK_END) - start
    source.seek(start)
    if size != receipt.size:
        raise OfferTruncated(
            f"Ukuran dokumen penawaran ({size} byte) tidak sama dengan tanda terima "
            f"({receipt.size} byte)."
        )
    with _Background() as background:
        reader = _ReceiptReader(source, start, size, background)
        try:
            try:
                signed, content_size, digests = _decrypt(
                    reader, background, sink, recipient_key, recipient_certificate
                )
            except ValueError as error:  # the file changed size while it was being read
                raise OfferTruncated("Dokumen penawaran berubah saat dibaca.") from error
        except OfferError:
            reader.drain()
            _check_receipt(reader.sha256(), receipt)
            raise
        reader.drain()
        _check_receipt(reader.sha256(), receipt)

    signer, embedded = _verify_signed(signed, digests)
    _check_validity(signer, at)
    _check_revocation(signer, [*embedded, *trust_roots], crls, at)
    chain = _verify_chain(signer, embedded, trust_roots, at)
    return OpenedStream(
        content_size=content_size,
        signer=signer,
        signer_subject=subject_text(signer.subject),
        chain=tuple(chain),
    )


def _check_receipt(sha256: str, receipt: Receipt) -> None:
    if sha256 != receipt.sha256.lower():
        raise OfferAltered("Sidik jari (SHA-256) dokumen penawaran tidak sama dengan tanda terima.")


class _ReceiptReader:
    """Reads the stored offer front to back exactly once, hashing every byte (in order, in the
    worker) for the receipt check; ``peek`` reads elsewhere without moving or hashing."""

    def __init__(self, source: BinaryIO, start: int, size: int, background: _Background) -> None:
        self._source = source
        self._start = start
        self.size = size
        self.position = 0
        self._hash = hashlib.sha256()
        self._background = background

    def read(self, count: int) -> bytes:
        data = self._source.read(min(count, self.size - self.position))
        self.position += len(data)
        self._background.hash(self._hash, data)
        return data

    def readinto(self, buffer: memoryview) -> int:
        """Fill `buffer` (less only at the end); the caller must ``wait`` on the background
        before reusing it."""
        wanted = min(len(buffer), self.size - self.position)
        count = 0
        while count < wanted:
            got = self._source.readinto(buffer[count:wanted])  # type: ignore[attr-defined]
            if not got:
                break
            count += got
        self.position += count
        self._background.hash(self._hash, buffer[:count])
        return count

    def peek(self, offset: int, count: int) -> bytes:
        here = self._source.tell()
        self._source.seek(self._start + offset)
        data = self._source.read(count)
        self._source.seek(here)
        return data

    def drain(self) -> None:
        """Read (and hash) whatever is left."""
        buffer = bytearray(CHUNK)
        while self.position < self.size:
            self._background.wait()
            if not self.readinto(memoryview(buffer)):
                break
        self._background.wait()

    def sha256(self) -> str:
        self._background.wait()
        return self._hash.hexdigest()


def _decrypt(
    reader: _ReceiptReader,
    background: _Background,
    sink: BinaryIO,
    key: rsa.RSAPrivateKey,
    certificate: x509.Certificate,
) -> tuple[_Signed, int, dict[str, bytes]]:
    """Read the envelope, decrypt the content stream, stream the signed content to `sink`."""
    try:
        walk = walk_stream(reader.read, reader.size, _ENCRYPTED_CONTENT, small_limit=SMALL_PART_MAX)
        if walk.tail_length > SMALL_PART_MAX:
            raise ValueError("too much after the encrypted content")
        enveloped = _load_enveloped(walk.hollow(reader.peek(walk.value_end, walk.tail_length)))
    except (ShapeMismatch, *_PARSE_ERRORS) as error:
        raise OfferCorrupted("Berkas penawaran rusak: bukan dokumen CMS terenkripsi.") from error
    if not _addressed_to(enveloped, certificate):
        raise NotARecipient("Dokumen penawaran tidak ditujukan kepada sertifikat Anda.")
    if key.public_key() != certificate.public_key():
        raise DecryptionFailed("Kunci privat Anda tidak cocok dengan sertifikat Anda.")
    content_key, iv = _content_key(enveloped, key, certificate)
    length = walk.value_length
    if length == 0 or length % _BLOCK:
        raise DecryptionFailed("Dokumen penawaran tidak dapat didekripsi.")
    # CBC decrypts any block from the one before it: check the padding before anything else.
    last = reader.peek(walk.value_start + length - min(length, 2 * _BLOCK), min(length, 2 * _BLOCK))
    previous = last[:_BLOCK] if length > _BLOCK else iv
    final = (
        Cipher(algorithms.AES(content_key), modes.CBC(previous)).decryptor().update(last[-_BLOCK:])
    )
    pad = final[-1]
    if not 1 <= pad <= _BLOCK or final[-pad:] != bytes((pad,)) * pad:
        raise DecryptionFailed("Dokumen penawaran tidak dapat didekripsi.")
    decryptor = Cipher(algorithms.AES(content_key), modes.CBC(iv)).decryptor()
    plain = _Plaintext(reader, background, decryptor, length, length - pad)
    return _read_signed(plain, background, sink)


def _content_key(
    enveloped: Any, key: rsa.RSAPrivateKey, certificate: x509.Certificate
) -> tuple[bytes, bytes]:
    """The content-encryption key (from our recipient entry) and the IV."""
    failed = DecryptionFailed("Dokumen penawaran tidak dapat didekripsi.")
    try:
        algorithm = enveloped["encrypted_content_info"]["content_encryption_algorithm"]
        if algorithm.encryption_cipher != "aes" or algorithm.encryption_mode != "cbc":
            raise failed
        key_length, iv = algorithm.key_length, algorithm.encryption_iv
        for recipient in enveloped["recipient_infos"]:
            if recipient.name != "ktri" or not _is_us(recipient.chosen["rid"], certificate):
                continue
            ktri = recipient.chosen
            if ktri["key_encryption_algorithm"]["algorithm"].native != "rsaes_pkcs1v15":
                raise failed
            content_key = key.decrypt(ktri["encrypted_key"].native, padding.PKCS1v15())
            if len(content_key) != key_length or len(iv) != _BLOCK:
                raise failed
            return content_key, iv
    except (*_PARSE_ERRORS, UnsupportedAlgorithm) as error:
        raise failed from error
    raise failed


class _Plaintext:
    """The decrypted content as a stream: small ``read``s for headers, ``stream`` for the bulk.

    Each ciphertext chunk is read (its receipt hash queued in the worker) and decrypted into one
    reused buffer; the worker is waited for before that buffer is refilled.
    """

    def __init__(
        self,
        reader: _ReceiptReader,
        background: _Background,
        decryptor: Any,
        cipher_length: int,
        length: int,
    ) -> None:
        self._reader = reader
        self._background = background
        self._decryptor = decryptor
        self._cipher_left = cipher_length
        self.length = length
        self._produced = 0
        self._input = bytearray(CHUNK)
        self._output = bytearray(CHUNK + _BLOCK)
        self._pending = memoryview(b"")

    def _next(self) -> memoryview:
        if not self._cipher_left:
            raise ValueError("the content ends early")
        self._background.wait()  # the worker may still be hashing both buffers
        wanted = min(CHUNK, self._cipher_left)
        view = memoryview(self._input)[:wanted]
        count = self._reader.readinto(view)
        if count != wanted:
            raise ValueError("the file ends early")
        self._cipher_left -= count
        produced = self._decryptor.update_into(view, self._output)
        usable = max(0, min(produced, self.length - self._produced))
        self._produced += produced
        return memoryview(self._output)[:usable]

    def read(self, count: int) -> bytes:
        parts = bytearray()
        while len(parts) < count:
            if not self._pending:
                self._pending = self._next()
                continue
            piece = self._pending[: count - len(parts)]
            parts += piece
            self._pending = self._pending[len(piece) :]
        return bytes(parts)

    def stream(self, count: int, consume: Callable[[memoryview], None]) -> None:
        while count:
            if not self._pending:
                self._pending = self._next()
                continue
            piece = self._pending[:count]
            consume(piece)
            self._pending = self._pending[len(piece) :]
            count -= len(piece)

    def finish(self) -> None:
        """Decrypt what is left (the padding), so the whole file has been read."""
        while self._cipher_left:
            self._next()
        self._decryptor.finalize()
        self._background.wait()


def _read_signed(
    plain: _Plaintext, background: _Background, sink: BinaryIO
) -> tuple[_Signed, int, dict[str, bytes]]:
    """Walk the decrypted SignedData to its content, stream the content to `sink` while
    hashing it with every digest algorithm the SignedData names, and parse the rest."""
    # The receipt matched and decryption succeeded. CBC turns a ciphertext altered before upload
    # into a garbled block inside otherwise intact plaintext, so: plaintext that is not one DER
    # SEQUENCE at all is "rusak" (the sender sealed something else); a SEQUENCE whose inner TLV
    # structure is broken is "berubah"; well-formed DER of the wrong shape is "rusak".
    total = plain.length
    head = plain.read(min(total, 10))
    if not _is_one_sequence(head, total):
        raise OfferCorrupted("Isi dokumen penawaran bukan dokumen CMS bertanda tangan.")
    seen = bytearray()

    def read(count: int) -> bytes:
        served = head[len(seen) : len(seen) + count]
        data = served + plain.read(count - len(served))
        seen.extend(data)
        return data

    try:
        walk = walk_stream(read, total, _SIGNED_CONTENT, small_limit=SMALL_PART_MAX)
    except ShapeMismatch:
        return _read_signed_in_memory(plain, bytes(seen), sink)
    except ValueError as error:
        raise _inner_broken() from error
    names = _digest_names(walk)
    hashers = {name: hashlib.new(name) for name in names}

    def consume(piece: memoryview) -> None:
        for hasher in hashers.values():
            background.hash(hasher, piece)
        sink.write(piece)

    plain.stream(walk.value_length, consume)
    if walk.tail_length > SMALL_PART_MAX:
        raise OfferCorrupted("Isi dokumen penawaran bukan dokumen CMS bertanda tangan.")
    tail = plain.read(walk.tail_length)
    plain.finish()
    hollow = walk.hollow(tail)
    try:
        check_definite_der(hollow)
    except ValueError as error:
        raise _inner_broken() from error
    signed = _parse_signed(hollow)
    if signed is None:
        raise OfferCorrupted("Isi dokumen penawaran bukan dokumen CMS bertanda tangan.")
    digests = {name: hasher.digest() for name, hasher in hashers.items()}
    return _Signed(True, signed.signer_infos, signed.certificates), walk.value_length, digests


def _read_signed_in_memory(
    plain: _Plaintext, seen: bytes, sink: BinaryIO
) -> tuple[_Signed, int, dict[str, bytes]]:
    """Well-formed CMS of another shape than SpamKodok's and openssl's (e.g. a chunked
    eContent): parsed whole, if small, so that it is judged as before."""
    if plain.length > _IN_MEMORY_LIMIT:
        raise OfferCorrupted("Isi dokumen penawaran bukan dokumen CMS bertanda tangan.")
    inner = seen + plain.read(plain.length - len(seen))
    plain.finish()
    try:
        check_definite_der(inner)
    except ValueError as error:
        raise _inner_broken() from error
    signed = _parse_signed(inner)
    if signed is None or signed.content is None:
        raise OfferCorrupted("Isi dokumen penawaran bukan dokumen CMS bertanda tangan.")
    sink.write(signed.content)
    digests = {name: hashlib.new(name, signed.content).digest() for name in _HASHES}
    return _Signed(True, signed.signer_infos, signed.certificates), len(signed.content), digests


def _inner_broken() -> OfferAltered:
    return OfferAltered(
        "Isi dokumen penawaran tidak utuh setelah didekripsi (berubah sebelum diunggah)."
    )


def _digest_names(walk: Walk) -> list[str]:
    """The digest algorithms the SignedData lists before its content (version, then the SET)."""
    signed_data, encapsulated = walk.nodes[2], walk.nodes[3]
    between = walk.prefix[signed_data.start : encapsulated.head]
    try:
        if len(between) < 2 or between[0] != 0x02 or between[1] >= 0x80:
            raise ValueError("no version")
        listed = asn1_cms.DigestAlgorithms.load(between[2 + between[1] :], strict=True)
        names = [algorithm["algorithm"].native for algorithm in listed]
    except _PARSE_ERRORS as error:
        raise OfferCorrupted("Isi dokumen penawaran bukan dokumen CMS bertanda tangan.") from error
    return [name for name in dict.fromkeys(names) if name in _HASHES]


def _load_enveloped(der: bytes) -> Any:
    """Parse the (hollowed) ContentInfo and check it is an EnvelopedData; parse errors raise."""
    check_definite_der(der)
    content_info = asn1_cms.ContentInfo.load(der, strict=True)
    if content_info["content_type"].native != "enveloped_data":
        raise ValueError("not EnvelopedData")
    enveloped = content_info["content"]
    encrypted = enveloped["encrypted_content_info"]
    encrypted["content_encryption_algorithm"]["algorithm"].native  # noqa: B018
    if encrypted["encrypted_content"].native is None:
        raise ValueError("no encrypted content")
    for recipient in enveloped["recipient_infos"]:
        recipient.native  # noqa: B018  (forces asn1crypto's lazy parse)
    return enveloped


def _parse_enveloped(data: bytes) -> Any:
    """The EnvelopedData of an offer held in memory (APENDO's .rhs files use it too)."""
    try:
        check_definite_der(data)
        try:
            walk = walk_stream(
                io.BytesIO(data).read, len(data), _ENCRYPTED_CONTENT, small_limit=len(data)
            )
            hollow = walk.hollow(data[walk.value_end :])
        except ShapeMismatch:
            hollow = data  # asn1crypto judges the whole of it
        return _load_enveloped(hollow)
    except _PARSE_ERRORS as error:
        raise OfferCorrupted("Berkas penawaran rusak: bukan dokumen CMS terenkripsi.") from error


def _addressed_to(enveloped: Any, certificate: x509.Certificate) -> bool:
    return any(
        recipient.name == "ktri" and _is_us(recipient.chosen["rid"], certificate)
        for recipient in enveloped["recipient_infos"]
    )


def _is_us(rid: Any, certificate: x509.Certificate) -> bool:
    """Whether a recipient identifier names `certificate` (issuer and serial, or key id)."""
    if rid.name == "issuer_and_serial_number":
        parsed = asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
        return bool(
            rid.chosen["issuer"].dump() == parsed.issuer.dump()
            and rid.chosen["serial_number"].native == certificate.serial_number
        )
    if rid.name == "subject_key_identifier":
        try:
            ski = certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
        except x509.ExtensionNotFound:
            return False
        return bool(rid.chosen.native == ski.value.digest)
    return False


@dataclass(frozen=True)
class _Signed:
    """A SignedData's parts; `content` only when it was parsed from memory whole."""

    has_content: bool
    signer_infos: list[Any]
    certificates: list[x509.Certificate]
    content: bytes | None = None


def _parse_signed(der: bytes) -> _Signed | None:
    """The parts of a ContentInfo(SignedData) (whole, or with its eContent hollowed), or None
    if it is well-formed CMS of another type; OfferCorrupted if it is not CMS."""
    try:
        content_info = asn1_cms.ContentInfo.load(der, strict=True)
        if content_info["content_type"].native != "signed_data":
            return None
        signed = content_info["content"]
        encapsulated = signed["encap_content_info"]
        content = encapsulated["content"].native
        has_content = encapsulated["content_type"].native == "data" and isinstance(content, bytes)
        return _Signed(
            has_content=has_content,
            signer_infos=list(signed["signer_infos"]),
            certificates=[
                x509.load_der_x509_certificate(choice.chosen.dump())
                for choice in signed["certificates"]
                if choice.name == "certificate"
            ],
            content=content if has_content else None,
        )
    except _PARSE_ERRORS as error:
        raise OfferCorrupted("Isi dokumen penawaran bukan dokumen CMS bertanda tangan.") from error


def _is_one_sequence(head: bytes, total: int) -> bool:
    """Whether `head` (the first bytes of `total`) starts a SEQUENCE whose definite length
    covers the `total` bytes exactly."""
    if len(head) < 2 or head[0] != 0x30 or head[1] == 0x80:
        return False
    if head[1] < 0x80:
        return 2 + head[1] == total
    count = head[1] & 0x7F
    if count > 8 or len(head) < 2 + count:
        return False
    return 2 + count + int.from_bytes(head[2 : 2 + count], "big") == total


def _verify_signed(
    signed: _Signed, digests: dict[str, bytes]
) -> tuple[x509.Certificate, list[x509.Certificate]]:
    """Verify the single signature of a SignedData whose content hashed to `digests`."""
    signer_infos, certificates = signed.signer_infos, signed.certificates
    if not signed.has_content:
        raise OfferCorrupted("Dokumen penawaran bertanda tangan tidak memuat isinya.")
    if len(signer_infos) != 1:
        raise OfferCorrupted("Dokumen penawaran harus memiliki tepat satu penanda tangan.")
    signer_info = signer_infos[0]
    signer = _find_signer(signer_info, certificates)
    if signer is None:
        raise OfferCorrupted("Sertifikat penanda tangan tidak disertakan dalam dokumen penawaran.")
    hash_name = signer_info["digest_algorithm"]["algorithm"].native
    if hash_name not in _HASHES or hash_name not in digests:
        raise OfferCorrupted(f"Algoritma hash tidak didukung: {hash_name}.")
    algorithm = _HASHES[hash_name]()
    attributes = signer_info["signed_attrs"]
    if not attributes:
        raise OfferCorrupted(
            "Tanda tangan dokumen penawaran tidak memiliki atribut bertanda tangan."
        )

    found = _attribute_values(attributes, "message_digest")
    types = _attribute_values(attributes, "content_type")
    if found != [digests[hash_name]] or types != ["data"]:
        raise OfferAltered("Isi dokumen penawaran tidak sesuai dengan tanda tangannya.")
    _verify_signature(signer, signer_info, _attributes_to_sign(attributes), algorithm)
    embedded = [certificate for certificate in certificates if certificate != signer]
    return signer, embedded


def _find_signer(signer_info: Any, certificates: list[x509.Certificate]) -> x509.Certificate | None:
    for certificate in certificates:
        if _is_us(signer_info["sid"], certificate):
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
