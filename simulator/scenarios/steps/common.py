"""Steps every scenario builds on: people, the tender, its stages, uploads and what is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd import given, parsers, then, when

from simulator.browser.journeys.certificate import embed_issued, register_ams, review_request
from simulator.browser.journeys.offer import UploadOutcome, join_tender, upload_offer
from simulator.browser.journeys.registration import register_vendor, verify_vendor
from simulator.browser.journeys.session import log_in, log_out
from simulator.browser.journeys.tender import create_tender
from simulator.browser.pages.base import SpsePage
from simulator.browser.pages.offer import ShownReceipt
from simulator.harness.arrange import ArrangedUpload
from simulator.harness.environment import SimEnvironment
from simulator.scenarios.tags import scenario_tags
from simulator.scenarios.world import WORLD_KEY, Actor, World
from simulator.testdata.documents import write_pdf
from spse_shared.language import tr
from spse_shared.profile import DEFAULT_METHOD, UPLOAD_STAGE


@pytest.fixture
def world(sim_env: SimEnvironment, request: pytest.FixtureRequest) -> World:
    """The scenario's state; kept on the test item so the report can show its checks.

    Givens are arranged through the server's service layer (/_sim/arrange) unless the scenario
    (or its feature) is tagged ``@jalan-ui``, or the run drives another deployment (no /_sim
    there): then every Given walks through the pages. See ``arranged`` below.
    """
    arranged = not sim_env.options.base_url and WALK_TAG not in scenario_tags(request.node)
    state = World(env=sim_env, catalog=sim_env.profile.catalog(), arranged=arranged)
    request.node.stash[WORLD_KEY] = state
    return state


# How a Given reaches its state ------------------------------------------------------------------
# A Given that is not the subject of its scenario is *arranged*: the same service calls the pages
# make, through /_sim/arrange, with the same test data in the same order, so the world is the one
# walking would leave (tests/e2e/test_arranged_world.py compares both). What a scenario is about
# stays in the browser: its When steps always walk (the log-in a step needs first is arranged
# unless logging in is what it is about, see ``logged_in``), and a scenario whose Givens are its
# subject (registration and verification in features/adp.feature, say) carries ``@jalan-ui``.
# The CA journey (spse-sim run, simulator/journey/) walks everything.
WALK_TAG = "jalan-ui"


def logged_in(world: World, actor: Actor) -> tuple[str, str]:
    """The actor's log-in (user id, password), for a journey that logs in when SPSE asks.

    A step that is not about logging in does not walk the login page in an arranged world:
    the desk gets a session first (SPSE checks the password, through /_sim/arrange), so SPSE
    never asks. The scenarios about logging in walk it (features/adp.feature, say), as does
    every walked world and the CA journey.
    """
    env = world.env
    if world.arranged:
        env.arrange.log_in(actor.desk, env.server_url, actor.user_id, actor.password)
    return actor.user_id, actor.password


# people ---------------------------------------------------------------------------------------
def add_staff(world: World, alias: str, role: str, *, spamkodok: bool) -> Actor:
    env = world.env
    staff = env.data.staff(role)
    env.sim.add_staff(
        user_id=staff.user_id,
        role=role,
        name=staff.name,
        email=staff.email,
        password=staff.password,
    )
    actor = Actor(
        alias,
        role,
        staff.user_id,
        staff.password,
        env.desk(f"{role}-{staff.user_id}", spamkodok=spamkodok),
        staff=staff,
    )
    world.actors[alias] = actor
    return actor


def verifikator(world: World) -> Actor:
    found = [a for a in world.actors.values() if a.role == "verifikator"]
    return found[0] if found else add_staff(world, "verifikator", "verifikator", spamkodok=False)


def letter_for(actor: Actor) -> Path:
    """The recommendation letter: a vendor's copy of TDP/SIUP/SIUJK, a pokja's letter."""
    return write_pdf(
        actor.desk.folder / "Surat Rekomendasi.pdf",
        "Surat Rekomendasi Penyedia",
        [actor.display_name],
    )


def statement_for(actor: Actor) -> Path:
    """The director's statement with the company's letterhead and stamp (a vendor's second
    recommendation document)."""
    director = actor.vendor.director if actor.vendor else actor.display_name
    return write_pdf(
        actor.desk.folder / "Surat Keterangan Direktur.pdf",
        "Surat Keterangan Direktur",
        [actor.display_name, f"Direktur: {director}", "Kop surat dan cap perusahaan"],
    )


def register(world: World, actor: Actor) -> None:
    """The vendor's online registration: arranged, or walked on its own desk."""
    assert actor.vendor is not None
    if world.arranged:
        world.env.arrange.register_vendor(actor.vendor)
        return
    if world.env.options.base_url:
        # The link comes by e-mail, and the vendor's mailbox of the simulated world is part of
        # /_sim: on another deployment this raises ControlPlaneUnavailable (not applicable).
        world.env.sim.webmail(actor.vendor.email)
    register_vendor(actor.desk.page, world.env.spse_url, actor.vendor)


