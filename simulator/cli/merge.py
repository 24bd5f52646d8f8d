"""``spse-sim merge OUT SHARD_DIR...``: join the run folders of ``run --shard I/N`` into one run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.errors import CliError
from simulator.cli.formatting import print_summary
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
    from simulator.harness.run_folder import INCOMPLETE, INTERRUPTED
    from simulator.qa.merge import MergeError, merge_runs

    try:
        result = merge_runs(Path(args.output), [Path(p) for p in args.shards], link=args.link)
    except MergeError as exc:
        raise CliError(tr("tidak dapat menggabungkan: {reason}", reason=exc)) from None
    manifest = result.manifest
    shards = ", ".join(f"{s['shard'] or s['folder']} ({s['source']})" for s in manifest["shards"])
    print(tr("Run gabungan {run} dari {shards}", run=result.output_dir, shards=shards))
    print_summary(result.outcomes, result.output_dir, result.report, manifest["elapsed_s"])
    if manifest["status"] == INCOMPLETE:
        missing = ", ".join(manifest["missing_shards"])
        line = tr("run gabungan tidak lengkap: shard {missing} tidak ada", missing=missing)
        print(f"spse-sim: {line}", file=sys.stderr)
    elif manifest["status"] == INTERRUPTED:
        stopped = ", ".join(
            str(s["shard"] or s["folder"]) for s in manifest["shards"] if s["status"] == INTERRUPTED
        )
        line = tr("shard {shards} dihentikan (Ctrl-C) sebelum selesai", shards=stopped)
        print(f"spse-sim: {line}", file=sys.stderr)
    return result.exit_code
