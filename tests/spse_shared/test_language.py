"""One language for people: Bahasa Indonesia by default, English on request, nothing half."""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Iterator
from pathlib import Path
from string import Formatter

import pytest

from fake_spse.support.tickets import TicketStatus
from simulator.cli.main import build_parser, main
from spse_shared.english import TEXTS
from spse_shared.english_messages import CATALOG as ENGLISH_CATALOG
from spse_shared.english_pages import TICKET_STATUS_TEXTS
from spse_shared.language import (
    LANGUAGE_ENV,
    UnknownLanguage,
    choose_language,
    tr,
    tr_ticket_status,
)
from spse_shared.messages import CATALOG
from spse_shared.profile import available_profiles, load_profile

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


TEMPLATE_TR = re.compile(r"""\btr\(\s*(?:"([^"]*)"|'([^']*)')""")


def template_tr_texts() -> Iterator[tuple[str, str]]:
    """Every text handed to ``tr`` as a literal in a page template."""
    for path in sorted((ROOT / "fake_spse").rglob("*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for found in TEMPLATE_TR.finditer(line):
                yield found.group(1) or found.group(2), f"{path.relative_to(ROOT)}:{number}"


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
    found = [*literal_tr_texts(), *template_tr_texts()]
    missing = [f"{where}: {text!r}" for text, where in found if text not in TEXTS]

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


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["run", "KODOK-999", "--lang", "en"], "spse-sim: unknown scenario ids: KODOK-999"),
        (
            ["--lang", "en", "run", "KODOK-999", "--lang=id"],
            "spse-sim: id skenario tidak dikenal: KODOK-999",
        ),
    ],
    ids=["after-the-command", "the-last-one"],
)
def test_lang_may_follow_the_command_and_the_last_one_wins(
    args: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    assert capsys.readouterr().err.splitlines() == [said]


def test_an_unknown_language_in_the_environment_is_said_not_passed_over(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SPSE_SIM_LANG", "fr")

    assert main(["list"]) == 0

    said = capsys.readouterr()
    assert said.err.splitlines() == [
        "spse-sim: $SPSE_SIM_LANG='fr' bukan bahasa yang dikenal (id, en): memakai Bahasa Indonesia"
    ]
    assert said.out.splitlines()[-1].endswith(" skenario")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def test_the_english_catalog_has_every_key_with_the_same_fields() -> None:
    assert set(ENGLISH_CATALOG) == set(CATALOG)
    differ = [k for k in CATALOG if fields(CATALOG[k]) != fields(ENGLISH_CATALOG[k])]
    assert not differ


@pytest.mark.parametrize("name", available_profiles())
def test_every_profile_override_has_its_english(name: str) -> None:
    profile = load_profile(name)

    assert set(profile.messages_en) == set(profile.messages)


def test_a_run_in_english_reads_the_english_catalog_and_english_overrides() -> None:
    profile = load_profile("spse-4.3-nonca")
    assert profile.catalog().text("login.gagal") == "User ID atau password salah."
    assert profile.catalog().text("pembukaan.berubah").endswith("setelah dienkripsi")

    choose_language("en")

    assert profile.catalog().text("login.gagal") == "Wrong user ID or password."
    assert profile.catalog().text("pembukaan.berubah").endswith("after it was encrypted")


def test_texts_looked_up_through_a_table_have_their_english() -> None:
    from fake_spse.control.panel import FAULT_TITLES, PARAM_LABELS, STAGE_POINTS
    from fake_spse.simulation.faults import KNOWN_FAULTS
    from simulator.cli.errors import OS_REASONS
    from simulator.cli.formatting import CHECK_LABELS
    from simulator.evidence.docx import CHRONOLOGY_HEADERS, OUTCOMES
    from simulator.qa import report_html
    from simulator.qa.compare import CHANGE_WORDS
    from simulator.qa.coverage_html import VERDICTS
    from simulator.scenarios.catalog import DOMAIN_NOTES, SOURCE_SECTIONS
    from simulator.scenarios.statuses import STATUS_WORDS

    texts = [
        *(f.description for f in KNOWN_FAULTS.values()),
        *OS_REASONS.values(),
        *CHRONOLOGY_HEADERS,
        *OUTCOMES.values(),
        *FAULT_TITLES.values(),
        *PARAM_LABELS.values(),
        *STAGE_POINTS.values(),
        *CHECK_LABELS,
        *STATUS_WORDS.values(),
        *report_html.TAG_KINDS.values(),
        *CHANGE_WORDS.values(),
        *VERDICTS,
        *(section for doc, section in SOURCE_SECTIONS.values() if doc == DOMAIN_NOTES),
    ]
    assert [t for t in texts if t not in TEXTS] == []


def test_the_word_report_is_english_with_lang_en(tmp_path: Path) -> None:
    import docx

    from simulator.evidence.docx import write_report

    folder = tmp_path / "run"
    folder.mkdir()
    (folder / "index.json").write_text('{"kind": "journey", "ok": false, "status": "failed"}')
    choose_language("en")

    document = docx.Document(str(write_report(folder)))

    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["1. Identity", "2. Summary of the Problem", "3. Expected and Observed"]
    assert document.paragraphs[0].text == "Error Chronology Report"


def test_every_ticket_status_has_its_english(monkeypatch: pytest.MonkeyPatch) -> None:
    # Statuses have a table of their own: "baru" of a ticket is not "baru" of a report.
    monkeypatch.setenv(LANGUAGE_ENV, "en")
    assert {s.value: tr_ticket_status(s.value) for s in TicketStatus} == dict(TICKET_STATUS_TEXTS)
    assert tr_ticket_status("baru") == "new"
    assert tr("baru") == "added"
    monkeypatch.setenv(LANGUAGE_ENV, "id")
    assert tr_ticket_status("baru") == "baru"