def verify(world: World, actor: Actor) -> None:
    """The LPSE's verifikator (added on first need) verifies the vendor."""
    checker = verifikator(world)
    assert checker.staff is not None
    if world.arranged:
        world.env.arrange.verify_vendor(checker.user_id, actor.user_id)
    else:
        verify_vendor(checker.desk.page, world.env.spse_url, checker.staff, actor.user_id)


def embed_certificate(world: World, actor: Actor) -> None:
    """AMS registration from the actor's SpamKodok, the certificate embedded; logged out. A
    vendor's request goes through the LPSE's verifikator (the director's visit with the
    originals, approval) before BSrE issues it."""
    env = world.env
    letter = letter_for(actor)
    vendor = actor.role == "penyedia"
    statement = statement_for(actor) if vendor else None
    checker = verifikator(world) if vendor else None
    if not world.arranged:
        register_ams(
            actor.desk.page,
            env.spse_url,
            actor.user_id,
            actor.password,
            letter,
            statement=statement,
            non_penyedia=not vendor,
        )
        if checker is not None and checker.staff is not None and actor.vendor is not None:
            review_request(
                checker.desk.page,
                env.spse_url,
                checker.staff,
                actor.user_id,
                attendee=actor.vendor.director,
            )
            embed_issued(actor.desk.page, env.spse_url)
        log_out(actor.desk.page, env.spse_url)
        return
    kodok = actor.desk.kodok
    assert kodok is not None, f"{actor.alias} has no SpamKodok"
    env.arrange.embed_certificate(
        user_id=actor.user_id,
        keystore_path=kodok.keystore_path,
        passphrase=kodok.passphrase,
        # What the AMS page hands SpamKodok for the CSR (fake_spse/web/templates/ams.html).
        common_name=actor.vendor.director if actor.vendor else actor.display_name,
        organization=actor.vendor.company if actor.vendor else None,
        email=actor.vendor.email if actor.vendor else actor.staff.email if actor.staff else None,
        letter=letter,
        statement=statement,
        verifier_id=checker.user_id if checker else None,
    )


def announce_tender(world: World, pokja: Actor, method: str = DEFAULT_METHOD) -> str:
    """The pokja creates and announces the next test tender, of a jenis pengadaan ``method``
    runs; its id. Logged out after."""
    env = world.env
    assert pokja.staff is not None
    # The catalog's tenders walk Tender - Pascakualifikasi Satu File (upload, then opening)
    # unless a scenario asks for another method.
    tender = env.data.tender(jenis=env.profile.method(method).jenis_pengadaan)
    if world.arranged:
        return env.arrange.create_tender(pokja.user_id, tender)
    tender_id = create_tender(pokja.desk.page, env.spse_url, pokja.staff, tender)
    log_out(pokja.desk.page, env.spse_url)
    return tender_id


def join(world: World, actor: Actor, tender_id: str) -> None:
    """The vendor logs in and joins the tender; it stays logged in on its desk."""
    env = world.env
    if world.arranged:
        env.arrange.join_tender(actor.user_id, tender_id)
        logged_in(world, actor)
        return
    log_in(actor.desk.page, env.spse_url, actor.user_id, actor.password)
    join_tender(actor.desk.page, env.spse_url, tender_id)


