"""The LPSE's registration authority (RA) for vendors' certificate requests.

LPSE Kota Surakarta's procedure and the Konsep Operasional SPSE 4.3 CA (activation a-1: "hadir
secara fisik di LPSE setempat ... untuk verifikasi-ulang"; a-5: the recommendation documents;
b-1: the same, optional, for an upgrade): a vendor's request goes to the LPSE's verifikator
(Admin Agency), who records the vendor's visit with the originals, then approves or rejects it
with a reason. BSrE issues only an approved request; the vendor then embeds the certificate in
SpamKodok 2. A request moves

    menunggu_verifikasi -> diverifikasi -> terbit -> tertanam
    menunggu_verifikasi / diverifikasi (not yet issued) -> ditolak

Plain values in, new values or message keys out; no HTTP, no database, no CA.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Literal

from fake_spse.domain.accounts import Account, Role
from fake_spse.domain.certificates import AmsRequest
from fake_spse.domain.errors import DomainError, Forbidden, FormProblems

STATUS_WAITING = "menunggu_verifikasi"
STATUS_APPROVED = "diverifikasi"
STATUS_REJECTED = "ditolak"
STATUS_ISSUED = "terbit"
STATUS_EMBEDDED = "tertanam"
# Requests the verifikator still has to act on (an approved one whose issuance BSrE refused
# stays "diverifikasi" until it is issued).
OPEN_STATUSES = (STATUS_WAITING, STATUS_APPROVED)
# How pages name each state (through the language table).
STATUS_LABELS: dict[str, str] = {
    STATUS_WAITING: "Menunggu verifikasi",
    STATUS_APPROVED: "Disetujui, menunggu penerbitan BSrE",
    STATUS_REJECTED: "Ditolak",
    STATUS_ISSUED: "Terbit, belum tertanam",
    STATUS_EMBEDDED: "Tertanam",
}

KIND_NEW = "baru"  # activation a: AMS registration (red link)
KIND_UPGRADE = "upgrade"  # activation b: import APD with the in-person step

# The originals the verifikator can tick at the vendor's visit (codes stored; labels on pages).
ORIGINALS: dict[str, str] = {
    "izin_usaha": "Asli TDP/SIUP/SIUJK",
    "surat_keterangan": "Asli surat keterangan direktur/personel (kop dan cap perusahaan)",
    "identitas": "KTP asli yang hadir",
}
# Approval needs at least the originals of the two uploaded copies.
REQUIRED_ORIGINALS = ("izin_usaha", "surat_keterangan")
MAX_REASON = 500
MAX_NAME = 100

# The profile's setting for the in-person step: "wajib" (required before approval),
# "pilihan" (the vendor chooses on an upgrade; for a new certificate the verifikator may approve
# without it), "tidak" (no in-person step: an upgrade is self-service, BSrE issues at once).
InPerson = Literal["wajib", "pilihan", "tidak"]
IN_PERSON_CHOICES: tuple[InPerson, ...] = ("wajib", "pilihan", "tidak")


def needs_review(applicant: Account) -> bool:
    """Vendors' requests go through the LPSE's verifikator. Non Penyedia certificates (pokja)
    are issued on request: their check is the LPSE's own appointment letter, not modelled."""
    return applicant.role is Role.PENYEDIA


def upgrade_goes_to_review(setting: InPerson, chosen: bool) -> bool:
    """Whether an import APD waits for the verifikator: always when the profile requires the
    in-person step, when the vendor chose it where it is optional, never where it is off."""
    return setting == "wajib" or (setting == "pilihan" and chosen)


def request_problem(previous: Sequence[AmsRequest]) -> DomainError | None:
    """Why a vendor may not send a new request now: one is still with the verifikator."""
    if any(r.status in OPEN_STATUSES for r in previous):
        return DomainError("ams.permintaan_menunggu")
    return None


def latest(requests: Iterable[AmsRequest]) -> AmsRequest | None:
    """The newest request (the one the vendor's AMS page shows)."""
    found = list(requests)
    return max(found, key=lambda r: r.request_id) if found else None


def require_verifier(account: Account) -> None:
    """Only the LPSE's verifikator (or its admin) acts on certificate requests."""
    if account.role not in (Role.VERIFIKATOR, Role.ADMIN):
        raise Forbidden("akses.ditolak")


def require_owner_or_verifier(request: AmsRequest, account: Account) -> None:
    """A request (its documents, its berita acara) is seen by its vendor and the verifikator."""
    if account.user_id != request.user_id and account.role not in (Role.VERIFIKATOR, Role.ADMIN):
        raise Forbidden("akses.ditolak")


