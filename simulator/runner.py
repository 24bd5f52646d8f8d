"""Runs the CA journey on the embedded server and leaves a complete output folder."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from playwright.sync_api import Browser

from simulator.chronology import Chronology, StepRecord
from simulator.environment import RunOptions, SimEnvironment
from simulator.journeys import JourneyError
from simulator.journeys.ca_tender import CaTenderResult, walk_ca_tender


@dataclass(frozen=True)
class RunResult:
    output_dir: Path
    ok: bool
    steps: list[StepRecord]
    journey: CaTenderResult | None
    error: str | None


def run_journey(
    options: RunOptions,
    *,
    echo: Callable[[StepRecord], None] | None = None,
    browser: Browser | None = None,
) -> RunResult:
    """Walk the journey; whatever happens, the output folder and its index.json are written.

    ``browser``: reuse an already launched browser (one Playwright per thread is allowed).
    """
    journey: CaTenderResult | None = None
    error: str | None = None
    with SimEnvironment(options, browser=browser) as env:
        log = Chronology(options.output_dir, env.sim, echo=echo)
        try:
            journey = walk_ca_tender(env, log)
        except (JourneyError, AssertionError) as exc:
            error = str(exc)
        except Exception as exc:  # a broken page or server: still leave the evidence behind
            error = f"{type(exc).__name__}: {exc}"
        _export_pki(env, options.output_dir)
        firings = env.sim.firings()
    (options.output_dir / "faults-fired.json").write_text(json.dumps(firings, indent=2) + "\n")
    _write_index(options, log, journey, error)
    return RunResult(
        options.output_dir, error is None and not log.failed, log.steps, journey, error
    )


def _export_pki(env: SimEnvironment, output: Path) -> None:
    """Everything another tool needs to open the offers: pokja key, BSrE chain and CRL."""
    pki = output / "pki"
    pki.mkdir(parents=True, exist_ok=True)
    (pki / "bsre-chain.pem").write_bytes(_get(env.server_url + "/bsre/chain.pem"))
    (pki / "bsre-crl.pem").write_bytes(_get(env.server_url + "/bsre/crl.pem"))
    for desk in env.desks:
        if desk.kodok is None or not desk.kodok.has_certificate:
            continue
        keystore = desk.kodok.keystore()
        assert keystore.certificate is not None
        name = desk.folder.name
        (pki / f"{name}.crt.pem").write_bytes(
            keystore.certificate.public_bytes(serialization.Encoding.PEM)
        )
        (pki / f"{name}.key.pem").write_bytes(
            keystore.private_key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as answer:
        data: bytes = answer.read()
        return data


def _write_index(
    options: RunOptions, log: Chronology, journey: CaTenderResult | None, error: str | None
) -> None:
    root = options.output_dir
    files = sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and "data" not in p.relative_to(root).parts[:1]
    )
    index = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "profile": options.profile,
        "seed": options.seed,
        "ok": error is None and not log.failed,
        "error": error,
        "tender_id": journey.tender_id if journey else None,
        "vendor": journey.vendor.user_id if journey else None,
        "steps": len(log.steps),
        "files": [*files, "index.json"],
    }
    (root / "index.json").write_text(json.dumps(index, indent=2, ensure_ascii=False) + "\n")


def fresh_output_dir(parent: Path, *, now: datetime | None = None) -> Path:
    """A new, unique run folder under ``parent`` (runs never collide)."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    candidate = parent / f"run-{stamp}"
    suffix = 1
    while candidate.exists():
        suffix += 1
        candidate = parent / f"run-{stamp}-{suffix}"
    candidate.mkdir(parents=True)
    return candidate
