"""The CA journey walks the vendor's and the pokja's tracks at the same time, each on a lane with
a Chromium of its own (as ``spse-sim run`` does): a failure in one track stops the journey with
the evidence of every desk, and Ctrl-C ends it as every Ctrl-C does. (A whole walk on lanes,
the pokja's track beginning before the vendor's has ended: tests/e2e/test_journey_artifacts.py.)"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from spse_sim_process import started

from simulator.harness.chronology import Chronology
from simulator.harness.environment import RunOptions, SimEnvironment
from simulator.harness.run_folder import REPORT_NAME
from simulator.harness.step_record import load_chronology
from simulator.journey.ca_tender import CaTenderResult, walk_ca_tender
from simulator.journey.run import JOURNEYS, run_journey
from simulator.testdata.factory import TestDataFactory
from simulator.testdata.seed import DEFAULT_SEED
from spse_shared.language import tr

pytestmark = pytest.mark.e2e

AMS = tr("Pokja mendaftar sertifikat elektronik (AMS)")


def test_a_failing_pokja_track_stops_the_journey_with_the_evidence_of_every_desk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = TestDataFactory(DEFAULT_SEED)
    data.vendor()  # drawn first, as the journey draws its people
    pokja = data.staff("pokja")

    def bsre_down_for_the_pokja(env: SimEnvironment, log: Chronology) -> CaTenderResult:
        env.sim.arm("ca.down", actor=pokja.user_id)
        return walk_ca_tender(env, log)

    # The CA journey, with BSrE down for the pokja.
    monkeypatch.setitem(JOURNEYS, "ca", bsre_down_for_the_pokja)
    output = tmp_path / "run"

    result = run_journey(RunOptions(output_dir=output))  # no browser given: lanes of its own

    assert not result.ok
    assert result.error is not None
    assert "AMS registration refused" in result.error
    steps = load_chronology(output)
    failed = [s for s in steps if s.outcome == "failed"]
    assert [(s.actor, s.title) for s in failed] == [(pokja.user_id, AMS)]
    assert failed[0].screenshot is not None
    assert (output / failed[0].screenshot).is_file()
    # The pokja's track stopped there, and nothing that needs both tracks began. (How far the
    # vendor's track got meanwhile depends on the machine: tests/simulator/harness/test_tracks.py
    # shows that the other track stops at its next step.)
    titles = [s.title for s in steps]
    assert tr("Pokja membuat paket tender beserta jadwalnya") not in titles
    assert tr("Penyedia ikut tender dan mengunggah penawaran tersegel") not in titles
    assert "simulator" not in {s.actor for s in steps}
    assert [s.number for s in steps] == list(range(1, len(steps) + 1))
    # Every desk that walked left its trace and its screenshots.
    traces = {p.name.removesuffix(".zip").split("-", 1)[1] for p in (output / "traces").iterdir()}
    assert {s.actor for s in steps} <= traces
    for step in steps:
        assert step.screenshot is not None
        assert (output / step.screenshot).is_file()
    index = json.loads((output / "index.json").read_text(encoding="utf-8"))
    assert (index["ok"], index["report"], index["steps"]) == (False, REPORT_NAME, len(steps))
    assert (output / REPORT_NAME).is_file()
    firings = json.loads((output / "faults-fired.json").read_text(encoding="utf-8"))
    assert [(f["name"], f["actor"]) for f in firings] == [("ca.down", pokja.user_id)]


@pytest.mark.parametrize(
    ("to_group", "signum"),
    [(False, signal.SIGINT), (True, signal.SIGINT), (False, signal.SIGTERM)],
    ids=["process", "process-group", "sigterm"],
)
def test_ctrl_c_during_the_journey_ends_with_130_and_an_interrupted_run_folder(
    tmp_path: Path, to_group: bool, signum: signal.Signals
) -> None:
    """Ctrl-C to spse-sim alone (a run as by default: nothing recorded, nothing walked again),
    or, as a terminal sends it, to its whole process group, Playwright's drivers included (a
    run recording everything: the drivers leave the stopping to spse-sim, the traces are
    saved); SIGTERM (a cancelled CI job) stops it as Ctrl-C does."""
    output = tmp_path / "run"
    errors = tmp_path / "stderr.txt"
    args = ["run", "--output", str(output), *(["--artifacts", "always"] if to_group else [])]
    with (
        errors.open("w") as stderr,
        started(args, cwd=tmp_path, stderr=stderr, new_session=to_group) as child,
    ):
        assert child.stdout is not None
        assert f"keluaran di {output}" in child.stdout.readline()
        # Once a step has ended, both tracks are under way.
        while not (line := child.stdout.readline()).startswith("[ok"):
            assert line, "the journey ended before its first step"
        if to_group:
            os.killpg(child.pid, signum)
        else:
            child.send_signal(signum)
        code = child.wait(timeout=120)

    said = errors.read_text()
    assert code == 130
    assert "Traceback" not in said
    assert said.splitlines()[-1] == (
        f"spse-sim: dihentikan oleh pengguna (Ctrl-C); yang sudah selesai ada di {output}"
    )
    index = json.loads((output / "index.json").read_text(encoding="utf-8"))
    assert (index["kind"], index["interrupted"], index["ok"]) == ("journey", True, False)
    steps = load_chronology(output)
    assert steps
    assert all(s.outcome == "ok" for s in steps)
    assert len(steps) < 13
    assert not (output / "rerun-1").exists()
    if to_group:
        # The desks closed as in any run: the trace of every desk that walked was saved.
        traces = {
            p.name.removesuffix(".zip").split("-", 1)[1] for p in (output / "traces").iterdir()
        }
        assert {s.actor for s in steps} <= traces
