import re
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

from spse_shared.profile import (
    OPENING_STAGE,
    UPLOAD_STAGE,
    ProfileError,
    QualityCost,
    StageTemplate,
    available_profiles,
    load_profile,
    load_profile_file,
)

DOMAIN_STAGES = [
    "Pengumuman Pascakualifikasi",
    "Download Dokumen Pemilihan",
    "Pemberian Penjelasan",
    "Upload Dokumen Penawaran",
    "Pembukaan Dokumen Penawaran",
    "Evaluasi Administrasi, Kualifikasi, Teknis, dan Harga",
    "Pembuktian Kualifikasi",
    "Penetapan Pemenang",
    "Pengumuman Pemenang",
    "Masa Sanggah",
    "Surat Penunjukan Penyedia Barang/Jasa",
    "Penandatanganan Kontrak",
]


def shipped_text(name: str) -> str:
    return resources.files("spse_shared").joinpath("profiles", f"{name}.toml").read_text("utf-8")


def write_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = shipped_text("spse-4.3-ca")
    assert old in text
    path = tmp_path / "custom.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_available_profiles() -> None:
    assert available_profiles() == ["spse-4.3-ca", "spse-4.3-nonca"]


def test_ca_profile() -> None:
    profile = load_profile("spse-4.3-ca")
    assert profile.name == "spse-4.3-ca"
    assert profile.spse_version == "4.3"
    assert profile.footer_version.startswith("SPSE v4.3")
    assert profile.protection == "ca"
    assert profile.services == ("ca", "adp", "support")
    assert profile.filename_max_chars == 40
    assert profile.filename_limit_inclusive is True
    assert set(profile.forbidden_filename_chars) == set("/\\,:'\"+-()‘’“”")
    assert profile.upload_max_bytes == 100 * 1024 * 1024
    assert profile.ams_letter_max_bytes == 5 * 1024 * 1024
    assert profile.ams_letter_types == (".pdf", ".jpg", ".jpeg", ".png")
    assert profile.certificate_validity_days == 730
    assert [stage.name for stage in profile.schedule] == DOMAIN_STAGES
    assert all(isinstance(stage, StageTemplate) and stage.hours > 0 for stage in profile.schedule)
    assert dict(profile.messages) == {}


def test_nonca_profile() -> None:
    profile = load_profile("spse-4.3-nonca")
    assert profile.protection == "apendo"
    assert profile.services == ("adp", "support")
    assert "ca" not in profile.services
    assert [stage.name for stage in profile.schedule] == DOMAIN_STAGES


@pytest.mark.parametrize("name", ["spse-4.3-ca", "spse-4.3-nonca"])
def test_jenis_pengadaan_picks_the_method(name: str) -> None:
    profile = load_profile(name)
    barang = profile.method_for(0)
    assert barang.key == "pasca-satu-file"
    assert barang.name == "Tender - Pascakualifikasi Satu File - Harga Terendah Sistem Gugur"
    assert profile.method_for(2) is barang
    assert profile.method_for(3) is barang
    seleksi = profile.method_for(1)
    assert seleksi.name == "Seleksi - Prakualifikasi Dua File - Kualitas dan Biaya"
    assert profile.method_for(4) is seleksi
    assert profile.method_for(5) is seleksi
    assert seleksi.files == 2
    names = [stage.name for stage in seleksi.stages]
    assert len(names) == 21
    assert names[0] == "Pengumuman Prakualifikasi"
    assert names[-1] == "Penandatanganan Kontrak"
    assert seleksi.opening_stages == (
        "Pembukaan dan Evaluasi Penawaran File I: Administrasi dan Teknis",
        "Pembukaan dan Evaluasi Penawaran File II: Harga",
    )
    assert names.index(seleksi.opening_stages[0]) < names.index(seleksi.opening_stages[1])
    # Seleksi is Kualitas dan Biaya; Harga Terendah has no weights (the lowest price wins).
    assert seleksi.kualitas_biaya == QualityCost(Decimal("0.7"), Decimal("0.3"), Decimal("70"))
    assert barang.kualitas_biaya is None


