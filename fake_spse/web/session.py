"""SPSE-style sessions: the SPSE_SESSION cookie carries a signed authenticity token and id."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fake_spse.storage.database import Database

COOKIE = "SPSE_SESSION"


@dataclass
class Session:
    sid: str
    user_id: str | None
    auth_token: str


def encode_cookie(secret: bytes, session: Session, now: datetime) -> str:
    """``<hash>-___AT=<token>&___TS=<ms>&___ID=<sid>`` as SPSE 4 (Play) writes it."""
    payload = f"___AT={session.auth_token}&___TS={int(now.timestamp() * 1000)}&___ID={session.sid}"
    mac = hmac.new(secret, payload.encode(), hashlib.sha1).hexdigest()
    return f"{mac}-{payload}"


def decode_cookie(secret: bytes, value: str) -> str | None:
    """The session id of a well-signed cookie, else None."""
    mac, _, payload = value.partition("-")
    expected = hmac.new(secret, payload.encode(), hashlib.sha1).hexdigest()
    if not hmac.compare_digest(mac, expected):
        return None
    ids = parse_qs(payload).get("___ID")
    return ids[0] if ids else None


class SessionMiddleware:
    """Attaches ``scope["session"]``; starts a session (and sets the cookie) when there is none."""

    def __init__(
        self, app: ASGIApp, *, db: Database, secret: bytes, now: Callable[[], datetime]
    ) -> None:
        self.app = app
        self.db = db
        self.secret = secret
        self.now = now

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        session = self._load(scope)
        fresh = session is None
        if session is None:
            session = Session(secrets.token_hex(16), None, secrets.token_hex(20))
            self.db.add_session(session.sid, session.auth_token, self.now())
        scope["session"] = session

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and fresh:
                headers = list(message.get("headers", []))
                # Written by hand: http.cookies would quote the '=' and '&' that SPSE's value has.
                value = encode_cookie(self.secret, session, self.now())
                cookie = f"{COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax"
                headers.append((b"set-cookie", cookie.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def _load(self, scope: Scope) -> Session | None:
        for name, value in scope.get("headers", []):
            if name != b"cookie":
                continue
            for part in value.decode("latin-1").split(";"):
                key, _, raw = part.strip().partition("=")
                if key != COOKIE:
                    continue
                sid = decode_cookie(self.secret, raw.strip('"'))
                if sid is None:
                    return None
                row = self.db.session(sid)
                if row is None:
                    return None
                return Session(sid, row[0], row[1])
        return None
