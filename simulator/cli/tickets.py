"""``spse-sim tickets DATA_DIR``: the LPSE Support tickets of a fake SPSE's data directory.

DATA_DIR is a data directory (``spse-sim serve --data-dir``) or a run folder with one in
``data/``. The command only reads: it can run while the server is running.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.formatting import clip, wib
from simulator.cli.options import find_data_dir, new_command
from spse_shared.language import tr

if TYPE_CHECKING:
    from simulator.cli.options import Subparsers

SUPPORT_DB = "support.sqlite3"


def add_parser(subparsers: Subparsers) -> None:
    """Register ``spse-sim tickets``, its options and its handler."""
    tickets = new_command(
        subparsers, "tickets", help="daftar tiket LPSE Support dari sebuah folder data"
    )
    tickets.add_argument("data_dir", metavar="DATA_DIR", help="folder data server atau folder run")
    tickets.add_argument("--json", action="store_true", help="cetak setiap tiket sebagai JSON")
    tickets.add_argument(
        "--history", action="store_true", help="cetak juga riwayat penanganan setiap tiket"
    )
    tickets.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns its exit code."""
    # Imported here: the server's modules take seconds to import (see simulator.cli.main).
    from fake_spse.support.pages import history_label
    from fake_spse.support.service import SupportStore, ticket_json

    data_dir = find_data_dir(Path(args.data_dir), SUPPORT_DB)
    views = [] if data_dir is None else SupportStore(data_dir / SUPPORT_DB).tickets()
    if args.json:
        print(json.dumps([ticket_json(v) for v in views], ensure_ascii=False, indent=2))
        return 0
    print(
        f"{tr('nomor'):<22} {'status':<19} {tr('penyedia'):<28} {tr('kategori'):<44} "
        f"{tr('perubahan terakhir')}"
    )
    for view in views:
        ticket, last = view.ticket, view.last_change.event
        vendor = f"{ticket.vendor_id} ({ticket.vendor_name})"
        category = f"{ticket.category} / {ticket.subcategory}"
        change = f"{wib(last.at)} {history_label(last)} {tr('oleh')} {last.actor_id}"
        print(
            f"{ticket.number:<22} {ticket.status.value:<19} {clip(vendor, 28):<28} "
            f"{clip(category, 44):<44} {change}"
        )
        if args.history:
            for line in view.history:
                event = line.event
                note = f": {event.note}" if event.note else ""
                print(
                    f"{'':<22}   {line.seq:>2}. {wib(event.at)} {event.actor_id} "
                    f"({event.actor_role}) {history_label(event)} -> {event.to_status.value}{note}"
                )
    print(tr("{n} tiket", n=len(views)))
    return 0
