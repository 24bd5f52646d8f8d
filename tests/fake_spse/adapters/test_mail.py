"""The LPSE's mailbox and SMTP server (fake_spse.adapters.mail): real files, real SMTP."""

from __future__ import annotations

import asyncio
import hashlib
import smtplib
import socket
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from factories import START

from fake_spse.adapters.mail import Mailbox, SmtpServer, mail_json
from spse_shared.run_sync import run_sync

SIM_NOW = START + timedelta(minutes=30)
LPSE = "lpse@surakarta.go.id"
DOCX = b"PK\x03\x04 kronologi"


def report(attachment: bytes = DOCX, name: str = "Kronologi Error.docx") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "CV Maju <admin@cvmaju.co.id>"
    message["To"] = LPSE
    message["Subject"] = "Laporan error upload penawaran"
    message.set_content("Yth. LPSE,\nterlampir kronologi error.\n")
    message.add_attachment(
        attachment,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename=name,
    )
    return message


@pytest.fixture
def mailbox(tmp_path: Path) -> Mailbox:
    return Mailbox(tmp_path / "mail", lambda: SIM_NOW)


def test_a_delivered_message_is_kept_whole_and_indexed(mailbox: Mailbox) -> None:
    raw = bytes(report())
    mail = mailbox.deliver(raw, mail_from="admin@cvmaju.co.id", rcpt_tos=[LPSE], peer="127.0.0.1")
    assert (mailbox.inbox / mail.file).read_bytes() == raw
    assert mail.received_at == SIM_NOW
    assert (mail.subject, mail.from_header) == (
        "Laporan error upload penawaran",
        "CV Maju <admin@cvmaju.co.id>",
    )
    assert mail.body == "Yth. LPSE,\nterlampir kronologi error.\n"
    [attachment] = mail.attachments
    assert (attachment.name, attachment.size, attachment.sha256) == (
        "Kronologi Error.docx",
        len(DOCX),
        hashlib.sha256(DOCX).hexdigest(),
    )
    meta, data = mailbox.attachment(mail.mail_id, 0)
    assert (meta, data) == (attachment, DOCX)
    assert mail_json(mail)["sha256"] == hashlib.sha256(raw).hexdigest()
    assert mailbox.messages() == [mail]
    assert mailbox.partial_files() == []


def test_an_unparsable_message_is_still_kept(mailbox: Mailbox) -> None:
    mail = mailbox.deliver(b"\xff\xfe garbage", mail_from="x@y.z", rcpt_tos=[LPSE])
    assert mailbox.raw(mail.mail_id) == b"\xff\xfe garbage"
    assert mail.attachments == ()


def test_a_failed_index_write_leaves_no_file(
    mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise OSError("index locked")

    monkeypatch.setattr(mailbox, "_tx", broken)
    with pytest.raises(OSError, match="index locked"):
        mailbox.deliver(bytes(report()), mail_from="a@b.c", rcpt_tos=[LPSE])
    assert list(mailbox.inbox.iterdir()) == []
    assert mailbox.partial_files() == []


def test_unknown_ids_raise_key_error(mailbox: Mailbox) -> None:
    with pytest.raises(KeyError):
        mailbox.message(7)
    mail = mailbox.deliver(bytes(report()), mail_from="a@b.c", rcpt_tos=[LPSE])
    with pytest.raises(KeyError):
        mailbox.attachment(mail.mail_id, 1)


def test_the_smtp_server_accepts_mail_for_the_lpse_only(mailbox: Mailbox) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(4)
    sock.setblocking(False)
    server = SmtpServer(
        mailbox, host="127.0.0.1", port=0, accepts=lambda a: a.lower() == LPSE, sock=sock
    )
    host, port = server.host, server.port
    assert port != 0

    def send() -> tuple[dict[str, tuple[int, bytes]], str]:
        with smtplib.SMTP(host, port, timeout=10) as client:
            refused_to = ""
            try:
                client.sendmail("a@b.c", ["orang@lain.id"], b"Subject: x\r\n\r\nx")
            except smtplib.SMTPRecipientsRefused as exc:
                refused_to = ", ".join(exc.recipients)
            # Case does not matter in the address, as the seed writes lpse@Surakarta.go.id.
            message = report()
            del message["To"]
            message["To"] = "lpse@Surakarta.go.id"
            return client.send_message(message), refused_to

    async def run() -> tuple[dict[str, tuple[int, bytes]], str]:
        await server.start()
        try:
            return await asyncio.to_thread(send)
        finally:
            await server.stop()

    not_refused, refused_to = run_sync(run())
    sock.close()
    assert not_refused == {}
    assert refused_to == "orang@lain.id"
    [mail] = mailbox.messages()
    assert mail.rcpt_tos == ("lpse@Surakarta.go.id",)
    assert mail.mail_from == "admin@cvmaju.co.id"
    assert [a.name for a in mail.attachments] == ["Kronologi Error.docx"]
    assert not server.running


def test_the_smtp_server_binds_a_free_port_itself(mailbox: Mailbox) -> None:
    server = SmtpServer(mailbox, host="127.0.0.1", port=0, accepts=lambda a: True)

    async def run() -> int:
        await server.start()
        try:
            port = server.port

            def noop() -> int:
                with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
                    return client.noop()[0]

            assert await asyncio.to_thread(noop) == 250
            return port
        finally:
            await server.stop()

    assert run_sync(run()) > 0
