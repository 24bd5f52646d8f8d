"""Fixtures shared by unit and integration tests: keys and CSRs as SpamKodok 2 would make them,
a fresh browser page; and how ``pytest -n N`` shares the suite out among its workers (heaviest
work first)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from hypothesis import settings
from xdist.remote import Producer
from xdist.scheduler import LoadScopeScheduling

from spse_shared.language import LANGUAGE_ENV

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

MakeCsr = Callable[..., str]

# Examples per route for tests/fake_spse/web/test_web_every_route_fuzz.py: a few under CI (the
# suite must stay fast on 2 cores), more on a developer's machine (HYPOTHESIS_PROFILE overrides).
settings.register_profile("routes-ci", max_examples=4)
settings.register_profile("routes-dev", max_examples=12)


@pytest.fixture(scope="session")
def rsa_key() -> rsa.RSAPrivateKey:
    """One 2048-bit key for the whole run: generating keys is the slow part of a CSR."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def make_csr(rsa_key: rsa.RSAPrivateKey) -> MakeCsr:
    """``make_csr(common_name="...", key=None)``: a PEM CSR signed with ``key`` or rsa_key."""

    def make(common_name: str = "Budi Santoso", key: rsa.RSAPrivateKey | None = None) -> str:
        signer = key or rsa_key
        attributes = [x509.NameAttribute(NameOID.ORGANIZATION_NAME, "PT Maju Jaya")]
        if common_name:
            attributes.insert(0, x509.NameAttribute(NameOID.COMMON_NAME, common_name))
        csr = (
            x509.CertificateSigningRequestBuilder()
            .subject_name(x509.Name(attributes))
            .sign(signer, hashes.SHA256())
        )
        return csr.public_bytes(serialization.Encoding.PEM).decode()

    return make


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Everything the test makes speaks English, as a user's ``SPSE_SIM_LANG=en`` asks."""
    monkeypatch.setenv(LANGUAGE_ENV, "en")


@pytest.fixture
def page(sim_browser: Browser) -> Iterator[Page]:
    """A page in a browser context of its own, in the worker's one Chromium (a second
    Playwright in the same process is not allowed); closed after the test."""
    context = sim_browser.new_context()
    yield context.new_page()
    context.close()


# Sharing the suite out among xdist workers ------------------------------------------------------
# xdist's default ("--dist load") hands each worker long runs of consecutive tests, so one worker
# got nearly every e2e test and finished minutes after the other. Instead, work goes out in
# units, heaviest first, a unit at a time to whichever worker is free (longest job first keeps
# two workers within a small unit of each other at the end). A unit is a module: its
# module-scoped fixtures (a rush, a wheel, a journey walked once) are then built once, not once
# per worker. The modules below hold independent tests only, each its own unit.
# (xdist's loadgroup would say the same with marks, but pytest-xdist 3.8 marks a group by
# rewriting ``item._nodeid``, which pytest 9.2 no longer reads: tests/e2e/conftest.py.)
SPLIT_MODULES = frozenset(
    {
        "tests/e2e/test_scenario_catalog.py",
        "tests/e2e/test_arranged_world.py",
        "tests/e2e/test_scenario_run_interrupt.py",
        "tests/e2e/test_run_reports.py",
    }
)
# Modules sharing a session fixture: one unit, so the fixture is built on one worker only.
SHARED_UNITS = {
    # Both read the CA journey's run folder (journey_run, tests/e2e/conftest.py).
    "tests/e2e/test_no_passwords_in_evidence.py": "tests/e2e/test_ca_journey.py",
}
# The heaviest modules, heaviest first (CPU-seconds of a run of the whole suite on 2 cores:
# child `spse-sim` runs, journeys, Chromium); everything else follows in collection order.
HEAVY_FIRST = (
    "tests/fake_spse/web/test_web_every_route_fuzz.py",
    "tests/e2e/test_ca_journey.py",
    "tests/e2e/test_no_passwords_in_evidence.py",
    "tests/e2e/test_seleksi_journey.py",
    "tests/e2e/test_rush.py",
    "tests/e2e/test_scenario_run_interrupt.py",
    "tests/e2e/test_arranged_world.py",
    "tests/e2e/test_catalog_in_english.py",
    "tests/e2e/test_run_reports.py",
    "tests/e2e/test_replay.py",
    "tests/e2e/test_qa_base_url.py",
    "tests/e2e/test_installed_package.py",
    "tests/e2e/test_evidence_run.py",
    "tests/e2e/test_scenario_catalog.py",
    "tests/fake_spse/web/test_web_support.py",
)


def work_unit(nodeid: str) -> str:
    """The unit of work ``nodeid`` is handed to a worker in."""
    module = nodeid.split("::", 1)[0]
    if module in SPLIT_MODULES:
        return nodeid
    return SHARED_UNITS.get(module, module)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Heaviest first (every worker sorts alike: the schedule is built from their order)."""
    rank = {module: n for n, module in enumerate(HEAVY_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


class HeavyFirstScheduling(LoadScopeScheduling):
    """xdist's loadscope with our units (``work_unit``), in collection order."""

    def _split_scope(self, nodeid: str) -> str:
        return work_unit(nodeid)


# -n auto: simulator/scenarios/plugin.py (pytest_xdist_auto_num_workers), for this suite too.
@pytest.hookimpl(optionalhook=True)  # xdist's hooks: pytest -p no:xdist runs without them
def pytest_xdist_make_scheduler(config: pytest.Config, log: Producer) -> LoadScopeScheduling | None:
    """``-n N`` without another ``--dist``: HeavyFirstScheduling."""
    if config.getoption("dist") != "load":
        return None
    # loadscope would otherwise reorder the units by their number of tests.
    config.option.loadscopereorder = False
    return HeavyFirstScheduling(config, log)
