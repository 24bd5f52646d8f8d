"""The rush's verdict: what the clients were told, held against what the server kept.

Pure logic, no I/O (``server_state`` reads the SQLite, blobs and request log; ``report`` writes).
The checks, each a list of findings that must be empty for the rush to pass:

- every receipt a client got is backed by a stored offer of that vendor and tender whose bytes
  (SHA-256 of the stored file, recomputed) are those the client sent;
- no offer is stored without a receipt (after a kill -9, one whose answer the kill swallowed is
  excused: its vendor's request was in flight at the kill);
- no duplicates: one current offer per vendor, and it is the vendor's last receipt;
- the deadline on the server's clock: no offer stored at or after it; a refusal with SPSE's
  deadline message only for a request the server finished at or after it; a request the server
  finished before it is accepted (unless the connection was cut); a late vendor is refused with
  SPSE's message;
- every upload answered (a receipt or a refusal with a message), except connections the vendor
  itself cut, and (after a kill) requests in flight at the kill.

Throughput and latency percentiles over time come from the clients' own timings.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

# Width of one bucket of the over-time figures.
BUCKET_S = 5.0
TENDER_LIST_PAGES = ("daftar tender", "data daftar tender")


@dataclass(frozen=True)
class Upload:
    """One upload request as the client logged it (times are wall-clock epoch seconds)."""

    vendor: str
    kind: str
    purpose: str
    offer: int
    sha256: str
    size: int
    t0: float
    t1: float
    status: int | None
    messages: tuple[str, ...] = ()
    receipt_offer_id: int | None = None
    receipt_sha256: str | None = None
    request_id: str | None = None
    error: str | None = None
    client_cut: bool = False

    @classmethod
    def from_log(cls, entry: Mapping[str, Any]) -> Upload:
        receipt = entry.get("receipt") or {}
        return cls(
            vendor=str(entry["vendor"]),
            kind=str(entry.get("kind", "")),
            purpose=str(entry.get("purpose", "")),
            offer=int(entry.get("offer", 0)),
            sha256=str(entry["sha256"]),
            size=int(entry["size"]),
            t0=float(entry["t0"]),
            t1=float(entry["t1"]),
            # 0 is how Locust's client reports no answer (a connection error, a timeout).
            status=entry.get("status") or None,
            messages=tuple(str(m) for m in entry.get("messages") or ()),
            receipt_offer_id=(
                int(receipt["offer_id"]) if receipt.get("offer_id") is not None else None
            ),
            receipt_sha256=receipt.get("sha256"),
            request_id=entry.get("request_id"),
            error=entry.get("error"),
            client_cut=bool(entry.get("client_cut", False)),
        )

    @property
    def has_receipt(self) -> bool:
        return self.receipt_offer_id is not None


@dataclass(frozen=True)
class PageLoad:
    name: str
    t0: float
    t1: float
    status: int | None


@dataclass(frozen=True)
class StoredOffer:
    """One row of the server's offers table, with what its blob holds now."""

    offer_id: int
    tender_id: str
    vendor_id: str
    size: int
    received_at: datetime
    current: bool
    blob_sha256: str | None  # SHA-256 of the stored file, recomputed; None when it is missing


@dataclass(frozen=True)
class ServerRequest:
    """One line of the server's request log: when it arrived (server clock), how long it took."""

    sim_time: datetime
    duration_ms: float

    @property
    def finished(self) -> datetime:
        return self.sim_time + timedelta(milliseconds=self.duration_ms)


@dataclass(frozen=True)
class Kill:
    """The server was killed (-9) at ``at`` and answered again from ``back`` (wall epoch)."""

    at: float
    back: float


@dataclass(frozen=True)
class Finding:
    check: str
    vendor: str
    detail: str


