"""pytest-bdd hooks of trainer mode: a caption per step, the failure explained, pause, evidence.

A pytest plugin of its own: ``spse-sim replay`` loads it into the child pytest
(``-p simulator.trainer.plugin``), and it acts only when ``--sim-captions`` is given, so normal
runs are unaffected. For each scenario it installs the caption overlay in every desk the
scenario opens, shows each step before it runs, and after a step that checked a problem
message shows what the page said and the seed's "Apa yang harus dilakukan". With
``--sim-pause-at-error`` it then holds until Enter is pressed in the terminal.

Each scenario leaves ``<run>/pelatihan/keterangan.json`` (every caption, its wall time and
where it falls in each desk's video) and screenshots of the pages at the failure.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any

import pytest
from playwright.sync_api import BrowserContext

from simulator.harness.environment import SimEnvironment
from simulator.harness.run_folder import CAPTIONS_NAME, TRAINER_FOLDER
from simulator.scenarios.tags import ID_PATTERN
from simulator.scenarios.world import WORLD_KEY
from simulator.trainer import captions
from simulator.trainer.captions import Caption, ScenarioInfo
from simulator.trainer.overlay import CaptionOverlay
from spse_shared.language import tr

# At a problem the caption stands at least this long (the video needs it too).
PROBLEM_HOLD_MS = 3000


@dataclass(frozen=True)
class TrainerOptions:
    pause_at_error: bool = False
    slow_mo_ms: float = 0

    @property
    def read_ms(self) -> float:
        """How long a new step's caption stands before the step acts."""
        return min(2 * self.slow_mo_ms, 3000)

    @property
    def problem_ms(self) -> float:
        return max(PROBLEM_HOLD_MS, 6 * self.slow_mo_ms)


def wait_for_enter(
    prompt: str,
    *,
    echo: Callable[[str], None],
    stdin: IO[str] | None = None,
    tty: str = "/dev/tty",
) -> bool:
    """Block until Enter; True if it waited, False when there is no terminal to read from.

    Reads the process's stdin first (a pipe works too; end of input counts as Enter), then the
    controlling terminal when stdin is captured.
    """
    echo(prompt)
    stream = sys.stdin if stdin is None else stdin
    try:
        stream.readline()
        return True
    except (OSError, ValueError):
        pass
    try:
        with open(tty, encoding="utf-8") as terminal:
            terminal.readline()
            return True
    except OSError:
        echo(tr("Tidak ada terminal untuk menunggu Enter: replay berlanjut."))
        return False


