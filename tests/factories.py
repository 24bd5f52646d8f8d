"""What many tests share: the moment simulated time starts, a clock a test turns by hand, and
the package a pokja announces when a test needs just some tender.

Imported as ``factories`` (pytest puts tests/ on sys.path for tests/conftest.py).
"""

from __future__ import annotations

from datetime import UTC, datetime

from fake_spse.domain.tenders import TenderDraft

# Monday 2 March 2026, 08:00 WIB: the start of the seed's tender week.
START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


class FakeClock:
    """A ``() -> datetime`` clock (as the CA, SpamKodok and the APD reader take) that stands
    still until the test sets ``now``."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def tender_draft() -> TenderDraft:
    """A works package of Kota Surakarta, as a pokja fills in the 'Paket Baru' form."""
    return TenderDraft(
        name="Pembangunan Jalan Desa",
        instansi="Pemerintah Kota Surakarta",
        satker="Dinas Pekerjaan Umum",
        jenis_pengadaan=2,
        pagu=1_000_000_000,
        hps=950_000_000,
        lokasi="Surakarta",
        tahun=2026,
    )
