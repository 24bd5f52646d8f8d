"""The rush's verdict: receipts held against what the server kept, on the server's clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from simulator.rush.verdict import (
    BYTES_DIFFER,
    DUPLICATE,
    LATE_ACCEPTED,
    LATE_WRONG_MESSAGE,
    OFFER_WITHOUT_RECEIPT,
    RECEIPT_WITHOUT_OFFER,
    REFUSED_BEFORE_DEADLINE,
    STORED_AFTER_DEADLINE,
    TIMELY_REFUSED,
    UNANSWERED,
    WRONG_CURRENT,
    Kill,
    PageLoad,
    ServerRequest,
    StoredOffer,
    Upload,
    Verdict,
    judge,
    over_time,
    percentile,
)

TENDER = "10000001"
DEADLINE = datetime(2026, 3, 9, 1, 0, tzinfo=UTC)
CLOSED = "Batas waktu Upload Dokumen Penawaran telah berakhir pada 09 Maret 2026 08:00 WIB."
CUT = "Koneksi terputus saat mengirim dokumen penawaran. Silakan kirim ulang."
WALL = 1_800_000_000.0  # the wall-clock second the server's clock showed DEADLINE - 60 s


def at(seconds: float) -> datetime:
    """The server's clock ``seconds`` after the rush started (60 s before the deadline)."""
    return DEADLINE - timedelta(seconds=60) + timedelta(seconds=seconds)


def upload(
    vendor: str, offer_id: int | None, *, sent: str = "aa", t0: float = 10, **kw: Any
) -> Upload:
    fields: dict[str, Any] = {
        "vendor": vendor,
        "kind": "biasa",
        "purpose": "pertama",
        "offer": 0,
        "sha256": sent,
        "size": 100,
        "t0": WALL + t0,
        "t1": WALL + t0 + 1,
        "status": 200 if offer_id is not None else 400,
        "messages": ("Dokumen penawaran berhasil dikirim.",) if offer_id is not None else (),
        "receipt_offer_id": offer_id,
        "request_id": f"R{vendor}{t0}",
    }
    fields.update(kw)
    return Upload(**fields)


def stored(offer_id: int, vendor: str, *, blob: str | None = "aa", **kw: Any) -> StoredOffer:
    fields: dict[str, Any] = {
        "offer_id": offer_id,
        "tender_id": TENDER,
        "vendor_id": vendor,
        "size": 100,
        "received_at": at(11),
        "current": True,
        "blob_sha256": blob,
    }
    fields.update(kw)
    return StoredOffer(**fields)


def logged(uploads: list[Upload]) -> dict[str, ServerRequest]:
    """The server's request log for ``uploads``: arrived and answered as the client saw it."""
    return {
        u.request_id: ServerRequest(sim_time=at(u.t0 - WALL), duration_ms=(u.t1 - u.t0) * 1000)
        for u in uploads
        if u.request_id is not None and u.status is not None
    }


def verdict(
    uploads: list[Upload], rows: list[StoredOffer], *, kill: Kill | None = None, **kw: Any
) -> Verdict:
    return judge(
        tender_id=TENDER,
        deadline=DEADLINE,
        deadline_message=CLOSED,
        cut_message=CUT,
        uploads=uploads,
        pages=kw.pop("pages", []),
        stored=rows,
        requests=kw.pop("requests", None) or logged(uploads),
        kill=kill,
        **kw,
    )


def checks(result: Verdict) -> list[str]:
    return sorted(f.check for f in result.findings)


def test_every_receipt_backed_by_identical_bytes_passes() -> None:
    result = verdict(
        [upload("a", 1), upload("b", 2, sent="bb")], [stored(1, "a"), stored(2, "b", blob="bb")]
    )
    assert result.passed
    assert result.findings == []
    assert result.counts["tanda_terima"] == 2
    assert result.counts["hilang"] == 0


def test_a_receipt_without_a_stored_offer_fails() -> None:
    result = verdict([upload("a", 1), upload("b", 2)], [stored(1, "a")])
    assert not result.passed
    assert checks(result) == [RECEIPT_WITHOUT_OFFER]
    assert result.findings[0].vendor == "b"
    assert result.counts["hilang"] == 1


def test_a_receipt_whose_blob_file_is_gone_fails() -> None:
    result = verdict([upload("a", 1)], [stored(1, "a", blob=None)])
    assert checks(result) == [RECEIPT_WITHOUT_OFFER]


def test_a_stored_offer_whose_bytes_differ_from_what_was_sent_fails() -> None:
    result = verdict([upload("a", 1, sent="aa")], [stored(1, "a", blob="ab")])
    assert not result.passed
    assert checks(result) == [BYTES_DIFFER]


def test_a_stored_offer_of_another_size_fails() -> None:
    result = verdict([upload("a", 1)], [stored(1, "a", size=99)])
    assert checks(result) == [BYTES_DIFFER]


def test_an_offer_stored_without_a_receipt_fails() -> None:
    result = verdict([upload("a", 1)], [stored(1, "a"), stored(2, "z")])
    assert checks(result) == [OFFER_WITHOUT_RECEIPT]
    assert result.counts["ganda"] == 1