def test_tender_cepat_is_chosen_by_the_pokja_where_the_profile_offers_it() -> None:
    ca = load_profile("spse-4.3-ca")
    cepat = ca.method("tender-cepat")
    assert ca.pokja_methods == (cepat,)
    assert cepat.name == "Tender Cepat"
    assert cepat.chosen_by_pokja
    assert cepat.requires_sikap
    assert cepat.jenis_pengadaan == (0, 2, 3)
    # The jenis pengadaan alone never picks it.
    assert all(ca.method_for(jenis).key != "tender-cepat" for jenis in range(6))
    names = [stage.name for stage in cepat.stages]
    # No Pembuktian Kualifikasi and no Masa Sanggah: the SIKaP data are the qualification.
    assert "Pembuktian Kualifikasi" not in names
    assert "Masa Sanggah" not in names
    assert names[0] == "Pengumuman Tender Cepat"
    assert cepat.opening_stages == ("Pembukaan dan Evaluasi Penawaran",)
    nonca = load_profile("spse-4.3-nonca")
    assert nonca.pokja_methods == ()
    with pytest.raises(ProfileError, match="tender-cepat"):
        nonca.method("tender-cepat")


def test_a_method_without_sikap_needs_pembuktian_and_sanggah(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "requires_sikap = true\n", "")
    with pytest.raises(ProfileError, match=r"tender-cepat\.stages.*Pembuktian Kualifikasi"):
        load_profile_file(path)


def test_filename_decision_is_documented_in_the_toml() -> None:
    text = shipped_text("spse-4.3-ca")
    assert "kurang dari 40 karakter" in text
    assert "maks 40 karakter sudah termasuk" in text


def test_unknown_profile_names_the_available_ones() -> None:
    with pytest.raises(ProfileError, match=r"spse-4\.3-ca, spse-4\.3-nonca"):
        load_profile("spse-9")


def test_load_profile_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(shipped_text("spse-4.3-ca"), encoding="utf-8")
    assert load_profile_file(path) == load_profile("spse-4.3-ca")


def test_own_profile_with_messages_and_other_limit(tmp_path: Path) -> None:
    path = write_variant(tmp_path, 'name = "spse-4.3-ca"', 'name = "lpse-uji"')
    text = path.read_text(encoding="utf-8").replace(
        "limit_inclusive = true", "limit_inclusive = false"
    )
    text += 'upload_terlambat = "Batas waktu upload sudah lewat."\n'
    path.write_text(text, encoding="utf-8")
    profile = load_profile_file(path)
    assert profile.name == "lpse-uji"
    assert profile.filename_limit_inclusive is False
    assert profile.messages == {"upload_terlambat": "Batas waktu upload sudah lewat."}


