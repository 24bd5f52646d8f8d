"""What a document read from a flash drive does to a sealed offer, as the field reports it.

Vendors and LPSE helpdesks report that offers whose documents were picked from a flash drive
went through the upload and then could not be decrypted at opening ("tidak dapat didekripsi").
Why is not documented; the simulator reproduces the consequence: the last ciphertext byte of
the envelope is lost while SpamKodok writes it (the read from the drive ended early), so SPSE
still receives a well-formed CMS EnvelopedData for the pokja, and opening it (SpamKodok or
``openssl cms -decrypt``) fails at decryption because the ciphertext is no longer a whole
number of AES blocks.
"""

from __future__ import annotations


def _header(data: bytes, position: int) -> tuple[int, int]:
    """Content start and end of the single-byte-tag DER element at ``position``."""
    first = data[position + 1]
    if first < 0x80:
        return position + 2, position + 2 + first
    count = first & 0x7F
    start = position + 2 + count
    return start, start + int.from_bytes(data[position + 2 : start], "big")


def _length(length: int) -> bytes:
    if length < 0x80:
        return bytes((length,))
    encoded = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes((0x80 | len(encoded),)) + encoded


def _children(data: bytes, start: int, end: int) -> list[int]:
    heads = []
    while start < end:
        heads.append(start)
        start = _header(data, start)[1]
    return heads


def _shorten(data: bytes, position: int, path: tuple[int, ...]) -> bytes:
    """The element at ``position`` with the last byte of the element ``path`` leads to removed
    (every length on the way re-encoded)."""
    start, end = _header(data, position)
    if not path:
        content = data[start : end - 1]
    else:
        heads = _children(data, start, end)
        index = path[0] if path[0] >= 0 else len(heads) + path[0]
        child_end = _header(data, heads[index])[1]
        content = (
            data[start : heads[index]]
            + _shorten(data, heads[index], path[1:])
            + data[child_end:end]
        )
    return bytes((data[position],)) + _length(len(content)) + content


def lose_final_byte(sealed: bytes) -> bytes:
    """``sealed`` (a DER ContentInfo with EnvelopedData) with the last ciphertext byte lost.

    Path: ContentInfo -> [0] content -> EnvelopedData -> encryptedContentInfo (its last
    element) -> encryptedContent [0] (its last element, primitive).
    """
    return _shorten(sealed, 0, (1, 0, -1, -1))