@dataclass
class Verdict:
    passed: bool
    counts: dict[str, int]
    findings: list[Finding]
    excused: list[Finding]
    latency: dict[str, float]
    tender_list: dict[str, float]
    over_time: list[dict[str, float]]
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "lulus": self.passed,
            "jumlah": self.counts,
            "temuan": [vars(f) for f in self.findings],
            "dimaafkan": [vars(f) for f in self.excused],
            "latensi_unggah_ms": self.latency,
            "halaman_daftar_tender_ms": self.tender_list,
            "per_waktu": self.over_time,
            **self.extra,
        }


# The checks, by the name verdict.json uses for them.
RECEIPT_WITHOUT_OFFER = "tanda_terima_tanpa_penawaran"
BYTES_DIFFER = "isi_berbeda"
OFFER_WITHOUT_RECEIPT = "penawaran_tanpa_tanda_terima"
DUPLICATE = "ganda"
WRONG_CURRENT = "penawaran_berlaku_salah"
STORED_AFTER_DEADLINE = "tersimpan_setelah_batas"
REFUSED_BEFORE_DEADLINE = "ditolak_sebelum_batas"
TIMELY_REFUSED = "tepat_waktu_ditolak"
LATE_ACCEPTED = "terlambat_diterima"
LATE_WRONG_MESSAGE = "terlambat_tanpa_pesan_spse"
UNANSWERED = "tanpa_jawaban"
CHECKS = (
    RECEIPT_WITHOUT_OFFER,
    BYTES_DIFFER,
    OFFER_WITHOUT_RECEIPT,
    DUPLICATE,
    WRONG_CURRENT,
    STORED_AFTER_DEADLINE,
    REFUSED_BEFORE_DEADLINE,
    TIMELY_REFUSED,
    LATE_ACCEPTED,
    LATE_WRONG_MESSAGE,
    UNANSWERED,
)


