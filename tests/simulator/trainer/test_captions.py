"""Trainer captions: built from a scenario's steps and the message catalog, nothing per scenario."""

from __future__ import annotations

import pytest

from simulator.trainer import captions
from simulator.trainer.captions import ADVICE_KEYS, ScenarioInfo
from spse_shared.messages import CATALOG, MessageCatalog

MESSAGES = MessageCatalog()
INFO = ScenarioInfo(
    "KODOK-003",
    "Nama file 41 karakter ditolak",
    (
        ("Dengan", 'pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender'),
        ("Ketika", 'penyedia "CV Maju" mengunggah penawaran berisi file "a.pdf"'),
        ("Maka", 'SpamKodok menolak file dengan pesan "kodok.nama_terlalu_panjang"'),
    ),
)
EMAIL = "lpse@surakarta.go.id"


def test_step_caption_is_the_step_text_with_a_counter() -> None:
    caption = captions.step_caption(INFO, 2, "Ketika", INFO.steps[1][1], MESSAGES)

    assert caption.kind == captions.STEP
    assert caption.heading == "KODOK-003 · Nama file 41 karakter ditolak"
    assert caption.counter == "Langkah 2 dari 3"
    assert caption.text == 'Ketika penyedia "CV Maju" mengunggah penawaran berisi file "a.pdf"'
    assert caption.problem == ""
    assert caption.advice == ()


def test_a_catalog_key_in_a_step_reads_as_the_catalog_wording() -> None:
    text = captions.readable_step("Maka", INFO.steps[2][1], MESSAGES)

    assert text == (
        "Maka SpamKodok menolak file dengan pesan “Nama file … terlalu panjang (… karakter). "
        "Nama file maksimal … karakter sudah termasuk ekstensinya.”"
    )


def test_quoted_text_that_is_no_catalog_key_stays_as_written() -> None:
    assert captions.message_keys('file "laporan.akhir.pdf" dan "CV Maju"', MESSAGES) == []
    assert (
        captions.readable_step("Dan", 'file "laporan.akhir.pdf"', MESSAGES)
        == 'Dan file "laporan.akhir.pdf"'
    )


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        ("kodok.nama_terlalu_panjang", True),
        ("adp.tidak_tersedia", True),
        ("penawaran.ditutup", True),
        ("penawaran.berhasil", False),
        ("pembukaan.dibuka", False),
        ("verifikasi.berhasil", False),
        ("ams.tertanam", False),
        ("tender.dibuat", False),
    ],
)
def test_success_messages_are_no_problems(key: str, problem: bool) -> None:
    assert key in CATALOG
    assert captions.is_problem_key(key) is problem


def test_problem_caption_shows_what_the_page_said_and_the_seeds_advice() -> None:
    step = captions.step_caption(INFO, 3, "Maka", INFO.steps[2][1], MESSAGES)
    shown = MESSAGES.text("kodok.nama_terlalu_panjang", name="a.pdf", length=41, max=40)

    caption = captions.problem_caption(step, shown, MESSAGES, email=EMAIL)

    assert caption.kind == captions.PROBLEM
    assert caption.text == step.text
    assert caption.problem_title == "Yang terjadi"
    assert caption.problem == shown
    assert caption.advice_title == "Apa yang harus dilakukan"
    assert caption.advice == tuple(MESSAGES.text(k, email=EMAIL) for k in ADVICE_KEYS)
    assert caption.advice[0].startswith("Dokumentasikan semua screenshot error")
    assert "LPSE Support" in caption.advice[1]
    assert EMAIL in caption.advice[2]
    assert caption.advice[3].startswith("Bisa juga datang langsung ke LPSE")


def test_the_advice_follows_a_profiles_wording() -> None:
    custom = MessageCatalog({"pelatihan.saran.datang": "Datang ke LPSE Kota Surakarta."})

    assert captions.advice(custom, email=EMAIL)[-1] == "Datang ke LPSE Kota Surakarta."


def test_shown_problem_is_the_last_passing_observation_else_the_catalog_wording() -> None:
    keys = ["kodok.nama_terlalu_panjang"]

    assert captions.shown_problem(keys, [("x", False), ("seen", True)], MESSAGES) == "seen"
    assert captions.shown_problem(keys, [("x", False)], MESSAGES) == MESSAGES.wording(keys[0])


def test_failure_caption_names_the_first_line_of_the_error() -> None:
    step = captions.step_caption(INFO, 2, "Ketika", INFO.steps[1][1], MESSAGES)

    caption = captions.failure_caption(step, "\nTimeout 30000ms\nmore", MESSAGES, email=EMAIL)

    assert caption.kind == captions.FAILED
    assert caption.problem == "Skenario tidak berjalan seperti seharusnya: Timeout 30000ms"
    assert caption.advice


def test_paused_and_done_captions() -> None:
    step = captions.step_caption(INFO, 1, "Dengan", INFO.steps[0][1], MESSAGES)

    assert captions.paused(step, MESSAGES).paused == (
        "Dijeda: tekan Enter di terminal untuk melanjutkan."
    )
    done = captions.done_caption(INFO, MESSAGES)
    assert done.text == "Selesai: Nama file 41 karakter ditolak"
    assert done.to_json()["kind"] == captions.DONE
