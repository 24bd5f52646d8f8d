"""Wall times of the catalog, one warm scenario and the journey, next to a bare-Chromium baseline.

Run: .venv/bin/python benchmarks/bench_catalog.py [--profile spse-4.3-ca] [--workers auto]
     [--warm-scenario KODOK-003] [--warm-up KODOK-002] [--skip-warm] [--skip-catalog]
     [--skip-journey] [--skip-pages] [--chromium-arg ARG ...] [--catalog-at REV] [--keep DIR]

Measured in one run, on the same machine, one after the other:

- baseline: Playwright starts, launches Chromium with the project's launch options
  (``simulator.browser.launch``), loads one small page from a local HTTP server and closes
  (the median of three);
- warm scenario: a child pytest (``run_scenarios``, as ``spse-sim run`` starts it) that runs a
  warm-up scenario and then the measured one in the same worker; the figure is the measured
  one's junit time (setup + call + teardown), so imports, browser launch and whatever a worker
  prepares once are paid by the warm-up;
- catalog: ``run_scenarios`` of the whole catalog with ``-n WORKERS`` (default ``auto``), with
  the median and slowest scenario (junit times);
- catalog at REV (``--catalog-at``): right after the catalog, the same run of only the scenarios
  the catalog held at the git revision REV that it still holds, as ``spse-sim run ID ... -n
  WORKERS``: with REV e4d90be, the catalog issue 10 timed at ~600 s; set beside the whole
  catalog, it tells what the catalog's growth since then costs from what the speed work gained;
- journey: ``spse-sim run`` (the bare CA journey) in a child process, with the time to its
  first line of output;
- page costs: what one page costs the browser stack in CPU-milliseconds, by kind of process (a
  load in an open page, the first locator read on the new document, a later read, a new browser
  context with its page): a catalog run is hundreds of page loads and over a hundred browser
  contexts, so these say where most of its CPU goes. ``--chromium-arg`` measures a Chromium
  switch against the project's launch options in interleaved rounds.

The catalog and the journey are also measured in CPU-seconds of the whole process tree
(this process and everything it starts: pytest, its workers, Playwright's Node.js drivers,
Chromium's processes), by kind of process, sampled from /proc (Linux). A shared machine moves
wall times by a sixth within the hour; CPU-seconds move less, and say where the time goes.

Every figure is printed with its ratio to the baseline, since machines (and a shared machine's
load, printed too) move absolute times. Nothing here is a test; targets live in
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import http.server
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from simulator.browser.launch import find_chromium, launch_options
from simulator.desk.spamkodok.processes import ProcessEntry, descendants, process_stats
from simulator.scenarios.catalog import CatalogError, find_catalog_dir, load_catalog
from simulator.scenarios.run import ScenarioOutcome, ScenarioRunRequest, run_scenarios
from simulator.scenarios.tags import ID_PATTERN

PAGE = b"<!doctype html><title>baseline</title><h1>SPSE</h1>"
# The checkout this script is in (the journey runs its package; --catalog-at reads its git).
REPO = Path(__file__).resolve().parent.parent


@dataclass
class Figure:
    name: str
    seconds: float
    note: str
    load: str
    cpu: str = ""


# What a process of the tree counts as, from its command line (Chromium names its helpers'
# kind in --type=...; the browser process has none).
_CHROMIUM_KINDS = {
    "renderer": "renderers",
    "gpu-process": "GPU",
    "utility": "utility",
    "zygote": "zygote",
}
_CPU_SAMPLE_S = 0.2


@dataclass(frozen=True)
class _TreeProcess:
    pid: int
    start: str  # start time since boot: with the pid, names one process for good
    cpu: float  # its own CPU-seconds so far
    ended_children_cpu: float  # CPU-seconds of its children that ended and that it waited for


def _tree_processes(tick: int) -> list[_TreeProcess]:
    """The descendants of this process (itself left out) from /proc; none without /proc."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    entries = []
    stats: dict[int, list[str]] = {}
    for pid, fields in process_stats(proc):
        entries.append(ProcessEntry(pid, int(fields[1]), ()))
        stats[pid] = fields
    return [
        _TreeProcess(
            pid,
            stats[pid][19],
            (int(stats[pid][11]) + int(stats[pid][12])) / tick,
            (int(stats[pid][13]) + int(stats[pid][14])) / tick,
        )
        for pid in descendants(entries, os.getpid()) - {os.getpid()}
    ]


