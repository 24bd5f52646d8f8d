"""/_sim/arrange: Givens set through the service layer, with SPSE's rules (real HTTP server)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from fake_spse.server import RunningServer
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings

VENDOR = {
    "user_id": "cvmaju",
    "password": "Rahasia123!",
    "company": "CV Maju",
    "npwp": "01.234.567.8-901.000",
    "email": "cv.maju@example.co.id",
    "address": "Jl. Slamet Riyadi 1, Surakarta",
    "phone": "0271-123456",
    "director": "Budi Santoso",
}
TENDER = {
    "name": "Pengadaan Laptop",
    "satker": "Dinas Kominfo",
    "jenis_pengadaan": 0,
    "pagu": 200_000_000,
    "hps": 190_000_000,
    "lokasi": "Surakarta",
}


@pytest.fixture
def http(tmp_path: Path) -> Iterator[httpx.Client]:
    settings = Settings(
        data_dir=tmp_path / "lpse",
        clock_start=datetime(2026, 3, 2, 1, 0, tzinfo=UTC),
        password_cost=SIMULATED_PASSWORD_COST,
    )
    with RunningServer(settings) as server, httpx.Client(base_url=server.url) as client:
        staff = {"role": "verifikator", "name": "Maria", "email": "v@x.go.id"}
        client.post("/_sim/staff", json={"user_id": "verif", "password": "Rahasia1!", **staff})
        pokja = {"role": "pokja", "name": "Karja", "email": "p@x.go.id"}
        client.post("/_sim/staff", json={"user_id": "pokja1", "password": "Rahasia1!", **pokja})
        yield client


def test_a_vendor_is_registered_verified_and_logged_in(http: httpx.Client) -> None:
    registered = http.post("/_sim/arrange/vendor", json=VENDOR).json()
    assert registered["status"] == http.get("/_sim/accounts/cvmaju").json()["status"]
    verified = http.post(
        "/_sim/arrange/verify", json={"verifier_id": "verif", "vendor_id": "cvmaju"}
    )
    assert verified.status_code == 200
    assert [r["user_id"] for r in http.get("/_sim/adp/records").json()["records"]] == ["cvmaju"]

    cookie = http.post(
        "/_sim/arrange/login", json={"user_id": "cvmaju", "password": VENDOR["password"]}
    ).json()["cookie"]
    page = httpx.get(f"{http.base_url}/eproc4/dashboard", cookies={cookie["name"]: cookie["value"]})
    assert page.status_code == 200
    assert "CV Maju" in page.text


def test_the_rules_still_apply(http: httpx.Client) -> None:
    http.post("/_sim/arrange/vendor", json=VENDOR)
    # The same user id twice (with another e-mail address, which gets its link), as the
    # registration form would refuse it; the same e-mail address gets no link at all.
    same_email = http.post("/_sim/arrange/vendor", json={**VENDOR, "user_id": "cvlain"})
    assert same_email.json()["error"] == "registrasi.email_dipakai"
    again = http.post("/_sim/arrange/vendor", json={**VENDOR, "email": "lain@example.co.id"})
    assert again.status_code == 400
    assert again.json()["error"] == "registrasi.user_id_dipakai"
    # An unverified vendor cannot log in.
    login = http.post("/_sim/arrange/login", json={"user_id": "cvmaju", "password": "Rahasia123!"})
    assert login.status_code == 400
    # A CA tender needs the pokja's certificate.
    tender = http.post("/_sim/arrange/tender", json={"pokja_id": "pokja1", **TENDER})
    assert tender.json()["error"] == "tender.pokja_tanpa_sertifikat"
    # Only a verifikator verifies.
    wrong = http.post("/_sim/arrange/verify", json={"verifier_id": "pokja1", "vendor_id": "cvmaju"})
    assert wrong.status_code == 400


def test_arrange_is_refused_from_another_site(http: httpx.Client) -> None:
    refused = http.post(
        "/_sim/arrange/vendor", json=VENDOR, headers={"Origin": "http://evil.example"}
    )
    assert refused.status_code == 403
    assert http.get("/_sim/accounts/cvmaju").status_code == 404
