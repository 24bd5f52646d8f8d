"""QA runs (simulator.qa.run, scenario_run): re-runs never hide a failure; pytest arguments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from child_collection import collect_in_child

from simulator.evidence.bundle import Check
from simulator.qa import run as qa_run
from simulator.qa.run import merge_attempts, qa_exit_code, still_failing
from simulator.scenarios.artifacts import effective_artifacts
from simulator.scenarios.child import INTERRUPTED_EXIT_CODE
from simulator.scenarios.run import (
    ScenarioOutcome,
    ScenarioRunInterrupted,
    ScenarioRunRequest,
    pytest_arguments,
)
from simulator.scenarios.statuses import FLAKY
from simulator.scenarios.unfinished import UnfinishedScenario

# Loaded into a collect-only child: what the child imported, and how.
PROBE_PLUGIN = """
import gc, json, sys

seen = {}

def pytest_collection_finish(session):
    seen["items"] = [item.nodeid for item in session.items]
    seen["modules"] = sorted(name.split(".")[0] for name in sys.modules)
    seen["loaders"] = {
        name: type(sys.modules[name].__loader__).__name__
        for name in (
            "simulator.scenarios.steps.common",
            "simulator.scenarios.world",
            "simulator.browser.pages.base",
        )
    }

def pytest_sessionfinish(session):
    seen["frozen"] = gc.get_freeze_count()
    with open("probe.json", "w") as out:
        json.dump(seen, out)
