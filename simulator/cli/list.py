"""``spse-sim list``: the scenario catalog (id, profiles, source, title), or the seed's rules."""

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
        help="tampilkan aturan Konsep Operasional SPSE 4.3 CA dan skenario yang mereproduksinya",
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
    """Every seed rule with the scenarios reproducing it."""
    coverage = rule_coverage(entries)
    print(f"{'aturan':<9} {'bagian':<36} {'skenario':<24} aturan")
    for rule in SEED_RULES:
        covered = ", ".join(coverage[rule.rule_id]) or "-- tidak ada --"
        print(f"{rule.rule_id:<9} {rule.section:<36} {clip(covered, 24):<24} {rule.text}")
    missing = [r for r, ids in coverage.items() if not ids]
    print(
        f"{len(SEED_RULES) - len(missing)} dari {len(SEED_RULES)} aturan {SOURCE_CITATION} "
        "direproduksi"
    )
