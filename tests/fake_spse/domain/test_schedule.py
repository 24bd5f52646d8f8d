from datetime import datetime, timedelta

import pytest
from factories import START

from fake_spse.domain.schedule import build_schedule
from spse_shared.profile import OPENING_STAGE, UPLOAD_STAGE, StageTemplate, load_profile
from spse_shared.wib import WIB

TEMPLATES = [
    StageTemplate("Pengumuman Pascakualifikasi", 24),
    StageTemplate(UPLOAD_STAGE, 48),
    StageTemplate(OPENING_STAGE, 2),
]


def test_windows_are_consecutive_and_numbered() -> None:
    schedule = build_schedule(TEMPLATES, START)
    assert [w.number for w in schedule.windows] == [1, 2, 3]
    assert schedule.windows[0].start == START
    assert schedule.windows[0].end == START + timedelta(hours=24)
    for before, after in zip(schedule.windows, schedule.windows[1:], strict=False):
        assert before.end == after.start
    assert schedule.windows[-1].end == START + timedelta(hours=74)


def test_current() -> None:
    schedule = build_schedule(TEMPLATES, START)
    assert schedule.current(START - timedelta(seconds=1)) is None
    first = schedule.current(START)
    assert first is not None
    assert first.name == "Pengumuman Pascakualifikasi"
    upload = schedule.current(START + timedelta(hours=24))
    assert upload is not None
    assert upload.name == UPLOAD_STAGE
    assert schedule.current(START + timedelta(hours=74)) is None


def test_window_and_unknown_name() -> None:
    schedule = build_schedule(TEMPLATES, START)
    assert schedule.window(OPENING_STAGE).number == 3
    with pytest.raises(KeyError, match="Masa Sanggah"):
        schedule.window("Masa Sanggah")


def test_is_open_boundaries() -> None:
    schedule = build_schedule(TEMPLATES, START)
    upload = schedule.window(UPLOAD_STAGE)
    assert not schedule.is_open(UPLOAD_STAGE, upload.start - timedelta(microseconds=1))
    assert schedule.is_open(UPLOAD_STAGE, upload.start)
    assert schedule.is_open(UPLOAD_STAGE, upload.end - timedelta(microseconds=1))
    assert not schedule.is_open(UPLOAD_STAGE, upload.end)


def test_has_started() -> None:
    schedule = build_schedule(TEMPLATES, START)
    opening = schedule.window(OPENING_STAGE)
    assert not schedule.has_started(OPENING_STAGE, opening.start - timedelta(seconds=1))
    assert schedule.has_started(OPENING_STAGE, opening.start)
    assert schedule.has_started(OPENING_STAGE, opening.end + timedelta(days=30))


def test_works_across_timezones() -> None:
    wib_start = START.astimezone(WIB)
    schedule = build_schedule(TEMPLATES, wib_start)
    assert schedule.is_open(UPLOAD_STAGE, START + timedelta(hours=30))


def test_refuses_naive_start_and_empty_stages() -> None:
    with pytest.raises(ValueError, match="aware"):
        build_schedule(TEMPLATES, datetime(2024, 1, 1))
    with pytest.raises(ValueError, match="at least 1 hour"):
        build_schedule([StageTemplate("X", 0)], START)


def test_profile_schedule() -> None:
    profile = load_profile("spse-4.3-ca")
    schedule = build_schedule(profile.schedule, START)
    assert len(schedule.windows) == 12
    assert schedule.window(UPLOAD_STAGE).end == schedule.window(OPENING_STAGE).start