"""


def outcome(
    name: str, status: str, *, error: str = "", folder: str = "", example: int = 0
) -> ScenarioOutcome:
    return ScenarioOutcome(
        "KODOK-001",
        name,
        status,
        2.0,
        error=error,
        nodeid=f"simulator/scenarios/suite.py::test_{name}" + (f"[{example}]" if example else ""),
        artifacts=folder,
        example=example,
    )


def test_the_rows_of_a_scenario_outline_come_in_their_order_not_by_title() -> None:
    rows = [outcome("Nama file", "passed", example=n) for n in (10, 2, 1)]
    assert [o.example for o in merge_attempts(rows, [])] == [1, 2, 10]


def test_a_pass_after_a_failure_is_flaky_and_keeps_the_first_failure() -> None:
    first = [outcome("a", "failed", error="boom", folder="scenarios/KODOK-001")]
    again = [outcome("a", "passed", folder="rerun-1/scenarios/KODOK-001")]
    (merged,) = merge_attempts(first, [again])
    assert merged.status == FLAKY
    assert merged.error == "boom"
    assert merged.artifacts == "scenarios/KODOK-001"
    assert [(a.status, a.artifacts) for a in merged.attempts] == [
        ("failed", "scenarios/KODOK-001"),
        ("passed", "rerun-1/scenarios/KODOK-001"),
    ]
    assert merged.duration_s == 4.0
    assert qa_exit_code(1, [merged]) == 1  # flaky is not green


def test_failing_every_time_stays_failed_and_is_re_run_again() -> None:
    first = [outcome("a", "failed"), outcome("b", "passed"), outcome("c", "n/a")]
    merged = merge_attempts(first, [[outcome("a", "failed")]])
    assert [(o.title, o.status, len(o.attempts)) for o in merged] == [
        ("a", "failed", 2),
        ("b", "passed", 0),
        ("c", "n/a", 0),
    ]
    assert still_failing(merged) == ["simulator/scenarios/suite.py::test_a"]
    merged = merge_attempts(first, [[outcome("a", "failed")], [outcome("a", "passed")]])
    assert merged[0].status == FLAKY
    assert still_failing(merged) == []


def test_without_reruns_outcomes_are_untouched() -> None:
    first = [outcome("a", "passed"), outcome("b", "failed")]
    assert merge_attempts(first, []) == first


def test_exit_code_is_green_only_when_something_ran_and_nothing_failed() -> None:
    assert qa_exit_code(0, [outcome("a", "passed"), outcome("b", "n/a")]) == 0
    assert qa_exit_code(1, [outcome("a", "failed")]) == 1
    assert qa_exit_code(5, []) == 1
    assert qa_exit_code(2, [outcome("a", "passed")]) == 1  # interrupted or a usage error


def test_pytest_arguments_carry_workers_base_url_and_node_ids(tmp_path: Path) -> None:
    request = ScenarioRunRequest(
        output_dir=tmp_path,
        workers="auto",
        base_url="http://lpse.example/eproc4",
        node_ids=("simulator/scenarios/suite.py::test_a", "test_b[x]"),
    )
    args = pytest_arguments(request, tmp_path / "outcomes.json")
    assert args[0].endswith("scenarios/suite.py::test_a")
    assert args[1].endswith("scenarios/suite.py::test_b[x]")
    assert args[args.index("-n") + 1] == "auto"
    assert args[args.index("--sim-base-url") + 1] == "http://lpse.example/eproc4"
    plain = pytest_arguments(ScenarioRunRequest(output_dir=tmp_path), tmp_path / "o.json")
    assert plain[0].endswith("scenarios/suite.py")
    assert "-n" not in plain
    assert "--sim-base-url" not in plain


def test_outcomes_json_of_older_runs_still_loads() -> None:
    old = {"scenario_id": "KODOK-001", "title": "a", "status": "passed", "duration_s": 1.0}
    loaded = ScenarioOutcome.from_json({**old, "checks": [], "error": "", "unknown": 1})
    assert (loaded.nodeid, loaded.artifacts, loaded.attempts) == ("", "", [])


def test_child_runs_print_progress_and_record_nothing_on_a_first_attempt_by_default(
    tmp_path: Path,
) -> None:
    args = pytest_arguments(ScenarioRunRequest(output_dir=tmp_path), tmp_path / "o.json")
    assert "--sim-progress" in args
    assert args[args.index("--sim-artifacts") + 1] == "on-first-retry"
    assert "--sim-shard" not in args
    request = ScenarioRunRequest(output_dir=tmp_path, artifacts="on-failure", shard="2/3")
    args = pytest_arguments(request, tmp_path / "o.json")
    assert args[args.index("--sim-artifacts") + 1] == "on-failure"
    assert args[args.index("--sim-shard") + 1] == "2/3"
    # A Word report for every scenario shows every step's screenshot: everything is recorded.
    request = ScenarioRunRequest(output_dir=tmp_path, evidence=True)
    args = pytest_arguments(request, tmp_path / "o.json")
    assert args[args.index("--sim-artifacts") + 1] == "always"


def test_a_failure_of_an_unrecorded_attempt_takes_the_evidence_of_its_recorded_re_run() -> None:
    first = [outcome("a", "failed", error="boom", folder="scenarios/KODOK-001")]
    again = [outcome("a", "failed", error="boom lagi", folder="rerun-1/scenarios/KODOK-001")]
    again[0].checks = [Check("langkah", "diharapkan", "teramati", ok=False)]
    (merged,) = merge_attempts(first, [again], recorded=[False, True])
    assert merged.status == "failed"
    assert (merged.error, merged.artifacts) == ("boom lagi", "rerun-1/scenarios/KODOK-001")
    assert merged.checks == again[0].checks
    # The first attempt's failure record stays listed, marked as not recorded.
    assert [(a.status, a.artifacts, a.error, a.recorded) for a in merged.attempts] == [
        ("failed", "scenarios/KODOK-001", "boom", False),
        ("failed", "rerun-1/scenarios/KODOK-001", "boom lagi", True),
    ]
    # A later unrecorded re-run that fails again leaves the recorded evidence in place.
    later = [outcome("a", "failed", error="lagi", folder="rerun-2/scenarios/KODOK-001")]
    (merged,) = merge_attempts(first, [again, later], recorded=[False, True, False])
    assert merged.artifacts == "rerun-1/scenarios/KODOK-001"
    # Recorded from the start (on-failure): the first failure's evidence stays the outcome's.
    (merged,) = merge_attempts(first, [again], recorded=[True, True])
    assert (merged.error, merged.artifacts) == ("boom", "scenarios/KODOK-001")


def test_an_unrecorded_failure_that_passes_recorded_is_flaky_with_its_failure_visible() -> None:
    first = [outcome("a", "failed", error="boom", folder="scenarios/KODOK-001")]
    again = [outcome("a", "passed", folder="rerun-1/scenarios/KODOK-001")]
    (merged,) = merge_attempts(first, [again], recorded=[False, True])
    assert merged.status == FLAKY
    assert (merged.error, merged.artifacts) == ("boom", "scenarios/KODOK-001")
    assert [(a.status, a.recorded) for a in merged.attempts] == [
        ("failed", False),
        ("passed", True),
    ]
    assert qa_exit_code(1, [merged]) == 1


def fake_runs(monkeypatch: pytest.MonkeyPatch, statuses: list[str]) -> list[ScenarioRunRequest]:
    """run_scenarios replaced: each call (the first pass, then each re-run) gives scenario "a"
    the next of ``statuses``; returns the requests it was given."""
    asked: list[ScenarioRunRequest] = []

    def fake_run(request: ScenarioRunRequest) -> tuple[int, list[ScenarioOutcome], float]:
        asked.append(request)
        request.output_dir.mkdir(parents=True, exist_ok=True)
        status = statuses[len(asked) - 1]
        found = outcome("a", status, folder="scenarios/KODOK-001")
        return (0 if status == "passed" else 1), [found], 1.0

    monkeypatch.setattr(qa_run, "run_scenarios", fake_run)
    return asked


def test_by_default_a_failure_is_re_run_once_recording_and_a_pass_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = fake_runs(monkeypatch, ["failed", "failed"])
    told: list[tuple[int, int, bool]] = []
    result = qa_run.run_qa(
        ScenarioRunRequest(output_dir=tmp_path / "gagal", workers="auto"),
        on_rerun=lambda *a: told.append(a),
    )
    # The one failure is re-run without workers of its own.
    assert [(r.output_dir.name, r.artifacts, r.workers) for r in asked] == [
        ("gagal", "on-first-retry", "auto"),
        ("rerun-1", "always", None),
    ]
    assert told == [(1, 1, True)]
    assert [o.status for o in result.outcomes] == ["failed"]
    assert [a.recorded for a in result.outcomes[0].attempts] == [False, True]
    assert result.manifest["artifacts"] == "on-first-retry"
    assert result.manifest["reruns"] == 0

    asked = fake_runs(monkeypatch, ["passed"])
    result = qa_run.run_qa(ScenarioRunRequest(output_dir=tmp_path / "lolos"))
    assert len(asked) == 1
    assert [(o.status, o.attempts) for o in result.outcomes] == [("passed", [])]


def test_reruns_after_the_recorded_one_record_nothing_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = fake_runs(monkeypatch, ["failed", "failed", "passed"])
    result = qa_run.run_qa(ScenarioRunRequest(output_dir=tmp_path), reruns=3)
    assert [r.artifacts for r in asked] == ["on-first-retry", "always", "on-first-retry"]
    assert result.outcomes[0].status == FLAKY
    assert result.outcomes[0].artifacts == "rerun-1/scenarios/KODOK-001"


@pytest.mark.parametrize(
    ("request_options", "reruns", "modes"),
    [
        ({"artifacts": "on-failure"}, 0, ["on-failure"]),
        ({"artifacts": "on-failure"}, 1, ["on-failure", "on-failure"]),
        ({"artifacts": "always"}, 0, ["always"]),
        # --evidence records every attempt: nothing to re-run for evidence's sake.
        ({"evidence": True}, 0, ["always"]),
        ({"evidence": True}, 1, ["always", "always"]),
    ],
)
def test_recording_modes_re_run_only_when_asked_each_re_run_recording(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request_options: dict[str, Any],
    reruns: int,
    modes: list[str],
) -> None:
    asked = fake_runs(monkeypatch, ["failed"] * 3)
    result = qa_run.run_qa(
        ScenarioRunRequest(output_dir=tmp_path, **request_options), reruns=reruns
    )
    assert [effective_artifacts(r.artifacts, evidence=r.evidence) for r in asked] == modes
    assert all(a.recorded for a in result.outcomes[0].attempts)
    assert result.outcomes[0].status == "failed"


def test_reruns_of_a_shard_run_its_failures_without_slicing_them_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[ScenarioRunRequest] = []

    def fake_run(request: ScenarioRunRequest) -> tuple[int, list[ScenarioOutcome], float]:
        asked.append(request)
        request.output_dir.mkdir(parents=True, exist_ok=True)
        return 1, [outcome("a", "failed")], 1.0

    monkeypatch.setattr(qa_run, "run_scenarios", fake_run)
    result = qa_run.run_qa(ScenarioRunRequest(output_dir=tmp_path, shard="1/2"), reruns=1)
    assert [(r.shard, tuple(r.node_ids)) for r in asked] == [
        ("1/2", ()),
        (None, ("simulator/scenarios/suite.py::test_a",)),
    ]
    assert result.manifest["shard"] == "1/2"
    assert result.manifest["status"] == "failed"


def test_an_interrupted_run_is_reported_interrupted_and_not_re_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[ScenarioRunRequest] = []

    def interrupted(request: ScenarioRunRequest) -> tuple[int, list[ScenarioOutcome], float]:
        calls.append(request)
        request.output_dir.mkdir(parents=True, exist_ok=True)
        cut = UnfinishedScenario(
            "KODOK-002", "judul b", example=2, folder="scenarios/popen-gw1/KODOK-002"
        )
        raise ScenarioRunInterrupted(2, [outcome("a", "passed")], 3.0, [cut])

    monkeypatch.setattr(qa_run, "run_scenarios", interrupted)
    result = qa_run.run_qa(ScenarioRunRequest(output_dir=tmp_path), reruns=2)
    assert len(calls) == 1
    assert result.interrupted
    assert result.exit_code == INTERRUPTED_EXIT_CODE
    assert result.manifest["status"] == "interrupted"
    assert [o.status for o in result.outcomes] == ["passed"]
    assert [u.scenario_id for u in result.unfinished] == ["KODOK-002"]
    manifest = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert [(u["scenario_id"], u["folder"]) for u in manifest["unfinished"]] == [
        ("KODOK-002", "scenarios/popen-gw1/KODOK-002")
    ]
    junit = (tmp_path / "junit.xml").read_text(encoding="utf-8")
    assert 'name="KODOK-002 judul b [contoh 2]"' in junit
    html = result.report.read_text(encoding="utf-8")
    assert "Terhenti di tengah jalan (langkah yang sudah dijalankan ada di foldernya):" in html
    assert (
        '<li>KODOK-002 judul b [contoh 2]: <a href="scenarios/popen-gw1/KODOK-002">'
        "scenarios/popen-gw1/KODOK-002</a></li>"
    ) in html


def test_the_child_loads_the_plugins_scenarios_use_and_no_other(tmp_path: Path) -> None:
    request = ScenarioRunRequest(output_dir=tmp_path / "run", ids=("KODOK-002",), progress=False)
    done = collect_in_child(tmp_path, request, PROBE_PLUGIN)
    assert done.returncode == 0, done.stdout + done.stderr
    probe = json.loads((tmp_path / "probe.json").read_text())
    assert len(probe["items"]) == 1
    # Installed pytest plugins no scenario uses stay out of the child.
    assert not {"hypothesis", "locust", "platformdirs"} & set(probe["modules"])
    # The asserts of the steps and of World's checks are rewritten, as with every installed
    # plugin loaded: a failing step reads the same. The page objects' are not (they assert
    # invariants only): parsing them anew cost each worker 0.4 s before its first scenario.
    loaders = probe["loaders"]
    assert loaders["simulator.scenarios.steps.common"] == "AssertionRewritingHook"
    assert loaders["simulator.scenarios.world"] == "AssertionRewritingHook"
    assert loaders["simulator.browser.pages.base"] == "SourceFileLoader"
    # What startup made is kept out of the garbage collector's full collections.
    assert probe["frozen"] > 0
