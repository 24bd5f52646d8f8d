"""QA options of ``spse-sim run`` and the ``compare``/``report`` commands (parsing only)."""

from __future__ import annotations

import pytest

from simulator.cli.main import build_parser, main


def test_run_takes_workers_reruns_base_url_and_earlier_runs() -> None:
    args = build_parser().parse_args(
        [
            "run",
            "--all",
            "-n",
            "auto",
            "--reruns",
            "2",
            "--base-url",
            "http://lpse.example/eproc4/",
            "--compare-with",
            "runs/a",
            "--compare-with",
            "runs/b",
        ]
    )
    assert args.workers == "auto"
    assert args.reruns == 2
    assert args.base_url == "http://lpse.example/eproc4"
    assert args.compare_with == ["runs/a", "runs/b"]
    plain = build_parser().parse_args(["run", "--all"])
    assert (plain.workers, plain.reruns, plain.base_url, plain.compare_with) == (None, 0, None, [])


@pytest.mark.parametrize(
    "bad",
    [["-n", "0"], ["-n", "banyak"], ["--reruns", "-1"], ["--base-url", "lpse.example/eproc4"]],
)
def test_bad_qa_options_are_refused(bad: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["run", "--all", *bad])
    assert exited.value.code == 2
    assert "spse-sim run: argumen " in capsys.readouterr().err


def test_the_journey_refuses_another_deployment(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--base-url", "http://lpse.example/eproc4"]) == 2
    assert "perjalanan CA butuh /_sim" in capsys.readouterr().err


def test_compare_needs_two_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "runs/a"]) == 2
    assert "sedikitnya dua folder run" in capsys.readouterr().err


def test_tickets_need_scenarios_on_the_embedded_server(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["run", "--ticket"]) == 2
    assert main(["run", "KODOK-003", "--ticket", "--base-url", "http://lpse.example"]) == 2
    assert (
        capsys.readouterr().err.splitlines()
        == ["spse-sim: --ticket butuh id skenario, --all, --tag atau -k, tanpa --base-url"] * 2
    )
