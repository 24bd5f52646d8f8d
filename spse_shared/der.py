"""DER's definite lengths, checked on the TLV headers alone: what SpamKodok and SPSE both ask
of a CMS file before any ASN.1 library parses it (chunked BER makes asn1crypto quadratic, and
SPSE accepts only what openssl's DER reader accepts)."""

from __future__ import annotations


def check_definite_der(data: bytes) -> None:
    """Raise ValueError unless `data` is exactly one DER element with definite lengths throughout.

    Walks the TLV headers only (linear time), so asn1crypto never sees chunked BER, on which it
    is quadratic.
    """
    ends: list[int] = []
    position = 0
    total = len(data)
    if total == 0:
        raise ValueError("empty input")
    while position < total or ends:
        while ends and position == ends[-1]:
            ends.pop()
        if position == total:
            if ends:
                raise ValueError("constructed value runs past the end")
            break
        limit = ends[-1] if ends else total
        tag = data[position]
        position += 1
        if tag & 0x1F == 0x1F:
            while True:
                if position >= limit:
                    raise ValueError("truncated tag")
                more = data[position] & 0x80
                position += 1
                if not more:
                    break
        if position >= limit:
            raise ValueError("truncated length")
        first = data[position]
        position += 1
        if first == 0x80:
            raise ValueError("indefinite length")
        if first < 0x80:
            length = first
        else:
            count = first & 0x7F
            if count > 8 or position + count > limit or data[position] == 0:
                raise ValueError("bad long-form length")
            length = int.from_bytes(data[position : position + count], "big")
            position += count
            if length < 0x80:
                raise ValueError("non-minimal length")
        end = position + length
        if end > limit:
            raise ValueError("value runs past its container")
        if not ends and end != total:
            raise ValueError("trailing data after the top-level value")
        if tag & 0x20:
            ends.append(end)
        else:
            position = end
