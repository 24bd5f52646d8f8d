"""ADP (Agregasi Data Penyedia): several LPSEs sharing LKPP's ADP, activation and roaming login.

The run's own LPSE is the vendors' home unless a step names another one; other LPSEs are
started with ``SimEnvironment.other_lpse`` and share the run's ADP file.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from simulator.browser.journeys.registration import register_vendor
from simulator.browser.journeys.session import log_in
from simulator.browser.pages.dashboard import DashboardPage
from simulator.browser.pages.login import LoginPage
from simulator.browser.pages.verification import VerificationPage
from simulator.harness.arrange import Arranger
from simulator.harness.simcontrol import SimControl
from simulator.scenarios.steps.common import verifikator
from simulator.scenarios.world import Actor, World
from simulator.testdata.factory import VendorData
from spse_shared.language import tr

# What the verification page shows for each account status (fake_spse AccountStatus values).
STATUS_SHOWN = {
    "Menunggu verifikasi": "menunggu_verifikasi",
    "Aktif": "aktif",
    "Ditolak": "ditolak",
}


@dataclass(frozen=True)
class LpseHandle:
    """One LPSE of the scenario: its name, SPSE address and control API."""

    name: str
    spse_url: str
    sim: SimControl


@dataclass
class AdpScene:
    """Which LPSE each vendor registered at, and each LPSE's verifikator."""

    world: World
    homes: dict[str, str] = field(default_factory=dict)
    verifikators: dict[str, Actor] = field(default_factory=dict)

    @property
    def home_name(self) -> str:
        """The run's own LPSE, home of the vendors of the shared steps."""
        return self.world.env.settings.lpse_name

    def lpse(self, name: str) -> LpseHandle:
        env = self.world.env
        if name == self.home_name:
            return LpseHandle(name, env.spse_url, env.sim)
        other = env.other_lpses.get(name)
        if other is None:
            raise AssertionError(
                f"no LPSE {name!r} in this scenario: start it with "
                f"'LPSE lain \"{name}\" memakai ADP yang sama' (the run's own is "
                f"{self.home_name!r})"
            )
        return LpseHandle(name, other.spse_url, other.sim)

    def all_lpses(self) -> list[LpseHandle]:
        return [self.lpse(self.home_name), *(self.lpse(n) for n in self.world.env.other_lpses)]

    def home_of(self, alias: str) -> LpseHandle:
        self.world.actor(alias)
        return self.lpse(self.homes.get(alias, self.home_name))

    def verifikator_at(self, lpse: LpseHandle) -> Actor:
        if lpse.name == self.home_name:
            return verifikator(self.world)
        if lpse.name not in self.verifikators:
            env = self.world.env
            staff = env.data.staff("verifikator")
            lpse.sim.add_staff(
                user_id=staff.user_id,
                role="verifikator",
                name=staff.name,
                email=staff.email,
                password=staff.password,
            )
            alias = f"verifikator {lpse.name}"
            # Not role "verifikator": the shared steps take that one for the run's own LPSE.
            actor = Actor(
                alias,
                "verifikator-lpse-lain",
                staff.user_id,
                staff.password,
                env.desk(f"verifikator-{staff.user_id}", spamkodok=False),
                staff=staff,
            )
            self.world.actors[alias] = actor
            self.verifikators[lpse.name] = actor
        return self.verifikators[lpse.name]


@pytest.fixture
def adp_scene(world: World) -> AdpScene:
    return AdpScene(world)


def vendor_of(world: World, alias: str) -> VendorData:
    vendor = world.actor(alias).vendor
    if vendor is None:
        raise AssertionError(f"{alias} is not a vendor")
    return vendor


# LPSEs and ADP --------------------------------------------------------------------------------
@given(parsers.parse('LPSE lain "{name}" memakai ADP yang sama'))
def other_lpse(adp_scene: AdpScene, name: str) -> None:
    adp_scene.world.env.other_lpse(name)


@given("layanan ADP LKPP tidak dapat dihubungi")
@when("layanan ADP LKPP tidak dapat dihubungi")
def adp_down(adp_scene: AdpScene) -> None:
    """ADP is one service: it goes down for every LPSE of the scenario started so far."""
    for lpse in adp_scene.all_lpses():
        lpse.sim.arm("adp.down")


