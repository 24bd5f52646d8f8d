"""The terminal summary of a catalog run (simulator.cli.formatting, simulator.cli.run)."""

from __future__ import annotations

import argparse

from simulator.cli.formatting import format_outcomes
from simulator.cli.run import nothing_matched
from simulator.evidence.bundle import Check
from simulator.scenarios.run import Attempt, ScenarioOutcome

LONG = (
    "Nama file Dokumen Penawaran Harga Tahap Satu123.pdf terlalu panjang (41 karakter). "
    "Nama file maksimal 40 karakter sudah termasuk ekstensinya."
)


def test_full_titles_and_failed_checks_in_full_with_the_difference() -> None:
    text = format_outcomes(
        [
            ScenarioOutcome(
                "KODOK-010",
                "Nama file dengan simbol , ditolak SpamKodok yang judulnya sangat panjang sekali",
                "failed",
                3.0,
                [
                    Check("jumlah", "0 penawaran", "0 penawaran", True),
                    Check("pesan", LONG, LONG.replace("(41", "(42"), False),
                ],
                error="AssertionError: pesan berbeda",
                example=3,
            ),
            ScenarioOutcome("KODOK-001", "Lolos", "passed", 1.0, [Check("a", "b", "b", True)]),
            ScenarioOutcome(
                "KODOK-011",
                "Diulang",
                "flaky",
                2.0,
                attempts=[Attempt("failed", 1.0), Attempt("passed", 1.0)],
            ),
            ScenarioOutcome("KODOK-060", "APENDO", "n/a", 0.0, error="N/A: hanya spse-4.3-nonca"),
        ]
    )
    lines = text.splitlines()
    assert lines[0] == (
        "GAGAL         KODOK-010 Nama file dengan simbol , ditolak SpamKodok yang judulnya "
        "sangat panjang sekali [contoh 3]"
    )
    assert f"              diharapkan:  {LONG}" in lines
    assert f"              teramati:    {LONG.replace('(41', '(42')}" in lines
    diff = "Tahap Satu123.pdf terlalu panjang (4[-1-]{+2+} karakter). Nama file maksimal 40"
    assert any(line.startswith("              beda:") and diff in line for line in lines)
    assert "jumlah" not in text  # checks that held are in the report, not here
    assert "LOLOS         KODOK-001 Lolos" in lines
    assert "              percobaan 2: LOLOS (1.0 dtk)" in lines
    assert "              N/A: hanya spse-4.3-nonca" in lines


def test_an_empty_selection_names_what_was_asked() -> None:
    args = argparse.Namespace(ids=[], keyword="tidak_ada", shard=None)
    assert nothing_matched(args) == "tidak ada skenario yang cocok dengan -k 'tidak_ada'"
    args = argparse.Namespace(ids=["KODOK-001"], keyword="x", shard="2/3")
    assert nothing_matched(args) == (
        "tidak ada skenario yang cocok dengan id KODOK-001 dan -k 'x' dan --shard 2/3"
    )
