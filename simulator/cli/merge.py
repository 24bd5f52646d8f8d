"""``spse-sim merge OUT SHARD_DIR...``: join the run folders of ``run --shard I/N`` into one run."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.errors import CliError
from simulator.cli.options import new_command
from spse_shared.language import tr

if TYPE_CHECKING:
    from simulator.cli.options import Subparsers


def add_parser(subparsers: Subparsers) -> None:
    """Register ``spse-sim merge``, its options and its handler."""
    merge = new_command(
        subparsers,
        "merge",
        help="gabungkan folder run dari 'run --shard I/N' menjadi satu run dan satu laporan",
        description=(
            "Seperti 'merge-reports' Playwright: outcomes.json, junit.xml, run.json, index.json "
            "dan report.html gabungan di OUT; folder setiap shard disalin ke OUT/shards/. "
            "Keluar 1 bila ada yang gagal atau shard kurang."
        ),
    )
    merge.add_argument("output", metavar="OUT", help="folder run gabungan (baru atau kosong)")
    merge.add_argument("shards", nargs="+", metavar="SHARD_DIR", help="folder run setiap shard")
    merge.add_argument(
        "--link", action="store_true", help="tautan keras (hard link) alih-alih salinan"
    )
    merge.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns its exit code."""
    # Imported here: the QA modules take seconds to import (see simulator.cli.main).
    from simulator.qa.merge import MergeError, merge_runs

    try:
        result = merge_runs(Path(args.output), [Path(p) for p in args.shards], link=args.link)
    except MergeError as exc:
        raise CliError(tr("tidak dapat menggabungkan: {reason}", reason=exc)) from None
    print(
        tr(
            "Run gabungan: {run}  Laporan HTML: {report}",
            run=result.output_dir,
            report=result.report,
        )
    )
    return result.exit_code
