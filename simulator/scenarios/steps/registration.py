"""Steps of registration as SPSE 4 runs it (e-mail first, the mailed link, the form), of Lupa
Password and of the login page's Penyedia / Non Penyedia choice."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from simulator.browser.journeys.registration import (
    REGISTRATION_MAIL,
    RESET_MAIL,
    open_mailed_link,
    request_registration_link,
    reset_password,
)
from simulator.browser.journeys.session import log_out
from simulator.browser.pages.base import SpsePage
from simulator.browser.pages.login import LoginPage
from simulator.browser.pages.registration import RegistrationPage
from simulator.scenarios.world import Actor, World
from spse_shared.language import tr

SUBJECTS = {"konfirmasi pendaftaran": REGISTRATION_MAIL, "reset password": RESET_MAIL}


def new_vendor(world: World, alias: str) -> Actor:
    """A company that has no account yet, at its own desk (SpamKodok 2)."""
    env = world.env
    vendor = env.data.vendor()
    desk = env.desk(f"penyedia-{vendor.user_id}", spamkodok=True)
    actor = Actor(alias, "penyedia", vendor.user_id, vendor.password, desk, vendor=vendor)
    world.actors[alias] = actor
    return actor


def email_of(actor: Actor) -> str:
    assert actor.vendor is not None, f"{actor.alias} is not a vendor"
    return actor.vendor.email


@when(parsers.parse('calon penyedia "{alias}" mendaftar dengan alamat emailnya'))
def registers_with_email(world: World, alias: str) -> None:
    actor = world.actors.get(alias) or new_vendor(world, alias)
    RegistrationPage(actor.desk.page, world.env.spse_url).request_link(email_of(actor))


@when(parsers.parse('calon penyedia "{alias}" telah mendaftar dengan alamat emailnya'))
def registered_with_email(world: World, alias: str) -> None:
    actor = new_vendor(world, alias)
    request_registration_link(actor.desk.page, world.env.spse_url, email_of(actor))


@then(parsers.parse('kotak masuk "{alias}" menerima email "{subject}" berisi tautan'))
def mail_received(world: World, alias: str, subject: str) -> None:
    wanted = SUBJECTS[subject.lower()]
    mails = world.env.sim.webmail(email_of(world.actor(alias)))
    newest = mails[0] if mails else None
    observed = f"{newest['subject']}" if newest else tr("(kotak masuk kosong)")
    has_link = newest is not None and "token=" in str(newest["body"])
    world.expect(
        f"email {subject} di kotak masuk {alias}",
        tr("... {subject} (dengan tautan)", subject=wanted),
        observed,
        newest is not None and wanted in str(newest["subject"]) and has_link,
    )


@when(parsers.parse('penyedia "{alias}" membuka tautan "{subject}" dari emailnya'))
def opens_link(world: World, alias: str, subject: str) -> None:
    actor = world.actor(alias)
    open_mailed_link(
        actor.desk.page, world.env.spse_url, email_of(actor), SUBJECTS[subject.lower()]
    )


@when(parsers.parse('penyedia "{alias}" melengkapi formulir pendaftaran'))
def fills_form(world: World, alias: str) -> None:
    actor = world.actor(alias)
    assert actor.vendor is not None
    RegistrationPage(actor.desk.page, world.env.spse_url).fill_form(actor.vendor)


@when(parsers.parse("waktu berjalan {hours:d} jam"))
def hours_pass(world: World, hours: int) -> None:
    world.env.sim.advance(hours * 3600)


@then(parsers.parse('SPSE mencatat akun penyedia "{alias}" dengan status "Menunggu verifikasi"'))
def account_waiting(world: World, alias: str) -> None:
    actor = world.actor(alias)
    account = world.env.sim.account(actor.user_id)
    observed = tr("(tidak ada akun)") if account is None else str(account["status"])
    world.expect(
        f"akun {alias}", "menunggu_verifikasi", observed, observed == "menunggu_verifikasi"
    )


@then(parsers.parse('SPSE tidak mencatat akun penyedia "{alias}"'))
def no_account(world: World, alias: str) -> None:
    account = world.env.sim.account(world.actor(alias).user_id)
    observed = tr("(tidak ada akun)") if account is None else str(account["status"])
    world.expect(f"akun {alias}", tr("(tidak ada akun)"), observed, account is None)


@when(parsers.parse('penyedia "{alias}" memakai Lupa Password dan membuat password baru'))
def forgot_password(world: World, alias: str) -> None:
    actor = world.actor(alias)
    # An arranged world left the vendor logged in: Lupa Password is done logged out.
    page = SpsePage(actor.desk.page, world.env.spse_url)
    page.goto("/dashboard")
    if "/login" not in actor.desk.page.url:
        log_out(actor.desk.page, world.env.spse_url)
    actor.password = actor.password + "-baru"
    reset_password(actor.desk.page, world.env.spse_url, email_of(actor), actor.password)


@when(parsers.parse('penyedia "{alias}" login dengan password baru'))
def logs_in_with_new(world: World, alias: str) -> None:
    actor = world.actor(alias)
    LoginPage(actor.desk.page, world.env.spse_url).login(actor.user_id, actor.password)


@when(parsers.parse('penyedia "{alias}" login dengan password lama'))
def logs_in_with_old(world: World, alias: str) -> None:
    actor = world.actor(alias)
    old = actor.password.removesuffix("-baru")
    LoginPage(actor.desk.page, world.env.spse_url).login(actor.user_id, old)


@when(parsers.parse('penyedia "{alias}" login dengan memilih "Non Penyedia"'))
def logs_in_as_staff(world: World, alias: str) -> None:
    actor = world.actor(alias)
    LoginPage(actor.desk.page, world.env.spse_url).login(
        actor.user_id, actor.password, non_penyedia=True
    )


@then(parsers.parse('penyedia "{alias}" berada di beranda SPSE'))
def at_dashboard(world: World, alias: str) -> None:
    url = world.actor(alias).desk.page.url
    world.expect(f"{alias} setelah login", ".../dashboard", url, url.endswith("/dashboard"))
