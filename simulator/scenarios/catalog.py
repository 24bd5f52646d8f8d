"""The scenario catalog: Gherkin files in Bahasa Indonesia under ``scenarios/features/``.

Every scenario carries three kinds of tags: its stable id (``@KODOK-012``), the profiles it
applies to (``@profil-spse-4.3-ca``, or ``@profil-semua``) and where its rule comes from
(``@sumber-hal-hal-yang-harus-diperhatikan``, see ``SOURCES``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pytest_bdd.feature import get_features

from simulator.scenarios.tags import ID_PATTERN
from spse_shared.language import tr

PROFILE_PREFIX = "profil-"
ALL_PROFILES = "profil-semua"
SOURCE_PREFIX = "sumber-"

# The source document, named by its title wherever a user reads it (never by an internal word),
# and the whole citation where a page introduces it.
SOURCE_DOCUMENT = "Konsep Operasional SPSE 4.3 CA"
SOURCE_CITATION = f"{SOURCE_DOCUMENT}, Penyedia (LPSE Kota Surakarta, 2019)"
# The simulator's own notes on SPSE, for what the concept takes as known.
DOMAIN_NOTES = "Catatan domain simulator"
_KONSEP = SOURCE_DOCUMENT

# Sections scenarios cite (@sumber- tags): (document, section).
SOURCE_SECTIONS: dict[str, tuple[str, str]] = {
    "prasyarat-penyedia": (_KONSEP, "Prasyarat Penyedia"),
    "hal-hal-yang-harus-diperhatikan": (_KONSEP, "Hal-hal yang harus diperhatikan"),
    "aktivasi-sertifikat-a": (
        _KONSEP,
        "Tahap Proses Aktivasi Sertifikat-a (belum memiliki sertifikat)",
    ),
    "aktivasi-sertifikat-b": (_KONSEP, "Tahap Proses Aktivasi Sertifikat-b (upgrade, import APD)"),
    "apa-yang-harus-dilakukan": (_KONSEP, "Apa yang harus dilakukan"),
    "perbedaan-ca-non-ca": (_KONSEP, "Perbedaan Dasar SPSE CA dan NON CA"),
    "domain-alur-penyedia": (DOMAIN_NOTES, "alur penyedia"),
    "domain-alur-pokja": (DOMAIN_NOTES, "alur pokja"),
    "domain-kegagalan": (DOMAIN_NOTES, "aturan dan mode kegagalan"),
}
# The full label of each section, as reports and tag statistics show it.
SOURCES = {key: f"{doc}: {section}" for key, (doc, section) in SOURCE_SECTIONS.items()}


RULE_PREFIX = "aturan-"


@dataclass(frozen=True)
class SeedRule:
    """One rule of the seed's operational concept that the catalog must reproduce."""

    rule_id: str
    section: str
    text: str


_HH = "Hal-hal yang harus diperhatikan"
_AKT_A = "Tahap Proses Aktivasi Sertifikat-a"
_AKT_B = "Tahap Proses Aktivasi Sertifikat-b"
_APA = "Apa yang harus dilakukan"

# The rules of the seed's three operational sections, in the seed's order. Scenarios cite them
# with tags such as @aturan-hh-1; `spse-sim list --rules` shows the mapping.
SEED_RULES = (
    SeedRule("hh-1", _HH, "Saat SpamKodok 2 berjalan, tidak ada instance browser lain yang hidup"),
    SeedRule("hh-2", _HH, "Nama file maksimal 40 karakter sudah termasuk ekstensinya"),
    SeedRule("hh-3", _HH, "Nama file tanpa simbol / \\ , : ‘ “ + - ( )"),
    SeedRule("hh-4", _HH, "File yang diupload berada di HDD utama, bukan flashdisk"),
    SeedRule("hh-5", _HH, "Upload se-awal mungkin (setelah batas waktu upload ditolak)"),
    SeedRule("akt-a-1", _AKT_A, "Hadir di LPSE untuk verifikasi dengan dokumen asli dan salinan"),
    SeedRule("akt-a-2", _AKT_A, "Sudah mendaftar/memiliki akun LPSE"),
    SeedRule("akt-a-3", _AKT_A, "Proses menggunakan browser SpamKodok 2"),
    SeedRule("akt-a-4", _AKT_A, "Setelah login muncul link merah untuk pendaftaran AMS"),
    SeedRule(
        "akt-a-5", _AKT_A, "Upload surat rekomendasi penyedia (TDP/SIUP/SIUK, surat keterangan)"
    ),
    SeedRule("akt-b-1", _AKT_B, "Verifikasi ulang di LPSE atau mandiri"),
    SeedRule("akt-b-2", _AKT_B, "Sudah mendaftar/memiliki akun LPSE"),
    SeedRule("akt-b-3", _AKT_B, "Proses menggunakan browser SpamKodok 2"),
    SeedRule("akt-b-4", _AKT_B, "Klik 'sertifikat' di kanan atas, import APD (sertifikat lama)"),
    SeedRule("akt-b-5", _AKT_B, "Upload surat rekomendasi penyedia"),
    SeedRule("apa-1", _APA, "Dokumentasikan screenshot error dan kronologi di file Word"),
    SeedRule("apa-2", _APA, "Login SPSE, Aplikasi e-Procurement Lainnya, LPSE Support Production"),
    SeedRule("apa-3", _APA, "Buat tiket baru, lengkapi isian dan kirimkan"),
    SeedRule("apa-4", _APA, "Tidak bisa login LPSE Support: email ke LPSE dengan lampiran Word"),
    SeedRule("apa-5", _APA, "Datang langsung ke LPSE untuk identifikasi masalah bersama"),
)


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
    rules: tuple[str, ...] = ()

    def applies_to(self, profile: str) -> bool:
        return "semua" in self.profiles or profile in self.profiles


