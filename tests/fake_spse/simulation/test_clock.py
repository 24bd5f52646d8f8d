import json
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from factories import START

from fake_spse.simulation.clock import WIB, SimClock


class FakeWall:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def tick(self, delta: timedelta) -> None:
        self.moment += delta


@pytest.fixture
def wall() -> FakeWall:
    return FakeWall(datetime(2030, 1, 1, 12, 0, 0, tzinfo=UTC))


def test_frozen_clock_stays_put(tmp_path: Path, wall: FakeWall) -> None:
    clock = SimClock(tmp_path / "clock.json", start=START, wall=wall)
    wall.tick(timedelta(hours=5))
    assert clock.frozen
    assert clock.now() == START
    assert clock.now().tzinfo == UTC


def test_start_defaults_to_wall_rounded_to_minute(tmp_path: Path, wall: FakeWall) -> None:
    wall.moment = datetime(2030, 1, 1, 12, 0, 45, 123, tzinfo=UTC)
    clock = SimClock(tmp_path / "clock.json", wall=wall)
    assert clock.now() == datetime(2030, 1, 1, 12, 1, tzinfo=UTC)


def test_non_utc_start_is_converted(tmp_path: Path, wall: FakeWall) -> None:
    clock = SimClock(tmp_path / "clock.json", start=START.astimezone(WIB), wall=wall)
    assert clock.now() == START
    assert clock.now().utcoffset() == timedelta(0)


def test_naive_datetimes_refused(tmp_path: Path, wall: FakeWall) -> None:
    with pytest.raises(ValueError, match="aware"):
        SimClock(tmp_path / "clock.json", start=datetime(2024, 1, 1), wall=wall)
    clock = SimClock(tmp_path / "clock.json", start=START, wall=wall)
    with pytest.raises(ValueError, match="aware"):
        clock.set(datetime(2024, 1, 1))


def test_running_clock_follows_wall(tmp_path: Path, wall: FakeWall) -> None:
    clock = SimClock(tmp_path / "clock.json", start=START, frozen=False, wall=wall)
    assert not clock.frozen
    wall.tick(timedelta(minutes=90))
    assert clock.now() == START + timedelta(minutes=90)


def test_freeze_and_run(tmp_path: Path, wall: FakeWall) -> None:
    clock = SimClock(tmp_path / "clock.json", start=START, wall=wall)
    wall.tick(timedelta(hours=1))
    clock.run()
    wall.tick(timedelta(minutes=10))
    assert clock.now() == START + timedelta(minutes=10)
    clock.freeze()
    wall.tick(timedelta(hours=3))
    assert clock.frozen
    assert clock.now() == START + timedelta(minutes=10)
    clock.run()
    wall.tick(timedelta(minutes=5))
    assert clock.now() == START + timedelta(minutes=15)


def test_set_and_advance(tmp_path: Path, wall: FakeWall) -> None:
    clock = SimClock(tmp_path / "clock.json", start=START, wall=wall)
    assert clock.advance(timedelta(days=2)) == START + timedelta(days=2)
    assert clock.now() == START + timedelta(days=2)
    clock.set(START - timedelta(days=1))
    assert clock.now() == START - timedelta(days=1)
    assert clock.advance(timedelta(0)) == START - timedelta(days=1)


def test_advance_refuses_negative(tmp_path: Path, wall: FakeWall) -> None:
    clock = SimClock(tmp_path / "clock.json", start=START, wall=wall)
    with pytest.raises(ValueError, match="negative"):
        clock.advance(timedelta(seconds=-1))
    assert clock.now() == START


def test_set_and_advance_on_running_clock(tmp_path: Path, wall: FakeWall) -> None:
    clock = SimClock(tmp_path / "clock.json", start=START, frozen=False, wall=wall)
    wall.tick(timedelta(minutes=30))
    clock.advance(timedelta(hours=1))
    assert clock.now() == START + timedelta(minutes=90)
    wall.tick(timedelta(minutes=1))
    assert clock.now() == START + timedelta(minutes=91)
    clock.set(START)
    wall.tick(timedelta(minutes=2))
    assert clock.now() == START + timedelta(minutes=2)


def test_state_survives_restart_and_wins(tmp_path: Path, wall: FakeWall) -> None:
    path = tmp_path / "data" / "clock.json"
    clock = SimClock(path, start=START, wall=wall)
    clock.advance(timedelta(hours=6))
    again = SimClock(path, start=datetime(2000, 1, 1, tzinfo=UTC), frozen=False, wall=wall)
    assert again.frozen
    assert again.now() == START + timedelta(hours=6)


def test_running_clock_keeps_running_across_restart(tmp_path: Path, wall: FakeWall) -> None:
    path = tmp_path / "clock.json"
    SimClock(path, start=START, frozen=False, wall=wall)
    wall.tick(timedelta(minutes=20))
    again = SimClock(path, wall=wall)
    assert not again.frozen
    assert again.now() == START + timedelta(minutes=20)


def test_state_file_is_json_and_no_temp_files_left(tmp_path: Path, wall: FakeWall) -> None:
    path = tmp_path / "clock.json"
    clock = SimClock(path, start=START, wall=wall)
    clock.advance(timedelta(minutes=1))
    state = json.loads(path.read_text())
    assert state["frozen"] is True
    assert datetime.fromisoformat(state["anchor"]) == START + timedelta(minutes=1)
    assert [p.name for p in tmp_path.iterdir()] == ["clock.json"]


def test_corrupt_state_file_is_reported(tmp_path: Path, wall: FakeWall) -> None:
    path = tmp_path / "clock.json"
    path.write_text("{not json")
    with pytest.raises(ValueError, match="clock state file"):
        SimClock(path, wall=wall)


def test_snapshot(tmp_path: Path, wall: FakeWall) -> None:
    clock = SimClock(tmp_path / "clock.json", start=START, wall=wall)
    snap = clock.snapshot()
    assert snap == {
        "now": "2026-03-02T01:00:00+00:00",
        "now_wib": "2026-03-02T08:00:00+07:00",
        "frozen": True,
    }
    json.dumps(snap)


def test_wib_is_utc_plus_seven() -> None:
    assert WIB.utcoffset(None) == timedelta(hours=7)
    assert WIB.tzname(None) == "WIB"


def test_concurrent_advances_are_not_lost(tmp_path: Path, wall: FakeWall) -> None:
    clock = SimClock(tmp_path / "clock.json", start=START, wall=wall)

    def work() -> None:
        for _ in range(10):
            clock.advance(timedelta(minutes=1))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert clock.now() == START + timedelta(minutes=40)
