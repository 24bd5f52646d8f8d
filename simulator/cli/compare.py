"""``spse-sim compare RUN_A RUN_B [RUN ...]``: the regression matrix of scenario runs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.errors import EXIT_FAILED, CliError
from simulator.cli.options import new_command
from spse_shared.language import tr

if TYPE_CHECKING:
    from simulator.cli.options import Subparsers


def add_parser(subparsers: Subparsers) -> None:
    """Register ``spse-sim compare``, its options and its handler."""
    compare = new_command(
        subparsers,
        "compare",
        help="skenario mana yang berubah hasil atau pesannya antar-run (matriks regresi)",
        description=(
            "Membandingkan setiap run dengan yang pertama: perubahan status ('hasil'), pesan "
            "yang diharapkan atau teramati yang berubah ('pesan'), skenario yang hanya ada di "
            "satu run ('baru', 'hilang'). Keluar 1 bila ada yang berubah."
        ),
    )
    compare.add_argument(
        "runs", nargs="+", metavar="RUN", help="folder run skenario, yang terlama dahulu"
    )
    compare.add_argument(
        "--html",
        metavar="PATH",
        help="tulis halaman matriks di sini (bawaan: RUN_TERAKHIR/compare.html)",
    )
    compare.add_argument(
        "--all", action="store_true", help="tampilkan juga skenario yang tidak berubah"
    )
    compare.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns its exit code."""
    # Imported here: the QA modules take seconds to import (see simulator.cli.main).
    from simulator.qa.compare import build_matrix, format_matrix, load_run
    from simulator.qa.report_html import matrix_html, page

    if len(args.runs) < 2:
        raise CliError(tr("compare butuh sedikitnya dua folder run"))
    runs = [load_run(Path(p)) for p in args.runs]
    rows = build_matrix(runs)
    print(format_matrix(runs, rows, everything=args.all))
    target = Path(args.html) if args.html else runs[-1].path / "compare.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    title = tr("Matriks regresi QA SPSE: {runs}", runs=" vs ".join(run.name for run in runs))
    target.write_text(page(title, matrix_html(runs, rows, target.parent)), encoding="utf-8")
    print(f"HTML: {target}")
    return EXIT_FAILED if any(row.changed for row in rows) else 0
