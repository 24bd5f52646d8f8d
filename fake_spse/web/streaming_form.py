"""A multipart/form-data body read part by part: text fields first, then one file as a stream.

Starlette's ``request.form()`` spools a whole upload into a temporary file before a handler
sees any of it. An offer should instead go straight into the atomic blob store, with the size
limit and the upload faults applied while it arrives, exactly as the raw-body CA upload does.
Browsers send a form's fields in document order, so the authenticity token (a hidden input
placed before the file input) arrives before the file.
"""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect, Request

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks


class FormError(Exception):
    """The body is not a well-formed multipart/form-data form."""


class FormTruncated(FormError):
    """The body ended in the middle of the file: the connection went away."""


_BEGIN, _HEADERS, _DATA, _END = "begin", "headers", "data", "end"


class StreamingForm:
    """One request's form. ``next_file`` reads up to a file, ``file_chunks`` streams it."""

    def __init__(
        self, request: Request, *, max_field_bytes: int = 64 * 1024, max_fields: int = 32
    ) -> None:
        content_type, options = parse_options_header(request.headers.get("content-type", ""))
        boundary = options.get(b"boundary")
        if content_type != b"multipart/form-data" or not boundary:
            raise FormError("not a multipart/form-data request")
        self.fields: dict[str, str] = {}
        self._max_field_bytes = max_field_bytes
        self._max_fields = max_fields
        self._stream = request.stream().__aiter__()
        self._finished = False
        self._events: deque[tuple[str, bytes]] = deque()
        self._header_name = b""
        self._header_value = b""
        self._disposition = b""
        callbacks: MultipartCallbacks = {
            "on_part_begin": self._on_part_begin,
            "on_header_field": self._on_header_field,
            "on_header_value": self._on_header_value,
            "on_header_end": self._on_header_end,
            "on_headers_finished": self._on_headers_finished,
            "on_part_data": self._on_part_data,
            "on_part_end": self._on_part_end,
        }
        try:
            self._parser = MultipartParser(boundary, callbacks)
        except FormParserError as exc:
            raise FormError(str(exc)) from exc

    # parser callbacks: each turns into an event, handled in order by the readers below ------
    def _on_part_begin(self) -> None:
        self._disposition = b""

    def _on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def _on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _on_header_end(self) -> None:
        if self._header_name.strip().lower() == b"content-disposition":
            self._disposition = self._header_value
        self._header_name = self._header_value = b""

    def _on_headers_finished(self) -> None:
        self._events.append((_HEADERS, self._disposition))

    def _on_part_data(self, data: bytes, start: int, end: int) -> None:
        if end > start:
            self._events.append((_DATA, bytes(data[start:end])))

    def _on_part_end(self) -> None:
        self._events.append((_END, b""))

    async def _next_event(self) -> tuple[str, bytes] | None:
        while not self._events:
            if self._finished:
                return None
            try:
                chunk = await anext(self._stream)
            except StopAsyncIteration:
                self._finished = True
                self._parser.finalize()
                continue
            try:
                self._parser.write(chunk)
            except FormParserError as exc:
                raise FormError(str(exc)) from exc
        return self._events.popleft()

    # readers -----------------------------------------------------------------------------------
    async def next_file(self, name: str) -> str | None:
        """Read up to the start of the file field ``name``; the file name the browser sent.

        Text fields on the way are collected in ``fields``; other files are skipped. None when
        the form has no such file field.
        """
        field: str | None = None
        value = bytearray()
        while (event := await self._next_event()) is not None:
            kind, data = event
            if kind == _HEADERS:
                _, options = parse_options_header(data)
                if b"name" not in options:
                    raise FormError("a part without a field name")
                part_name = options[b"name"].decode("utf-8", "replace")
                if b"filename" in options:
                    if part_name == name:
                        return options[b"filename"].decode("utf-8", "replace")
                    field = None  # another file: its content is skipped
                else:
                    field, value = part_name, bytearray()
            elif kind == _DATA and field is not None:
                value += data
                if len(value) > self._max_field_bytes:
                    raise FormError(f"field {field!r} is too long")
            elif kind == _END:
                if field is not None:
                    if len(self.fields) >= self._max_fields:
                        raise FormError("too many fields")
                    self.fields[field] = value.decode("utf-8", "replace")
                field = None
        return None

    async def file_chunks(self) -> AsyncIterator[bytes]:
        """The content of the file found by ``next_file``, chunk by chunk as it arrives."""
        while (event := await self._next_event()) is not None:
            kind, data = event
            if kind == _DATA:
                yield data
            elif kind == _END:
                return
        raise FormTruncated("the body ended inside the file")

    async def drain(self, limit: int) -> None:
        """Read and drop the rest of the body (at most ``limit`` more bytes), so that the
        browser, still sending, receives the answer instead of a reset connection."""
        read = 0
        try:
            async for chunk in self._stream:
                read += len(chunk)
                if read > limit:
                    return
        except ClientDisconnect:
            return
        finally:
            self._finished = True