def test_failure_consequences_are_profile_switches(tmp_path: Path) -> None:
    shipped = load_profile("spse-4.3-ca")
    assert (shipped.flashdisk_failure, shipped.flag_disguised_files) == ("pembukaan", True)
    assert (shipped.other_browser_guard, shipped.recommended_os) == (True, "Windows 10")
    friendlier = load_profile_file(
        write_variant(tmp_path, 'flashdisk = "pembukaan"', 'flashdisk = "unggah"')
    )
    assert friendlier.flashdisk_failure == "unggah"
    # The guard is documented as the simulator's choice where it is switched.
    assert "SIMULATOR CHOICE, NOT AN SPSE FACT" in shipped_text("spse-4.3-ca")


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("max_chars = 40", 'max_chars = "40"', "filename.max_chars"),
        ("max_chars = 40", "max_chars = 0", "filename.max_chars"),
        ("max_chars = 40", "max_chars = true", "filename.max_chars"),
        ("max_chars = 40", "max_chraz = 40", "filename.max_chars"),
        ("limit_inclusive = true", "limit_inclusive = 1", "filename.limit_inclusive"),
        ("validity_days = 730", "validity_days = 730\ncolour = 1", "certificate.colour"),
        ('protection = "ca"', 'protection = "rsa"', "protection"),
        ('services = ["ca", "adp", "support"]', 'services = ["adp"]', "services"),
        ('services = ["ca", "adp", "support"]', 'services = ["ca", "sikap"]', "services"),
        ("hours = 72", "hours = -1", "methods.pasca-satu-file.stages[3].hours"),
        (
            'name = "Masa Sanggah", hours = 120',
            'name = "Masa Sanggah", hours = 120, extra = 1',
            "methods.pasca-satu-file.stages[9].extra",
        ),
        (
            '{ name = "Masa Sanggah"',
            '{ name = "Pemberian Penjelasan"',
            "methods.pasca-satu-file.stages[9].name",
        ),
        (
            '{ name = "Upload Dokumen Penawaran"',
            '{ name = "Upload"',
            "methods.pasca-satu-file.stages",
        ),
        ("files = 1", "files = 2", "methods.pasca-satu-file.opening_stages"),
        (
            "jenis_pengadaan = [1, 4, 5]",
            "jenis_pengadaan = [1, 2]",
            "methods.seleksi-pra-dua-file.jenis_pengadaan",
        ),
        ("[methods.pasca-satu-file]", "[methods.pasca]", "methods.pasca-satu-file"),
        # Kualitas dan Biaya: weights inside their legal ranges, together 1; a 0-100 grade.
        (
            "bobot_teknis = 0.7",
            "bobot_teknis = 0.9",
            "methods.seleksi-pra-dua-file.kualitas_biaya.bobot_teknis",
        ),
        (
            "bobot_biaya = 0.3",
            "bobot_biaya = 0.4",
            "methods.seleksi-pra-dua-file.kualitas_biaya.bobot_biaya",
        ),
        (
            "bobot_biaya = 0.3",
            'bobot_biaya = "0.3"',
            "methods.seleksi-pra-dua-file.kualitas_biaya.bobot_biaya",
        ),
        (
            "ambang_teknis = 70",
            "ambang_teknis = 101",
            "methods.seleksi-pra-dua-file.kualitas_biaya.ambang_teknis",
        ),
        (
            "ambang_teknis = 70",
            "ambang_teknis = 70\nbonus = 1",
            "methods.seleksi-pra-dua-file.kualitas_biaya.bonus",
        ),
        ('".pdf", ".jpg"', '"pdf", ".jpg"', "ams.letter_types"),
        ('footer_version = "SPSE v4.3u20191009"\n', "", "footer_version"),
        ("[messages]", '[messages]\nkosong = ""', "messages.kosong"),
        ('flashdisk = "pembukaan"', 'flashdisk = "tolak"', "failures.flashdisk"),
        (
            "other_browser_guard = true",
            'other_browser_guard = "ya"',
            "failures.other_browser_guard",
        ),
        ('recommended_os = "Windows 10"', "recommended_os = 10", "desk.recommended_os"),
        ('in_person = "wajib"', 'in_person = "kadang"', "ams.in_person"),
        ('upgrade_in_person = "pilihan"', "upgrade_in_person = true", "ams.upgrade_in_person"),
    ],
)
def test_invalid_profile_names_the_bad_key(tmp_path: Path, old: str, new: str, key: str) -> None:
    path = write_variant(tmp_path, old, new)
    with pytest.raises(ProfileError, match=f"'{re.escape(key)}'"):
        load_profile_file(path)


def test_opening_must_follow_upload(tmp_path: Path) -> None:
    text = shipped_text("spse-4.3-ca")
    # Swap the two stages in the stage list (not in opening_stages).
    upload, opening = f'{{ name = "{UPLOAD_STAGE}"', f'{{ name = "{OPENING_STAGE}"'
    text = text.replace(upload, "@@").replace(opening, upload)
    path = tmp_path / "swapped.toml"
    path.write_text(text.replace("@@", opening), encoding="utf-8")
    with pytest.raises(ProfileError, match="after"):
        load_profile_file(path)


def test_broken_toml_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("name = ", encoding="utf-8")
    with pytest.raises(ProfileError, match="invalid TOML"):
        load_profile_file(path)
    with pytest.raises(ProfileError, match="cannot read"):
        load_profile_file(tmp_path / "missing.toml")


def test_shipped_profiles_parse_as_plain_toml() -> None:
    for name in available_profiles():
        assert tomllib.loads(shipped_text(name))["name"] == name


def test_the_ca_profile_requires_the_visit_for_a_new_certificate_and_offers_it_on_upgrade() -> None:
    profile = load_profile("spse-4.3-ca")
    assert (profile.ams_in_person, profile.upgrade_in_person) == ("wajib", "pilihan")
