"""Steps after opening (KODOK-400..499): prices, evaluation, winner, sanggah.

The price of an offer is arranged (SPSE's price form is not the subject here); evaluation,
penetapan and sanggahan walk the pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
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


@dataclass
class EvaluationLog:
    """What these steps remember within one scenario: the messages the last page showed."""

    shown: list[str] | None = None
    history: list[list[str]] = field(default_factory=list)


@pytest.fixture
def evaluation_log() -> EvaluationLog:
    return EvaluationLog()


def _login(actor: Actor) -> tuple[str, str]:
    if actor.vendor is not None:
        return actor.vendor.user_id, actor.vendor.password
    assert actor.staff is not None
    return actor.staff.user_id, actor.staff.password


def _remember(log: EvaluationLog, shown: list[str]) -> None:
    log.shown = shown
    log.history.append(shown)


@given(parsers.parse('harga penawaran penyedia "{alias}" adalah {percent:d} persen dari HPS'))
def offer_price(world: World, alias: str, percent: int) -> None:
    tender_id = world.require_tender()
    hps = int(world.env.sim.tender(tender_id)["hps"])
    world.env.arrange.offer_price(tender_id, world.actor(alias).user_id, hps * percent // 100)


@when(parsers.parse('pokja "{alias}" mengevaluasi penawaran penyedia "{vendor}" semua lulus'))
def evaluate_all_pass(world: World, evaluation_log: EvaluationLog, alias: str, vendor: str) -> None:
    pokja = world.actor(alias)
    shown = evaluate(
        pokja.desk.page,
        world.env.spse_url,
        _login(pokja),
        world.require_tender(),
        world.actor(vendor).display_name,
    )
    _remember(evaluation_log, shown)


@when(
    parsers.parse(
        'pokja "{alias}" menggugurkan penawaran penyedia "{vendor}" pada {part} '
        'dengan alasan "{reason}"'
    )
)
def evaluate_fail(
    world: World, evaluation_log: EvaluationLog, alias: str, vendor: str, part: str, reason: str
) -> None:
    pokja = world.actor(alias)
    shown = evaluate(
        pokja.desk.page,
        world.env.spse_url,
        _login(pokja),
        world.require_tender(),
        world.actor(vendor).display_name,
        {part.capitalize(): reason},
    )
    _remember(evaluation_log, shown)


@when(parsers.parse('pokja "{alias}" menetapkan pemenang'))
def pokja_decides(world: World, evaluation_log: EvaluationLog, alias: str) -> None:
    pokja = world.actor(alias)
    shown = decide_winner(
        pokja.desk.page, world.env.spse_url, _login(pokja), world.require_tender()
    )
    _remember(evaluation_log, shown)


@when(parsers.parse('penyedia "{alias}" mengirim sanggahan "{text}"'))
def vendor_objects(world: World, evaluation_log: EvaluationLog, alias: str, text: str) -> None:
    vendor = world.actor(alias)
    shown = file_sanggah(
        vendor.desk.page, world.env.spse_url, _login(vendor), world.require_tender(), text
    )
    _remember(evaluation_log, shown)


@when(parsers.parse('pokja "{alias}" menjawab sanggahan penyedia "{vendor}" dengan "{answer}"'))
def pokja_answers(
    world: World, evaluation_log: EvaluationLog, alias: str, vendor: str, answer: str
) -> None:
    pokja = world.actor(alias)
    shown = answer_sanggah(
        pokja.desk.page,
        world.env.spse_url,
        _login(pokja),
        world.require_tender(),
        world.actor(vendor).display_name,
        answer,
    )
    _remember(evaluation_log, shown)


@then(parsers.parse('halaman menampilkan pesan "{key}"'))
def page_shows(world: World, evaluation_log: EvaluationLog, key: str) -> None:
    assert evaluation_log.shown is not None, "no page action was taken before this step"
    world.expect_message(f"pesan {key}", key, evaluation_log.shown)


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
    world.expect(f"{part} {alias}", mark, observed, observed == mark)
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
