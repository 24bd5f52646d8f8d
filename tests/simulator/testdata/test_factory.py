"""Unit tests for the seeded Indonesian test data factory."""

from __future__ import annotations

import re

import pytest

from simulator.testdata.factory import TestDataFactory, format_npwp, npwp_digits

NPWP_FORMAT = re.compile(r"^\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}$")


def test_same_seed_same_sequence() -> None:
    a, b = TestDataFactory(42), TestDataFactory(42)
    for _ in range(5):
        assert a.vendor() == b.vendor()
        assert a.staff("pokja") == b.staff("pokja")
        assert a.tender() == b.tender()


def test_different_seed_different_data() -> None:
    assert TestDataFactory(1).vendor() != TestDataFactory(2).vendor()


def test_vendor_formats() -> None:
    factory = TestDataFactory(7)
    for _ in range(50):
        v = factory.vendor()
        assert re.fullmatch(r"[a-z0-9]{1,20}", v.user_id), v.user_id
        assert v.company.startswith(("PT ", "CV "))
        assert NPWP_FORMAT.fullmatch(v.npwp), v.npwp
        assert re.fullmatch(r"[a-z0-9]+@example\.co\.id", v.email), v.email
        assert v.email.split("@")[0] == v.user_id
        assert re.fullmatch(r"[0-9()\- ]{10,}", v.phone), v.phone
        assert "\n" not in v.address
        assert v.city in v.address
        assert v.director
        assert len(v.password) >= 8
        assert re.search(r"[A-Z]", v.password)
        assert re.search(r"[a-z]", v.password)
        assert re.search(r"\d", v.password)


def test_200_vendors_are_unique() -> None:
    factory = TestDataFactory(2026)
    vendors = [factory.vendor() for _ in range(200)]
    for field in ("user_id", "email", "npwp"):
        values = [getattr(v, field) for v in vendors]
        assert len(set(values)) == len(values), field


def test_staff_formats_and_uniqueness() -> None:
    factory = TestDataFactory(3)
    staff = [factory.staff(role) for role in ("pokja", "ppk", "verifikator") * 20]
    for s in staff:
        assert re.fullmatch(r"[a-z0-9]{1,20}", s.user_id), s.user_id
        assert re.fullmatch(r"\d{18}", s.nip), s.nip
        # NIP starts with a plausible birth date.
        assert 1950 <= int(s.nip[:4]) <= 2010
        assert 1 <= int(s.nip[4:6]) <= 12
        assert s.nip[14] in "12"
        assert s.email.startswith(s.user_id + "@")
        assert s.name
    assert len({s.user_id for s in staff}) == len(staff)
    assert len({s.nip for s in staff}) == len(staff)
    assert staff[0].user_id.startswith("pokja")


def test_staff_and_vendor_ids_do_not_collide() -> None:
    factory = TestDataFactory(11)
    ids = [factory.vendor().user_id for _ in range(30)]
    ids += [factory.staff("admin").user_id for _ in range(30)]
    assert len(set(ids)) == len(ids)


def test_staff_role_must_have_letters() -> None:
    with pytest.raises(ValueError, match="role"):
        TestDataFactory(1).staff("--")


def test_tender_values() -> None:
    factory = TestDataFactory(5)
    for _ in range(100):
        t = factory.tender()
        assert t.instansi == "Pemerintah Kota Surakarta"
        assert t.name.endswith("Tahun Anggaran 2026")
        assert t.satker in t.name
        assert 0 <= t.jenis_pengadaan <= 5
        assert t.hps > 0
        assert t.hps % 1000 == 0
        assert t.pagu >= t.hps
        assert "Surakarta" in t.lokasi


def test_tender_year_is_configurable() -> None:
    assert TestDataFactory(5, tahun_anggaran=2027).tender().name.endswith("2027")


def test_npwp_round_trip() -> None:
    assert format_npwp("012345678901000") == "01.234.567.8-901.000"
    assert npwp_digits("01.234.567.8-901.000") == "012345678901000"


@pytest.mark.parametrize("bad", ["", "12345678901234", "0123456789010000", "01234567890100a"])
def test_format_npwp_rejects_bad_input(bad: str) -> None:
    with pytest.raises(ValueError, match="NPWP"):
        format_npwp(bad)


@pytest.mark.parametrize(
    "bad",
    ["012345678901000", "01.234.567.8.901.000", "01.234.567.8-901.00", " 01.234.567.8-901.000"],
)
def test_npwp_digits_rejects_bad_input(bad: str) -> None:
    with pytest.raises(ValueError, match="NPWP"):
        npwp_digits(bad)


def test_factory_is_not_collected_by_pytest() -> None:
    assert TestDataFactory.__test__ is False


def test_a_vendor_named_by_a_scenario_carries_that_name_and_a_user_id_from_it() -> None:
    factory = TestDataFactory(seed=7)

    first, second = factory.vendor(company="CV Maju"), factory.vendor(company="CV Maju")

    assert (first.company, first.user_id) == ("CV Maju", "maju")
    assert (second.company, second.user_id) == ("CV Maju", "maju2")
    assert factory.vendor(company="CV Ok").user_id == "okxx"