@when("layanan ADP LKPP kembali normal")
def adp_back(adp_scene: AdpScene) -> None:
    for lpse in adp_scene.all_lpses():
        lpse.sim.disarm("adp.down")


# registration with data copied from another vendor ----------------------------------------------
def register_copy(adp_scene: AdpScene, alias: str, lpse_name: str, **copied: str) -> None:
    """Register a new vendor at ``lpse_name``: generated data with ``copied`` fields replaced."""
    world = adp_scene.world
    env = world.env
    lpse = adp_scene.lpse(lpse_name)
    vendor = replace(env.data.vendor(company=alias), **copied)
    desk = env.desk(f"penyedia-{vendor.user_id}-{lpse.name}", spamkodok=False)
    world.actors[alias] = Actor(alias, "penyedia", vendor.user_id, vendor.password, desk, vendor)
    adp_scene.homes[alias] = lpse.name
    if world.arranged:
        # Through that LPSE's own /_sim/arrange: its service layer, the shared ADP.
        Arranger(lpse.sim, env.keys).register_vendor(vendor)
    else:
        register_vendor(desk.page, lpse.spse_url, vendor)


@given(
    parsers.parse(
        'penyedia "{alias}" telah mendaftar online di "{lpse}" '
        'dengan User ID yang sama dengan "{other}"'
    )
)
def registered_same_user_id(adp_scene: AdpScene, alias: str, lpse: str, other: str) -> None:
    register_copy(adp_scene, alias, lpse, user_id=vendor_of(adp_scene.world, other).user_id)


@given(
    parsers.parse(
        'penyedia "{alias}" telah mendaftar online di "{lpse}" '
        'dengan NPWP dan alamat yang sama dengan "{other}"'
    )
)
def registered_same_npwp_address(adp_scene: AdpScene, alias: str, lpse: str, other: str) -> None:
    source = vendor_of(adp_scene.world, other)
    register_copy(
        adp_scene,
        alias,
        lpse,
        company=source.company,
        npwp=source.npwp,
        address=source.address,
        city=source.city,
    )


@given(
    parsers.parse(
        'penyedia "{alias}" telah mendaftar online di "{lpse}" '
        'dengan NPWP yang sama dengan "{other}" di alamat lain'
    )
)
def registered_branch(adp_scene: AdpScene, alias: str, lpse: str, other: str) -> None:
    source = vendor_of(adp_scene.world, other)
    register_copy(adp_scene, alias, lpse, company=source.company, npwp=source.npwp)
    branch = vendor_of(adp_scene.world, alias)
    assert branch.address != source.address, "the branch needs an address of its own"


# verification and login -----------------------------------------------------------------------
@when(parsers.parse('verifikator memverifikasi penyedia "{alias}"'))
def verifikator_verifies(adp_scene: AdpScene, alias: str) -> None:
    """At the vendor's LPSE; the page is left as SPSE answered (message and vendor list)."""
    lpse = adp_scene.home_of(alias)
    checker = adp_scene.verifikator_at(lpse)
    log_in(checker.desk.page, lpse.spse_url, checker.user_id, checker.password, non_penyedia=True)
    # Logged in, a verifikator's home page is the verification list.
    VerificationPage(checker.desk.page, lpse.spse_url).verify(adp_scene.world.actor(alias).user_id)


def vendor_logs_in(adp_scene: AdpScene, alias: str, lpse: LpseHandle, password: str) -> None:
    actor = adp_scene.world.actor(alias)
    LoginPage(actor.desk.page, lpse.spse_url).login(actor.user_id, password)


@when(parsers.parse('penyedia "{alias}" login'))
def vendor_logs_in_at_home(adp_scene: AdpScene, alias: str) -> None:
    vendor_logs_in(
        adp_scene, alias, adp_scene.home_of(alias), adp_scene.world.actor(alias).password
    )


@when(parsers.parse('penyedia "{alias}" login di "{lpse}"'))
def vendor_logs_in_at(adp_scene: AdpScene, alias: str, lpse: str) -> None:
    vendor_logs_in(adp_scene, alias, adp_scene.lpse(lpse), adp_scene.world.actor(alias).password)


