"""CPU of one request to the embedded fake SPSE, by uvicorn's HTTP parser.

Run: .venv/bin/python benchmarks/bench_requests.py [--requests 300] [--rounds 5]

The fake SPSE runs as a catalog worker runs it: in this process, on a thread, with the simulated
password cost. A client here (``http.client``, one kept-alive connection, as the catalog's
/_sim client and, per page, Chromium's) asks ``--requests`` times for each of: the simulated
clock (``GET /_sim/clock``, the control plane's cheapest call), the login page, the home page
and SPSE's style sheet. Figures are CPU-milliseconds of this whole process per request (client
and server together) and wall milliseconds, the median of ``--rounds`` interleaved rounds, for
each parser uvicorn can use here: h11 (pure Python, always there) and httptools (C, what uvicorn
takes when it is installed, as it is with this project).
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from fake_spse.server import RunningServer
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings

PATHS = {
    "GET /_sim/clock": "/_sim/clock",
    "GET login page": "/eproc4/login",
    "GET home page": "/eproc4/",
    "GET spse.css": "/eproc4/public/spse.css",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=300, help="requests per figure and round")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (median shown)")
    args = parser.parse_args(argv)
    parsers = ["h11"] + (["httptools"] if importlib.util.find_spec("httptools") else [])
    figures: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-requests-") as folder:
        for round_number in range(args.rounds):
            for name in parsers:
                data = Path(folder) / f"{name}-{round_number}"
                with _server(name, data) as address:
                    for label, path in PATHS.items():
                        figures.setdefault((name, label), []).append(
                            _per_request(address, path, args.requests)
                        )
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end")
    print(f"{'request':18s}" + "".join(f"{name:>26s}" for name in parsers))
    for label in PATHS:
        cells = []
        for name in parsers:
            cpu = statistics.median(c for c, _ in figures[(name, label)])
            wall = statistics.median(w for _, w in figures[(name, label)])
            cells.append(f"{cpu:7.2f} CPU-ms {wall:6.2f} ms")
        print(f"{label:18s}" + "".join(f"{cell:>26s}" for cell in cells))
    return 0


@contextmanager
def _server(http_parser: str, data: Path) -> Iterator[tuple[str, int]]:
    """The fake SPSE on uvicorn with ``http_parser``; its host and port."""
    # RunningServer leaves the parser to uvicorn ("auto": httptools when installed); pinning it
    # here is what lets the two be compared in one process.
    original = uvicorn.Config.__init__

    def pinned(self: uvicorn.Config, *args: object, **kwargs: object) -> None:
        original(self, *args, **{**kwargs, "http": http_parser})  # type: ignore[arg-type]

    uvicorn.Config.__init__ = pinned  # type: ignore[method-assign]
    try:
        server = RunningServer(
            Settings(data_dir=data, clock_frozen=True, password_cost=SIMULATED_PASSWORD_COST)
        )
    finally:
        uvicorn.Config.__init__ = original  # type: ignore[method-assign]
    try:
        yield server.host, server.port
    finally:
        server.stop()


def _per_request(address: tuple[str, int], path: str, count: int) -> tuple[float, float]:
    """CPU-ms and wall ms per request of ``path``, after a warm-up."""
    connection = http.client.HTTPConnection(*address)
    try:
        for _ in range(20):
            _get(connection, path)
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(count):
            _get(connection, path)
        return (time.process_time() - cpu) / count * 1000, (
            time.perf_counter() - wall
        ) / count * 1000
    finally:
        connection.close()


def _get(connection: http.client.HTTPConnection, path: str) -> None:
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"GET {path}: {response.status}")


if __name__ == "__main__":
    raise SystemExit(main())
