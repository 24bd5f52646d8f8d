"""Every check a step records is named in the run's language in report.html, Word and JUnit.

Steps name checks in Bahasa Indonesia (``world.expect("riwayat tiket {number}", ...)``); the
world records the name through ``tr_filled``. A step whose check name has no English in
spse_shared/english_checks.py would leave an Indonesian line in an English report.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from spse_shared.language import LANGUAGE_ENV, tr_filled

ROOT = Path(__file__).resolve().parents[3]
STEPS = ROOT / "simulator" / "scenarios" / "steps"


def check_names() -> Iterator[tuple[str, str]]:
    """Each literal check name of the steps, its fields filled with sample values, and where."""
    for path in sorted(STEPS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("expect", "expect_message")
                and node.args
            ):
                continue
            name = node.args[0]
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                yield name.value, where
            elif isinstance(name, ast.JoinedStr):
                parts = [
                    str(v.value) if isinstance(v, ast.Constant) else f"X{index}"
                    for index, v in enumerate(name.values)
                ]
                yield "".join(parts), where


def test_the_steps_record_checks() -> None:
    assert len(list(check_names())) > 50


def test_every_check_name_of_the_steps_has_its_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "en")
    missing = [f"{where}: {name!r}" for name, where in check_names() if tr_filled(name) == name]
    assert missing == [], "add their English to spse_shared/english_checks.py"


def test_a_check_name_keeps_its_values_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "en")
    assert tr_filled("riwayat tiket LPSE-3372-2026-000001 di halaman penyedia") == (
        "history of ticket LPSE-3372-2026-000001 on the vendor's page"
    )
    monkeypatch.setenv(LANGUAGE_ENV, "id")
    assert tr_filled("riwayat tiket LPSE-1") == "riwayat tiket LPSE-1"