@when(parsers.parse('penyedia "{alias}" login di "{lpse}" dengan password salah'))
def vendor_logs_in_wrongly(adp_scene: AdpScene, alias: str, lpse: str) -> None:
    wrong = adp_scene.world.actor(alias).password + "-salah"
    vendor_logs_in(adp_scene, alias, adp_scene.lpse(lpse), wrong)


# what is shown and what is stored ---------------------------------------------------------------
@then(parsers.parse('penyedia "{alias}" masuk ke beranda penyedia "{lpse}"'))
def vendor_on_dashboard(adp_scene: AdpScene, alias: str, lpse: str) -> None:
    world = adp_scene.world
    actor = world.actor(alias)
    handle = adp_scene.lpse(lpse)
    page = DashboardPage(actor.desk.page, handle.spse_url)
    where = actor.desk.page.url
    heading = page.heading() if where.startswith(handle.spse_url + "/dashboard") else where
    home = tr("Beranda Penyedia")
    world.expect(
        f"penyedia {alias} masuk ke beranda penyedia {lpse}",
        f"{home} ({handle.spse_url}/dashboard)",
        f"{heading} ({' | '.join(page.alert_texts()) or where})",
        heading == home,
    )


@then(parsers.parse('status penyedia "{alias}" adalah "{status}"'))
def vendor_status(adp_scene: AdpScene, alias: str, status: str) -> None:
    lpse = adp_scene.home_of(alias)
    account = lpse.sim.account(adp_scene.world.actor(alias).user_id)
    expected = STATUS_SHOWN[status]
    observed = tr("(tidak ada akun)") if account is None else str(account["status"])
    adp_scene.world.expect(
        f"status penyedia {alias} di {lpse.name}", expected, observed, observed == expected
    )


def adp_records_of(adp_scene: AdpScene, alias: str) -> list[dict[str, Any]]:
    """ADP records holding this vendor's identity (its e-mail is unique to it)."""
    email = vendor_of(adp_scene.world, alias).email.casefold()
    records = adp_scene.lpse(adp_scene.home_name).sim.adp_records()
    return [r for r in records if str(r["email"]).casefold() == email]


@then(parsers.parse('ADP mencatat penyedia "{alias}" dengan LPSE asal "{home}"'))
def adp_has(adp_scene: AdpScene, alias: str, home: str) -> None:
    vendor = vendor_of(adp_scene.world, alias)
    found = adp_records_of(adp_scene, alias)
    wanted = (vendor.user_id, vendor.npwp, home, True)
    observed = [(r["user_id"], r["npwp"], r["home_lpse"], r["has_password_hash"]) for r in found]
    adp_scene.world.expect(
        f"ADP mencatat penyedia {alias}", str([wanted]), str(observed), observed == [wanted]
    )


@then(parsers.parse('ADP tidak mencatat penyedia "{alias}"'))
def adp_lacks(adp_scene: AdpScene, alias: str) -> None:
    found = adp_records_of(adp_scene, alias)
    adp_scene.world.expect(f"ADP tidak mencatat penyedia {alias}", "[]", str(found), not found)


@then(parsers.parse('di "{lpse}" penyedia "{alias}" memiliki akun aktif dari LPSE asal "{home}"'))
def roaming_account(adp_scene: AdpScene, lpse: str, alias: str, home: str) -> None:
    handle = adp_scene.lpse(lpse)
    vendor = vendor_of(adp_scene.world, alias)
    account = handle.sim.account(vendor.user_id)
    wanted = ("aktif", home, vendor.npwp, vendor.company)
    observed = (
        None
        if account is None
        else (account["status"], account["home_lpse"], account["npwp"], account["company"])
    )
    adp_scene.world.expect(
        f"akun penyedia {alias} di {lpse}", str(wanted), str(observed), observed == wanted
    )


@then(parsers.parse('di "{lpse}" tidak ada akun penyedia "{alias}"'))
def no_account(adp_scene: AdpScene, lpse: str, alias: str) -> None:
    handle = adp_scene.lpse(lpse)
    account = handle.sim.account(adp_scene.world.actor(alias).user_id)
    adp_scene.world.expect(
        f"tidak ada akun penyedia {alias} di {lpse}",
        tr("(tidak ada akun)"),
        tr("(tidak ada akun)") if account is None else str(account),
        account is None,
    )
