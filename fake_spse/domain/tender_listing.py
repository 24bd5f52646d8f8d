"""SPSE 4's public package search as its DataTables endpoint answers it (``/dt/lelang``).

The tender list page fills its table from ``POST /eproc4/dt/lelang`` (older SPSE 4 builds: GET)
with DataTables' server-side parameters plus SPSE's own filters. Everything here is plain
Python: the web layer hands in the request's fields and turns the page into JSON.

Parameters: ``draw``, ``start``, ``length`` (-1 = every row), ``search[value]`` (kode, nama or
K/L/PD, case-insensitive), ``order[0][column]`` (0 kode, 1 nama, 2 K/L/PD, 4 HPS; column 3, the
stage, is not orderable), ``order[0][dir]`` (asc/desc), ``tahun`` (Tahun Anggaran),
``kategoriId`` (jenis pengadaan id 0-5, or the names public scrapers send, e.g.
``PENGADAAN_BARANG``), ``rekanan`` (a participant's company name, part of it is enough),
``instansiId``. The fake SPSE keeps no instansi codes, so ``instansiId`` matches the K/L/PD name
(case-insensitive). ``kategori`` and ``rkn_nama`` are accepted as the older spellings of
``kategoriId`` and ``rekanan``.

Each row of ``data``: ``[kode, nama, K/L/PD, tahap, HPS, jenis pengadaan, tahun anggaran,
metode]``; ``kode`` is a number, as SPSE's JSON has it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fake_spse.domain.errors import DomainError
from fake_spse.domain.tenders import JENIS_PENGADAAN, Tender

# DataTables' own default page length.
DEFAULT_LENGTH = 10
ORDERABLE_COLUMNS = {0: "kode", 1: "nama", 2: "instansi", 4: "hps"}
# The category names public SPSE scrapers send in place of the numeric id.
KATEGORI_NAMES = {
    "PENGADAAN_BARANG": 0,
    "KONSULTANSI": 1,
    "JASA_KONSULTANSI": 1,
    "PEKERJAAN_KONSTRUKSI": 2,
    "JASA_LAINNYA": 3,
    "KONSULTANSI_PERORANGAN": 4,
    "KONSULTANSI_KONSTRUKSI": 5,
}


def invalid(parameter: str) -> DomainError:
    return DomainError("dt.parameter_tidak_valid", parameter=parameter)


@dataclass(frozen=True)
class ListingQuery:
    """One DataTables request, parsed and checked."""

    draw: int = 0
    start: int = 0
    length: int = DEFAULT_LENGTH
    search: str = ""
    order_column: int = 0
    descending: bool = True
    tahun: int | None = None
    kategori: int | None = None
    rekanan: str = ""
    instansi: str = ""


def _int(params: Mapping[str, str], name: str, default: int, *, minimum: int) -> int:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise invalid(name) from None
    if value < minimum:
        raise invalid(name)
    return value


def _kategori(params: Mapping[str, str]) -> int | None:
    name = "kategoriId" if params.get("kategoriId", "").strip() else "kategori"
    raw = params.get(name, "").strip()
    if not raw:
        return None
    if raw.upper() in KATEGORI_NAMES:
        return KATEGORI_NAMES[raw.upper()]
    try:
        value = int(raw)
    except ValueError:
        raise invalid(name) from None
    if value not in JENIS_PENGADAAN:
        raise invalid(name)
    return value


def parse_query(params: Mapping[str, str]) -> ListingQuery:
    """The query of a DataTables request; DomainError ``dt.parameter_tidak_valid`` if bad."""
    length = _int(params, "length", DEFAULT_LENGTH, minimum=-1)
    column = _int(params, "order[0][column]", 0, minimum=0)
    if column not in ORDERABLE_COLUMNS:
        raise invalid("order[0][column]")
    direction = params.get("order[0][dir]", "").strip().lower() or "desc"
    if direction not in ("asc", "desc"):
        raise invalid("order[0][dir]")
    tahun = _int(params, "tahun", 0, minimum=1)
    return ListingQuery(
        draw=_int(params, "draw", 0, minimum=0),
        start=_int(params, "start", 0, minimum=0),
        length=length,
        search=params.get("search[value]", "").strip(),
        order_column=column,
        descending=direction == "desc",
        tahun=tahun or None,
        kategori=_kategori(params),
        rekanan=(params.get("rekanan", "") or params.get("rkn_nama", "")).strip(),
        instansi=params.get("instansiId", "").strip(),
    )


@dataclass(frozen=True)
class ListedTender:
    """A tender with the company names of its participants (for the ``rekanan`` filter)."""

    tender: Tender
    participants: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListingPage:
    """What the endpoint answers: one page of the filtered, ordered tenders."""

    draw: int
    records_total: int
    records_filtered: int
    tenders: list[Tender] = field(default_factory=list)


def _matches(item: ListedTender, query: ListingQuery) -> bool:
    tender = item.tender
    if query.tahun is not None and tender.tahun != query.tahun:
        return False
    if query.kategori is not None and tender.jenis_pengadaan != query.kategori:
        return False
    if query.instansi and tender.instansi.casefold() != query.instansi.casefold():
        return False
    if query.rekanan:
        wanted = query.rekanan.casefold()
        if not any(wanted in name.casefold() for name in item.participants):
            return False
    if query.search:
        wanted = query.search.casefold()
        haystack = (tender.tender_id, tender.name, tender.instansi)
        if not any(wanted in text.casefold() for text in haystack):
            return False
    return True


def _kode(tender: Tender) -> tuple[int, str]:
    return (int(tender.tender_id), "") if tender.tender_id.isdigit() else (0, tender.tender_id)


def _sort_key(column: int) -> Callable[[Tender], Any]:
    name = ORDERABLE_COLUMNS[column]
    if name == "nama":
        return lambda t: (t.name.casefold(), _kode(t))
    if name == "instansi":
        return lambda t: (t.instansi.casefold(), _kode(t))
    if name == "hps":
        return lambda t: (t.hps, _kode(t))
    return _kode


def query_tenders(items: Sequence[ListedTender], query: ListingQuery) -> ListingPage:
    """Filter, order and cut one page, as SPSE's endpoint does."""
    found = [item.tender for item in items if _matches(item, query)]
    found.sort(key=_sort_key(query.order_column), reverse=query.descending)
    page = (
        found[query.start :]
        if query.length < 0
        else found[query.start : query.start + query.length]
    )
    return ListingPage(
        draw=query.draw, records_total=len(items), records_filtered=len(found), tenders=page
    )


