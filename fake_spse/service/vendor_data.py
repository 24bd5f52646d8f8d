"""Data Penyedia: the vendor's company records (izin usaha, akta, pengurus, pajak, ...)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from fake_spse.domain.accounts import Account, Role, require_role
from fake_spse.domain.errors import DomainError, NotFound
from fake_spse.domain.tender_cepat import SikapStatus, check_sikap_sync, sikap_missing
from fake_spse.domain.vendor_data import RecordKind, VendorRecord, parse_record
from fake_spse.service.context import Context
from spse_shared.wib import WIB


class VendorDataService:
    """The records of a vendor's Data Penyedia, saved under SPSE's form rules."""

    def __init__(self, context: Context) -> None:
        self._ctx = context

    def add_record(self, vendor: Account, kind: str, form: Mapping[str, str]) -> VendorRecord:
        """Save one record of tab ``kind`` from its form; FormProblems on bad fields."""
        [record] = self.add_records(vendor, [(kind, form)])
        return record

    def add_records(
        self, vendor: Account, forms: Sequence[tuple[str, Mapping[str, str]]]
    ) -> list[VendorRecord]:
        """Save records of tabs (kind, form) as their forms do: all of them, or none when one
        form is refused (FormProblems on bad fields)."""
        require_role(vendor, Role.PENYEDIA)
        today = self._ctx.clock.now().astimezone(WIB).date()
        parsed = []
        for kind, form in forms:
            try:
                record_kind = RecordKind(kind)
            except ValueError:
                raise NotFound("data_penyedia.jenis_tidak_dikenal") from None
            parsed.append((record_kind, parse_record(record_kind, form, today)))
        with self._ctx.unit() as db:
            return [db.add_vendor_record(vendor.user_id, k, values) for k, values in parsed]

    def records(self, vendor: Account) -> list[VendorRecord]:
        """Every record of the vendor's Data Penyedia."""
        require_role(vendor, Role.PENYEDIA)
        with self._ctx.unit() as db:
            return db.vendor_records(vendor.user_id)

    def delete_record(self, vendor: Account, record_id: int) -> None:
        """Remove one of the vendor's records (a sent qualification keeps its copy)."""
        require_role(vendor, Role.PENYEDIA)
        with self._ctx.unit() as db:
            if not db.delete_vendor_record(vendor.user_id, record_id):
                raise DomainError("data_penyedia.tidak_ditemukan")

    # SIKaP -----------------------------------------------------------------------------------
    def sikap_status(self, vendor: Account) -> SikapStatus:
        """Whether (and when) the vendor's SIKaP data were verified."""
        require_role(vendor, Role.PENYEDIA)
        with self._ctx.unit() as db:
            return SikapStatus(vendor.user_id, db.sikap_verified_at(vendor.user_id))

    def sikap_missing(self, vendor: Account) -> list[str]:
        """What the vendor's Data Penyedia still lacks for SIKaP, in words (empty: complete)."""
        return sikap_missing(self.records(vendor), self._today())

    def synchronise_sikap(self, vendor: Account) -> SikapStatus:
        """'Sinkronisasi SIKaP': the vendor's Data Penyedia go to LKPP's SIKaP, which verifies
        them when complete; a catalog message names what is missing otherwise (and a verified
        status stays as it was)."""
        require_role(vendor, Role.PENYEDIA)
        now = self._ctx.clock.now()
        with self._ctx.unit() as db:
            check_sikap_sync(db.vendor_records(vendor.user_id), self._today())
            db.save_sikap(vendor.user_id, now)
        return SikapStatus(vendor.user_id, now)

    def _today(self) -> date:
        return self._ctx.clock.now().astimezone(WIB).date()
