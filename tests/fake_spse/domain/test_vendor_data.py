"""Data Penyedia form rules and qualification rules (fake_spse.domain), without storage."""

from __future__ import annotations

from datetime import date

import pytest

from fake_spse.domain.errors import DomainError, FormProblems
from fake_spse.domain.offers import OfferPart, parse_part, parts_for_method
from fake_spse.domain.qualification import NameRules, check_qualification
from fake_spse.domain.vendor_data import RecordKind, VendorRecord, parse_record
from spse_shared.messages import MessageCatalog

TODAY = date(2026, 3, 2)
RULES = NameRules(40, True, ("/", "\\", ",", ":", "'", '"', "+", "-", "(", ")"))


def keys(problems: FormProblems) -> list[str]:
    return [p.key for p in problems.problems]


def record(
    record_id: int, kind: RecordKind, vendor: str = "ptmaju", **values: object
) -> VendorRecord:
    return VendorRecord(record_id, vendor, kind, values)  # type: ignore[arg-type]


def complete(**izin: object) -> list[VendorRecord]:
    return [
        record(1, RecordKind.IZIN_USAHA, jenis="SIUP", nomor="503/1", **izin),
        record(2, RecordKind.AKTA, jenis="Pendirian", nomor="12"),
        record(3, RecordKind.PENGURUS, nama="Budi"),
        record(4, RecordKind.PAJAK, jenis="SPT Tahunan", tahun=2025),
    ]


def test_an_izin_usaha_form_is_parsed_and_may_be_valid_for_life() -> None:
    values = parse_record(
        RecordKind.IZIN_USAHA,
        {"jenis": "NIB", "nomor": "912", "instansi": "OSS", "kualifikasi": "Kecil"},
        TODAY,
    )
    assert values["berlaku_sampai"] is None
    dated = parse_record(
        RecordKind.IZIN_USAHA,
        {
            "jenis": "SIUP",
            "nomor": "1",
            "instansi": "DPMPTSP",
            "kualifikasi": "Kecil",
            "berlaku_sampai": "2027-01-31",
        },
        TODAY,
    )
    assert dated["berlaku_sampai"] == date(2027, 1, 31)


def test_every_problem_of_a_form_is_named_at_once() -> None:
    with pytest.raises(FormProblems) as caught:
        parse_record(
            RecordKind.PENGALAMAN,
            {
                "pekerjaan": "Jalan",
                "pemberi_tugas": "DPU",
                "nomor_kontrak": "",
                "nilai_rupiah": "sepuluh",
                "tanggal_kontrak": "2025-06-01",
                "selesai": "2025-01-01",
            },
            TODAY,
        )
    assert keys(caught.value) == [
        "data_penyedia.wajib",
        "data_penyedia.angka_tidak_valid",
        "data_penyedia.kontrak_terbalik",
    ]


@pytest.mark.parametrize(
    ("kind", "form", "key"),
    [
        (
            RecordKind.PENGURUS,
            {"nama": "Budi", "nik": "33720", "jabatan": "Direktur"},
            "data_penyedia.nik_tidak_valid",
        ),
        (
            RecordKind.AKTA,
            {"jenis": "Pendirian", "nomor": "1", "tanggal": "2026-03-03", "notaris": "N"},
            "data_penyedia.tanggal_masa_depan",
        ),
        (
            RecordKind.PAJAK,
            {"jenis": "SPT Tahunan", "tahun": "2027", "nomor": "1", "tanggal": "2026-01-05"},
            "data_penyedia.tahun_pajak_masa_depan",
        ),
        (
            RecordKind.AKTA,
            {"jenis": "Pendirian", "nomor": "1", "tanggal": "2-3-2020", "notaris": "N"},
            "data_penyedia.tanggal_tidak_valid",
        ),
        (
            RecordKind.PENGALAMAN,
            {
                "pekerjaan": "J",
                "pemberi_tugas": "D",
                "nomor_kontrak": "1",
                "nilai_rupiah": "0",
                "tanggal_kontrak": "2025-01-01",
                "selesai": "2025-02-01",
            },
            "data_penyedia.nilai_nol",
        ),
    ],
)
def test_form_rules(kind: RecordKind, form: dict[str, str], key: str) -> None:
    with pytest.raises(FormProblems) as caught:
        parse_record(kind, form, TODAY)
    assert keys(caught.value) == [key]


