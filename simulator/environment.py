"""One object that wires a run together: fake SPSE server, browser, desks, output folder."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from fake_spse.profile import Profile, load_profile
from fake_spse.server import RunningServer
from fake_spse.settings import Settings
from simulator.browser import find_chromium, launch_options
from simulator.simcontrol import SimControl
from simulator.spamkodok.bridge import SpamKodok
from simulator.testdata import TestDataFactory

# 08:00 WIB on a working Monday: runs are reproducible, whatever the wall clock says.
DEFAULT_CLOCK_START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


@dataclass(frozen=True)
class RunOptions:
    output_dir: Path
    profile: str = "spse-4.3-ca"
    seed: int = 20260302
    headless: bool = True
    slow_mo_ms: float = 0
    clock_start: datetime = DEFAULT_CLOCK_START
    timeout_ms: float = 30_000


@dataclass
class Desk:
    """One user's computer: a browser window, with SpamKodok 2 or without."""

    actor: str
    context: BrowserContext
    page: Page
    kodok: SpamKodok | None
    folder: Path
    trace: Path = field(init=False)

    def __post_init__(self) -> None:
        self.trace = self.folder.parent.parent / "traces" / f"{self.folder.name}.zip"


class SimEnvironment:
    """Starts the embedded fake SPSE and a browser; hands out desks; keeps every artefact."""

    def __init__(self, options: RunOptions, *, browser: Browser | None = None) -> None:
        """``browser``: an already launched browser to reuse (tests share one per session)."""
        self.options = options
        self._own_browser = browser is None
        self.output_dir = options.output_dir
        self.profile: Profile = load_profile(options.profile)
        self.data = TestDataFactory(options.seed)
        self.desks: list[Desk] = []
        self._server: RunningServer | None = None
        self._playwright: Playwright | None = None
        self._browser: Browser | None = browser
        self._sim: SimControl | None = None

    def __enter__(self) -> SimEnvironment:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def start(self) -> None:
        self.output_dir.mkdir(parents=True, exist_ok=True)
        settings = Settings(
            data_dir=self.output_dir / "data",
            profile=self.options.profile,
            clock_start=self.options.clock_start,
            clock_frozen=True,
        )
        self._server = RunningServer(settings)
        self._sim = SimControl(self._server.url)
        if self._browser is not None:
            return
        choice = find_chromium()
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            **launch_options(
                choice, headless=self.options.headless, slow_mo_ms=self.options.slow_mo_ms
            )
        )

    @property
    def server_url(self) -> str:
        assert self._server is not None, "environment not started"
        return self._server.url

    @property
    def spse_url(self) -> str:
        assert self._server is not None, "environment not started"
        return self._server.spse_url

    @property
    def sim(self) -> SimControl:
        assert self._sim is not None, "environment not started"
        return self._sim

    def desk(self, actor: str, *, spamkodok: bool, passphrase: str = "rahasia-kodok") -> Desk:
        """A new browser window for ``actor``; with ``spamkodok`` it is SpamKodok 2."""
        assert self._browser is not None, "environment not started"
        folder = self.output_dir / "desks" / _safe(actor)
        folder.mkdir(parents=True, exist_ok=True)
        context = self._browser.new_context(locale="id-ID", timezone_id="Asia/Jakarta")
        context.set_default_timeout(self.options.timeout_ms)
        context.tracing.start(screenshots=True, snapshots=True, title=actor)
        kodok = None
        if spamkodok:
            kodok = SpamKodok(
                keystore_path=folder / "spamkodok.p12",
                passphrase=passphrase,
                server_url=self.server_url,
                profile=self.profile,
                output_dir=self.output_dir / "offers",
            )
            kodok.install(context)
        desk = Desk(
            actor=actor, context=context, page=context.new_page(), kodok=kodok, folder=folder
        )
        self.desks.append(desk)
        return desk

    def close(self) -> None:
        for desk in self.desks:
            desk.trace.parent.mkdir(parents=True, exist_ok=True)
            try:
                desk.context.tracing.stop(path=desk.trace)
            finally:
                desk.context.close()
        self.desks.clear()
        if self._browser is not None and self._own_browser:
            self._browser.close()
        self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None
        if self._sim is not None:
            self._sim.close()
            self._sim = None
        if self._server is not None:
            self._server.stop()
            self._server = None


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "desk"
