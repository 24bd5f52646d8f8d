"""Two fake SPSE servers sharing one ADP file, over real HTTP: roaming login and the /_sim reads."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from spse_web import PASSWORD, START, Browser, Sim, page_text

from fake_spse.server import RunningServer
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings
from spse_shared.messages import MessageCatalog

MESSAGES = MessageCatalog()
HOME = "LPSE Kota Surakarta"
OTHER = "LPSE Provinsi Jawa Tengah"


@dataclass
class Lpse:
    server: RunningServer
    sim: Sim

    def browser(self) -> Browser:
        return Browser(self.server)


@pytest.fixture
def lpses(tmp_path: Path) -> Iterator[tuple[Lpse, Lpse]]:
    adp = tmp_path / "lkpp" / "adp.sqlite3"
    running = [
        RunningServer(
            Settings(
                data_dir=tmp_path / folder,
                lpse_name=name,
                clock_start=START,
                adp_path=adp,
                password_cost=SIMULATED_PASSWORD_COST,
            )
        )
        for folder, name in (("solo", HOME), ("jateng", OTHER))
    ]
    pair = [Lpse(server, Sim(server)) for server in running]
    yield pair[0], pair[1]
    for lpse in pair:
        lpse.sim.close()
        lpse.server.stop()


def test_roaming_login_and_what_sim_shows(lpses: tuple[Lpse, Lpse]) -> None:
    home, other = lpses
    home.sim.staff("verif", "verifikator")
    vendor, verifier = home.browser(), home.browser()
    assert vendor.register("ptmaju").status_code == 200
    assert verifier.login("verif").status_code == 303
    assert verifier.post_form("/verifikasi/ptmaju", {}).status_code == 303

    records = other.sim.call("GET", "/adp/records")["records"]
    assert [(r["user_id"], r["home_lpse"], r["has_password_hash"]) for r in records] == [
        ("ptmaju", HOME, True)
    ]
    assert "password_hash" not in records[0]
    assert other.sim.http.get("/accounts/ptmaju").status_code == 404

    visitor = other.browser()
    other.sim.arm("adp.down")
    refused = visitor.login("ptmaju")
    assert refused.status_code == 400
    assert MESSAGES.text("login.adp_tidak_tersedia") in page_text(refused)
    assert other.sim.http.get("/accounts/ptmaju").status_code == 404

    other.sim.call("DELETE", "/faults/adp.down")
    assert visitor.login("ptmaju", PASSWORD).status_code == 303
    assert "PT Ptmaju" in page_text(visitor.get("/dashboard"))
    account = other.sim.call("GET", "/accounts/ptmaju")
    assert (account["status"], account["home_lpse"], account["role"]) == (
        "aktif",
        HOME,
        "penyedia",
    )
    assert home.sim.call("GET", "/accounts/ptmaju")["home_lpse"] == ""
    visitor.close()
    vendor.close()
    verifier.close()
