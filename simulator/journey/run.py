"""Runs a journey (the CA journey, or the Seleksi dua file) on the embedded server and leaves a
complete output folder."""

from __future__ import annotations

import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from playwright.sync_api import Browser

from simulator.browser.journeys import JourneyError
from simulator.browser.lanes import Lane
from simulator.desk.spamkodok.keystore import KeystoreError
from simulator.evidence.bundle import Identity
from simulator.evidence.docx import finish_folder
from simulator.evidence.identity import identify
from simulator.harness.chronology import Chronology
from simulator.harness.environment import RunOptions, SimEnvironment

# Re-exported for simulator.cli, which imports it from here (its home is run_folder).
from simulator.harness.run_folder import fresh_output_dir as fresh_output_dir
from simulator.harness.step_record import StepRecord
from simulator.journey import start_lanes
from simulator.journey.ca_tender import CaTenderResult, walk_ca_tender
from simulator.journey.seleksi import SeleksiResult, walk_seleksi

JourneyResult = CaTenderResult | SeleksiResult
# The journeys ``spse-sim run --journey`` walks, by name; the first is the default.
JOURNEYS: dict[str, Callable[[SimEnvironment, Chronology], JourneyResult]] = {
    "ca": walk_ca_tender,
    "seleksi": walk_seleksi,
}
DEFAULT_JOURNEY = "ca"


@dataclass(frozen=True)
class RunResult:
    output_dir: Path
    ok: bool
    steps: list[StepRecord]
    journey: JourneyResult | None
    error: str | None
    report: Path | None = None


def run_journey(
    options: RunOptions,
    *,
    echo: Callable[[StepRecord], None] | None = None,
    browser: Browser | None = None,
    evidence: bool = False,
    journey_name: str = DEFAULT_JOURNEY,
    lanes: Mapping[str, Lane] | None = None,
    recording: bool = True,
) -> RunResult:
    """Walk the journey ``journey_name`` (see JOURNEYS); whatever happens, the output folder
    and its index.json are written; the index lists the tender's stored offers (part, sha256)
    so that another tool can find them among the server's files.

    ``browser``: reuse an already launched browser (one Playwright per thread is allowed): the
    journey then walks every desk on the calling thread, one track after the other.
    ``lanes``: the journey's lanes (``simulator.journey.LANES``), started already; the run
    closes them. Without either, the run starts them now.
    ``recording``: every desk's Playwright trace and a screenshot after every step; without
    it only a failing step is photographed (with every other desk), as a catalog scenario's
    first attempt under ``--artifacts on-first-retry``.
    The Word report (laporan-kronologi.docx) is written when a recording walk failed, or with
    ``evidence``. The environment leaves server-log.jsonl and faults-fired.json when it closes.
    """
    walk = JOURNEYS[journey_name]
    if browser is None and lanes is None:
        lanes = start_lanes(journey_name, headless=options.headless, slow_mo_ms=options.slow_mo_ms)
    journey: JourneyResult | None = None
    error: str | None = None
    offers: list[dict[str, object]] = []
    with SimEnvironment(options, browser=browser, lanes=lanes) as env:
        # As in catalog runs: traces keep their DOM snapshots, screencast frames (about an
        # eighth of the journey's CPU) only when all evidence is asked for; every step's
        # screenshot is in screenshots/ either way.
        env.trace_screenshots = evidence
        env.recording = recording
        log = Chronology(options.output_dir, env.sim, echo=echo, step_screenshots=recording)
        try:
            journey = walk(env, log)
            offers = [
                {
                    k: o[k]
                    for k in ("offer_id", "vendor_id", "part", "sha256", "received_at", "current")
                }
                for o in env.sim.offers(journey.tender_id)
            ]
        except (JourneyError, AssertionError) as exc:
            error = str(exc)
        except Exception as exc:  # a broken page or server: still leave the evidence behind
            error = f"{type(exc).__name__}: {exc}"
        # The lanes save their desks' traces and close on their threads meanwhile.
        env.release_desks()
        _export_pki(env, options.output_dir)
        identity = _identity(env, journey)
    ok = error is None and not log.failed
    report = finish_folder(
        options.output_dir,
        {
            "kind": "journey",
            "journey": journey_name,
            "profile": options.profile,
            "seed": options.seed,
            "ok": ok,
            "error": error,
            "tender_id": journey.tender_id if journey else None,
            "vendor": journey.vendor.user_id if journey else None,
            "steps": len(log.steps),
            "offers": offers,
            "identity": identity.to_json(),
        },
        report=evidence or (not ok and recording),
    )
    return RunResult(options.output_dir, ok, log.steps, journey, error, report)


def _identity(env: SimEnvironment, journey: JourneyResult | None) -> Identity:
    """The vendor is the desk named penyedia-<user id>, also when the journey stopped early."""
    desk = next((d for d in env.desks if d.folder.name.startswith("penyedia-")), None)
    return identify(
        env,
        vendor=journey.vendor.company if journey else "",
        vendor_user_id=(
            journey.vendor.user_id
            if journey
            else desk.folder.name.removeprefix("penyedia-")
            if desk
            else ""
        ),
        kodok=desk.kodok if desk else None,
        tender_id=journey.tender_id if journey else "",
        tender_name=journey.tender.name if journey else "",
    )


def _export_pki(env: SimEnvironment, output: Path) -> None:
    """Everything another tool needs to open the offers: pokja key, BSrE chain and CRL."""
    pki = output / "pki"
    pki.mkdir(parents=True, exist_ok=True)
    (pki / "bsre-chain.pem").write_bytes(_get(env.server_url + "/bsre/chain.pem"))
    (pki / "bsre-crl.pem").write_bytes(_get(env.server_url + "/bsre/crl.pem"))
    for desk in env.desks:
        if desk.kodok is None:
            continue
        try:
            # Opened once (a PKCS#12 decryption and an RSA key check each time).
            keystore = desk.kodok.keystore()
        except (OSError, KeystoreError):
            continue
        if keystore.certificate is None:
            continue
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