def judge(
    *,
    tender_id: str,
    deadline: datetime,
    deadline_message: str,
    cut_message: str,
    uploads: Sequence[Upload],
    pages: Sequence[PageLoad],
    stored: Sequence[StoredOffer],
    requests: Mapping[str, ServerRequest],
    kill: Kill | None = None,
    cut_firings: Mapping[str, int] | None = None,
    late_kind: str = "terlambat",
) -> Verdict:
    """The verdict of one rush (see the module docstring)."""
    findings: list[Finding] = []
    excused: list[Finding] = []
    rows = {s.offer_id: s for s in stored if s.tender_id == tender_id}

    def in_flight_at_kill(upload: Upload) -> bool:
        return kill is not None and upload.t0 <= kill.back and upload.t1 >= kill.at

    # Receipts backed by byte-identical stored offers; no offer_id handed out twice.
    receipts: dict[int, Upload] = {}
    for upload in uploads:
        if upload.receipt_offer_id is None:
            continue
        if upload.receipt_offer_id in receipts:
            findings.append(
                Finding(DUPLICATE, upload.vendor, f"tanda terima {upload.receipt_offer_id} ganda")
            )
        receipts[upload.receipt_offer_id] = upload
        row = rows.get(upload.receipt_offer_id)
        if row is None or row.blob_sha256 is None or row.vendor_id != upload.vendor:
            findings.append(
                Finding(
                    RECEIPT_WITHOUT_OFFER,
                    upload.vendor,
                    f"tanda terima {upload.receipt_offer_id} tanpa penawaran tersimpan",
                )
            )
        elif row.blob_sha256 != upload.sha256 or row.size != upload.size:
            findings.append(
                Finding(
                    BYTES_DIFFER,
                    upload.vendor,
                    f"penawaran {row.offer_id}: tersimpan {row.size} byte sha256 "
                    f"{row.blob_sha256[:12]}, dikirim {upload.size} byte {upload.sha256[:12]}",
                )
            )

    # Nothing stored without a receipt; one current offer per vendor, its last receipt.
    by_vendor: dict[str, list[Upload]] = defaultdict(list)
    for upload in uploads:
        by_vendor[upload.vendor].append(upload)
    for row in rows.values():
        if row.offer_id in receipts:
            continue
        finding = Finding(
            OFFER_WITHOUT_RECEIPT, row.vendor_id, f"penawaran {row.offer_id} tanpa tanda terima"
        )
        swallowed = any(
            in_flight_at_kill(u) and not u.has_receipt for u in by_vendor[row.vendor_id]
        )
        (excused if swallowed else findings).append(finding)
    current: dict[str, list[StoredOffer]] = defaultdict(list)
    for row in rows.values():
        if row.current:
            current[row.vendor_id].append(row)
    for vendor, found in current.items():
        if len(found) > 1:
            ids = ", ".join(str(r.offer_id) for r in found)
            findings.append(Finding(DUPLICATE, vendor, f"{len(found)} penawaran berlaku: {ids}"))
    for vendor, attempts in by_vendor.items():
        accepted = [u for u in attempts if u.has_receipt]
        if not accepted:
            continue
        last = max(accepted, key=lambda u: u.t1)
        now_current = current.get(vendor, [])
        if last.receipt_offer_id not in rows:
            continue  # already a receipt without a stored offer
        if not any(r.offer_id == last.receipt_offer_id for r in now_current):
            # A later upload swallowed by a kill may have replaced it: excused then.
            swallowed = any(
                in_flight_at_kill(u) and not u.has_receipt and u.t0 >= last.t0 for u in attempts
            )
            finding = Finding(
                WRONG_CURRENT,
                vendor,
                f"tanda terima terakhir {last.receipt_offer_id}, berlaku "
                f"{[r.offer_id for r in now_current]}",
            )
            (excused if swallowed else findings).append(finding)

    # The deadline, on the server's clock.
    for row in rows.values():
        if row.received_at >= deadline:
            findings.append(
                Finding(
                    STORED_AFTER_DEADLINE,
                    row.vendor_id,
                    f"penawaran {row.offer_id} diterima {row.received_at.isoformat()}",
                )
            )
    for upload in uploads:
        refused_late = deadline_message in upload.messages
        server = requests.get(upload.request_id or "")
        if upload.kind == late_kind and upload.purpose == late_kind:
            if upload.has_receipt:
                findings.append(Finding(LATE_ACCEPTED, upload.vendor, "penawaran terlambat"))
            elif upload.status is not None and not refused_late:
                findings.append(
                    Finding(LATE_WRONG_MESSAGE, upload.vendor, "; ".join(upload.messages))
                )
        if server is None:
            continue
        if refused_late and server.finished < deadline:
            findings.append(
                Finding(
                    REFUSED_BEFORE_DEADLINE,
                    upload.vendor,
                    f"ditolak, server selesai {server.finished.isoformat()}",
                )
            )
        cut = upload.client_cut or cut_message in upload.messages
        if (
            upload.status is not None
            and not upload.has_receipt
            and not refused_late
            and not cut
            and server.finished < deadline
        ):
            findings.append(
                Finding(TIMELY_REFUSED, upload.vendor, "; ".join(upload.messages) or "tanpa pesan")
            )

    # Every upload answered. The server's own upload.cut fault may drop a connection before
    # its answer reaches the client: as many unanswered requests as it fired for that vendor
    # are the fault's doing.
    cuts_left = dict(cut_firings or {})
    for upload in uploads:
        if upload.status is not None and (upload.has_receipt or upload.messages):
            continue
        if upload.client_cut:
            continue
        if upload.status is None and cuts_left.get(upload.vendor, 0) > 0:
            cuts_left[upload.vendor] -= 1
            continue
        finding = Finding(UNANSWERED, upload.vendor, upload.error or f"HTTP {upload.status}")
        (excused if in_flight_at_kill(upload) or _while_down(upload, kill) else findings).append(
            finding
        )

    counts = _counts(uploads, rows.values(), receipts, deadline_message, cut_message, findings)
    start = min([u.t0 for u in uploads] + [p.t0 for p in pages], default=0.0)
    return Verdict(
        passed=not findings,
        counts=counts,
        findings=findings,
        excused=excused,
        latency=_percentiles([(u.t1 - u.t0) * 1000 for u in uploads if u.has_receipt]),
        tender_list=_percentiles(
            [(p.t1 - p.t0) * 1000 for p in pages if p.name in TENDER_LIST_PAGES]
        ),
        over_time=over_time(uploads, pages, start),
        extra={"mulai": start},
    )


