"""``spse-sim evidence RUN_DIR``: rebuild the Word report from a run's evidence folder."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.errors import EXIT_FAILED, CliError
from simulator.cli.options import existing_folder, new_command
from spse_shared.language import tr

if TYPE_CHECKING:
    from simulator.cli.options import Subparsers


def add_parser(subparsers: Subparsers) -> None:
    """Register ``spse-sim evidence``, its options and its handler."""
    evidence = new_command(
        subparsers,
        "evidence",
        help="bangun ulang laporan Word (laporan-kronologi.docx) dari folder run",
        description=(
            "RUN_DIR adalah folder run perjalanan, folder satu skenario, atau run skenario "
            "(maka laporan setiap skenario dibangun ulang, atau hanya yang gagal dengan --failed)."
        ),
    )
    evidence.add_argument("run_dir", metavar="RUN_DIR", help="folder run atau skenario")
    evidence.add_argument(
        "--output", metavar="PATH", help="tempat menulis .docx (hanya untuk satu folder)"
    )
    evidence.add_argument(
        "--failed", action="store_true", help="run skenario: hanya skenario yang gagal"
    )
    evidence.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns its exit code."""
    # Imported here: the Word report's modules take seconds to import (see simulator.cli.main).
    from simulator.evidence.bundle import record_report, scenario_folders
    from simulator.evidence.docx import write_report

    run_dir = existing_folder(Path(args.run_dir))
    folders = [run_dir]
    if _index_field(run_dir, "kind") == "scenario-run":
        folders = [
            f
            for f in scenario_folders(run_dir)
            if not args.failed or _index_field(f, "status") == "failed"
        ]
        if args.output and len(folders) != 1:
            raise CliError(tr("--output hanya untuk satu folder"))
        if not folders and args.failed:
            none_failed = tr("{path}: tidak ada skenario yang gagal", path=run_dir)
            print(f"spse-sim: {none_failed}")
            return 0
        if not folders:  # a run stopped before any scenario finished
            none_finished = tr("{path}: tidak ada skenario yang selesai", path=run_dir)
            print(f"spse-sim: {none_finished}", file=sys.stderr)
            return EXIT_FAILED
    for folder in folders:
        path = write_report(folder, Path(args.output) if args.output else None)
        record_report(folder, path)
        print(path)
    return 0


def _index_field(folder: Path, name: str) -> str:
    index = folder / "index.json"
    if not index.exists():
        return ""
    return str(json.loads(index.read_text(encoding="utf-8")).get(name, ""))
