"""``spse-sim run --journey``: the CA journey stays the default, ``seleksi`` walks the Seleksi
dua file; the choice is refused with scenario ids; its help in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.cli.main import main
from simulator.cli.run import JOURNEY_CHOICES
from simulator.harness.environment import RunOptions
from simulator.journey import LANES
from simulator.journey.run import DEFAULT_JOURNEY, JOURNEYS, RunResult


@pytest.fixture
def walked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The journeys ``run`` was asked to walk (the walk itself is the e2e tests')."""
    names: list[str] = []

    def fake_run_journey(options: RunOptions, **kwargs: object) -> RunResult:
        names.append(str(kwargs["journey_name"]))
        assert kwargs["lanes"] == {}
        return RunResult(options.output_dir, True, [], None, None)

    def no_lanes(journey_name: str, **kwargs: object) -> dict[str, object]:
        assert journey_name in LANES
        return {}

    monkeypatch.setattr("simulator.journey.run.run_journey", fake_run_journey)
    # No Chromium is launched for a walk that does not happen.
    monkeypatch.setattr("simulator.journey.start_lanes", no_lanes)
    return names


def test_the_cli_offers_exactly_the_journeys_there_are() -> None:
    assert tuple(JOURNEYS) == JOURNEY_CHOICES == tuple(LANES)
    assert JOURNEY_CHOICES[0] == DEFAULT_JOURNEY == "ca"


def test_the_ca_journey_stays_the_default(
    walked: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "--output", str(tmp_path / "run")]) == 0
    assert walked == ["ca"]
    assert "perjalanan CA pada fake SPSE bawaan" in capsys.readouterr().out


def test_journey_seleksi_walks_the_seleksi_dua_file(
    walked: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "--journey", "seleksi", "--output", str(tmp_path / "run")]) == 0
    assert walked == ["seleksi"]
    assert "perjalanan Seleksi dua file pada fake SPSE bawaan" in capsys.readouterr().out


def test_journey_with_scenario_ids_is_refused(
    walked: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["run", "KODOK-410", "--journey", "seleksi", "--output", str(tmp_path / "r")])
    assert code == 2
    assert capsys.readouterr().err.splitlines() == [
        "spse-sim: --journey hanya berlaku tanpa id skenario, --all, --tag atau -k"
    ]
    assert walked == []


def test_an_unknown_journey_is_refused_naming_the_choices(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["run", "--journey", "tender-cepat"])
    assert stopped.value.code == 2
    assert "pilihan tidak sah: 'tender-cepat' (pilih dari 'ca', 'seleksi')" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("id", "'seleksi' (Seleksi Prakualifikasi Dua File, Jasa Konsultansi, sampai"),
        ("en", "'seleksi' (two-file prequalification Selection for consultancy, up to the"),
    ],
)
def test_run_help_explains_the_journeys(
    language: str,
    words: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SPSE_SIM_LANG", language)
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--journey {ca,seleksi}" in help_text
    assert words in help_text
