"""Allure results of a catalog run: the scenario's tags as labels, its evidence as attachments.

allure-pytest-bdd (``--alluredir``) writes a result per scenario with its Gherkin steps. This
plugin, registered from ``simulator.scenarios.fixtures`` when ``--alluredir`` is given, adds what an
LPSE's Allure (Jenkins/GitLab plugins, Allure TestOps) groups and filters by:

- labels: ``as_id`` (the KODOK id, Allure TestOps' id), ``epic`` (the source document),
  ``story`` (each rule of the Konsep Operasional the scenario reproduces), ``tag`` (every
  Gherkin tag) and ``sumber``/``aturan``/``profil`` (the tags' values, as custom labels);
- the title: id, title and example row, as report.html and JUnit name it; the testCaseId
  from the id (so Allure's history follows a scenario through a change of title);
- attachments, after the evidence folder is written: the step screenshots, the Playwright
  traces (Allure 3 opens them in its trace viewer), the expected-vs-observed checks, the
  chronology and the Word report.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterable
from pathlib import Path
from typing import Any

import allure
import allure_commons
import pytest
from allure_commons.model2 import Label, Parameter, Status, StatusDetails, TestResult
from allure_commons.types import AttachmentType
from allure_commons.utils import md5, represent, uuid4
from allure_pytest_bdd import pytest_bdd_listener

from simulator.harness.environment import RunOptions
from simulator.harness.run_folder import (
    CHRONOLOGY_NAME,
    REPORT_NAME,
    SCREENSHOTS_FOLDER,
    TRACES_FOLDER,
)
from simulator.scenarios.catalog import (
    PROFILE_PREFIX,
    RULE_PREFIX,
    SEED_RULES,
    SOURCE_DOCUMENT,
    SOURCE_PREFIX,
)
from simulator.scenarios.progress import scenario_example, scenario_feature, scenario_title
from simulator.scenarios.run import full_title
from simulator.scenarios.tags import ID_PATTERN, scenario_id, scenario_tags
from simulator.scenarios.world import WORLD_KEY

LABEL_MARK = "allure_label"  # allure-pytest-bdd reads labels off marks of this name
PLAYWRIGHT_TRACE = "application/vnd.allure.playwright-trace"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Custom label names: the tags' kinds, as the catalog spells their prefixes.
SOURCE_LABEL, RULE_LABEL, PROFILE_LABEL = "sumber", "aturan", "profil"


def allure_labels(tags: Iterable[str]) -> list[tuple[str, str]]:
    """(label, value) pairs for a scenario's Gherkin tags."""
    rules = {r.rule_id: r for r in SEED_RULES}
    labels: list[tuple[str, str]] = [("epic", SOURCE_DOCUMENT)]
    for tag in sorted(tags):
        labels.append(("tag", tag))
        if ID_PATTERN.match(tag):
            labels.append(("as_id", tag))
        elif tag.startswith(SOURCE_PREFIX):
            labels.append((SOURCE_LABEL, tag.removeprefix(SOURCE_PREFIX)))
        elif tag.startswith(PROFILE_PREFIX):
            labels.append((PROFILE_LABEL, tag.removeprefix(PROFILE_PREFIX)))
        elif tag.startswith(RULE_PREFIX):
            rule_id = tag.removeprefix(RULE_PREFIX)
            labels.append((RULE_LABEL, rule_id))
            rule = rules.get(rule_id)
            if rule is not None:
                labels.append(("story", f"{rule_id}: {rule.text}"))
    return labels


def mark_labels(items: Iterable[pytest.Item]) -> None:
    """Put every catalog scenario's labels on it, where allure-pytest-bdd reads them."""
    for item in items:
        for name, value in allure_labels(scenario_tags(item)):
            item.add_marker(getattr(pytest.mark, LABEL_MARK)(value, label_type=name))


def _title_path(request: pytest.FixtureRequest, feature: Any) -> list[str]:
    """allure-pytest-bdd's titlePath (folders of the feature file, then the feature's name),
    for a catalog anywhere: its own raises ValueError for a feature file outside pytest's
    rootdir (``--catalog DIR``, an installed package run from another folder)."""
    try:
        return list(_allure_title_path(request, feature))
    except ValueError:
        return [str(feature.name or Path(feature.filename).name)]


_allure_title_path = pytest_bdd_listener.get_title_path


