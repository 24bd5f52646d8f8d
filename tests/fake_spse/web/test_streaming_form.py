"""fake_spse.web.streaming_form: fields first, then one file streamed as it arrives."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.requests import Request

from fake_spse.web.streaming_form import FormError, FormTruncated, StreamingForm
from spse_shared.run_sync import run_sync

BOUNDARY = "----batasKodok7MA4YWxkTrZu0gW"


def part(name: str, value: bytes, filename: str | None = None) -> bytes:
    disposition = f'form-data; name="{name}"'
    if filename is not None:
        disposition += f'; filename="{filename}"'
    head = f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n"
    if filename is not None:
        head += "Content-Type: application/octet-stream\r\n"
    return head.encode() + b"\r\n" + value + b"\r\n"


def body(*parts: bytes, closed: bool = True) -> bytes:
    return b"".join(parts) + (f"--{BOUNDARY}--\r\n".encode() if closed else b"")


def request(
    data: bytes,
    *,
    chunk: int = 7,
    content_type: str | None = None,
    messages: list[dict[str, Any]] | None = None,
) -> Request:
    """A Starlette request whose body arrives in small chunks, as over a slow network;
    ``messages`` (if given) is filled with the ASGI messages not yet received."""
    chunks = [data[i : i + chunk] for i in range(0, len(data), chunk)] or [b""]
    messages = [] if messages is None else messages
    messages.extend(
        {"type": "http.request", "body": c, "more_body": i < len(chunks) - 1}
        for i, c in enumerate(chunks)
    )

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    kind = content_type or f"multipart/form-data; boundary={BOUNDARY}"
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/",
        "headers": [(b"content-type", kind.encode())],
    }
    return Request(scope, receive)


async def read_all(form: StreamingForm, name: str) -> tuple[str | None, bytes]:
    filename = await form.next_file(name)
    content = b""
    if filename is not None:
        content = b"".join([c async for c in form.file_chunks()])
    return filename, content


def test_fields_before_the_file_and_the_file_streamed_in_chunks() -> None:
    content = bytes(range(256)) * 50 + b"\r\n--not-the-boundary\r\n"
    data = body(
        part("authenticityToken", b"tok3n"),
        part("catatan", b"Penawaran CV Maju"),
        part("dokumen", content, "Penawaran Harga.rhs"),
        part("sesudah", b"diabaikan"),
    )
    form = StreamingForm(request(data))

    async def go() -> tuple[str | None, list[bytes]]:
        filename = await form.next_file("dokumen")
        return filename, [c async for c in form.file_chunks()]

    filename, chunks = run_sync(go())
    assert filename == "Penawaran Harga.rhs"
    assert form.fields == {"authenticityToken": "tok3n", "catatan": "Penawaran CV Maju"}
    assert b"".join(chunks) == content
    assert len(chunks) > 1


def test_other_files_are_skipped_and_a_missing_file_is_none() -> None:
    data = body(part("lampiran", b"x" * 100, "lain.pdf"), part("authenticityToken", b"t"))
    form = StreamingForm(request(data))
    assert run_sync(read_all(form, "dokumen")) == (None, b"")
    assert form.fields == {"authenticityToken": "t"}


def test_an_empty_file_input_sends_an_empty_name() -> None:
    data = body(part("authenticityToken", b"t"), part("dokumen", b"", ""))
    assert run_sync(read_all(StreamingForm(request(data)), "dokumen")) == ("", b"")


def test_a_body_ending_inside_the_file_is_truncated() -> None:
    data = body(part("dokumen", b"a" * 500, "p.rhs"), closed=False)[:-20]
    with pytest.raises(FormTruncated):
        run_sync(read_all(StreamingForm(request(data)), "dokumen"))


def test_not_a_multipart_request() -> None:
    with pytest.raises(FormError):
        StreamingForm(request(b"a=b", content_type="application/x-www-form-urlencoded"))
    with pytest.raises(FormError):
        StreamingForm(request(b"", content_type="multipart/form-data"))


def test_oversized_or_nameless_fields_are_refused() -> None:
    big = body(part("authenticityToken", b"t" * 70_000), part("dokumen", b"x", "p.rhs"))
    with pytest.raises(FormError, match="too long"):
        run_sync(read_all(StreamingForm(request(big, chunk=4096)), "dokumen"))
    nameless = (
        f"--{BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--{BOUNDARY}--\r\n".encode()
    )
    with pytest.raises(FormError, match="field name"):
        run_sync(read_all(StreamingForm(request(nameless)), "dokumen"))


def test_drain_reads_what_is_left_up_to_a_limit() -> None:
    data = body(part("dokumen", b"z" * 10_000, "p.pdf"))
    for limit, left in ((1_000_000, 0), (2_500, 7)):
        pending: list[dict[str, Any]] = []
        form = StreamingForm(request(data, chunk=1000, messages=pending))

        async def go(form: StreamingForm = form, limit: int = limit) -> None:
            assert await form.next_file("dokumen") == "p.pdf"
            await form.drain(limit=limit)

        run_sync(go())
        assert len(pending) == left
