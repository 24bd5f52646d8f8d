"""The server's request log: one JSON line per request, each with its own request id.

The id is made when the request arrives, travels in ``scope["request_id"]`` (the error page shows
it as "Kode Error"), and goes back to the browser in the ``X-Request-Id`` header, so the same id
is in the log line, on the page and in the Playwright trace of the desk that made the request.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fake_spse.web.session import USER_AT_ARRIVAL

HEADER = "X-Request-Id"
# Set by the application's 500 handler (which answers before the exception reaches us).
ERROR_KEY = "request_error"


# Query parameters whose values never reach the log (the control token, authenticity tokens,
# anything password-like): the log is copied into evidence folders and shown to classes.
SECRET_PARAMS = ("token", "password", "sandi", "secret", "key", "authorization", "cookie")
REDACTED = "[disembunyikan]"


def redact_query(query: str) -> str:
    """``query`` with the value of every secret-looking parameter replaced by REDACTED."""
    parts = []
    for part in query.split("&"):
        name, sep, _ = part.partition("=")
        lowered = unquote_plus(name).lower()
        if sep and any(word in lowered for word in SECRET_PARAMS):
            part = f"{name}={REDACTED}"
        parts.append(part)
    return "&".join(parts)


def new_request_id() -> str:
    """12 upper-case hex digits: short enough to read out on the phone to a helpdesk."""
    return secrets.token_hex(6).upper()


def request_id(request: Request) -> str | None:
    """The id of ``request`` (None outside the middleware, e.g. in a bare test client)."""
    found = request.scope.get("request_id")
    return found if isinstance(found, str) else None


class RequestLog:
    """Appends one JSON object per line to ``path``; safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def write(self, entry: dict[str, Any]) -> None:
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(line)


class RequestLogMiddleware:
    """Outermost ASGI layer: gives each HTTP request an id and logs it when it is answered.

    A line: request_id, method, path, query (secret values redacted), status, duration_ms,
    user_id (the session's user when the request came in), sim_time (the simulated clock at
    arrival), wall_time, and error (the exception's type) when the application raised. The
    line is written when the answer starts (duration_ms is the time to the response headers),
    before anything reaches the client: a client that has its answer also finds its line.
    """

    def __init__(self, app: ASGIApp, *, log: RequestLog, now: Callable[[], datetime]) -> None:
        self.app = app
        self.log = log
        self.now = now

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = new_request_id()
        scope["request_id"] = rid
        sim_time = self.now().isoformat()
        wall_time = datetime.now(UTC).isoformat(timespec="milliseconds")
        started = time.perf_counter()
        status = 0
        logged = False

        def write(error: str | None = None) -> None:
            nonlocal logged
            logged = True
            entry: dict[str, Any] = {
                "request_id": rid,
                "method": scope.get("method", ""),
                "path": scope.get("path", ""),
                "query": redact_query(scope.get("query_string", b"").decode("latin-1")),
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": scope.get(USER_AT_ARRIVAL),
                "sim_time": sim_time,
                "wall_time": wall_time,
            }
            error = error or scope.get(ERROR_KEY)
            if error is not None:
                entry["error"] = error
            self.log.write(entry)

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = list(message.get("headers", []))
                headers.append((HEADER.lower().encode(), rid.encode()))
                message["headers"] = headers
                # Logged before the answer leaves: whoever got it finds its line (a redirect
                # is complete with its headers).
                write()
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except BaseException as exc:
            if not logged:
                status = status or 500
                write(type(exc).__name__)
            raise
        finally:
            if not logged:
                write()
