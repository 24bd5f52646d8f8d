"""pytest-bdd hooks that leave the evidence of every scenario in its own output folder.

Registered from ``simulator.scenarios.fixtures`` as the plugin "sim-evidence". For each scenario:

- before a step: the step starts in the scenario's ``Chronology`` (simulated and wall time);
- after it, or at its error: the outcome, the page of the step's actor (the actor named in the
  step text, else the one named last) with its title, URL and shown messages, and a screenshot;
  at an error also a screenshot of every other desk;
- after the scenario (environment still up): the identity for the report;
- after teardown (environment closed, so traces, server log and fired faults are written): the
  folder's index.json, and the Word report when the scenario failed (or ``--sim-evidence``).

Evidence is complete for failures and cheap for passes (simulator/scenarios/artifacts.py):

- ``on-first-retry``: the environment records nothing (``SimEnvironment.recording`` off: no
  trace, no step screenshots); a failing step still photographs every desk. Such an attempt
  writes no Word report: ``spse-sim run`` re-runs the failure recording, and that attempt's
  report is the complete one (``spse-sim evidence`` builds one from this folder if wanted).
- ``on-failure`` (as pytest-playwright's ``--tracing retain-on-failure`` and ``--screenshot
  only-on-failure``): every scenario records; one that did not fail drops its Playwright traces
  (recorded, then discarded unsaved) and its step screenshots.
- ``always`` (implied by ``--sim-evidence``, whose Word report shows them): everything is kept.

Whatever the mode, the chronology, checks, server log and fired faults stay; the folder's
index.json says whether the attempt recorded (``"recorded"``) and which desks started a
Playwright trace (``"traced_desks"``).
"""

from __future__ import annotations

import shutil
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Page

from simulator.evidence.bundle import Identity
from simulator.evidence.docx import finish_folder
from simulator.evidence.identity import identify
from simulator.evidence.vendor_errors import VendorLogin, write_credentials
from simulator.harness.chronology import Chronology, describe_exception
from simulator.harness.environment import SimEnvironment
from simulator.harness.run_folder import SCREENSHOTS_FOLDER
from simulator.harness.step_record import StepRecord
from simulator.scenarios.artifacts import (
    ARTIFACTS_ALWAYS,
    ARTIFACTS_ON_FAILURE,
    effective_artifacts,
)
from simulator.scenarios.progress import ID_PROPERTY, TITLE_PROPERTY, scenario_title
from simulator.scenarios.tags import scenario_id
from simulator.scenarios.world import WORLD_KEY, Actor, World
from spse_shared.language import tr


@dataclass
class ScenarioEvidence:
    """What one scenario has recorded so far."""

    feature: str
    title: str
    env: SimEnvironment | None = None
    log: Chronology | None = None
    record: StepRecord | None = None
    current_actor: str | None = None
    identity: Identity = field(default_factory=Identity)
    reports: dict[str, pytest.TestReport] = field(default_factory=dict)


STATE_KEY = pytest.StashKey[ScenarioEvidence]()