def test_two_current_offers_of_one_vendor_are_duplicates() -> None:
    result = verdict(
        [upload("a", 1), upload("a", 2, t0=20, purpose="ganti")], [stored(1, "a"), stored(2, "a")]
    )
    assert DUPLICATE in checks(result)


def test_a_reupload_replaces_the_first_offer() -> None:
    uploads = [upload("a", 1), upload("a", 2, t0=20, sent="bb", purpose="ganti")]
    rows = [stored(1, "a", current=False), stored(2, "a", blob="bb", received_at=at(21))]
    assert verdict(uploads, rows).passed


def test_the_current_offer_must_be_the_last_receipt() -> None:
    uploads = [upload("a", 1), upload("a", 2, t0=20, sent="bb", purpose="ganti")]
    rows = [stored(1, "a"), stored(2, "a", blob="bb", current=False)]
    assert checks(verdict(uploads, rows)) == [WRONG_CURRENT]


def test_an_offer_stored_at_the_deadline_fails() -> None:
    result = verdict([upload("a", 1)], [stored(1, "a", received_at=DEADLINE)])
    assert checks(result) == [STORED_AFTER_DEADLINE]


def test_a_deadline_refusal_before_the_deadline_fails() -> None:
    refused = upload("a", None, t0=30, messages=(CLOSED,))
    assert checks(verdict([refused], [])) == [REFUSED_BEFORE_DEADLINE]


def test_a_deadline_refusal_after_the_deadline_passes() -> None:
    refused = upload("a", None, t0=61, messages=(CLOSED,))
    result = verdict([refused], [])
    assert result.passed
    assert result.counts["ditolak_batas_waktu"] == 1


def test_a_timely_upload_refused_for_no_reason_fails() -> None:
    refused = upload("a", None, t0=30, messages=("Terjadi kesalahan.",))
    assert checks(verdict([refused], [])) == [TIMELY_REFUSED]


def test_a_cut_connection_is_not_a_wrong_refusal() -> None:
    cut = upload("a", None, t0=30, messages=(CUT,))
    again = upload("a", 1, t0=32)
    assert verdict([cut, again], [stored(1, "a")]).passed


def test_a_late_vendor_accepted_fails() -> None:
    late = upload("a", 1, t0=62, kind="terlambat", purpose="terlambat")
    result = verdict([late], [stored(1, "a", received_at=at(63))])
    assert LATE_ACCEPTED in checks(result)
    assert STORED_AFTER_DEADLINE in checks(result)


def test_a_late_vendor_refused_without_spse_message_fails() -> None:
    late = upload("a", None, t0=62, kind="terlambat", purpose="terlambat", messages=("?",))
    assert checks(verdict([late], [])) == [LATE_WRONG_MESSAGE]


def test_an_upload_without_an_answer_fails() -> None:
    lost = upload("a", None, status=None, messages=(), error="ConnectionError")
    assert checks(verdict([lost], [])) == [UNANSWERED]


def test_the_vendors_own_cut_needs_no_answer() -> None:
    own = upload("a", None, status=None, messages=(), client_cut=True)
    assert verdict([own, upload("a", 1, t0=12)], [stored(1, "a")]).passed


def test_a_server_cut_fault_explains_as_many_missing_answers() -> None:
    lost = [upload("a", None, t0=t, status=None, messages=()) for t in (10, 12)]
    result = verdict(lost, [], cut_firings={"a": 1})
    assert checks(result) == [UNANSWERED]


def test_after_a_kill_an_offer_whose_answer_was_lost_is_excused() -> None:
    in_flight = upload("a", None, t0=20, status=None, messages=(), error="ConnectionError")
    in_flight = replace(in_flight, t1=WALL + 21)
    kill = Kill(at=WALL + 20.5, back=WALL + 23)
    result = verdict([in_flight], [stored(7, "a")], kill=kill)
    assert result.passed
    assert sorted(f.check for f in result.excused) == [OFFER_WITHOUT_RECEIPT, UNANSWERED]


def test_after_a_kill_a_receipt_issued_before_it_must_still_be_backed() -> None:
    before = upload("a", 1, t0=5)
    kill = Kill(at=WALL + 20, back=WALL + 23)
    assert checks(verdict([before], [], kill=kill)) == [RECEIPT_WITHOUT_OFFER]


def test_percentiles_are_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50
    assert percentile(values, 99) == 99
    assert percentile([], 95) == 0


def test_over_time_buckets_latency_and_tender_list() -> None:
    uploads = [upload("a", 1, t0=0), upload("b", 2, t0=7)]
    pages = [PageLoad("daftar tender", WALL + 1, WALL + 1.5, 200)]
    points = over_time(uploads, pages, WALL)
    assert [p["detik"] for p in points] == [0.0, 5.0]
    assert points[0]["p95_ms"] == 1000
    assert points[0]["daftar_tender_p95_ms"] == 500
    assert points[1]["tanda_terima_per_detik"] == 0.2
