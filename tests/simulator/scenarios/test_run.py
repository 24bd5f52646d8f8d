"""What a scenario run folder says of the scenarios Ctrl-C cut off (``unfinished_scenarios``)."""

from __future__ import annotations

from pathlib import Path

from simulator.evidence.bundle import write_index
from simulator.scenarios.run import UnfinishedScenario, unfinished_scenarios

FEATURE = """# language: id
@sumber-domain-alur-penyedia @profil-semua
Fitur: Contoh

  @KODOK-981
  Skenario: Yang pertama
    Ketika calon penyedia "CV Maju" mendaftar dengan alamat emailnya

  @KODOK-982
  Skenario: Yang kedua
    Ketika calon penyedia "CV Jaya" mendaftar dengan alamat emailnya
"""


def _catalog(tmp_path: Path) -> Path:
    catalog = tmp_path / "katalog"
    catalog.mkdir()
    (catalog / "contoh.feature").write_text(FEATURE, encoding="utf-8")
    return catalog


def _started(folder: Path, *, finished: bool) -> None:
    folder.mkdir(parents=True)
    (folder / "chronology.json").write_text("[]", encoding="utf-8")
    if finished:
        write_index(folder, {"kind": "scenario", "status": "passed"})


def test_folders_without_an_index_are_the_scenarios_cut_off(tmp_path: Path) -> None:
    run = tmp_path / "run"
    _started(run / "scenarios" / "popen-gw0" / "KODOK-981", finished=True)
    _started(run / "scenarios" / "popen-gw0" / "KODOK-981-2", finished=False)
    _started(run / "scenarios" / "popen-gw1" / "KODOK-982", finished=False)
    (run / "scenarios" / "popen-gw1" / "catatan").mkdir()  # not a scenario's folder

    found = unfinished_scenarios(run, _catalog(tmp_path))

    assert found == [
        UnfinishedScenario("KODOK-981", "Yang pertama", "scenarios/popen-gw0/KODOK-981-2"),
        UnfinishedScenario("KODOK-982", "Yang kedua", "scenarios/popen-gw1/KODOK-982"),
    ]


def test_a_serial_run_keeps_scenario_folders_right_under_scenarios(tmp_path: Path) -> None:
    run = tmp_path / "run"
    _started(run / "scenarios" / "KODOK-982", finished=False)

    [cut] = unfinished_scenarios(run, _catalog(tmp_path))

    assert (cut.scenario_id, cut.folder) == ("KODOK-982", "scenarios/KODOK-982")
    assert UnfinishedScenario.from_json(cut.to_json()) == cut


def test_a_run_where_everything_finished_has_none(tmp_path: Path) -> None:
    run = tmp_path / "run"
    _started(run / "scenarios" / "popen-gw0" / "KODOK-981", finished=True)

    catalog = _catalog(tmp_path)

    assert unfinished_scenarios(run, catalog) == []
    assert unfinished_scenarios(tmp_path / "nothing-ran", catalog) == []


def test_a_scenario_the_catalog_no_longer_holds_keeps_its_id_without_title(
    tmp_path: Path,
) -> None:
    run = tmp_path / "run"
    _started(run / "scenarios" / "KODOK-999", finished=False)

    [cut] = unfinished_scenarios(run, _catalog(tmp_path))

    assert (cut.scenario_id, cut.title) == ("KODOK-999", "")
