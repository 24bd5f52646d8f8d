"""One object that wires a run together: fake SPSE server, browser, desks, output folder."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    ViewportSize,
    sync_playwright,
)

from fake_spse.server import RunningServer, ServerHost
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings
from simulator.browser.lanes import Lane, chromium_launcher
from simulator.desk.spamkodok.bridge import SpamKodok
from simulator.desk.spamkodok.processes import DeskProcesses
from simulator.harness.arrange import Arranger
from simulator.harness.chronology import PAGE_CHANGES_SCRIPT
from simulator.harness.keypool import KeyRing
from simulator.harness.run_folder import SERVER_LOG_NAME
from simulator.harness.simcontrol import ControlPlaneUnavailable, SimControl, SimControlError
from simulator.testdata.factory import TestDataFactory
from simulator.testdata.seed import DEFAULT_SEED
from spse_shared.profile import DEFAULT_PROFILE, Profile, load_profile
from spse_shared.server_files import REQUEST_LOG_NAME

# 08:00 WIB on a working Monday: runs are reproducible, whatever the wall clock says.
DEFAULT_CLOCK_START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
# Recorded desks use this viewport and video size, so captions stay legible in the video.
VIDEO_SIZE: ViewportSize = {"width": 1280, "height": 720}


@dataclass(frozen=True)
class RunOptions:
    output_dir: Path
    profile: str = DEFAULT_PROFILE
    seed: int = DEFAULT_SEED
    headless: bool = True
    slow_mo_ms: float = 0
    clock_start: datetime = DEFAULT_CLOCK_START
    timeout_ms: float = 30_000
    # Record a video of every desk into this folder (<desk>.webm), as trainers hand out.
    video_dir: Path | None = None
    # Another deployment of the SPSE pages (e.g. http://host/eproc4) instead of the embedded
    # server: no /_sim there, so whatever needs the control plane is not applicable.
    base_url: str | None = None


class Desk:
    """One user's computer: a browser window, with SpamKodok 2 or without.

    The window (browser context and page) opens on first use of ``context`` or ``page``: an
    actor whose part was arranged, not walked (a verifikator who only verified through
    /_sim/arrange), costs no browser. A session cookie given before (``give_cookie``) waits for
    the window: a vendor logged in by an arranged Given who never browses opens none either.
    ``SimEnvironment.desks`` lists the opened ones.

    A desk on a ``lane`` opens in that lane's Chromium and is used on the lane's thread only.
    """

    def __init__(
        self,
        *,
        actor: str,
        kodok: SpamKodok | None,
        folder: Path,
        opener: Callable[[Desk], tuple[BrowserContext, Page]],
        lane: Lane | None = None,
    ) -> None:
        self.actor = actor
        self.kodok = kodok
        self.folder = folder
        self.lane = lane
        self.trace = folder.parent.parent / "traces" / f"{folder.name}.zip"
        self._opener = opener
        self._window: tuple[BrowserContext, Page] | None = None
        self._cookies: list[tuple[str, str, str]] = []  # given before the window opened
        # Whether its window records a Playwright trace (SimEnvironment.recording when opened).
        self.traced = False

    @property
    def opened(self) -> bool:
        return self._window is not None

    def _open(self) -> tuple[BrowserContext, Page]:
        if self._window is None:
            self._window = self._opener(self)
            cookies, self._cookies = self._cookies, []
            for cookie in cookies:
                self._add_cookie(*cookie)
        return self._window

    def give_cookie(self, name: str, value: str, url: str) -> None:
        """Give the desk's browser a cookie for ``url``: now when its window is open, else as
        it opens (before it loads any page)."""
        if self._window is None:
            self._cookies.append((name, value, url))
        else:
            self._add_cookie(name, value, url)

    def _add_cookie(self, name: str, value: str, url: str) -> None:
        assert self._window is not None
        self._window[0].add_cookies([{"name": name, "value": value, "url": url}])

    @property
    def context(self) -> BrowserContext:
        return self._open()[0]

    @property
    def page(self) -> Page:
        return self._open()[1]


@dataclass
class OtherLpse:
    """A second LPSE of the run: its own server, data folder and /_sim, sharing the run's ADP."""

    name: str
    server: RunningServer
    sim: SimControl

    @property
    def server_url(self) -> str:
        return self.server.url

    @property
    def spse_url(self) -> str:
        return self.server.spse_url

    def close(self) -> None:
        self.sim.close()
        self.server.stop()