# The catalog ships inside the package (the checkout's top-level scenarios/ links here), so an
# installed spse-sim runs it from any folder.
PACKAGED_CATALOG = Path(__file__).resolve().parent / "features"


def find_catalog_dir(explicit: Path | None = None) -> Path:
    """``explicit``, else ``SPSE_SIM_CATALOG``, else the catalog installed with the package."""
    candidates = [explicit] if explicit else []
    if os.environ.get("SPSE_SIM_CATALOG"):
        candidates.append(Path(os.environ["SPSE_SIM_CATALOG"]))
    candidates.append(PACKAGED_CATALOG)
    for candidate in candidates:
        if candidate is not None and candidate.is_dir() and any(candidate.glob("*.feature")):
            return candidate
    raise CatalogError(
        tr(
            "katalog skenario tidak ditemukan: berikan --catalog DIR atau isi SPSE_SIM_CATALOG "
            "dengan folder berisi file .feature"
        )
    )


def entry_from_tags(tags: Iterable[str], *, title: str, feature: str, file: str) -> CatalogEntry:
    """Read id, profiles and sources out of a scenario's tags (feature tags included)."""
    tag_list = sorted(tags)
    ids = [t for t in tag_list if ID_PATTERN.match(t)]
    profiles = tuple(
        t.removeprefix(PROFILE_PREFIX) for t in tag_list if t.startswith(PROFILE_PREFIX)
    )
    sources = tuple(t.removeprefix(SOURCE_PREFIX) for t in tag_list if t.startswith(SOURCE_PREFIX))
    rules = tuple(t.removeprefix(RULE_PREFIX) for t in tag_list if t.startswith(RULE_PREFIX))
    where = f"{file}: {title!r}"
    if len(ids) != 1:
        raise CatalogError(f"{where} harus punya tepat satu tag @KODOK-NNN, ada {ids}")
    if not profiles:
        raise CatalogError(f"{where} harus punya tag @profil-...")
    unknown = [s for s in sources if s not in SOURCES]
    if not sources or unknown:
        raise CatalogError(
            f"{where} harus punya tag @sumber-... dari {sorted(SOURCES)}; salah: {unknown}"
        )
    known_rules = {r.rule_id for r in SEED_RULES}
    if any(r not in known_rules for r in rules):
        raise CatalogError(
            f"{where} menyebut aturan yang tidak dikenal {sorted(set(rules) - known_rules)}"
        )
    return CatalogEntry(ids[0], title, feature, file, profiles, sources, tuple(tag_list), rules)


def rule_coverage(entries: Sequence[CatalogEntry]) -> dict[str, list[str]]:
    """Seed rule id -> the scenario ids citing it (empty list: not yet reproduced)."""
    return {
        rule.rule_id: [e.scenario_id for e in entries if rule.rule_id in e.rules]
        for rule in SEED_RULES
    }


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
                raise CatalogError(f"{entry.scenario_id} dipakai dua kali ({entry.file})")
            entries[entry.scenario_id] = entry
    return sorted(entries.values(), key=lambda e: e.scenario_id)


def select(
    entries: Sequence[CatalogEntry], *, ids: Sequence[str] = (), tags: Sequence[str] = ()
) -> list[CatalogEntry]:
    """Entries with one of ``ids`` (all when empty) and every tag of ``tags``."""
    wanted = {i.upper() for i in ids}
    unknown = wanted - {e.scenario_id for e in entries}
    if unknown:
        raise CatalogError(tr("id skenario tidak dikenal: {ids}", ids=", ".join(sorted(unknown))))
    return [
        e
        for e in entries
        if (not wanted or e.scenario_id in wanted) and all(t.lstrip("@") in e.tags for t in tags)
    ]