@given(parsers.parse('penyedia "{alias}" telah mendaftar online'))
def vendor_registered(world: World, alias: str) -> Actor:
    env = world.env
    vendor = env.data.vendor(company=alias)
    desk = env.desk(f"penyedia-{vendor.user_id}", spamkodok=True)
    actor = Actor(alias, "penyedia", vendor.user_id, vendor.password, desk, vendor=vendor)
    world.actors[alias] = actor
    register(world, actor)
    return actor


@given(parsers.parse('penyedia "{alias}" telah terdaftar dan diverifikasi'))
def vendor_verified(world: World, alias: str) -> None:
    verify(world, vendor_registered(world, alias))


@given(parsers.parse('penyedia "{alias}" memiliki sertifikat tertanam di SpamKodok'))
def vendor_has_certificate(world: World, alias: str) -> None:
    embed_certificate(world, world.actor(alias))


@given(parsers.parse('pokja "{alias}" dengan sertifikat tertanam telah mengumumkan paket tender'))
def tender_announced(world: World, alias: str) -> None:
    pokja = add_staff(world, alias, "pokja", spamkodok=True)
    if world.profile.protection == "ca":
        embed_certificate(world, pokja)
    world.tender_id = announce_tender(world, pokja)


@given(parsers.parse('penyedia "{alias}" telah mengikuti tender'))
def vendor_joined(world: World, alias: str) -> None:
    join(world, world.actor(alias), world.require_tender())


@given(parsers.parse('penyedia "{alias}" siap mengunggah penawaran'))
def vendor_ready(world: World, alias: str) -> None:
    """Verified, certificate embedded (CA profiles), joined, and the upload stage is open."""
    vendor_verified(world, alias)
    if world.profile.protection == "ca":
        vendor_has_certificate(world, alias)
    vendor_joined(world, alias)
    stage_running(world, UPLOAD_STAGE)


# time -----------------------------------------------------------------------------------------
@given(parsers.parse('tahap "{stage}" sedang berlangsung'))
@when(parsers.parse('waktu berjalan sampai tahap "{stage}"'))
def stage_running(world: World, stage: str) -> None:
    world.env.sim.to_stage(world.require_tender(), stage, plus_seconds=3600)


@when(parsers.parse('waktu melewati batas akhir tahap "{stage}"'))
def stage_passed(world: World, stage: str) -> None:
    world.env.sim.to_stage(world.require_tender(), stage, edge="end", plus_seconds=60)


# uploads --------------------------------------------------------------------------------------
def desk_files(actor: Actor, names: list[str], folder: Path | None = None) -> list[Path]:
    """Create the documents on the actor's desk (as PDFs) and return their paths."""
    base = folder or actor.desk.folder / "dokumen"
    paths = []
    for number, name in enumerate(names, start=1):
        # Same names may be picked from different folders (duplicate-name scenarios).
        target = base / (f"map{number}" if names.count(name) > 1 else "") / name
        paths.append(write_pdf(target, Path(name).stem, [actor.display_name]))
    return paths


@when(parsers.parse('penyedia "{alias}" mengunggah penawaran berisi file berikut:'))
def upload_files_table(world: World, alias: str, datatable: list[list[str]]) -> None:
    names = [row[0] for row in datatable[1:]]
    upload_named(world, alias, names)


@when(parsers.parse('penyedia "{alias}" mengunggah penawaran berisi file "{name}"'))
def upload_one_file(world: World, alias: str, name: str) -> None:
    upload_named(world, alias, [name])


def upload_named(world: World, alias: str, names: list[str], folder: Path | None = None) -> None:
    actor = world.actor(alias)
    assert actor.desk.kodok is not None, f"{alias} has no SpamKodok"
    paths = desk_files(actor, names, folder)
    world.uploads[alias] = upload_offer(
        actor.desk.page, world.env.spse_url, actor.desk.kodok, world.require_tender(), paths
    )


