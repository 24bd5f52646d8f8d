"""``spse-sim list``: the scenario catalog (id, profiles, source, title), or the actionable items of
the Konsep Operasional SPSE 4.3 CA with how each is reproduced."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.formatting import clip
from simulator.cli.options import add_catalog, new_command
from simulator.scenarios.catalog import (
    DOMAIN_NOTES,
    SEED_RULES,
    SOURCE_CITATION,
    SOURCE_SECTIONS,
    CatalogEntry,
    Coverage,
    find_catalog_dir,
    load_catalog,
    rule_coverage,
    select,
)
from spse_shared.language import tr
from spse_shared.profile import available_profiles

if TYPE_CHECKING:
    from simulator.cli.options import Subparsers


def add_parser(subparsers: Subparsers) -> None:
    """Register ``spse-sim list``, its options and its handler."""
    listing = new_command(subparsers, "list", help="daftar katalog skenario")
    listing.add_argument(
        "--tag",
        action="append",
        default=[],
        help="hanya skenario dengan tag ini (dapat diulang)",
    )
    listing.add_argument(
        "--profile",
        choices=available_profiles(),
        help="hanya skenario yang berlaku untuk profil ini",
    )
    add_catalog(listing)
    listing.add_argument(
        "--rules",
        action="store_true",
        help=(
            "tampilkan butir Konsep Operasional SPSE 4.3 CA, cara masing-masing direproduksi "
            "dan skenarionya"
        ),
    )
    listing.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns its exit code."""
    catalog = find_catalog_dir(Path(args.catalog) if args.catalog else None)
    entries = select(load_catalog(catalog), tags=args.tag)
    if args.profile:
        entries = [e for e in entries if e.applies_to(args.profile)]
    if args.rules:
        print_rules(entries)
        return 0
    print(
        tr(
            "Sumber: bagian dari {doc}; bertanda * dari {notes}.",
            doc=SOURCE_CITATION,
            notes=tr(DOMAIN_NOTES),
        )
    )
    print(f"{'id':<10} {tr('profil'):<22} {tr('sumber'):<40} {tr('judul')}")
    for entry in entries:
        source = "; ".join(_section(s) for s in entry.sources)
        print(
            f"{entry.scenario_id:<10} {','.join(entry.profiles):<22} {clip(source, 40):<40} "
            f"{entry.title}"
        )
    print(tr("{n} skenario", n=len(entries)))
    return 0


def _section(source: str) -> str:
    document, section = SOURCE_SECTIONS[source]
    return f"*{section}" if document == DOMAIN_NOTES else section


def print_rules(entries: Sequence[CatalogEntry]) -> None:
    """Every actionable item of the Konsep Operasional: how it is reproduced, by which
    scenarios, what differs or why nothing applies; then the three counts."""
    coverage = rule_coverage(entries)
    print(f"{'butir':<9} {'bagian':<36} {'reproduksi':<14} {'skenario':<24} butir")
    for rule in SEED_RULES:
        covered = ", ".join(coverage[rule.rule_id]) or "-"
        print(
            f"{rule.rule_id:<9} {clip(rule.section, 36):<36} {rule.coverage.label:<14} "
            f"{clip(covered, 24):<24} {rule.text}"
        )
        if rule.note:
            print(f"{'':<9} {'':<36} {'':<14} {'':<24} ({rule.note})")
    counts = {kind: sum(r.coverage is kind for r in SEED_RULES) for kind in Coverage}
    print(
        f"{len(SEED_RULES)} butir Konsep Operasional SPSE 4.3 CA: "
        f"{counts[Coverage.FAITHFUL]} direproduksi setia, "
        f"{counts[Coverage.PARTLY]} sebagian, {counts[Coverage.NOT_APPLICABLE]} tidak berlaku"
    )
    uncited = [
        r.rule_id
        for r in SEED_RULES
        if r.coverage is not Coverage.NOT_APPLICABLE and not coverage[r.rule_id]
    ]
    if uncited:
        print(f"tanpa skenario pada pilihan ini: {', '.join(uncited)}")
