import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from factories import START

from fake_spse.simulation.clock import SimClock
from fake_spse.simulation.faults import KNOWN_FAULTS, FaultBoard, UnknownFault

WALL = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def clock(tmp_path: Path) -> SimClock:
    return SimClock(tmp_path / "clock.json", start=START, wall=lambda: WALL)


@pytest.fixture
def board(tmp_path: Path, clock: SimClock) -> FaultBoard:
    return FaultBoard(tmp_path / "faults.sqlite", clock, wall=lambda: WALL)


def test_known_faults() -> None:
    assert set(KNOWN_FAULTS) == {
        "ca.down",
        "ca.validity",
        "adp.down",
        "support.down",
        "upload.cut",
        "upload.slow",
        "upload.fail_next",
        "sanggah.fail_next",
    }
    assert KNOWN_FAULTS["upload.cut"].params == ("after_bytes",)
    assert KNOWN_FAULTS["upload.slow"].params == ("delay_ms", "duration_s")
    assert KNOWN_FAULTS["ca.down"].params == ()
    assert KNOWN_FAULTS["ca.validity"].params == ("validity_days",)
    assert all(spec.description for spec in KNOWN_FAULTS.values())


def test_unarmed_check_returns_none(board: FaultBoard) -> None:
    assert board.check("ca.down") is None
    assert board.firings() == []


def test_unknown_names_refused(board: FaultBoard) -> None:
    with pytest.raises(UnknownFault, match=r"ca\.dwon"):
        board.arm("ca.dwon")
    with pytest.raises(UnknownFault):
        board.check("ca.dwon")
    with pytest.raises(UnknownFault):
        board.disarm("ca.dwon")
    assert issubclass(UnknownFault, ValueError)


def test_arm_validation(board: FaultBoard) -> None:
    with pytest.raises(ValueError, match="times"):
        board.arm("ca.down", times=0)
    with pytest.raises(ValueError, match="no param 'delay_ms'"):
        board.arm("upload.cut", params={"delay_ms": 5})
    with pytest.raises(ValueError, match="no param"):
        board.arm("ca.down", params={"x": 1})
    assert board.armed() == []


def test_arm_until_disarmed(board: FaultBoard, clock: SimClock) -> None:
    fault = board.arm("adp.down")
    assert fault.remaining is None
    assert fault.armed_at == START
    for _ in range(3):
        assert board.check("adp.down") is not None
    assert [f.name for f in board.armed()] == ["adp.down"]
    board.disarm("adp.down")
    assert board.check("adp.down") is None
    assert len(board.firings()) == 3


def test_arm_for_n_times(board: FaultBoard) -> None:
    board.arm("upload.fail_next", times=2)
    first = board.check("upload.fail_next")
    assert first is not None
    assert first.remaining == 1
    second = board.check("upload.fail_next")
    assert second is not None
    assert second.remaining == 0
    assert board.check("upload.fail_next") is None
    assert board.armed() == []


def test_params_are_kept(board: FaultBoard) -> None:
    board.arm("upload.cut", times=1, params={"after_bytes": 4096})
    fired = board.check("upload.cut")
    assert fired is not None
    assert fired.params["after_bytes"] == 4096


def test_actor_specific_fault(board: FaultBoard) -> None:
    board.arm("support.down", actor="vendor1")
    assert board.check("support.down", actor="vendor2") is None
    assert board.check("support.down") is None
    fired = board.check("support.down", actor="vendor1", detail="login")
    assert fired is not None
    assert fired.actor == "vendor1"
    (firing,) = board.firings()
    assert firing.actor == "vendor1"
    assert firing.detail == "login"


def test_fault_for_everyone_records_the_checking_actor(board: FaultBoard) -> None:
    board.arm("ca.down")
    board.check("ca.down", actor="vendor9")
    assert board.firings()[0].actor == "vendor9"


def test_firing_records_sim_and_wall_time(board: FaultBoard, clock: SimClock) -> None:
    board.arm("ca.down")
    clock.advance(timedelta(hours=2))
    board.check("ca.down", detail="AMS")
    (firing,) = board.firings()
    assert firing.name == "ca.down"
    assert firing.sim_time == START + timedelta(hours=2)
    assert firing.wall_time == WALL


def test_rearm_replaces(board: FaultBoard) -> None:
    board.arm("upload.slow", times=1, params={"delay_ms": 10})
    board.arm("upload.slow", params={"delay_ms": 50})
    (fault,) = board.armed()
    assert fault.remaining is None
    assert fault.params == {"delay_ms": 50}


def test_reset_keeps_firings(board: FaultBoard) -> None:
    board.arm("ca.down")
    board.arm("adp.down")
    board.check("ca.down")
    board.reset()
    assert board.armed() == []
    assert len(board.firings()) == 1


def test_state_is_shared_through_the_file(tmp_path: Path, clock: SimClock) -> None:
    first = FaultBoard(tmp_path / "faults.sqlite", clock)
    second = FaultBoard(tmp_path / "faults.sqlite", clock)
    first.arm("upload.fail_next", times=1)
    assert second.check("upload.fail_next") is not None
    assert first.check("upload.fail_next") is None
    assert len(first.firings()) == 1


def test_two_threads_one_firing(board: FaultBoard) -> None:
    for _ in range(20):
        board.arm("upload.fail_next", times=1)
        barrier = threading.Barrier(2)
        results: list[object] = []

        def worker(barrier: threading.Barrier, results: list[object]) -> None:
            barrier.wait()
            results.append(board.check("upload.fail_next"))

        threads = [threading.Thread(target=worker, args=(barrier, results)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sum(result is not None for result in results) == 1
    assert len(board.firings()) == 20


def test_two_boards_in_threads_one_firing(tmp_path: Path, clock: SimClock) -> None:
    boards = [FaultBoard(tmp_path / "faults.sqlite", clock) for _ in range(2)]
    boards[0].arm("upload.cut", times=1, params={"after_bytes": 1})
    barrier = threading.Barrier(2)
    results: list[object] = []

    def worker(board: FaultBoard) -> None:
        barrier.wait()
        results.append(board.check("upload.cut"))

    threads = [threading.Thread(target=worker, args=(b,)) for b in boards]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(result is not None for result in results) == 1
    assert len(boards[1].firings()) == 1
