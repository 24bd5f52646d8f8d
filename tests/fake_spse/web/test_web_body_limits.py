"""Request bodies are refused before they are spooled: a declared size over the limit at once,
a streamed body the moment it passes it; a client that stops sending times out."""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
from spse_web import BASE, START

from fake_spse.app import create_app
from fake_spse.server import RunningServer
from fake_spse.settings import Settings
from fake_spse.web.body_limit import BodyLimitMiddleware, BodyLimits
from spse_shared.messages import MessageCatalog
from spse_shared.run_sync import run_sync

MESSAGES = MessageCatalog()
HUGE = 3 * 2**29  # 1.5 GiB


def test_a_huge_declared_body_to_the_login_page_is_refused_before_it_is_sent(
    server: RunningServer,
) -> None:
    with socket.create_connection((server.host, server.port), timeout=10) as conn:
        conn.sendall(
            (
                f"POST {BASE}/login HTTP/1.1\r\nHost: {server.host}:{server.port}\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                f"Content-Length: {HUGE}\r\n\r\nuser_id=a"
            ).encode()
        )
        # The answer comes, and the connection closes, although nearly all of the body was
        # never sent.
        received = b""
        while chunk := conn.recv(65536):
            received += chunk
        answer = received.decode("utf-8")
    assert answer.startswith("HTTP/1.1 413 "), answer[:200]
    assert MESSAGES.text("permintaan.terlalu_besar") in answer


def test_a_streamed_body_is_cut_off_at_the_limit(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path / "lpse", clock_start=START, smtp_port=None))
    sent = 0

    async def body() -> AsyncIterator[bytes]:
        nonlocal sent
        for _ in range(64):  # 4 MiB in 64 KiB pieces, no Content-Length
            sent += 65536
            yield b"a" * 65536

    async def post() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
            return await http.post(
                BASE + "/registrasi",
                content=body(),
                headers={"content-type": "application/x-www-form-urlencoded"},
            )

    answer = run_sync(post())
    assert answer.status_code == 413
    assert MESSAGES.text("permintaan.terlalu_besar") in answer.text
    assert sent < 2 * 2**20


def test_an_upload_route_keeps_its_own_larger_limit(server: RunningServer) -> None:
    with httpx.Client(base_url=server.url) as http:
        # 2 MiB to the offer upload: past the small limit, so only the route's rules answer
        # (here: not logged in), not the 413 of the body limit.
        answer = http.post(f"{BASE}/lelang/1/penawaran/kirim", content=b"x" * 2 * 2**20)
    assert answer.status_code != 413


def test_a_client_that_stops_sending_times_out() -> None:
    reached: list[str] = []

    async def app(scope: dict[str, object], receive: object, send: object) -> None:
        reached.append("app")
        await receive()  # type: ignore[operator]
        await receive()  # type: ignore[operator]

    limits = BodyLimits(upload_paths=(re.compile("/x"),), upload_limit=10, chunk_timeout=0.05)
    middleware = BodyLimitMiddleware(app, limits=limits, message=MESSAGES.text)
    messages = [{"type": "http.request", "body": b"ab", "more_body": True}]

    async def receive() -> dict[str, object]:
        if messages:
            return messages.pop()
        await asyncio.sleep(10)  # the client went quiet
        raise AssertionError("not reached")

    async def send(message: object) -> None:
        raise AssertionError("nothing is sent by the middleware itself")

    async def run() -> str:
        scope = {"type": "http", "path": "/login", "headers": []}
        try:
            await middleware(scope, receive, send)  # type: ignore[arg-type]
        except Exception as exc:  # the app would turn it into its 408 page
            return f"{type(exc).__name__} {getattr(exc, 'status_code', '')}"
        return "no timeout"

    assert run_sync(run()) == "BodyTimeout 408"
    assert reached == ["app"]