class SimEnvironment:
    """Starts the embedded fake SPSE and a browser; hands out desks; keeps every artefact."""

    def __init__(
        self,
        options: RunOptions,
        *,
        browser: Browser | None = None,
        server_host: ServerHost | None = None,
        lanes: Mapping[str, Lane] | None = None,
    ) -> None:
        """``browser``: an already launched browser to reuse (tests share one per session).
        ``server_host``: a running server to load this run's fake SPSE into (a scenario worker
        keeps one); without it the run starts and stops a server of its own.
        ``lanes``: lanes started already (``spse-sim run`` starts them before it imports the
        journey), handed over to the environment, which closes them; a run with lanes launches
        a browser on its own thread only when a desk off the lanes needs one."""
        self.options = options
        self._own_browser = browser is None
        self._server_host = server_host
        self.output_dir = options.output_dir
        self.profile: Profile = load_profile(options.profile)
        self.data = TestDataFactory(options.seed)
        # Keys for arranged certificates: distinct within the run, drawn in a fixed order.
        self.keys = KeyRing()
        self.desks: list[Desk] = []
        self._server: ServerHost | None = None
        self._playwright: Playwright | None = None
        self._browser: Browser | None = browser
        self._sim: SimControl | None = None
        self.other_lpses: dict[str, OtherLpse] = {}
        # Whether desks opened from now on record what step evidence needs: a Playwright trace
        # and the page-change counter that lets a step reuse its previous screenshot. Off for a
        # scenario's first attempt under "on-first-retry" (simulator/scenarios/artifacts.py):
        # a pass then costs no recording at all, a failure is re-run recording.
        self.recording = True
        # The desks (folder names) whose windows started a Playwright trace, in opening order;
        # kept after close, for the evidence folder's index.
        self.traced_desks: list[str] = []
        # Where desks walk besides this thread, by name (``lane``), and their closing.
        self.lanes: dict[str, Lane] = dict(lanes or {})
        self._lanes_closing: dict[str, Future[None]] = {}
        # Whether close() saves each desk's Playwright trace (traces/<desk>.zip) or discards it
        # unsaved: the scenario hooks keep them for failed scenarios only, unless asked.
        self.keep_traces = True
        # Whether desks' traces record screencast frames besides DOM snapshots. Frames cost about
        # a quarter of page work; runs that keep only failures' evidence record snapshots alone
        # (a failure's step screenshots show each page), runs that keep everything record both.
        self.trace_screenshots = True
        # Called with each new desk's browser context and folder name before its first page
        # opens (trainer mode installs its caption overlay here).
        self.context_setups: list[Callable[[BrowserContext, str], None]] = []

    def __enter__(self) -> SimEnvironment:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None and issubclass(exc_type, KeyboardInterrupt):
            # Ctrl-C in a terminal stops Playwright's drivers and browsers too: closing what
            # is already gone fails, and the Ctrl-C is what the person is to see.
            with contextlib.suppress(Exception):
                self.close()
            return
        self.close()

    def start(self) -> None:
        try:
            self._start()
        except BaseException:
            # Handed-over lanes are the environment's to close, started or not.
            for lane in self.lanes.values():
                lane.close()
            raise

    def _start(self) -> None:
        self.output_dir.mkdir(parents=True, exist_ok=True)
        if self.options.base_url:
            self._sim = SimControl.unavailable(
                f"tidak ada /_sim di {self.options.base_url} (--base-url)"
            )
        else:
            settings = Settings(
                data_dir=self.output_dir / "data",
                profile=self.options.profile,
                clock_start=self.options.clock_start,
                clock_frozen=True,
                password_cost=SIMULATED_PASSWORD_COST,
            )
            if self._server_host is not None:
                self._server_host.load(settings)
                self._server = self._server_host
            elif self._browser is not None or self.lanes:
                # Chromium was given, or launches on the lanes' threads meanwhile.
                self._server = RunningServer(settings)
            else:
                # A server of its own and a browser of its own (the journey): the server starts
                # on a thread while Chromium launches here (Playwright's sync API stays on the
                # thread that started it).
                starting = ThreadPoolExecutor(1, thread_name_prefix="fake-spse-start")
                server = starting.submit(RunningServer, settings)
                starting.shutdown(wait=False)
                try:
                    self._launch_browser()
                except BaseException:
                    server.result().stop()
                    raise
                self._server = server.result()
            self._sim = SimControl(self._server.url)
        if self._browser is None and not self.lanes:
            self._launch_browser()

    def _launch_browser(self) -> None:
        self._playwright = sync_playwright().start()
        try:
            self._browser = chromium_launcher(
                headless=self.options.headless, slow_mo_ms=self.options.slow_mo_ms
            )(self._playwright)
        except BaseException:
            self._playwright.stop()
            self._playwright = None
            raise

    def _thread_browser(self) -> Browser:
        """The browser of this environment's own thread (launched now if the run has only
        lanes so far)."""
        assert self._sim is not None, "environment not started"
        if self._browser is None:
            self._launch_browser()
        assert self._browser is not None
        return self._browser

    @property
    def server_url(self) -> str:
        if self.options.base_url:
            return deployment_root(self.options.base_url)
        assert self._server is not None, "environment not started"
        return self._server.url

    @property
    def spse_url(self) -> str:
        if self.options.base_url:
            return self.options.base_url.rstrip("/")
        assert self._server is not None, "environment not started"
        return self._server.spse_url

    @property
    def sim(self) -> SimControl:
        assert self._sim is not None, "environment not started"
        return self._sim

    @property
    def arrange(self) -> Arranger:
        """Arranged Givens through the server's service layer (/_sim/arrange)."""
        return Arranger(self.sim, self.keys)

    @property
    def settings(self) -> Settings:
        """The settings of the run's own (first) LPSE."""
        if self.options.base_url:
            # Another deployment: only what the run knows of it (its address, its profile).
            return Settings(
                data_dir=self.output_dir / "data",
                profile=self.options.profile,
                lpse_name=self.spse_url,
                simulation=False,
            )
        assert self._server is not None, "environment not started"
        return self._server.settings

    def other_lpse(self, name: str) -> OtherLpse:
        """Another LPSE called ``name`` (started on first use), sharing this run's ADP.

        Its state lives in ``<output>/lpse/<name>/data``; it runs the same profile and starts
        at the same simulated time; its clock and faults are its own (``.sim``). Stopped on
        close. ADP stays in the first LPSE's data folder: one LKPP service for every LPSE.
        """
        if name in self.other_lpses:
            return self.other_lpses[name]
        if self.options.base_url:
            raise ControlPlaneUnavailable(f"LPSE lain ({name}) butuh server tertanam (--base-url)")
        if name == self.settings.lpse_name:
            raise ValueError(f"{name!r} is the run's own LPSE")
        settings = Settings(
            data_dir=self.output_dir / "lpse" / _safe(name) / "data",
            profile=self.options.profile,
            lpse_name=name,
            clock_start=self.options.clock_start,
            clock_frozen=True,
            adp_path=self.settings.adp_db_path,
            password_cost=SIMULATED_PASSWORD_COST,
        )
        server = RunningServer(settings)
        other = OtherLpse(name=name, server=server, sim=SimControl(server.url))
        self.other_lpses[name] = other
        return other

    def lane(self, name: str) -> Lane:
        """The lane called ``name`` (one handed over, or started now), closed on close: a
        thread with a Chromium of its own, where desks opened on it (``desk(..., lane=)``)
        walk at the same time as the others. A run given a browser (tests share one per
        worker) walks every lane on this thread with that browser, one after the other."""
        if name not in self.lanes:
            if self._own_browser:
                self.lanes[name] = Lane(
                    name,
                    chromium_launcher(
                        headless=self.options.headless, slow_mo_ms=self.options.slow_mo_ms
                    ),
                )
            else:
                assert self._browser is not None, "environment closed"
                self.lanes[name] = Lane.on_this_thread(name, self._browser)
        return self.lanes[name]

    def desk(
        self,
        actor: str,
        *,
        spamkodok: bool,
        passphrase: str = "rahasia-kodok",
        lane: Lane | None = None,
    ) -> Desk:
        """A new browser window for ``actor``; with ``spamkodok`` it is SpamKodok 2. On
        ``lane``: in that lane's Chromium, used on its thread."""
        assert self._sim is not None, "environment not started"
        folder = self.output_dir / "desks" / _safe(actor)
        folder.mkdir(parents=True, exist_ok=True)
        kodok = None
        if spamkodok:
            kodok = SpamKodok(
                keystore_path=folder / "spamkodok.p12",
                passphrase=passphrase,
                server_url=self.server_url,
                profile=self.profile,
                output_dir=self.output_dir / "offers",
                # The desk is simulated, its process table too: browsers on the real machine
                # (the developer's own, parallel test runs) must not change what a run shows.
                process_probe=DeskProcesses(),
                # Its person too: new keys come from the pool, as for arranged certificates.
                new_key=self.keys.next,
            )
        return Desk(actor=actor, kodok=kodok, folder=folder, opener=self._open_window, lane=lane)

    def _open_window(self, desk: Desk) -> tuple[BrowserContext, Page]:
        """The desk's browser window: a fresh context (traced), SpamKodok installed."""
        if desk.lane is not None:
            if not desk.lane.here:
                raise RuntimeError(
                    f"desk {desk.actor} lives on lane {desk.lane.name}: use it there"
                )
            browser = desk.lane.browser
        else:
            browser = self._thread_browser()
        if self.options.video_dir is None:
            context = browser.new_context(locale="id-ID", timezone_id="Asia/Jakarta")
        else:
            context = browser.new_context(
                locale="id-ID",
                timezone_id="Asia/Jakarta",
                record_video_dir=self.options.video_dir / ".rekaman",
                record_video_size=VIDEO_SIZE,
                viewport=VIDEO_SIZE,
            )
        context.set_default_timeout(self.options.timeout_ms)
        if self.recording:
            context.tracing.start(
                screenshots=self.trace_screenshots, snapshots=True, title=desk.actor
            )
            desk.traced = True
            self.traced_desks.append(desk.folder.name)
            # Lets a step's screenshot be reused when the step changed nothing on the page.
            context.add_init_script(PAGE_CHANGES_SCRIPT)
        if desk.kodok is not None:
            desk.kodok.install(context)
        for setup in self.context_setups:
            setup(context, desk.folder.name)
        page = context.new_page()
        self.desks.append(desk)
        return context, page

    def release_desks(self) -> None:
        """Start closing every lane (``release_lane``)."""
        for lane in self.lanes.values():
            self.release_lane(lane)

    def release_lane(self, lane: Lane) -> None:
        """Start closing ``lane``: it saves its desks' traces and videos, closes their windows
        and its Chromium on its own thread while the caller goes on (``close`` waits for it).
        Its desks are not to be used after."""
        if lane.name not in self._lanes_closing:
            self._lanes_closing[lane.name] = lane.close(partial(self._close_desks, lane))

    def close(self) -> None:
        """Close every desk (saving its trace and video), the lanes, the browser and the
        servers. Each lane closes its own desks and Chromium on its thread while the others
        close here; when the run has a Chromium of its own the servers stop on a thread
        meanwhile. Everything is closed even when something fails; the first error is raised
        after."""
        self.release_desks()
        errors: list[BaseException] = []
        servers: Future[None] | None = None
        if self._own_browser:
            stopping = ThreadPoolExecutor(1, thread_name_prefix="fake-spse-stop")
            servers = stopping.submit(self._close_servers)
            stopping.shutdown(wait=False)
        try:
            try:
                self._close_desks(None)
            finally:
                self._close_browser()
        except BaseException as exc:
            errors.append(exc)
        if servers is None:
            try:
                self._close_servers()
            except BaseException as exc:
                errors.append(exc)
        for closing in [*self._lanes_closing.values(), *([servers] if servers else [])]:
            wait([closing])
            if (error := closing.exception()) is not None:
                errors.append(error)
        self.lanes.clear()
        self._lanes_closing.clear()
        self.desks.clear()
        if self.options.video_dir is not None:
            shutil.rmtree(self.options.video_dir / ".rekaman", ignore_errors=True)
        if errors:
            raise errors[0]

    def _close_desks(self, lane: Lane | None) -> None:
        """Save the trace (or discard it) and video of each desk opened on ``lane`` (None: on
        this environment's thread) and close its window; called on that lane's thread."""
        for desk in [d for d in self.desks if d.lane is lane]:
            video = desk.page.video if self.options.video_dir is not None else None
            try:
                if desk.traced and self.keep_traces:
                    desk.trace.parent.mkdir(parents=True, exist_ok=True)
                    desk.context.tracing.stop(path=desk.trace)
                elif desk.traced:
                    desk.context.tracing.stop()
            finally:
                desk.context.close()
            if video is not None and self.options.video_dir is not None:
                # Complete once the context is closed; named after the desk, as handed out.
                video.save_as(self.options.video_dir / f"{desk.folder.name}.webm")
                video.delete()

    def _close_browser(self) -> None:
        if self._browser is not None and self._own_browser:
            self._browser.close()
        self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None

    def _close_servers(self) -> None:
        """Stop the other LPSEs and the run's own server, after saving what they recorded."""
        for other in self.other_lpses.values():
            other.close()
        self.other_lpses.clear()
        if self._sim is not None:
            self._save_firings(self._sim)
            self._sim.close()
            self._sim = None
        if self._server is not None:
            if self._server is self._server_host:
                self._server.unload()
            else:
                self._server.stop()
            self._server = None
            self._save_server_log()

    def _save_firings(self, sim: SimControl) -> None:
        """``faults-fired.json``: every fault that took effect during the run."""
        try:
            firings = sim.firings()
        except SimControlError as exc:
            firings = [{"error": f"firings not available: {exc}"}]
        path = self.output_dir / "faults-fired.json"
        path.write_text(json.dumps(firings, indent=2, ensure_ascii=False) + "\n")

    def _save_server_log(self) -> None:
        """``server-log.jsonl``: the request log of the run's own server."""
        source = self.output_dir / "data" / REQUEST_LOG_NAME
        if source.exists():
            shutil.copyfile(source, self.output_dir / SERVER_LOG_NAME)


def deployment_root(base_url: str) -> str:
    """``http://host:port`` of ``http://host:port/eproc4`` (where /bsre and /_sim would be)."""
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}"


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "desk"
