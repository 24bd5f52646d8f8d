"""What a replay leaves for the class: a page playing every desk's video side by side with the
caption timeline, and optionally the same as one MP4.

The desks' videos start when each desk opens its first page, so they are shifted against each
other; the captions log (``keterangan.json``) says where every caption falls in every video,
which is all the page and ffmpeg need to line them up. The page is one file next to the
``video/`` folder (relative links), so the replay folder can be zipped and opened anywhere.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from simulator.harness.run_folder import REPLAY_MOVIE_NAME, REPLAY_PLAYER_NAME
from spse_shared.language import current_language, tr


class MovieError(RuntimeError):
    """The one-file MP4 cannot be made here (no ffmpeg with an H.264 encoder, ffmpeg failed)."""


@dataclass(frozen=True)
class Track:
    """One desk's video and how late it started after the earliest one (seconds)."""

    desk: str
    file: str
    delay_s: float


@dataclass(frozen=True)
class Cue:
    """One caption at ``at_s`` seconds on the common timeline (that of the earliest video)."""

    at_s: float
    kind: str
    heading: str
    counter: str
    text: str


def tracks_and_cues(
    videos: Sequence[str], captions: Sequence[Mapping[str, Any]]
) -> tuple[list[Track], list[Cue]]:
    """Line the videos up from the captions log; videos are paths relative to the page.

    A video's desk is its file's stem (``<desk>.webm``). Without any caption the videos are
    taken as starting together.
    """
    # For one moment, offset(desk) = moment - start(desk): a larger offset started earlier.
    reference = _reference_offsets(captions)
    earliest = max(reference.values(), default=0.0)
    tracks = [
        Track(Path(v).stem, v, round(earliest - reference.get(Path(v).stem, earliest), 2))
        for v in videos
    ]
    cues = []
    for entry in captions:
        seen = {str(k): float(v) for k, v in dict(entry.get("detik_video") or {}).items()}
        if not seen:
            continue
        desk, seconds = next(iter(seen.items()))
        at = seconds + (earliest - reference.get(desk, earliest))
        caption = dict(entry.get("keterangan") or {})
        cues.append(
            Cue(
                at_s=round(at, 2),
                kind=str(entry.get("jenis", "")),
                heading=str(caption.get("heading", "")),
                counter=str(caption.get("counter", "")),
                text=_caption_text(caption),
            )
        )
    return tracks, cues


def _reference_offsets(captions: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Each desk's offset at one common moment (the first caption naming the most desks)."""
    best: dict[str, float] = {}
    for entry in captions:
        seen = {str(k): float(v) for k, v in dict(entry.get("detik_video") or {}).items()}
        if len(seen) > len(best):
            best = seen
    if not best:
        return {}
    # Desks that opened later than that moment have no offset there: take their first one,
    # moved to the same moment through a desk both entries know.
    for entry in captions:
        seen = {str(k): float(v) for k, v in dict(entry.get("detik_video") or {}).items()}
        common = [d for d in seen if d in best]
        if not common:
            continue
        shift = best[common[0]] - seen[common[0]]
        for desk, seconds in seen.items():
            best.setdefault(desk, seconds + shift)
    return best


def _caption_text(caption: Mapping[str, Any]) -> str:
    parts = [str(caption.get("text", ""))]
    if caption.get("problem"):
        parts.append(f"{caption.get('problem_title', '')} {caption['problem']}".strip())
    advice = caption.get("advice")
    if isinstance(advice, list) and advice:
        parts.append(f"{caption.get('advice_title', '')} " + " · ".join(str(a) for a in advice))
    return " — ".join(p for p in parts if p)


def write_player(folder: Path, videos: Sequence[Path], captions_file: Path | None) -> Path:
    """``<folder>/index.html``: the videos side by side under one set of controls, the caption
    timeline beside them (a click on a caption jumps there). Returns the page's path."""
    captions = _read_captions(captions_file)
    relative = [str(v.relative_to(folder)) if v.is_relative_to(folder) else str(v) for v in videos]
    tracks, cues = tracks_and_cues(relative, captions)
    words = {"play": tr("Putar"), "pause": tr("Jeda")}
    data = {
        "tracks": [t.__dict__ for t in tracks],
        "cues": [c.__dict__ for c in cues],
        "words": words,
    }
    title = next((c.heading for c in cues if c.heading), tr("Putar ulang"))
    page = _page_template()
    for name, text in (
        ("title", title),
        ("lang", current_language()),
        ("play", words["play"]),
        ("position", tr("Posisi")),
        ("speed", tr("Kecepatan")),
        ("captions", tr("Garis waktu keterangan")),
    ):
        page = page.replace("{{" + name + "}}", html.escape(text))
    # Last: the data is JSON, not escaped HTML, and may hold any of the marks above.
    page = page.replace("{{data}}", json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))
    target = folder / REPLAY_PLAYER_NAME
    target.write_text(page, encoding="utf-8")
    target.chmod(0o644)
    return target


def _page_template() -> str:
    return resources.files("simulator.trainer").joinpath("player.html").read_text("utf-8")


def _read_captions(path: Path | None) -> list[dict[str, Any]]:
    if path is None or not path.exists():
        return []
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return []
    entries = loaded.get("keterangan", loaded) if isinstance(loaded, dict) else loaded
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def write_movie(
    folder: Path, videos: Sequence[Path], captions_file: Path | None, *, ffmpeg: str | None = None
) -> Path:
    """``<folder>/putar-ulang.mp4``: the desks' videos side by side, lined up, in one H.264 file
    a projector's laptop plays without a browser. MovieError when ffmpeg cannot make it."""
    found = ffmpeg or shutil.which("ffmpeg")
    if found is None:
        raise MovieError("--mp4 butuh ffmpeg dengan encoder H.264 (Debian: apt-get install ffmpeg)")
    if not videos:
        raise MovieError(tr("tidak ada video untuk digabung"))
    relative = [str(v) for v in videos]
    tracks, _ = tracks_and_cues(relative, _read_captions(captions_file))
    command = [found, "-v", "error", "-y"]
    for video in videos:
        command += ["-i", str(video)]
    filters = [
        # Each video waits (showing its first frame) until it starts on the common timeline.
        f"[{i}:v]tpad=start_duration={t.delay_s:.2f}:start_mode=clone,setpts=PTS-STARTPTS[v{i}]"
        for i, t in enumerate(tracks)
    ]
    joined = "".join(f"[v{i}]" for i in range(len(tracks)))
    if len(tracks) > 1:
        filters.append(f"{joined}hstack=inputs={len(tracks)}[out]")
    else:
        filters.append(f"{joined}null[out]")
    target = folder / REPLAY_MOVIE_NAME
    command += [
        "-filter_complex", ";".join(filters), "-map", "[out]",
        "-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-crf", "28",
        "-movflags", "+faststart", str(target),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        reason = done.stderr.strip().splitlines()[-1:] or [tr("tanpa keterangan")]
        raise MovieError(
            tr("ffmpeg gagal membuat {name}: {reason}", name=target.name, reason=reason[0])
        )
    target.chmod(0o644)
    return target
