"""Certificates and sealed offers for the rush's vendors, made in parallel worker processes.

Each worker (``python -m simulator.rush.sealing JOB RESULT``) takes a slice of the vendors and,
per vendor, does what the vendor's SpamKodok does before the deadline: a key (from the key
pool) in the vendor's keystore, AMS registration through /_sim/arrange with the recommendation
letter, BSrE's certificate embedded; then the offer documents packed and sealed with the desk's
own sealing code (``offer_package.build_package`` and ``cms.seal``) to the pokja's certificate.
Sealing is CPU work: one process per core.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography import x509

from simulator.desk.spamkodok import cms
from simulator.desk.spamkodok.keystore import Keystore
from simulator.desk.spamkodok.offer_package import build_package
from simulator.harness.arrange import Arranger
from simulator.harness.keypool import KeyRing
from simulator.harness.simcontrol import SimControl
from simulator.rush.plan import RushError
from simulator.testdata.documents import write_pdf
from spse_shared.atomic import write_atomic
from spse_shared.language import tr

# The file inside each offer; its content is incompressible, as scanned documents are.
DOCUMENT_NAME = "Dokumen Penawaran.pdf"
_WRITE_CHUNK = 2**20


@dataclass(frozen=True)
class SealJob:
    """One vendor's part: who, which pool key, what to send (sizes), where to put it."""

    index: int
    user_id: str
    common_name: str
    organization: str
    email: str
    key_index: int
    folder: str  # the vendor's folder, relative to the plan folder
    sizes: tuple[int, ...]
    seal: bool  # False for a Playwright vendor: its SpamKodok seals in the browser


@dataclass(frozen=True)
class SealContext:
    """What every job of a rush shares."""

    plan_dir: str
    server_url: str
    control_token: str | None
    tender_id: str
    vendor_profile: str
    recipients_pem: tuple[str, ...]
    passphrase: str


@dataclass(frozen=True)
class SealResult:
    index: int
    keystore: str
    documents: tuple[str, ...]
    offers: tuple[tuple[str, str, int], ...]  # (path, sha256, size), relative to the plan


def write_document(path: Path, size: int, label: str) -> Path:
    """A PDF-looking document of exactly ``size`` bytes (random body), written in chunks."""
    head = f"%PDF-1.4\n% {label}\n".encode()[:size]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.write(head)
        left = size - len(head)
        while left > 0:
            chunk = os.urandom(min(left, _WRITE_CHUNK))
            out.write(chunk)
            left -= len(chunk)
    return path


def run_job(context: SealContext, job: SealJob, sim: SimControl) -> SealResult:
    """Certificate and offers of one vendor."""
    root = Path(context.plan_dir)
    folder = root / job.folder
    folder.mkdir(parents=True, exist_ok=True)
    keystore_path = folder / "spamkodok.p12"
    letter = write_pdf(
        folder / "Surat Rekomendasi.pdf", "Surat Rekomendasi Penyedia", [job.user_id]
    )
    statement = write_pdf(
        folder / "Surat Keterangan Direktur.pdf", "Surat Keterangan Direktur", [job.user_id]
    )
    # The vendor's request is reviewed by the LPSE's verifikator the rush arranged.
    Arranger(sim, KeyRing(start=job.key_index)).embed_certificate(
        user_id=job.user_id,
        keystore_path=keystore_path,
        passphrase=context.passphrase,
        common_name=job.common_name,
        organization=job.organization,
        email=job.email,
        letter=letter,
        statement=statement,
    )
    documents: list[str] = []
    offers: list[tuple[str, str, int]] = []
    keystore = Keystore.open(keystore_path, context.passphrase)
    assert keystore.certificate is not None
    recipients = [x509.load_pem_x509_certificate(pem.encode()) for pem in context.recipients_pem]
    for number, size in enumerate(job.sizes, start=1):
        document = write_document(folder / f"{number}" / DOCUMENT_NAME, size, job.user_id)
        documents.append(str(document.relative_to(root)))
        if not job.seal:
            continue
        content = build_package(
            tender_id=context.tender_id,
            vendor_id=job.user_id,
            profile=context.vendor_profile,
            files=[(DOCUMENT_NAME, document)],
        )
        sealed = cms.seal(
            content,
            signer_key=keystore.private_key,
            signer_certificate=keystore.certificate,
            chain=keystore.chain,
            recipients=recipients,
        )
        del content
        path = folder / f"penawaran-{number}.p7m"
        write_atomic(path, sealed)
        offers.append(
            (str(path.relative_to(root)), hashlib.sha256(sealed).hexdigest(), len(sealed))
        )
        # The plain document is not needed once sealed: keep the disk for the server's copy.
        document.unlink()
        documents.pop()
    return SealResult(
        index=job.index,
        keystore=str(keystore_path.relative_to(root)),
        documents=tuple(documents),
        offers=tuple(offers),
    )


def seal_in_parallel(
    context: SealContext, jobs: Sequence[SealJob], processes: int, work_dir: Path
) -> list[SealResult]:
    """Run ``jobs`` in ``processes`` worker processes; their results in job order.

    Worker processes are started with ``subprocess`` (not multiprocessing): the rush's own
    process runs Locust under gevent, where forking pools do not mix.
    """
    work_dir.mkdir(parents=True, exist_ok=True)
    slices = [list(jobs[i::processes]) for i in range(max(1, processes))]
    running = []
    for number, part in enumerate(s for s in slices if s):
        job_file = work_dir / f"segel-{number}.json"
        result_file = work_dir / f"segel-{number}-hasil.json"
        job_file.write_text(
            json.dumps({"context": asdict(context), "jobs": [asdict(j) for j in part]}),
            encoding="utf-8",
        )
        process = subprocess.Popen(
            [sys.executable, "-m", "simulator.rush.sealing", str(job_file), str(result_file)],
            stderr=subprocess.PIPE,
        )
        running.append((process, result_file))
    results: list[SealResult] = []
    failures = []
    for process, result_file in running:
        _, stderr = process.communicate()
        if process.returncode != 0:
            failures.append(stderr.decode(errors="replace").strip().splitlines()[-1:])
            continue
        for raw in json.loads(result_file.read_text(encoding="utf-8")):
            results.append(_result(raw))
    if failures:
        raise RushError(tr("penyegelan penawaran gagal: {failures}", failures=failures))
    return sorted(results, key=lambda r: r.index)


def _result(raw: dict[str, Any]) -> SealResult:
    return SealResult(
        index=int(raw["index"]),
        keystore=str(raw["keystore"]),
        documents=tuple(raw["documents"]),
        offers=tuple((str(p), str(h), int(s)) for p, h, s in raw["offers"]),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Worker entry: ``JOB RESULT`` file paths."""
    job_path, result_path = (argv if argv is not None else sys.argv[1:])[:2]
    raw = json.loads(Path(job_path).read_text(encoding="utf-8"))
    context_raw = raw["context"]
    context = SealContext(**{**context_raw, "recipients_pem": tuple(context_raw["recipients_pem"])})
    jobs = [SealJob(**{**j, "sizes": tuple(j["sizes"])}) for j in raw["jobs"]]
    sim = SimControl(context.server_url, token=context.control_token)
    try:
        results = [asdict(run_job(context, job, sim)) for job in jobs]
    finally:
        sim.close()
    write_atomic(Path(result_path), json.dumps(results).encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
