"""The simulated world around SPSE: its clock and the fault board, for pages and /_sim."""

from __future__ import annotations

from datetime import datetime, timedelta

from fake_spse.service.context import Context
from fake_spse.simulation.faults import FaultBoard


class SimulationService:
    """Reads and moves the simulated clock; hands out the fault board the control plane
    switches (the board is the simulation's own public object)."""

    def __init__(self, context: Context) -> None:
        self._ctx = context

    def now(self) -> datetime:
        """The simulated time now."""
        return self._ctx.clock.now()

    @property
    def frozen(self) -> bool:
        """Whether the clock stands still."""
        return self._ctx.clock.frozen

    @property
    def faults(self) -> FaultBoard:
        """The fault board: armed faults and the log of their firings."""
        return self._ctx.faults

    def set_clock(self, moment: datetime) -> None:
        """Jump the clock to ``moment``."""
        self._ctx.clock.set(moment)

    def advance_clock(self, delta: timedelta) -> None:
        """Move the clock ``delta`` on."""
        self._ctx.clock.advance(delta)

    def freeze_clock(self) -> None:
        """Stop the clock where it is."""
        self._ctx.clock.freeze()

    def run_clock(self) -> None:
        """Let the clock run with the wall clock again."""
        self._ctx.clock.run()

    def clock_snapshot(self) -> dict[str, object]:
        """The clock's state as /_sim/clock reports it."""
        return self._ctx.clock.snapshot()
