"""Login throttling, as SPSE does it: too many failed logins for one account, or from one
address, within a window of the simulated clock lock further attempts for a while.

Plain Python, in memory (a restart forgets it, as a restart of SPSE's application server does).
A successful login clears its account's failures; an address's failures only age out.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

# Keys remembered at most: a flood of made-up user ids cannot grow memory without bound.
MAX_KEYS = 10_000


@dataclass
class LoginThrottle:
    """``locked_until`` before a login attempt, ``failed`` / ``succeeded`` after it."""

    max_account_failures: int = 5
    max_address_failures: int = 30
    window: timedelta = timedelta(minutes=15)
    lockout: timedelta = timedelta(minutes=15)
    _failures: dict[str, deque[datetime]] = field(default_factory=dict)

    def locked_until(self, user_id: str, address: str, now: datetime) -> datetime | None:
        """When attempts for ``user_id`` from ``address`` are allowed again, or None (now)."""
        until = None
        for key, limit in self._keys(user_id, address):
            recent = self._recent(key, now)
            if len(recent) >= limit:
                candidate = recent[-1] + self.lockout
                if candidate > now and (until is None or candidate > until):
                    until = candidate
        return until

    def failed(self, user_id: str, address: str, now: datetime) -> None:
        for key, limit in self._keys(user_id, address):
            recent = self._failures.setdefault(key, deque(maxlen=limit))
            recent.append(now)
        while len(self._failures) > MAX_KEYS:
            del self._failures[next(iter(self._failures))]

    def succeeded(self, user_id: str) -> None:
        self._failures.pop(_account_key(user_id), None)

    def _keys(self, user_id: str, address: str) -> tuple[tuple[str, int], ...]:
        return (
            (_account_key(user_id), self.max_account_failures),
            ("alamat:" + address, self.max_address_failures),
        )

    def _recent(self, key: str, now: datetime) -> list[datetime]:
        found = self._failures.get(key)
        if not found:
            return []
        return [t for t in found if t > now - self.window]


def _account_key(user_id: str) -> str:
    return "akun:" + user_id.strip().lower()
