"""Unit tests for finding Chromium: no real browser, no Playwright driver."""

from __future__ import annotations

import stat
from pathlib import Path
from types import SimpleNamespace

import pytest

from simulator.browser import launch as browser
from simulator.browser.launch import (
    DISABLE_FEATURES,
    ENV_VAR,
    EXTRA_DISABLED_FEATURES,
    LAUNCH_ARGS,
    BrowserChoice,
    BrowserNotFound,
    disabled_features_arg,
    features_in_bundle,
    find_chromium,
    launch_options,
)


def _fake_executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@pytest.fixture(autouse=True)
def no_headless_shell(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The machine's own headless shell (if any) stays out of these tests."""
    monkeypatch.setattr(browser, "HEADLESS_SHELL_PATHS", (str(tmp_path / "absent" / "shell"),))


@pytest.fixture
def nothing_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No Playwright browser, no system paths; returns an empty directory for PATH."""
    monkeypatch.setattr(browser, "_playwright_executable", lambda: None)
    monkeypatch.setattr(browser, "SYSTEM_PATHS", (str(tmp_path / "absent" / "chromium"),))
    empty = tmp_path / "emptybin"
    empty.mkdir()
    return empty


def test_env_var_overrides_everything(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    exe = _fake_executable(tmp_path / "my chrome" / "chrome")
    system = _fake_executable(tmp_path / "sys" / "chromium")
    monkeypatch.setattr(browser, "_playwright_executable", lambda: system)
    monkeypatch.setattr(browser, "SYSTEM_PATHS", (str(system),))

    choice = find_chromium(env={ENV_VAR: str(exe), "PATH": ""})

    assert choice == BrowserChoice(executable=exe, source="env")


def test_env_var_pointing_nowhere_is_an_error_not_a_fallback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    system = _fake_executable(tmp_path / "sys" / "chromium")
    monkeypatch.setattr(browser, "_playwright_executable", lambda: None)
    monkeypatch.setattr(browser, "SYSTEM_PATHS", (str(system),))
    missing = tmp_path / "nope" / "chrome"

    with pytest.raises(BrowserNotFound, match=ENV_VAR) as info:
        find_chromium(env={ENV_VAR: str(missing), "PATH": ""})
    assert str(missing) in str(info.value)


def test_env_var_pointing_to_non_executable_file(nothing_installed: Path, tmp_path: Path) -> None:
    plain = tmp_path / "chrome.txt"
    plain.write_text("not a browser")

    with pytest.raises(BrowserNotFound, match="bukan program yang ada"):
        find_chromium(env={ENV_VAR: str(plain), "PATH": str(nothing_installed)})


def test_playwright_browser_preferred_over_system(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundled = _fake_executable(tmp_path / "ms-playwright" / "chromium-1" / "chrome")
    system = _fake_executable(tmp_path / "sys" / "chromium")
    monkeypatch.setattr(browser, "_playwright_executable", lambda: bundled)
    monkeypatch.setattr(browser, "SYSTEM_PATHS", (str(system),))

    assert find_chromium(env={"PATH": ""}) == BrowserChoice(None, "playwright")


def test_playwright_path_known_but_not_downloaded_falls_back_to_system(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    system = _fake_executable(tmp_path / "sys" / "chromium")
    monkeypatch.setattr(
        browser, "_playwright_executable", lambda: tmp_path / "ms-playwright" / "chrome"
    )
    monkeypatch.setattr(browser, "SYSTEM_PATHS", (str(system),))

    assert find_chromium(env={"PATH": ""}) == BrowserChoice(system, "system")


def test_system_browser_found_on_path(nothing_installed: Path) -> None:
    exe = _fake_executable(nothing_installed / "google-chrome")

    choice = find_chromium(env={"PATH": str(nothing_installed)})

    assert choice == BrowserChoice(executable=exe, source="system")


def test_empty_env_var_is_ignored(nothing_installed: Path) -> None:
    exe = _fake_executable(nothing_installed / "chromium")

    choice = find_chromium(env={ENV_VAR: "", "PATH": str(nothing_installed)})

    assert choice.source == "system"
    assert choice.executable == exe


def test_nothing_found_names_both_ways_out(nothing_installed: Path) -> None:
    with pytest.raises(BrowserNotFound) as info:
        find_chromium(env={"PATH": str(nothing_installed)})

    message = str(info.value)
    assert "playwright install chromium" in message
    assert "apt-get install chromium" in message
    assert ENV_VAR in message


def test_launch_options_for_explicit_executable(tmp_path: Path) -> None:
    exe = tmp_path / "chromium"
    options = launch_options(BrowserChoice(exe, "system"), headless=False, slow_mo_ms=250)

    assert options["executable_path"] == str(exe)
    assert options["headless"] is False
    assert options["slow_mo"] == 250
    assert options["args"] == [*LAUNCH_ARGS, disabled_features_arg()]
    assert "--no-sandbox" in options["args"]
    assert "channel" not in options


def test_launch_options_for_playwright_browser_keep_the_found_binary() -> None:
    options = launch_options(BrowserChoice(None, "playwright"))

    assert "executable_path" not in options
    assert options["channel"] == "chromium"
    assert options["headless"] is True


def test_a_started_playwright_is_asked_instead_of_a_driver_of_its_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundled = _fake_executable(tmp_path / "ms-playwright" / "chromium-1" / "chrome")

    def no_probe() -> Path:
        raise AssertionError("a second Playwright driver was started")

    monkeypatch.setattr(browser, "_playwright_executable", no_probe)
    started = SimpleNamespace(chromium=SimpleNamespace(executable_path=str(bundled)))

    choice = find_chromium(env={"PATH": ""}, playwright=started)  # type: ignore[arg-type]

    assert choice == BrowserChoice(None, "playwright")


def test_a_headless_run_prefers_the_system_headless_shell(
    monkeypatch: pytest.MonkeyPatch, nothing_installed: Path, tmp_path: Path
) -> None:
    full = _fake_executable(tmp_path / "sys" / "chromium")
    shell = _fake_executable(tmp_path / "sys" / "chromium-headless-shell")
    monkeypatch.setattr(browser, "SYSTEM_PATHS", (str(full),))
    monkeypatch.setattr(browser, "HEADLESS_SHELL_PATHS", (str(shell),))

    assert find_chromium(env={"PATH": ""}) == BrowserChoice(shell, "system")
    # A trainer's visible window needs the full browser: the shell cannot show one.
    assert find_chromium(env={"PATH": ""}, headless=False) == BrowserChoice(full, "system")


def test_the_headless_shell_is_found_on_path(nothing_installed: Path) -> None:
    _fake_executable(nothing_installed / "chromium")
    shell = _fake_executable(nothing_installed / "chromium-headless-shell")

    assert find_chromium(env={"PATH": str(nothing_installed)}) == BrowserChoice(shell, "system")


def test_the_headless_shell_alone_does_not_serve_a_headed_run(nothing_installed: Path) -> None:
    _fake_executable(nothing_installed / "chromium-headless-shell")

    with pytest.raises(BrowserNotFound):
        find_chromium(env={"PATH": str(nothing_installed)}, headless=False)


def test_playwright_own_browser_still_wins_over_the_headless_shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundled = _fake_executable(tmp_path / "ms-playwright" / "chromium-1" / "chrome")
    shell = _fake_executable(tmp_path / "sys" / "chromium-headless-shell")
    monkeypatch.setattr(browser, "_playwright_executable", lambda: bundled)
    monkeypatch.setattr(browser, "HEADLESS_SHELL_PATHS", (str(shell),))

    assert find_chromium(env={"PATH": ""}) == BrowserChoice(None, "playwright")


# A driver bundle's list as Playwright writes it (comments, a trailing comma).
BUNDLE = b"""
    var disabledFeatures, enabledFeatures;
    disabledFeatures = [
      // See https://github.com/microsoft/playwright/issues/14047
      "AvoidUnnecessaryBeforeUnloadCheckSync",
      // A comment with "quotes", [brackets and commas,
      "PaintHolding",
    ].filter(Boolean);
"""


def test_the_features_playwright_turns_off_are_read_from_its_bundle() -> None:
    assert features_in_bundle(BUNDLE) == ("AvoidUnnecessaryBeforeUnloadCheckSync", "PaintHolding")


@pytest.mark.parametrize(
    "bundle",
    [
        b"enabledFeatures = ['CDPScreenshotNewSurface'];",
        b'disabledFeatures = [\n  process.env.X ? "" : "PaintHolding",\n];',
        b'disabledFeatures = [\n  "PaintHolding",\n  extraFeatures,\n];',
        b'disabledFeatures = [\n  "PaintHolding"',
    ],
    ids=["no list", "a condition", "a variable", "unterminated"],
)
def test_a_list_not_known_for_certain_is_not_read(bundle: bytes) -> None:
    assert features_in_bundle(bundle) is None


def test_ours_are_added_to_playwrights_in_one_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser, "playwright_disabled_features", lambda: ("PaintHolding",))

    options = launch_options(BrowserChoice(None, "playwright"))

    switches = [a for a in options["args"] if a.startswith(DISABLE_FEATURES)]
    assert switches == [DISABLE_FEATURES + ",".join(("PaintHolding", *EXTRA_DISABLED_FEATURES))]


def test_without_playwrights_list_no_feature_is_turned_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Chromium keeps only the last --disable-features: ours alone would undo Playwright's.
    monkeypatch.setattr(browser, "playwright_disabled_features", lambda: None)

    options = launch_options(BrowserChoice(None, "playwright"))

    assert options["args"] == list(LAUNCH_ARGS)
