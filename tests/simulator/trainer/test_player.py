"""Lining up the desks' videos of a replay from its captions log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.trainer.player import MovieError, tracks_and_cues, write_movie, write_player

# The pokja's desk opened 2 s before the vendor's: at the same moment its video is 2 s further.
LOG = [
    {"jenis": "langkah", "keterangan": {"heading": "KODOK-003 · Judul",
     "counter": "Langkah 1 dari 2", "text": "Dengan pokja"}, "detik_video": {"pokja-a": 1.0}},
    {"jenis": "langkah", "keterangan": {"counter": "Langkah 2 dari 2", "text": "Ketika penyedia"},
     "detik_video": {"pokja-a": 5.0, "penyedia-b": 3.0}},
    {"jenis": "masalah", "keterangan": {"counter": "Langkah 2 dari 2", "text": "Maka ditolak",
     "problem_title": "Yang terjadi:", "problem": "Nama file terlalu panjang",
     "advice_title": "Apa yang harus dilakukan", "advice": ["Ganti nama file"]},
     "detik_video": {"pokja-a": 9.5, "penyedia-b": 7.5}},
]  # fmt: skip


def test_a_desk_that_opened_later_is_delayed_by_the_difference() -> None:
    tracks, cues = tracks_and_cues(["video/pokja-a.webm", "video/penyedia-b.webm"], LOG)

    assert [(t.desk, t.delay_s) for t in tracks] == [("pokja-a", 0.0), ("penyedia-b", 2.0)]
    assert [c.at_s for c in cues] == [1.0, 5.0, 9.5]
    assert cues[2].text == (
        "Maka ditolak — Yang terjadi: Nama file terlalu panjang — "
        "Apa yang harus dilakukan Ganti nama file"
    )


def test_the_page_carries_the_tracks_and_the_cues_and_links_the_videos_relatively(
    tmp_path: Path,
) -> None:
    (tmp_path / "video").mkdir()
    videos = [tmp_path / "video" / "pokja-a.webm", tmp_path / "video" / "penyedia-b.webm"]
    captions = tmp_path / "keterangan.json"
    captions.write_text(json.dumps({"skenario": "KODOK-003", "keterangan": LOG}))

    page = write_player(tmp_path, videos, captions).read_text()

    data = json.loads(page.split('type="application/json">', 1)[1].split("</script>", 1)[0])
    assert [t["file"] for t in data["tracks"]] == ["video/pokja-a.webm", "video/penyedia-b.webm"]
    assert len(data["cues"]) == 3
    assert "<title>KODOK-003 · Judul</title>" in page


def test_no_ffmpeg_is_a_clear_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name, **_: None)

    with pytest.raises(MovieError, match="butuh ffmpeg"):
        write_movie(tmp_path, [tmp_path / "a.webm"], None)
