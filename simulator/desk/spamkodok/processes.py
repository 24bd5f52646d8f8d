"""Which other browsers run on the desk: SpamKodok 2's single-instance guard.

The seed ("Hal-hal yang harus diperhatikan"): while SpamKodok 2 runs, no instance or process of
another browser may be alive. Before sealing an offer SpamKodok asks a ``ProcessProbe``.

- ``SystemProbe`` reads the real process table (``/proc`` on Linux; other systems report none,
  psutil is not a dependency). It leaves out the browser this very program launched (Playwright's
  Chromium is a descendant of the current process) and Chrome's crash reporter, which detaches
  from its browser (its parent becomes init) and is no browser instance of its own.
- ``DeskProcesses`` is a simulated desk's process table: scenarios start and close browsers on it,
  so a developer's own Chrome or a parallel test run never changes a scenario's outcome.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

# Executable names (lower case, without ".exe") -> the name the user knows the browser by.
BROWSERS = {
    "chrome": "Google Chrome",
    "chromium": "Chromium",
    "firefox": "Mozilla Firefox",
    "msedge": "Microsoft Edge",
    "opera": "Opera",
    "brave": "Brave",
}
# "chrome", "chrome.exe", "chromium-browse" (comm is cut at 15 characters), "firefox-esr", ...
_BROWSER_NAME = re.compile(r"^(?P<key>" + "|".join(BROWSERS) + r")(?:[-_. ].*)?$")
# Crash reporters outlive their browser and are re-parented to init: not an instance.
_HELPERS = ("crashpad", "crash_handler", "crashreporter")


@dataclass(frozen=True)
class BrowserProcess:
    pid: int
    name: str
    label: str


class ProcessProbe(Protocol):
    def other_browsers(self) -> list[BrowserProcess]:
        """Browser processes running besides SpamKodok 2 itself."""
        ...


def browser_label(name: str) -> str | None:
    """The browser an executable name belongs to (``None`` for other programs and helpers)."""
    base = name.strip().lower()
    base = base.removesuffix(".exe")
    if any(helper in base for helper in _HELPERS):
        return None
    match = _BROWSER_NAME.match(base)
    return BROWSERS[match.group("key")] if match else None


def labels(processes: Iterable[BrowserProcess]) -> str:
    """'Google Chrome, Mozilla Firefox': each browser once, for the message."""
    return ", ".join(sorted({p.label for p in processes}))


@dataclass(frozen=True)
class ProcessEntry:
    pid: int
    ppid: int
    names: tuple[str, ...]


def process_stats(proc_root: Path) -> Iterator[tuple[int, list[str]]]:
    """Each process under ``proc_root`` (a Linux /proc): its pid and the fields of its ``stat``
    after the command name (state, ppid, ...). Processes that vanish while being read are
    skipped."""
    for folder in proc_root.iterdir():
        if not folder.name.isdigit():
            continue
        try:
            stat = (folder / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        yield int(folder.name), stat.rsplit(")", 1)[-1].split()


def read_process_table(proc_root: Path) -> list[ProcessEntry]:
    """Every process under ``proc_root`` (a Linux /proc) with its parent and names.

    Names are ``comm`` and the file name of ``argv[0]``; processes that vanish while being read
    are skipped.
    """
    entries = []
    for pid, fields in process_stats(proc_root):
        folder = proc_root / str(pid)
        try:
            comm = (folder / "comm").read_text().strip()
        except OSError:
            continue
        try:
            ppid = int(fields[1])
        except (IndexError, ValueError):
            continue
        names = [comm]
        try:
            argv0 = (folder / "cmdline").read_bytes().split(b"\0", 1)[0].decode(errors="replace")
        except OSError:
            argv0 = ""
        if argv0:
            names.append(re.split(r"[\\/]", argv0)[-1])
        entries.append(ProcessEntry(pid, ppid, tuple(names)))
    return entries


def descendants(entries: Iterable[ProcessEntry], root: int) -> set[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in entries:
        children.setdefault(entry.ppid, []).append(entry.pid)
    found = {root}
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def other_browsers_in(entries: list[ProcessEntry], own_pid: int) -> list[BrowserProcess]:
    """Browser processes of ``entries`` that are not ``own_pid`` or below it."""
    mine = descendants(entries, own_pid)
    found = []
    for entry in entries:
        if entry.pid in mine:
            continue
        label = next((lb for n in entry.names if (lb := browser_label(n))), None)
        if label is not None:
            found.append(BrowserProcess(entry.pid, entry.names[0], label))
    return sorted(found, key=lambda p: p.pid)


class SystemProbe:
    """The real process table of this computer."""

    def __init__(self, proc_root: Path = Path("/proc"), own_pid: int | None = None) -> None:
        self.proc_root = proc_root
        self.own_pid = own_pid

    def other_browsers(self) -> list[BrowserProcess]:
        if not sys.platform.startswith("linux") and self.proc_root == Path("/proc"):
            return []  # Windows/macOS need psutil or OS APIs: report none rather than guess
        if not self.proc_root.is_dir():
            return []
        own = self.own_pid if self.own_pid is not None else os.getpid()
        return other_browsers_in(read_process_table(self.proc_root), own)


class DeskProcesses:
    """A simulated desk's process table: browsers the scenario started and not yet closed."""

    def __init__(self) -> None:
        self._running: list[BrowserProcess] = []
        self._next_pid = 4000
        self._lock = threading.Lock()

    def start(self, label: str) -> BrowserProcess:
        """Start a browser ``label`` (e.g. "Google Chrome") next to SpamKodok."""
        name = next((n for n, lb in BROWSERS.items() if lb.casefold() == label.casefold()), label)
        with self._lock:
            self._next_pid += 1
            process = BrowserProcess(self._next_pid, name, label)
            self._running.append(process)
        return process

    def close(self, label: str) -> int:
        """Close every process of browser ``label``; how many were closed."""
        with self._lock:
            before = len(self._running)
            self._running = [p for p in self._running if p.label.casefold() != label.casefold()]
            return before - len(self._running)

    def other_browsers(self) -> list[BrowserProcess]:
        with self._lock:
            return list(self._running)
