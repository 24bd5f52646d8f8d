"""Tracks walking at the same time on lanes, recorded in one chronology (harness/tracks.py,
browser/lanes.py, Chronology under threads). The tracks here are plain steps: no browser."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path

import pytest

from simulator.browser.journeys import JourneyError
from simulator.browser.lanes import Lane
from simulator.harness.chronology import Chronology, Halted
from simulator.harness.simcontrol import SimControl
from simulator.harness.step_record import load_chronology
from simulator.harness.tracks import alongside, on_lane

# Long enough for a thread that never comes to count as a hang, short of a CI timeout.
PATIENCE_S = 30


class WatchedChronology(Chronology):
    """A chronology that tells the test when it was halted."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, SimControl.unavailable("no server in this test"))
        self.halted_now = threading.Event()

    def halt(self, reason: str, *, interrupted: bool = False) -> None:
        super().halt(reason, interrupted=interrupted)
        self.halted_now.set()


@pytest.fixture
def log(tmp_path: Path) -> WatchedChronology:
    return WatchedChronology(tmp_path)


@pytest.fixture
def lane() -> Iterator[Lane]:
    lane = Lane("pokja", None)
    yield lane
    lane.close().result(timeout=PATIENCE_S)


def test_steps_of_two_threads_are_numbered_in_the_order_they_started(
    log: Chronology, tmp_path: Path
) -> None:
    def walk(actor: str) -> None:
        for n in range(25):
            with log.step(f"{actor} {n}", actor) as step:
                step.note(f"{actor} note {n}")

    threads = [threading.Thread(target=walk, args=(actor,)) for actor in ("penyedia", "pokja")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(PATIENCE_S)

    saved = load_chronology(tmp_path)
    assert [s.number for s in saved] == list(range(1, 51))
    assert [s.wall_time for s in saved] == sorted(s.wall_time for s in saved)
    for actor in ("penyedia", "pokja"):
        mine = [s for s in saved if s.actor == actor]
        assert [s.title for s in mine] == [f"{actor} {n}" for n in range(25)]
        assert [s.detail for s in mine] == [f"{actor} note {n}" for n in range(25)]
    assert {s.outcome for s in saved} == {"ok"}
    assert json.loads((tmp_path / "chronology.json").read_text()) == [asdict(s) for s in log.steps]


def test_alongside_walks_both_tracks_at_once_and_returns_both_results(
    log: Chronology, lane: Lane
) -> None:
    # Each track waits inside its first step until the other has begun its own: only tracks
    # walking at the same time get past it.
    pokja_in, vendor_in = threading.Event(), threading.Event()

    def pokja() -> str:
        with log.step("Pokja mendaftar AMS", "pokja"):
            pokja_in.set()
            assert vendor_in.wait(PATIENCE_S)
        return "10000001133"

    def vendor() -> str:
        assert pokja_in.wait(PATIENCE_S)
        with log.step("Penyedia mendaftar", "penyedia"):
            vendor_in.set()
        return "lestarimediakarya"

    assert alongside(log, lane, pokja, vendor) == ("lestarimediakarya", "10000001133")
    assert [(s.number, s.actor, s.outcome) for s in log.steps] == [
        (1, "pokja", "ok"),
        (2, "penyedia", "ok"),
    ]


def test_a_failing_lane_track_halts_the_other_at_its_next_step_and_its_error_is_raised(
    log: WatchedChronology, lane: Lane, tmp_path: Path
) -> None:
    vendor_in = threading.Event()

    def pokja() -> None:
        assert vendor_in.wait(PATIENCE_S)
        with log.step("Pokja mendaftar AMS", "pokja"):
            raise JourneyError("AMS registration refused: BSrE tidak dapat dihubungi")

    def vendor() -> None:
        with log.step("Penyedia mendaftar", "penyedia"):
            vendor_in.set()
            # The step already under way when the other track fails ends as it would have.
            assert log.halted_now.wait(PATIENCE_S)
        with log.step("Penyedia membuka tautan", "penyedia"):
            pass

    with pytest.raises(JourneyError, match="BSrE tidak dapat dihubungi"):
        alongside(log, lane, pokja, vendor)

    saved = load_chronology(tmp_path)
    assert [(s.number, s.title, s.outcome) for s in saved] == [
        (1, "Penyedia mendaftar", "ok"),
        (2, "Pokja mendaftar AMS", "failed"),
    ]
    assert "BSrE tidak dapat dihubungi" in saved[1].detail
    with pytest.raises(Halted), log.step("Pokja membuat tender", "pokja"):
        pass


def pokja_waiting_while_the_vendor_raises(
    log: WatchedChronology, error: BaseException
) -> tuple[Callable[[], None], Callable[[], None]]:
    """The pokja's track (on the lane) and the vendor's: the vendor's step raises ``error``
    while the pokja's first step is under way, which ends once the run is halted."""
    begun = threading.Event()

    def pokja() -> None:
        with log.step("Pokja mendaftar AMS", "pokja"):
            begun.set()
            assert log.halted_now.wait(PATIENCE_S)
        with log.step("Pokja membuat tender", "pokja"):
            pass

    def vendor() -> None:
        assert begun.wait(PATIENCE_S)
        with log.step("Penyedia mendaftar", "penyedia"):
            raise error

    return pokja, vendor


def test_a_failing_main_track_halts_the_lane_and_its_error_is_raised(
    log: WatchedChronology, lane: Lane
) -> None:
    pokja, vendor = pokja_waiting_while_the_vendor_raises(log, JourneyError("registration refused"))

    with pytest.raises(JourneyError, match="registration refused"):
        alongside(log, lane, pokja, vendor)

    assert [(s.title, s.outcome) for s in log.steps] == [
        ("Pokja mendaftar AMS", "ok"),
        ("Penyedia mendaftar", "failed"),
    ]


def test_ctrl_c_halts_the_lane_after_its_step_and_leaves_no_failed_step(
    log: WatchedChronology, lane: Lane
) -> None:
    pokja, vendor = pokja_waiting_while_the_vendor_raises(log, KeyboardInterrupt())

    with pytest.raises(KeyboardInterrupt):
        alongside(log, lane, pokja, vendor)

    # The lane's step under way ended as it would have; the one after it never began; the
    # interrupted one is left out.
    assert [(s.number, s.title, s.outcome) for s in log.steps] == [(1, "Pokja mendaftar AMS", "ok")]
    with pytest.raises(Halted), log.step("Pokja membuka penawaran", "pokja"):
        pass


def test_after_ctrl_c_a_step_cut_short_on_another_thread_is_no_failed_step(
    log: Chronology,
) -> None:
    with log.step("Login", "penyedia"):
        pass

    def cut_short() -> None:
        with log.step("Unggah penawaran", "penyedia"):
            # Ctrl-C on the main thread halts the run; this lane's browser call then fails,
            # because Playwright's driver heard the Ctrl-C too.
            log.halt("Ctrl-C", interrupted=True)
            raise RuntimeError("Target page, context or browser has been closed")

    with pytest.raises(RuntimeError):
        cut_short()
    assert [(s.number, s.title, s.outcome) for s in log.steps] == [(1, "Login", "ok")]


def test_numbers_are_not_reused_after_a_step_left_out(log: Chronology) -> None:
    with pytest.raises(KeyboardInterrupt), log.step("Unggah penawaran", "penyedia"):
        raise KeyboardInterrupt
    with log.step("Buka penawaran", "pokja"):
        pass
    assert [(s.number, s.title) for s in log.steps] == [(2, "Buka penawaran")]


def test_on_lane_runs_the_work_on_the_lanes_thread(log: Chronology, lane: Lane) -> None:
    assert not lane.here
    assert on_lane(log, lane, lambda: lane.here) is True
    assert on_lane(log, lane, threading.current_thread).name == "lane-pokja"


def test_a_lane_without_a_browser_says_so(lane: Lane) -> None:
    with pytest.raises(RuntimeError, match="no browser"):
        lane.submit(lambda: lane.browser).result(timeout=PATIENCE_S)


def test_a_step_left_out_after_another_track_saved_it_running_is_gone_from_the_file(
    log: Chronology, tmp_path: Path
) -> None:
    def interrupted() -> None:
        with log.step("Unggah penawaran", "penyedia"):
            # Meanwhile the other track ends a step: the file lists this one as running.
            with log.step("Pokja mendaftar AMS", "pokja"):
                pass
            assert [s.outcome for s in load_chronology(tmp_path)] == ["running", "ok"]
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()

    assert [(s.number, s.title) for s in load_chronology(tmp_path)] == [(2, "Pokja mendaftar AMS")]