def _kind_of(pid: int) -> str | None:
    """The kind of process ``pid`` (None when it has ended meanwhile)."""
    try:
        argv = (Path("/proc") / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return None
    return _process_kind([a.decode(errors="replace") for a in argv if a])


def _process_kind(argv: list[str]) -> str:
    # Chromium rewrites its helpers' command lines into one string (its process titles).
    words = " ".join(argv).split()
    program = Path(words[0]).name if words else ""
    if "chrom" in program:
        for word in words[1:]:
            if word.startswith("--type="):
                return "Chromium " + _CHROMIUM_KINDS.get(word.removeprefix("--type="), "other")
        return "Chromium browser"
    if program.startswith("node"):
        return "Node.js"
    if "python" in program:
        return "Python"
    return "other"


class TreeCpu:
    """CPU-seconds of this process and its descendants while the block runs, by kind of process.

    Descendants are sampled from /proc every ``_CPU_SAMPLE_S`` and counted as last seen: a
    process that lives shorter than that, or the last moment of one, may be missed (a run of
    minutes loses well under a percent). The sampling itself (a few milliseconds a scan) is
    left out of this process's figure. Without /proc it measures nothing (empty summary).
    """

    def __init__(self) -> None:
        self._seen: dict[tuple[int, str], tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample_until_stopped, daemon=True)
        self._own_start = time.process_time()
        self._own = 0.0
        self._sampling = 0.0  # CPU-seconds of the sampling thread
        self._tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def __enter__(self) -> TreeCpu:
        self._own_start = time.process_time()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._own = time.process_time() - self._own_start - self._sampling
        self._sample()

    def _sample_until_stopped(self) -> None:
        while not self._stop.wait(_CPU_SAMPLE_S):
            self._sample()
        self._sampling = time.thread_time()

    def _sample(self) -> None:
        for process in _tree_processes(self._tick):
            key = (process.pid, process.start)
            kind = self._seen[key][0] if key in self._seen else _kind_of(process.pid)
            if kind is not None:
                self._seen[key] = (kind, process.cpu)

    def by_kind(self) -> dict[str, float]:
        kinds: dict[str, float] = {"Python": self._own}
        for kind, cpu in self._seen.values():
            kinds[kind] = kinds.get(kind, 0.0) + cpu
        return kinds

    def summary(self) -> str:
        if not self._seen:
            return ""
        kinds = self.by_kind()
        total = sum(kinds.values())
        parts = ", ".join(
            f"{kind} {cpu:.1f}" for kind, cpu in sorted(kinds.items(), key=lambda kv: -kv[1])
        )
        return f"{total:.1f} CPU-s ({parts})"


def load() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "n/a"
    return f"{one:.1f} {five:.1f} {fifteen:.1f}"


@contextmanager
def static_page() -> Iterator[str]:
    """A local HTTP server answering every GET with one small page; yields its URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def bench_baseline(repeat: int = 3) -> tuple[float, list[float]]:
    """Bare Chromium launch plus one page load: the median of ``repeat`` runs, and all runs."""
    options = launch_options(find_chromium())
    runs = []
    with static_page() as url:
        for _ in range(repeat):
            started = time.perf_counter()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(**options)
                page = browser.new_page()
                page.goto(url)
                assert page.title() == "baseline"
                browser.close()
            runs.append(time.perf_counter() - started)
    return statistics.median(runs), runs


# Chromium's zygote forks the renderers and waits for them: a renderer that ended (its browser
# context closed) is counted as a renderer, not as the zygote.
_ENDED_CHILDREN_KIND = {"Chromium zygote": "Chromium renderers"}


def tree_cpu_now(tick: int) -> dict[str, float]:
    """CPU-seconds so far of this process ("Python") and of each kind of its descendants,
    with the children a descendant waited for after they ended (``_ENDED_CHILDREN_KIND``)."""
    kinds = {"Python": time.process_time()}
    for process in _tree_processes(tick):
        kind = _kind_of(process.pid)
        if kind is not None:
            ended = _ENDED_CHILDREN_KIND.get(kind, kind)
            kinds[kind] = kinds.get(kind, 0.0) + process.cpu
            kinds[ended] = kinds.get(ended, 0.0) + process.ended_children_cpu
    return kinds


@dataclass(frozen=True)
class PageCost:
    """CPU-milliseconds (the whole tree) and wall milliseconds of one repetition of ``name``:
    the median over rounds, and each kind of process's mean over rounds."""

    name: str
    cpu_ms: float
    wall_ms: float
    by_kind: dict[str, float]

    def line(self, width: int) -> str:
        kinds = ", ".join(
            f"{kind} {ms:.1f}"
            for kind, ms in sorted(self.by_kind.items(), key=lambda kv: -kv[1])
            if ms >= 0.05
        )
        return (
            f"  {self.name:<{width}} {self.cpu_ms:6.1f} CPU-ms"
            f"  wall {self.wall_ms:5.1f} ms  ({kinds})"
        )


def _page_actions(browser: Browser, url: str) -> list[tuple[str, Callable[[], object]]]:
    """What ``bench_page_costs`` repeats, on a page of its own in ``browser``."""
    page = browser.new_context().new_page()
    page.goto(url)
    heading = page.get_by_role("heading")

    def load() -> None:
        page.goto(url)

    def load_and_read() -> None:
        page.goto(url)
        heading.inner_text()

    def in_new_context() -> None:
        context = browser.new_context()
        fresh = context.new_page()
        fresh.goto(url)
        fresh.get_by_role("heading").inner_text()
        context.close()

    return [
        ("page load in an open page", load),
        ("page load + first locator read", load_and_read),
        ("later locator read", heading.inner_text),
        ("new context: page, load, read, close", in_new_context),
    ]


def bench_page_costs(
    extra_args: Sequence[str] = (), rounds: int = 5, repeat: int = 20
) -> list[PageCost]:
    """What a page costs the browser stack (Chromium, Playwright's Node.js driver, its Python
    client), on a small local page with the project's launch options: a load in an open page,
    the same with the first locator read on the new document, a later read, and a new browser
    context with its page, one load, one read and its close. With ``extra_args``, a second
    Chromium launched with them as well is measured too, the rounds interleaved."""
    tick = os.sysconf("SC_CLK_TCK")
    samples: dict[str, list[tuple[float, float, dict[str, float]]]] = {}
    with static_page() as url, sync_playwright() as playwright:
        options = launch_options(find_chromium(playwright=playwright))
        variants = {"": options["args"]}
        if extra_args:
            variants[" ".join(extra_args)] = [*options["args"], *extra_args]
        work: list[tuple[str, Callable[[], object]]] = []
        for label, args in variants.items():
            browser = playwright.chromium.launch(**{**options, "args": args})
            suffix = f" [{label}]" if label else ""
            work += [(name + suffix, action) for name, action in _page_actions(browser, url)]
        for _, action in work:
            action()  # warm: compiled code, caches, a context's processes once
        for _ in range(rounds):
            for name, action in work:
                before, started = tree_cpu_now(tick), time.perf_counter()
                for _ in range(repeat):
                    action()
                wall = time.perf_counter() - started
                after = tree_cpu_now(tick)
                spent = {kind: cpu - before.get(kind, 0.0) for kind, cpu in after.items()}
                samples.setdefault(name, []).append((sum(spent.values()), wall, spent))
    costs = []
    for name, runs in samples.items():
        kinds: dict[str, float] = {}
        for _, _, spent in runs:
            for kind, cpu in spent.items():
                kinds[kind] = kinds.get(kind, 0.0) + cpu
        costs.append(
            PageCost(
                name,
                statistics.median(cpu for cpu, _, _ in runs) * 1000 / repeat,
                statistics.median(wall for _, wall, _ in runs) * 1000 / repeat,
                {kind: cpu * 1000 / repeat / len(runs) for kind, cpu in kinds.items()},
            )
        )
    return costs


def junit_times(path: Path, outcomes: Sequence[ScenarioOutcome]) -> list[tuple[str, float]]:
    """(scenario id, seconds: setup + call + teardown) of every testcase, in the order they ran.

    junit.xml names the test function; ``outcomes`` (from outcomes.json) give its scenario id.
    """
    if not path.exists():
        return []
    ids = {o.nodeid.split("::")[-1]: o.scenario_id for o in outcomes}
    cases = []
    for case in ET.parse(path).getroot().iter("testcase"):
        name = case.get("name") or ""
        cases.append((ids.get(name) or name, float(case.get("time") or 0)))
    return cases


def bench_warm(output: Path, profile: str, warm_up: str, scenario: str) -> tuple[float, str]:
    """The junit time of ``scenario`` run right after ``warm_up`` in one serial child pytest."""
    _, outcomes, _ = run_scenarios(
        ScenarioRunRequest(output_dir=output, profile=profile, ids=(warm_up, scenario))
    )
    cases = junit_times(output / "junit.xml", outcomes)
    times = dict(cases)
    statuses = {o.scenario_id: o.status for o in outcomes}
    if scenario not in times:
        return float("nan"), f"{scenario} did not run"
    order = "" if cases[0][0] == warm_up else f" (ran before {warm_up}: not warm)"
    return times[scenario], f"{scenario} {statuses.get(scenario, '?')}{order}"


class CatalogAtError(Exception):
    """--catalog-at names no revision git knows, or one whose catalog shares no scenario."""


# The tags of a Gherkin tag line (comments and step text do not count).
_TAG_LINE = re.compile(r"^\s*(@\S+(?:\s+@\S+)*)\s*$", re.MULTILINE)


def catalog_ids_at(revision: str) -> tuple[list[str], list[str]]:
    """(ids the catalog held at ``revision`` and still holds, ids it held and no longer does).

    The revision's .feature files are read from git wherever they were then (the catalog has
    moved folders), their ids from their tag lines, so files the catalog's parser would refuse
    today still count. "Today" is the catalog a run takes (``$SPSE_SIM_CATALOG`` or the
    packaged one).
    """

    def git(*args: str) -> str:
        try:
            done = subprocess.run(
                ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False
            )
        except OSError as exc:
            raise CatalogAtError(f"--catalog-at {revision}: git: {exc.strerror}") from exc
        if done.returncode != 0:
            why = done.stderr.strip() or "not a revision of this checkout"
            raise CatalogAtError(f"--catalog-at {revision}: {why}")
        return done.stdout

    # The commit it names (refused unless it names one; never read as an option of git's).
    commit = git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    commit = commit.strip()
    files = git("ls-tree", "-r", "--name-only", commit).splitlines()
    held = {
        tag.removeprefix("@")
        for name in files
        if name.endswith(".feature")
        for line in _TAG_LINE.findall(git("show", f"{commit}:{name}"))
        for tag in line.split()
        if ID_PATTERN.match(tag.removeprefix("@"))
    }
    try:
        today = {entry.scenario_id for entry in load_catalog(find_catalog_dir())}
    except CatalogError as exc:
        raise CatalogAtError(f"--catalog-at {revision}: {exc}") from exc
    kept = sorted(held & today)
    if not kept:
        raise CatalogAtError(f"--catalog-at {revision}: none of its scenarios is in the catalog")
    return kept, sorted(held - today)


def bench_catalog(
    output: Path, profile: str, workers: str, ids: Sequence[str] = ()
) -> tuple[float, str, str]:
    """Wall time, outcome summary and CPU-seconds (the whole tree) of the catalog, or of the
    scenarios ``ids`` only."""
    started = time.perf_counter()
    with TreeCpu() as cpu:
        _, outcomes, _ = run_scenarios(
            ScenarioRunRequest(output_dir=output, profile=profile, workers=workers, ids=ids)
        )
    seconds = time.perf_counter() - started
    counts = Counter(o.status for o in outcomes)
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    times = [t for _, t in junit_times(output / "junit.xml", outcomes)]
    if times:
        summary += f"; per scenario median {statistics.median(times):.1f} s, max {max(times):.1f} s"
    walked = sum(1 for o in outcomes if o.status in ("passed", "failed", "flaky"))
    spent = cpu.summary()
    if spent and walked:
        spent += f"; {sum(cpu.by_kind().values()) / walked:.2f} CPU-s per scenario run"
    return seconds, summary, spent


def bench_journey(output: Path, profile: str) -> tuple[float, str, str]:
    """``spse-sim run`` in a child process: wall time, and time to its first line of output."""
    package_root = REPO
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(package_root), env.get("PYTHONPATH")) if p)
    command = [sys.executable, "-P", "-m", "simulator.cli.main", "run"]
    command += ["--profile", profile, "--output", str(output)]
    started = time.perf_counter()
    first_line: float | None = None
    with (
        TreeCpu() as cpu,
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
        ) as child,
    ):
        assert child.stdout is not None
        tail = ""
        for line in child.stdout:
            if first_line is None:
                first_line = time.perf_counter() - started
            tail = line.strip() or tail
        code = child.wait()
    seconds = time.perf_counter() - started
    status = "passed" if code == 0 else f"exit {code}: {tail[:80]}"
    return seconds, f"{status}; first line after {first_line or float('nan'):.1f} s", cpu.summary()


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--profile", default="spse-4.3-ca", help="SPSE profile to run")
    parser.add_argument("--workers", default="auto", help="-n value for the catalog run")
    parser.add_argument("--warm-scenario", default="KODOK-003", help="scenario timed warm")
    parser.add_argument(
        "--warm-up", default="KODOK-002", help="scenario run before it (collected before it)"
    )
    parser.add_argument("--skip-warm", action="store_true", help="no warm scenario")
    parser.add_argument("--skip-catalog", action="store_true", help="no catalog run")
    parser.add_argument("--skip-journey", action="store_true", help="no journey")
    parser.add_argument("--skip-pages", action="store_true", help="no page costs")
    parser.add_argument(
        "--chromium-arg",
        action="append",
        default=[],
        metavar="ARG",
        help="page costs also with this Chromium switch added (repeatable)",
    )
    parser.add_argument(
        "--catalog-at",
        metavar="REV",
        help="also run only the scenarios the catalog held at git revision REV (e4d90be: the "
        "catalog issue 10 timed), after the catalog unless --skip-catalog",
    )
    parser.add_argument("--keep", metavar="DIR", help="keep the run folders here")
    args = parser.parse_args()
    then: list[str] = []
    if args.catalog_at is not None:
        try:
            then, gone = catalog_ids_at(args.catalog_at)
        except CatalogAtError as exc:
            parser.error(str(exc))
        print(
            f"catalog at {args.catalog_at}: {len(then)} scenarios still in the catalog"
            + (f" (no longer: {', '.join(gone)})" if gone else ""),
            flush=True,
        )

    print(
        f"{datetime.now(UTC):%Y-%m-%d}  Python {platform.python_version()}  "
        f"{platform.machine()}  {os.cpu_count()} CPU(s)  profile {args.profile}",
        flush=True,
    )
    figures: list[Figure] = []

    def measured(name: str, seconds: float, note: str, before: str, cpu: str = "") -> None:
        figures.append(Figure(name, seconds, note, f"{before} -> {load()}", cpu))
        print(_line(figures[-1], figures[0].seconds), flush=True)

    with tempfile.TemporaryDirectory(prefix="bench-catalog-") as scratch:
        root = Path(args.keep) if args.keep else Path(scratch)
        root.mkdir(parents=True, exist_ok=True)
        before = load()
        baseline, runs = bench_baseline()
        measured(
            "baseline (Chromium + 1 page)",
            baseline,
            "median of " + ", ".join(f"{r:.2f}" for r in runs),
            before,
        )
        if not args.skip_pages:
            before = load()
            costs = bench_page_costs(args.chromium_arg)
            print(_page_costs_section(costs, f"{before} -> {load()}"), flush=True)
        if not args.skip_warm:
            before = load()
            seconds, note = bench_warm(
                root / "warm", args.profile, args.warm_up, args.warm_scenario
            )
            measured("one warm scenario", seconds, note, before)
        if not args.skip_catalog:
            before = load()
            seconds, note, cpu = bench_catalog(root / "catalog", args.profile, args.workers)
            measured(f"catalog -n {args.workers}", seconds, note, before, cpu)
        if then:
            before = load()
            seconds, note, cpu = bench_catalog(
                root / "catalog-at", args.profile, args.workers, ids=then
            )
            measured(f"catalog at {args.catalog_at} -n {args.workers}", seconds, note, before, cpu)
        if not args.skip_journey:
            before = load()
            seconds, note, cpu = bench_journey(root / "journey", args.profile)
            measured("journey (spse-sim run)", seconds, note, before, cpu)
    print()
    print(f"{'what':<30} {'wall s':>8} {'x base':>8}   note   load before -> after")
    for figure in figures:
        print(_line(figure, baseline))
    if not args.skip_pages:
        print(_page_costs_section(costs, ""))
    return 0


def _page_costs_section(costs: Sequence[PageCost], load_change: str) -> str:
    head = "page costs, per repetition (the whole tree's CPU by kind of process)"
    if load_change:
        head += f"   load {load_change}"
    width = max((len(cost.name) for cost in costs), default=0)
    return "\n".join([head, *(cost.line(width) for cost in costs)])


def _line(figure: Figure, baseline: float) -> str:
    ratio = figure.seconds / baseline if baseline > 0 else float("nan")
    line = (
        f"{figure.name:<30} {figure.seconds:8.1f} {ratio:8.1f}   {figure.note}   load {figure.load}"
    )
    if figure.cpu:
        line += f"\n{'':<30} {'':>8} {'':>8}   {figure.cpu}"
    return line


if __name__ == "__main__":
    sys.exit(main())
