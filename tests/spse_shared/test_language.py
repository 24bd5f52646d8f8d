"""One language for people: Bahasa Indonesia by default, English on request, nothing half."""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.cli.main import build_parser, main
from spse_shared.english import TEXTS
from spse_shared.language import LANGUAGE_ENV, UnknownLanguage, choose_language, tr

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("fake_spse", "simulator", "spse_shared")


@pytest.fixture(autouse=True)
def indonesian_afterwards(monkeypatch: pytest.MonkeyPatch) -> None:
    # setenv, not delenv: monkeypatch then restores the variable whatever a test chose.
    monkeypatch.setenv(LANGUAGE_ENV, "id")


def literal_tr_texts() -> Iterator[tuple[str, str]]:
    """Every text handed to ``tr`` as a literal, with where it is."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "tr"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    yield node.args[0].value, f"{path.relative_to(ROOT)}:{node.lineno}"


def parser_texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every description, title and help text of ``parser`` and its commands."""
    yield from (t for t in (parser.description, *(g.title for g in parser._action_groups)) if t)
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            yield action.help
        if isinstance(action, argparse._SubParsersAction):
            yield from (a.help for a in action._choices_actions if a.help)
            for command in action.choices.values():
                yield from parser_texts(command)


def test_every_text_handed_to_tr_has_its_english() -> None:
    missing = [f"{where}: {text!r}" for text, where in literal_tr_texts() if text not in TEXTS]

    assert not missing, "\n".join(missing)


def test_every_help_text_of_the_cli_has_its_english() -> None:
    # A text with fields is handed over filled in: match it against the key as a pattern.
    patterns = [re.compile(re.sub(r"\\\{\w+\\\}", ".+", re.escape(key))) for key in TEXTS]
    missing = sorted(
        {
            text
            for text in parser_texts(build_parser())
            if text not in TEXTS and not any(p.fullmatch(text) for p in patterns)
        }
    )

    assert not missing, "\n".join(missing)


def test_tr_fills_fields_in_the_chosen_language() -> None:
    assert tr("argumen tidak dikenal: {a}", a="--x") == "argumen tidak dikenal: --x"
    choose_language("en")
    assert tr("argumen tidak dikenal: {a}", a="--x") == "unrecognized arguments: --x"


def test_an_unknown_language_is_refused_in_indonesian() -> None:
    with pytest.raises(UnknownLanguage, match="bahasa tidak dikenal: 'fr'"):
        choose_language("fr")


def test_help_is_indonesian_by_default_and_english_with_lang_en(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    indonesian = capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "run", "--help"])
    english = capsys.readouterr().out

    assert "cara pakai: spse-sim run" in indonesian
    assert "jalankan seluruh katalog skenario" in indonesian
    assert english.startswith("usage: spse-sim run")
    assert "run the whole scenario catalog" in english
    assert "(default: spse-4.3-ca)" in " ".join(english.split())


def test_a_usage_error_speaks_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["run", "--jalan"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == "spse-sim: argumen tidak dikenal: --jalan"

    with pytest.raises(SystemExit):
        main(["--lang=en", "run", "--jalan"])
    assert capsys.readouterr().err.splitlines()[-1] == "spse-sim: unrecognized arguments: --jalan"
