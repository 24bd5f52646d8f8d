"""Find a Chromium to drive, and the options to launch it with Playwright.

Order of preference: the ``SPSE_SIM_CHROMIUM`` environment variable, Playwright's own
downloaded Chromium (what ``playwright install chromium`` gives a developer), then a system
Chromium or Chrome (what a machine without Playwright's download, like Debian with
``apt-get install chromium``, has). Among system browsers a headless run takes Chromium's
headless shell when it is installed (Debian: ``apt-get install chromium-headless-shell``), as
Playwright itself does with its own download.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import shutil
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from spse_shared.language import tr

if TYPE_CHECKING:
    from playwright.sync_api import Playwright

ENV_VAR = "SPSE_SIM_CHROMIUM"

# Fixed locations first so a deliberately installed system browser wins over whatever
# happens to come first on PATH; the PATH lookup then covers other distributions.
SYSTEM_PATHS: tuple[str, ...] = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
)
SYSTEM_NAMES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome")
# Chromium's old headless mode as a binary of its own: it has no browser UI behind its pages,
# so a page costs about half the CPU of the full browser's headless mode, and a new browser
# context a quarter (benchmarks/README.md). Headless runs look for it first; it cannot show
# a window, so headed runs (trainers) never take it.
HEADLESS_SHELL_PATHS: tuple[str, ...] = ("/usr/bin/chromium-headless-shell",)
HEADLESS_SHELL_NAMES: tuple[str, ...] = ("chromium-headless-shell",)

# --no-sandbox: Chromium refuses to start as root with its sandbox on, and CI runs as root.
# The rest keep Chromium from phoning home (updates, sync, field trials, QUIC), which on a
# closed network only produces timeouts and log noise.
LAUNCH_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)

# Chromium features turned off on top of Playwright's own list. RenderDocument gives every page
# load a new frame host in the renderer (on by default in the Chromium 156 this runs on): a page
# load and the first look at it cost about a quarter more CPU with it, the catalog about 6 %
# (benchmarks/README.md), and SPSE's pages, plain form posts and links, gain nothing from it.
EXTRA_DISABLED_FEATURES: tuple[str, ...] = ("RenderDocument",)
DISABLE_FEATURES = "--disable-features="
# Where Playwright's driver (a Node.js bundle inside the playwright package) lists the Chromium
# features it launches with turned off, as a JavaScript array of string literals.
_PLAYWRIGHT_BUNDLE = ("driver", "package", "lib", "coreBundle.js")
_PLAYWRIGHT_LIST_START = b"disabledFeatures = ["
_JS_COMMENT = re.compile(r"//[^\n]*")
_JS_NAME = r'"([A-Za-z0-9_]+)"'
_JS_NAMES = re.compile(rf"\s*(?:{_JS_NAME}\s*,\s*)*(?:{_JS_NAME}\s*)?")

# Starting Playwright's driver takes well under a second; the bound only protects against a
# wedged Node.js process hanging the caller forever.
_PROBE_TIMEOUT_S = 60.0


class BrowserNotFound(RuntimeError):
    """No usable Chromium: neither configured, downloaded by Playwright, nor installed."""


@dataclass(frozen=True)
class BrowserChoice:
    """The browser to launch; ``executable`` None means Playwright's own Chromium."""

    executable: Path | None
    source: Literal["env", "playwright", "system"]


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _playwright_executable() -> Path | None:
    # Where Playwright's own Chromium would be, whether or not it is installed. Asking the
    # driver rather than rebuilding its cache layout (per-OS folders, revisions,
    # PLAYWRIGHT_BROWSERS_PATH) keeps this right across Playwright upgrades.
    found: list[Path] = []

    def probe() -> None:
        try:
            # Imported here so that merely importing this module never touches Playwright:
            # `spse-sim` imports it at start-up (BrowserNotFound), and the driver is needed
            # only when no browser was named.
            from playwright.sync_api import sync_playwright

            with sync_playwright() as pw:
                found.append(Path(pw.chromium.executable_path))
        except Exception:
            # A broken driver means Playwright's browser is unusable: fall through to the
            # system browser rather than fail the whole lookup.
            return

    # A separate thread because the sync API refuses to start inside a running asyncio
    # loop, and callers may well be async.
    worker = threading.Thread(target=probe, name="playwright-probe", daemon=True)
    worker.start()
    worker.join(_PROBE_TIMEOUT_S)
    return found[0] if found else None


def _system_executable(env: Mapping[str, str], *, headless: bool) -> Path | None:
    if headless:
        shell = _first_executable(HEADLESS_SHELL_PATHS, HEADLESS_SHELL_NAMES, env)
        if shell is not None:
            return shell
    return _first_executable(SYSTEM_PATHS, SYSTEM_NAMES, env)


def _first_executable(
    paths: tuple[str, ...], names: tuple[str, ...], env: Mapping[str, str]
) -> Path | None:
    for candidate in paths:
        path = Path(candidate)
        if _is_executable(path):
            return path
    search_path = env.get("PATH", os.defpath)
    for name in names:
        hit = shutil.which(name, path=search_path)
        if hit is not None:
            return Path(hit)
    return None


