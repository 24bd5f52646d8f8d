"""Collects one outcome per scenario during a pytest run (used through ``--sim-report``)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from simulator.evidence.bundle import Check
from simulator.scenarios.progress import (
    EXAMPLE_PROPERTY,
    FEATURE_PROPERTY,
    ID_PROPERTY,
    TAGS_PROPERTY,
    TITLE_PROPERTY,
)
from simulator.scenarios.run import ScenarioOutcome
from simulator.scenarios.statuses import report_status


class OutcomeCollector:
    """A pytest plugin object: one outcome per scenario (per Contoh row), written at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.outcomes: dict[str, ScenarioOutcome] = {}
        self.started: dict[str, float] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "setup":
            self.started.setdefault(report.nodeid, report.start)
        if not (report.when == "call" or (report.when == "setup" and not report.passed)):
            return
        props = dict(report.user_properties)
        start = self.started.get(report.nodeid, report.start)
        outcome = self.outcomes.setdefault(
            report.nodeid,
            ScenarioOutcome(
                scenario_id=str(props.get(ID_PROPERTY, "")),
                title=str(props.get(TITLE_PROPERTY) or _title(report.nodeid)),
                status="",
                duration_s=0.0,
                nodeid=report.nodeid,
                feature=str(props.get(FEATURE_PROPERTY, "")),
                tags=[str(t) for t in props.get(TAGS_PROPERTY, [])],  # type: ignore[attr-defined]
                example=int(str(props.get(EXAMPLE_PROPERTY) or 0)),
                started=datetime.fromtimestamp(start, UTC).isoformat(timespec="seconds"),
            ),
        )
        outcome.duration_s = round(outcome.duration_s + report.duration, 3)
        observations: list[tuple[str, str, str, bool]] = list(props.get("observations", []))  # type: ignore[call-overload]
        outcome.checks = [Check(*c) for c in observations]
        outcome.status = report_status(report)
        if report.failed:
            outcome.error = _short_error(report)
        elif report.skipped:
            outcome.error = _skip_reason(report)
        artifacts = props.get("artifacts_dir")
        if artifacts:
            outcome.artifacts = _relative(Path(str(artifacts)), self.path.parent)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = [o.to_json() for o in self.outcomes.values()]
        self.path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _skip_reason(report: pytest.TestReport) -> str:
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    return str(reason).removeprefix("Skipped: ")[:300]


def _relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when inside it (reports link it so), else absolute."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _title(nodeid: str) -> str:
    return nodeid.split("::")[-1].removeprefix("test_").replace("_", " ")


def _short_error(report: pytest.TestReport) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    message: Any = getattr(crash, "message", None) or str(report.longrepr)
    lines = str(message).strip().splitlines()
    return lines[0][:300] if lines else ""