def tender_row(tender: Tender, now: datetime, money: Callable[[int], str]) -> list[object]:
    """One row of ``data``: kode, nama, K/L/PD, tahap, HPS, jenis, then the method in SPSE's
    three parts around the tahun anggaran: pemilihan ("Tender"/"Seleksi"), kualifikasi and
    files ("Pascakualifikasi Satu File"), tahun (column 8, where scrapers such as pyproc read
    the year), evaluasi ("Harga Terendah Sistem Gugur")."""
    kode: object = int(tender.tender_id) if tender.tender_id.isdigit() else tender.tender_id
    pemilihan, _, rest = tender.metode.partition(" - ")
    kualifikasi, _, evaluasi = rest.partition(" - ")
    return [
        kode,
        tender.name,
        tender.instansi,
        tender.stage_name(now),
        money(tender.hps),
        tender.jenis_label,
        pemilihan,
        kualifikasi,
        str(tender.tahun),
        evaluasi,
    ]


def datatables_json(
    page: ListingPage, now: datetime, money: Callable[[int], str]
) -> dict[str, object]:
    """The JSON body SPSE answers: draw, recordsTotal, recordsFiltered, data."""
    return {
        "draw": page.draw,
        "recordsTotal": page.records_total,
        "recordsFiltered": page.records_filtered,
        "data": [tender_row(t, now, money) for t in page.tenders],
    }
