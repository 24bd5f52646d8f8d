"""After opening, through the pages: the pokja evaluates and fixes the winner, a participant
files a sanggahan, the pokja answers; what the public pages then show."""

from __future__ import annotations

from playwright.sync_api import Page

from simulator.browser.journeys.session import open_logged_in
from simulator.browser.pages.evaluation import (
    EvaluationPage,
    File1EvaluationPage,
    ResultRow,
    ResultsPage,
    SanggahPage,
    WinnerPage,
)


def _logged_in(
    page: Page, spse_url: str, user_id: str, password: str, path: str, *, staff: bool = False
) -> None:
    """Open ``path``; log in first when SPSE asks for it (the desk may be logged out). Staff
    (the pokja) log in as Non Penyedia, as SPSE's login page asks."""
    url = spse_url.rstrip("/") + path
    open_logged_in(page, spse_url, lambda: page.goto(url), user_id, password, non_penyedia=staff)


def evaluate(
    page: Page,
    spse_url: str,
    pokja: tuple[str, str],
    tender_id: str,
    vendor: str,
    gugur: dict[str, str] | None = None,
) -> list[str]:
    """The pokja evaluates ``vendor`` (every part the form asks lulus except ``gugur``: a dua
    file's form asks only harga); the messages shown."""
    _logged_in(page, spse_url, *pokja, f"/lelang/{tender_id}/evaluasi", staff=True)
    evaluation = EvaluationPage(page, spse_url)
    evaluation.evaluate(vendor, gugur)
    return evaluation.alert_texts() + evaluation.status_texts()


def proposed_gugur(
    page: Page, spse_url: str, pokja: tuple[str, str], tender_id: str, vendor: str
) -> list[str]:
    """The gugur SPSE proposes for ``vendor`` on the pokja's evaluation page."""
    _logged_in(page, spse_url, *pokja, f"/lelang/{tender_id}/evaluasi", staff=True)
    return EvaluationPage(page, spse_url).proposals(vendor)


def evaluate_file1(
    page: Page,
    spse_url: str,
    pokja: tuple[str, str],
    tender_id: str,
    vendor: str,
    gugur: dict[str, str] | None = None,
    nilai_teknis: str | None = None,
) -> list[str]:
    """Seleksi dua file: the pokja evaluates ``vendor``'s File I (administrasi dan teknis;
    every part lulus except ``gugur``; the nilai teknis of a Kualitas dan Biaya method when
    given); the messages shown."""
    _logged_in(page, spse_url, *pokja, f"/lelang/{tender_id}/evaluasi-file1", staff=True)
    evaluation = File1EvaluationPage(page, spse_url)
    evaluation.evaluate(vendor, gugur, nilai_teknis)
    return evaluation.alert_texts() + evaluation.status_texts()


def decide_winner(page: Page, spse_url: str, pokja: tuple[str, str], tender_id: str) -> list[str]:
    """The pokja presses 'Tetapkan Pemenang'; the messages shown."""
    _logged_in(page, spse_url, *pokja, f"/lelang/{tender_id}/evaluasi", staff=True)
    evaluation = EvaluationPage(page, spse_url)
    evaluation.decide_winner()
    return evaluation.alert_texts() + evaluation.status_texts()


def answer_sanggah(
    page: Page, spse_url: str, pokja: tuple[str, str], tender_id: str, vendor: str, answer: str
) -> list[str]:
    _logged_in(page, spse_url, *pokja, f"/lelang/{tender_id}/evaluasi", staff=True)
    evaluation = EvaluationPage(page, spse_url)
    evaluation.answer_sanggah(vendor, answer)
    return evaluation.alert_texts() + evaluation.status_texts()


def file_sanggah(
    page: Page, spse_url: str, vendor: tuple[str, str], tender_id: str, text: str
) -> list[str]:
    """The participant files a sanggahan; the messages shown."""
    _logged_in(page, spse_url, *vendor, f"/lelang/{tender_id}/sanggah")
    sanggah = SanggahPage(page, spse_url)
    sanggah.file(text)
    return sanggah.alert_texts() + sanggah.status_texts()


def sanggah_answers(
    page: Page, spse_url: str, vendor: tuple[str, str], tender_id: str
) -> list[str]:
    _logged_in(page, spse_url, *vendor, f"/lelang/{tender_id}/sanggah")
    return SanggahPage(page, spse_url).answers()


def public_results(page: Page, spse_url: str, tender_id: str) -> list[ResultRow]:
    results = ResultsPage(page, spse_url)
    results.open(tender_id)
    return results.rows()


def public_winners(page: Page, spse_url: str, tender_id: str) -> list[str]:
    winners = WinnerPage(page, spse_url)
    winners.open(tender_id)
    return winners.winner_names()
