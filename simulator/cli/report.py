"""``spse-sim report RUN``: (re)write a scenario run's report.html, coverage.html and junit.xml
from its outcomes.json."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.options import new_command

if TYPE_CHECKING:
    from simulator.cli.options import Subparsers


def add_parser(subparsers: Subparsers) -> None:
    """Register ``spse-sim report``, its options and its handler."""
    report = new_command(
        subparsers,
        "report",
        help="tulis (ulang) report.html, coverage.html dan junit.xml sebuah run skenario dari "
        "outcomes.json-nya",
    )
    report.add_argument("run", metavar="RUN", help="folder run skenario")
    report.add_argument(
        "--compare-with",
        action="append",
        default=[],
        metavar="RUN",
        help="tambahkan matriks regresi terhadap run sebelumnya ini (dapat diulang)",
    )
    report.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns its exit code."""
    # Imported here: the QA modules take seconds to import (see simulator.cli.main).
    from simulator.harness.run_folder import JUNIT_NAME
    from simulator.qa.compare import build_matrix, load_run
    from simulator.qa.coverage_html import catalog_entries, write_coverage
    from simulator.qa.junit import write_junit
    from simulator.qa.report_html import matrix_html, write_report

    run = load_run(Path(args.run))
    earlier = [load_run(Path(p)) for p in args.compare_with]
    matrix = ""
    if earlier:
        runs = [*earlier, run]
        matrix = matrix_html(runs, build_matrix(runs), run.path)
    outcomes = sorted(run.outcomes.values(), key=lambda o: o.catalog_order)
    started = str(run.manifest.get("started") or "")
    write_junit(
        run.path / JUNIT_NAME,
        outcomes,
        timestamp=started,
        interrupted=run.interrupted,
        unfinished=run.unfinished,
    )
    write_coverage(run.path, outcomes, catalog_entries(), started=started)
    print(write_report(run.path, outcomes, run.manifest, matrix=matrix))
    return 0
