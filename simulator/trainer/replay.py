"""``spse-sim replay ID``: one catalog scenario for a class, slowed down and captioned.

The scenario runs as any catalog scenario does (``simulator.scenarios.run``: a child pytest on
the embedded fake SPSE), with trainer mode switched on (``--sim-captions``), optionally holding
at the failure (``--sim-pause-at-error``) and recording every desk (``--sim-video``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import playwright

from simulator.harness.run_folder import (
    CAPTIONS_NAME,
    REPLAY_SUMMARY_NAME,
    SCENARIOS_FOLDER,
    TRAINER_FOLDER,
    VIDEO_FOLDER,
)
from simulator.scenarios.artifacts import ARTIFACTS_ON_FAILURE
from simulator.scenarios.run import ScenarioOutcome, ScenarioRunRequest, run_scenarios
from simulator.testdata.seed import DEFAULT_SEED
from simulator.trainer.player import MovieError, write_movie, write_player
from spse_shared.language import tr
from spse_shared.profile import DEFAULT_PROFILE

# The child pytest loads trainer mode's hooks and options from this module.
TRAINER_PLUGIN = "simulator.trainer.plugin"
REGISTRY_ENV = "PLAYWRIGHT_BROWSERS_PATH"


class ReplayError(RuntimeError):
    """The replay cannot start as asked (no display for headed, no video encoder)."""


# An X11 display name: [host]:number[.screen]; no host (or "unix") is this machine's socket.
_X_DISPLAY = re.compile(r"^(?P<host>[^:]*):(?P<number>\d+)(?:\.\d+)?$")
# X servers listen on 6000 + the display number over TCP.
_X_TCP_BASE = 6000
_X_PROBE_TIMEOUT_S = 2.0


def x_display_answers(display: str) -> bool:
    """Whether an X server accepts a connection at ``display`` (as $DISPLAY names it). A name
    this cannot read is left to the browser (True)."""
    found = _X_DISPLAY.match(display)
    if found is None:
        return True
    host, number = found["host"], int(found["number"])
    if host in ("", "unix"):
        socket_path = f"/tmp/.X11-unix/X{number}"
        # Linux X servers listen on the abstract socket too; either will do.
        for address in (socket_path, "\0" + socket_path):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.settimeout(_X_PROBE_TIMEOUT_S)
                try:
                    probe.connect(address)
                except OSError:
                    continue
                return True
        return False
    try:
        with socket.create_connection((host, _X_TCP_BASE + number), _X_PROBE_TIMEOUT_S):
            return True
    except OSError:
        return False


def no_display(
    env: Mapping[str, str],
    platform: str = sys.platform,
    *,
    answers: Callable[[str], bool] = x_display_answers,
) -> str | None:
    """Why a headed browser has no screen here, in a few words, or None when it has one: no
    $DISPLAY (nor Wayland), or no X server answering at the $DISPLAY given."""
    if not platform.startswith("linux") or env.get("WAYLAND_DISPLAY"):
        return None
    display = env.get("DISPLAY")
    if not display:
        return tr("$DISPLAY tidak diisi")
    if answers(display):
        return None
    return tr("tidak ada server X yang menjawab di $DISPLAY={display}", display=display)


def display_problem(
    env: Mapping[str, str],
    platform: str = sys.platform,
    *,
    answers: Callable[[str], bool] = x_display_answers,
) -> str | None:
    """What a replay says when a headed browser cannot open here (``no_display``), or None."""
    why = no_display(env, platform, answers=answers)
    if why is None:
        return None
    return tr(
        "tidak ada layar: {why}, jadi putar ulang berjendela tidak punya layar untuk "
        "menampilkan browser. Jalankan dari sesi desktop komputer yang tersambung ke "
        "proyektor, atau tambahkan --headless (dengan --video untuk merekam tanpa layar).",
        why=why,
    )


@dataclass(frozen=True)
class ReplayRequest:
    scenario_id: str
    output_dir: Path
    profile: str = DEFAULT_PROFILE
    seed: int = DEFAULT_SEED
    headless: bool = False
    slow_mo_ms: float = 500
    pause_at_error: bool = False
    video: bool = False
    # With video: also one MP4 of all desks side by side (simulator.trainer.player).
    movie: bool = False
    catalog: Path | None = None


@dataclass
class ReplayResult:
    code: int
    outcome: ScenarioOutcome | None
    videos: list[Path] = field(default_factory=list)
    captions: Path | None = None
    screenshots: list[Path] = field(default_factory=list)
    player: Path | None = None
    movie: Path | None = None
    movie_problem: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome is not None and self.outcome.status == "passed"


def pytest_options(request: ReplayRequest) -> list[str]:
    """The trainer-mode options handed to the child pytest."""
    options = ["-p", TRAINER_PLUGIN, "--sim-captions"]
    if request.pause_at_error:
        options.append("--sim-pause-at-error")
    if request.video:
        options += ["--sim-video", str(request.output_dir / VIDEO_FOLDER)]
    return options


def replay(request: ReplayRequest) -> ReplayResult:
    """Run the scenario in trainer mode; what it left behind is listed in ``replay.json``."""
    if not request.headless:
        problem = display_problem(os.environ)
        if problem is not None:
            raise ReplayError(problem)
    request.output_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="spse-sim-ffmpeg-") as scratch:
        changes = video_encoder_env(Path(scratch), os.environ) if request.video else {}
        with _environment(changes):
            code, outcomes, _ = run_scenarios(
                ScenarioRunRequest(
                    output_dir=request.output_dir,
                    ids=[request.scenario_id],
                    profile=request.profile,
                    headed=not request.headless,
                    slow_mo_ms=request.slow_mo_ms,
                    seed=request.seed,
                    extra_args=pytest_options(request),
                    # One attempt, never re-run: it records, and keeps a failure's evidence.
                    artifacts=ARTIFACTS_ON_FAILURE,
                    catalog=request.catalog,
                )
            )
    outcome = outcomes[0] if outcomes else None
    result = ReplayResult(code=code, outcome=outcome)
    video_dir = request.output_dir / VIDEO_FOLDER
    result.videos = sorted(video_dir.glob("*.webm")) if video_dir.is_dir() else []
    found = sorted(
        (request.output_dir / SCENARIOS_FOLDER).glob(f"*/{TRAINER_FOLDER}/{CAPTIONS_NAME}")
    )
    if found:
        result.captions = found[0]
        result.screenshots = sorted(found[0].parent.glob("*.png"))
    if result.videos:
        result.player = write_player(request.output_dir, result.videos, result.captions)
        if request.movie:
            try:
                result.movie = write_movie(request.output_dir, result.videos, result.captions)
            except MovieError as exc:
                result.movie_problem = str(exc)
    _write_summary(request, result)
    return result


def _write_summary(request: ReplayRequest, result: ReplayResult) -> None:
    root = request.output_dir

    def rel(path: Path) -> str:
        return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)

    summary = {
        "scenario": request.scenario_id,
        "status": result.outcome.status if result.outcome else "not run",
        "videos": [{"file": rel(v), "bytes": v.stat().st_size} for v in result.videos],
        "captions": rel(result.captions) if result.captions else None,
        "screenshots": [rel(s) for s in result.screenshots],
        "player": rel(result.player) if result.player else None,
        "movie": rel(result.movie) if result.movie else None,
    }
    (root / REPLAY_SUMMARY_NAME).write_text(
        json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
    )


@contextmanager
def _environment(changes: Mapping[str, str]) -> Iterator[None]:
    """``os.environ`` with ``changes`` while the child pytest runs, restored afterwards."""
    saved = {name: os.environ.get(name) for name in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# video encoder ---------------------------------------------------------------------------------
def _playwright_package() -> Path:
    return Path(playwright.__file__).resolve().parent


def ffmpeg_revision(package: Path | None = None) -> str | None:
    """The ffmpeg build this Playwright records videos with (from its browsers.json)."""
    manifest = (package or _playwright_package()) / "driver" / "package" / "browsers.json"
    try:
        browsers = json.loads(manifest.read_text())["browsers"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for browser in browsers:
        if isinstance(browser, dict) and browser.get("name") == "ffmpeg":
            return str(browser.get("revision"))
    return None


def registry_dir(env: Mapping[str, str], package: Path | None = None) -> Path:
    """Where Playwright keeps its downloads on Linux (``PLAYWRIGHT_BROWSERS_PATH`` honoured)."""
    configured = env.get(REGISTRY_ENV, "")
    if configured == "0":
        return (package or _playwright_package()) / "driver" / "package" / ".local-browsers"
    if configured:
        return Path(configured)
    cache = env.get("XDG_CACHE_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".cache")
    return Path(cache) / "ms-playwright"


def video_encoder_env(
    scratch: Path,
    env: Mapping[str, str],
    *,
    platform: str = sys.platform,
    system_ffmpeg: str | None = None,
    package: Path | None = None,
) -> dict[str, str]:
    """Environment changes that let Playwright record videos; ReplayError when it cannot.

    Playwright encodes with its own ffmpeg build (``playwright install ffmpeg``). Where that
    download is not possible (closed networks), the system's ffmpeg does the same job: a
    private Playwright registry in ``scratch`` links Playwright's other downloads and puts the
    system ffmpeg where Playwright looks for its own. Nothing outside ``scratch`` is changed.
    """
    if not platform.startswith("linux"):
        return {}
    revision = ffmpeg_revision(package)
    registry = registry_dir(env, package)
    if revision is None:
        return {}
    own = registry / f"ffmpeg-{revision}" / "ffmpeg-linux"
    if own.exists():
        return {}
    found = system_ffmpeg or shutil.which("ffmpeg", path=env.get("PATH"))
    if found is None:
        raise ReplayError(
            tr(
                "--video butuh ffmpeg: jalankan `.venv/bin/playwright install ffmpeg`, atau "
                "pasang ffmpeg sistem (Debian: apt-get install ffmpeg)."
            )
        )
    private = scratch / "ms-playwright"
    private.mkdir(parents=True, exist_ok=True)
    if registry.is_dir():
        for entry in registry.iterdir():
            if entry.name != own.parent.name:
                (private / entry.name).symlink_to(entry)
    (private / own.parent.name).mkdir()
    (private / own.parent.name / own.name).symlink_to(found)
    return {REGISTRY_ENV: str(private)}
