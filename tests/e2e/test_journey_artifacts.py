"""What ``spse-sim run`` (the CA journey) records: under the default ``--artifacts
on-first-retry`` a first walk records no trace and no step screenshots, and a failed walk is
walked once more recording everything, in ``rerun-1/``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.cli.main import main
from simulator.harness.chronology import Chronology
from simulator.harness.environment import SimEnvironment
from simulator.harness.run_folder import (
    REPORT_NAME,
    SCREENSHOTS_FOLDER,
    TRACES_FOLDER,
    rerun_folder,
)
from simulator.harness.step_record import load_chronology
from simulator.journey.ca_tender import CaTenderResult, walk_ca_tender
from simulator.journey.run import JOURNEYS
from simulator.testdata.factory import TestDataFactory
from simulator.testdata.seed import DEFAULT_SEED
from spse_shared.language import tr

pytestmark = pytest.mark.e2e

AMS = tr("Pokja mendaftar sertifikat elektronik (AMS)")


def test_a_journey_failing_once_is_walked_again_recording_and_reported_flaky(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = TestDataFactory(DEFAULT_SEED)
    data.vendor()  # drawn first, as the journey draws its people
    pokja = data.staff("pokja")
    walks: list[Path] = []

    def bsre_down_for_the_pokja_the_first_time(
        env: SimEnvironment, log: Chronology
    ) -> CaTenderResult:
        walks.append(env.options.output_dir)
        if len(walks) == 1:
            env.sim.arm("ca.down", actor=pokja.user_id)
        return walk_ca_tender(env, log)

    monkeypatch.setitem(JOURNEYS, "ca", bsre_down_for_the_pokja_the_first_time)
    output = tmp_path / "run"

    code = main(["run", "--output", str(output)])

    said = capsys.readouterr()
    assert code == 1
    rerun = output / rerun_folder(1)
    assert walks == [output, rerun]
    assert f"bukti di {rerun_folder(1)}/" in said.out
    assert "perjalanan FLAKY" in said.err
    assert "AMS registration refused" in said.err
    # The first walk recorded no trace and no step screenshots, but its failed step's page.
    first = load_chronology(output)
    failed = [s for s in first if s.outcome == "failed"]
    assert [(s.actor, s.title) for s in failed] == [(pokja.user_id, AMS)]
    assert not (output / TRACES_FOLDER).exists()
    shots = {p.relative_to(output).as_posix() for p in (output / SCREENSHOTS_FOLDER).iterdir()}
    assert failed[0].screenshot is not None
    assert shots == {failed[0].screenshot, *failed[0].more_screenshots}
    # An unrecorded walk writes no Word report (a failed recorded walk does).
    assert not (output / REPORT_NAME).exists()
    # The second walk passed and kept everything: every desk's trace, every step's screenshot.
    again = load_chronology(rerun)
    assert [s.outcome for s in again] == ["ok"] * 13
    # It walked on lanes, as spse-sim run does: the pokja's track began before the vendor's
    # had ended.
    pokja_ams = next(s for s in again if s.title == AMS)
    embedded = next(
        s for s in again if s.title == tr("Penyedia menanamkan sertifikat di SpamKodok")
    )
    assert pokja_ams.number < embedded.number
    walked = {s.actor for s in again} - {"simulator"}
    traces = {
        p.name.removesuffix(".zip").split("-", 1)[1] for p in (rerun / TRACES_FOLDER).iterdir()
    }
    assert traces == walked
    for step in again:
        if step.actor != "simulator":
            assert step.screenshot is not None
            assert (rerun / step.screenshot).is_file()
    assert json.loads((rerun / "index.json").read_text(encoding="utf-8"))["ok"] is True
