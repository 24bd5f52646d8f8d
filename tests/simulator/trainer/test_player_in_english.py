"""The replay player (index.html) with English chosen (--lang en)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.trainer.player import write_player
from spse_shared.language import LANGUAGE_ENV


def test_the_player_speaks_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "en")
    (tmp_path / "video").mkdir()

    page = write_player(tmp_path, [tmp_path / "video" / "pokja-a.webm"], None).read_text()

    data = json.loads(page.split('type="application/json">', 1)[1].split("</script>", 1)[0])
    assert data["words"] == {"play": "Play", "pause": "Pause"}
    assert '<html lang="en">' in page
    assert "<title>Replay</title>" in page
    assert '<button id="play" type="button">Play</button>' in page
    assert "<h2>Caption timeline</h2>" in page
    assert 'aria-label="Position"' in page
    assert not any(w in page for w in ("Putar", "Jeda", "Kecepatan", "{{"))