class EvidencePlugin:
    """The hooks; ``always`` writes the Word report for passing scenarios too, ``artifacts``
    (ARTIFACT_CHOICES) says what passes keep (``always`` keeps everything: the report shows it).

    Whether an attempt records at all is the environment's ``recording``, set by the
    ``sim_env`` fixture from the same mode before any desk opens.
    """

    def __init__(self, *, always: bool, artifacts: str = ARTIFACTS_ON_FAILURE) -> None:
        self.always = always
        self.keep_all = effective_artifacts(artifacts, evidence=always) == ARTIFACTS_ALWAYS

    # pytest-bdd hooks -------------------------------------------------------------------------
    def pytest_bdd_before_scenario(
        self, request: pytest.FixtureRequest, feature: Any, scenario: Any
    ) -> None:
        request.node.stash[STATE_KEY] = ScenarioEvidence(feature.name, scenario.name)

    def pytest_bdd_before_step(
        self, request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, step_func: Any
    ) -> None:
        state = self._state(request, feature, scenario)
        if state.log is None:
            env: SimEnvironment = request.getfixturevalue("sim_env")
            state.env = env
            state.log = Chronology(env.output_dir, env.sim, step_screenshots=env.recording)
        state.record = state.log.begin(_step_title(step), "")

    def pytest_bdd_after_step(
        self,
        request: pytest.FixtureRequest,
        feature: Any,
        scenario: Any,
        step: Any,
        step_func: Any,
        step_func_args: dict[str, object],
    ) -> None:
        self._finish(request, step, ok=True, notes=[])

    def pytest_bdd_step_error(
        self,
        request: pytest.FixtureRequest,
        feature: Any,
        scenario: Any,
        step: Any,
        step_func: Any,
        step_func_args: dict[str, object],
        exception: Exception,
    ) -> None:
        self._finish(request, step, ok=False, notes=[describe_exception(exception)])

    def pytest_bdd_step_func_lookup_error(
        self,
        request: pytest.FixtureRequest,
        feature: Any,
        scenario: Any,
        step: Any,
        exception: Exception,
    ) -> None:
        state = self._state(request, feature, scenario)
        if state.log is None:
            return  # no environment yet: nothing ran, nothing to show
        state.record = state.log.begin(_step_title(step), "")
        self._finish(request, step, ok=False, notes=[describe_exception(exception)])

    def pytest_bdd_after_scenario(
        self, request: pytest.FixtureRequest, feature: Any, scenario: Any
    ) -> None:
        state = request.node.stash.get(STATE_KEY, None)
        if state is None or state.env is None:
            return
        world = request.node.stash.get(WORLD_KEY, None)
        state.identity = _identity(state.env, world)

    # pytest hooks -----------------------------------------------------------------------------
    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        state = item.stash.get(STATE_KEY, None)
        if state is not None:
            state.reports[report.when] = report
        # The reporting process (xdist's controller) prints progress from reports alone.
        known = dict(report.user_properties)
        if TITLE_PROPERTY not in known:
            report.user_properties.append((TITLE_PROPERTY, scenario_title(item)))
        if ID_PROPERTY not in known:
            report.user_properties.append((ID_PROPERTY, scenario_id(item)))
        return report

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_teardown(
        self, item: pytest.Item, nextitem: pytest.Item | None
    ) -> Generator[None, None, None]:
        state = item.stash.get(STATE_KEY, None)
        if state is not None and state.env is not None:
            # Decided before the environment closes: it saves the traces only when told to.
            state.env.keep_traces = self.keep_all or _failed(state.reports)
        try:
            return (yield)
        finally:
            if state is not None and state.env is not None:
                if not (self.keep_all or _failed(state.reports)):
                    _drop_screenshots(state)
                self._write_folder(item, state)

    # ------------------------------------------------------------------------------------------
    def _state(
        self, request: pytest.FixtureRequest, feature: Any, scenario: Any
    ) -> ScenarioEvidence:
        state: ScenarioEvidence | None = request.node.stash.get(STATE_KEY, None)
        if state is None:
            state = ScenarioEvidence(feature.name, scenario.name)
            request.node.stash[STATE_KEY] = state
        return state

    def _finish(
        self, request: pytest.FixtureRequest, step: Any, *, ok: bool, notes: list[str]
    ) -> None:
        state = request.node.stash.get(STATE_KEY, None)
        if state is None or state.log is None or state.record is None or state.env is None:
            return
        world = request.node.stash.get(WORLD_KEY, None)
        actor = _named_actor(world, step.name)
        if actor is not None:
            state.current_actor = actor.alias
        elif world is not None and state.current_actor in world.actors:
            actor = world.actors[state.current_actor]
        page, owner = _page_of(state.env, actor)
        others = {d.folder.name: d.page for d in state.env.desks}
        state.log.finish(
            state.record,
            ok=ok,
            page=page,
            notes=notes,
            actor=_label(actor) if actor is not None and _names(step.name, actor) else "",
            page_owner=owner,
            other_pages=others,
        )
        state.record = None

    def _write_folder(self, item: pytest.Item, state: ScenarioEvidence) -> None:
        assert state.env is not None
        status, error = _status(state.reports)
        world = item.stash.get(WORLD_KEY, None)
        checks = world.observations if world is not None else []
        content = {
            "kind": "scenario",
            "scenario_id": scenario_id(item),
            "title": state.title,
            "feature": state.feature,
            "nodeid": item.nodeid,
            "status": status,
            "ok": status == "passed",
            "error": error,
            "profile": state.env.profile.name,
            "seed": state.env.options.seed,
            "identity": state.identity.to_json(),
            "checks": [c.__dict__ for c in checks],
            "steps": len(state.log.steps) if state.log is not None else 0,
            "recorded": state.env.recording,
            "traced_desks": list(state.env.traced_desks),
        }
        if world is not None:
            write_credentials(state.env.output_dir, _vendor_logins(world))
        # An attempt that recorded nothing leaves the Word report to its recorded re-run.
        failure_report = status == "failed" and state.env.recording
        finish_folder(state.env.output_dir, content, report=failure_report or self.always)


