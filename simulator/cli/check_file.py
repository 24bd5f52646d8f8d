"""``spse-sim check-file``: SpamKodok's pre-upload check of files (exit 1 if any is refused)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.errors import EXIT_FAILED
from simulator.cli.options import add_profile, new_command
from simulator.desk.spamkodok.filecheck import check_files
from spse_shared.language import tr
from spse_shared.profile import load_profile

if TYPE_CHECKING:
    from simulator.cli.options import Subparsers


def add_parser(subparsers: Subparsers) -> None:
    """Register ``spse-sim check-file``, its options and its handler."""
    check = new_command(
        subparsers,
        "check-file",
        help="pemeriksaan file SpamKodok sebelum unggah (keluar 1 jika ada yang ditolak)",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="file yang diperiksa")
    add_profile(check, "profil yang aturan nama filenya berlaku")
    check.add_argument(
        "--removable-root",
        action="append",
        default=[],
        metavar="DIR",
        help="anggap folder ini flashdisk (selain yang dikenali sistem operasi)",
    )
    check.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns its exit code."""
    profile = load_profile(args.profile)
    catalog = profile.catalog()
    checks = check_files(
        [Path(p) for p in args.paths],
        profile,
        removable_roots=[Path(r) for r in args.removable_root],
    )
    for check in checks:
        if check.accepted:
            print(f"OK      {check.path}")
            continue
        print(f"{tr('DITOLAK'):<7} {check.path}")
        for problem in check.problems:
            print(f"        {catalog.text(problem.key, **problem.params)}")
    return 0 if all(c.accepted for c in checks) else EXIT_FAILED
