"""The rush's fake SPSE as a child process, so it can be killed (-9) and started again.

``python -m simulator.rush.server --data-dir D --port P`` serves one LPSE from ``D`` until it is
stopped; ``ChildServer`` starts it, waits until /_sim answers, kills it with SIGKILL and starts
it again on the same port and data folder (its SQLite, blobs and clock survive, as a real
server's disk does).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import uvicorn

from fake_spse.app import create_app
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings
from simulator.harness.environment import DEFAULT_CLOCK_START
from simulator.rush.plan import RushError
from spse_shared.language import tr

# How long a started server may take to answer /_sim/health.
START_TIMEOUT_S = 60.0
LOG_NAME = "server-stderr.log"


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def rush_settings(data_dir: Path, profile: str) -> Settings:
    """The LPSE a rush runs against: simulated passwords, clock frozen until the rush starts
    it, and its mail server on a free port (registration mails the vendor a link, SPSE 4's
    way, also when the world is arranged)."""
    return Settings(
        data_dir=data_dir,
        profile=profile,
        clock_start=DEFAULT_CLOCK_START,
        clock_frozen=True,
        password_cost=SIMULATED_PASSWORD_COST,
        smtp_port=0,
    )


class ChildServer:
    """One fake SPSE in a child process (``python -m simulator.rush.server``)."""

    def __init__(self, data_dir: Path, *, profile: str, port: int | None = None) -> None:
        self.data_dir = data_dir
        self.profile = profile
        self.port = port or free_port()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Start the server and wait until it answers."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "simulator.rush.server",
            "--data-dir",
            str(self.data_dir),
            "--port",
            str(self.port),
            "--profile",
            self.profile,
        ]
        with (self.data_dir.parent / LOG_NAME).open("ab") as log:
            self._process = subprocess.Popen(command, stdout=log, stderr=log)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/_sim/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            # Wait on the process itself between tries: a server that dies while starting
            # ends the wait at once.
            try:
                code = self._process.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                continue
            raise RushError(
                tr(
                    "server fake SPSE berhenti saat dijalankan (kode {code}); lihat {log}",
                    code=code,
                    log=self.data_dir.parent / LOG_NAME,
                )
            )
        self.kill()
        raise RushError(
            tr(
                "server fake SPSE tidak menjawab dalam {seconds} detik",
                seconds=f"{START_TIMEOUT_S:.0f}",
            )
        )

    def kill(self) -> None:
        """SIGKILL, as a crash or a power cut: no shutdown, no flushing."""
        if self._process is not None and self._process.poll() is None:
            os.kill(self._process.pid, signal.SIGKILL)
            self._process.wait()
        self._process = None

    def stop(self) -> None:
        """A normal shutdown (SIGTERM), SIGKILL if it does not end."""
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        self._process = None


def main(argv: list[str] | None = None) -> int:
    """Serve one LPSE until terminated."""
    parser = argparse.ArgumentParser(prog="python -m simulator.rush.server")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--profile", required=True)
    args = parser.parse_args(argv)
    app = create_app(rush_settings(args.data_dir, args.profile))
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
