"""report.html in Chromium: the filters by status and tag, the search box and the tag links of
the statistics narrow the scenario table (the sample run of scripts/report_screenshot.py), with
no script error and no request leaving the file."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def sample_report(folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location(
        "report_screenshot", ROOT / "scripts" / "report_screenshot.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    run: Path = module.build_sample(folder)
    return run / "report.html"


def shown(page: Page) -> int:
    return page.locator("tr.scenario:visible").count()


def test_filters_search_and_tag_links_narrow_the_table(page: Page, tmp_path: Path) -> None:
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "request", lambda r: None if r.url.startswith(("file:", "data:")) else outside.append(r.url)
    )
    page.goto(sample_report(tmp_path).as_uri())
    assert shown(page) == 7
    assert page.locator("#ditampilkan").text_content() == "7"

    page.locator('input.status[value="passed"]').uncheck()
    assert shown(page) == 3  # the failed, the flaky and the not applicable one
    page.locator('input.status[value="passed"]').check()

    page.select_option("#tag", "aturan-hh-3")
    assert shown(page) == 2
    page.select_option("#tag", "")

    page.fill("#cari", "apendo")
    assert shown(page) == 1
    page.fill("#cari", "")

    page.get_by_role("link", name="@aturan-hh-2").click()
    assert page.locator("#tag").input_value() == "aturan-hh-2"
    assert shown(page) == 3
    assert errors == []
    assert outside == []