def record_attendance(
    request: AmsRequest,
    verifier: Account,
    *,
    attendee: str,
    position: str,
    originals: Sequence[str],
    now: datetime,
) -> AmsRequest:
    """The vendor came to the LPSE with the originals: who came, in what capacity, which
    originals the verifikator saw, when (SPSE's clock). Recorded again, it replaces the earlier
    record (a second visit)."""
    require_verifier(verifier)
    if request.status != STATUS_WAITING:
        raise DomainError("ams.bukan_menunggu")
    problems: list[DomainError] = []
    name, role = attendee.strip(), position.strip()
    if not name:
        problems.append(DomainError("ams.hadir_nama_wajib"))
    elif len(name) > MAX_NAME:
        problems.append(DomainError("ams.hadir_nama_panjang", max=MAX_NAME))
    if len(role) > MAX_NAME:
        problems.append(DomainError("ams.hadir_nama_panjang", max=MAX_NAME))
    unknown = [code for code in originals if code not in ORIGINALS]
    if unknown or not originals:
        problems.append(DomainError("ams.hadir_asli_wajib"))
    if problems:
        raise FormProblems(problems)
    seen = tuple(code for code in ORIGINALS if code in originals)
    return replace(
        request,
        attendee=name,
        attendee_position=role,
        originals=seen,
        attended_at=now,
        attended_by=verifier.user_id,
    )


def approve(request: AmsRequest, verifier: Account, *, now: datetime) -> AmsRequest:
    """The verifikator approves: the request is ready for BSrE. Approving an approved request
    whose issuance failed (BSrE unreachable) asks again, so it is allowed."""
    require_verifier(verifier)
    if request.status == STATUS_APPROVED and request.serial is None:
        return request
    if request.status != STATUS_WAITING:
        raise DomainError("ams.bukan_menunggu")
    if request.in_person:
        if request.attended_at is None:
            raise DomainError("ams.belum_hadir")
        missing = [code for code in REQUIRED_ORIGINALS if code not in request.originals]
        if missing:
            raise DomainError("ams.asli_kurang")
    return replace(request, status=STATUS_APPROVED, decided_by=verifier.user_id, decided_at=now)


def reject(request: AmsRequest, verifier: Account, *, reason: str, now: datetime) -> AmsRequest:
    """The verifikator rejects with a reason the vendor will read; the vendor may request
    again."""
    require_verifier(verifier)
    if request.status not in OPEN_STATUSES or request.serial is not None:
        raise DomainError("ams.bukan_menunggu")
    text = reason.strip()
    if not text:
        raise DomainError("ams.alasan_wajib")
    if len(text) > MAX_REASON:
        raise DomainError("ams.alasan_panjang", max=MAX_REASON)
    return replace(
        request,
        status=STATUS_REJECTED,
        reason=text,
        decided_by=verifier.user_id,
        decided_at=now,
    )


def issued(request: AmsRequest, serial: str) -> AmsRequest:
    """BSrE issued the approved request's certificate ``serial``."""
    if request.status != STATUS_APPROVED:
        raise DomainError("ams.bukan_menunggu")
    return replace(request, status=STATUS_ISSUED, serial=serial)


def embedded(request: AmsRequest, user: Account, *, now: datetime) -> AmsRequest:
    """The vendor's SpamKodok 2 embedded the issued certificate. Told again, nothing changes."""
    if user.user_id != request.user_id:
        raise Forbidden("akses.ditolak")
    if request.status == STATUS_EMBEDDED:
        return request
    if request.status != STATUS_ISSUED:
        raise DomainError("ams.belum_terbit")
    return replace(request, status=STATUS_EMBEDDED, embedded_at=now)


def handover_available(request: AmsRequest) -> bool:
    """The berita acara serah terima exists once BSrE issued the certificate."""
    return request.status in (STATUS_ISSUED, STATUS_EMBEDDED) and request.serial is not None


def handover_lines(
    request: AmsRequest,
    vendor: Account,
    *,
    lpse_name: str,
    verifier_name: str,
    subject: str,
    valid_until: str,
    attended_at: str,
    decided_at: str,
) -> tuple[str, list[str]]:
    """Title and lines of the berita acara serah terima sertifikat elektronik (dates already
    written as SPSE writes them)."""
    if not handover_available(request):
        raise DomainError("ams.belum_terbit")
    kind = "Upgrade sertifikat (import APD)" if request.kind == KIND_UPGRADE else "Pendaftaran AMS"
    originals = ", ".join(ORIGINALS[c] for c in request.originals) or "-"
    if request.attended_at is not None:
        came = f"{request.attendee} ({request.attendee_position or '-'}) pada {attended_at}"
    else:
        came = "tidak hadir (verifikasi mandiri)"
    return (
        "BERITA ACARA SERAH TERIMA SERTIFIKAT ELEKTRONIK",
        [
            f"Nomor: BA-AMS/{request.request_id:05d}",
            f"{lpse_name}",
            "",
            f"Jenis permohonan: {kind}",
            f"Penyedia: {vendor.display_name} (User ID {vendor.user_id}, NPWP {vendor.npwp})",
            f"Yang hadir: {came}",
            f"Dokumen asli yang diperiksa: {originals}",
            f"Disetujui oleh verifikator {verifier_name} pada {decided_at}",
            "",
            f"Sertifikat elektronik BSrE nomor seri {request.serial}",
            f"Subjek: {subject}",
            f"Berlaku sampai: {valid_until}",
            "",
            "Sertifikat diserahkan untuk ditanamkan di SpamKodok 2 dengan passphrase",
            "yang hanya diketahui penyedia.",
            "",
            f"Yang menerima: {vendor.director or vendor.name}",
            f"Yang menyerahkan: {verifier_name}, Verifikator {lpse_name}",
        ],
    )
