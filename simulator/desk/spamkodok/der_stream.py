"""The hand-written part of streaming CMS: definite-length DER around one bulk value.

No maintained Python library streams CMS with definite lengths (cryptography and asn1crypto
build and parse whole values in memory), so SpamKodok does the one thing they cannot itself:

- writing: an ASN.1 library encodes the whole structure with the bulk value left empty;
  ``split_at_leaf`` then rewrites the length headers on the path down to that value so that
  ``prefix + value + suffix`` is the DER of the structure holding a value of the given length;
- reading: ``walk`` reads a DER stream down a path to the bulk value, keeping only the small
  parts before it; the caller streams the value itself; ``Walk.hollow`` rebuilds the structure
  with the value emptied so that an ASN.1 library parses (and judges) everything else.

Only single-byte tags appear on the paths; every length is checked to be definite, minimal and
nested within its container. Tests cross-check the results with ``openssl cms`` both ways.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# A path from the outer element down to the bulk value, as (child index, expected tag) steps.
Path = tuple[tuple[int, int], ...]


class ShapeMismatch(Exception):
    """Well-formed so far, but not the expected shape (another tag or fewer children)."""


@dataclass(frozen=True)
class _Node:
    head: int  # offset of the tag byte
    start: int  # offset of the content
    end: int  # offset just past the content
    tag: int


@dataclass(frozen=True)
class Walk:
    """Where the bulk value lies in a DER stream, and the bytes read before it."""

    prefix: bytes  # every byte of the stream before the value
    nodes: tuple[_Node, ...]  # from the outer element down to the value's own element
    total: int

    @property
    def value_start(self) -> int:
        return self.nodes[-1].start

    @property
    def value_length(self) -> int:
        return self.nodes[-1].end - self.nodes[-1].start

    @property
    def value_end(self) -> int:
        return self.nodes[-1].end

    @property
    def tail_length(self) -> int:
        """How many bytes follow the value up to the end of the stream."""
        return self.total - self.nodes[-1].end

    def hollow(self, tail: bytes) -> bytes:
        """The DER with the value emptied; ``tail``: the ``tail_length`` bytes after it."""
        value_end = self.nodes[-1].end

        def original(start: int, end: int) -> bytes:
            if end <= self.value_start:
                return self.prefix[start:end]
            return tail[start - value_end : end - value_end]

        leaf = self.nodes[-1]
        hollow = bytes((leaf.tag, 0))
        for outer, inner in zip(reversed(self.nodes[:-1]), reversed(self.nodes[1:]), strict=True):
            body = original(outer.start, inner.head) + hollow + original(inner.end, outer.end)
            hollow = bytes((outer.tag,)) + der_length(len(body)) + body
        return hollow


def der_length(length: int) -> bytes:
    """The minimal DER encoding of a content length."""
    if length < 0x80:
        return bytes((length,))
    encoded = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes((0x80 | len(encoded),)) + encoded


def split_at_leaf(der: bytes, path: Path, value_length: int) -> tuple[bytes, bytes]:
    """(prefix, suffix) such that ``prefix + value + suffix`` is ``der`` with the empty
    primitive value at ``path`` replaced by ``value_length`` bytes (lengths on the path grown)."""
    walk = walk_stream(_bytes_reader(der), len(der), path, small_limit=len(der))
    if walk.value_length != 0:
        raise ValueError("the value at the path must be empty")
    nodes = walk.nodes
    # From the value outwards: each element grows by its child's growth, headers included.
    growth = value_length
    parts: list[bytes] = []
    for index in range(len(nodes) - 1, -1, -1):
        node = nodes[index]
        head = bytes((node.tag,)) + der_length(node.end - node.start + growth)
        if index + 1 < len(nodes):
            parts.append(der[node.start : nodes[index + 1].head])
        parts.append(head)
        growth += len(head) - (node.start - node.head)
    prefix = b"".join(reversed(parts))
    return prefix, der[nodes[-1].end :]


def walk_stream(read: Callable[[int], bytes], total: int, path: Path, *, small_limit: int) -> Walk:
    """Read the DER element of ``total`` bytes from ``read`` down ``path``; stop at the value.

    ``read(n)`` must return exactly n bytes. ValueError for broken DER (indefinite or
    non-minimal lengths, a value running past its container, elements before the value larger
    than ``small_limit``); ShapeMismatch for well-formed DER of another shape.
    """
    prefix = bytearray()

    def take(count: int) -> bytes:
        if len(prefix) + count > total:
            raise ValueError("value runs past the end")
        data = read(count)
        if len(data) != count:
            raise ValueError("stream ends early")
        prefix.extend(data)
        return data

    def header(limit: int) -> _Node:
        head = len(prefix)
        if head + 2 > limit:
            raise ValueError("truncated header")
        tag, first = take(2)
        if tag & 0x1F == 0x1F:
            raise ShapeMismatch("multi-byte tag")
        if first == 0x80:
            raise ValueError("indefinite length")
        length = first
        if first > 0x80:
            count = first & 0x7F
            if count > 8 or len(prefix) + count > limit:
                raise ValueError("bad long-form length")
            raw = take(count)
            length = int.from_bytes(raw, "big")
            if raw[0] == 0 or length < 0x80:
                raise ValueError("non-minimal length")
        start = len(prefix)
        if start + length > limit:
            raise ValueError("value runs past its container")
        return _Node(head=head, start=start, end=start + length, tag=tag)

    top = header(total)
    if top.end != total:
        raise ValueError("trailing data after the top-level value")
    nodes = [top]
    for index, tag in path:
        parent = nodes[-1]
        if not parent.tag & 0x20:
            raise ShapeMismatch("primitive value on the path")
        for _ in range(index):
            if len(prefix) >= parent.end:
                raise ShapeMismatch("fewer children than the path needs")
            sibling = header(parent.end)
            if sibling.end - sibling.start > small_limit:
                raise ValueError("a small part is too large")
            take(sibling.end - sibling.start)
        if len(prefix) >= parent.end:
            raise ShapeMismatch("fewer children than the path needs")
        child = header(parent.end)
        if child.tag != tag:
            raise ShapeMismatch(f"tag {child.tag:#x}, expected {tag:#x}")
        nodes.append(child)
    if nodes[-1].tag & 0x20:
        raise ShapeMismatch("the bulk value is constructed")
    return Walk(prefix=bytes(prefix), nodes=tuple(nodes), total=total)


def _bytes_reader(data: bytes) -> Callable[[int], bytes]:
    position = 0

    def read(count: int) -> bytes:
        nonlocal position
        chunk = data[position : position + count]
        position += len(chunk)
        return chunk

    return read
