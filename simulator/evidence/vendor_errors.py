"""Which scenarios' vendors met an error, and what a ticket about it says (read from evidence).

The rule (read from each scenario folder's index.json): a vendor met an error when

- the scenario **failed** (status "failed": the error is the index's ``error``), or
- one of its **message checks** (a check whose expected text is a template of the message
  catalog) matched a message that is not a confirmation (``NOTICE_KEYS``): the vendor was shown
  an error such as "kodok.nama_terlalu_panjang" or "penawaran.ditutup", even if the scenario
  passed because that refusal was what it expected.

``credentials.json``: the scenario hooks write the scenario's vendors' user ids and passwords
into the scenario folder, in plain text, so that a ticket can be filed after the run
(``simulator.qa.tickets``): these are simulated accounts of a throw-away server, and nothing
else (index.json, the Word report) carries a password.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from simulator.harness.run_folder import CREDENTIALS_NAME, INDEX_NAME, REPORT_NAME
from simulator.harness.step_record import StepRecord
from spse_shared.atomic import write_atomic
from spse_shared.messages import MessageCatalog
from spse_shared.profile import DEFAULT_PROFILE, load_profile
from spse_shared.wib import format_wib

# Catalog messages that tell the user something went well (or explain a page): not errors.
NOTICE_KEYS = frozenset(
    {
        "ams.berhasil",
        "ams.link",
        "ams.tertanam",
        "apd.berhasil",
        "apendo.halaman_ca",
        "apendo.halaman_non_ca",
        "apendo.hasil_dicatat",
        "apendo.jadwal_pembukaan",
        "apendo.menggantikan",
        "apendo.petunjuk",
        "dt.info",
        "dt.kosong",
        "pembukaan.dibuka",
        "pembukaan.selesai",
        "penawaran.berhasil",
        "registrasi.berhasil",
        "support.aksi_berhasil",
        "support.dikembalikan",
        "support.masuk_berhasil",
        "support.tiket_dibuat",
        "support.tiket_ditutup",
        "tender.dibuat",
        "tender.ikut_berhasil",
        "verifikasi.berhasil",
    }
)

# The LPSE Support sub-category (category Teknis) for the area of the error message.
SUBCATEGORY_BY_AREA = {
    "kodok": "Aplikasi SPAMKODOK 2",
    "penawaran": "Upload Dokumen Penawaran",
    "ams": "Pendaftaran AMS / Sertifikat Elektronik",
    "apd": "Migrasi Sertifikat (Import APD)",
    "pembukaan": "Pembukaan Dokumen Penawaran",
    "apendo": "Pembukaan Dokumen Penawaran",
    "login": "Login dan ADP",
    "adp": "Login dan ADP",
}


@dataclass(frozen=True)
class VendorError:
    """A scenario in which a vendor met an error, and what to report."""

    folder: Path
    scenario_id: str
    title: str
    message: str
    key: str | None
    failed: bool

    @property
    def subcategory(self) -> str:
        area = (self.key or "").partition(".")[0]
        return SUBCATEGORY_BY_AREA.get(area, "Lainnya")


# Recording credentials (called by the scenario hooks) ----------------------------------------
@dataclass(frozen=True)
class VendorLogin:
    """How a scenario's vendor logs in (what ``credentials.json`` holds for each)."""

    alias: str
    user_id: str
    password: str
    company: str


def write_credentials(folder: Path, vendors: Iterable[VendorLogin]) -> Path | None:
    """The scenario's vendors' log-in data, for filing tickets after the run (see module doc).

    Returns the file written, or None when the scenario had no vendor.
    """
    rows = [asdict(v) for v in vendors]
    if not rows:
        return None
    path = folder / CREDENTIALS_NAME
    # Passwords: the owner's only (write_atomic's 0600), as every secret of a run folder.
    write_atomic(path, (json.dumps({"vendors": rows}, indent=2) + "\n").encode())
    return path


