"""Request bodies are bounded before anything reads them into memory or a temporary file.

Starlette spools a form (and its files) to disk as it parses it, whatever the route does with
it afterwards: without this layer a 1.5 GiB POST to the login page is written to /tmp in full
before the page refuses it. Here, a declared Content-Length over the route's limit is answered
413 at once, without reading the body; a body without one (chunked) is counted as it streams and
cut off with 413 the moment it passes the limit. Routes that take uploads (offers, AMS letters,
support attachments) get the upload limit and still apply their own, precise one; every other
route gets a small limit. Reading a body also has a wall-clock timeout per chunk, so a client
that stops sending half-way does not hold the request open for ever.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Forms, JSON and control calls: generous for any text field, tiny for a disk.
DEFAULT_LIMIT = 1 * 2**20
# Multipart framing and the other fields around an uploaded file.
UPLOAD_MARGIN = 1 * 2**20
CHUNK_TIMEOUT_SECONDS = 60.0
TOO_LARGE = "permintaan.terlalu_besar"
TIMED_OUT = "permintaan.waktu_habis"


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a streamed body passes its limit; the app answers 413."""

    def __init__(self, detail: str) -> None:
        super().__init__(status_code=413, detail=detail)


class BodyTimeout(HTTPException):
    """Raised from ``receive`` when the client stops sending the body; the app answers 408."""

    def __init__(self, detail: str) -> None:
        super().__init__(status_code=408, detail=detail)


@dataclass(frozen=True)
class BodyLimits:
    """``upload_paths``: patterns of the paths (full, from the root) that take uploads."""

    upload_paths: tuple[re.Pattern[str], ...]
    upload_limit: int
    default_limit: int = DEFAULT_LIMIT
    chunk_timeout: float = CHUNK_TIMEOUT_SECONDS

    def limit_for(self, path: str) -> int:
        if any(pattern.fullmatch(path) for pattern in self.upload_paths):
            return self.upload_limit + UPLOAD_MARGIN
        return self.default_limit


def upload_paths(base_path: str, support_path: str) -> tuple[re.Pattern[str], ...]:
    """The routes of SPSE and LPSE Support that receive files."""
    base, support = re.escape(base_path), re.escape(support_path)
    return (
        re.compile(base + r"/lelang/[^/]+/penawaran/kirim"),
        re.compile(base + r"/lelang/[^/]+/penawaran-apendo"),
        re.compile(base + r"/lelang/[^/]+/kualifikasi"),
        re.compile(base + r"/ams"),
        re.compile(base + r"/sertifikat/apd"),
        re.compile(support + r"/tiket/.*"),
    )


class BodyLimitMiddleware:
    """See the module docstring; ``message(key)`` is the catalog's text for a message key."""

    def __init__(self, app: ASGIApp, *, limits: BodyLimits, message: Callable[[str], str]) -> None:
        self.app = app
        self.limits = limits
        self.message = message

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.limit_for(scope.get("path", ""))
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            response = PlainTextResponse(self.message(TOO_LARGE), status_code=413)
            response.headers["connection"] = "close"
            await response(scope, receive, send)
            return
        received = 0
        finished = False
        timeout = self.limits.chunk_timeout

        async def bounded_receive() -> Message:
            nonlocal received, finished
            if finished:  # after the body: disconnect listeners wait as long as they like
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), timeout)
            except TimeoutError as exc:
                raise BodyTimeout(self.message(TIMED_OUT)) from exc
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(self.message(TOO_LARGE))
                finished = not message.get("more_body", False)
            return message

        await self.app(scope, bounded_receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isascii() and text.isdigit() else None
    return None
