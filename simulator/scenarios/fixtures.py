"""pytest fixtures for driving the fake SPSE with SpamKodok desks, and the hooks around a test.

Loaded by ``simulator.scenarios.plugin`` in a process that runs tests. A chain of small
fixtures, each overridable: ``sim_browser`` (one Chromium per session) and
``sim_server_host`` (one web server per session, i.e. per xdist worker) -> ``sim_options`` (per
test: its own output and data folder) -> ``sim_env`` (a fresh fake SPSE loaded into the
session's server, and desks: a browser context each).

A scenario's Givens are arranged through /_sim/arrange unless it is tagged ``@jalan-ui``
(see simulator/scenarios/steps/common.py).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import zlib
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, sync_playwright

import simulator.scenarios.steps
from fake_spse.server import ServerHost
from simulator.browser.launch import find_chromium, launch_options
from simulator.harness.environment import RunOptions, SimEnvironment
from simulator.harness.gc_settings import settle_after_startup
from simulator.harness.simcontrol import ControlPlaneUnavailable
from simulator.scenarios.allure_evidence import AllureEvidence, mark_labels
from simulator.scenarios.artifacts import ARTIFACTS_ALWAYS, records, scenario_artifacts
from simulator.scenarios.catalog import applies_to_profile, named_profiles
from simulator.scenarios.evidence_hooks import EvidencePlugin
from simulator.scenarios.progress import (
    EXAMPLE_PROPERTY,
    FEATURE_PROPERTY,
    TAGS_PROPERTY,
    scenario_example,
    scenario_feature,
    scenario_title,
)
from simulator.scenarios.schedule import longest_first, step_count
from simulator.scenarios.shard import ShardPlugin, scenario_weight
from simulator.scenarios.statuses import not_applicable_reason
from simulator.scenarios.tags import keep_tag, scenario_id, scenario_tags
from simulator.scenarios.unfinished import UnfinishedScenario, write_started
from simulator.scenarios.world import WORLD_KEY
from spse_shared.language import tr


@pytest.fixture(scope="session")
def sim_browser(pytestconfig: pytest.Config) -> Iterator[Browser]:
    """One Chromium for the whole session; each desk gets its own context."""
    with sync_playwright() as playwright:
        headless = not pytestconfig.getoption("--sim-headed")
        options = launch_options(
            find_chromium(playwright=playwright, headless=headless),
            headless=headless,
            slow_mo_ms=pytestconfig.getoption("--sim-slowmo"),
        )
        browser = playwright.chromium.launch(**options)
        yield browser
        browser.close()


@pytest.fixture
def sim_options(
    pytestconfig: pytest.Config,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
) -> RunOptions:
    """Per test: its own output folder (and so its own server data directory).

    A catalog scenario's folder is ``<basetemp>/<id>`` (``<id>-2``... for more examples of one
    scenario): made with ``mktemp``, so no tmp_path retention policy removes it. Other tests
    use ``tmp_path/run``.
    """
    scenario = scenario_id(request.node)
    if not scenario:
        output: Path = request.getfixturevalue("tmp_path") / "run"
    for attempt in range(1, 1000) if scenario else ():
        try:
            output = tmp_path_factory.mktemp(
                scenario if attempt == 1 else f"{scenario}-{attempt}", numbered=False
            )
            break
        except FileExistsError:
            continue
    if scenario:
        # Named so that a Ctrl-C that cuts the scenario off can name it too.
        node = request.node
        started = UnfinishedScenario(
            scenario,
            scenario_title(node),
            feature=scenario_feature(node),
            example=scenario_example(node),
            nodeid=node.nodeid,
        )
        write_started(output, started)
    seed: int = pytestconfig.getoption("--sim-seed")
    if pytestconfig.getoption("--sim-base-url"):
        # Another deployment keeps its state between scenarios and runs: each scenario (and
        # each re-run, in its own folder) needs people of its own, so the seed follows the folder.
        seed += zlib.crc32(str(output.resolve()).encode())
    return RunOptions(
        output_dir=output,
        profile=pytestconfig.getoption("--sim-profile"),
        seed=seed,
        headless=not pytestconfig.getoption("--sim-headed"),
        slow_mo_ms=pytestconfig.getoption("--sim-slowmo"),
        base_url=pytestconfig.getoption("--sim-base-url"),
        video_dir=Path(video) if (video := pytestconfig.getoption("--sim-video")) else None,
    )


@pytest.fixture(scope="session")
def sim_server_host() -> Iterator[ServerHost]:
    """One web server for the whole session; each test loads its own fake SPSE into it (its
    data directory a copy of an empty one made once per session, schemas included)."""
    with ServerHost(templates=True) as host:
        yield host


@pytest.fixture
def sim_artifacts(pytestconfig: pytest.Config, request: pytest.FixtureRequest) -> str:
    """What the test's environment records (``--sim-artifacts``, ``--sim-evidence``, the
    scenario's ``@rekaman`` tag); a test module may override it to pin a mode."""
    return scenario_artifacts(
        pytestconfig.getoption("--sim-artifacts"),
        evidence=bool(pytestconfig.getoption("--sim-evidence")),
        tags=scenario_tags(request.node),
    )


