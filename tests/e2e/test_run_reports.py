"""What a real catalog run leaves for people and CI servers: the terminal summary, junit.xml as
Jenkins/GitLab read it, Allure's results, report.html's data (with the trend against earlier runs
of the same runs folder) and coverage.html; and evidence that is complete for failures and cheap
for passes: by default (``--artifacts on-first-retry``) a first attempt records no Playwright
trace and no step screenshots, and a failure is re-run once recording (its complete evidence in
``rerun-1/``); ``--artifacts always`` keeps everything of every scenario. A failure that passes
when re-run is flaky. Runs ``spse-sim run`` (a child pytest, Chromium) on a small catalog of
its own: a pass, a failure, and a "Skenario konsep" of two rows that are not applicable to the
profile. Each scenario walks one page (the e-mail step of registration)."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from allure_commons.utils import md5

from simulator.cli.main import main
from simulator.harness.run_folder import INDEX_NAME
from simulator.qa.coverage_html import COVERAGE_DATA_ID
from simulator.qa.report_html import read_report_data
from simulator.qa.run import run_qa
from simulator.scenarios.catalog import SEED_RULES
from simulator.scenarios.run import ScenarioRunRequest

pytestmark = pytest.mark.e2e

FEATURE = """# language: id
@sumber-domain-alur-penyedia @profil-semua
Fitur: Laporan run

  @KODOK-981 @aturan-akt-a-2
  Skenario: Pendaftaran berhasil
    Ketika calon penyedia "CV Maju" mendaftar dengan alamat emailnya
    Maka halaman menampilkan pesan "daftar.email_terkirim"

  @KODOK-982 @aturan-akt-a-2
  Skenario: Pendaftaran yang diharapkan meminta login
    Ketika calon penyedia "CV Lancar" mendaftar dengan alamat emailnya
    Maka halaman menampilkan pesan "login.harus_login"
"""

NON_CA = """# language: id
@sumber-perbedaan-ca-non-ca @profil-spse-4.3-nonca
Fitur: Hanya NON CA

  @KODOK-983
  Skenario konsep: Unggah <berkas> tanpa sertifikat
    Dengan penyedia "CV Maju" telah mendaftar online

    Contoh:
      | berkas     |
      | harga.pdf  |
      | teknis.pdf |
