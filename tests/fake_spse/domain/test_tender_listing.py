"""SPSE's package search (fake_spse.domain.tender_listing): DataTables parameters, no HTTP."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from factories import START

from fake_spse.domain.errors import DomainError
from fake_spse.domain.schedule import Schedule, StageWindow
from fake_spse.domain.tender_listing import (
    DEFAULT_LENGTH,
    ListedTender,
    ListingQuery,
    datatables_json,
    parse_query,
    query_tenders,
)
from fake_spse.domain.tenders import Tender
from spse_shared.profile import DEFAULT_METHOD, DEFAULT_PROFILE, load_profile

SCHEDULE = Schedule(
    (
        StageWindow(1, "Pengumuman Pascakualifikasi", START, START + timedelta(hours=24)),
        StageWindow(
            2, "Upload Dokumen Penawaran", START + timedelta(hours=24), START + timedelta(hours=96)
        ),
    )
)
PASCA_NAME = load_profile(DEFAULT_PROFILE).method(DEFAULT_METHOD).name


def tender(tender_id: str, name: str, **changes: object) -> Tender:
    base = Tender(
        tender_id=tender_id,
        name=name,
        instansi="Pemerintah Kota Surakarta",
        satker="Dinas PU",
        jenis_pengadaan=2,
        metode=PASCA_NAME,
        pagu=1_000_000_000,
        hps=900_000_000,
        lokasi="Surakarta",
        tahun=2026,
        created_at=START,
        created_by="pokja1",
        schedule=SCHEDULE,
        recipient_certificates=(),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


ITEMS = [
    ListedTender(tender("10000001", "Pembangunan Jalan Desa", hps=500_000_000), ("PT Maju Jaya",)),
    ListedTender(
        tender("10000002", "Pengadaan Laptop Dinas", jenis_pengadaan=0, hps=90_000_000),
        ("CV Sinar Abadi", "PT Maju Jaya"),
    ),
    ListedTender(
        tender(
            "10000003",
            "Konsultan Pengawas Gedung",
            jenis_pengadaan=1,
            instansi="Pemerintah Kabupaten Sukoharjo",
            tahun=2025,
        )
    ),
    ListedTender(tender("10000010", "Rehabilitasi Saluran Air", hps=1_500_000_000)),
]


def ids(query: ListingQuery) -> list[str]:
    return [t.tender_id for t in query_tenders(ITEMS, query).tenders]


def test_empty_parameters_give_the_first_page_newest_kode_first() -> None:
    query = parse_query({})
    assert query == ListingQuery()
    assert query.length == DEFAULT_LENGTH
    # Numeric order of kode: 10000010 after 10000003, not between ...01 and ...02.
    assert ids(query) == ["10000010", "10000003", "10000002", "10000001"]


@pytest.mark.parametrize(
    ("column", "direction", "expected"),
    [
        ("0", "asc", ["10000001", "10000002", "10000003", "10000010"]),
        ("1", "asc", ["10000003", "10000001", "10000002", "10000010"]),
        ("2", "desc", ["10000010", "10000002", "10000001", "10000003"]),
        ("4", "asc", ["10000002", "10000001", "10000003", "10000010"]),
        ("4", "desc", ["10000010", "10000003", "10000001", "10000002"]),
    ],
)
def test_orders_by_kode_nama_instansi_or_hps(
    column: str, direction: str, expected: list[str]
) -> None:
    assert ids(parse_query({"order[0][column]": column, "order[0][dir]": direction})) == expected


def test_pages_with_start_and_length_and_counts_before_and_after_filtering() -> None:
    params = {"draw": "7", "start": "1", "length": "2", "order[0][dir]": "asc"}
    page = query_tenders(ITEMS, parse_query(params))
    assert page.draw == 7
    assert (page.records_total, page.records_filtered) == (4, 4)
    assert [t.tender_id for t in page.tenders] == ["10000002", "10000003"]
    everything = parse_query({"length": "-1"})
    assert len(query_tenders(ITEMS, everything).tenders) == 4
    assert ids(parse_query({"start": "10"})) == []


def test_search_matches_kode_name_or_instansi_ignoring_case() -> None:
    assert ids(parse_query({"search[value]": "laptop"})) == ["10000002"]
    assert ids(parse_query({"search[value]": "SUKOHARJO"})) == ["10000003"]
    assert ids(parse_query({"search[value]": "10000010"})) == ["10000010"]
    page = query_tenders(ITEMS, parse_query({"search[value]": "jalan"}))
    assert (page.records_total, page.records_filtered) == (4, 1)


def test_filters_tahun_kategori_rekanan_and_instansi() -> None:
    assert ids(parse_query({"tahun": "2025"})) == ["10000003"]
    assert ids(parse_query({"kategoriId": "0"})) == ["10000002"]
    # The category names public scrapers send, and the older parameter names.
    assert ids(parse_query({"kategori": "PENGADAAN_BARANG"})) == ["10000002"]
    assert ids(parse_query({"rekanan": "maju jaya"})) == ["10000002", "10000001"]
    assert ids(parse_query({"rkn_nama": "Sinar"})) == ["10000002"]
    assert ids(parse_query({"instansiId": "pemerintah kabupaten sukoharjo"})) == ["10000003"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"draw": "satu"}, "draw"),
        ({"start": "-1"}, "start"),
        ({"length": "-2"}, "length"),
        ({"order[0][column]": "3"}, "order[0][column]"),  # the stage is not orderable
        ({"order[0][dir]": "naik"}, "order[0][dir]"),
        ({"tahun": "dua ribu"}, "tahun"),
        ({"kategoriId": "9"}, "kategoriId"),
        ({"kategori": "SEMBAKO"}, "kategori"),
    ],
)
def test_bad_parameters_are_refused_naming_the_parameter(
    params: dict[str, str], parameter: str
) -> None:
    with pytest.raises(DomainError) as caught:
        parse_query(params)
    assert caught.value.key == "dt.parameter_tidak_valid"
    assert caught.value.params == {"parameter": parameter}


def test_json_has_datatables_shape_with_kode_as_number() -> None:
    page = query_tenders(ITEMS, parse_query({"draw": "2", "length": "1", "order[0][dir]": "asc"}))
    body = datatables_json(page, START, lambda amount: f"Rp {amount}")
    assert body == {
        "draw": 2,
        "recordsTotal": 4,
        "recordsFiltered": 4,
        "data": [
            [
                10000001,
                "Pembangunan Jalan Desa",
                "Pemerintah Kota Surakarta",
                "Pengumuman Pascakualifikasi",
                "Rp 500000000",
                "Pekerjaan Konstruksi",
                "Tender",
                "Pascakualifikasi Satu File",
                "2026",
                "Harga Terendah Sistem Gugur",
            ]
        ],
    }
