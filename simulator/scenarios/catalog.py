"""The scenario catalog: Gherkin files in Bahasa Indonesia under ``scenarios/features/``.

Every scenario carries three kinds of tags: its stable id (``@KODOK-012``), the profiles it
applies to (``@profil-spse-4.3-ca``, or ``@profil-semua``) and where its rule comes from
(``@sumber-hal-hal-yang-harus-diperhatikan``, see ``SOURCES``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

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


class Coverage(StrEnum):
    """How the simulator reproduces one actionable item of the Konsep Operasional."""

    FAITHFUL = "setia"  # reproduced as SPSE/SpamKodok do it, by the scenarios citing it
    PARTLY = "sebagian"  # reproduced, but the note says what differs from the real system
    NOT_APPLICABLE = "tidak-berlaku"  # nothing to reproduce here; the note says why

    @property
    def label(self) -> str:
        """The word `spse-sim list --rules` prints."""
        return {
            Coverage.FAITHFUL: "setia",
            Coverage.PARTLY: "sebagian",
            Coverage.NOT_APPLICABLE: "tidak berlaku",
        }[self]


@dataclass(frozen=True)
class SeedRule:
    """One actionable item of the Konsep Operasional and how the catalog reproduces it.

    ``quote`` is the item's opening words as printed (the coverage test finds it in the
    document); ``note`` says what differs (PARTLY) or why nothing applies (NOT_APPLICABLE).
    """

    rule_id: str
    section: str
    text: str
    quote: str
    coverage: Coverage = Coverage.FAITHFUL
    note: str = ""


_CA = "Perbedaan Dasar SPSE CA dan NON CA"
_IO = "Interoperabilitas SPSE"
_PRA = "Prasyarat Penyedia"
_HH = "Hal-hal yang harus diperhatikan"
_AKT_A = "Tahap Proses Aktivasi Sertifikat-a"
_AKT_B = "Tahap Proses Aktivasi Sertifikat-b"
_APA = "Apa yang harus dilakukan"
_KET = "Keuntungan Melapor lewat LPSE Support/Ticket"
_DL = "Download Materi"
_F, _P, _NA = Coverage.FAITHFUL, Coverage.PARTLY, Coverage.NOT_APPLICABLE

# Every actionable item of the Konsep Operasional, in its order. Scenarios cite them with tags
# such as @aturan-hh-1; `spse-sim list --rules` shows the mapping and the three counts. Ids
# are stable: new items get new ids, never a reused one.
SEED_RULES = (
    SeedRule(
        "ca-1",
        _CA,
        "SPSE NON CA mengamankan dokumen dengan APENDO (kunci dari sistem)",
        "SPSE NON CA, adalah SPSE yang TIDAK",
    ),
    SeedRule(
        "ca-2",
        _CA,
        "SPSE CA: sertifikat elektronik di SpamKodok, dicocokkan dengan signature",
        "SPSE CA, adalah SPSE yang menggunakan",
    ),
    SeedRule(
        "io-1",
        _IO,
        "SPSE bergantung pada layanan LKPP dan BSSN",
        "Setiap aplikasi SPSE yang digunakan",
        _P,
        "hanya ADP (LKPP) dan BSrE (BSSN) ditiru, gangguannya lewat saklar gangguan; dari SIKaP "
        "hanya status data terverifikasi per penyedia yang ditiru; layanan LKPP lain (INAPROC, "
        "pembaruan SPSE) tidak ditiru",
    ),
    SeedRule(
        "pra-1",
        _PRA,
        "Penyedia sudah terdaftar/memiliki akun di LPSE",
        "Penyedia harus memastikan sudah terdaftar",
    ),
    SeedRule(
        "pra-2",
        _PRA,
        "ADP (Agregasi Data Penyedia) berjalan lancar",
        "Penyedia harus memastikan ADP",
    ),
    SeedRule(
        "pra-3",
        _PRA,
        "Sertifikat elektronik berlaku dan TERTANAM di SpamKodok 2",
        "Penyedia harus memastikan memiliki sertifikat",
    ),
    SeedRule(
        "pra-4",
        _PRA,
        "Gunakan Windows 10 pada laptop/komputer",
        "Demi kelancaran, gunakan Windows10",
        _P,
        "sistem operasi adalah pengaturan meja penyedia; SpamKodok menampilkan saran "
        "pra-pemeriksaan pada sistem lain, tetapi kegagalan khas sistem lain tidak ditiru",
    ),
    SeedRule(
        "pra-5",
        _PRA,
        "Mendaftar di SIKaP LKPP untuk tender cepat dan e-pengadaan langsung",
        "Agar dapat berpartisipasi pada tender cepat",
        _P,
        "SIKaP ditiru sebagai status data per penyedia: Sinkronisasi SIKaP di Data Penyedia "
        "memverifikasi data yang lengkap; Tender Cepat menolak penyedia tanpa data terverifikasi. "
        "Aplikasi SIKaP sendiri, undangan SIKaP dan e-pengadaan langsung tidak ditiru",
    ),
    SeedRule(
        "hh-1",
        _HH,
        "Saat SpamKodok 2 berjalan, tidak ada instance browser lain yang hidup",
        "Pada saat menjalankan aplikasi SpamKodok 2",
        _P,
        "SpamKodok tiruan menahan pengiriman selama browser lain hidup; itu pilihan simulator "
        "(profil: guard_browser_lain), bukan perilaku SpamKodok yang terdokumentasi",
    ),
    SeedRule(
        "hh-6",
        _HH,
        "Memilih file syarat kualifikasi/teknis dan harga (penawaran per bagian)",
        "Pada saat memenuhi dan kemudian memilih file",
    ),
    SeedRule(
        "hh-2",
        _HH,
        "Nama file maksimal 40 karakter sudah termasuk ekstensinya",
        "Nama file kurang dari 40 karakter",
    ),
    SeedRule(
        "hh-3",
        _HH,
        "Nama file tanpa simbol / \\ , : ‘ “ + - ( )",
        "Nama file tidak boleh memiliki karakter symbol",
    ),
    SeedRule(
        "hh-4",
        _HH,
        "File yang diupload berada di HDD utama, bukan flashdisk",
        "File-file yang akan diupload HARUS berada di HDD utama",
    ),
    SeedRule(
        "hh-5",
        _HH,
        "Upload se-awal mungkin (setelah batas waktu upload ditolak)",
        "Lakukan Upload se-awal mungkin",
    ),
    SeedRule(
        "akt-a-1",
        _AKT_A,
        "Hadir di LPSE untuk verifikasi dengan dokumen asli dan salinan",
        "Pastikan hadir secara fisik di LPSE setempat",
    ),
    SeedRule(
        "akt-a-2",
        _AKT_A,
        "Sudah mendaftar/memiliki akun LPSE",
        "Pastikan sudah mendaftar/memiliki akun LPSE (bisa daftar dari LPSE seluruh indonesia)",
    ),
    SeedRule("akt-a-3", _AKT_A, "Proses menggunakan browser SpamKodok 2", "Operasi proses gunakan"),
    SeedRule(
        "akt-a-4",
        _AKT_A,
        "Setelah login muncul link merah untuk pendaftaran AMS",
        "Saat sudah login akan muncul link berwarna merah",
    ),
    SeedRule(
        "akt-a-5",
        _AKT_A,
        "Upload surat rekomendasi penyedia (TDP/SIUP/SIUK, surat keterangan)",
        "Upload juga surat rekomendasi penyedia",
    ),
    SeedRule(
        "akt-b-1",
        _AKT_B,
        "Verifikasi ulang di LPSE atau mandiri",
        "Bisa hadir secara fisik di LPSE setempat",
    ),
    SeedRule(
        "akt-b-2",
        _AKT_B,
        "Sudah mendaftar/memiliki akun LPSE",
        "Pastikan sudah mendaftar/memiliki akun LPSE (bisa daftar dari LPSE seluruh indonesia)",
    ),
    SeedRule("akt-b-3", _AKT_B, "Proses menggunakan browser SpamKodok 2", "Operasi proses gunakan"),
    SeedRule(
        "akt-b-4",
        _AKT_B,
        "Klik 'sertifikat' di kanan atas, import APD (sertifikat lama)",
        "Klik tulisan sertifikat di pojok kanan atas",
    ),
    SeedRule(
        "akt-b-5",
        _AKT_B,
        "Upload surat rekomendasi penyedia",
        "Upload juga surat rekomendasi penyedia",
    ),
    SeedRule(
        "apa-1",
        _APA,
        "Dokumentasikan screenshot error dan kronologi di file Word",
        "Dokumentasikan semua screenshot error",
    ),
    SeedRule(
        "apa-2",
        _APA,
        "Login SPSE, Aplikasi e-Procurement Lainnya, LPSE Support Production",
        "Login ke SPSE, klik aplikasi e-procurement lainnya",
    ),
    SeedRule(
        "apa-3",
        _APA,
        "Buat tiket baru, lengkapi isian dan kirimkan",
        "Buat tiket baru untuk permasalahan",
    ),
    SeedRule(
        "apa-4",
        _APA,
        "Tidak bisa login LPSE Support: email ke LPSE dengan lampiran Word",
        "Apabila tidak bisa login di LPSE Support",
    ),
    SeedRule(
        "apa-5",
        _APA,
        "Datang langsung ke LPSE untuk identifikasi masalah bersama",
        "Bisa juga datang langsung ke LPSE",
    ),
    SeedRule(
        "ket-1",
        _KET,
        "Urutan pengiriman dan penanganan tiket terlihat oleh semua pihak",
        "Semua urutan pengiriman dan proses penanganan",
    ),
    SeedRule(
        "ket-2",
        _KET,
        "Penyedia memantau penanganan tiketnya secara langsung",
        "Penyedia bisa secara langsung memonitor",
    ),
    SeedRule(
        "dl-1",
        _DL,
        "Materi penyedia diunduh melalui Konten Khusus LPSE",
        "Materi untuk Penyedia dapat didownload",
        _NA,
        "menurut dokumen itu sendiri materinya masih dipersiapkan; tidak ada yang ditiru",
    ),
    SeedRule(
        "dl-2",
        _DL,
        "Petunjuk penggunaan diunduh setiap kali login di LPSE",
        "Petunjuk detail operasional dapat diunduh",
        _NA,
        "petunjuk penggunaan adalah dokumen PDF LKPP, bukan perilaku sistem yang dapat diuji",
    ),
)

# Items of the document that are history, not something a vendor does or SPSE checks.
SEED_BACKGROUND = (
    "Kota Surakarta mulai dipilih",
    "Sebelumnya pilot project SPSE CA",
    "Dengan menggunakan CA (Certificate Authority)",
    "Mulai saat itu, penggunaan APENDO",
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
    # The steps it walks, Background included, over all its examples: what --shard weighs.
    steps: int = 0

    def applies_to(self, profile: str) -> bool:
        return applies_to_profile(self.tags, profile)


def named_profiles(tags: Iterable[str]) -> set[str]:
    """The profiles a scenario's ``@profil-...`` tags name ("semua" for all of them)."""
    return {t.removeprefix(PROFILE_PREFIX) for t in tags if t.startswith(PROFILE_PREFIX)}