"""


@pytest.fixture
def runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    catalog = tmp_path / "katalog"
    catalog.mkdir()
    (catalog / "laporan.feature").write_text(FEATURE, encoding="utf-8")
    (catalog / "non_ca.feature").write_text(NON_CA, encoding="utf-8")
    monkeypatch.setenv("SPSE_SIM_CATALOG", str(catalog))
    folder = tmp_path / "runs"
    folder.mkdir()
    return folder


def newest(runs: Path) -> Path:
    return sorted(runs.glob("run-*"), key=lambda p: p.stat().st_mtime)[-1]


def evidence(
    run_dir: Path, under: str = "scenarios"
) -> dict[str, tuple[str, set[str], list[dict[str, object]]]]:
    """scenario id -> (status, files, chronology steps) of each scenario folder ``under``."""
    found = {}
    for index_path in run_dir.glob(f"{under}/*/{INDEX_NAME}"):
        index = json.loads(index_path.read_text(encoding="utf-8"))
        steps = json.loads((index_path.parent / "chronology.json").read_text(encoding="utf-8"))
        found[index["scenario_id"]] = (index["status"], set(index["files"]), steps)
    return found


def recorded(run_dir: Path, under: str, scenario: str) -> bool:
    """What the scenario folder's index.json says: did that attempt record, and did any of its
    desks start a Playwright trace (the two agree: every scenario here opens a desk)?"""
    index = json.loads((run_dir / under / scenario / INDEX_NAME).read_text(encoding="utf-8"))
    assert bool(index["traced_desks"]) == index["recorded"]
    return bool(index["recorded"])


def traces(files: set[str]) -> list[str]:
    return [f for f in files if f.startswith("traces/") and f.endswith(".zip")]


def test_a_run_leaves_junit_allure_report_and_coverage_people_and_ci_can_read(
    runs: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # An earlier run in the same folder (the trend has two points), keeping every artifact.
    assert main(["run", "KODOK-981", "--runs-dir", str(runs), "--artifacts", "always"]) == 0
    capfd.readouterr()
    status, files, steps = evidence(newest(runs))["KODOK-981"]
    assert status == "passed"
    assert len(traces(files)) == 1
    # The Then step only read the page: it shows the picture taken after the When, not a copy.
    assert [s["screenshot"] for s in steps] == ["screenshots/01-ok.png", "screenshots/01-ok.png"]
    assert "screenshots/02-ok.png" not in files

    code = main(["run", "KODOK-981", "KODOK-982", "KODOK-983", "--runs-dir", str(runs)])
    out, err = capfd.readouterr()
    assert code == 1
    run = newest(runs)

    # Evidence. The first attempts recorded nothing: the pass has its chronology only (no
    # trace was started, no step photographed), the failure its chronology and a picture of
    # the failing step.
    folders = evidence(run)
    status, files, steps = folders["KODOK-981"]
    assert status == "passed"
    assert not recorded(run, "scenarios", "KODOK-981")
    assert not [f for f in files if f.startswith(("traces/", "screenshots/"))]
    assert [s["screenshot"] for s in steps] == [None, None]
    assert [s["outcome"] for s in steps] == ["ok", "ok"]
    assert all(s["page_title"] and s["page_url"] for s in steps)
    assert {"chronology.json", "server-log.jsonl", "faults-fired.json"} <= files
    status, files, steps = folders["KODOK-982"]
    assert status == "failed"
    assert not recorded(run, "scenarios", "KODOK-982")
    assert not traces(files)
    assert [s["screenshot"] for s in steps] == [None, "screenshots/02-failed.png"]
    assert "laporan-kronologi.docx" not in files
    # The failure ran once more, recording: traces, every step's screenshot, the Word report.
    assert set(evidence(run, "rerun-1/scenarios")) == {"KODOK-982"}
    status, files, steps = evidence(run, "rerun-1/scenarios")["KODOK-982"]
    assert status == "failed"
    assert recorded(run, "rerun-1/scenarios", "KODOK-982")
    assert len(traces(files)) == 1
    assert {"screenshots/01-ok.png", "screenshots/02-failed.png"} <= files
    assert all(s["screenshot"] for s in steps)
    assert "laporan-kronologi.docx" in files
    outcomes = {o["scenario_id"]: o for o in json.loads((run / "outcomes.json").read_text())}
    assert outcomes["KODOK-982"]["artifacts"] == "rerun-1/scenarios/KODOK-982"
    assert [(a["status"], a["recorded"]) for a in outcomes["KODOK-982"]["attempts"]] == [
        ("failed", False),
        ("failed", True),
    ]
    assert outcomes["KODOK-981"]["attempts"] == []

    # The terminal: full titles, the failed check's texts with the difference, no pytest internals.
    terminal = out + err
    assert "KODOK-983 Unggah harga.pdf tanpa sertifikat [contoh 1]" in terminal
    assert "GAGAL         KODOK-982 Pendaftaran yang diharapkan meminta login" in terminal
    assert "diharapkan:  Silakan login terlebih dahulu." in terminal
    assert "beda:" in terminal
    assert "menjalankan ulang 1 skenario yang gagal dengan rekaman lengkap" in terminal
    assert "tanpa rekaman)" in terminal  # the first attempt, under the failure
    reports = [line for line in terminal.splitlines() if "laporan Word:" in line]
    assert len(reports) == 1
    assert "rerun-1/scenarios/KODOK-982/laporan-kronologi.docx" in reports[0]
    for internal in ("deselected", "site-packages", "bringing up nodes", "short test summary"):
        assert internal not in terminal

    # junit.xml as a CI server reads it.
    suites = ET.parse(run / "junit.xml").getroot()
    assert suites.tag == "testsuites"
    assert (suites.get("tests"), suites.get("failures"), suites.get("skipped")) == ("4", "1", "2")
    cases = {c.get("name"): c for c in suites.iter("testcase")}
    assert set(cases) == {
        "KODOK-981 Pendaftaran berhasil",
        "KODOK-982 Pendaftaran yang diharapkan meminta login",
        "KODOK-983 Unggah harga.pdf tanpa sertifikat [contoh 1]",
        "KODOK-983 Unggah teknis.pdf tanpa sertifikat [contoh 2]",
    }
    failed = cases["KODOK-982 Pendaftaran yang diharapkan meminta login"]
    assert failed.get("classname") == "Laporan run"
    failure = failed.find("failure")
    assert failure is not None
    assert "beda:" in (failure.text or "")
    properties = {(p.get("name"), p.get("value")) for p in failed.iter("property")}
    assert {("id", "KODOK-982"), ("aturan", "akt-a-2"), ("sumber", "domain-alur-penyedia")} <= (
        properties
    )
    not_applicable = cases["KODOK-983 Unggah teknis.pdf tanpa sertifikat [contoh 2]"]
    assert not_applicable.find("skipped") is not None

    # Allure's results: one per scenario row, labelled by the tags, evidence attached.
    results = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in (run / "allure-results").glob("*-result.json")
    ]
    by_name = {r["name"]: r for r in sorted(results, key=lambda r: r["stop"])}
    assert set(by_name) == set(cases)
    # The failure twice (Allure shows the re-run as its retry); the newest is the recorded one.
    name = "KODOK-982 Pendaftaran yang diharapkan meminta login"
    assert len([r for r in results if r["name"] == name]) == 2
    allure_failed = by_name[name]
    assert allure_failed["status"] == "failed"
    labels = {(label["name"], label["value"]) for label in allure_failed["labels"]}
    assert {("as_id", "KODOK-982"), ("aturan", "akt-a-2"), ("profil", "semua")} <= labels
    assert [s["name"] for s in allure_failed["steps"]][-1].startswith("Maka")
    kinds = {a["type"] for a in allure_failed["attachments"]}
    assert {"image/png", "application/vnd.allure.playwright-trace"} <= kinds
    for attachment in allure_failed["attachments"]:
        assert (run / "allure-results" / attachment["source"]).is_file()
    # History follows the stable id; each example row has a history of its own.
    assert allure_failed["testCaseId"] == md5("KODOK-982")
    rows = [by_name[n] for n in by_name if n.startswith("KODOK-983")]
    assert [r["status"] for r in rows] == ["skipped", "skipped"]
    assert len({r["historyId"] for r in rows}) == 2

    # report.html's data: counts, failures first, statistics by tag, the trend.
    data = read_report_data((run / "report.html").read_text(encoding="utf-8"))
    assert data["counts"] == {"failed": 1, "flaky": 0, "passed": 1, "n/a": 2, "skipped": 0}
    assert [s["id"] for s in data["scenarios"]][:2] == ["KODOK-982", "KODOK-981"]
    rule = next(t for t in data["tags"] if t["tag"] == "aturan-akt-a-2")
    assert (rule["counts"]["passed"], rule["counts"]["failed"]) == (1, 1)
    assert [h["run"] for h in data["history"]][-1] == run.name
    assert len(data["history"]) == 2

    # coverage.html: every rule, the two scenarios citing akt-a-2 with this run's status.
    page = (run / "coverage.html").read_text(encoding="utf-8")
    start = page.index(f'id="{COVERAGE_DATA_ID}">') + len(f'id="{COVERAGE_DATA_ID}">')
    rows = json.loads(page[start : page.index("</script>", start)])
    assert len(rows) == len(SEED_RULES)
    cited = next(r for r in rows if r["rule"] == "akt-a-2")
    assert {s["id"]: s["status"] for s in cited["scenarios"]} == {
        "KODOK-981": "passed",
        "KODOK-982": "failed",
    }
    assert cited["verdict"] == "gagal"


def test_a_selection_that_matches_nothing_or_only_not_applicable_scenarios_fails(
    runs: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "-k", "tidak_ada_yang_begini", "--runs-dir", str(runs)]) == 1
    out, err = capfd.readouterr()
    assert "tidak ada skenario yang cocok dengan -k 'tidak_ada_yang_begini'" in err
    assert "deselected" not in out + err

    assert main(["run", "KODOK-983", "--runs-dir", str(runs)]) == 1
    _, err = capfd.readouterr()
    assert "semua 2 skenario tidak berlaku untuk profil spse-4.3-ca" in err

    assert main(["run", "KODOK-983", "--runs-dir", str(runs), "--allow-all-na"]) == 0
    _, err = capfd.readouterr()
    assert "semua 2 skenario tidak berlaku untuk profil spse-4.3-ca" in err
    assert "--allow-all-na menerimanya" not in err


def test_run_catalog_runs_the_scenarios_of_that_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    catalog = tmp_path / "katalog-sendiri"
    catalog.mkdir()
    (catalog / "non_ca.feature").write_text(NON_CA, encoding="utf-8")
    monkeypatch.delenv("SPSE_SIM_CATALOG", raising=False)
    run = tmp_path / "run"

    code = main(["run", "KODOK-983", "--catalog", str(catalog), "--output", str(run)])

    assert code == 1, capfd.readouterr()  # both rows are for NON CA only: nothing tested
    assert "semua 2 skenario tidak berlaku untuk profil spse-4.3-ca" in capfd.readouterr().err
    outcomes = json.loads((run / "outcomes.json").read_text(encoding="utf-8"))
    assert [(o["scenario_id"], o["example"]) for o in outcomes] == [
        ("KODOK-983", 1),
        ("KODOK-983", 2),
    ]


FLAKY = """# language: id
@sumber-domain-alur-penyedia @profil-semua
Fitur: Sekali gagal

  @KODOK-984
  Skenario: Pendaftaran yang gagal sekali lalu lolos
    Ketika calon penyedia "CV Maju" mendaftar dengan alamat emailnya
    Maka langkah ini gagal pada percobaan pertama
