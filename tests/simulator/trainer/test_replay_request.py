"""``spse-sim replay`` around the browser: display check, video encoder, pause, options."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path

import pytest

from simulator.cli.main import build_parser, main
from simulator.trainer.plugin import TrainerOptions, wait_for_enter
from simulator.trainer.replay import (
    REGISTRY_ENV,
    ReplayError,
    ReplayRequest,
    display_problem,
    ffmpeg_revision,
    pytest_options,
    registry_dir,
    video_encoder_env,
    x_display_answers,
)


# display -------------------------------------------------------------------------------------
def test_a_headed_replay_on_linux_needs_a_display() -> None:
    problem = display_problem({}, "linux")

    assert problem is not None
    assert "$DISPLAY tidak diisi" in problem
    assert "--headless" in problem
    assert display_problem({"DISPLAY": ":0"}, "linux", answers=lambda display: True) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({}, "win32") is None


def test_a_display_nobody_answers_at_is_no_display() -> None:
    # No X server on this number: neither its socket file nor the abstract one is there.
    problem = display_problem({"DISPLAY": ":971"}, "linux")

    assert problem is not None
    assert "tidak ada server X yang menjawab di $DISPLAY=:971" in problem
    assert x_display_answers("127.0.0.1:971") is False
    # A listening socket where an X server's would be is one.
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind("\0/tmp/.X11-unix/X972")
        server.listen()
        assert x_display_answers(":972.0")


def test_the_command_says_so_and_stops(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("sys.platform", "linux")

    assert main(["replay", "KODOK-003"]) == 2

    assert "tidak ada layar: $DISPLAY tidak diisi" in capsys.readouterr().err


def test_an_unknown_scenario_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["replay", "KODOK-999", "--headless"]) == 2
    assert "id skenario tidak dikenal: KODOK-999" in capsys.readouterr().err


def test_replay_and_serve_demo_options() -> None:
    args = build_parser().parse_args(["replay", "KODOK-003", "--video", "--pause-at-error"])
    assert (args.scenario_id, args.video, args.pause_at_error, args.headless) == (
        "KODOK-003",
        True,
        True,
        False,
    )
    assert args.slowmo == 500
    serve = build_parser().parse_args(["serve", "--demo", "--control-token", "auto"])
    assert (serve.demo, serve.control_token) == (True, "auto")


def test_trainer_options_for_the_child_pytest(tmp_path: Path) -> None:
    plain = ReplayRequest("KODOK-003", tmp_path)
    full = ReplayRequest("KODOK-003", tmp_path, pause_at_error=True, video=True)

    assert pytest_options(plain) == ["-p", "simulator.trainer.plugin", "--sim-captions"]
    assert pytest_options(full) == [
        "-p",
        "simulator.trainer.plugin",
        "--sim-captions",
        "--sim-pause-at-error",
        "--sim-video",
        str(tmp_path / "video"),
    ]


def test_caption_timing_follows_the_slow_motion() -> None:
    assert TrainerOptions(slow_mo_ms=0).read_ms == 0
    assert TrainerOptions(slow_mo_ms=500).read_ms == 1000
    assert TrainerOptions(slow_mo_ms=5000).read_ms == 3000
    assert TrainerOptions(slow_mo_ms=0).problem_ms == 3000
    assert TrainerOptions(slow_mo_ms=1000).problem_ms == 6000


# pause -----------------------------------------------------------------------------------------
class Captured(io.StringIO):
    def readline(self, size: int = -1) -> str:  # pytest's stand-in for a captured stdin
        raise OSError("reading from stdin while output is captured")


def test_pause_reads_enter_from_stdin() -> None:
    said: list[str] = []

    assert wait_for_enter("Tekan Enter", echo=said.append, stdin=io.StringIO("\n")) is True
    assert said == ["Tekan Enter"]


def test_pause_falls_back_to_the_terminal_then_goes_on_without_one(tmp_path: Path) -> None:
    terminal = tmp_path / "tty"
    terminal.write_text("\n")
    said: list[str] = []

    assert wait_for_enter("x", echo=said.append, stdin=Captured(), tty=str(terminal)) is True
    assert (
        wait_for_enter("x", echo=said.append, stdin=Captured(), tty=str(tmp_path / "no")) is False
    )
    assert said[-1] == "Tidak ada terminal untuk menunggu Enter: replay berlanjut."


# video encoder -------------------------------------------------------------------------------
@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A stand-in for the playwright package: only its browsers.json matters."""
    root = tmp_path / "playwright"
    (root / "driver" / "package").mkdir(parents=True)
    (root / "driver" / "package" / "browsers.json").write_text(
        json.dumps(
            {
                "browsers": [
                    {"name": "chromium", "revision": "1"},
                    {"name": "ffmpeg", "revision": "1013"},
                ]
            }
        )
    )
    return root


def test_the_ffmpeg_revision_comes_from_playwrights_browsers_json(package: Path) -> None:
    assert ffmpeg_revision(package) == "1013"
    assert ffmpeg_revision(package.parent / "missing") is None
    assert ffmpeg_revision() is not None  # the installed Playwright


def test_registry_dir_honours_playwright_browsers_path(package: Path) -> None:
    assert registry_dir({"HOME": "/home/budi"}) == Path("/home/budi/.cache/ms-playwright")
    assert registry_dir({"XDG_CACHE_HOME": "/c"}) == Path("/c/ms-playwright")
    assert registry_dir({REGISTRY_ENV: "/pw"}) == Path("/pw")
    assert registry_dir({REGISTRY_ENV: "0"}, package) == package / "driver/package/.local-browsers"


def test_playwrights_own_ffmpeg_needs_nothing(tmp_path: Path, package: Path) -> None:
    registry = tmp_path / "registry"
    (registry / "ffmpeg-1013").mkdir(parents=True)
    (registry / "ffmpeg-1013" / "ffmpeg-linux").write_text("")

    env = {REGISTRY_ENV: str(registry)}
    assert video_encoder_env(tmp_path / "s", env, platform="linux", package=package) == {}


def test_the_system_ffmpeg_stands_in_through_a_private_registry(
    tmp_path: Path, package: Path
) -> None:
    registry = tmp_path / "registry"
    (registry / "chromium-1").mkdir(parents=True)
    system = tmp_path / "bin" / "ffmpeg"
    system.parent.mkdir()
    system.write_text("")

    changes = video_encoder_env(
        tmp_path / "s",
        {REGISTRY_ENV: str(registry)},
        platform="linux",
        system_ffmpeg=str(system),
        package=package,
    )

    private = Path(changes[REGISTRY_ENV])
    assert private.is_relative_to(tmp_path / "s")
    assert (private / "ffmpeg-1013" / "ffmpeg-linux").resolve() == system
    assert (private / "chromium-1").resolve() == registry / "chromium-1"  # still found
    assert not (registry / "ffmpeg-1013").exists()  # nothing changed outside the scratch


def test_without_any_ffmpeg_video_is_refused_with_what_to_install(
    tmp_path: Path, package: Path
) -> None:
    env = {REGISTRY_ENV: str(tmp_path / "registry"), "PATH": str(tmp_path / "empty")}

    with pytest.raises(ReplayError, match="playwright install ffmpeg"):
        video_encoder_env(tmp_path / "s", env, platform="linux", package=package)
