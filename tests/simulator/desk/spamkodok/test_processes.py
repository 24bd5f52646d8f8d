"""SpamKodok 2's single-instance guard: which other browsers run on the desk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from simulator.desk.spamkodok.processes import (
    BrowserProcess,
    DeskProcesses,
    ProcessEntry,
    SystemProbe,
    browser_label,
    descendants,
    labels,
    other_browsers_in,
    read_process_table,
)


def fake_process(proc: Path, pid: int, ppid: int, comm: str, argv0: str = "") -> None:
    folder = proc / str(pid)
    folder.mkdir(parents=True)
    (folder / "comm").write_text(comm + "\n")
    (folder / "stat").write_text(f"{pid} ({comm}) S {ppid} {pid} {pid} 0 -1 4194560 0 0\n")
    (folder / "cmdline").write_bytes(argv0.encode() + b"\0--flag\0" if argv0 else b"")


@pytest.fixture
def proc(tmp_path: Path) -> Path:
    """A fake /proc: pytest (100) ran Playwright's driver (101) which runs Chromium (102..)."""
    root = tmp_path / "proc"
    fake_process(root, 1, 0, "init", "/sbin/init")
    fake_process(root, 100, 1, "python", "/usr/bin/python3")
    fake_process(root, 101, 100, "node-MainThread", "/venv/playwright/driver/node")
    fake_process(root, 102, 101, "chromium", "/usr/lib/chromium/chromium")
    fake_process(root, 103, 102, "chromium", "/usr/lib/chromium/chromium")
    # Chromium's crash reporter detaches: its parent becomes init.
    fake_process(root, 104, 1, "chrome_crashpad", "/usr/lib/chromium/chrome_crashpad_handler")
    # The user's own browsers, not started by this program.
    fake_process(root, 200, 1, "chrome", "/opt/google/chrome/chrome")
    fake_process(root, 201, 200, "chrome", "/opt/google/chrome/chrome")
    fake_process(root, 300, 1, "GeckoMain", "/usr/lib/firefox-esr/firefox-esr")
    fake_process(root, 400, 1, "bash", "/bin/bash")
    (root / "self").mkdir()  # not a pid folder
    (root / "uptime").write_text("1.0 1.0\n")
    return root


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("chrome", "Google Chrome"),
        ("chrome.exe", "Google Chrome"),
        ("Chromium", "Chromium"),
        ("chromium-browse", "Chromium"),
        ("firefox", "Mozilla Firefox"),
        ("firefox-esr", "Mozilla Firefox"),
        ("msedge.exe", "Microsoft Edge"),
        ("opera", "Opera"),
        ("brave-browser", "Brave"),
        ("chrome_crashpad", None),
        ("chrome_crashpad_handler", None),
        ("bash", None),
        ("chromedriver", None),
        ("operator", None),
        ("GeckoMain", None),
    ],
)
def test_browser_label(name: str, label: str | None) -> None:
    assert browser_label(name) == label


def test_process_table_reads_parent_and_names(proc: Path) -> None:
    entries = {e.pid: e for e in read_process_table(proc)}
    assert sorted(entries) == [1, 100, 101, 102, 103, 104, 200, 201, 300, 400]
    assert entries[103].ppid == 102
    assert entries[300].names == ("GeckoMain", "firefox-esr")
    assert entries[1].names == ("init", "init")


def test_comm_with_spaces_and_parentheses(tmp_path: Path) -> None:
    folder = tmp_path / "7"
    folder.mkdir()
    (folder / "comm").write_text("a (b) c\n")
    (folder / "stat").write_text("7 (a (b) c) S 5 7 7 0\n")
    assert read_process_table(tmp_path) == [ProcessEntry(7, 5, ("a (b) c",))]


def test_vanished_or_garbled_processes_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "8").mkdir()  # gone between listing and reading
    bad = tmp_path / "9"
    bad.mkdir()
    (bad / "comm").write_text("chrome\n")
    (bad / "stat").write_text("garbage")
    assert read_process_table(tmp_path) == []


def test_descendants_follow_the_whole_tree() -> None:
    entries = [ProcessEntry(2, 1, ()), ProcessEntry(3, 2, ()), ProcessEntry(4, 3, ())]
    assert descendants(entries, 2) == {2, 3, 4}
    assert descendants(entries, 4) == {4}


def test_own_browser_and_crash_reporter_are_not_other_browsers(proc: Path) -> None:
    found = SystemProbe(proc, own_pid=100).other_browsers()
    assert found == [
        BrowserProcess(200, "chrome", "Google Chrome"),
        BrowserProcess(201, "chrome", "Google Chrome"),
        BrowserProcess(300, "GeckoMain", "Mozilla Firefox"),
    ]
    assert labels(found) == "Google Chrome, Mozilla Firefox"


def test_seen_from_another_program_our_chromium_is_another_browser(proc: Path) -> None:
    found = other_browsers_in(read_process_table(proc), own_pid=400)
    assert [p.pid for p in found] == [102, 103, 200, 201, 300]


def test_without_a_process_table_there_is_nothing_to_report(tmp_path: Path) -> None:
    assert SystemProbe(tmp_path / "tidak-ada").other_browsers() == []


def test_the_real_process_table_never_counts_this_process() -> None:
    found = SystemProbe().other_browsers()
    assert os.getpid() not in {p.pid for p in found}


def test_desk_processes_start_and_close() -> None:
    desk = DeskProcesses()
    assert desk.other_browsers() == []
    chrome = desk.start("Google Chrome")
    desk.start("Mozilla Firefox")
    assert chrome.name == "chrome"
    assert labels(desk.other_browsers()) == "Google Chrome, Mozilla Firefox"
    assert desk.close("google chrome") == 1
    assert desk.close("Google Chrome") == 0
    assert labels(desk.other_browsers()) == "Mozilla Firefox"
