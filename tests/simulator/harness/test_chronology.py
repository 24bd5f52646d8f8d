"""The chronology of a run: a failed step is recorded as failed; Ctrl-C is no failed step."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.harness.chronology import Chronology, load_chronology
from simulator.harness.simcontrol import SimControl


@pytest.fixture
def chronology(tmp_path: Path) -> Chronology:
    # No fake SPSE runs here: the steps carry no simulated time, as when /_sim is gone.
    return Chronology(tmp_path, SimControl.unavailable("no server in this test"))


def test_a_step_that_raises_is_recorded_as_failed_with_the_error(
    chronology: Chronology, tmp_path: Path
) -> None:
    with chronology.step("Login", "penyedia"):
        pass
    with pytest.raises(RuntimeError), chronology.step("Unggah penawaran", "penyedia"):
        raise RuntimeError("koneksi terputus")
    steps = load_chronology(tmp_path)
    assert [(s.title, s.outcome) for s in steps] == [
        ("Login", "ok"),
        ("Unggah penawaran", "failed"),
    ]
    assert "koneksi terputus" in steps[1].detail


def test_ctrl_c_in_a_step_leaves_no_failed_step(chronology: Chronology, tmp_path: Path) -> None:
    with chronology.step("Login", "penyedia"):
        pass
    with pytest.raises(KeyboardInterrupt), chronology.step("Unggah penawaran", "penyedia"):
        raise KeyboardInterrupt
    assert [(s.title, s.outcome) for s in chronology.steps] == [("Login", "ok")]
    assert [(s.title, s.outcome) for s in load_chronology(tmp_path)] == [("Login", "ok")]
