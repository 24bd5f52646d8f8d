"""Steps after opening (KODOK-400..499): prices, evaluation, winner, sanggah.

The price of an offer is arranged (SPSE's price form is not the subject here); evaluation,
penetapan and sanggahan walk the pages, whose messages the common step 'halaman menampilkan
pesan' reads.
"""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from simulator.browser.journeys.evaluation import (
    answer_sanggah,
    decide_winner,
    evaluate,
    file_sanggah,
    public_results,
    public_winners,
    sanggah_answers,
)
from simulator.scenarios.world import Actor, World


def _login(actor: Actor) -> tuple[str, str]:
    if actor.vendor is not None:
        return actor.vendor.user_id, actor.vendor.password
    assert actor.staff is not None
    return actor.staff.user_id, actor.staff.password


@given(parsers.parse('harga penawaran penyedia "{alias}" adalah {percent:d} persen dari HPS'))
def offer_price(world: World, alias: str, percent: int) -> None:
    tender_id = world.require_tender()
    hps = int(world.env.sim.tender(tender_id)["hps"])
    world.env.arrange.offer_price(tender_id, world.actor(alias).user_id, hps * percent // 100)


@when(parsers.parse('pokja "{alias}" mengevaluasi penawaran penyedia "{vendor}" semua lulus'))
def evaluate_all_pass(world: World, alias: str, vendor: str) -> None:
    pokja = world.actor(alias)
    evaluate(
        pokja.desk.page,
        world.env.spse_url,
        _login(pokja),
        world.require_tender(),
        world.actor(vendor).display_name,
    )


@when(
    parsers.parse(
        'pokja "{alias}" menggugurkan penawaran penyedia "{vendor}" pada {part} '
        'dengan alasan "{reason}"'
    )
)
def evaluate_fail(world: World, alias: str, vendor: str, part: str, reason: str) -> None:
    pokja = world.actor(alias)
    evaluate(
        pokja.desk.page,
        world.env.spse_url,
        _login(pokja),
        world.require_tender(),
        world.actor(vendor).display_name,
        {part.capitalize(): reason},
    )


@when(parsers.parse('pokja "{alias}" menetapkan pemenang'))
def pokja_decides(world: World, alias: str) -> None:
    pokja = world.actor(alias)
    decide_winner(pokja.desk.page, world.env.spse_url, _login(pokja), world.require_tender())


@when(parsers.parse('penyedia "{alias}" mengirim sanggahan "{text}"'))
def vendor_objects(world: World, alias: str, text: str) -> None:
    vendor = world.actor(alias)
    file_sanggah(vendor.desk.page, world.env.spse_url, _login(vendor), world.require_tender(), text)


@when(parsers.parse('pokja "{alias}" menjawab sanggahan penyedia "{vendor}" dengan "{answer}"'))
def pokja_answers(world: World, alias: str, vendor: str, answer: str) -> None:
    pokja = world.actor(alias)
    answer_sanggah(
        pokja.desk.page,
        world.env.spse_url,
        _login(pokja),
        world.require_tender(),
        world.actor(vendor).display_name,
        answer,
    )


@then(
    parsers.parse(
        'hasil evaluasi penyedia "{alias}" pada {part} adalah "{mark}" dengan alasan "{reason}"'
    )
)
def result_mark(world: World, alias: str, part: str, mark: str, reason: str) -> None:
    actor = world.actor(alias)
    rows = public_results(actor.desk.page, world.env.spse_url, world.require_tender())
    mine = [r for r in rows if r.vendor == actor.display_name]
    world.expect(f"baris hasil evaluasi {alias}", "1", str(len(mine)), len(mine) == 1)
    observed = mine[0].marks.get(part.capitalize(), "?")
    world.expect(f"evaluasi {part} {alias}", mark, observed, observed == mark)
    world.expect(f"alasan {alias}", reason, mine[0].reason, reason in mine[0].reason)


@then(parsers.parse('halaman pemenang menampilkan penyedia "{alias}" sebagai pemenang'))
def winner_shown(world: World, alias: str) -> None:
    actor = world.actor(alias)
    names = public_winners(actor.desk.page, world.env.spse_url, world.require_tender())
    world.expect("pemenang", actor.display_name, repr(names), names == [actor.display_name])


@then(parsers.parse('penyedia "{alias}" melihat jawaban sanggahan "{answer}"'))
def vendor_sees_answer(world: World, alias: str, answer: str) -> None:
    vendor = world.actor(alias)
    answers = sanggah_answers(
        vendor.desk.page, world.env.spse_url, _login(vendor), world.require_tender()
    )
    world.expect("jawaban sanggahan", answer, repr(answers), answer in answers)