"""

# A step only this test has, loaded into the child pytest as a plugin (-p): it fails the first
# time it runs in a test's folder and passes afterwards, as a flaky page would.
FLAKY_STEP = """
from pathlib import Path
import os

from pytest_bdd import then


@then("langkah ini gagal pada percobaan pertama")
def gagal_sekali() -> None:
    marker = Path(os.environ["SEKALI_GAGAL"])
    if not marker.exists():
        marker.touch()
        raise AssertionError("gagal pada percobaan pertama")
"""


def test_a_failure_that_passes_when_re_run_recording_is_flaky_and_its_failure_stays_visible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = tmp_path / "katalog"
    catalog.mkdir()
    (catalog / "sekali_gagal.feature").write_text(FLAKY, encoding="utf-8")
    plugins = tmp_path / "plugin"
    plugins.mkdir()
    (plugins / "langkah_sekali_gagal.py").write_text(FLAKY_STEP, encoding="utf-8")
    monkeypatch.setenv("SPSE_SIM_CATALOG", str(catalog))
    monkeypatch.setenv("SEKALI_GAGAL", str(tmp_path / "sudah-gagal"))
    earlier = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(plugins), *earlier]))
    run = tmp_path / "run"
    request = ScenarioRunRequest(output_dir=run, extra_args=("-p", "langkah_sekali_gagal"))
    result = run_qa(request)
    assert result.exit_code == 1  # flaky is not green
    [outcome] = result.outcomes
    assert outcome.status == "flaky"
    assert [(a.status, a.recorded) for a in outcome.attempts] == [
        ("failed", False),
        ("passed", True),
    ]
    # The failure stays the outcome's own: its error, its folder with a picture of the step.
    assert "gagal pada percobaan pertama" in outcome.error
    assert outcome.artifacts == "scenarios/KODOK-984"
    status, files, steps = evidence(run)["KODOK-984"]
    assert status == "failed"
    assert [s["outcome"] for s in steps] == ["ok", "failed"]
    assert [s["screenshot"] for s in steps] == [None, "screenshots/02-failed.png"]
    # The recorded re-run that passed keeps what it recorded, as Playwright keeps the trace
    # of a first retry.
    status, files, steps = evidence(run, "rerun-1/scenarios")["KODOK-984"]
    assert status == "passed"
    assert recorded(run, "rerun-1/scenarios", "KODOK-984")
    assert not recorded(run, "scenarios", "KODOK-984")
    assert len(traces(files)) == 1
    assert all(s["screenshot"] for s in steps)
    data = read_report_data(result.report.read_text(encoding="utf-8"))
    assert data["counts"]["flaky"] == 1
