"""Steps about which browser the user works in: SpamKodok 2 or a plain one."""

from __future__ import annotations

from pytest_bdd import parsers, when

from simulator.browser.journeys.session import log_in
from simulator.browser.pages.base import SpsePage
from simulator.scenarios.world import World

# The CA pages a person may try to open, by the name the scenario uses.
CA_PAGES = {
    "pendaftaran AMS": "/ams",
    "import APD": "/sertifikat/apd",
}


@when(parsers.parse('penyedia "{alias}" membuka halaman {page_name} dengan browser biasa'))
def open_in_plain_browser(world: World, alias: str, page_name: str) -> None:
    """The vendor logs in from an ordinary browser (no SpamKodok 2) and opens a CA page."""
    actor = world.actor(alias)
    path = CA_PAGES[page_name.strip('"')]
    plain = world.env.desk(f"{actor.desk.actor}-browser-biasa", spamkodok=False)
    actor.desk = plain
    log_in(plain.page, world.env.spse_url, actor.user_id, actor.password)
    SpsePage(plain.page, world.env.spse_url).goto(path)
    plain.page.get_by_role("alert").first.wait_for()
