"""QA mode on the command line: parallel catalog runs, re-runs, other deployments, comparison.

``spse-sim run --all -n auto --reruns 1 --base-url URL --compare-with RUN`` (options added to
``run``) and ``spse-sim compare RUN_A RUN_B [RUN ...]`` (the regression matrix).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def workers_value(text: str) -> str:
    """pytest-xdist's ``-n``: a positive number, "auto" or "logical"."""
    if text in ("auto", "logical") or (text.isdigit() and int(text) > 0):
        return text
    raise argparse.ArgumentTypeError(f"must be a positive number, 'auto' or 'logical': {text!r}")


def base_url_value(text: str) -> str:
    if not text.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(
            f"must be an http(s) URL, e.g. http://host/eproc4: {text!r}"
        )
    return text.rstrip("/")


def reruns_value(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"must be 0 or a positive number: {text!r}")
    return int(text)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = sub.choices["run"]
    qa = run.add_argument_group("QA mode (with ids, --all or -k)")
    qa.add_argument(
        "-n",
        "--workers",
        type=workers_value,
        metavar="N",
        help="run scenarios in N parallel processes (pytest-xdist; 'auto' = one per CPU)",
    )
    qa.add_argument(
        "--reruns",
        type=reruns_value,
        default=0,
        metavar="N",
        help="re-run failed scenarios up to N times; a later pass is reported as flaky",
    )
    qa.add_argument(
        "--base-url",
        type=base_url_value,
        metavar="URL",
        help="drive another deployment of the pages (no /_sim: such scenarios become N/A)",
    )
    qa.add_argument(
        "--compare-with",
        action="append",
        default=[],
        metavar="RUN",
        help="add the regression matrix against this earlier run to the report (repeatable)",
    )

    compare = sub.add_parser(
        "compare",
        help="which scenarios changed outcome or message between runs (regression matrix)",
        description=(
            "Compares every run with the first: status changes ('outcome'), changed expected "
            "or observed messages ('message'), scenarios only in one run. Exit 1 when "
            "anything changed."
        ),
    )
    compare.add_argument(
        "runs", nargs="+", metavar="RUN", help="scenario run folders, oldest first"
    )
    compare.add_argument(
        "--html", metavar="PATH", help="write the matrix page here (default: LAST_RUN/compare.html)"
    )
    compare.add_argument("--all", action="store_true", help="list unchanged scenarios too")
    compare.set_defaults(func=cmd_compare)

    report = sub.add_parser(
        "report", help="(re)write a scenario run's report.html from its outcomes.json"
    )
    report.add_argument("run", metavar="RUN", help="the scenario run folder")
    report.add_argument(
        "--compare-with",
        action="append",
        default=[],
        metavar="RUN",
        help="add the regression matrix against this earlier run (repeatable)",
    )
    report.set_defaults(func=cmd_report)


def check_compare_runs(paths: list[str]) -> str | None:
    """The problem with ``--compare-with`` folders, checked before a long run starts."""
    from simulator.qa.compare import CompareError, load_run

    for path in paths:
        try:
            load_run(Path(path))
        except CompareError as exc:
            return str(exc)
    return None


def cmd_compare(args: argparse.Namespace) -> int:
    from simulator.qa.compare import CompareError, build_matrix, format_matrix, load_run
    from simulator.qa.report_html import matrix_html, page

    if len(args.runs) < 2:
        print("spse-sim: compare needs at least two run folders", file=sys.stderr)
        return 2
    try:
        runs = [load_run(Path(p)) for p in args.runs]
    except CompareError as exc:
        print(f"spse-sim: {exc}", file=sys.stderr)
        return 2
    rows = build_matrix(runs)
    print(format_matrix(runs, rows, everything=args.all))
    target = Path(args.html) if args.html else runs[-1].path / "compare.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    title = "SPSE QA regression matrix: " + " vs ".join(run.name for run in runs)
    target.write_text(page(title, matrix_html(runs, rows, target.parent)), encoding="utf-8")
    print(f"HTML: {target}")
    return 1 if any(row.changed for row in rows) else 0


def cmd_report(args: argparse.Namespace) -> int:
    from simulator.qa.compare import CompareError, build_matrix, load_run
    from simulator.qa.report_html import matrix_html, write_report

    try:
        run = load_run(Path(args.run))
        earlier = [load_run(Path(p)) for p in args.compare_with]
    except CompareError as exc:
        print(f"spse-sim: {exc}", file=sys.stderr)
        return 2
    matrix = ""
    if earlier:
        runs = [*earlier, run]
        matrix = matrix_html(runs, build_matrix(runs), run.path)
    outcomes = sorted(run.outcomes.values(), key=lambda o: (o.scenario_id, o.title))
    print(write_report(run.path, outcomes, run.manifest, matrix=matrix))
    return 0