def upload_given(world: World, alias: str, names: list[str]) -> None:
    """An upload that is a Given, not the scenario's subject: arranged, or walked (see
    ``world``). Arranged, the vendor's SpamKodok seals the documents with what SPSE hands the
    upload page (the tender's pokja certificates, SPSE's time) and the sealed offer is received
    by the service SPSE's upload endpoint calls; the outcome is what the page would show."""
    if not world.arranged:
        upload_named(world, alias, names)
        return
    actor = world.actor(alias)
    paths = desk_files(actor, names)
    done = world.env.arrange.upload_offer(actor.kodok, actor.user_id, world.require_tender(), paths)
    world.uploads[alias] = shown_outcome(world, done, paths)


def shown_outcome(world: World, done: ArrangedUpload, paths: list[Path]) -> UploadOutcome:
    """What the upload page shows for an arranged upload (fake_spse/web/static/spamkodok-ui.js)."""
    if done.answer is None:
        problems = done.sealed.get("problems", [])
        messages = [world.catalog.text(p["key"], **p.get("params", {})) for p in problems]
        return UploadOutcome(messages, None, {})
    checks = {p.name: "OK" for p in paths}
    answer, sealed = done.answer, done.sealed
    if answer["size"] != sealed["size"] or answer["sha256"] != sealed["sha256"]:
        return UploadOutcome([world.catalog.text("penawaran.ukuran_tidak_sesuai")], None, checks)
    receipt = ShownReceipt(
        received_at=str(answer["received_at_wib"]),
        size=tr("{size} byte", size=answer["size"]),
        sha256=str(answer["sha256"]),
    )
    return UploadOutcome([str(answer["message"])], receipt, checks)


@then(parsers.parse('SpamKodok menolak file dengan pesan "{key}"'))
def file_refused(world: World, key: str) -> None:
    upload = world.uploads[next(reversed(world.uploads))]
    shown = [*upload.messages, *upload.file_checks.values()]
    world.expect_message(f"SpamKodok menolak file ({key})", key, shown)


@then(parsers.parse('halaman menampilkan pesan "{key}"'))
def page_shows(world: World, key: str) -> None:
    # Only windows that are open: a desk never opened (an actor arranged, not walked) shows
    # nothing, and opening it just to look would cost a browser context.
    pages = [
        SpsePage(a.desk.page, world.env.spse_url) for a in world.actors.values() if a.desk.opened
    ]
    shown = [t for p in pages for t in (*p.alert_texts(), *p.status_texts())]
    world.expect_message(f"halaman menampilkan pesan ({key})", key, shown)


@then(parsers.parse('penawaran penyedia "{alias}" diterima dengan tanda terima'))
def offer_accepted(world: World, alias: str) -> None:
    upload = world.uploads[alias]
    world.expect_message("penawaran diterima", "penawaran.berhasil", upload.messages)
    # A dua file offer has a current offer per part: the receipt is one of them.
    stored = [str(o["sha256"]) for o in current_offers(world, alias)]
    receipt = upload.receipt
    same = [s for s in stored if receipt and s == receipt.sha256]
    world.expect(
        "tanda terima sama dengan yang tersimpan",
        receipt.sha256 if receipt else tr("(tanpa tanda terima)"),
        (same or stored or [tr("(tidak tersimpan)")])[0],
        bool(same),
    )


@then(parsers.parse('tidak ada penawaran penyedia "{alias}" yang tersimpan'))
def nothing_stored(world: World, alias: str) -> None:
    stored = stored_offers(world, alias)
    world.expect(
        "tidak ada penawaran tersimpan",
        tr("{count} penawaran", count=0),
        tr("{count} penawaran", count=len(stored)),
        not stored,
    )


def stored_offers(world: World, alias: str) -> list[dict[str, object]]:
    actor = world.actor(alias)
    return [
        o for o in world.env.sim.offers(world.require_tender()) if o["vendor_id"] == actor.user_id
    ]


def current_offers(world: World, alias: str) -> list[dict[str, object]]:
    return [o for o in stored_offers(world, alias) if o["current"]]