def applies_to_profile(tags: Iterable[str], profile: str) -> bool:
    """Whether a scenario with ``tags`` runs on ``profile`` (else it is not applicable): it
    names that profile, or all of them, or none."""
    named = named_profiles(tags)
    return not named or ALL_PROFILES.removeprefix(PROFILE_PREFIX) in named or profile in named


def catalog_digest(entries: Sequence[CatalogEntry]) -> str:
    """A short fingerprint of a catalog: its ids, their steps and profiles. Shards of one run
    must come from one catalog (--shard divides by the steps: simulator.scenarios.shard)."""
    lines = sorted(f"{e.scenario_id} {e.steps} {' '.join(sorted(e.profiles))}" for e in entries)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


# The catalog ships inside the package (the checkout's top-level scenarios/ links here), so an
# installed spse-sim runs it from any folder.
PACKAGED_CATALOG = Path(__file__).resolve().parent / "features"
# The variable naming a catalog of one's own (a child run of ``--catalog DIR`` gets it).
CATALOG_ENV = "SPSE_SIM_CATALOG"


def find_catalog_dir(explicit: Path | None = None) -> Path:
    """``explicit``, else ``SPSE_SIM_CATALOG``, else the catalog installed with the package.
    An ``explicit`` folder without .feature files is refused, never passed over."""
    if explicit is not None:
        if not _holds_features(explicit):
            raise CatalogError(tr("{path}: bukan folder berisi file .feature", path=explicit))
        return explicit
    candidates = [Path(os.environ[CATALOG_ENV])] if os.environ.get(CATALOG_ENV) else []
    for candidate in [*candidates, PACKAGED_CATALOG]:
        if _holds_features(candidate):
            return candidate
    raise CatalogError(
        tr(
            "katalog skenario tidak ditemukan: berikan --catalog DIR atau isi SPSE_SIM_CATALOG "
            "dengan folder berisi file .feature"
        )
    )


