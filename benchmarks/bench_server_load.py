"""Latency of a static file and of the tender list while 60 logins and offer uploads run.

Run: .venv/bin/python benchmarks/bench_server_load.py [--logins 60] [--uploads 10] [--mib 5]

The fake SPSE runs in a child process (spawned, as `spse-sim serve` would run it, full password
cost) on a real port. Set up through /_sim: a certified pokja and a tender at its upload stage,
``--logins`` staff accounts, ``--uploads`` verified and certified vendors who joined it. Then a
probe, one request after the other, times ``GET /eproc4/public/spse.css`` and ``GET
/eproc4/lelang`` (with a session cookie, as a browser sends it) twice: idle, and while every
account logs in at once (login page, then the login form) and every vendor uploads an offer of
``--mib`` MiB (a CMS EnvelopedData to the pokja's certificate) at the same time. Prints
median / 95th percentile / max per page and phase, and the load average.
"""

from __future__ import annotations

import argparse
import base64
import multiprocessing
import os
import re
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

from fake_spse.server import RunningServer
from fake_spse.settings import Settings
from spse_shared.profile import UPLOAD_STAGE

START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
PASSWORD = "rahasia123"
PAGES = {"static": "/eproc4/public/spse.css", "tender list": "/eproc4/lelang"}
TOKEN_IN_PAGE = re.compile(r"d\.authenticityToken = '([^']+)'")
LETTER = base64.b64encode(b"%PDF-1.4\n% surat\n%%EOF\n").decode()


def serve(data_dir: str, urls: Any, stop: Event) -> None:
    """The child: one fake SPSE until ``stop`` is set."""
    with RunningServer(Settings(data_dir=Path(data_dir), clock_start=START)) as server:
        urls.put(server.url)
        stop.wait()


def csr(key: rsa.RSAPrivateKey, name: str) -> str:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    request = (
        x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    )
    return request.public_bytes(serialization.Encoding.PEM).decode()


def arrange(sim: httpx.Client, logins: int, uploads: int) -> tuple[str, str, list[str]]:
    """Pokja, tender at its upload stage, staff to log in, vendors ready to upload."""

    def post(path: str, body: dict[str, Any]) -> Any:
        answer = sim.post(path, json=body)
        answer.raise_for_status()
        return answer.json()

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    for user_id, role in (("pokja1", "pokja"), ("verif", "verifikator")):
        post("/staff", {"user_id": user_id, "role": role, "name": user_id, "password": PASSWORD,
                        "email": f"{user_id}@lpse.example"})  # fmt: skip
    pokja_pem = post(
        "/arrange/ams",
        {"user_id": "pokja1", "csr_pem": csr(key, "Pokja"), "letter_name": "s.pdf",
         "letter_b64": LETTER},
    )["certificate_pem"]  # fmt: skip
    tender_id = post(
        "/arrange/tender",
        {"pokja_id": "pokja1", "name": "Jalan Desa", "satker": "Dinas PU", "jenis_pengadaan": 2,
         "pagu": 10**9, "hps": 9 * 10**8, "lokasi": "Surakarta"},
    )["tender_id"]  # fmt: skip
    for number in range(logins):
        post("/staff", {"user_id": f"staf{number}", "role": "pokja", "name": f"Staf {number}",
                        "email": f"staf{number}@lpse.example", "password": PASSWORD})  # fmt: skip
    cookies = []
    for number in range(uploads):
        user_id = f"vendor{number}"
        vendor = {
            "user_id": user_id,
            "password": PASSWORD,
            "company": f"PT {number}",
            "npwp": f"01.234.567.8-901.{number:03d}",
            "email": f"{user_id}@pt.example",
            "address": "Jl. Satu",
            "phone": "0271-1",
            "director": "Direktur",
        }
        post("/arrange/vendor", vendor)
        post("/arrange/verify", {"verifier_id": "verif", "vendor_id": user_id})
        post("/arrange/ams", {"user_id": user_id, "csr_pem": csr(key, f"Vendor {number}"),
                              "letter_name": "s.pdf", "letter_b64": LETTER})  # fmt: skip
        post("/arrange/join", {"vendor_id": user_id, "tender_id": tender_id})
        cookie = post("/arrange/login", {"user_id": user_id, "password": PASSWORD})["cookie"]
        cookies.append(f"{cookie['name']}={cookie['value']}")
    post("/clock", {"tender_id": tender_id, "to_stage": UPLOAD_STAGE, "plus_seconds": 60})
    return tender_id, pokja_pem, cookies


