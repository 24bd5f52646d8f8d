import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fake_spse.services.adp import AdpDuplicate, AdpService, AdpUnavailable

NOW = datetime(2024, 3, 1, 2, 0, tzinfo=UTC)

BASE = {
    "user_id": "ptmaju",
    "email": "admin@majujaya.co.id",
    "npwp": "01.234.567.8-901.000",
    "company": "PT Maju Jaya",
    "address": "Jl. Pemuda No. 10, Semarang",
    "home_lpse": "LPSE Provinsi Jawa Tengah",
}


class Switch:
    def __init__(self) -> None:
        self.down = False

    def __call__(self) -> bool:
        return self.down


@pytest.fixture
def switch() -> Switch:
    return Switch()


@pytest.fixture
def adp(tmp_path: Path, switch: Switch) -> AdpService:
    return AdpService(tmp_path / "adp.sqlite", lambda: NOW, switch)


def with_(**changes: str) -> dict[str, str]:
    return {**BASE, **changes}


def test_activate_and_lookup(adp: AdpService) -> None:
    record = adp.activate(**BASE)
    assert record.user_id == "ptmaju"
    assert record.activated_at == NOW
    assert adp.lookup("ptmaju") == record
    assert adp.lookup("PTMAJU") == record
    assert adp.lookup("nobody") is None
    assert adp.records() == [record]


def test_duplicate_user_id(adp: AdpService) -> None:
    adp.activate(**BASE)
    with pytest.raises(AdpDuplicate) as info:
        adp.activate(**with_(user_id="PtMaju", email="x@y.id", npwp="99.999.999.9-999.999"))
    assert info.value.field == "user_id"
    assert info.value.value == "PtMaju"


def test_duplicate_email(adp: AdpService) -> None:
    adp.activate(**BASE)
    with pytest.raises(AdpDuplicate) as info:
        adp.activate(
            **with_(user_id="other", email="ADMIN@majujaya.co.id", npwp="99.999.999.9-999.999")
        )
    assert info.value.field == "email"


def test_user_id_checked_before_email(adp: AdpService) -> None:
    adp.activate(**BASE)
    with pytest.raises(AdpDuplicate) as info:
        adp.activate(**BASE)
    assert info.value.field == "user_id"


def test_same_npwp_same_address_is_duplicate(adp: AdpService) -> None:
    adp.activate(**BASE)
    with pytest.raises(AdpDuplicate) as info:
        adp.activate(
            **with_(
                user_id="other",
                email="other@majujaya.co.id",
                npwp="012345678901000",
                address="jl. pemuda  no. 10,   semarang",
            )
        )
    assert info.value.field == "npwp"
    assert info.value.value == "012345678901000"
    assert "sudah terdaftar" in str(info.value)


def test_same_npwp_other_address_is_a_branch(adp: AdpService) -> None:
    adp.activate(**BASE)
    branch = adp.activate(
        **with_(
            user_id="ptmaju_solo",
            email="solo@majujaya.co.id",
            address="Jl. Slamet Riyadi No. 5, Surakarta",
            home_lpse="LPSE Kota Surakarta",
        )
    )
    assert branch.npwp == BASE["npwp"]
    assert len(adp.records()) == 2


def test_down(adp: AdpService, switch: Switch) -> None:
    adp.activate(**BASE)
    switch.down = True
    with pytest.raises(AdpUnavailable):
        adp.activate(**with_(user_id="other", email="o@x.id"))
    with pytest.raises(AdpUnavailable):
        adp.lookup("ptmaju")
    switch.down = False
    assert adp.lookup("ptmaju") is not None
    assert len(adp.records()) == 1


def test_invalid_input(adp: AdpService) -> None:
    with pytest.raises(ValueError, match="NPWP"):
        adp.activate(**with_(npwp="12-34"))
    with pytest.raises(ValueError, match="company"):
        adp.activate(**with_(company="  "))
    adp.activate(**with_(npwp="0123456789012345"))


def test_state_persists_in_its_own_file(tmp_path: Path) -> None:
    path = tmp_path / "lkpp" / "adp.sqlite"
    AdpService(path, lambda: NOW).activate(**BASE)
    again = AdpService(path, lambda: NOW)
    assert again.lookup("ptmaju") is not None


def test_concurrent_duplicate_activation(adp: AdpService) -> None:
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def worker() -> None:
        barrier.wait()
        try:
            adp.activate(**BASE)
            outcomes.append("ok")
        except AdpDuplicate:
            outcomes.append("dup")

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["dup", "dup", "dup", "ok"]