def _holds_features(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob("*.feature"))


def entry_from_tags(tags: Iterable[str], *, title: str, feature: str, file: str) -> CatalogEntry:
    """Read id, profiles and sources out of a scenario's tags (feature tags included)."""
    tag_list = sorted(tags)
    ids = [t for t in tag_list if ID_PATTERN.match(t)]
    profiles = tuple(sorted(named_profiles(tag_list)))
    sources = tuple(t.removeprefix(SOURCE_PREFIX) for t in tag_list if t.startswith(SOURCE_PREFIX))
    rules = tuple(t.removeprefix(RULE_PREFIX) for t in tag_list if t.startswith(RULE_PREFIX))
    where = f"{file}: {title!r}"
    if len(ids) != 1:
        raise CatalogError(
            tr("{where} harus punya tepat satu tag @KODOK-NNN, ada {ids}", where=where, ids=ids)
        )
    if not profiles:
        raise CatalogError(tr("{where} harus punya tag @profil-...", where=where))
    unknown = [s for s in sources if s not in SOURCES]
    if not sources or unknown:
        raise CatalogError(
            tr(
                "{where} harus punya tag @sumber-... dari {sources}; salah: {unknown}",
                where=where,
                sources=sorted(SOURCES),
                unknown=unknown,
            )
        )
    known_rules = {r.rule_id for r in SEED_RULES}
    if any(r not in known_rules for r in rules):
        raise CatalogError(
            tr(
                "{where} menyebut aturan yang tidak dikenal {rules}",
                where=where,
                rules=sorted(set(rules) - known_rules),
            )
        )
    return CatalogEntry(ids[0], title, feature, file, profiles, sources, tuple(tag_list), rules)


