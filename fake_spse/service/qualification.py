"""Kirim Persyaratan Kualifikasi: a vendor sends records of Data Penyedia for one tender."""

from __future__ import annotations

from collections.abc import Sequence

from fake_spse.domain.accounts import Account, Role, require_role
from fake_spse.domain.errors import DomainError, Forbidden
from fake_spse.domain.qualification import (
    Attachment,
    NameRules,
    QualificationSubmission,
    check_qualification,
    ensure_prakualifikasi_open,
    prakualifikasi,
)
from fake_spse.service.context import Context
from fake_spse.service.tenders import TenderService
from spse_shared.wib import WIB


class QualificationService:
    """The qualification data vendors send and the pokja's evaluation reads."""

    def __init__(self, context: Context, tenders: TenderService) -> None:
        self._ctx = context
        self._tenders = tenders

    def name_rules(self) -> NameRules:
        """The profile's file-name rules, applied to every attachment as to every offer file."""
        profile = self._ctx.profile
        return NameRules(
            profile.filename_max_chars,
            profile.filename_limit_inclusive,
            profile.forbidden_filename_chars,
        )

    def submit(
        self,
        vendor: Account,
        tender_id: str,
        record_ids: Sequence[int],
        attachments: Sequence[tuple[str, bytes]] = (),
    ) -> QualificationSubmission:
        """Send the chosen records (copied as they are now) and attachments (name, bytes) for
        a tender the vendor takes part in, while offers are accepted; it replaces an earlier
        sending. Nothing is kept when a rule says no."""
        require_role(vendor, Role.PENYEDIA)
        tender = self._tenders.tender(tender_id)
        if not self._tenders.is_participant(vendor.user_id, tender_id):
            raise Forbidden("penawaran.bukan_peserta")
        now = self._ctx.clock.now()
        # Pascakualifikasi: with the offer, in the upload stage; prakualifikasi (Seleksi): in
        # its own stage, before the offers.
        if prakualifikasi(tender.schedule):
            ensure_prakualifikasi_open(tender.schedule, now)
        else:
            tender.ensure_upload_open(now)
        with self._ctx.unit() as db:
            own = {r.record_id: r for r in db.vendor_records(vendor.user_id)}
            if any(i not in own for i in record_ids):
                raise DomainError("kualifikasi.bukan_milik")
            chosen = [own[i] for i in dict.fromkeys(record_ids)]
            check_qualification(
                vendor.user_id,
                chosen,
                [(name, len(data)) for name, data in attachments],
                rules=self.name_rules(),
                today=now.astimezone(WIB).date(),
                max_bytes=self._ctx.profile.ams_letter_max_bytes,
            )
            stored: list[Attachment] = []
            try:
                for name, data in attachments:
                    blob = self._ctx.blobs.write_bytes(data)
                    stored.append(Attachment(name, blob.size, blob.sha256, blob.key))
                return db.add_qualification(
                    tender_id=tender_id,
                    vendor_id=vendor.user_id,
                    records=chosen,
                    attachments=stored,
                    submitted_at=now,
                )
            except BaseException:
                for attachment in stored:
                    self._ctx.blobs.delete(attachment.blob_key)
                raise

    def current(self, vendor_id: str, tender_id: str) -> QualificationSubmission | None:
        """What the vendor last sent for the tender, if anything."""
        with self._ctx.unit() as db:
            found = db.qualifications(tender_id, vendor_id)
        return found[0] if found else None

    def submissions(self, tender_id: str) -> list[QualificationSubmission]:
        """Every vendor's current qualification sending of a tender (for the evaluation)."""
        with self._ctx.unit() as db:
            return db.qualifications(tender_id)
