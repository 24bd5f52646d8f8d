"""junit.xml (simulator.qa.junit), read back as a CI server reads it: the JUnit XML schema's
<testsuites>/<testsuite>/<testcase> with classname, name, time, <failure>/<skipped> and
<properties> (Jenkins' JUnit plugin and GitLab's test report use exactly these)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from simulator.evidence.bundle import Check
from simulator.qa.junit import write_junit
from simulator.scenarios.run import Attempt, ScenarioOutcome
from simulator.scenarios.unfinished import UnfinishedScenario

FEATURE = "Pemeriksaan nama file penawaran oleh SpamKodok 2"
TAGS = ["KODOK-003", "aturan-hh-2", "profil-spse-4.3-ca", "sumber-hal-hal-yang-harus-diperhatikan"]


def outcomes() -> list[ScenarioOutcome]:
    return [
        ScenarioOutcome(
            "KODOK-003",
            "Nama file lebih dari 40 karakter",
            "failed",
            9.5,
            [
                Check(
                    "pesan",
                    "Nama file terlalu panjang (41 karakter)",
                    "Nama file terlalu panjang (40 karakter)",
                    False,
                )
            ],
            error="AssertionError: expected message",
            feature=FEATURE,
            tags=TAGS,
            example=1,
        ),
        ScenarioOutcome(
            "KODOK-001", "Nama file 39 karakter diterima", "passed", 8.25, feature=FEATURE
        ),
        ScenarioOutcome(
            "KODOK-060",
            "Penawaran APENDO",
            "n/a",
            0.0,
            error="N/A: tidak berlaku",
            feature="NON CA",
        ),
        ScenarioOutcome(
            "KODOK-010",
            "Unggah ulang",
            "flaky",
            20.0,
            attempts=[Attempt("failed", 10.0, "", "Timeout"), Attempt("passed", 10.0)],
            feature=FEATURE,
        ),
    ]


def test_ci_servers_see_ids_full_titles_features_and_tags(tmp_path: Path) -> None:
    path = write_junit(tmp_path / "junit.xml", outcomes(), timestamp="2026-03-02T01:00:00+00:00")
    root = ET.parse(path).getroot()
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert {k: suite.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "4",
        "failures": "2",
        "errors": "0",
        "skipped": "1",
    }
    assert float(suite.get("time", "0")) == 37.75
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert list(cases) == [
        "KODOK-003 Nama file lebih dari 40 karakter [contoh 1]",
        "KODOK-001 Nama file 39 karakter diterima",
        "KODOK-060 Penawaran APENDO",
        "KODOK-010 Unggah ulang",
    ]
    failed = cases["KODOK-003 Nama file lebih dari 40 karakter [contoh 1]"]
    assert failed.get("classname") == FEATURE
    assert failed.get("time") == "9.500"
    properties = [(p.get("name"), p.get("value")) for p in failed.iter("property")]
    assert ("id", "KODOK-003") in properties
    assert ("aturan", "hh-2") in properties
    assert ("profil", "spse-4.3-ca") in properties
    assert ("sumber", "hal-hal-yang-harus-diperhatikan") in properties
    assert ("tag", "aturan-hh-2") in properties
    failure = failed.find("failure")
    assert failure is not None
    assert "teramati" in failure.get("message", "")
    text = failure.text or ""
    assert "diharapkan: Nama file terlalu panjang (41 karakter)" in text
    assert "beda:       Nama file terlalu panjang (4[-1-]{+0+} karakter)" in text
    assert cases["KODOK-001 Nama file 39 karakter diterima"].find("failure") is None
    skipped = cases["KODOK-060 Penawaran APENDO"].find("skipped")
    assert skipped is not None
    assert skipped.get("message") == "N/A: tidak berlaku"
    # Flaky is no pass: spse-sim's exit code says so, and so does the CI server.
    flaky = cases["KODOK-010 Unggah ulang"].find("failure")
    assert flaky is not None
    assert flaky.get("type") == "flaky"
    assert "Percobaan 2: passed" in (flaky.text or "")


def test_an_empty_run_is_an_empty_suite(tmp_path: Path) -> None:
    root = ET.parse(write_junit(tmp_path / "junit.xml", [])).getroot()
    assert root.get("tests") == "0"
    assert root.findall("testsuite/testcase") == []


def test_an_interrupted_run_is_an_error_for_ci_not_a_green_suite(tmp_path: Path) -> None:
    passed = [o for o in outcomes() if o.status == "passed"]
    path = write_junit(tmp_path / "junit.xml", passed, interrupted=True)

    root = ET.parse(path).getroot()
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "0", "1")
    [error] = root.iter("error")
    assert error.get("type") == "interrupted"
    assert error.get("message", "").startswith("run dihentikan (Ctrl-C) sebelum selesai")


def test_each_scenario_cut_off_is_an_error_naming_the_folder_of_its_steps(tmp_path: Path) -> None:
    passed = [o for o in outcomes() if o.status == "passed"]
    cut = UnfinishedScenario(
        "KODOK-301", "file dari flashdisk", "Pembukaan", 2, folder="scenarios/popen-gw0/KODOK-301"
    )
    path = write_junit(tmp_path / "junit.xml", passed, interrupted=True, unfinished=[cut])

    root = ET.parse(path).getroot()
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "0", "2")
    [case] = [c for c in root.iter("testcase") if c.get("classname") == "Pembukaan"]
    assert case.get("name") == "KODOK-301 file dari flashdisk [contoh 2]"
    properties = {p.get("name"): p.get("value") for p in case.iter("property")}
    assert properties == {
        "id": "KODOK-301",
        "status": "interrupted",
        "folder": "scenarios/popen-gw0/KODOK-301",
    }
    error = case.find("error")
    assert error is not None
    assert error.get("type") == "interrupted"
    assert error.get("message") == (
        "dihentikan (Ctrl-C) di tengah jalan; langkah yang sudah dijalankan ada di "
        "scenarios/popen-gw0/KODOK-301"
    )
