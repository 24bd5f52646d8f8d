"""The /_sim client: answers, refusals, and a server that closes idle connections."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from simulator.harness import simcontrol
from simulator.harness.simcontrol import ControlPlaneUnavailable, SimControl, SimControlError

NOW = "2026-03-02T09:00:00+07:00"


class _Handler(BaseHTTPRequestHandler):
    """/_sim/clock answers; every other path is refused with 409. After each answer the
    server closes the connection without saying so (as uvicorn closes an idle kept-alive one)."""

    protocol_version = "HTTP/1.1"
    connections: ClassVar[list[int]] = []

    def setup(self) -> None:
        super().setup()
        self.connections.append(self.client_address[1])

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def do_GET(self) -> None:
        if self.path == "/_sim/clock":
            self._answer(200, json.dumps({"now": NOW}).encode())
        else:
            self._answer(409, b"tidak boleh")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        self._answer(409, b"tidak boleh")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    _Handler.connections = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)


def _url(httpd: ThreadingHTTPServer) -> str:
    host, port = httpd.server_address[:2]
    return f"http://{host!s}:{port}"


def test_calls_go_on_after_the_server_closed_an_idle_connection(
    server: ThreadingHTTPServer,
) -> None:
    sim = SimControl(_url(server))
    try:
        first = sim.now()
        second = sim.now()
    finally:
        sim.close()
    assert first == second == datetime.fromisoformat(NOW)
    assert len(_Handler.connections) == 2


def test_a_request_into_a_connection_the_server_just_closed_is_sent_again(
    server: ThreadingHTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As when the server's idle timeout closes the connection while the request goes out:
    # the check for a closed connection before each request saw nothing yet.
    monkeypatch.setattr(simcontrol, "_closed_by_peer", lambda connection: False)
    sim = SimControl(_url(server))
    try:
        answers = [sim.now() for _ in range(3)]
    finally:
        sim.close()
    assert answers == [datetime.fromisoformat(NOW)] * 3
    assert len(_Handler.connections) == 3


def test_a_refused_call_says_what_was_asked_and_the_answer(server: ThreadingHTTPServer) -> None:
    sim = SimControl(_url(server))
    try:
        with pytest.raises(SimControlError, match=r"^POST /_sim/faults: 409 tidak boleh$"):
            sim.arm("adp.down")
        with pytest.raises(SimControlError, match=r"^GET /_sim/accounts/nobody: 409$"):
            sim.account("nobody")
    finally:
        sim.close()


def test_a_server_that_is_gone_is_a_refusal_in_one_line() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sim = SimControl(f"http://127.0.0.1:{port}")
    with pytest.raises(SimControlError, match=r"^GET /_sim/clock: ") as refused:
        sim.now()
    assert "\n" not in str(refused.value)


def test_without_a_control_plane_every_call_is_unavailable() -> None:
    sim = SimControl.unavailable("tidak ada /_sim")
    with pytest.raises(ControlPlaneUnavailable, match="tidak ada /_sim"):
        sim.now()
    with pytest.raises(ControlPlaneUnavailable):
        sim.account("siapa")
