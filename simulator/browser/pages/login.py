"""The login page (Penyedia / Non Penyedia), and logging out from the menu."""

from __future__ import annotations

from simulator.browser.pages.base import SpsePage
from spse_shared.language import tr


class LoginPage(SpsePage):
    path = "/login"

    def login(
        self, user_id: str, password: str, *, non_penyedia: bool = False, shown: bool = False
    ) -> None:
        """Fill in and send the form as a vendor (Penyedia) or as staff (Non Penyedia); the
        caller decides what to expect next. ``shown``: SPSE has just sent the desk to this
        page (a page that needs a session), so the form is not loaded again."""
        if not shown:
            self.goto()
        kind = tr("Non Penyedia") if non_penyedia else tr("Penyedia")
        self.page.get_by_label(kind, exact=True).check()
        self.page.get_by_label(tr("User ID")).fill(user_id)
        self.page.get_by_label(tr("Password")).fill(password)
        self.page.get_by_role("button", name=tr("Login")).click()
        self.page.wait_for_load_state()

    def logout(self) -> None:
        # A small form (logout is a POST with the authenticity token), shown as a button.
        self.page.get_by_role("button", name=tr("Logout")).click()
        self.page.wait_for_load_state()
