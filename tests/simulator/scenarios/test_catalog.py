"""The catalog's tags: ids, profiles, sources and seed rules are read and checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.scenarios.catalog import (
    PACKAGED_CATALOG,
    SEED_BACKGROUND,
    SEED_RULES,
    CatalogError,
    Coverage,
    entry_from_tags,
    load_catalog,
    rule_coverage,
    select,
)

# The Konsep Operasional SPSE 4.3 CA as published: a copy of the primary source in the repository
# (docs/, not part of the installed package), read by the coverage test below.
KONSEP_OPERASIONAL = (
    Path(__file__).resolve().parents[3] / "docs" / "konsep-operasional-spse-4.3-ca.txt"
)

CATALOG = PACKAGED_CATALOG


def entry(*tags: str) -> object:
    return entry_from_tags(tags, title="t", feature="f", file="x.feature")


def test_tags_give_id_profiles_sources_and_rules() -> None:
    read = entry_from_tags(
        {
            "KODOK-007",
            "profil-spse-4.3-ca",
            "sumber-hal-hal-yang-harus-diperhatikan",
            "aturan-hh-2",
        },
        title="t",
        feature="f",
        file="x.feature",
    )

    assert read.scenario_id == "KODOK-007"
    assert read.profiles == ("spse-4.3-ca",)
    assert read.sources == ("hal-hal-yang-harus-diperhatikan",)
    assert read.rules == ("hh-2",)
    assert read.applies_to("spse-4.3-ca")
    assert not read.applies_to("spse-4.3-nonca")


@pytest.mark.parametrize(
    ("tags", "complaint"),
    [
        (("profil-semua", "sumber-prasyarat-penyedia"), "KODOK-NNN"),
        (("KODOK-001", "KODOK-002", "profil-semua", "sumber-prasyarat-penyedia"), "KODOK-NNN"),
        (("KODOK-001", "sumber-prasyarat-penyedia"), "@profil"),
        (("KODOK-001", "profil-semua"), "@sumber"),
        (("KODOK-001", "profil-semua", "sumber-tidak-ada"), "@sumber"),
        (
            ("KODOK-001", "profil-semua", "sumber-prasyarat-penyedia", "aturan-xx-9"),
            "aturan yang tidak dikenal",
        ),
    ],
)
def test_scenarios_without_proper_tags_are_refused(tags: tuple[str, ...], complaint: str) -> None:
    with pytest.raises(CatalogError, match=complaint):
        entry(*tags)


def test_the_shipped_catalog_is_well_tagged_and_ids_are_unique() -> None:
    entries = load_catalog(CATALOG)

    ids = [e.scenario_id for e in entries]
    assert len(ids) == len(set(ids))
    assert all(e.profiles and e.sources for e in entries)


def test_select_by_id_and_tag_and_unknown_ids_are_named() -> None:
    entries = load_catalog(CATALOG)
    first = entries[0]

    assert select(entries, ids=[first.scenario_id.lower()]) == [first]
    assert all(
        "profil-spse-4.3-ca" in e.tags for e in select(entries, tags=["@profil-spse-4.3-ca"])
    )
    with pytest.raises(CatalogError, match="KODOK-999"):
        select(entries, ids=["KODOK-999"])


def test_rule_coverage_lists_every_seed_rule() -> None:
    coverage = rule_coverage(load_catalog(CATALOG))

    assert list(coverage) == [r.rule_id for r in SEED_RULES]


def test_every_reproduced_item_is_cited_by_a_scenario_and_no_other_is() -> None:
    coverage = rule_coverage(load_catalog(CATALOG))

    reproduced = {r.rule_id for r in SEED_RULES if r.coverage is not Coverage.NOT_APPLICABLE}
    assert [rule for rule in sorted(reproduced) if not coverage[rule]] == []
    assert [rule for rule, ids in coverage.items() if ids and rule not in reproduced] == []


def test_partly_and_not_applicable_items_say_what_differs_or_why() -> None:
    assert [
        r.rule_id for r in SEED_RULES if r.coverage is not Coverage.FAITHFUL and not r.note
    ] == []
    assert [r.rule_id for r in SEED_RULES if r.coverage is Coverage.FAITHFUL and r.note] == []


def _items_of_the_document() -> list[str]:
    """Every bulleted or numbered item of the Konsep Operasional, as printed."""
    lines = KONSEP_OPERASIONAL.read_text(encoding="utf-8").splitlines()
    return [
        re.sub(r"^\s*(-|\d+\.)\s+", "", line)
        for line in lines
        if re.match(r"^\s*(-|\d+\.)\s+\S", line)
    ]


def test_every_item_of_the_konsep_operasional_is_in_the_rule_list() -> None:
    items = _items_of_the_document()
    quotes = [r.quote for r in SEED_RULES] + list(SEED_BACKGROUND)

    assert len(items) == 37
    missing = [item for item in items if not any(item.startswith(q) for q in quotes)]
    assert missing == []
    # Each quote names an item of the document (no stale or invented items).
    assert [q for q in quotes if not any(item.startswith(q) for item in items)] == []
    # The same item is counted once, except where both activation paths print it word for word.
    assert len({r.rule_id for r in SEED_RULES}) == len(SEED_RULES)
    assert 30 <= len(SEED_RULES) <= 40


@pytest.mark.parametrize(
    ("content", "refusal"),
    [
        (
            b"# language: id\nFitur: x\n  Skenario: y\n    Ketika a\n  Dan b\n  Skenario\n",
            r"rusak\.feature:6: bukan Gherkin yang benar: ",
        ),
        (b"\xff\xfe bukan teks", r"ada file \.feature yang bukan teks UTF-8"),
    ],
)
def test_a_feature_file_that_cannot_be_parsed_is_a_catalog_error(
    tmp_path: Path, content: bytes, refusal: str
) -> None:
    (tmp_path / "rusak.feature").write_bytes(content)
    with pytest.raises(CatalogError, match=refusal):
        load_catalog(tmp_path)