def _while_down(upload: Upload, kill: Kill | None) -> bool:
    return kill is not None and kill.at <= upload.t1 <= kill.back + 5.0


def _counts(
    uploads: Sequence[Upload],
    rows: Iterable[StoredOffer],
    receipts: Mapping[int, Upload],
    deadline_message: str,
    cut_message: str,
    findings: Sequence[Finding],
) -> dict[str, int]:
    stored = list(rows)
    per_check = {check: sum(1 for f in findings if f.check == check) for check in CHECKS}
    return {
        "unggahan": len(uploads),
        "penyedia": len({u.vendor for u in uploads}),
        "tanda_terima": len(receipts),
        "ditolak_batas_waktu": sum(1 for u in uploads if deadline_message in u.messages),
        "terputus": sum(1 for u in uploads if u.client_cut or cut_message in u.messages),
        "tanpa_jawaban_koneksi": sum(1 for u in uploads if u.status is None),
        "penawaran_tersimpan": len(stored),
        "penawaran_berlaku": sum(1 for s in stored if s.current),
        "hilang": per_check[RECEIPT_WITHOUT_OFFER] + per_check[BYTES_DIFFER],
        "ganda": per_check[DUPLICATE] + per_check[OFFER_WITHOUT_RECEIPT],
        **{f"temuan_{check}": count for check, count in per_check.items()},
    }


def percentile(values: Sequence[float], p: float) -> float:
    """The nearest-rank ``p``-th percentile of ``values`` (0 for none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def _percentiles(values: Sequence[float]) -> dict[str, float]:
    return {
        "n": float(len(values)),
        "p50": round(percentile(values, 50), 1),
        "p95": round(percentile(values, 95), 1),
        "p99": round(percentile(values, 99), 1),
        "maks": round(max(values, default=0.0), 1),
    }


def over_time(
    uploads: Sequence[Upload], pages: Sequence[PageLoad], start: float
) -> list[dict[str, float]]:
    """Per BUCKET_S of wall time since ``start``: receipts per second and upload latency
    percentiles (of the requests that ended in it), and the tender list's p95."""
    buckets: dict[int, list[float]] = defaultdict(list)
    answered: dict[int, int] = defaultdict(int)
    listing: dict[int, list[float]] = defaultdict(list)
    for u in uploads:
        slot = int((u.t1 - start) // BUCKET_S)
        if u.has_receipt:
            buckets[slot].append((u.t1 - u.t0) * 1000)
        if u.status is not None:
            answered[slot] += 1
    for p in pages:
        if p.name in TENDER_LIST_PAGES:
            listing[int((p.t1 - start) // BUCKET_S)].append((p.t1 - p.t0) * 1000)
    slots = sorted(set(buckets) | set(answered) | set(listing))
    return [
        {
            "detik": slot * BUCKET_S,
            "tanda_terima_per_detik": round(len(buckets[slot]) / BUCKET_S, 2),
            "jawaban_per_detik": round(answered[slot] / BUCKET_S, 2),
            "p50_ms": round(percentile(buckets[slot], 50), 1),
            "p95_ms": round(percentile(buckets[slot], 95), 1),
            "p99_ms": round(percentile(buckets[slot], 99), 1),
            "daftar_tender_p95_ms": round(percentile(listing[slot], 95), 1),
        }
        for slot in slots
    ]
