"""Time and memory of SpamKodok's offer pipeline: build_package, seal, open_sealed, read_package.

Run: .venv/bin/python benchmarks/bench_crypto.py [--size-mib 20 50] [--repeat 3]

Every figure comes from a fresh child process (spawned, not forked, so it starts from a clean
interpreter) that has already loaded its inputs: times are the best of `--repeat` runs, the
Python peak is tracemalloc's high-water mark for one run, and the RSS peak is the rise of the
process's resident high-water mark over its resident size just before the run. Inputs are built
once per size with a real CertificateAuthority in a temporary directory.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import multiprocessing
import platform
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from fake_spse.adapters.ca import CertificateAuthority
from simulator.desk.spamkodok.cms import Receipt, open_sealed, seal
from simulator.desk.spamkodok.offer_package import build_package, read_package

MIB = 1024 * 1024
NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
OPERATIONS = ("build_package", "seal", "open_sealed", "read_package")
# A realistic offer is a handful of documents of uneven size.
_DOCUMENT_SHARES = (
    ("surat_penawaran.pdf", 0.05),
    ("dokumen_teknis.pdf", 0.55),
    ("daftar_kuantitas_harga.xlsx", 0.10),
    ("gambar_kerja.zip", 0.30),
)
_CLEAR_REFS = Path("/proc/self/clear_refs")
_STATUS = Path("/proc/self/status")


@dataclass(frozen=True)
class Fixture:
    """Paths of one size's inputs, as files so a spawned child can load them."""

    directory: Path
    size: int
    documents: tuple[tuple[str, Path], ...]

    @property
    def package(self) -> Path:
        return self.directory / "paket.tar"

    @property
    def sealed(self) -> Path:
        return self.directory / "penawaran.p7m"


@dataclass(frozen=True)
class Measurement:
    best_seconds: float
    python_peak: int
    rss_peak: int | None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size-mib", type=float, nargs="+", default=[20.0, 50.0])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args(argv)
    if arguments.repeat < 1 or any(size <= 0 for size in arguments.size_mib):
        parser.error("--repeat and --size-mib must be positive")

    print(f"{datetime.now().date().isoformat()}  Python {platform.python_version()}  ", end="")
    print(f"{platform.machine()}  {multiprocessing.cpu_count()} CPU(s)")
    with tempfile.TemporaryDirectory(prefix="bench-crypto-") as temporary:
        root = Path(temporary)
        _create_pki(root / "pki")
        for size_mib in arguments.size_mib:
            fixture = _create_fixture(root, int(size_mib * MIB))
            print()
            print(
                f"{size_mib:g} MiB of documents: package {_mib(fixture.package.stat().st_size)}"
                f" MiB, sealed {_mib(fixture.sealed.stat().st_size)} MiB;"
                f" best of {arguments.repeat}"
            )
            print(
                f"{'operation':<14}{'best s':>9}{'MiB/s':>9}"
                f"{'py peak MiB':>20}{'RSS peak Δ MiB':>20}"
            )
            for operation in OPERATIONS:
                result = _measure(operation, fixture, arguments.repeat)
                print(
                    f"{operation:<14}{result.best_seconds:>9.3f}"
                    f"{fixture.size / MIB / result.best_seconds:>9.1f}"
                    f"{_with_ratio(result.python_peak, fixture.size):>20}"
                    f"{_with_ratio(result.rss_peak, fixture.size):>20}"
                )
    return 0


def _measure(operation: str, fixture: Fixture, repeat: int) -> Measurement:
    context = multiprocessing.get_context("spawn")

    def in_child(mode: str) -> Any:
        with ProcessPoolExecutor(1, mp_context=context) as pool:
            return pool.submit(_child, operation, fixture, mode, repeat).result()

    return Measurement(
        best_seconds=in_child("time"),
        python_peak=in_child("tracemalloc"),
        rss_peak=in_child("rss"),
    )


def _child(operation: str, fixture: Fixture, mode: str, repeat: int) -> Any:
    run = _prepare(operation, fixture)
    gc.collect()
    if mode == "time":
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            result = run()
            best = min(best, time.perf_counter() - start)
            del result
            gc.collect()
        return best
    if mode == "tracemalloc":
        tracemalloc.start()
        result = run()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        del result
        return peak
    return _rss_peak_of(run)


