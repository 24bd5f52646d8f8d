"""SPSE-style sessions: the SPSE_SESSION cookie carries a signed authenticity token and id.

Two kinds of session share the cookie's shape:

- anonymous (nobody logged in): the signed cookie is the whole session; the server keeps no row
  for it, so requests without a cookie (crawlers, the rush, attackers) cost no storage;
- logged in: a row in the ``sessions`` table, created at login with a new id and a new
  authenticity token (a cookie planted before login never becomes the user's session), ended
  by logout, and expired on the simulated clock when idle too long or simply too old.

The middleware also puts the cookie flags and the anti-framing / no-sniff headers on every answer.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qs

import anyio.to_thread
from anyio import CapacityLimiter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fake_spse.domain.accounts import Account
from fake_spse.storage.database import Database

COOKIE = "SPSE_SESSION"
USER_AT_ARRIVAL = "session_user"
# The logged-in user's account as read with the session (in the same worker thread), so that
# pages need not read it again on the event loop.
ACCOUNT_AT_ARRIVAL = "session_account"
# Where the middleware puts itself in the scope: login and logout go through it to the store.
_STORE = "session_store"
# How often (simulated time) a logged-in session's "last seen" is written: not on every request.
TOUCH_EVERY = timedelta(minutes=1)
# On every answer unless the handler set its own (the trainer panel sets a stricter CSP).
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
)


@dataclass
class Session:
    """``fresh`` sessions get a new cookie with the answer."""

    sid: str
    user_id: str | None
    auth_token: str
    fresh: bool = False


@dataclass(frozen=True)
class SessionLimits:
    """How long a logged-in session lives on the simulated clock (None: no limit)."""

    idle: timedelta | None
    absolute: timedelta | None


def anonymous() -> Session:
    """A new anonymous session (no row): a new id and authenticity token."""
    return Session(secrets.token_hex(16), None, secrets.token_hex(20), fresh=True)


def encode_cookie(secret: bytes, session: Session, now: datetime) -> str:
    """``<hash>-___AT=<token>&___TS=<ms>&___ID=<sid>`` as SPSE 4 (Play) writes it."""
    payload = f"___AT={session.auth_token}&___TS={int(now.timestamp() * 1000)}&___ID={session.sid}"
    mac = hmac.new(secret, payload.encode(), hashlib.sha1).hexdigest()
    return f"{mac}-{payload}"


def decode_cookie(secret: bytes, value: str) -> tuple[str, str] | None:
    """(session id, authenticity token) of a well-signed cookie, else None."""
    mac, _, payload = value.partition("-")
    expected = hmac.new(secret, payload.encode(), hashlib.sha1).hexdigest()
    if not hmac.compare_digest(mac.encode("latin-1", "replace"), expected.encode()):
        return None
    fields = parse_qs(payload)
    ids, tokens = fields.get("___ID"), fields.get("___AT")
    if not ids or not tokens:
        return None
    return ids[0], tokens[0]


def log_in(scope: Scope, user_id: str) -> Session:
    """A new logged-in session for ``user_id``: new id, new token, a row; the session the
    request came with is ended if it was logged in. Blocking (SQLite): async callers run it in
    a worker thread, then put the result in ``scope["session"]`` so the answer carries its
    cookie."""
    return _middleware(scope).log_in(scope["session"], user_id)


def log_out(scope: Scope) -> Session:
    """End the request's session (its row is deleted); the anonymous session that replaces it.
    Blocking, as ``log_in``."""
    return _middleware(scope).log_out(scope["session"])


def _middleware(scope: Scope) -> SessionMiddleware:
    found: SessionMiddleware = scope[_STORE]
    return found


class SessionMiddleware:
    """Attaches ``scope["session"]``; starts an anonymous session when there is none (or it
    expired); sets the cookie whenever the session in scope is fresh at answer time."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        db: Database,
        secret: bytes,
        now: Callable[[], datetime],
        limits: SessionLimits,
    ) -> None:
        self.app = app
        self.db = db
        self.secret = secret
        self.now = now
        self.limits = limits
        # Session lookups read SQLite (and wait for its lock while a writer holds it): they run
        # in threads of their own, so a burst of logins hashing passwords in the shared pool
        # does not hold up every other page. Made on the first request (inside the loop).
        self._readers: CapacityLimiter | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope[_STORE] = self
        session, account = await self._load_off_loop(scope)
        scope["session"] = session or anonymous()
        scope[ACCOUNT_AT_ARRIVAL] = account
        # Who the request came from, for the request log (login and logout change the session).
        scope[USER_AT_ARRIVAL] = scope["session"].user_id
        secure = scope.get("scheme") == "https"

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                current: Session = scope["session"]
                if current.fresh:
                    # Written by hand: http.cookies would quote the '=' and '&' of SPSE's value.
                    value = encode_cookie(self.secret, current, self.now())
                    cookie = f"{COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax"
                    if secure:
                        cookie += "; Secure"
                    headers.append((b"set-cookie", cookie.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def log_in(self, previous: Session, user_id: str) -> Session:
        """A new logged-in session for ``user_id``, ending ``previous`` if it was logged in."""
        if previous.user_id is not None:
            self.db.delete_session(previous.sid)
        session = Session(secrets.token_hex(16), user_id, secrets.token_hex(20), fresh=True)
        self.db.add_session(session.sid, session.auth_token, self.now(), user_id=user_id)
        return session

    def log_out(self, session: Session) -> Session:
        """End ``session`` (its row is deleted); the anonymous session that replaces it."""
        self.db.delete_session(session.sid)
        return anonymous()

    async def _load_off_loop(self, scope: Scope) -> tuple[Session | None, Account | None]:
        """``_load`` and the session user's account, in a worker thread, when the request
        carries a cookie at all."""
        if not any(name == b"cookie" for name, _ in scope.get("headers", [])):
            return None, None
        if self._readers is None:
            self._readers = CapacityLimiter(8)
        return await anyio.to_thread.run_sync(self._load_with_account, scope, limiter=self._readers)

    def _load_with_account(self, scope: Scope) -> tuple[Session | None, Account | None]:
        session = self._load(scope)
        if session is None or session.user_id is None:
            return session, None
        return session, self.db.account(session.user_id)

    def _load(self, scope: Scope) -> Session | None:
        for name, value in scope.get("headers", []):
            if name != b"cookie":
                continue
            for part in value.decode("latin-1").split(";"):
                key, _, raw = part.strip().partition("=")
                if key != COOKIE:
                    continue
                decoded = decode_cookie(self.secret, raw.strip('"'))
                if decoded is None:
                    return None
                sid, token = decoded
                row = self.db.session(sid)
                if row is None:
                    return Session(sid, None, token)  # anonymous: the cookie is the session
                return self._logged_in(sid, row)
        return None

    def _logged_in(
        self, sid: str, row: tuple[str | None, str, datetime, datetime]
    ) -> Session | None:
        user_id, token, created_at, last_seen = row
        now = self.now()
        idle, absolute = self.limits.idle, self.limits.absolute
        if (idle is not None and now - last_seen > idle) or (
            absolute is not None and now - created_at > absolute
        ):
            self.db.delete_session(sid)
            return None
        if now - last_seen >= TOUCH_EVERY:
            self.db.touch_session(sid, now)
        return Session(sid, user_id, token)
