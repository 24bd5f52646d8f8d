"""The chronology of a run: a failed step is recorded as failed; Ctrl-C is no failed step."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser

from simulator.harness.chronology import Chronology
from simulator.harness.simcontrol import SimControl
from simulator.harness.step_record import load_chronology


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


PAGE = """<!doctype html><title>Dokumen Penawaran - SPSE</title>
<div role="alert">Upload   gagal:
  koneksi terputus</div>
<div role="alert" hidden>tersembunyi</div>
<div aria-hidden="true"><p role="alert">untuk mata saja</p></div>
<div role="status" style="visibility: hidden">tidak terlihat</div>
<p role="status">Penawaran berhasil dikirim</p>
<div role="alert"> </div>
"""


@pytest.mark.e2e
def test_a_step_records_the_title_and_the_messages_a_user_sees(
    sim_browser: Browser, tmp_path: Path
) -> None:
    chronology = Chronology(tmp_path, SimControl.unavailable("no server in this test"))
    context = sim_browser.new_context()
    try:
        page = context.new_page()
        # A window that never loaded a page (about:blank) shows nothing.
        with chronology.step("Login", "penyedia", page):
            pass
        page.route(
            "http://spse.test/**", lambda route: route.fulfill(body=PAGE, content_type="text/html")
        )
        page.goto("http://spse.test/eproc4/lelang/1/penawaran")
        with chronology.step("Kirim penawaran", "penyedia", page):
            pass
        # The same texts Playwright's role locators find (visible ones, whitespace folded).
        by_role = [
            " ".join(t.split())
            for role in ("alert", "status")
            for t in page.get_by_role(role).all_inner_texts()
            if t.strip()
        ]
    finally:
        context.close()
    blank, step = load_chronology(tmp_path)
    assert (blank.page_title, blank.messages, blank.screenshot) == ("", [], None)
    assert step.page_title == "Dokumen Penawaran - SPSE"
    assert step.messages == ["Upload gagal: koneksi terputus", "Penawaran berhasil dikirim"]
    assert step.messages == by_role


@pytest.mark.e2e
def test_without_step_screenshots_only_a_failed_step_is_photographed_with_every_desk(
    sim_browser: Browser, tmp_path: Path
) -> None:
    chronology = Chronology(
        tmp_path, SimControl.unavailable("no server in this test"), step_screenshots=False
    )
    context = sim_browser.new_context()
    try:
        page, other = context.new_page(), context.new_page()
        # Loaded pages (a blank window has nothing to show, so nothing is photographed).
        page.goto("data:text/html," + quote(PAGE))
        other.goto("data:text/html," + quote("<title>Beranda</title><p>Pokja</p>"))
        record = chronology.begin("Kirim penawaran", "penyedia")
        chronology.finish(record, ok=True, page=page, other_pages={"pokja": other})
        record = chronology.begin("Lihat tanda terima", "penyedia")
        chronology.finish(record, ok=False, page=page, other_pages={"pokja": other})
    finally:
        context.close()
    passed, failed = load_chronology(tmp_path)
    # What a user saw is recorded either way; the picture only where the step failed.
    assert (passed.page_title, passed.screenshot) == ("Dokumen Penawaran - SPSE", None)
    assert passed.messages == ["Upload gagal: koneksi terputus", "Penawaran berhasil dikirim"]
    assert failed.screenshot == "screenshots/02-failed.png"
    assert failed.more_screenshots == ["screenshots/02-failed-pokja.png"]
    assert sorted(p.name for p in (tmp_path / "screenshots").iterdir()) == [
        "02-failed-pokja.png",
        "02-failed.png",
    ]