def _rss_peak_of(run: Callable[[], object]) -> int | None:
    """How far the resident high-water mark rose above the resident size during `run`."""
    try:
        # Linux: writing 5 resets VmHWM to the current RSS, so a peak reached while loading the
        # inputs cannot hide the operation's own peak.
        _CLEAR_REFS.write_text("5")
        before = _status_bytes("VmRSS")
        result = run()
        peak = _status_bytes("VmHWM")
        del result
        return peak - before
    except OSError:
        pass
    # Elsewhere ru_maxrss never goes down; the delta is a lower bound, 0 if loading peaked higher.
    multiplier = 1 if sys.platform == "darwin" else 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * multiplier
    result = run()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * multiplier
    del result
    return after - before if after > before else None


def _status_bytes(field: str) -> int:
    for line in _STATUS.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise OSError(f"{field} not in {_STATUS}")


def _prepare(operation: str, fixture: Fixture) -> Callable[[], object]:
    """Load everything `operation` needs and return a closure that runs just the operation."""
    pki = fixture.directory.parent / "pki"
    if operation == "build_package":
        return lambda: build_package(
            tender_id="10001", vendor_id="budi01", profile="SPSE 4.3", files=fixture.documents
        )
    if operation == "read_package":
        package = fixture.package.read_bytes()
        return lambda: read_package(package)
    if operation == "seal":
        package = fixture.package.read_bytes()
        vendor_key = _load_key(pki / "vendor.key.pem")
        vendor = _load_certificate(pki / "vendor.crt.pem")
        pokja = _load_certificate(pki / "pokja.crt.pem")
        chain = [_load_certificate(pki / "intermediate.crt.pem")]
        return lambda: seal(
            package,
            signer_key=vendor_key,
            signer_certificate=vendor,
            chain=chain,
            recipients=[pokja],
        )
    if operation == "open_sealed":
        sealed = fixture.sealed.read_bytes()
        receipt = Receipt(
            sha256=hashlib.sha256(sealed).hexdigest(),
            size=len(sealed),
            received_at=NOW + timedelta(hours=1),
        )
        pokja_key = _load_key(pki / "pokja.key.pem")
        pokja = _load_certificate(pki / "pokja.crt.pem")
        root = _load_certificate(pki / "root.crt.pem")
        crl = x509.load_pem_x509_crl((pki / "crl.pem").read_bytes())
        return lambda: open_sealed(
            sealed,
            recipient_key=pokja_key,
            recipient_certificate=pokja,
            trust_roots=[root],
            crls=[crl],
            receipt=receipt,
        )
    raise ValueError(f"unknown operation {operation}")


def _create_pki(directory: Path) -> None:
    ca = CertificateAuthority(directory / "bsre", lambda: NOW)
    for name, common_name in (("vendor", "Budi Santoso"), ("pokja", "Pokja Pemilihan 1")):
        key = rsa.generate_private_key(65537, 2048)
        csr = (
            x509.CertificateSigningRequestBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
            .sign(key, hashes.SHA256())
        )
        certificate = ca.issue(csr, user_id=name)
        (directory / f"{name}.key.pem").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        (directory / f"{name}.crt.pem").write_bytes(
            certificate.public_bytes(serialization.Encoding.PEM)
        )
    for name, certificate in (("root", ca.root), ("intermediate", ca.intermediate)):
        (directory / f"{name}.crt.pem").write_bytes(
            certificate.public_bytes(serialization.Encoding.PEM)
        )
    (directory / "crl.pem").write_bytes(ca.crl().public_bytes(serialization.Encoding.PEM))


def _create_fixture(root: Path, size: int) -> Fixture:
    directory = root / f"size-{size}"
    (directory / "dokumen").mkdir(parents=True)
    generator = random.Random(size)
    documents: list[tuple[str, Path]] = []
    remaining = size
    for index, (name, share) in enumerate(_DOCUMENT_SHARES):
        part = remaining if index == len(_DOCUMENT_SHARES) - 1 else int(size * share)
        remaining -= part
        path = directory / "dokumen" / name
        path.write_bytes(generator.randbytes(part))  # random: nothing compresses or dedups
        documents.append((name, path))
    fixture = Fixture(directory=directory, size=size, documents=tuple(documents))
    # Inputs are made by the same code the children measure, in this process, not timed.
    package = _prepare("build_package", fixture)()
    assert isinstance(package, bytes)
    fixture.package.write_bytes(package)
    sealed = _prepare("seal", fixture)()
    assert isinstance(sealed, bytes)
    fixture.sealed.write_bytes(sealed)
    return fixture


def _load_key(path: Path) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key


def _load_certificate(path: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(path.read_bytes())


def _mib(size: int) -> str:
    return f"{size / MIB:.1f}"


def _with_ratio(size: int | None, reference: int) -> str:
    if size is None:
        return "n/a"
    return f"{_mib(size)} ({size / reference:.1f}x)"


if __name__ == "__main__":
    sys.exit(main())