def rule_coverage(entries: Sequence[CatalogEntry]) -> dict[str, list[str]]:
    """Seed rule id -> the scenario ids citing it (empty list: none cites it)."""
    return {
        rule.rule_id: [e.scenario_id for e in entries if rule.rule_id in e.rules]
        for rule in SEED_RULES
    }


def load_catalog(directory: Path) -> list[CatalogEntry]:
    """Every scenario of every feature file, sorted by id; CatalogError on a file that is no
    Gherkin (or no UTF-8 text) and on bad or duplicate tags."""
    # Imported here: pytest-bdd brings pytest (a tenth of a second), and every spse-sim command
    # imports this module while only the ones that read the catalog need the parser.
    from pytest_bdd.exceptions import GherkinParseError
    from pytest_bdd.feature import get_features

    try:
        features = get_features([str(directory)])
    except GherkinParseError as exc:
        where = f"{exc.filename}:{exc.line}" if exc.line else str(exc.filename)
        raise CatalogError(
            tr("{where}: bukan Gherkin yang benar: {why}", where=where, why=exc.message)
        ) from exc
    except UnicodeDecodeError as exc:
        raise CatalogError(
            tr("{path}: ada file .feature yang bukan teks UTF-8", path=directory)
        ) from exc
    except OSError as exc:
        raise CatalogError(
            tr(
                "{path}: tidak terbaca: {reason}",
                path=exc.filename or directory,
                reason=exc.strerror,
            )
        ) from exc
    entries: dict[str, CatalogEntry] = {}
    for feature in features:
        for scenario in feature.scenarios.values():
            entry = entry_from_tags(
                scenario.tags | feature.tags,
                title=scenario.name,
                feature=feature.name,
                file=Path(feature.filename).name,
            )
            rows = sum(len(table.examples) for table in scenario.examples) or 1
            entry = replace(entry, steps=len(scenario.steps) * rows)
            if entry.scenario_id in entries:
                raise CatalogError(
                    tr("{id} dipakai dua kali ({file})", id=entry.scenario_id, file=entry.file)
                )
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
