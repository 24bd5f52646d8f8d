"""``spse-sim tickets`` and ``spse-sim mail`` read a data directory (or a run folder)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from fake_spse.adapters.mail import Mailbox
from fake_spse.app import build_context, build_support, open_database
from fake_spse.domain.accounts import Role, VendorRegistration
from fake_spse.service.services import Services
from fake_spse.settings import Settings
from fake_spse.support.tickets import Action, IncomingFile, TicketDraft
from simulator.cli.main import main

START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def populate(data_dir: Path) -> str:
    settings = Settings(data_dir=data_dir, clock_start=START)
    context = build_context(settings, open_database(settings))
    services = Services(context)
    services.accounts.register_vendor(
        VendorRegistration(
            user_id="cvmaju",
            password="rahasia123",
            password_confirm="rahasia123",
            company="CV Maju",
            npwp="01.234.567.8-901.000",
            email="admin@cvmaju.co.id",
            address="Jl. Slamet Riyadi 1",
            phone="0271",
            director="Budi",
        )
    )
    helpdesk = services.accounts.add_staff(
        user_id="hana", role=Role.HELPDESK, name="Hana", email="hana@x.id", password="rahasia123"
    )
    support = build_support(settings, context)
    draft = TicketDraft("Gagal upload", "SPSE", "Teknis", "Upload Dokumen Penawaran", "Putus.")
    ticket = support.file_ticket(
        services.accounts.account("cvmaju"), draft, [IncomingFile("Kronologi.docx", 3, b"PK.")]
    )
    support.act(helpdesk, ticket.number, Action.AMBIL)
    message = EmailMessage()
    message["From"] = "admin@cvmaju.co.id"
    message["Subject"] = "Tidak bisa login di LPSE Support"
    message.set_content("Kronologi terlampir.")
    Mailbox(data_dir / "mail", lambda: START).deliver(
        bytes(message), mail_from="admin@cvmaju.co.id", rcpt_tos=["lpse@surakarta.go.id"]
    )
    return ticket.number


def test_tickets_lists_number_status_vendor_category_and_last_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = populate(tmp_path / "run" / "data")
    assert main(["tickets", str(tmp_path / "run"), "--history"]) == 0
    out = capsys.readouterr().out
    [row] = [line for line in out.splitlines() if line.startswith(number)]
    assert "diproses" in row
    assert "cvmaju (CV Maju)" in row
    assert "Teknis / Upload Dokumen Penawaran" in row
    assert "2026-03-02 08:00 WIB Tiket diambil oleh hana" in row
    assert "1. 2026-03-02 08:00 WIB cvmaju (penyedia) Tiket dibuat -> baru" in out
    assert out.rstrip().endswith("1 tiket")
    assert main(["tickets", str(tmp_path / "run" / "data"), "--json"]) == 0
    [ticket] = json.loads(capsys.readouterr().out)
    assert (ticket["number"], ticket["status"], len(ticket["history"])) == (number, "diproses", 2)


def test_mail_lists_received_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    populate(tmp_path)
    assert main(["mail", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Tidak bisa login di LPSE Support" in out
    assert out.rstrip().endswith("1 email")


def test_an_empty_or_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tickets", str(tmp_path)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("0 tiket")
    assert not (tmp_path / "support.sqlite3").exists()
    assert main(["mail", str(tmp_path / "nope")]) == 2


def test_mail_penyedia_lists_the_mail_spse_sent_to_vendors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    box = Mailbox(tmp_path / "webmail", lambda: START)
    for to, subject in (
        ("admin@cvmaju.co.id", "[LPSE Kota Surakarta] Konfirmasi Pendaftaran Penyedia"),
        ("admin@cvlain.co.id", "[LPSE Kota Surakarta] Permintaan Reset Password"),
    ):
        message = EmailMessage()
        message["From"] = "noreply@surakarta.go.id"
        message["To"] = to
        message["Subject"] = subject
        message.set_content("http://127.0.0.1/eproc4/registrasi/formulir?token=abc")
        box.deliver(bytes(message), mail_from="noreply@surakarta.go.id", rcpt_tos=[to])
    assert main(["mail", str(tmp_path), "--penyedia"]) == 0
    out = capsys.readouterr().out
    assert "Konfirmasi Pendaftaran" in out
    assert "Reset Password" in out
    assert out.rstrip().endswith("2 email")
    assert main(["mail", str(tmp_path), "--penyedia", "ADMIN@cvmaju.co.id"]) == 0
    out = capsys.readouterr().out
    assert "admin@cvmaju.co.id" in out
    assert "Reset Password" not in out
    assert out.rstrip().endswith("1 email")
    # The LPSE's own mailbox is another one: empty here.
    assert main(["mail", str(tmp_path)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("0 email")
