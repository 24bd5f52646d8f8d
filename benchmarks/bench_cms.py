"""Speed and memory of SpamKodok's streaming seal and open, against this machine's own limits.

Run: PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_cms.py [--size-mib 100] [--repeat 3]

In one run, on the same content:
- the machine's limit, from `openssl speed`: AES-256-CBC encryption (and decryption) and SHA-256
  on 16 KiB blocks, one core; sealing needs both in series (limit 1/(1/aes + 1/sha)), opening
  the same with CBC decryption; once per CPU second (openssl's default) and once per elapsed
  second (-elapsed: what a core really gave meanwhile on a shared machine);
- ours: `seal_file` (content file -> sealed file) and `open_sealed_file` (sealed file ->
  content file), plus the desk's whole path: documents -> offer package -> sealed file
  (`seal_offer`) and sealed file -> documents (`open_offer`); MiB/s of content, best of
  `--repeat`, each in a fresh spawned process with its inputs loaded, and the CPU time of
  that run (all threads: MiB per CPU second compares with the per-CPU-second limit even on a
  loaded machine); memory as the rise of
  the resident high-water mark (Linux: VmHWM reset first) and tracemalloc's Python peak;
- the openssl CLI on the same content: `cms -sign` then `cms -encrypt` (seal), `cms -decrypt`
  then `cms -verify` (open), best of `--repeat`; ratio = CLI time / our time.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from bench_crypto import NOW, _create_pki, _load_certificate, _load_key, _rss_peak_of
from cryptography import x509

from simulator.desk.spamkodok.cms import Receipt, open_sealed_file, seal_file
from simulator.desk.spamkodok.offers import open_offer, seal_offer

MIB = 1024 * 1024
RECEIVED_AT = NOW + timedelta(hours=1)
OURS = ("seal_file", "open_sealed_file", "seal_offer", "open_offer")
_SPEED_BLOCK = "16384"


@dataclass(frozen=True)
class Setup:
    root: Path
    size: int

    @property
    def pki(self) -> Path:
        return self.root / "pki"

    @property
    def content(self) -> Path:
        return self.root / "content.bin"

    @property
    def sealed(self) -> Path:
        return self.root / "sealed.p7m"

    @property
    def documents(self) -> tuple[tuple[str, Path], ...]:
        return (("dokumen_teknis.pdf", self.content),)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size-mib", type=float, default=100.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=3, help="per openssl speed test")
    arguments = parser.parse_args(argv)
    if arguments.repeat < 1 or arguments.size_mib <= 0:
        parser.error("--repeat and --size-mib must be positive")

    print(f"{time.strftime('%Y-%m-%d %H:%M')}  Python {platform.python_version()}  ", end="")
    print(f"{platform.machine()}  {multiprocessing.cpu_count()} CPU(s)  ", end="")
    print(f"load {os.getloadavg()[0]:.1f}  {_openssl_version()}")
    with tempfile.TemporaryDirectory(prefix="bench-cms-") as temporary:
        setup = Setup(Path(temporary), int(arguments.size_mib * MIB))
        _create_pki(setup.pki)
        with setup.content.open("wb") as out:  # random: nothing compresses
            for _ in range(0, setup.size, MIB):
                out.write(os.urandom(min(MIB, setup.size - out.tell())))
        _prepare("seal_file", setup)()

        print()
        print(f"openssl speed ({_SPEED_BLOCK}-byte blocks, one core), MiB/s:")
        limits: dict[str, tuple[float, float]] = {}
        for clock in ("cpu", "elapsed"):
            extra = ("-elapsed",) if clock == "elapsed" else ()
            aes = _openssl_speed(*extra, "-evp", "aes-256-cbc", seconds=arguments.seconds)
            aes_decrypt = _openssl_speed(
                *extra, "-decrypt", "-evp", "aes-256-cbc", seconds=arguments.seconds
            )
            sha = _openssl_speed(*extra, "sha256", seconds=arguments.seconds)
            limits[clock] = (1 / (1 / aes + 1 / sha), 1 / (1 / aes_decrypt + 1 / sha))
            print(
                f"  per {clock + ' second':<15} aes-256-cbc encrypt {aes:6.0f}  decrypt"
                f" {aes_decrypt:6.0f}  sha256 {sha:6.0f};  limit seal (encrypt + sha256 in"
                f" series) {limits[clock][0]:5.0f}, open (decrypt + sha256) {limits[clock][1]:5.0f}"
            )
        print(
            "  (openssl speed divides by CPU time unless -elapsed; on a shared machine the"
            " elapsed limit is what one core really gave meanwhile)"
        )

        cli_seal = _best(arguments.repeat, lambda: _openssl_seal(setup))
        cli_open = _best(arguments.repeat, lambda: _openssl_open(setup))
        size_mib = setup.size / MIB
        print()
        print(f"{size_mib:g} MiB of content (sealed {setup.sealed.stat().st_size / MIB:.1f} MiB),")
        print(f"best of {arguments.repeat}; memory from one run in a fresh process:")
        print(
            f"{'operation':<18}{'best s':>8}{'MiB/s':>8}{'of limit cpu/elapsed':>22}"
            f"{'vs CLI':>8}{'CPU s':>7}{'MiB/CPU s':>10}{'RSS peak Δ MiB':>16}{'py peak MiB':>13}"
        )
        for operation in OURS:
            (seconds, cpu), rss, python = _measure(operation, setup, arguments.repeat)
            index = 0 if operation.startswith("seal") else 1
            cli = cli_seal if operation.startswith("seal") else cli_open
            speed = size_mib / seconds
            shares = f"{speed / limits['cpu'][index]:.0%} / {speed / limits['elapsed'][index]:.0%}"
            print(
                f"{operation:<18}{seconds:>8.3f}{speed:>8.0f}{shares:>22}{cli / seconds:>7.1f}x"
                f"{cpu:>7.2f}{size_mib / cpu:>10.0f}{_mib(rss):>16}{_mib(python):>13}"
            )
        print(f"{'openssl cms seal':<18}{cli_seal:>8.3f}{size_mib / cli_seal:>8.0f}")
        print(f"{'openssl cms open':<18}{cli_open:>8.3f}{size_mib / cli_open:>8.0f}")
        print(f"load {os.getloadavg()[0]:.1f}")
    return 0


def _measure(
    operation: str, setup: Setup, repeat: int
) -> tuple[tuple[float, float], int | None, int]:
    context = multiprocessing.get_context("spawn")

    def in_child(mode: str) -> Any:
        with ProcessPoolExecutor(1, mp_context=context) as pool:
            return pool.submit(_child, operation, setup, mode, repeat).result()

    return in_child("time"), in_child("rss"), in_child("tracemalloc")


def _child(operation: str, setup: Setup, mode: str, repeat: int) -> Any:
    run = _prepare(operation, setup)
    if mode == "time":
        return _best_with_cpu(repeat, run)
    if mode == "rss":
        return _rss_peak_of(run)
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def _prepare(operation: str, setup: Setup) -> Callable[[], object]:
    """Load the keys `operation` needs; a closure that runs just the operation."""
    pki = setup.pki
    output = setup.root / f"out-{operation}-{os.getpid()}"
    if operation.startswith("seal"):
        key = _load_key(pki / "vendor.key.pem")
        certificate = _load_certificate(pki / "vendor.crt.pem")
        chain = [_load_certificate(pki / "intermediate.crt.pem")]
        recipients = [_load_certificate(pki / "pokja.crt.pem")]
        if operation == "seal_file":
            return lambda: seal_file(
                setup.content,
                setup.sealed,
                signer_key=key,
                signer_certificate=certificate,
                chain=chain,
                recipients=recipients,
            )
        return lambda: seal_offer(
            setup.documents,
            output.with_suffix(".p7m"),
            tender_id="10001",
            vendor_id="budi01",
            profile="SPSE 4.3",
            signer_key=key,
            signer_certificate=certificate,
            chain=chain,
            recipients=recipients,
        )
    sealed = setup.sealed if operation == "open_sealed_file" else _sealed_offer(setup)
    receipt = Receipt(sha256=_sha256(sealed), size=sealed.stat().st_size, received_at=RECEIVED_AT)
    key = _load_key(pki / "pokja.key.pem")
    certificate = _load_certificate(pki / "pokja.crt.pem")
    roots = [_load_certificate(pki / "root.crt.pem")]
    crls = [x509.load_pem_x509_crl((pki / "crl.pem").read_bytes())]
    if operation == "open_sealed_file":
        return lambda: open_sealed_file(
            sealed,
            output,
            recipient_key=key,
            recipient_certificate=certificate,
            trust_roots=roots,
            crls=crls,
            receipt=receipt,
        )
    output.mkdir(exist_ok=True)
    return lambda: open_offer(
        sealed,
        output,
        recipient_key=key,
        recipient_certificate=certificate,
        trust_roots=roots,
        crls=crls,
        receipt=receipt,
        replace=True,
    )


def _sealed_offer(setup: Setup) -> Path:
    path = setup.root / "offer.p7m"
    if not path.exists():
        _prepare("seal_offer", setup)()
        (setup.root / f"out-seal_offer-{os.getpid()}.p7m").rename(path)
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(MIB):
            digest.update(chunk)
    return digest.hexdigest()


def _openssl_seal(setup: Setup) -> None:
    pki, root = setup.pki, setup.root
    signed = root / "cli-signed.der"
    _openssl(
        "cms", "-sign", "-binary", "-nodetach", "-md", "sha256", "-in", setup.content,
        "-signer", pki / "vendor.crt.pem", "-inkey", pki / "vendor.key.pem",
        "-certfile", pki / "intermediate.crt.pem", "-outform", "DER", "-out", signed,
    )  # fmt: skip
    _openssl(
        "cms", "-encrypt", "-binary", "-aes256", "-in", signed, "-outform", "DER",
        "-out", root / "cli-sealed.der", pki / "pokja.crt.pem",
    )  # fmt: skip


def _openssl_open(setup: Setup) -> None:
    pki, root = setup.pki, setup.root
    signed = root / "cli-opened-signed.der"
    _openssl(
        "cms", "-decrypt", "-binary", "-inform", "DER", "-in", setup.sealed,
        "-recip", pki / "pokja.crt.pem", "-inkey", pki / "pokja.key.pem", "-out", signed,
    )  # fmt: skip
    _openssl(
        "cms", "-verify", "-binary", "-inform", "DER", "-in", signed, "-purpose", "any",
        "-CAfile", pki / "root.crt.pem", "-attime", str(int(RECEIVED_AT.timestamp())),
        "-out", root / "cli-content.bin",
    )  # fmt: skip


def _openssl(*arguments: str | Path) -> None:
    subprocess.run(["openssl", *map(str, arguments)], check=True, capture_output=True)


def _openssl_speed(*arguments: str, seconds: int) -> float:
    """MiB/s of one `openssl speed` test on 16 KiB blocks."""
    result = subprocess.run(
        ["openssl", "speed", "-seconds", str(seconds), "-bytes", _SPEED_BLOCK, *arguments],
        check=True,
        capture_output=True,
        text=True,
    )
    last = [line for line in result.stdout.splitlines() if re.search(r"\d+\.\d+k\s*$", line)][-1]
    return float(last.split()[-1].rstrip("k")) * 1000 / MIB


def _openssl_version() -> str:
    return subprocess.run(
        ["openssl", "version"], check=True, capture_output=True, text=True
    ).stdout.strip()


def _best(repeat: int, run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _best_with_cpu(repeat: int, run: Callable[[], object]) -> tuple[float, float]:
    """Best wall time, and the process's CPU time (all threads) of that run."""
    best = (float("inf"), 0.0)
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        run()
        best = min(best, (time.perf_counter() - start, time.process_time() - cpu))
    return best


def _mib(size: int | None) -> str:
    return "n/a" if size is None else f"{size / MIB:.1f}"


if __name__ == "__main__":
    sys.exit(main())