class AllureEvidence:
    """The plugin object ("sim-allure"): title at the start, evidence before the result is
    written (allure-pytest-bdd writes it when the teardown's report is made)."""

    def __init__(self) -> None:
        pytest_bdd_listener.get_title_path = _title_path

    @pytest.hookimpl(trylast=True)
    def pytest_bdd_before_scenario(
        self, request: pytest.FixtureRequest, feature: Any, scenario: Any
    ) -> None:
        item = request.node
        allure.dynamic.title(
            full_title(scenario_id(item), scenario_title(item), scenario_example(item))
        )
        # Allure's history follows testCaseId (and the example's values): the KODOK id is
        # stable by design, a title is not, so history survives a renamed scenario.
        listener = _listener(request.config)
        if listener is not None and scenario_id(item):
            uuid = listener.nodeid_to_uuid[item.nodeid]
            with listener.lifecycle.update_test_case(uuid=uuid) as result:
                if result is not None:
                    result.testCaseId = md5(scenario_id(item))

    @pytest.hookimpl(hookwrapper=True, tryfirst=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, Any, None]:
        if call.when == "teardown" and scenario_tags(item):
            _attach_evidence(item)
        outcome = yield
        report: pytest.TestReport = outcome.get_result()
        if report.when == "setup" and report.skipped and scenario_tags(item):
            # Not applicable (skipped before the scenario began): allure-pytest-bdd only
            # records scenarios that began, yet Allure should list it, as JUnit does.
            _write_skipped(item, report)


def _listener(config: pytest.Config) -> pytest_bdd_listener.PytestBDDListener | None:
    """allure-pytest-bdd's listener (it registers without a name)."""
    for plugin in config.pluginmanager.get_plugins():
        if isinstance(plugin, pytest_bdd_listener.PytestBDDListener):
            return plugin
    return None


def _attach_evidence(item: pytest.Item) -> None:
    world = item.stash.get(WORLD_KEY, None)
    # Steps ask for the world lazily: its environment knows the scenario's folder.
    options = world.env.options if world is not None else None
    options = options or (getattr(item, "funcargs", None) or {}).get("sim_options")
    if not isinstance(options, RunOptions):
        return
    folder = options.output_dir
    if world is not None and world.observations:
        checks = [
            {"langkah": o.step, "diharapkan": o.expected, "teramati": o.observed, "cocok": o.ok}
            for o in world.observations
        ]
        allure.attach(
            json.dumps(checks, indent=2, ensure_ascii=False),
            name="diharapkan vs teramati",
            attachment_type=AttachmentType.JSON,
        )
    for shot in sorted((folder / SCREENSHOTS_FOLDER).glob("*.png")):
        allure.attach.file(str(shot), name=shot.stem, attachment_type=AttachmentType.PNG)
    for trace in sorted((folder / TRACES_FOLDER).glob("*.zip")):
        _attach_file(trace, f"trace {trace.stem}", PLAYWRIGHT_TRACE, "zip")
    if (folder / CHRONOLOGY_NAME).is_file():
        allure.attach.file(
            str(folder / CHRONOLOGY_NAME), name="kronologi", attachment_type=AttachmentType.JSON
        )
    if (folder / REPORT_NAME).is_file():
        _attach_file(folder / REPORT_NAME, "laporan Word", DOCX, "docx")


def _write_skipped(item: pytest.Item, report: pytest.TestReport) -> None:
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    title = full_title(scenario_id(item), scenario_title(item), scenario_example(item))
    stamp = int(report.start * 1000)
    case_id = md5(scenario_id(item))
    callspec = getattr(item, "callspec", None)
    values = callspec.params.get("_pytest_bdd_example", {}) if callspec is not None else {}
    example: dict[str, Any] = values if isinstance(values, dict) else {}
    result = TestResult(
        uuid=uuid4(),
        name=title,
        fullName=f"{scenario_feature(item)}: {title}",
        testCaseId=case_id,
        # As allure-pytest-bdd makes it for a scenario that ran: one history per example row.
        historyId=f"{case_id}.{md5(*(represent(example[k]) for k in sorted(example)))}",
        parameters=[Parameter(name=k, value=represent(example[k])) for k in sorted(example)],
        status=Status.SKIPPED,
        statusDetails=StatusDetails(message=str(reason).removeprefix("Skipped: ")),
        start=stamp,
        stop=stamp,
        labels=[
            Label(name="feature", value=scenario_feature(item)),
            *(Label(name=n, value=v) for n, v in allure_labels(scenario_tags(item))),
        ],
    )
    allure_commons.plugin_manager.hook.report_result(result=result)


def _attach_file(path: Path, name: str, mime: str, extension: str) -> None:
    # A MIME type Allure knows but allure-python has no member for: passed as a plain string.
    allure.attach.file(str(path), name=name, attachment_type=mime, extension=extension)
