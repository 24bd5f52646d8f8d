"""The identity block of a report, gathered from a live environment before it closes."""

from __future__ import annotations

from cryptography.x509.oid import NameOID

from simulator.desk.spamkodok.bridge import SpamKodok
from simulator.desk.spamkodok.keystore import KeystoreError
from simulator.evidence.bundle import Identity
from simulator.harness.environment import SimEnvironment
from simulator.harness.simcontrol import SimControl, SimControlError


def certificate_subject(kodok: SpamKodok | None) -> str:
    """The subject of the certificate embedded in ``kodok`` ('' when there is none)."""
    if kodok is None:
        return ""
    try:
        certificate = kodok.keystore().certificate
    except (OSError, KeystoreError):
        return ""
    if certificate is None:
        return ""
    return certificate.subject.rfc4514_string({NameOID.EMAIL_ADDRESS: "E"})


def identify(
    env: SimEnvironment,
    *,
    vendor: str = "",
    vendor_user_id: str = "",
    kodok: SpamKodok | None = None,
    tender_id: str = "",
    tender_name: str = "",
) -> Identity:
    profile = env.profile
    if tender_id and not tender_name:
        tender_name = _tender_name(env.sim, tender_id)
    return Identity(
        lpse=env.settings.lpse_name,
        vendor=vendor,
        vendor_user_id=vendor_user_id,
        tender_id=tender_id,
        tender_name=tender_name,
        profile=profile.name,
        profile_title=profile.shown_title,
        spse_version=f"{profile.spse_version} ({profile.footer_version})",
        certificate_subject=certificate_subject(kodok),
    )


def _tender_name(sim: SimControl, tender_id: str) -> str:
    """The tender's name as SPSE stores it ('' when it cannot be read)."""
    try:
        return str(sim.tender(tender_id)["name"])
    except (SimControlError, KeyError):
        return ""
