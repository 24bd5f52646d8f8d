"""How the commands print: fixed-width columns, clipped texts, WIB times, the run's summary."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.qa.textdiff import marked
from simulator.scenarios.statuses import (
    FAILED,
    FAILING,
    FLAKY,
    NOT_APPLICABLE,
    PASSED,
    STATUS_ORDER,
    status_label,
    status_label_width,
)
from spse_shared.language import tr
from spse_shared.wib import WIB

if TYPE_CHECKING:  # types only: importing these costs seconds that `spse-sim --help` need not pay
    from simulator.harness.step_record import StepRecord
    from simulator.scenarios.run import ScenarioOutcome


# The labels under a failed scenario (Bahasa Indonesia; shown through ``tr``).
CHECK_LABELS = ("pemeriksaan", "diharapkan", "teramati", "beda", "galat")


def clip(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis when longer."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def wib(moment: datetime) -> str:
    """A moment as the listings show it, e.g. '2026-03-02 08:00 WIB'."""
    return moment.astimezone(WIB).strftime("%Y-%m-%d %H:%M WIB")


def echo_step(record: StepRecord) -> None:
    """One journey step as it finishes: mark, number, title, actor, duration, then its detail."""
    mark = "ok" if record.outcome == "ok" else tr("GAGAL")
    took = tr("{n} dtk", n=f"{record.duration_s:.1f}")
    print(f"[{mark:<5}] {record.number:2d}. {record.title} ({record.actor}, {took})", flush=True)
    for line in record.detail.splitlines():
        print(f"          {line}", flush=True)


def format_outcomes(outcomes: Sequence[ScenarioOutcome]) -> str:
    """The run's summary for the terminal: one line per scenario (status, id, full title);
    under a failed or flaky one every check that did not hold, expected and observed in full
    with the difference marked, and its error; under a not applicable one, why."""
    labels = {k: tr(k) + ":" for k in CHECK_LABELS}
    width = max(len(label) for label in labels.values()) + 1
    status_width = status_label_width()
    indent = " " * (status_width + 1)
    lines = []
    for outcome in outcomes:
        lines.append(f"{status_label(outcome.status):<{status_width}} {outcome.full_title}")
        if outcome.status in FAILING:
            for check in outcome.checks:
                if check.ok:
                    continue
                lines += [
                    f"{indent}{labels['pemeriksaan']:<{width}}{check.step}",
                    f"{indent}{labels['diharapkan']:<{width}}{check.expected}",
                    f"{indent}{labels['teramati']:<{width}}{check.observed}",
                    f"{indent}{labels['beda']:<{width}}{marked(check.expected, check.observed)}",
                ]
            if outcome.error:
                lines.append(f"{indent}{labels['galat']:<{width}}{outcome.error}")
            for number, attempt in enumerate(outcome.attempts, start=1):
                tried = status_label(attempt.status)
                took = tr("{n} dtk", n=f"{attempt.duration_s:.1f}")
                if not attempt.recorded:
                    took += ", " + tr("tanpa rekaman")
                lines.append(f"{indent}{tr('percobaan {n}', n=number)}: {tried} ({took})")
        elif outcome.error:
            lines.append(f"{indent}{outcome.error}")
    return "\n".join(lines)


def print_summary(
    outcomes: Sequence[ScenarioOutcome], output: Path, report: Path, elapsed_s: float
) -> None:
    """The summary after the progress lines: failures in full, counts, where everything is."""
    # Imported here: the harness takes seconds to import (see simulator.cli.main).
    from simulator.harness.run_folder import ALLURE_RESULTS_FOLDER, COVERAGE_NAME, JUNIT_NAME

    print()
    print(format_outcomes(outcomes))
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in STATUS_ORDER}
    print(
        "\n"
        + tr(
            "{passed} lolos, {failed} gagal, {flaky} flaky, {na} tidak berlaku ({seconds} dtk).",
            passed=counts[PASSED],
            failed=counts[FAILED],
            flaky=counts[FLAKY],
            na=counts[NOT_APPLICABLE],
            seconds=f"{elapsed_s:.0f}",
        )
    )
    allure = output / ALLURE_RESULTS_FOLDER
    places = [
        (tr("Laporan HTML"), str(report)),
        (tr("Cakupan aturan"), str(output / COVERAGE_NAME)),
        ("JUnit XML", str(output / JUNIT_NAME)),
        (
            tr("Hasil Allure"),
            tr("{path} (laporan: npx allure generate {path})", path=allure),
        ),
    ]
    width = max(len(label) for label, _ in places) + 2
    for label, where in places:
        print(f"{label + ':':<{width}}{where}")
