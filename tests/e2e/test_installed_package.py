"""The package as a user installs it (a built wheel, not this checkout): `spse-sim list` and one
scenario run from an unrelated folder, with the catalog and templates shipped inside it.

No network: the wheel is built with the setuptools of this environment (no build isolation)
and installed without dependencies into a folder of its own, which the child processes put
first on their path (``-P`` keeps the current folder off it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.scenarios.catalog import PACKAGED_CATALOG, load_catalog
from simulator.scenarios.tags import ID_PATTERN

pytestmark = pytest.mark.e2e

CHECKOUT = Path(__file__).resolve().parents[2]
# What the wheel is built from: the project file, its readme and the three packages.
SOURCES = ("pyproject.toml", "README.md", "fake_spse", "simulator", "spse_shared")
# `spse-sim ARGS...` from the installed copy; first says which `simulator` it imported.
SPSE_SIM = (
    "import sys, simulator; print('simulator from', simulator.__file__, flush=True); "
    "from simulator.cli.main import main; sys.exit(main(sys.argv[1:]))"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the installed package, built from a copy of this checkout's sources."""
    root = tmp_path_factory.mktemp("installed")
    source = root / "source"
    source.mkdir()
    for name in SOURCES:
        path = CHECKOUT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, source / name)
    wheels = root / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(source)],
        check=True,
        cwd=root,
        timeout=300,
    )
    [wheel] = wheels.glob("spse_ca_sim-*.whl")
    target = root / "site"
    subprocess.run(
        [*pip, "install", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        cwd=root,
        timeout=300,
    )
    return target


def spse_sim(site: Path, cwd: Path, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SPSE_SIM_CATALOG"}
    env["PYTHONPATH"] = str(site)
    return subprocess.run(
        [sys.executable, "-P", "-c", SPSE_SIM, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def imported_from(output: str) -> Path:
    line = next(x for x in output.splitlines() if x.startswith("simulator from "))
    return Path(line.removeprefix("simulator from ")).resolve()


def test_list_shows_the_packaged_catalog_from_any_folder(site: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    result = spse_sim(site, elsewhere, "list", timeout=120)

    assert result.returncode == 0, result.stderr
    assert imported_from(result.stdout).is_relative_to(site.resolve())
    assert (site / "simulator" / "scenarios" / "features").is_dir()
    first_words = (line.split()[0] for line in result.stdout.splitlines() if line.strip())
    listed = {word for word in first_words if ID_PATTERN.match(word)}
    expected = {entry.scenario_id for entry in load_catalog(PACKAGED_CATALOG)}
    assert expected, "the checkout's catalog is empty"
    assert listed == expected


# One of the catalog's cheapest scenarios (a page, a mail, no Givens): what is under test here is
# the installed package, not the scenario, which the catalog test runs as well.
SCENARIO = "KODOK-140"


def test_one_scenario_runs_from_the_installed_package(site: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    output = tmp_path / "run"

    result = spse_sim(site, elsewhere, "run", SCENARIO, "--output", str(output), timeout=600)

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert imported_from(result.stdout).is_relative_to(site.resolve())
    [outcome] = json.loads((output / "outcomes.json").read_text(encoding="utf-8"))
    assert (outcome["scenario_id"], outcome["status"]) == (SCENARIO, "passed")
    assert outcome["checks"], "the scenario recorded no expected-vs-observed check"
    assert SCENARIO in result.stdout
