"""QA mode: a catalog run, re-runs of its failures, its manifest and HTML report.

Re-runs: every failed scenario runs again in a pytest run of its own (``rerun-N/`` in the run
folder, with its own evidence). Under "on-first-retry" (the default, see
simulator/scenarios/artifacts.py) the first pass records no traces or step screenshots, and its
failures are re-run once, recording: that is where a failure's complete evidence comes from.
Further re-runs only when asked (``reruns``), as in the other modes. A scenario that failed and
then passed is reported as "flaky", never as "passed", and a run with flaky scenarios does not
count as green. ``outcomes.json`` then holds the merged outcomes (every attempt listed); the
first pass's own file is kept as ``outcomes-first.json``.

Ctrl-C stops the run (no re-runs after it): run.json and report.html are still written, with
status "interrupted", the scenarios that finished and those it cut off (``unfinished``), and the
result says ``interrupted``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulator.evidence.file_modes import settle_modes
from simulator.harness.run_folder import (
    ALLURE_RESULTS_FOLDER,
    FIRST_OUTCOMES_NAME,
    INTERRUPTED,
    JUNIT_NAME,
    MANIFEST_NAME,
    OUTCOMES_NAME,
    rerun_folder,
)
from simulator.qa.compare import build_matrix, load_run
from simulator.qa.coverage_html import catalog_entries, write_coverage
from simulator.qa.junit import write_junit
from simulator.qa.report_html import matrix_html, summary_counts, write_report
from simulator.scenarios.artifacts import effective_artifacts, records, retry_modes
from simulator.scenarios.catalog import catalog_digest
from simulator.scenarios.child import INTERRUPTED_EXIT_CODE
from simulator.scenarios.run import (
    Attempt,
    ScenarioOutcome,
    ScenarioRunInterrupted,
    ScenarioRunRequest,
    run_scenarios,
)
from simulator.scenarios.statuses import FAILED, FAILING, FLAKY, PASSED
from simulator.scenarios.unfinished import UnfinishedScenario
from spse_shared.profile import ProfileError, load_profile


@dataclass(frozen=True)
class QaRunResult:
    pytest_exit_code: int
    outcomes: list[ScenarioOutcome]
    elapsed_s: float
    report: Path
    manifest: dict[str, Any]
    interrupted: bool = False
    # The scenarios Ctrl-C cut off (started, no result), with their evidence folders.
    unfinished: list[UnfinishedScenario] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return INTERRUPTED_EXIT_CODE
        return qa_exit_code(self.pytest_exit_code, self.outcomes)


def qa_exit_code(pytest_code: int, outcomes: Sequence[ScenarioOutcome]) -> int:
    """0 only when something ran and nothing failed or was flaky (pytest 5: none selected)."""
    if pytest_code not in (0, 1, 5) or not outcomes:
        return 1
    return 1 if any(o.status in FAILING for o in outcomes) else 0


def _key(outcome: ScenarioOutcome) -> str:
    return outcome.nodeid or f"{outcome.scenario_id}::{outcome.title}"


def _attempt(outcome: ScenarioOutcome, *, recorded: bool) -> Attempt:
    return Attempt(
        outcome.status, outcome.duration_s, outcome.artifacts, outcome.error, recorded=recorded
    )


def merge_attempts(
    first: Sequence[ScenarioOutcome],
    reruns: Sequence[Sequence[ScenarioOutcome]],
    *,
    recorded: Sequence[bool] = (),
) -> list[ScenarioOutcome]:
    """Final outcomes: a failure that passes on a re-run is flaky; the first failure's checks,
    error and evidence stay the outcome's own, every attempt is listed.

    ``recorded`` says, for the first pass and then each re-run, whether it recorded traces and
    step screenshots (missing: it did). The first failure that was recorded gives the outcome
    its checks, error and evidence: a scenario whose unrecorded first attempt failed and whose
    recorded re-run failed too points at the re-run's complete evidence; its first attempt
    stays listed. A failure that then passed keeps its first failure's.
    """
    flags = [*recorded, *[True] * (1 + len(reruns) - len(recorded))]
    merged: dict[str, ScenarioOutcome] = {}
    for outcome in first:
        merged[_key(outcome)] = replace(outcome, attempts=[_attempt(outcome, recorded=flags[0])])
    for number, round_outcomes in enumerate(reruns, start=1):
        for again in round_outcomes:
            found = merged.get(_key(again))
            if found is None:  # a re-run only runs what failed before; ignore strangers
                continue
            evidence_yet = any(a.recorded and a.status == FAILED for a in found.attempts)
            found.attempts.append(_attempt(again, recorded=flags[number]))
            found.duration_s = round(found.duration_s + again.duration_s, 3)
            still_failed = found.status == FAILED and again.status == FAILED
            if still_failed and flags[number] and not evidence_yet:
                found.checks, found.error = again.checks, again.error
                found.artifacts = again.artifacts
    for outcome in merged.values():
        if len(outcome.attempts) < 2:
            outcome.attempts = []
        elif any(a.status == "passed" for a in outcome.attempts[1:]):
            outcome.status = FLAKY
    return sorted(merged.values(), key=lambda o: o.catalog_order)


def still_failing(outcomes: Sequence[ScenarioOutcome]) -> list[str]:
    """Node ids of the scenarios whose every attempt so far failed."""
    return [o.nodeid for o in outcomes if o.status == FAILED and o.nodeid]


def run_qa(
    request: ScenarioRunRequest,
    *,
    reruns: int = 0,
    compare_with: Sequence[Path] = (),
    on_rerun: Callable[[int, int, bool], None] | None = None,
) -> QaRunResult:
    """Run the catalog, re-run failures (``retry_modes``: once recording under
    "on-first-retry", ``reruns`` times at most), write run.json, junit.xml, coverage.html and
    report.html (Allure's results are written during the run).

    ``on_rerun(number, scenarios, recording)`` is told before each re-run starts.
    """
    started = datetime.now(UTC)
    artifacts = effective_artifacts(request.artifacts, evidence=request.evidence)
    interrupted = False
    unfinished: list[UnfinishedScenario] = []
    try:
        code, first, elapsed = run_scenarios(request)
    except ScenarioRunInterrupted as stop:
        code, first, elapsed, interrupted = stop.code, stop.outcomes, stop.elapsed_s, True
        unfinished = stop.unfinished
    rounds: list[list[ScenarioOutcome]] = []
    recorded = [records(artifacts)]
    outcomes = merge_attempts(first, rounds, recorded=recorded)
    modes = [] if interrupted else retry_modes(artifacts, reruns)
    for number, mode in enumerate(modes, start=1):
        failing = still_failing(outcomes)
        if not failing:
            break
        if on_rerun is not None:
            on_rerun(number, len(failing), records(mode))
        again = replace(
            request,
            output_dir=request.output_dir / rerun_folder(number),
            artifacts=mode,
            # Allure lists a re-run as a retry of the same test: one results folder.
            allure_dir=request.allure_dir or request.output_dir / ALLURE_RESULTS_FOLDER,
            ids=(),
            keyword=None,
            node_ids=tuple(failing),
            shard=None,  # the node ids are the shard's own already
            # One scenario needs no workers of its own (each would start its own Chromium).
            workers=request.workers if len(failing) > 1 else None,
        )
        try:
            _, found, spent = run_scenarios(again)
        except ScenarioRunInterrupted as stop:
            # A re-run cut off leaves its scenario the result of the attempt before: not
            # named as unfinished (its folder under rerun-N/ says so in its own index.json).
            found, spent, interrupted = stop.outcomes, stop.elapsed_s, True
        elapsed += spent
        rounds.append([_under(o, rerun_folder(number)) for o in found])
        recorded.append(records(mode))
        outcomes = merge_attempts(first, rounds, recorded=recorded)
        if interrupted:
            break
    if rounds:
        _write_merged(request.output_dir, outcomes)
    entries = catalog_entries(request.catalog)
    manifest = _manifest(
        replace(request, artifacts=artifacts), reruns, started, elapsed, code, outcomes
    )
    # Which catalog this run's scenarios (and shards) came from: merge joins one catalog's only.
    manifest["catalog"] = catalog_digest(entries)
    if interrupted:
        manifest["status"] = INTERRUPTED
    if unfinished:
        manifest["unfinished"] = [u.to_json() for u in unfinished]
    (request.output_dir / MANIFEST_NAME).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    # Our junit.xml replaces pytest's: ids and full titles, features, tags, flaky re-runs.
    write_junit(
        request.output_dir / JUNIT_NAME,
        outcomes,
        timestamp=manifest["started"],
        interrupted=interrupted,
        unfinished=unfinished,
    )
    write_coverage(request.output_dir, outcomes, entries, started=manifest["started"])
    matrix = ""
    if compare_with:
        runs = [load_run(Path(p)) for p in compare_with]
        runs.append(load_run(request.output_dir))
        matrix = matrix_html(runs, build_matrix(runs), request.output_dir)
    report = write_report(request.output_dir, outcomes, manifest, matrix=matrix)
    settle_modes(request.output_dir)
    return QaRunResult(
        code, outcomes, elapsed, report, manifest, interrupted=interrupted, unfinished=unfinished
    )


def _under(outcome: ScenarioOutcome, folder: str) -> ScenarioOutcome:
    """A re-run's outcome with its evidence path relative to the main run folder."""
    artifacts = outcome.artifacts
    if artifacts and not Path(artifacts).is_absolute():
        artifacts = f"{folder}/{artifacts}"
    return replace(outcome, artifacts=artifacts)


def _write_merged(run_dir: Path, outcomes: Sequence[ScenarioOutcome]) -> None:
    path = run_dir / OUTCOMES_NAME
    if path.exists():
        shutil.copyfile(path, run_dir / FIRST_OUTCOMES_NAME)
    data = [o.to_json() for o in outcomes]
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _manifest(
    request: ScenarioRunRequest,
    reruns: int,
    started: datetime,
    elapsed: float,
    code: int,
    outcomes: Sequence[ScenarioOutcome],
) -> dict[str, Any]:
    try:
        version = load_profile(request.profile).footer_version
    except ProfileError:
        version = ""
    green = qa_exit_code(code, outcomes) == 0
    return {
        "kind": "qa-run",
        "status": PASSED if green else FAILED,
        "profile": request.profile,
        "spse_version": version,
        "base_url": request.base_url,
        "workers": request.workers,
        "reruns": reruns,
        "seed": request.seed,
        "ids": list(request.ids),
        "keyword": request.keyword,
        "shard": request.shard,
        "artifacts": request.artifacts,
        "started": started.isoformat(timespec="seconds"),
        "elapsed_s": round(elapsed, 1),
        "pytest_exit_code": code,
        "counts": summary_counts(outcomes),
    }
