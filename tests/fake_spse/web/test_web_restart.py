"""A restarted server on the same data directory carries on where it stopped."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from spse_web import OPENING_STAGE, UPLOAD_STAGE, Browser, Sim, World, build_world, page_text

from fake_spse.server import RunningServer
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings


def test_restart_keeps_accounts_sessions_tenders_offers_and_time(
    tmp_path: Path, make_csr: Callable[..., str]
) -> None:
    data_dir = tmp_path / "lpse"
    settings = Settings(data_dir=data_dir, password_cost=SIMULATED_PASSWORD_COST)
    browsers: list[Browser] = []

    def new_browser_on(server: RunningServer) -> Callable[[], Browser]:
        def make() -> Browser:
            browser = Browser(server)
            browsers.append(browser)
            return browser

        return make

    try:
        with RunningServer(settings) as first:
            sim = Sim(first)
            world: World = build_world(
                first,
                sim,
                make_csr("Pokja Satu"),
                new_browser_on(first),
                vendor_csr_pem=make_csr("Budi Santoso"),
            )
            sim.to_stage(world.tender_id, UPLOAD_STAGE, plus_seconds=60)
            body = world.vendor_a.sealed(world.tender_id, b"penawaran tersegel" * 100)
            receipt = world.vendor_a.upload(world.tender_id, body).json()
            clock_before = sim.call("GET", "/clock")["now"]
            cookies = dict(world.pokja.http.cookies)
            sim.close()

        with RunningServer(settings) as second:
            sim = Sim(second)
            assert sim.call("GET", "/clock")["now"] == clock_before
            [offer] = sim.offers(world.tender_id)
            assert (offer["offer_id"], offer["sha256"], offer["size"]) == (
                receipt["offer_id"],
                hashlib.sha256(body).hexdigest(),
                len(body),
            )

            # The pokja's session cookie from before the restart is still good.
            pokja = new_browser_on(second)()
            for name, value in cookies.items():
                pokja.http.cookies.set(name, value)
            assert pokja.get("/dashboard").status_code == 200
            assert "Pembangunan Jalan Desa" in page_text(pokja.get("/lelang"))

            # Accounts (and passwords) survive: a vendor logs in again and sees its receipt.
            vendor = new_browser_on(second)()
            assert vendor.login("ptmaju").status_code == 303
            offer_page = vendor.get(f"/lelang/{world.tender_id}/penawaran")
            assert receipt["sha256"] in offer_page.text

            # The ciphertext is still on disk, byte for byte, and the certificate still counts.
            sim.to_stage(world.tender_id, OPENING_STAGE)
            document = pokja.get(
                f"/lelang/{world.tender_id}/pembukaan/{receipt['offer_id']}/dokumen"
            )
            assert (document.status_code, document.content) == (200, body)
            assert pokja.create_tender("Paket Setelah Restart").status_code == 303
            sim.close()
    finally:
        for browser in browsers:
            browser.close()


def test_restart_keeps_the_ca(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "lpse", password_cost=SIMULATED_PASSWORD_COST)
    with RunningServer(settings) as first, Sim(first).http as http:
        chain_before = http.get(first.url + "/bsre/chain.pem").text
    with RunningServer(settings) as second, Sim(second).http as http:
        assert http.get(second.url + "/bsre/chain.pem").text == chain_before