@pytest.fixture
def sim_env(
    sim_artifacts: str,
    sim_options: RunOptions,
    sim_browser: Browser,
    sim_server_host: ServerHost,
) -> Iterator[SimEnvironment]:
    """A fresh fake SPSE (own data folder) on the session's port, desks in the shared browser."""
    with SimEnvironment(sim_options, browser=sim_browser, server_host=sim_server_host) as env:
        artifacts = sim_artifacts
        # "on-first-retry": a first attempt records nothing (no trace, no step screenshots).
        env.recording = records(artifacts)
        # Screencast frames in traces only when every scenario's evidence is kept: a failure
        # keeps its DOM snapshots and its per-step screenshots either way.
        env.trace_screenshots = artifacts == ARTIFACTS_ALWAYS
        yield env


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.has_plugin("sim-evidence"):
        always = bool(config.getoption("--sim-evidence"))
        artifacts = config.getoption("--sim-artifacts")
        config.pluginmanager.register(
            EvidencePlugin(always=always, artifacts=artifacts), "sim-evidence"
        )
    # allure-pytest-bdd writes results when given --alluredir; we add labels and evidence.
    if config.getoption("allure_report_dir", None) and not config.pluginmanager.has_plugin(
        "sim-allure"
    ):
        config.pluginmanager.register(AllureEvidence(), "sim-allure")
    shard = config.getoption("--sim-shard")
    if shard is not None and not config.pluginmanager.has_plugin("sim-shard"):
        plugin = ShardPlugin(shard, key=shard_key, weight=shard_weight)
        config.pluginmanager.register(plugin, "sim-shard")
    # Every module of simulator.scenarios.steps is a plugin: its step definitions become fixtures
    # available to every feature file, wherever the test module binding the catalog lives.
    for module in pkgutil.iter_modules(simulator.scenarios.steps.__path__):
        name = f"simulator.scenarios.steps.{module.name}"
        if not config.pluginmanager.has_plugin(name):
            config.pluginmanager.register(importlib.import_module(name), name)


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_apply_tag(tag: str, function: Any) -> bool:
    """Keep Gherkin tags (ids like KODOK-012 are no valid marker names) on the test function."""
    keep_tag(function, tag)
    return True


def shard_key(item: pytest.Item) -> str:
    """What ``--sim-shard`` slices by: the scenario id, else (not a catalog test) the node id."""
    return scenario_id(item) or item.nodeid


def shard_weight(item: pytest.Item) -> int:
    """What ``--sim-shard`` balances (1 for a test that is no catalog scenario)."""
    steps = step_count(item)
    if steps is None:
        return 1
    return scenario_weight(steps, scenario_tags(item), item.config.getoption("--sim-profile"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.pluginmanager.has_plugin("sim-allure"):
        mark_labels(items)
    wanted = {i.upper() for i in config.getoption("--sim-scenario")}
    if wanted:
        selected = [i for i in items if scenario_tags(i) & wanted]
        deselected = [i for i in items if i not in selected]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
        items[:] = selected
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # Only workers collect under xdist; a run without workers keeps the catalog's order.
        longest_first(items)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    if session.config.getoption("--sim-report"):
        # A scenario run: what imports and collection made lives as long as the worker. Frozen
        # out of the garbage collector's sight, the collections during the run (and the two
        # pytest makes at its end) scan only what scenarios made, not the whole startup heap
        # again (about 0.1 CPU-s each), and they come less often (gc_settings).
        settle_after_startup()


@pytest.fixture(autouse=True)
def _scenario_applies_to_profile(request: pytest.FixtureRequest) -> None:
    """A scenario tagged for other profiles is reported as not applicable, never as passed."""
    tags = scenario_tags(request.node)
    profile = request.config.getoption("--sim-profile")
    if not applies_to_profile(tags, profile):
        profiles = named_profiles(tags)
        why = tr(
            "tidak berlaku untuk profil {profile} (hanya {profiles})",
            profile=profile,
            profiles=", ".join(sorted(profiles)),
        )
        pytest.skip(not_applicable_reason(why))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    outcome = yield
    report = outcome.get_result()
    known = dict(report.user_properties)
    if scenario_tags(item) and FEATURE_PROPERTY not in known:
        # What the reports group and label by (JUnit classname, Allure labels, report.html).
        report.user_properties.append((FEATURE_PROPERTY, scenario_feature(item)))
        report.user_properties.append((TAGS_PROPERTY, sorted(scenario_tags(item))))
        report.user_properties.append((EXAMPLE_PROPERTY, scenario_example(item)))
    if report.when != "call" and not (report.when == "setup" and report.skipped):
        return
    world = item.stash.get(WORLD_KEY, None)
    observations = world.observations if world is not None else []
    report.user_properties.append(
        ("observations", [(o.step, o.expected, o.observed, o.ok) for o in observations])
    )
    report.user_properties.append(("scenario_id", scenario_id(item)))
    # Steps ask for the world lazily: its environment knows the scenario's folder.
    options = world.env.options if world is not None else None
    options = options or getattr(item, "funcargs", {}).get("sim_options")
    if isinstance(options, RunOptions):
        # Where the scenario's evidence is (screenshots, traces, Word report), for reports.
        report.user_properties.append(("artifacts_dir", str(options.output_dir)))


# Runs against another deployment (--sim-base-url) -----------------------------------------------
# Scenarios tagged so need /_sim (clock, faults, seeded staff): not applicable there. Untagged
# ones that reach for /_sim anyway become not applicable at that moment.
CONTROL_PLANE_TAG = "butuh-kendali-sim"


@pytest.fixture(autouse=True)
def _scenario_needs_control_plane(request: pytest.FixtureRequest) -> None:
    if not request.config.getoption("--sim-base-url"):
        return
    if CONTROL_PLANE_TAG in scenario_tags(request.node):
        pytest.skip(
            not_applicable_reason(tr("butuh /_sim (kendali simulasi), tidak ada pada --base-url"))
        )


@pytest.hookimpl(wrapper=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> Generator[None, object, object]:
    try:
        return (yield)
    except ControlPlaneUnavailable as exc:
        pytest.skip(
            not_applicable_reason(tr("butuh /_sim (kendali simulasi): {reason}", reason=exc))
        )
