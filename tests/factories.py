"""What many tests share: the moment simulated time starts, and a clock a test turns by hand.

Imported as ``factories`` (pytest puts tests/ on sys.path for tests/conftest.py).
"""

from __future__ import annotations

from datetime import UTC, datetime

# Monday 2 March 2026, 08:00 WIB: the start of the seed's tender week.
START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


class FakeClock:
    """A ``() -> datetime`` clock (as the CA, SpamKodok and the APD reader take) that stands
    still until the test sets ``now``."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now
