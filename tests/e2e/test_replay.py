"""``spse-sim replay`` in headless Chromium: captions on the pages, a pause, a video with them.

The caption is checked in a frame of the recorded video itself (extracted with ffmpeg at the
moment the failure caption was shown): the frame's bottom band has the failure caption's
colour. Its words are checked in the captions log and in the screenshot taken at that moment.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from simulator.scenarios.world import message_pattern
from simulator.trainer.captions import ADVICE_KEYS
from spse_shared.messages import MessageCatalog

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
CATALOG = MessageCatalog()
WIDTH, HEIGHT = 1280, 720
PROBLEM_RED = (176, 0, 32)  # .bar.masalah in simulator/trainer/overlay.js
STEP_BLUE = (11, 61, 145)  # .bar (a step)


def frames(video: Path, start: float, end: float) -> list[bytes]:
    """The frames of ``video`` from ``start`` to ``end`` seconds, two a second, as raw RGB
    (WIDTH x HEIGHT each); fewer past the end of the video. One ffmpeg run for the window."""
    ffmpeg = shutil.which("ffmpeg")
    assert ffmpeg is not None
    done = subprocess.run(
        [ffmpeg, "-v", "error", "-ss", f"{start:.2f}", "-t", f"{end - start:.2f}",
         "-i", str(video), "-vf", "fps=2", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
        capture_output=True,
        check=True,
    )  # fmt: skip
    size = WIDTH * HEIGHT * 3
    assert len(done.stdout) % size == 0, "frames have an unexpected size"
    return [done.stdout[i : i + size] for i in range(0, len(done.stdout), size)]


def best_share(video: Path, start: float, colour: tuple[int, int, int], span: float = 8.0) -> float:
    """The largest share of ``colour`` in the frames from ``start`` to ``start + span`` seconds.

    Caption times come from the wall clock while the video has its own timeline; on a busy
    machine the two drift apart by seconds, so a window of frames around ``start`` is looked at.
    """
    window = frames(video, max(0.0, start - 4.0), start + span)
    return max((share_of_colour(frame, colour) for frame in window), default=0.0)


def share_of_colour(frame: bytes, colour: tuple[int, int, int]) -> float:
    """Share of the frame's pixels within 25 of ``colour`` on every channel (every fourth
    pixel of every fourth row).

    The whole frame is looked at: Chromium's screencast sometimes delivers a frame at a smaller
    scale (Playwright pads it with grey), so the caption is not always in the same rows.
    """
    red, green, blue = colour
    hits = total = 0
    for y in range(0, HEIGHT, 4):
        row = frame[y * WIDTH * 3 : (y + 1) * WIDTH * 3]
        pixels = list(zip(row[0::12], row[1::12], row[2::12], strict=True))
        total += len(pixels)
        hits += sum(
            1
            for r, g, b in pixels
            if abs(r - red) < 25 and abs(g - green) < 25 and abs(b - blue) < 25
        )
    return hits / total


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg (apt-get install ffmpeg)")
def test_replay_with_video_shows_the_captions_and_pauses_at_the_failure(
    tmp_path: Path, sim_browser: Browser
) -> None:
    output = tmp_path / "replay"
    done = subprocess.run(
        [sys.executable, "-m", "simulator.cli.main", "replay", "KODOK-003", "--headless", "--video",
         "--mp4", "--pause-at-error", "--slowmo", "50", "--output", str(output)],
        input="\n",  # the trainer presses Enter at the pause
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )  # fmt: skip

    assert done.returncode == 0, done.stdout + done.stderr
    assert CATALOG.text("pelatihan.jeda") in done.stdout
    summary = json.loads((output / "replay.json").read_text())
    assert summary["status"] == "passed"
    videos = {Path(v["file"]).name: v["bytes"] for v in summary["videos"]}
    [vendor_video] = [name for name in videos if name.startswith("penyedia-")]
    assert videos[vendor_video] > 10_000
    desk = vendor_video.removesuffix(".webm")

    log = json.loads((output / summary["captions"]).read_text())
    assert log["skenario"] == "KODOK-003"
    [problem] = [e for e in log["keterangan"] if e["jenis"] == "masalah"]
    caption = problem["keterangan"]
    assert message_pattern(CATALOG.templates()["kodok.nama_terlalu_panjang"]).fullmatch(
        caption["problem"]
    )
    assert "41 karakter" in caption["problem"]
    assert caption["advice_title"] == "Apa yang harus dilakukan"
    email = "lpse@surakarta.go.id"
    assert caption["advice"] == [CATALOG.text(k, email=email) for k in ADVICE_KEYS]
    assert caption["counter"] == "Langkah 4 dari 5"
    steps = [e for e in log["keterangan"] if e["jenis"] == "langkah" and desk in e["detik_video"]]
    step = steps[0]
    assert step["keterangan"]["text"].startswith(("Dan penyedia", "Ketika penyedia"))
    shot = (output / summary["captions"]).parent / next(
        s for s in problem["screenshot"] if desk in s
    )
    assert shot.stat().st_size > 10_000

    # The video: the failure caption (a large red bar) just after it was shown, and a step
    # caption (a blue bar) just after the first step this desk saw. Neither colour is on the
    # SPSE pages themselves.
    video = output / "video" / vendor_video
    # The red failure caption is a tenth of the frame or more (its size follows its text).
    assert best_share(video, problem["detik_video"][desk], PROBLEM_RED) > 0.10
    assert best_share(video, step["detik_video"][desk], STEP_BLUE) > 0.05

    # The player page: every desk's video under one set of controls, the caption timeline
    # beside it; a click on the failure caption shows it and moves the vendor's video there.
    player = output / summary["player"]
    context = sim_browser.new_context()
    try:
        page = context.new_page()
        page.goto(player.as_uri())
        assert page.locator("video").count() == len(videos)
        page.locator("li.masalah").click()
        expect(page.locator("#now")).to_contain_text("41 karakter")
        data = json.loads(page.locator("#replay-data").text_content() or "{}")
        [track] = [t for t in data["tracks"] if t["desk"] == desk]
        [cue] = [c for c in data["cues"] if c["kind"] == "masalah"]
        position = (
            page.locator("video").nth(data["tracks"].index(track)).evaluate("v => v.currentTime")
        )
        assert abs(position - (cue["at_s"] - track["delay_s"])) < 1.0
    finally:
        context.close()

    # The one-file MP4: the desks side by side, as long as the longest video.
    movie = output / summary["movie"]
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
         "stream=width,codec_name", "-of", "json", str(movie)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    [stream] = json.loads(probe.stdout)["streams"]
    assert stream["codec_name"] == "h264"
    assert stream["width"] == WIDTH * len(videos)
