"""What ``spse-sim`` checks before it starts work: a writable output or data folder, a display
for --headed, a --base-url that answers. Each refusal is one line, exit 2, nothing written."""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

import pytest

from simulator.cli.main import main
from simulator.demo.basic import SEEDED_MARKER
from simulator.harness.environment import RunOptions
from simulator.qa.run import QaRunResult
from simulator.scenarios.run import ScenarioOutcome, ScenarioRunRequest
from simulator.scenarios.unfinished import UnfinishedScenario


@pytest.fixture
def a_file(tmp_path: Path) -> Path:
    path = tmp_path / "catatan.txt"
    path.write_text("bukan folder")
    return path


@pytest.mark.parametrize("ids", [[], ["KODOK-003"]], ids=["journey", "scenarios"])
def test_an_output_folder_that_cannot_be_written_is_refused(
    ids: list[str], a_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", *ids, "--output", str(a_file / "run")]) == 2

    assert capsys.readouterr().err.splitlines() == [
        f"spse-sim: --output {a_file / 'run'}: folder tidak dapat ditulis "
        "(bagian dari jalurnya bukan folder)"
    ]
    assert a_file.read_text() == "bukan folder"


@pytest.mark.parametrize("ids", [[], ["KODOK-003"]], ids=["journey", "scenarios"])
def test_an_output_folder_holding_an_earlier_run_is_refused_and_left_as_it_was(
    ids: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = tmp_path / "run"
    (earlier / "data").mkdir(parents=True)
    (earlier / "index.json").write_text('{"ok": true}')

    assert main(["run", *ids, "--output", str(earlier)]) == 2

    assert capsys.readouterr().err.splitlines() == [
        f"spse-sim: --output {earlier}: folder sudah berisi file; pilih folder baru atau yang "
        "kosong (atau tanpa --output: folder baru di bawah --runs-dir)"
    ]
    assert sorted(p.name for p in earlier.iterdir()) == ["data", "index.json"]
    assert (earlier / "index.json").read_text() == '{"ok": true}'


def test_an_output_folder_in_proc_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--output", "/proc/spse-sim-run"]) == 2

    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("spse-sim: --output /proc/spse-sim-run: folder tidak dapat ditulis")


def test_a_runs_dir_that_is_a_file_is_refused(
    a_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "KODOK-003", "--runs-dir", str(a_file)]) == 2

    assert capsys.readouterr().err.splitlines() == [
        f"spse-sim: --runs-dir {a_file}: folder tidak dapat ditulis (sudah ada dan bukan folder)"
    ]


def test_a_data_dir_that_cannot_be_written_is_refused_before_serving(
    a_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[object] = []
    monkeypatch.setattr("simulator.demo.basic.serve", lambda **kw: served.append(kw) or 0)

    assert main(["serve", "--data-dir", str(a_file / "data")]) == 2

    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"spse-sim: --data-dir {a_file / 'data'}: folder tidak dapat ditulis")
    assert served == []


@pytest.mark.parametrize("ids", [[], ["KODOK-003"]], ids=["journey", "scenarios"])
@pytest.mark.parametrize("display", [None, ":971"], ids=["unset", "nobody-answers"])
def test_headed_without_a_display_says_how_to_run_headless(
    ids: list[str],
    display: str | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if display is None:
        monkeypatch.delenv("DISPLAY", raising=False)
    else:
        monkeypatch.setenv("DISPLAY", display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")

    assert main(["run", *ids, "--headed", "--output", str(tmp_path / "run")]) == 2

    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("spse-sim: --headed butuh layar")
    assert ("$DISPLAY=:971" in line) == (display is not None)
    assert "jalankan tanpa --headed" in line
    assert not (tmp_path / "run").exists()


def free_port() -> int:
    """A port nobody listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_a_base_url_nobody_answers_is_refused_before_any_scenario_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{free_port()}/eproc4"

    assert main(["run", "--all", "--base-url", url, "--output", str(tmp_path / "run")]) == 2

    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"spse-sim: tidak dapat menghubungi URL {url}: ")
    assert not (tmp_path / "run").exists()


def test_ctrl_c_during_the_journey_marks_its_folder_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted_journey(options: RunOptions, **kwargs: object) -> None:
        (options.output_dir / "chronology.json").write_text("[]")
        raise KeyboardInterrupt

    monkeypatch.setattr("simulator.journey.run.run_journey", interrupted_journey)
    monkeypatch.setattr("simulator.journey.start_lanes", lambda *args, **kwargs: {})

    assert main(["run", "--output", str(tmp_path / "run")]) == 130

    assert capsys.readouterr().err.splitlines() == [
        f"spse-sim: dihentikan oleh pengguna (Ctrl-C); yang sudah selesai ada di {tmp_path / 'run'}"
    ]
    index = json.loads((tmp_path / "run" / "index.json").read_text(encoding="utf-8"))
    assert (index["kind"], index["interrupted"], index["ok"]) == ("journey", True, False)
    assert "chronology.json" in index["files"]


def test_a_data_dir_seeded_for_the_other_demo_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "kelas-data"
    data.mkdir()
    (data / SEEDED_MARKER).write_text("")  # seeded by `spse-sim serve` without --demo

    assert main(["serve", "--demo", "--data-dir", str(data)]) == 2

    assert capsys.readouterr().err.splitlines() == [
        f"spse-sim: {data} sudah diisi tanpa --demo; gunakan --data-dir lain"
    ]
    assert sorted(p.name for p in data.iterdir()) == [SEEDED_MARKER]


def test_serve_ends_sessions_as_spse_does_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    served: list[dict[str, object]] = []
    monkeypatch.setattr("simulator.demo.basic.serve", lambda **kw: served.append(kw) or 0)
    assert main(["serve", "--data-dir", str(tmp_path / "a")]) == 0
    assert main(["serve", "--data-dir", str(tmp_path / "b"), "--sesi-tanpa-batas"]) == 0
    assert [s["session_expiry"] for s in served] == [True, False]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[ScenarioRunRequest]:
    """The scenario runs ``spse-sim run`` asks for; none runs (each ends as if interrupted)."""
    requests: list[ScenarioRunRequest] = []

    def run_qa(request: ScenarioRunRequest, **_: object) -> QaRunResult:
        requests.append(request)
        return QaRunResult(0, [], 0.0, request.output_dir / "report.html", {}, interrupted=True)

    monkeypatch.setattr("simulator.qa.run.run_qa", run_qa)
    return requests


def test_run_tag_runs_the_scenarios_list_tag_shows(
    tmp_path: Path, asked: list[ScenarioRunRequest], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["list", "--tag", "aturan-hh-2"])
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines() if "KODOK-" in line]

    main(["run", "--tag", "aturan-hh-2", "--output", str(tmp_path / "run")])

    assert len(asked) == 1
    assert asked[0].ids == listed


def test_run_tag_that_matches_nothing_says_so_and_runs_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "--tag", "aturan-tidak-ada", "--output", str(tmp_path / "run")]) == 2

    [line] = capsys.readouterr().err.splitlines()
    assert line == "spse-sim: tidak ada skenario dengan tag aturan-tidak-ada"
    assert not (tmp_path / "run").exists()


@pytest.mark.parametrize(
    ("args", "refusal"),
    [
        (
            ["KODOK-001", "--shard", ""],
            "--shard: shard harus berbentuk I/N, misalnya 1/3, bukan ''",
        ),
        (["KODOK-001", "--shard=0/2"], "--shard: shard '0/2': harus 1 <= I <= N"),
        (["--shard", "1/2"], "--shard hanya berlaku dengan id skenario, --all, --tag atau -k"),
    ],
    ids=["empty", "zero", "journey"],
)
def test_a_shard_that_cannot_be_run_is_refused_before_anything_starts(
    args: list[str], refusal: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", *args, "--output", str(tmp_path / "run")]) == 2

    assert capsys.readouterr().err.splitlines() == [f"spse-sim: {refusal}"]
    assert not (tmp_path / "run").exists()


@pytest.mark.parametrize(
    ("args", "header"),
    [
        (["KODOK-001", "KODOK-003", "KODOK-011", "--shard=2/2 "], "shard 2/2: 2 dari 3 skenario"),
        (
            ["-k", "flashdisk", "--shard", "1/3"],
            "shard 1/3 dari skenario yang cocok dengan -k 'flashdisk'",
        ),
        (["--all", "--shard", "3/3"], "shard 3/3 dari semua skenario"),
    ],
    ids=["ids", "keyword", "all"],
)
def test_a_shard_run_says_what_it_runs_and_records_its_shard_as_i_of_n(
    args: list[str],
    header: str,
    tmp_path: Path,
    asked: list[ScenarioRunRequest],
    capsys: pytest.CaptureFixture[str],
) -> None:
    output = tmp_path / "run"
    main(["run", *args, "--output", str(output)])

    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"spse-sim: {header} pada spse-4.3-ca, keluaran di {output}"
    assert [request.shard for request in asked] == [args[-1].removeprefix("--shard=").strip()]


@pytest.mark.parametrize("command", [["list"], ["run", "KODOK-001", "--output", "{run}"]])
def test_a_catalog_folder_without_feature_files_is_refused_not_passed_over(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "katalog"
    empty.mkdir()
    args = [a.format(run=tmp_path / "run") for a in command]

    assert main([*args, "--catalog", str(empty)]) == 2

    assert capsys.readouterr().err.splitlines() == [
        f"spse-sim: {empty}: bukan folder berisi file .feature"
    ]
    assert not (tmp_path / "run").exists()


@pytest.mark.parametrize("command", [["run"], ["replay", "KODOK-001"]])
@pytest.mark.parametrize("slowmo", ["-5", "nan", "inf", "lambat"])
def test_a_slowmo_that_is_no_pause_is_refused(
    command: list[str], slowmo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([*command, f"--slowmo={slowmo}"])

    assert stopped.value.code == 2
    assert f"argumen --slowmo: harus 0 atau lebih milidetik: '{slowmo}'" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize("base_url", [None, "http://lpse.example/eproc4"])
def test_a_run_where_nothing_applies_says_why_it_tested_nothing(
    base_url: str | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def run_qa(request: ScenarioRunRequest, **_: object) -> QaRunResult:
        outcome = ScenarioOutcome("KODOK-001", "Nama file", "n/a", 0.0, error="N/A: butuh /_sim")
        return QaRunResult(0, [outcome], 0.1, request.output_dir / "report.html", {})

    monkeypatch.setattr("simulator.qa.run.run_qa", run_qa)
    monkeypatch.setattr("simulator.cli.run.require_reachable", lambda url: None)
    target = ["--base-url", base_url] if base_url else []

    assert main(["run", "KODOK-001", *target, "--output", str(tmp_path / "run")]) == 1

    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("spse-sim: semua 1 skenario tidak berlaku untuk profil spse-4.3-ca")
    assert ("butuh /_sim, yang tidak ada pada --base-url" in last) == (base_url is not None)


@pytest.mark.parametrize("command", ["evidence", "tickets", "mail"])
def test_a_folder_argument_that_is_a_file_or_missing_says_which(
    command: str, a_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, str(a_file)]) == 2
    assert main([command, str(tmp_path / "tidak-ada")]) == 2

    assert capsys.readouterr().err.splitlines() == [
        f"spse-sim: {a_file}: bukan folder",
        f"spse-sim: {tmp_path / 'tidak-ada'}: folder tidak ada",
    ]


def test_ctrl_c_names_each_scenario_it_cut_off_then_where_the_run_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "run"
    cut = [
        UnfinishedScenario("KODOK-301", "judul", folder="scenarios/popen-gw0/KODOK-301"),
        UnfinishedScenario("KODOK-415", "judul", folder="scenarios/popen-gw1/KODOK-415"),
    ]

    def run_qa(request: ScenarioRunRequest, **_: object) -> QaRunResult:
        return QaRunResult(
            130, [], 1.0, output / "report.html", {}, interrupted=True, unfinished=cut
        )

    monkeypatch.setattr("simulator.qa.run.run_qa", run_qa)
    assert main(["run", "KODOK-301", "KODOK-415", "--output", str(output)]) == 130

    assert capsys.readouterr().err.splitlines() == [
        "spse-sim: KODOK-301 terhenti di tengah jalan; langkah yang sudah dijalankan ada di "
        f"{output / 'scenarios/popen-gw0/KODOK-301'}",
        "spse-sim: KODOK-415 terhenti di tengah jalan; langkah yang sudah dijalankan ada di "
        f"{output / 'scenarios/popen-gw1/KODOK-415'}",
        f"spse-sim: dihentikan oleh pengguna (Ctrl-C); yang sudah selesai ada di {output}",
    ]
