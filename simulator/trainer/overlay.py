"""Puts trainer captions on every desk page: an init script plus a binding for the current one."""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Error, Page

from simulator.trainer.captions import Caption

BINDING = "__spseSimCaptionNow"
SHOW = "caption => window.__spseSimCaption && window.__spseSimCaption.show(caption)"


def overlay_script() -> str:
    """The page script (``overlay.js``) that draws the caption bar and the highlight."""
    return resources.files("simulator.trainer").joinpath("overlay.js").read_text("utf-8")


class CaptionOverlay:
    """The current caption, shown on the pages of every browser context it was installed in."""

    def __init__(self) -> None:
        self.current: Caption | None = None
        self.contexts: dict[str, BrowserContext] = {}
        # When each desk's first page opened: where a moment falls in that desk's video.
        self.started: dict[str, float] = {}
        self._script = overlay_script()

    def install(self, context: BrowserContext, name: str) -> None:
        """Before the context's first page: the overlay script and the binding it asks."""
        context.expose_binding(BINDING, self._now)
        context.add_init_script(script=self._script)
        self.contexts[name] = context
        self.started[name] = time.monotonic()
        # A desk's video starts with its first page: measure from there when it opens.
        opened: list[Page] = []

        def first_page(page: Page) -> None:
            if not opened:
                opened.append(page)
                self.started[name] = time.monotonic()

        context.on("page", first_page)

    def _now(self, source: Any) -> dict[str, Any] | None:
        return None if self.current is None else self.current.to_json()

    def pages(self) -> list[tuple[str, Page]]:
        return [(name, page) for name, ctx in self.contexts.items() for page in ctx.pages]

    def show(self, caption: Caption) -> None:
        """Show ``caption`` now on every open page; pages loading later ask for it themselves."""
        self.current = caption
        for _, page in self.pages():
            try:
                page.evaluate(SHOW, caption.to_json())
            except Error:
                # The page is navigating (its context is gone): the new document asks the
                # binding for the current caption as soon as it loads.
                continue

    def video_offsets(self, at: float | None = None) -> dict[str, float]:
        """Seconds since each desk's video started, at ``at`` (monotonic; default now)."""
        moment = time.monotonic() if at is None else at
        return {name: round(moment - start, 2) for name, start in self.started.items()}

    def hold(self, milliseconds: float) -> None:
        """Keep the caption on screen for the class (and the video) to read."""
        if milliseconds <= 0:
            return
        pages = self.pages()
        if pages:
            # Playwright's own wait keeps serving the binding while the caption stands.
            pages[-1][1].wait_for_timeout(milliseconds)

    def screenshots(self, folder: Path, prefix: str) -> list[Path]:
        """A screenshot of every open page, caption included: ``<prefix>-<desk>.png``."""
        folder.mkdir(parents=True, exist_ok=True)
        taken = []
        for name, page in self.pages():
            path = folder / f"{prefix}-{name}.png"
            try:
                page.screenshot(path=str(path))
            except Error:
                continue
            taken.append(path)
        return taken
