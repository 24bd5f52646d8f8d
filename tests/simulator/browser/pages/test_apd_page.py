"""The APD import page opened from the menu is loaded, its SpamKodok script run."""

from __future__ import annotations

import pytest
from late_script_site import LATE_SCRIPT_PATH, Site
from playwright.sync_api import Page

from simulator.browser.pages.apd import HEADING, ApdImportPage


@pytest.mark.e2e
def test_import_apd_from_the_menu_waits_for_the_pages_script(
    page: Page, late_script_site: Site
) -> None:
    late_script_site.pages["/eproc4/dashboard"] = (
        '<nav aria-label="Menu utama"><a href="#sertifikat">Sertifikat</a></nav>'
        '<ul id="sertifikat"><li><a href="/eproc4/sertifikat/apd">Import APD</a></li></ul>'
    )
    late_script_site.pages["/eproc4/sertifikat/apd"] = (
        f'<h1>{HEADING}</h1><form></form><script src="{LATE_SCRIPT_PATH}"></script>'
    )
    page.goto(late_script_site.url + "/eproc4/dashboard")

    ApdImportPage(page, late_script_site.url + "/eproc4").open_from_menu()

    assert page.evaluate("window.lateScriptRan === true")
