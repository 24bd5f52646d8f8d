"""What the terminal shows with English chosen (--lang en): the summary, progress, start-up."""

from __future__ import annotations

import argparse
import socket
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from factories import START

from fake_spse.app import build_services
from fake_spse.settings import Settings
from simulator.cli.formatting import format_outcomes, print_summary
from simulator.cli.run import nothing_matched
from simulator.demo.basic import PortBusy, armed_faults_line, require_free_port
from simulator.evidence.bundle import Check
from simulator.scenarios.progress import ProgressReporter
from simulator.scenarios.run import Attempt, ScenarioOutcome

OUTCOMES = [
    ScenarioOutcome(
        "KODOK-010",
        "Nama file dengan simbol , ditolak",
        "failed",
        3.0,
        [Check("pesan", "Nama file (41 karakter)", "Nama file (42 karakter)", False)],
        error="AssertionError: pesan berbeda",
        example=3,
    ),
    ScenarioOutcome("KODOK-001", "Lolos", "passed", 1.0),
    ScenarioOutcome(
        "KODOK-011",
        "Diulang",
        "flaky",
        2.0,
        attempts=[Attempt("failed", 1.0), Attempt("passed", 1.0)],
    ),
    ScenarioOutcome("KODOK-060", "APENDO", "n/a", 0.0, error="N/A: only spse-4.3-nonca"),
]


pytestmark = pytest.mark.usefixtures("english")


def test_the_summary_speaks_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = format_outcomes(OUTCOMES).splitlines()

    assert lines[0] == "FAILED  KODOK-010 Nama file dengan simbol , ditolak [example 3]"
    assert "        check:    pesan" in lines
    assert "        expected: Nama file (41 karakter)" in lines
    assert "        observed: Nama file (42 karakter)" in lines
    assert "        diff:     Nama file (4[-1-]{+2+} karakter)" in lines
    assert "        error:    AssertionError: pesan berbeda" in lines
    assert "PASSED  KODOK-001 Lolos" in lines
    assert "FLAKY   KODOK-011 Diulang" in lines
    assert "        attempt 1: FAILED (1.0 s)" in lines
    assert "N/A     KODOK-060 APENDO" in lines

    print_summary(OUTCOMES, tmp_path, tmp_path / "report.html", 12.4)
    out = capsys.readouterr().out
    assert "1 passed, 1 failed, 1 flaky, 1 n/a (12 s)." in out
    assert f"HTML report:    {tmp_path / 'report.html'}" in out
    assert f"Rule coverage:  {tmp_path / 'coverage.html'}" in out
    assert "(report: npx allure generate " in out
    assert not any(w in out for w in ("lolos", "gagal", "dtk", "Laporan", "LOLOS", "GAGAL"))


def test_an_empty_selection_says_so_in_english() -> None:
    args = argparse.Namespace(ids=["KODOK-001"], keyword="x", shard="2/3")

    assert nothing_matched(args) == "no scenario matches ids KODOK-001 and -k 'x' and --shard 2/3"


def test_progress_lines_speak_english(capsys: pytest.CaptureFixture[str]) -> None:
    config: Any = SimpleNamespace(pluginmanager=SimpleNamespace(get_plugin=lambda name: None))
    progress = ProgressReporter(config)
    progress.total = 2
    for nodeid, outcome in (("s::a", "passed"), ("s::b", "failed")):
        for when in ("setup", "call", "teardown"):
            progress.pytest_runtest_logreport(
                pytest.TestReport(
                    nodeid=nodeid,
                    location=("suite.py", 1, nodeid),
                    keywords={},
                    outcome=outcome if when == "call" else "passed",  # type: ignore[arg-type]
                    longrepr="AssertionError" if when == "call" and outcome == "failed" else None,
                    when=when,  # type: ignore[arg-type]
                    user_properties=[("scenario_id", nodeid[-1].upper()), ("title", "Judul")],
                    duration=1.0,
                )
            )

    assert capsys.readouterr().out.splitlines() == [
        "[1/2] A          PASSED     3.0 s  Judul",
        "[2/2] B          FAILED     3.0 s  Judul",
    ]


def test_serve_start_up_lines_speak_english(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, clock_start=START)
    services = build_services(settings)
    assert armed_faults_line(services) == "Faults switched on: none."
    services.simulation.faults.arm("adp.down")
    assert armed_faults_line(build_services(settings)).startswith(
        "WARNING: faults from the last session are still switched on: adp.down."
    )

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(PortBusy, match=f"port {port} on 127.0.0.1 is already used"):
            require_free_port("127.0.0.1", port)