class ScenarioReplay:
    """Trainer mode for one scenario: its captions, on every desk, and their log."""

    def __init__(
        self,
        env: SimEnvironment,
        info: ScenarioInfo,
        options: TrainerOptions,
        *,
        pause: Callable[[str], None],
    ) -> None:
        self.env = env
        self.info = info
        self.options = options
        self.catalog = env.profile.catalog()
        self.email = env.settings.lpse_email
        self.overlay = CaptionOverlay()
        self.folder = env.output_dir / TRAINER_FOLDER
        self.log: list[dict[str, Any]] = []
        self._pause = pause
        self._number = 0
        self._step: Caption | None = None
        self._seen = 0
        env.context_setups.append(self._desk_opened)
        for desk in env.desks:  # desks opened before the scenario started (rare)
            self.overlay.install(desk.context, desk.folder.name)

    def _desk_opened(self, context: BrowserContext, name: str) -> None:
        self.overlay.install(context, name)
        # A desk opens when a step first needs it (an arranged log-in waits for that): its
        # first page shows the caption standing now, so its video starts with that caption.
        if self.log:
            self.log[-1]["detik_video"].setdefault(name, 0.0)

    def before_step(self, keyword: str, text: str, observations: int) -> None:
        self._number += 1
        self._seen = observations
        self._step = captions.step_caption(self.info, self._number, keyword, text, self.catalog)
        self._show(self._step)
        self.overlay.hold(self.options.read_ms)

    def after_step(self, text: str, observations: list[tuple[str, bool]]) -> None:
        keys = captions.problem_keys(text, self.catalog)
        if not keys or self._step is None:
            return
        shown = captions.shown_problem(keys, observations[self._seen :], self.catalog)
        self._stop_at(captions.problem_caption(self._step, shown, self.catalog, email=self.email))

    def step_error(self, error: BaseException) -> None:
        step = self._step or captions.step_caption(self.info, 1, "", "", self.catalog)
        self._stop_at(captions.failure_caption(step, str(error), self.catalog, email=self.email))

    def finish(self) -> None:
        self._show(captions.done_caption(self.info, self.catalog))
        self.overlay.hold(self.options.read_ms)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / CAPTIONS_NAME).write_text(
            json.dumps(
                {
                    "skenario": self.info.scenario_id,
                    "judul": self.info.title,
                    "keterangan": self.log,
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n",
            encoding="utf-8",
        )

    def _stop_at(self, caption: Caption) -> None:
        """A problem on screen: show it, keep evidence, then hold or pause."""
        entry = self._show(caption)
        shots = self.overlay.screenshots(self.folder, f"{self._number:02d}-{caption.kind}")
        entry["screenshot"] = [p.name for p in shots]  # next to keterangan.json
        # The caption stands its full time before any pause: a recording must show it even when
        # Enter was already waiting (the trainer typed ahead, or stdin is a pipe).
        self.overlay.hold(self.options.problem_ms)
        if self.options.pause_at_error:
            self._show(captions.paused(caption, self.catalog), logged=False)
            self._pause(self.catalog.text("pelatihan.jeda"))
            self._show(caption, logged=False)

    def _show(self, caption: Caption, *, logged: bool = True) -> dict[str, Any]:
        moment = time.monotonic()
        self.overlay.show(caption)
        entry = {
            "nomor": self._number,
            "jenis": caption.kind,
            "keterangan": caption.to_json(),
            "waktu": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "detik_video": self.overlay.video_offsets(moment),
        }
        if logged:
            self.log.append(entry)
        return entry


REPLAY_KEY = pytest.StashKey[ScenarioReplay]()


def scenario_info(scenario: Any) -> ScenarioInfo:
    """Id, title and steps of a pytest-bdd scenario (feature tags included)."""
    tags = set(scenario.tags) | set(getattr(scenario.feature, "tags", set()))
    ids = sorted(t.lstrip("@") for t in tags if ID_PATTERN.match(t.lstrip("@")))
    return ScenarioInfo(
        scenario_id=ids[0] if ids else "",
        title=scenario.name,
        steps=tuple((s.keyword, s.name) for s in scenario.steps),
    )


class TrainerPlugin:
    """The pytest plugin object (one per session) behind ``--sim-captions``."""

    def __init__(self, config: pytest.Config, options: TrainerOptions) -> None:
        self.config = config
        self.options = options

    def _pause(self, prompt: str) -> None:
        capture: Any = self.config.pluginmanager.getplugin("capturemanager")
        if capture is not None:
            capture.suspend_global_capture(in_=True)
        try:
            wait_for_enter(f"\n>>> {prompt}", echo=lambda line: print(line, flush=True))
        finally:
            if capture is not None:
                capture.resume_global_capture()

    @pytest.hookimpl
    def pytest_bdd_before_scenario(self, request: pytest.FixtureRequest, scenario: Any) -> None:
        env: SimEnvironment = request.getfixturevalue("sim_env")
        request.node.stash[REPLAY_KEY] = ScenarioReplay(
            env, scenario_info(scenario), self.options, pause=self._pause
        )

    @pytest.hookimpl
    def pytest_bdd_before_step(self, request: pytest.FixtureRequest, step: Any) -> None:
        replay = request.node.stash.get(REPLAY_KEY, None)
        if replay is not None:
            replay.before_step(step.keyword, step.name, len(_observations(request)))

    @pytest.hookimpl
    def pytest_bdd_after_step(self, request: pytest.FixtureRequest, step: Any) -> None:
        replay = request.node.stash.get(REPLAY_KEY, None)
        if replay is not None:
            replay.after_step(step.name, _observations(request))

    @pytest.hookimpl
    def pytest_bdd_step_error(
        self, request: pytest.FixtureRequest, exception: BaseException
    ) -> None:
        replay = request.node.stash.get(REPLAY_KEY, None)
        if replay is not None:
            replay.step_error(exception)

    @pytest.hookimpl
    def pytest_bdd_after_scenario(self, request: pytest.FixtureRequest) -> None:
        replay = request.node.stash.get(REPLAY_KEY, None)
        if replay is not None:
            replay.finish()


def _observations(request: pytest.FixtureRequest) -> list[tuple[str, bool]]:
    world = request.node.stash.get(WORLD_KEY, None)
    return [] if world is None else [(o.observed, o.ok) for o in world.observations]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("spse-sim", "SPSE CA simulator")
    group.addoption(
        "--sim-captions",
        action="store_true",
        help="trainer mode: a caption per step and the acted-on element highlighted on each page",
    )
    group.addoption(
        "--sim-pause-at-error",
        action="store_true",
        help="with --sim-captions: hold at the failure until Enter is pressed in the terminal",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register trainer mode when ``--sim-captions`` is given."""
    if not config.getoption("--sim-captions") or config.pluginmanager.has_plugin("sim-trainer"):
        return
    options = TrainerOptions(
        pause_at_error=bool(config.getoption("--sim-pause-at-error")),
        slow_mo_ms=float(config.getoption("--sim-slowmo")),
    )
    config.pluginmanager.register(TrainerPlugin(config, options), "sim-trainer")
