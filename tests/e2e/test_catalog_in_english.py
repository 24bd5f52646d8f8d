"""The catalog runs in English as it does in Bahasa Indonesia (`spse-sim --lang en run`).

One scenario of each area whose steps and page objects once compared Indonesian labels on
English pages: ADP roaming login, Import APD, LPSE Support escalation with its history, Data
Penyedia. The Gherkin stays Indonesian (it is the catalog); what the tool reads on the pages
and the messages it expects follow the run's language.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.cli.main import main
from simulator.harness.run_folder import OUTCOMES_NAME
from spse_shared.language import LANGUAGE_ENV

pytestmark = pytest.mark.e2e

# ADP, Import APD, LPSE Support escalation and history, Data Penyedia: the shortest of each.
AREAS = ("KODOK-042", "KODOK-091", "KODOK-100", "KODOK-304")


def test_one_scenario_of_each_area_passes_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    # setenv first: monkeypatch then restores the language `--lang en` chooses for the process.
    monkeypatch.setenv(LANGUAGE_ENV, "id")
    runs = tmp_path / "runs"
    code = main(["--lang", "en", "run", *AREAS, "--runs-dir", str(runs)])
    out, _ = capfd.readouterr()
    assert code == 0, out
    [run] = runs.glob("run-*")
    outcomes = json.loads((run / OUTCOMES_NAME).read_text(encoding="utf-8"))
    assert {o["scenario_id"]: o["status"] for o in outcomes} == dict.fromkeys(AREAS, "passed")
    checks = {o["scenario_id"]: o["checks"] for o in outcomes}
    # What was compared is what the English pages show.
    assert any(c["expected"].startswith("Vendor Home") for c in checks["KODOK-042"])
    # The checks are named in English too (spse_shared/english_checks.py).
    history = next(c for c in checks["KODOK-100"] if c["step"].endswith("on the vendor's page"))
    assert "Forwarded to LKPP Technical Helpdesk" in history["observed"]
    assert "Rated solved (rating 5)" in history["observed"]
    assert "passed" in out