def read_credentials(folder: Path) -> list[VendorLogin]:
    """The vendors ``write_credentials`` recorded in ``folder`` (none when it has no file)."""
    path = folder / CREDENTIALS_NAME
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        VendorLogin(
            alias=str(v.get("alias", "")),
            user_id=str(v["user_id"]),
            password=str(v["password"]),
            company=str(v.get("company", "")),
        )
        for v in data.get("vendors", [])
        if isinstance(v, dict) and "user_id" in v and "password" in v
    ]


# The rule -------------------------------------------------------------------------------------
def vendor_error(folder: Path) -> VendorError | None:
    """The error a vendor met in this scenario folder, or None (see the module's rule)."""
    index_path = folder / INDEX_NAME
    if not index_path.exists():
        return None
    index: dict[str, Any] = json.loads(index_path.read_text(encoding="utf-8"))
    if index.get("kind") != "scenario":
        return None
    keys_by_template = _keys_by_template(str(index.get("profile") or DEFAULT_PROFILE))
    shown: list[tuple[str, str]] = []  # (key, observed text) of error messages shown
    for check in index.get("checks", []):
        key = keys_by_template.get(str(check.get("expected", "")))
        if key is not None and check.get("ok") and key not in NOTICE_KEYS:
            shown.append((key, str(check.get("observed", ""))))
    scenario_id, title = str(index.get("scenario_id", "")), str(index.get("title", ""))
    if index.get("status") == "failed":
        key, message = shown[-1] if shown else (None, "")
        error = " ".join(str(index.get("error") or "").split())[:500]
        text = "; ".join(t for t in (message, error) if t) or "skenario gagal"
        return VendorError(folder, scenario_id, title, text, key, failed=True)
    if shown:
        key, message = shown[0]
        return VendorError(folder, scenario_id, title, message, key, failed=False)
    return None


def catalog_of(profile: str) -> MessageCatalog:
    """The message catalog of ``profile`` (the default texts for an unknown or empty one)."""
    try:
        return load_profile(profile or DEFAULT_PROFILE).catalog()
    except Exception:  # an unknown profile: the default texts still identify most messages
        return MessageCatalog()


def _keys_by_template(profile: str) -> dict[str, str]:
    return {template: key for key, template in catalog_of(profile).templates().items()}


# The ticket's content -------------------------------------------------------------------------
def description(error: VendorError, steps: Sequence[StepRecord]) -> str:
    """The ticket's description: the error message, then the chronology, one step a line."""
    catalog = catalog_of(_profile_of(error.folder))
    lines = [
        f"Kami mengalami error: {error.message}",
        "",
        "Kronologi:",
        *(
            f"{s.number}. {_when(s.sim_time)} {catalog.readable(s.title)} "
            f"({'berhasil' if s.outcome == 'ok' else 'GAGAL'})"
            for s in steps
        ),
        "",
        f"Screenshot dan kronologi lengkap terlampir dalam file MS. Word ({REPORT_NAME}).",
    ]
    return "\n".join(lines)


def _when(sim_time: str) -> str:
    try:
        return format_wib(datetime.fromisoformat(sim_time))
    except ValueError:
        return sim_time


def _profile_of(folder: Path) -> str:
    try:
        index = json.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return DEFAULT_PROFILE
    return (
        str(index.get("profile") or DEFAULT_PROFILE) if isinstance(index, dict) else DEFAULT_PROFILE
    )


def failure_screenshot(
    folder: Path, error: VendorError, steps: Sequence[StepRecord]
) -> Path | None:
    """The screenshot at the failure; else of the step that showed the error; else the last."""
    chosen = next((s for s in steps if s.outcome != "ok" and s.screenshot), None)
    if chosen is None and error.message:
        chosen = next(
            (s for s in steps if s.screenshot and any(error.message in m for m in s.messages)),
            None,
        )
    if chosen is None:
        chosen = next((s for s in reversed(steps) if s.screenshot), None)
    if chosen is None or chosen.screenshot is None:
        return None
    path = folder / chosen.screenshot
    return path if path.exists() else None
