"""Progress lines of a catalog run: one per finished scenario, status in Bahasa Indonesia."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from simulator.scenarios.progress import ProgressReporter


def report(nodeid: str, when: str, outcome: str, **extra: Any) -> pytest.TestReport:
    longrepr: Any = None
    if outcome == "skipped":
        longrepr = ("suite.py", 1, extra.pop("reason", "Skipped: N/A: tidak berlaku"))
    elif outcome == "failed":
        longrepr = "AssertionError: boom"
    return pytest.TestReport(
        nodeid=nodeid,
        location=("suite.py", 1, nodeid),
        keywords={},
        outcome=outcome,  # type: ignore[arg-type]
        longrepr=longrepr,
        when=when,  # type: ignore[arg-type]
        user_properties=extra.pop("props", []),
        duration=extra.pop("duration", 1.0),
    )


def scenario(nodeid: str, scenario_id: str, title: str, *phases: tuple[str, str]) -> list[Any]:
    props = [("scenario_id", scenario_id), ("title", title)]
    return [report(nodeid, when, outcome, props=props) for when, outcome in phases]


def printed(reports: list[pytest.TestReport], capsys: pytest.CaptureFixture[str]) -> list[str]:
    config: Any = SimpleNamespace(pluginmanager=SimpleNamespace(get_plugin=lambda name: None))
    progress = ProgressReporter(config)
    progress.total = 4
    for one in reports:
        progress.pytest_runtest_logreport(one)
    return capsys.readouterr().out.splitlines()


def test_a_line_per_scenario_when_it_finishes_with_id_status_seconds_and_full_title(
    capsys: pytest.CaptureFixture[str],
) -> None:
    title = "Nama file 41 karakter ditolak, dengan judul yang panjang sekali " * 2
    lines = printed(
        [
            *scenario("s::a", "KODOK-003", title, ("setup", "passed"), ("call", "passed")),
            *scenario("s::b", "KODOK-020", "Sertifikat", ("setup", "passed"), ("call", "failed")),
            *scenario("s::a", "KODOK-003", title, ("teardown", "passed")),
            *scenario("s::b", "KODOK-020", "Sertifikat", ("teardown", "passed")),
            *scenario("s::c", "KODOK-200", "Non CA", ("setup", "skipped"), ("teardown", "passed")),
            *scenario("s::d", "KODOK-005", "Lepas", ("setup", "passed"), ("call", "passed")),
            *scenario("s::d", "KODOK-005", "Lepas", ("teardown", "failed")),
        ],
        capsys,
    )
    assert lines == [
        f"[1/4] KODOK-003  LOLOS            3.0 dtk  {title}",
        "[2/4] KODOK-020  GAGAL            3.0 dtk  Sertifikat",
        "[3/4] KODOK-200  TIDAK BERLAKU    2.0 dtk  Non CA",
        "[4/4] KODOK-005  GAGAL            3.0 dtk  Lepas",
    ]


def test_pytest_letters_are_dropped_but_its_categories_kept() -> None:
    config: Any = SimpleNamespace()
    progress = ProgressReporter(config)
    wrapper = progress.pytest_report_teststatus(report("x", "call", "failed"), config)
    next(wrapper)
    with pytest.raises(StopIteration) as done:
        wrapper.send(("failed", "F", "FAILED"))
    assert done.value.value == ("failed", "", "FAILED")
