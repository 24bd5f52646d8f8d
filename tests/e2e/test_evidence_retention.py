"""Evidence is complete for failures and cheap for passes: a real catalog run (child pytest,
Chromium) keeps Playwright traces and step screenshots of the failed scenario only, unless
asked to keep them for all (--sim-artifacts always)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.evidence.bundle import INDEX_NAME
from simulator.scenarios.run import ScenarioRunRequest, run_scenarios

pytestmark = pytest.mark.e2e

# @jalan-ui: the registration is walked, so the pages have something to photograph.
FEATURE = """# language: id
@sumber-domain-alur-penyedia @profil-semua @jalan-ui
Fitur: Bukti yang disimpan

  @KODOK-971 @jalan-ui
  Skenario: Pendaftaran berhasil
    Dengan penyedia "CV Maju" telah mendaftar online
    Maka halaman menampilkan pesan "registrasi.berhasil"

  @KODOK-972 @jalan-ui
  Skenario: Pendaftaran yang diharapkan meminta login
    Dengan penyedia "CV Lancar" telah mendaftar online
    Maka halaman menampilkan pesan "login.harus_login"
"""


def evidence(run_dir: Path) -> dict[str, tuple[str, set[str], list[dict[str, object]]]]:
    """scenario id -> (status, files, chronology steps) of each scenario folder."""
    found = {}
    for index_path in run_dir.glob(f"scenarios/*/{INDEX_NAME}"):
        index = json.loads(index_path.read_text(encoding="utf-8"))
        steps = json.loads((index_path.parent / "chronology.json").read_text(encoding="utf-8"))
        found[index["scenario_id"]] = (index["status"], set(index["files"]), steps)
    return found


@pytest.fixture
def catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "katalog"
    folder.mkdir()
    (folder / "bukti.feature").write_text(FEATURE, encoding="utf-8")
    monkeypatch.setenv("SPSE_SIM_CATALOG", str(folder))
    return folder


@pytest.mark.usefixtures("catalog")
def test_traces_and_screenshots_are_kept_for_failures_always_and_for_passes_when_asked(
    tmp_path: Path,
) -> None:
    _, outcomes, _ = run_scenarios(ScenarioRunRequest(output_dir=tmp_path / "gagal-saja"))
    assert {o.scenario_id: o.status for o in outcomes} == {
        "KODOK-971": "passed",
        "KODOK-972": "failed",
    }
    folders = evidence(tmp_path / "gagal-saja")

    status, files, steps = folders["KODOK-972"]
    assert status == "failed"
    assert len([f for f in files if f.startswith("traces/") and f.endswith(".zip")]) == 1
    assert {"screenshots/01-ok.png", "screenshots/02-failed.png"} <= files
    assert all(s["screenshot"] for s in steps)
    assert "laporan-kronologi.docx" in files

    status, files, steps = folders["KODOK-971"]
    assert status == "passed"
    assert not [f for f in files if f.startswith(("traces/", "screenshots/"))]
    assert [s["screenshot"] for s in steps] == [None, None]
    assert [s["outcome"] for s in steps] == ["ok", "ok"]  # the chronology itself stays
    assert {"chronology.json", "server-log.jsonl", "faults-fired.json"} <= files

    run_scenarios(
        ScenarioRunRequest(output_dir=tmp_path / "semua", ids=("KODOK-971",), artifacts="always")
    )
    status, files, steps = evidence(tmp_path / "semua")["KODOK-971"]
    assert status == "passed"
    assert len([f for f in files if f.startswith("traces/") and f.endswith(".zip")]) == 1
    # The Then step only read the page: it shows the picture taken after the Given, not a copy.
    assert [s["screenshot"] for s in steps] == ["screenshots/01-ok.png", "screenshots/01-ok.png"]
    assert "screenshots/02-ok.png" not in files