def _not_found_message() -> str:
    return tr(
        "Chromium tidak ditemukan. Unduh Chromium milik Playwright dengan `playwright install "
        "chromium` (di proyek ini: `.venv/bin/playwright install chromium`), pasang Chromium "
        "sistem (misalnya `apt-get install chromium` di Debian), atau isi {var} dengan jalur "
        "program Chromium/Chrome.",
        var=ENV_VAR,
    )


def find_chromium(
    *,
    env: Mapping[str, str] | None = None,
    playwright: Playwright | None = None,
    headless: bool = True,
) -> BrowserChoice:
    """Pick the Chromium to drive: ``SPSE_SIM_CHROMIUM``, then Playwright's, then the system's.

    ``env`` replaces ``os.environ`` for ``SPSE_SIM_CHROMIUM`` and ``PATH``. Playwright's own
    lookup always follows the real process environment (``PLAYWRIGHT_BROWSERS_PATH``), since
    that is also what its launch will use.

    Raises BrowserNotFound if ``SPSE_SIM_CHROMIUM`` is set but not an executable file, or if
    no browser is found at all.

    ``playwright``: a started Playwright to ask where its Chromium is, instead of starting a
    driver of its own just for that question (a Node.js process, most of a second).

    ``headless``: the run shows no window, so a system Chromium's headless shell will do.
    """
    environ: Mapping[str, str] = os.environ if env is None else env

    configured = environ.get(ENV_VAR, "")
    if configured:
        path = Path(configured).expanduser()
        if not _is_executable(path):
            # An explicit setting that is wrong must not be papered over by a fallback:
            # the user would then test with a browser they did not ask for.
            raise BrowserNotFound(
                tr(
                    "{var} menunjuk ke {path!r}, yang bukan program yang ada; perbaiki atau "
                    "kosongkan.",
                    var=ENV_VAR,
                    path=configured,
                )
                + " "
                + _not_found_message()
            )
        return BrowserChoice(executable=path, source="env")

    bundled = (
        Path(playwright.chromium.executable_path)
        if playwright is not None
        else _playwright_executable()
    )
    if bundled is not None and _is_executable(bundled):
        return BrowserChoice(executable=None, source="playwright")

    system = _system_executable(environ, headless=headless)
    if system is not None:
        return BrowserChoice(executable=system, source="system")

    raise BrowserNotFound(_not_found_message())


@functools.cache
def playwright_disabled_features() -> tuple[str, ...] | None:
    """The Chromium features Playwright's driver launches with turned off, read from the
    driver's bundle; None when they cannot be read for certain (no bundle, another shape)."""
    spec = importlib.util.find_spec("playwright")
    if spec is None or not spec.submodule_search_locations:
        return None
    bundle = Path(next(iter(spec.submodule_search_locations))).joinpath(*_PLAYWRIGHT_BUNDLE)
    try:
        source = bundle.read_bytes()
    except OSError:
        return None
    return features_in_bundle(source)


def features_in_bundle(source: bytes) -> tuple[str, ...] | None:
    """The names in the driver bundle ``source``'s list of disabled features; None without one
    or when an entry is not a plain name."""
    # Found as bytes: decoding or searching the whole bundle (megabytes) costs milliseconds.
    start = source.find(_PLAYWRIGHT_LIST_START)
    end = source.find(b"]", start)
    if start < 0 or end < 0:
        return None
    listed = source[start + len(_PLAYWRIGHT_LIST_START) : end].decode("utf-8", "replace")
    body = _JS_COMMENT.sub("", listed)
    # Only a plain list of names is taken: an entry computed at launch (a condition, a
    # variable) could not be known from here.
    if not _JS_NAMES.fullmatch(body):
        return None
    return tuple(re.findall(_JS_NAME, body))


def disabled_features_arg() -> str | None:
    """One ``--disable-features`` with Playwright's features and EXTRA_DISABLED_FEATURES, or
    None when Playwright's cannot be read: Chromium keeps only the last --disable-features it
    is given, so a list of ours alone would turn Playwright's back on."""
    playwright_features = playwright_disabled_features()
    if playwright_features is None:
        return None
    features = dict.fromkeys([*playwright_features, *EXTRA_DISABLED_FEATURES])
    return DISABLE_FEATURES + ",".join(features)


def launch_options(
    choice: BrowserChoice, *, headless: bool = True, slow_mo_ms: float = 0
) -> dict[str, Any]:
    """Keyword arguments for Playwright's ``chromium.launch()`` for this choice."""
    features = disabled_features_arg()
    options: dict[str, Any] = {
        "headless": headless,
        "args": [*LAUNCH_ARGS, *([features] if features else [])],
        "slow_mo": slow_mo_ms,
        # Ctrl-C in a terminal reaches the whole process group, Playwright's driver too, which
        # by default then closes its browsers at once: steps in flight would fail with "target
        # closed" before spse-sim has heard the Ctrl-C. Left to spse-sim, the run stops as on
        # any Ctrl-C (the step in flight ends, traces are saved). The browsers themselves run
        # in a process group of their own and never hear it.
        "handle_sigint": False,
    }
    if choice.executable is not None:
        options["executable_path"] = str(choice.executable)
    elif choice.source == "playwright":
        # Headless, Playwright would otherwise switch to its separate headless-shell
        # download, which find_chromium did not check for; the "chromium" channel keeps it
        # on the very binary that was found.
        options["channel"] = "chromium"
    return options