# helpers --------------------------------------------------------------------------------------
def _failed(reports: dict[str, pytest.TestReport]) -> bool:
    return any(r.failed for r in reports.values())


def _drop_screenshots(state: ScenarioEvidence) -> None:
    """A passed scenario: no step screenshots on disk, none named in its chronology."""
    assert state.env is not None
    shutil.rmtree(state.env.output_dir / SCREENSHOTS_FOLDER, ignore_errors=True)
    if state.log is None:
        return
    for step in state.log.steps:
        step.screenshot = None
        step.more_screenshots = []
    state.log.save()


def _step_title(step: Any) -> str:
    return f"{step.keyword.strip()} {step.name}"


def _names(text: str, actor: Actor) -> bool:
    return f'"{actor.alias}"' in text


def _named_actor(world: World | None, text: str) -> Actor | None:
    """The actor whose quoted alias comes first in the step text."""
    if world is None:
        return None
    named = [(text.find(f'"{a.alias}"'), a) for a in world.actors.values() if _names(text, a)]
    return min(named, key=lambda pair: pair[0])[1] if named else None


def _label(actor: Actor) -> str:
    return f"{actor.alias} ({_role(actor.role)}, {actor.user_id})"


def _role(role: str) -> str:
    """An actor's role as the evidence names it, in the chosen language."""
    names = {
        "penyedia": tr("penyedia"),
        "pokja": tr("pokja"),
        "verifikator": tr("verifikator"),
        "verifikator-lpse-lain": tr("verifikator-lpse-lain"),
        "helpdesk": tr("helpdesk"),
        "admin": tr("admin"),
        "lkpp": tr("lkpp"),
    }
    return names.get(role, role)


def _page_of(env: SimEnvironment, actor: Actor | None) -> tuple[Page | None, str]:
    """The page to photograph: the actor's, else the newest desk's. A desk whose window never
    opened (its part arranged, not walked) shows nothing: no window is opened just for a photo."""
    if actor is not None:
        if not actor.desk.opened:
            return None, ""
        return actor.desk.page, _label(actor)
    if env.desks:
        desk = env.desks[-1]
        return desk.page, desk.actor
    return None, ""


def _vendor_logins(world: World) -> list[VendorLogin]:
    """The log-in data of the scenario's vendors, for ``credentials.json``."""
    return [
        VendorLogin(a.alias, a.user_id, a.password, a.display_name)
        for a in world.actors.values()
        if a.vendor is not None
    ]


def _identity(env: SimEnvironment, world: World | None) -> Identity:
    vendor = None
    if world is not None:
        vendor = next((a for a in world.actors.values() if a.vendor is not None), None)
    return identify(
        env,
        vendor=vendor.vendor.company if vendor is not None and vendor.vendor is not None else "",
        vendor_user_id=vendor.user_id if vendor is not None else "",
        kodok=vendor.desk.kodok if vendor is not None else None,
        tender_id=(world.tender_id or "") if world is not None else "",
    )


def _status(reports: dict[str, pytest.TestReport]) -> tuple[str, str]:
    for when in ("setup", "call", "teardown"):
        report = reports.get(when)
        if report is None:
            continue
        if report.failed:
            return "failed", _short_error(report)
        if report.skipped:
            return "skipped", ""
    return ("passed", "") if "call" in reports else ("unknown", "")


def _short_error(report: pytest.TestReport) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    message = getattr(crash, "message", None) or str(report.longrepr)
    return str(message).strip()[:2000]
