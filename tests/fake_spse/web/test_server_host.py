"""One web server, a fresh fake SPSE loaded per scenario: ServerHost on a real port."""

from __future__ import annotations

import asyncio
import smtplib
import socket
import sqlite3
import threading
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
import uvicorn
from cryptography import x509
from starlette.types import Receive, Scope, Send

from fake_spse.server import PromptServer, ServerHost
from fake_spse.settings import Settings

START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def settings(folder: Path) -> Settings:
    return Settings(data_dir=folder, clock_start=START)


def mail() -> EmailMessage:
    message = EmailMessage()
    message["From"] = "cv.maju@example.co.id"
    message["To"] = "lpse@surakarta.go.id"
    message["Subject"] = "Tidak bisa login"
    message.set_content("Mohon bantuan.")
    return message


def test_each_load_is_a_fresh_lpse_on_the_same_port(tmp_path: Path) -> None:
    with ServerHost(templates=True) as host, httpx.Client(base_url=host.url) as http:
        assert http.get("/eproc4").status_code == 503  # nothing loaded yet

        host.load(settings(tmp_path / "a"))
        staff = {"role": "pokja", "name": "Pokja", "email": "p@x.go.id", "password": "Rahasia1!"}
        assert http.post("/_sim/staff", json={"user_id": "pokja1", **staff}).status_code == 200
        assert http.get("/_sim/accounts/pokja1").status_code == 200
        first_smtp = host.smtp_address
        assert first_smtp is not None
        with smtplib.SMTP(*first_smtp, timeout=10) as client:
            client.send_message(mail())
        assert len(http.get("/_sim/mail").json()["messages"]) == 1

        host.load(settings(tmp_path / "b"))
        assert host.settings.data_dir == tmp_path / "b"
        assert http.get("/_sim/accounts/pokja1").status_code == 404
        assert http.get("/_sim/mail").json()["messages"] == []
        assert host.smtp_address not in (None, first_smtp)

        host.unload()
        assert http.get("/eproc4").status_code == 503
        assert host.smtp_address is None
    # The first LPSE's state stayed in its own folder.
    assert (tmp_path / "a" / "spse.sqlite3").exists()
    assert len(list((tmp_path / "a" / "mail" / "inbox").iterdir())) == 1


def test_an_existing_data_directory_is_reopened_not_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "lpse"
    staff = {"role": "pokja", "name": "Pokja", "email": "p@x.go.id", "password": "Rahasia1!"}
    with ServerHost(templates=True) as host, httpx.Client(base_url=host.url) as http:
        host.load(settings(tmp_path / "other"))  # makes the template
        host.load(settings(folder))
        http.post("/_sim/staff", json={"user_id": "pokja1", **staff})
        host.load(settings(folder))
        assert http.get("/_sim/accounts/pokja1").status_code == 200


def test_a_loaded_lpse_keeps_its_databases_open_so_a_commit_does_not_checkpoint(
    tmp_path: Path,
) -> None:
    """A store's short connection is never the database's last one while the LPSE is loaded
    (the close of the last one checkpoints and fsyncs): the WAL stays between requests and
    is folded into the database once, at unload."""
    folder = tmp_path / "lpse"
    wal = folder / "spse.sqlite3-wal"
    with ServerHost(templates=True) as host, httpx.Client(base_url=host.url) as http:
        host.load(settings(folder))
        staff = {"role": "pokja", "name": "Pokja", "email": "p@x.go.id", "password": "Rahasia1!"}
        assert http.post("/_sim/staff", json={"user_id": "pokja1", **staff}).status_code == 200
        assert wal.exists()
        assert wal.stat().st_size > 0
        host.unload()
        assert not wal.exists()
    with sqlite3.connect(folder / "spse.sqlite3") as conn:
        rows = conn.execute("SELECT user_id FROM accounts").fetchall()
    assert rows == [("pokja1",)]


def test_a_templated_lpse_starts_with_bsre_made_at_its_clock_start(tmp_path: Path) -> None:
    with ServerHost(templates=True) as host, httpx.Client(base_url=host.url) as http:
        host.load(settings(tmp_path / "a"))
        # There before anything asked BSrE for anything.
        assert (tmp_path / "a" / "bsre" / "intermediate.crt.pem").exists()
        chain = x509.load_pem_x509_certificates(http.get("/bsre/chain.pem").content)
        host.load(settings(tmp_path / "b"))
        again = x509.load_pem_x509_certificates(http.get("/bsre/chain.pem").content)
    assert {c.subject.rfc4514_string() for c in chain} == {
        c.subject.rfc4514_string() for c in again
    }
    assert all(c.not_valid_before_utc < START < c.not_valid_after_utc for c in chain)


def test_a_stopping_server_answers_the_request_in_flight_and_refuses_new_ones() -> None:
    arrived, release = threading.Event(), threading.Event()

    async def slow_app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        arrived.set()
        await asyncio.get_running_loop().run_in_executor(None, release.wait, 30)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"selesai"})

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP) as listening:
        listening.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{listening.getsockname()[1]}/"
        server = PromptServer(uvicorn.Config(slow_app, lifespan="off", log_level="warning"))
        serving = threading.Thread(target=server.run, kwargs={"sockets": [listening]})
        serving.start()
        answers: list[httpx.Response] = []
        asking = threading.Thread(target=lambda: answers.append(httpx.get(url, timeout=30)))
        try:
            while not server.started:
                serving.join(0.01)
            asking.start()
            assert arrived.wait(30)
            server.exit_now()
            # Stopping waits for the answer in flight.
            serving.join(0.5)
            assert serving.is_alive()
        finally:
            release.set()
            serving.join(30)
            asking.join(30)
    assert not serving.is_alive()
    assert [(a.status_code, a.text) for a in answers] == [(200, "selesai")]
    with pytest.raises(httpx.ConnectError):
        httpx.get(url, timeout=5)
