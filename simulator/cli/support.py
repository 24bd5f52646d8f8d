"""``spse-sim tickets DATA_DIR`` and ``spse-sim mail DATA_DIR``: LPSE Support and the LPSE's mail.

DATA_DIR is a fake SPSE's data directory (``spse-sim serve --data-dir``) or a run folder with
one in ``data/``. Both commands only read: they can run while the server is running.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

SUPPORT_DB = "support.sqlite3"
MAIL_INDEX = Path("mail") / "index.sqlite3"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tickets = sub.add_parser("tickets", help="list the LPSE Support tickets of a data directory")
    tickets.add_argument("data_dir", metavar="DATA_DIR", help="server data dir or run folder")
    tickets.add_argument("--json", action="store_true", help="print every ticket as JSON")
    tickets.add_argument(
        "--history", action="store_true", help="also print each ticket's handling history"
    )
    tickets.set_defaults(func=cmd_tickets)

    mail = sub.add_parser("mail", help="list the e-mail the LPSE's mail server received")
    mail.add_argument("data_dir", metavar="DATA_DIR", help="server data dir or run folder")
    mail.add_argument("--json", action="store_true", help="print every message as JSON")
    mail.set_defaults(func=cmd_mail)


def find_data_dir(given: Path, marker: Path | str) -> Path | None:
    """``given`` if it holds ``marker``, else its ``data/`` folder if that does."""
    for candidate in (given, given / "data"):
        if (candidate / marker).is_file():
            return candidate
    return None


def _wib(moment: datetime) -> str:
    from spse_shared.wib import WIB

    return moment.astimezone(WIB).strftime("%Y-%m-%d %H:%M WIB")


def cmd_tickets(args: argparse.Namespace) -> int:
    from fake_spse.support.pages import history_label
    from fake_spse.support.service import SupportStore, ticket_json

    given = Path(args.data_dir)
    if not given.is_dir():
        print(f"spse-sim: {given}: no such folder", file=sys.stderr)
        return 2
    data_dir = find_data_dir(given, SUPPORT_DB)
    views = [] if data_dir is None else SupportStore(data_dir / SUPPORT_DB).tickets()
    if args.json:
        print(json.dumps([ticket_json(v) for v in views], ensure_ascii=False, indent=2))
        return 0
    print(f"{'nomor':<22} {'status':<19} {'penyedia':<28} {'kategori':<44} perubahan terakhir")
    for view in views:
        ticket, last = view.ticket, view.last_change.event
        vendor = f"{ticket.vendor_id} ({ticket.vendor_name})"
        category = f"{ticket.category} / {ticket.subcategory}"
        change = f"{_wib(last.at)} {history_label(last)} oleh {last.actor_id}"
        print(
            f"{ticket.number:<22} {ticket.status.value:<19} {_clip(vendor, 28):<28} "
            f"{_clip(category, 44):<44} {change}"
        )
        if args.history:
            for line in view.history:
                event = line.event
                note = f": {event.note}" if event.note else ""
                print(
                    f"{'':<22}   {line.seq:>2}. {_wib(event.at)} {event.actor_id} "
                    f"({event.actor_role}) {history_label(event)} -> {event.to_status.value}{note}"
                )
    print(f"{len(views)} tiket")
    return 0


def cmd_mail(args: argparse.Namespace) -> int:
    from fake_spse.adapters.mail import Mailbox, mail_json

    given = Path(args.data_dir)
    if not given.is_dir():
        print(f"spse-sim: {given}: no such folder", file=sys.stderr)
        return 2
    data_dir = find_data_dir(given, MAIL_INDEX)
    mails = (
        [] if data_dir is None else Mailbox(data_dir / "mail", lambda: datetime.now(UTC)).messages()
    )
    if args.json:
        print(json.dumps([mail_json(m) for m in mails], ensure_ascii=False, indent=2))
        return 0
    print(f"{'no':>4} {'diterima':<21} {'dari':<36} {'subjek':<50} lampiran")
    for mail in mails:
        attachments = ", ".join(f"{a.name} ({a.size} B)" for a in mail.attachments) or "-"
        print(
            f"{mail.mail_id:>4} {_wib(mail.received_at):<21} "
            f"{_clip(mail.from_header or mail.mail_from, 36):<36} {_clip(mail.subject, 50):<50} "
            f"{attachments}"
        )
        if data_dir is not None:
            print(f"{'':>4} {data_dir / 'mail' / 'inbox' / mail.file}")
    print(f"{len(mails)} email")
    return 0


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
