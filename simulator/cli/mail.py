"""``spse-sim mail DATA_DIR``: the e-mail the LPSE's mail server of a fake SPSE received.

DATA_DIR as for ``spse-sim tickets``; the command only reads.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.formatting import clip, wib
from simulator.cli.options import find_data_dir, new_command
from spse_shared.language import tr

if TYPE_CHECKING:
    from simulator.cli.options import Subparsers

MAIL_INDEX = Path("mail") / "index.sqlite3"


def add_parser(subparsers: Subparsers) -> None:
    """Register ``spse-sim mail``, its options and its handler."""
    mail = new_command(subparsers, "mail", help="daftar email yang diterima server email LPSE")
    mail.add_argument("data_dir", metavar="DATA_DIR", help="folder data server atau folder run")
    mail.add_argument("--json", action="store_true", help="cetak setiap pesan sebagai JSON")
    mail.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns its exit code."""
    # Imported here: the server's modules take seconds to import (see simulator.cli.main).
    from fake_spse.adapters.mail import Mailbox, mail_json

    data_dir = find_data_dir(Path(args.data_dir), MAIL_INDEX)
    mails = (
        [] if data_dir is None else Mailbox(data_dir / "mail", lambda: datetime.now(UTC)).messages()
    )
    if args.json:
        print(json.dumps([mail_json(m) for m in mails], ensure_ascii=False, indent=2))
        return 0
    print(f"{'no':>4} {tr('diterima'):<21} {tr('dari'):<36} {tr('subjek'):<50} {tr('lampiran')}")
    for mail in mails:
        attachments = ", ".join(f"{a.name} ({a.size} B)" for a in mail.attachments) or "-"
        print(
            f"{mail.mail_id:>4} {wib(mail.received_at):<21} "
            f"{clip(mail.from_header or mail.mail_from, 36):<36} {clip(mail.subject, 50):<50} "
            f"{attachments}"
        )
        if data_dir is not None:
            print(f"{'':>4} {data_dir / 'mail' / 'inbox' / mail.file}")
    print(tr("{n} email", n=len(mails)))
    return 0
