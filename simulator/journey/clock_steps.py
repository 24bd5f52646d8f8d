"""The simulator's own journey step: SPSE's simulated clock moves into a stage of the tender."""

from __future__ import annotations

from simulator.harness.chronology import Chronology
from simulator.harness.environment import SimEnvironment
from spse_shared.language import tr
from spse_shared.wib import format_wib


def time_passes_to(
    env: SimEnvironment, log: Chronology, tender_id: str, stage: str, *, plus_seconds: int = 3600
) -> None:
    """The step "Waktu berjalan sampai tahap '<stage>'": the clock moves ``plus_seconds`` into
    ``stage``; the step notes the new time in WIB."""
    with log.step(tr("Waktu berjalan sampai tahap '{stage}'", stage=stage), "simulator") as step:
        step.note(format_wib(env.sim.to_stage(tender_id, stage, plus_seconds=plus_seconds)))
