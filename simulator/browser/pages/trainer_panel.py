"""The trainer's control panel at /_sim/panel (not an SPSE page: the simulator's own)."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from spse_shared.language import tr


class TrainerPanel:
    """The panel, driven as a trainer would: switches, clock buttons, the firing log."""

    def __init__(self, page: Page, server_url: str) -> None:
        self.page = page
        self.url = server_url.rstrip("/") + "/_sim/panel"

    def open(self, token: str | None = None) -> None:
        self.page.goto(self.url if token is None else f"{self.url}?token={token}")

    def switch(self, title: str) -> Locator:
        return self.page.get_by_role("switch", name=title)

    def fault_form(self, title: str) -> Locator:
        return self.page.locator("form.gangguan").filter(has=self.switch(title))

    def is_on(self, title: str) -> bool:
        return self.switch(title).get_attribute("aria-checked") == "true"

    def turn_on(self, title: str, *, times: int | None = None, **params: int) -> str:
        """Switch a fault on (with 'Berapa kali' and its params); returns the panel's note."""
        form = self.fault_form(title)
        form.get_by_label(tr("Berapa kali"), exact=True).fill("" if times is None else str(times))
        for name, value in params.items():
            form.locator(f"input[name=param_{name}]").fill(str(value))
        return self._toggle(title, to="true")

    def turn_off(self, title: str) -> str:
        return self._toggle(title, to="false")

    def _toggle(self, title: str, *, to: str) -> str:
        self.switch(title).click()
        expect(self.switch(title)).to_have_attribute("aria-checked", to)
        return self.note()

    def note(self) -> str:
        """The panel's note about the last action (status or alert)."""
        notes = self.page.locator(".catatan")
        return notes.inner_text().strip() if notes.count() else ""

    def clock_text(self) -> str:
        return self.page.locator("#jam").inner_text().strip()

    def press(self, label: str) -> str:
        """One of the clock buttons: '+1 jam', '+1 hari', 'Bekukan waktu', 'Jalankan waktu'."""
        self.page.get_by_role("button", name=tr(label), exact=True).click()
        self.page.wait_for_load_state()
        return self.note()

    def to_stage(self, tender_id: str, stage: str, point: str) -> str:
        """Move the clock to a stage of a tender; ``point`` is the button's label after 'Ke '."""
        self.page.get_by_role("combobox", name=tr("Paket tender"), exact=True).select_option(
            tender_id
        )
        self.page.get_by_role("combobox", name=tr("Tahap"), exact=True).select_option(stage)
        return self.press(tr("Ke {point}", point=tr(point)))

    def firing_log(self) -> Locator:
        return self.page.locator("#log")
