"""The simulated clock: every "now" on the server comes from here."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from spse_shared.atomic import write_atomic
from spse_shared.wib import WIB


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _require_aware(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {moment.isoformat()}")
    return moment.astimezone(UTC)


def _round_to_minute(moment: datetime) -> datetime:
    return (moment + timedelta(seconds=30)).replace(second=0, microsecond=0)


class SimClock:
    """The simulated clock; every 'now' on the server comes from here.

    Persisted as JSON in a state file (atomic write: tmp+fsync+rename) so a restarted server
    keeps its time. A running clock is stored as a simulated anchor plus the wall time at that
    anchor, so it keeps following the wall clock across a restart, like a real server's clock.
    """

    def __init__(
        self,
        state_file: Path,
        *,
        start: datetime | None = None,
        frozen: bool = True,
        wall: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._path = Path(state_file)
        self._wall = wall
        self._lock = threading.Lock()
        if start is not None:
            start = _require_aware(start, "start")
        if self._path.exists():
            self._anchor, self._wall_anchor, self._frozen = self._load()
        else:
            wall_now = self._wall_now()
            self._anchor = start if start is not None else _round_to_minute(wall_now)
            self._wall_anchor = wall_now
            self._frozen = frozen
            self._save()

    @property
    def state_file(self) -> Path:
        """Where the clock keeps its state."""
        return self._path

    @property
    def frozen(self) -> bool:
        """True when time only moves through ``set``/``advance``."""
        with self._lock:
            return self._frozen

    def now(self) -> datetime:
        """The simulated time, aware and in UTC."""
        with self._lock:
            return self._now_locked()

    def set(self, moment: datetime) -> None:
        """Jump to ``moment`` (forwards or backwards); a running clock keeps running from there."""
        moment = _require_aware(moment, "moment")
        with self._lock:
            self._anchor = moment
            self._wall_anchor = self._wall_now()
            self._save()

    def advance(self, delta: timedelta) -> datetime:
        """Move time forwards by ``delta`` and return the new now; use ``set`` to go back."""
        if delta < timedelta(0):
            raise ValueError(f"advance refuses a negative delta ({delta}); use set() to go back")
        with self._lock:
            wall_now = self._wall_now()
            self._anchor = self._now_locked(wall_now) + delta
            self._wall_anchor = wall_now
            self._save()
            return self._anchor

    def freeze(self) -> None:
        """Stop time at the current simulated moment."""
        with self._lock:
            if self._frozen:
                return
            wall_now = self._wall_now()
            self._anchor = self._now_locked(wall_now)
            self._wall_anchor = wall_now
            self._frozen = True
            self._save()

    def run(self) -> None:
        """Let time follow the wall clock from the current simulated moment."""
        with self._lock:
            if not self._frozen:
                return
            self._wall_anchor = self._wall_now()
            self._frozen = False
            self._save()

    def snapshot(self) -> dict[str, object]:
        """JSON-able view: ``now`` (ISO, UTC), ``now_wib`` (ISO, WIB) and ``frozen``."""
        with self._lock:
            now = self._now_locked()
            frozen = self._frozen
        return {
            "now": now.isoformat(),
            "now_wib": now.astimezone(WIB).isoformat(),
            "frozen": frozen,
        }

    def _wall_now(self) -> datetime:
        return _require_aware(self._wall(), "wall clock value")

    def _now_locked(self, wall_now: datetime | None = None) -> datetime:
        if self._frozen:
            return self._anchor
        if wall_now is None:
            wall_now = self._wall_now()
        return self._anchor + (wall_now - self._wall_anchor)

    def _save(self) -> None:
        state = {
            "version": 1,
            "anchor": self._anchor.isoformat(),
            "wall_anchor": self._wall_anchor.isoformat(),
            "frozen": self._frozen,
        }
        write_atomic(
            self._path, (json.dumps(state, indent=2) + "\n").encode("utf-8"), suffix=".tmp"
        )

    def _load(self) -> tuple[datetime, datetime, bool]:
        try:
            state = json.loads(self._path.read_text(encoding="utf-8"))
            if not isinstance(state, dict):
                raise TypeError("state is not a JSON object")
            anchor = _require_aware(datetime.fromisoformat(state["anchor"]), "anchor")
            wall_anchor = _require_aware(
                datetime.fromisoformat(state["wall_anchor"]), "wall_anchor"
            )
            frozen = state["frozen"]
            if not isinstance(frozen, bool):
                raise TypeError("frozen is not a boolean")
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"clock state file {self._path} is invalid: {exc}") from exc
        return anchor, wall_anchor, frozen
