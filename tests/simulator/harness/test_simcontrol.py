"""The /_sim client: answers, refusals, a server that closes idle connections, and TLS."""

from __future__ import annotations

import ipaddress
import json
import socket
import ssl
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

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


def _https_server(folder: Path) -> tuple[ThreadingHTTPServer, Path]:
    """The server above behind TLS, with a certificate for 127.0.0.1 from a CA of its own;
    that CA's PEM file."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA uji /_sim")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(hours=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_file = folder / "ca.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    chain = folder / "server.pem"
    chain.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        + leaf.public_bytes(serialization.Encoding.PEM)
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(chain)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    return httpd, ca_file


def test_an_https_control_plane_is_verified_with_the_ca_bundle_ssl_cert_file_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    httpd, ca_file = _https_server(tmp_path)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    url = _url(httpd).replace("http://", "https://")
    try:
        # certifi's bundle (the default) does not know this CA: a refusal in one line.
        monkeypatch.delenv("SSL_CERT_FILE", raising=False)
        monkeypatch.delenv("SSL_CERT_DIR", raising=False)
        simcontrol._tls.cache_clear()
        untrusted = SimControl(url)
        with pytest.raises(SimControlError, match="CERTIFICATE_VERIFY_FAILED") as refused:
            untrusted.now()
        assert "\n" not in str(refused.value)
        untrusted.close()

        monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
        simcontrol._tls.cache_clear()
        trusted = SimControl(url)
        try:
            assert trusted.now() == datetime.fromisoformat(NOW)
        finally:
            trusted.close()
    finally:
        simcontrol._tls.cache_clear()
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)
