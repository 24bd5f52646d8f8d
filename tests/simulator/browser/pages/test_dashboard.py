"""The home page's red AMS link leads to the AMS page loaded, its SpamKodok script run."""

from __future__ import annotations

import pytest
from late_script_site import LATE_SCRIPT_PATH, Site
from playwright.sync_api import Page

from simulator.browser.pages.dashboard import DashboardPage


@pytest.mark.e2e
def test_following_the_ams_link_waits_for_the_ams_pages_script(
    page: Page, late_script_site: Site
) -> None:
    late_script_site.pages["/eproc4/dashboard"] = (
        '<a href="/eproc4/ams">Klik di sini untuk melakukan pendaftaran AMS</a>'
    )
    late_script_site.pages["/eproc4/ams"] = (
        f'<h1>Pendaftaran AMS</h1><form></form><script src="{LATE_SCRIPT_PATH}"></script>'
    )
    dashboard = DashboardPage(page, late_script_site.url + "/eproc4")
    dashboard.goto()

    dashboard.follow_ams_link()

    assert page.url == late_script_site.url + "/eproc4/ams"
    assert page.evaluate("window.lateScriptRan === true")
