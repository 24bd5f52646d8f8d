"""The tender list page drives its table through /dt/lelang in a real Chromium (DataTables).

The LPSE is seeded in its data folder (as ``spse-sim serve`` does) before the server starts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from factories import START
from playwright.sync_api import Browser, Page, expect

from fake_spse.app import build_services
from fake_spse.domain.accounts import Role
from fake_spse.domain.tenders import TenderDraft
from fake_spse.server import RunningServer
from fake_spse.settings import Settings
from simulator.demo.basic import seed_demo
from simulator.testdata.seed import DEFAULT_SEED

pytestmark = pytest.mark.e2e

NAMES = ["Pengadaan Laptop Dinas", "Rehabilitasi Saluran Air", "Konsultan Pengawas Gedung"]


@pytest.fixture
def lpse_url(tmp_path: Path) -> Iterator[str]:
    settings = Settings(data_dir=tmp_path / "lpse", clock_start=START)
    services = build_services(settings)
    seed_demo(services, DEFAULT_SEED, tmp_path / "desks")
    (pokja,) = services.accounts.accounts(Role.POKJA)
    draft = TenderDraft(
        "", "Pemerintah Kota Surakarta", "Dinas PU", 2, 900_000_000, 800_000_000, "Surakarta", 2026
    )
    for number, name in enumerate(NAMES):
        services.tenders.create_tender(
            pokja, replace(draft, name=name, hps=100_000_000 * (number + 1))
        )
    with RunningServer(settings) as server:
        yield server.spse_url


def rows(page: Page) -> list[str]:
    return page.locator("#tbllelang tbody tr td:nth-child(2)").all_inner_texts()


def answered(page: Page, draw: int) -> None:
    expect(page.locator("#tbllelang")).to_have_attribute("data-draw", str(draw))


def test_search_order_and_empty_result_come_from_the_endpoint(
    sim_browser: Browser, lpse_url: str
) -> None:
    context = sim_browser.new_context(locale="id-ID")
    page = context.new_page()
    try:
        requests: list[str] = []
        page.on(
            "request", lambda r: requests.append(f"{r.method} {r.url}") if "/dt/" in r.url else None
        )
        page.goto(lpse_url + "/lelang")
        assert len(rows(page)) == 4  # the demo's tender and the three above, newest first
        assert rows(page)[0] == NAMES[-1]

        page.get_by_label("Cari Paket").fill("laptop")
        answered(page, 2)
        assert rows(page) == ["Pengadaan Laptop Dinas"]
        expect(page.locator("#tbllelang_info")).to_have_text("Menampilkan 1 sampai 1 dari 1 paket")

        page.get_by_label("Cari Paket").fill("tidak ada yang begini")
        answered(page, 3)
        assert rows(page) == []
        expect(page.locator("#tbllelang tbody")).to_have_text("Tidak ada paket.")

        page.get_by_label("Cari Paket").fill("")
        answered(page, 4)
        page.get_by_role("columnheader", name="HPS").click()  # ascending HPS
        answered(page, 5)
        assert [name for name in rows(page) if name in NAMES] == NAMES
        assert requests
        assert all(r.startswith("POST ") and r.endswith("/eproc4/dt/lelang") for r in requests)
    finally:
        context.close()