@pytest.mark.parametrize("years", ["²", "9" * 5000, "9" * 19])
def test_a_number_int_refuses_is_a_form_problem_not_a_crash(years: str) -> None:
    """Found by the every-route fuzz: str.isdigit() holds for "²", int() raised ValueError (a
    500); 19 digits would overflow SQLite's INTEGER."""
    form = {"nama": "Budi", "pendidikan": "S1", "keahlian": "SKA", "pengalaman_tahun": years}
    with pytest.raises(FormProblems) as caught:
        parse_record(RecordKind.TENAGA_AHLI, form, TODAY)
    assert keys(caught.value) == ["data_penyedia.angka_tidak_valid"]


def test_a_complete_choice_with_a_valid_izin_is_accepted() -> None:
    check_qualification(
        "ptmaju",
        complete(berlaku_sampai=TODAY),
        [("NIB.pdf", 10)],
        rules=RULES,
        today=TODAY,
        max_bytes=100,
    )


def test_an_expired_izin_usaha_is_refused_naming_it() -> None:
    with pytest.raises(FormProblems) as caught:
        check_qualification(
            "ptmaju",
            complete(berlaku_sampai=date(2026, 3, 1)),
            [],
            rules=RULES,
            today=TODAY,
            max_bytes=100,
        )
    assert keys(caught.value) == ["kualifikasi.izin_kedaluwarsa"]
    text = MessageCatalog().text(caught.value.key, **caught.value.params)
    assert "SIUP 503/1" in text
    assert "2026-03-01" in text


def test_missing_izin_akta_pengurus_and_last_years_spt_are_each_named() -> None:
    chosen = [
        record(5, RecordKind.PAJAK, jenis="SPT Tahunan", tahun=2024),
        record(6, RecordKind.AKTA, jenis="Perubahan", nomor="3"),
    ]
    with pytest.raises(FormProblems) as caught:
        check_qualification("ptmaju", chosen, [], rules=RULES, today=TODAY, max_bytes=100)
    assert keys(caught.value) == [
        "kualifikasi.izin_wajib",
        "kualifikasi.akta_pendirian_wajib",
        "kualifikasi.pengurus_wajib",
        "kualifikasi.spt_wajib",
    ]


def test_attachment_names_follow_the_file_name_rules() -> None:
    with pytest.raises(FormProblems) as caught:
        check_qualification(
            "ptmaju",
            complete(),
            [
                ("SIUP (scan).pdf", 1),
                ("a" * 37 + ".pdf", 1),
                ("x.pdf", 1),
                ("X.PDF", 1),
                ("kosong.pdf", 0),
                ("besar.pdf", 101),
            ],
            rules=RULES,
            today=TODAY,
            max_bytes=100,
        )
    assert keys(caught.value) == [
        "kualifikasi.karakter_terlarang",
        "kualifikasi.nama_terlalu_panjang",
        "kualifikasi.nama_ganda",
        "kualifikasi.lampiran_kosong",
        "kualifikasi.lampiran_terlalu_besar",
    ]


def test_records_of_another_vendor_are_refused() -> None:
    with pytest.raises(DomainError, match=r"kualifikasi\.bukan_milik"):
        check_qualification(
            "ptmaju",
            [record(9, RecordKind.PENGURUS, vendor="lain")],
            [],
            rules=RULES,
            today=TODAY,
            max_bytes=100,
        )


def test_parts_follow_the_tender_method() -> None:
    assert parts_for_method("pasca-satu-file") == (OfferPart.PENAWARAN,)
    assert parts_for_method("tender-cepat") == (OfferPart.PENAWARAN,)
    assert parts_for_method("seleksi-pra-dua-file") == (OfferPart.FILE_1, OfferPart.FILE_2)
    assert parse_part("", "pasca-satu-file") is OfferPart.PENAWARAN
    assert parse_part("file2", "seleksi-pra-dua-file") is OfferPart.FILE_2
    assert [p.carries_price for p in OfferPart] == [True, False, True]
    for value, method, key in [
        ("", "seleksi-pra-dua-file", "penawaran.bagian_wajib"),
        ("file1", "pasca-satu-file", "penawaran.bagian_tidak_dikenal"),
        ("harga", "seleksi-pra-dua-file", "penawaran.bagian_tidak_dikenal"),
    ]:
        with pytest.raises(DomainError) as caught:
            parse_part(value, method)
        assert caught.value.key == key
