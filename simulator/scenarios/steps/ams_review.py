"""Steps for the LPSE's review of certificate requests (KODOK-160..169): the verifikator's
queue, the vendor's visit with the originals, approval (BSrE issues) or rejection with a
reason, the embedding, the berita acara serah terima.

These are the scenarios' subject: they always walk the pages (the verifikator in a plain
browser, the vendor inside SpamKodok 2).
"""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from simulator.browser.journeys.certificate import VISIT_POSITION
from simulator.browser.journeys.registration import register_vendor, verify_vendor
from simulator.browser.journeys.session import open_logged_in
from simulator.browser.pages.certificate import (
    AmsPage,
    RequestQueuePage,
    RequestReviewPage,
    download_handover,
)
from simulator.harness.arrange import Arranger
from simulator.scenarios.steps.adp import AdpScene
from simulator.scenarios.steps.certificates import at_home
from simulator.scenarios.steps.common import logged_in, verifikator
from simulator.scenarios.world import Actor, World
from spse_shared.language import tr


def checker_on_queue(world: World) -> tuple[Actor, RequestQueuePage]:
    """The LPSE's verifikator on the certificate requests (loaded now), logging in when
    needed."""
    checker = verifikator(world)
    user_id, password = logged_in(world, checker)
    queue = RequestQueuePage(checker.desk.page, world.env.spse_url)
    open_logged_in(
        checker.desk.page, world.env.spse_url, queue.goto, user_id, password, non_penyedia=True
    )
    return checker, queue


def review_of(world: World, alias: str) -> RequestReviewPage:
    checker, queue = checker_on_queue(world)
    queue.open_request(world.actor(alias).user_id)
    return RequestReviewPage(checker.desk.page, world.env.spse_url)


@when(parsers.parse('verifikator mencatat kehadiran penyedia "{alias}" dengan dokumen asli'))
def record_visit(world: World, alias: str) -> None:
    """The director came with every original the form lists."""
    actor = world.actor(alias)
    director = actor.vendor.director if actor.vendor else actor.display_name
    review_of(world, alias).record_visit(director, VISIT_POSITION)


@when(parsers.parse('verifikator menyetujui permintaan sertifikat penyedia "{alias}"'))
def approve(world: World, alias: str) -> None:
    review_of(world, alias).approve()


@when(
    parsers.parse(
        'verifikator menolak permintaan sertifikat penyedia "{alias}" dengan alasan "{reason}"'
    )
)
def reject(world: World, alias: str, reason: str) -> None:
    review_of(world, alias).reject(reason)


@when(parsers.parse('penyedia "{alias}" menanamkan sertifikat yang diterbitkan'))
def embed(world: World, alias: str) -> None:
    """On the AMS page ("Sertifikat"), inside SpamKodok 2: 'Tanamkan Sertifikat'."""
    actor = world.actor(alias)
    at_home(world, actor)
    ams = AmsPage(actor.desk.page, world.env.spse_url)
    ams.goto()
    ams.embed()


@then(parsers.parse('permintaan sertifikat penyedia "{alias}" berstatus "{state}"'))
def request_state(world: World, alias: str, state: str) -> None:
    """As the vendor's AMS page and the verifikator's queue name it."""
    actor = world.actor(alias)
    at_home(world, actor)
    ams = AmsPage(actor.desk.page, world.env.spse_url)
    ams.goto()
    shown = ams.request_state()
    _, queue = checker_on_queue(world)
    listed = queue.state_of(actor.user_id)
    world.expect(
        "status permintaan (penyedia | verifikator)",
        f"{tr(state)} | {tr(state)}",
        f"{shown} | {listed}",
        shown == listed == tr(state),
    )


@then(parsers.parse('penyedia "{alias}" melihat alasan penolakan "{reason}"'))
def rejection_reason(world: World, alias: str, reason: str) -> None:
    actor = world.actor(alias)
    at_home(world, actor)
    ams = AmsPage(actor.desk.page, world.env.spse_url)
    ams.goto()
    world.expect_message(
        "alasan penolakan di halaman AMS", "ams.status_ditolak", [ams.request_notice()]
    )
    notice = ams.request_notice()
    world.expect("alasan yang ditulis verifikator", reason, notice, reason in notice)
    world.expect(
        "penyedia dapat mengirim permintaan baru",
        "formulir pendaftaran AMS tersedia",
        "tersedia" if ams.can_request() else "tidak tersedia",
        ams.can_request(),
    )


@then(
    parsers.parse(
        'berita acara serah terima sertifikat penyedia "{alias}" dapat diunduh penyedia '
        "dan verifikator"
    )
)
def handover(world: World, alias: str) -> None:
    actor = world.actor(alias)
    serial = world.env.sim.certificates(actor.user_id)["current"]
    at_home(world, actor)
    ams = AmsPage(actor.desk.page, world.env.spse_url)
    ams.goto()
    documents = {
        "penyedia": ams.handover_pdf(),
        "verifikator": download_handover(review_of(world, alias)),
    }
    for who, pdf in documents.items():
        world.expect(
            f"berita acara ({who}): PDF dengan nomor seri sertifikat",
            f"%PDF ... {serial}",
            f"{pdf[:8]!r}, {len(pdf)} byte",
            pdf.startswith(b"%PDF") and str(serial).encode() in pdf,
        )


@then(parsers.parse('antrian verifikator mencantumkan penyedia "{alias}" dari LPSE asal "{home}"'))
def queue_origin(world: World, alias: str, home: str) -> None:
    _, queue = checker_on_queue(world)
    shown = queue.origin_of(world.actor(alias).user_id)
    world.expect("LPSE asal pada antrian permintaan sertifikat", home, shown, shown == home)


@then(parsers.parse('BSrE belum menerbitkan sertifikat penyedia "{alias}"'))
def nothing_issued(world: World, alias: str) -> None:
    found = world.env.sim.certificates(world.actor(alias).user_id)
    counts = {k: len(found[k]) for k in ("certificates", "issued")}
    expected = {"certificates": 0, "issued": 0}
    world.expect("BSrE belum menerbitkan", repr(expected), repr(counts), counts == expected)


@given(parsers.parse('penyedia "{alias}" telah terdaftar dan diverifikasi di "{lpse}"'))
def verified_elsewhere(adp_scene: AdpScene, alias: str, lpse: str) -> None:
    """A vendor of another LPSE (sharing ADP), with SpamKodok 2 on its desk: registered and
    verified there; at this LPSE its account comes through ADP at its first login."""
    world = adp_scene.world
    env = world.env
    other = adp_scene.lpse(lpse)
    vendor = env.data.vendor(company=alias)
    desk = env.desk(f"penyedia-{vendor.user_id}", spamkodok=True)
    world.actors[alias] = Actor(alias, "penyedia", vendor.user_id, vendor.password, desk, vendor)
    adp_scene.homes[alias] = other.name
    checker = adp_scene.verifikator_at(other)
    assert checker.staff is not None
    if world.arranged:
        arranger = Arranger(other.sim, env.keys)
        arranger.register_vendor(vendor)
        arranger.verify_vendor(checker.user_id, vendor.user_id)
    else:
        register_vendor(desk.page, other.spse_url, vendor)
        verify_vendor(checker.desk.page, other.spse_url, checker.staff, vendor.user_id)