def probe(url: str, cookie: str, until: Callable[[], bool], least: int) -> dict[str, list[float]]:
    """Time the pages one after the other until ``until()`` and ``least`` rounds are done."""
    times: dict[str, list[float]] = {name: [] for name in PAGES}
    with httpx.Client(base_url=url, headers={"cookie": cookie}, timeout=120) as http:
        rounds = 0
        while rounds < least or not until():
            for name, path in PAGES.items():
                began = time.perf_counter()
                http.get(path).raise_for_status()
                times[name].append((time.perf_counter() - began) * 1000)
            rounds += 1
    return times


def log_in(url: str, user_id: str) -> int:
    with httpx.Client(base_url=url, timeout=300) as http:
        token = TOKEN_IN_PAGE.search(http.get("/eproc4/login").text)
        assert token
        fields = {"user_id": user_id, "password": PASSWORD, "authenticityToken": token.group(1)}
        return http.post("/eproc4/login", data=fields).status_code


def upload(url: str, tender_id: str, cookie: str, body: bytes) -> int:
    token = re.search(r"___AT=([0-9a-f]+)", cookie)
    assert token
    headers = {"cookie": cookie, "x-authenticity-token": token.group(1)}
    with httpx.Client(base_url=url, timeout=300) as http:
        path = f"/eproc4/lelang/{tender_id}/penawaran/kirim"
        return http.post(path, content=body, headers=headers).status_code


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    median = statistics.median(ordered)
    return (
        f"median {median:7.1f} ms  p95 {p95:7.1f} ms  max {ordered[-1]:7.1f} ms  (n={len(ordered)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logins", type=int, default=60)
    parser.add_argument("--uploads", type=int, default=10)
    parser.add_argument("--mib", type=float, default=5)
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    urls = context.Queue()
    stop = context.Event()
    with tempfile.TemporaryDirectory() as folder:
        child = context.Process(target=serve, args=(str(Path(folder) / "lpse"), urls, stop))
        child.start()
        try:
            url = urls.get(timeout=120)
            with httpx.Client(base_url=url + "/_sim", timeout=300) as sim:
                tender_id, pokja_pem, cookies = arrange(sim, args.logins, args.uploads)
            certificate = x509.load_pem_x509_certificate(pokja_pem.encode())
            content = os.urandom(int(args.mib * 1024 * 1024))
            body = (
                pkcs7.PKCS7EnvelopeBuilder()
                .set_data(content)
                .add_recipient(certificate)
                .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
            )
            print(f"load average before: {os.getloadavg()[0]:.1f}")
            idle = probe(url, cookies[0], lambda: True, least=20)
            done = threading.Event()
            with ThreadPoolExecutor(max_workers=args.logins + args.uploads) as pool:
                logins = [pool.submit(log_in, url, f"staf{n}") for n in range(args.logins)]
                sent = [pool.submit(upload, url, tender_id, c, body) for c in cookies]
                pool.submit(lambda: ([f.result() for f in logins + sent], done.set()))
                began = time.perf_counter()
                loaded = probe(url, cookies[0], done.is_set, least=5)
                spent = time.perf_counter() - began
            statuses = sorted({f.result() for f in logins}), sorted({f.result() for f in sent})
            print(f"load average after: {os.getloadavg()[0]:.1f}")
            size = len(body) / 2**20
            print(
                f"{args.logins} logins (status {statuses[0]}) and {args.uploads} uploads", end=" "
            )
            print(f"of {size:.1f} MiB (status {statuses[1]}) ran for {spent:.1f} s")
            for name in PAGES:
                print(f"{name:12s} idle        {summary(idle[name])}")
                print(f"{name:12s} under load  {summary(loaded[name])}")
        finally:
            stop.set()
            child.join(timeout=60)


if __name__ == "__main__":
    main()
