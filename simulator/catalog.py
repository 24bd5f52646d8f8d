"""The scenario catalog: Gherkin files in Bahasa Indonesia under ``scenarios/``.

Every scenario carries three kinds of tags: its stable id (``@KODOK-012``), the profiles it
applies to (``@profil-spse-4.3-ca``, or ``@profil-semua``) and where its rule comes from
(``@sumber-hal-hal-yang-harus-diperhatikan``, see ``SOURCES``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pytest_bdd.feature import get_features

ID_PATTERN = re.compile(r"^KODOK-\d{3}$")
PROFILE_PREFIX = "profil-"
ALL_PROFILES = "profil-semua"
SOURCE_PREFIX = "sumber-"

# Sections of the seed (shared/seed) and of domain.md that scenarios cite.
SOURCES = {
    "prasyarat-penyedia": "Seed: Prasyarat Penyedia",
    "hal-hal-yang-harus-diperhatikan": "Seed: Hal-hal yang harus diperhatikan",
    "aktivasi-sertifikat-a": "Seed: Tahap Proses Aktivasi Sertifikat-a (belum memiliki sertifikat)",
    "aktivasi-sertifikat-b": "Seed: Tahap Proses Aktivasi Sertifikat-b (upgrade, import APD)",
    "apa-yang-harus-dilakukan": "Seed: Apa yang harus dilakukan",
    "perbedaan-ca-non-ca": "Seed: Perbedaan Dasar SPSE CA dan NON CA",
    "domain-alur-penyedia": "domain.md: Vendor journey",
    "domain-alur-pokja": "domain.md: Pokja journey",
    "domain-kegagalan": "domain.md: Rules and failure modes from the seed",
}


class CatalogError(ValueError):
    """A scenario is missing its id, profile or source tag, or an id is used twice."""


@dataclass(frozen=True)
class CatalogEntry:
    scenario_id: str
    title: str
    feature: str
    file: str
    profiles: tuple[str, ...]
    sources: tuple[str, ...]
    tags: tuple[str, ...]

    def applies_to(self, profile: str) -> bool:
        return "semua" in self.profiles or profile in self.profiles


def find_catalog_dir(explicit: Path | None = None) -> Path:
    """``explicit``, else ``SPSE_SIM_CATALOG``, else ./scenarios, else the checkout's scenarios."""
    candidates = [explicit] if explicit else []
    if os.environ.get("SPSE_SIM_CATALOG"):
        candidates.append(Path(os.environ["SPSE_SIM_CATALOG"]))
    candidates += [Path.cwd() / "scenarios", Path(__file__).resolve().parent.parent / "scenarios"]
    for candidate in candidates:
        if candidate is not None and candidate.is_dir() and any(candidate.glob("*.feature")):
            return candidate
    raise CatalogError(
        "no scenario catalog found: pass --catalog DIR or set SPSE_SIM_CATALOG to the folder "
        "holding the .feature files"
    )


def entry_from_tags(tags: Iterable[str], *, title: str, feature: str, file: str) -> CatalogEntry:
    """Read id, profiles and sources out of a scenario's tags (feature tags included)."""
    tag_list = sorted(tags)
    ids = [t for t in tag_list if ID_PATTERN.match(t)]
    profiles = tuple(
        t.removeprefix(PROFILE_PREFIX) for t in tag_list if t.startswith(PROFILE_PREFIX)
    )
    sources = tuple(t.removeprefix(SOURCE_PREFIX) for t in tag_list if t.startswith(SOURCE_PREFIX))
    where = f"{file}: {title!r}"
    if len(ids) != 1:
        raise CatalogError(f"{where} needs exactly one @KODOK-NNN tag, has {ids}")
    if not profiles:
        raise CatalogError(f"{where} needs a @profil-... tag")
    unknown = [s for s in sources if s not in SOURCES]
    if not sources or unknown:
        raise CatalogError(f"{where} needs @sumber-... tags from {sorted(SOURCES)}; bad: {unknown}")
    return CatalogEntry(ids[0], title, feature, file, profiles, sources, tuple(tag_list))


def load_catalog(directory: Path) -> list[CatalogEntry]:
    """Every scenario of every feature file, sorted by id; CatalogError on bad or duplicate tags."""
    entries: dict[str, CatalogEntry] = {}
    for feature in get_features([str(directory)]):
        for scenario in feature.scenarios.values():
            entry = entry_from_tags(
                scenario.tags | feature.tags,
                title=scenario.name,
                feature=feature.name,
                file=Path(feature.filename).name,
            )
            if entry.scenario_id in entries:
                raise CatalogError(f"{entry.scenario_id} is used twice ({entry.file})")
            entries[entry.scenario_id] = entry
    return sorted(entries.values(), key=lambda e: e.scenario_id)


def select(
    entries: Sequence[CatalogEntry], *, ids: Sequence[str] = (), tags: Sequence[str] = ()
) -> list[CatalogEntry]:
    """Entries with one of ``ids`` (all when empty) and every tag of ``tags``."""
    wanted = {i.upper() for i in ids}
    unknown = wanted - {e.scenario_id for e in entries}
    if unknown:
        raise CatalogError(f"unknown scenario id(s): {', '.join(sorted(unknown))}")
    return [
        e
        for e in entries
        if (not wanted or e.scenario_id in wanted) and all(t.lstrip("@") in e.tags for t in tags)
    ]
