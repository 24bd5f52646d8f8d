"""The LPSE's mailbox and its SMTP server: the seed's fallback when LPSE Support is down.

"Apabila tidak bisa login di LPSE Support, silahkan email ke LPSE ... beserta lampiran berwujud
MS. Word." ``SmtpServer`` is a real SMTP server (aiosmtpd) on a local port, run on the web
server's event loop and started and stopped with it. It accepts mail for the LPSE's address
only, and ``Mailbox`` keeps each message as an ``.eml`` file (written atomically) with an index
in SQLite: when it arrived (simulated and wall time), from whom, the subject, the text and the
attachments (name, type, size, sha256).
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import email.utils
import hashlib
import json
import os
import secrets
import smtplib
import socket
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session

from fake_spse.storage.sqlite import create_wal_schema, transaction
from spse_shared.atomic import fsync_directory

MAX_MESSAGE_BYTES = 25 * 2**20
# Folder (in an LPSE's data folder) of the vendors' mailboxes of the simulated world: the mail
# SPSE sends them (registration links, Lupa Password) lands there.
WEBMAIL_DIR = "webmail"
MAX_BODY_CHARS = 20_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    mail_id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL, wall_time TEXT NOT NULL, peer TEXT NOT NULL,
    mail_from TEXT NOT NULL, rcpt_tos TEXT NOT NULL, from_header TEXT NOT NULL,
    subject TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
    attachments TEXT NOT NULL, body TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class MailAttachment:
    index: int
    name: str
    content_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class ReceivedMail:
    mail_id: int
    file: str
    received_at: datetime
    wall_time: datetime
    peer: str
    mail_from: str
    rcpt_tos: tuple[str, ...]
    from_header: str
    subject: str
    size: int
    sha256: str
    attachments: tuple[MailAttachment, ...]
    body: str


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Mailbox:
    """Received mail under ``root``: ``inbox/*.eml`` and ``index.sqlite3``."""

    def __init__(
        self,
        root: Path,
        now: Callable[[], datetime],
        *,
        wall: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.root = root
        self.inbox = root / "inbox"
        self._tmp = root / ".tmp"
        self._now = now
        self._wall = wall
        self._lock = threading.RLock()
        self._index = root / "index.sqlite3"
        self.inbox.mkdir(parents=True, exist_ok=True)
        create_wal_schema(self._index, SCHEMA)

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self._index, self._lock)

    def deliver(
        self, raw: bytes, *, mail_from: str, rcpt_tos: Sequence[str], peer: str = ""
    ) -> ReceivedMail:
        """Keep one received message: the .eml first (atomically), then its index row."""
        received_at = self._now()
        wall = self._wall().astimezone(UTC)
        name = f"{received_at.astimezone(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(6)}.eml"
        self._write(name, raw)
        parsed = _parse(raw)
        try:
            with self._tx() as db:
                cur = db.execute(
                    "INSERT INTO messages (file, received_at, wall_time, peer, mail_from, "
                    "rcpt_tos, from_header, subject, size, sha256, attachments, body) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        name,
                        received_at.isoformat(),
                        wall.isoformat(),
                        peer,
                        mail_from,
                        json.dumps(list(rcpt_tos)),
                        parsed.from_header,
                        parsed.subject,
                        len(raw),
                        hashlib.sha256(raw).hexdigest(),
                        json.dumps([a.__dict__ for a in parsed.attachments]),
                        parsed.body,
                    ),
                )
                mail_id = int(cur.lastrowid or 0)
        except BaseException:
            (self.inbox / name).unlink(missing_ok=True)
            raise
        return self.message(mail_id)

    def _write(self, name: str, raw: bytes) -> None:
        self._tmp.mkdir(parents=True, exist_ok=True)
        tmp = self._tmp / name
        try:
            with tmp.open("wb") as out:
                out.write(raw)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.inbox / name)
            fsync_directory(self.inbox)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def messages(self) -> list[ReceivedMail]:
        """Every received message, newest first."""
        with self._tx() as db:
            rows = db.execute("SELECT * FROM messages ORDER BY mail_id DESC").fetchall()
        return [_mail(r) for r in rows]

    def message(self, mail_id: int) -> ReceivedMail:
        """One message; KeyError when there is none with this id."""
        with self._tx() as db:
            row = db.execute("SELECT * FROM messages WHERE mail_id=?", (mail_id,)).fetchone()
        if row is None:
            raise KeyError(mail_id)
        return _mail(row)

    def messages_to(self, address: str) -> list[ReceivedMail]:
        """The messages delivered to ``address`` (any spelling of its case), newest first."""
        wanted = address.strip().lower()
        return [m for m in self.messages() if wanted in (r.lower() for r in m.rcpt_tos)]

    def raw(self, mail_id: int) -> bytes:
        return (self.inbox / self.message(mail_id).file).read_bytes()

    def attachment(self, mail_id: int, index: int) -> tuple[MailAttachment, bytes]:
        """One attachment's metadata and bytes, taken out of the stored .eml."""
        mail = self.message(mail_id)
        for meta in mail.attachments:
            if meta.index == index:
                parts = list(_attachment_parts(_message(self.raw(mail_id))))
                return meta, _payload(parts[index])
        raise KeyError((mail_id, index))

    def partial_files(self) -> list[str]:
        """Writes that never became messages (after a failed delivery there are none)."""
        if not self._tmp.is_dir():
            return []
        return sorted(p.name for p in self._tmp.iterdir())


@dataclass(frozen=True)
class _Parsed:
    from_header: str
    subject: str
    body: str
    attachments: tuple[MailAttachment, ...]


def _message(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _attachment_parts(message: EmailMessage) -> Iterator[EmailMessage]:
    for part in message.walk():
        if isinstance(part, EmailMessage) and part.is_attachment():
            yield part


def _payload(part: EmailMessage) -> bytes:
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _parse(raw: bytes) -> _Parsed:
    """Headers, plain text and attachments; a message that cannot be parsed is kept as is."""
    try:
        message = _message(raw)
        attachments = []
        for index, part in enumerate(_attachment_parts(message)):
            data = _payload(part)
            attachments.append(
                MailAttachment(
                    index=index,
                    name=part.get_filename() or f"lampiran-{index + 1}",
                    content_type=part.get_content_type(),
                    size=len(data),
                    sha256=hashlib.sha256(data).hexdigest(),
                )
            )
        body_part = message.get_body(preferencelist=("plain",))
        body = ""
        if isinstance(body_part, EmailMessage):
            content = body_part.get_content()
            body = content.replace("\r\n", "\n") if isinstance(content, str) else ""
        return _Parsed(
            from_header=str(message.get("from", "")),
            subject=str(message.get("subject", "")),
            body=body[:MAX_BODY_CHARS],
            attachments=tuple(attachments),
        )
    except (ValueError, LookupError, TypeError, AssertionError):
        return _Parsed(from_header="", subject="", body="", attachments=())


def _mail(row: sqlite3.Row) -> ReceivedMail:
    return ReceivedMail(
        mail_id=row["mail_id"],
        file=row["file"],
        received_at=datetime.fromisoformat(row["received_at"]),
        wall_time=datetime.fromisoformat(row["wall_time"]),
        peer=row["peer"],
        mail_from=row["mail_from"],
        rcpt_tos=tuple(json.loads(row["rcpt_tos"])),
        from_header=row["from_header"],
        subject=row["subject"],
        size=row["size"],
        sha256=row["sha256"],
        attachments=tuple(MailAttachment(**a) for a in json.loads(row["attachments"])),
        body=row["body"],
    )


def mail_json(mail: ReceivedMail) -> dict[str, object]:
    """A received message as /_sim and ``spse-sim mail --json`` show it."""
    return {
        "mail_id": mail.mail_id,
        "file": mail.file,
        "received_at": mail.received_at.isoformat(),
        "wall_time": mail.wall_time.isoformat(),
        "mail_from": mail.mail_from,
        "rcpt_tos": list(mail.rcpt_tos),
        "from": mail.from_header,
        "subject": mail.subject,
        "size": mail.size,
        "sha256": mail.sha256,
        "body": mail.body,
        "attachments": [a.__dict__ for a in mail.attachments],
    }


class _Handler:
    """aiosmtpd hooks: keep mail for the LPSE's own address in its mailbox; relay SPSE's own
    outgoing mail (from ``relays_from``) into ``outside``, the vendors' simulated mailboxes."""

    def __init__(
        self,
        mailbox: Mailbox,
        accepts: Callable[[str], bool],
        *,
        outside: Mailbox | None = None,
        relays_from: str = "",
    ) -> None:
        self._mailbox = mailbox
        self._accepts = accepts
        self._outside = outside
        self._relays_from = relays_from.strip().lower()

    def _route(self, envelope: Envelope, address: str) -> Mailbox | None:
        if self._accepts(address):
            return self._mailbox
        sender = (envelope.mail_from or "").strip().lower()
        if self._outside is not None and self._relays_from and sender == self._relays_from:
            return self._outside
        return None

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if self._route(envelope, address) is None:
            return f"550 5.1.1 <{address}>: alamat tidak dikenal di server email LPSE"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content
        if raw is None:
            content = envelope.content
            raw = content.encode() if isinstance(content, str) else content or b""
        by_box: dict[int, tuple[Mailbox, list[str]]] = {}
        for rcpt in envelope.rcpt_tos:
            box = self._route(envelope, rcpt)
            if box is not None:
                by_box.setdefault(id(box), (box, []))[1].append(rcpt)
        ids = []
        for box, rcpts in by_box.values():
            mail = await asyncio.to_thread(
                box.deliver,
                raw,
                mail_from=envelope.mail_from or "",
                rcpt_tos=rcpts,
                peer=str(session.peer or ""),
            )
            ids.append(str(mail.mail_id))
        return f"250 2.0.0 OK: diterima sebagai pesan {', '.join(ids)}"


class SmtpServer:
    """A real SMTP server on the running event loop, delivering into a ``Mailbox``.

    With ``outside`` and ``relays_from`` it also relays SPSE's own mail (registration links,
    Lupa Password) to any address, into ``outside``: the vendors' mailboxes of the simulated
    world, which the desk reads (``/_sim/webmail``, ``spse-sim mail --penyedia``).

    ``sock``: an already bound listening socket (the caller then knows the port at once);
    otherwise ``start`` binds ``host``:``port`` itself (port 0 = any free port).
    """

    def __init__(
        self,
        mailbox: Mailbox,
        *,
        host: str,
        port: int,
        accepts: Callable[[str], bool],
        hostname: str = "mail.lpse.local",
        sock: socket.socket | None = None,
        max_bytes: int = MAX_MESSAGE_BYTES,
        outside: Mailbox | None = None,
        relays_from: str = "",
    ) -> None:
        self.mailbox = mailbox
        self.host = host
        self.port = port
        self._handler = _Handler(mailbox, accepts, outside=outside, relays_from=relays_from)
        self._hostname = hostname
        self._sock = sock
        self._max_bytes = max_bytes
        self._server: asyncio.Server | None = None
        self._sessions: weakref.WeakSet[SMTP] = weakref.WeakSet()
        if sock is not None:
            self.host, self.port = sock.getsockname()[:2]

    @property
    def running(self) -> bool:
        return self._server is not None

    def _protocol(self) -> SMTP:
        protocol = SMTP(
            self._handler,
            hostname=self._hostname,
            ident="LPSE Mail (spse-ca-sim)",
            data_size_limit=self._max_bytes,
            loop=asyncio.get_running_loop(),
        )
        self._sessions.add(protocol)
        return protocol

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        server_kwargs: dict[str, Any] = (
            {"sock": self._sock}
            if self._sock is not None
            else {"host": self.host, "port": self.port}
        )
        self._server = await loop.create_server(self._protocol, **server_kwargs)
        self.host, self.port = self._server.sockets[0].getsockname()[:2]

    async def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.close()
        for session in list(self._sessions):
            if session.transport is not None:
                session.transport.close()
        await server.wait_closed()


class MailUnavailable(Exception):
    """SPSE could not hand a mail to the mail server (none running, or it refused)."""


class MailSender:
    """SPSE's outgoing mail: plain-text messages handed over SMTP to the LPSE's mail server.

    The server's address is known only once it listens (port 0 = any free port), so the sender
    is connected to it after the app is wired (``connect``). Sending blocks: callers in the
    event loop run it in a worker thread, as every service call.
    """

    def __init__(self, sender: str, *, hostname: str = "spse.lpse.local") -> None:
        self.sender = sender
        self._hostname = hostname
        self._server: SmtpServer | None = None

    def connect(self, server: SmtpServer | None) -> None:
        """Send through ``server`` from now on (None: no mail server, sending fails)."""
        self._server = server

    def send(self, to: str, subject: str, body: str, *, sent_at: datetime) -> None:
        """Deliver one message to ``to``; MailUnavailable when no server takes it."""
        server = self._server
        if server is None or not server.running:
            raise MailUnavailable("no mail server is running")
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = email.utils.format_datetime(sent_at.astimezone(UTC))
        message["Message-ID"] = email.utils.make_msgid(domain=self._hostname)
        message.set_content(body)
        try:
            # SPSE's own host name in EHLO: without one, smtplib asks the resolver for this
            # machine's (socket.getfqdn), which stalls for seconds where DNS is slow.
            with smtplib.SMTP(
                server.host, server.port, local_hostname=self._hostname, timeout=30
            ) as smtp:
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            raise MailUnavailable(str(exc)) from exc
