"""Kualitas dan Biaya: how a Seleksi (jasa konsultansi) picks its winner.

Perpres 16/2018 and Perlem LKPP 12/2021: the pokja gives each participant a nilai teknis
(0-100) when evaluating File I; a participant below the ambang batas nilai teknis (the passing
grade the method sets) gugur. Among the participants still in, nilai biaya = lowest evaluated
price / the participant's price x 100, and nilai akhir = bobot teknis x nilai teknis + bobot
biaya x nilai biaya; the highest nilai akhir wins. The weights and the passing grade are the
method's profile data (``spse_shared.profile.QualityCost``).

Plain rules over plain values: scores are computed exactly (fractions) and only rounded to two
places for the pages, so a tie on the page is never decided by a rounding error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from fake_spse.domain.errors import DomainError
from fake_spse.domain.evaluation import Evaluation
from spse_shared.profile import QualityCost

MAX_SCORE = 100
# A score as the pokja types it: up to three digits, a decimal comma or point, two places.
_SCORE_PATTERN = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?")
_TWO_PLACES = Decimal("0.01")


def parse_nilai_teknis(raw: str) -> Decimal | None:
    """The nilai teknis the pokja typed (``"85"``, ``"85,5"``, ``"85.25"``); None when empty.
    DomainError for anything that is not a number from 0 to 100 with at most two decimals."""
    text = raw.strip()
    if not text:
        return None
    # isascii: the pattern's \\d also matches other scripts' digits.
    if not text.isascii() or _SCORE_PATTERN.fullmatch(text) is None:
        raise DomainError("evaluasi.nilai_teknis_tidak_valid")
    value = Decimal(text.replace(",", "."))
    if value > MAX_SCORE:
        raise DomainError("evaluasi.nilai_teknis_tidak_valid")
    return value


def two_places(value: Fraction | Decimal) -> str:
    """A score as the pages show it: two decimals, a decimal point (as SPSE's table and the
    scrapers that read it as a float have it)."""
    exact = (
        value
        if isinstance(value, Decimal)
        else Decimal(value.numerator) / Decimal(value.denominator)
    )
    return str(exact.quantize(_TWO_PLACES, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Score:
    """One participant's scores: nilai biaya and nilai akhir only for participants still in
    the evaluation (lulus every part, with a known price and a nilai teknis)."""

    vendor_id: str
    nilai_teknis: Decimal | None
    nilai_biaya: Fraction | None
    nilai_akhir: Fraction | None


def _in_the_running(evaluation: Evaluation) -> bool:
    return (
        evaluation.passed
        and evaluation.final_price is not None
        and evaluation.final_price > 0
        and evaluation.nilai_teknis is not None
    )


def scores(evaluations: Sequence[Evaluation], rules: QualityCost) -> dict[str, Score]:
    """Every evaluated participant's scores, by vendor id.

    The lowest evaluated price is the lowest (corrected) price among the participants still
    in the evaluation; a participant who gugur keeps its nilai teknis but gets no nilai biaya
    and no nilai akhir.
    """
    running = [e for e in evaluations if _in_the_running(e)]
    prices = [e.final_price for e in running if e.final_price is not None]
    lowest = min(prices) if prices else None
    found: dict[str, Score] = {}
    for evaluation in evaluations:
        biaya = akhir = None
        if lowest is not None and evaluation in running:
            price = evaluation.final_price
            nilai_teknis = evaluation.nilai_teknis
            assert price is not None
            assert nilai_teknis is not None
            biaya = Fraction(lowest, price) * MAX_SCORE
            akhir = (
                Fraction(rules.bobot_teknis) * Fraction(nilai_teknis)
                + Fraction(rules.bobot_biaya) * biaya
            )
        found[evaluation.vendor_id] = Score(
            evaluation.vendor_id, evaluation.nilai_teknis, biaya, akhir
        )
    return found


def choose_best_value(evaluations: Sequence[Evaluation], rules: QualityCost) -> Evaluation | None:
    """Kualitas dan Biaya: the highest nilai akhir among the participants still in. A tie
    goes to the higher nilai teknis (quality first, as the method's name orders it), then to
    the earlier evaluated; this order is the simulator's choice where the sources we have are
    silent. None when nobody is still in (Tender Gagal)."""
    scored = scores(evaluations, rules)
    running = [e for e in evaluations if scored[e.vendor_id].nilai_akhir is not None]
    if not running:
        return None

    def rank(e: Evaluation) -> tuple[Fraction, Decimal, float]:
        akhir, teknis = scored[e.vendor_id].nilai_akhir, e.nilai_teknis
        assert akhir is not None
        assert teknis is not None
        return (akhir, teknis, -e.evaluated_at.timestamp())

    return max(running, key=rank)
