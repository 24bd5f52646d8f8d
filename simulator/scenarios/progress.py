"""Live progress of a catalog run: one line per scenario as it finishes, instead of pytest's dots.

Registered (``--sim-progress``) in the process that reports: the only process of a serial run,
the controller under pytest-xdist (which sees every worker's reports in
``pytest_runtest_logreport``). A line names the scenario id, its status in Bahasa Indonesia,
its seconds (setup, steps and teardown) and its title in full::

    [ 3/49] KODOK-003  LOLOS           12.4 dtk  Nama file 41 karakter ditolak

pytest's own progress letters are suppressed while it is on (its summary stays).
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import pytest
from pytest_bdd.parser import render_string
from pytest_bdd.scenario import scenario_wrapper_template_registry

from simulator.scenarios.run import full_title
from simulator.scenarios.statuses import report_status, status_label, status_label_width
from spse_shared.language import tr

TITLE_PROPERTY = "title"
ID_PROPERTY = "scenario_id"
FEATURE_PROPERTY = "feature"
TAGS_PROPERTY = "tags"
EXAMPLE_PROPERTY = "example"


def scenario_title(item: pytest.Item) -> str:
    """The scenario's title as written in the feature file, example values filled in."""
    template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))  # type: ignore[arg-type]
    if template is None:
        return item.name
    callspec = getattr(item, "callspec", None)
    example = callspec.params.get("_pytest_bdd_example", {}) if callspec is not None else {}
    return render_string(template.name, example if isinstance(example, dict) else {})


def scenario_feature(item: pytest.Item) -> str:
    """The name of the feature (Gherkin "Fitur") the scenario is in; "" for other tests."""
    template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))  # type: ignore[arg-type]
    return template.feature.name if template is not None else ""


def scenario_example(item: pytest.Item) -> int:
    """For a row of a "Skenario konsep" table, the row's number (from 1); else 0."""
    callspec = getattr(item, "callspec", None)
    if callspec is None or "_pytest_bdd_example" not in callspec.indices:
        return 0
    template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))  # type: ignore[arg-type]
    if template is None or not template.templated:
        return 0
    return int(callspec.indices["_pytest_bdd_example"]) + 1


@dataclass
class _Running:
    status: str = ""
    seconds: float = 0.0
    scenario_id: str = ""
    title: str = ""
    example: int = 0


def _quiet(*args: object, **kwargs: object) -> None:
    """Print nothing (replaces pytest-xdist's status lines)."""


class ProgressReporter:
    """A pytest plugin object printing one line per finished scenario."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.total: int | None = None
        self.done = 0
        self._running: dict[str, _Running] = {}

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        """Before xdist starts its workers: our lines replace its status lines too ("bringing
        up nodes...", "2 workers [3 items]"), which its controller writes however quiet."""
        status = self.config.pluginmanager.get_plugin("terminaldistreporter")
        if status is not None:
            status.setstatus = _quiet
            status.ensure_show_status = _quiet

    @pytest.hookimpl(trylast=True)
    def pytest_keyboard_interrupt(self, excinfo: pytest.ExceptionInfo[BaseException]) -> None:
        """Ctrl-C is spse-sim's to report (one line, where the finished scenarios are): not
        pytest's banner, the line of code that was running and its --full-trace hint, which
        its terminal reporter prints at the end from what it kept here."""
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None and hasattr(reporter, "_keyboardinterrupt_memo"):
            reporter._keyboardinterrupt_memo = None

    # How many will run: a serial run collects here, xdist's controller hears it from workers.
    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.total = len(session.items)

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node: object, ids: list[str]) -> None:
        self.total = len(ids)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        state = self._running.setdefault(report.nodeid, _Running())
        state.seconds += report.duration
        props = dict(report.user_properties)
        state.scenario_id = str(props.get(ID_PROPERTY) or state.scenario_id)
        state.title = str(props.get(TITLE_PROPERTY) or state.title)
        state.example = int(str(props.get(EXAMPLE_PROPERTY) or state.example))
        # The call decides, or the first phase that did not pass (a failed setup or teardown).
        undecided = not state.status or (state.status == "passed" and report.failed)
        if undecided and (report.when == "call" or not report.passed):
            state.status = report_status(report)
        if report.when == "teardown":
            del self._running[report.nodeid]
            self.done += 1
            self._print(report.nodeid, state)

    @pytest.hookimpl(wrapper=True)
    def pytest_report_teststatus(
        self, report: pytest.TestReport, config: pytest.Config
    ) -> Generator[None, tuple[str, str, str] | None, tuple[str, str, str] | None]:
        """Keep pytest's categories (its summary counts them), drop its progress letters."""
        result = yield
        if result is None:
            return None
        category, _letter, word = result
        return category, "", word

    def _print(self, nodeid: str, state: _Running) -> None:
        width = len(str(self.total or ""))
        count = f"{self.done:>{width}}/{self.total}" if self.total else str(self.done)
        word = f"{status_label(state.status):<{status_label_width()}}"
        name = state.scenario_id or nodeid.split("::")[-1]
        title = full_title("", state.title, state.example)
        took = tr("{n} dtk", n=f"{state.seconds:6.1f}")
        line = f"[{count}] {name:<10} {word} {took}  {title}"
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is None:
            print(line, flush=True)
            return
        reporter.write_line(line)
        reporter.flush()
