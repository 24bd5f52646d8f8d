"""SPSE profiles: the limits, stages and messages that differ between SPSE variants."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Literal, TypeVar, cast

from spse_shared.language import english
from spse_shared.messages import MessageCatalog

# The profile a server, a run and a test use when none is named.
DEFAULT_PROFILE = "spse-4.3-ca"
KNOWN_SERVICES = ("ca", "adp", "support")
_PROTECTIONS = ("ca", "apendo")
_FLASHDISK_FAILURES = ("pembukaan", "unggah")
_IN_PERSON = ("wajib", "pilihan", "tidak")

_T = TypeVar("_T")


# The two stages every profile must have: the offer is uploaded in one and opened in the next.
UPLOAD_STAGE = "Upload Dokumen Penawaran"
OPENING_STAGE = "Pembukaan Dokumen Penawaran"
# Stages every method has after its offers are opened (SPSE uses the same names for all).
PEMBUKTIAN_STAGE = "Pembuktian Kualifikasi"
PENETAPAN_STAGE = "Penetapan Pemenang"
PENGUMUMAN_PEMENANG_STAGE = "Pengumuman Pemenang"
SANGGAH_STAGE = "Masa Sanggah"
# The method a package runs when its jenis pengadaan names none (and the one old data folders,
# written before methods existed, ran).
DEFAULT_METHOD = "pasca-satu-file"
_REQUIRED_STAGES = (
    UPLOAD_STAGE,
    PEMBUKTIAN_STAGE,
    PENETAPAN_STAGE,
    PENGUMUMAN_PEMENANG_STAGE,
    SANGGAH_STAGE,
)
# A method whose qualification is the vendor's SIKaP data (Tender Cepat) has no Pembuktian
# Kualifikasi and no Masa Sanggah; it still fixes and announces a winner.
_REQUIRED_STAGES_SIKAP = (UPLOAD_STAGE, PENETAPAN_STAGE, PENGUMUMAN_PEMENANG_STAGE)


@dataclass(frozen=True)
class StageTemplate:
    """A stage of the tender schedule and how many hours it lasts."""

    name: str
    hours: int


# The legal ranges of the Kualitas dan Biaya weights (Perlem LKPP 12/2021, jasa konsultansi):
# bobot teknis 0,60 to 0,80 and bobot biaya 0,20 to 0,40, together 1.
TECHNICAL_WEIGHT_RANGE = (Decimal("0.60"), Decimal("0.80"))
COST_WEIGHT_RANGE = (Decimal("0.20"), Decimal("0.40"))


@dataclass(frozen=True)
class QualityCost:
    """Metode evaluasi Kualitas dan Biaya (Perpres 16/2018, Perlem LKPP 12/2021): the weights
    of nilai teknis and nilai biaya in the nilai akhir, and the ambang batas nilai teknis
    (passing grade) below which a participant gugur."""

    bobot_teknis: Decimal
    bobot_biaya: Decimal
    ambang_teknis: Decimal


@dataclass(frozen=True)
class TenderMethod:
    """A tender method ("Metode Pengadaan") as SPSE runs it: its stages and sealed files.

    ``kualitas_biaya`` is set for a method whose winner has the highest nilai akhir (Seleksi,
    Kualitas dan Biaya); without it the lowest passing price wins (Harga Terendah Sistem Gugur).
    """

    key: str
    name: str
    files: int
    jenis_pengadaan: tuple[int, ...]
    opening_stages: tuple[str, ...]
    evaluation_stage: str
    stages: tuple[StageTemplate, ...]
    kualitas_biaya: QualityCost | None = None
    # The pokja picks this method on the 'Paket Baru' form (Tender Cepat); the jenis pengadaan
    # alone never picks it. ``jenis_pengadaan`` then lists the kinds it may be used for.
    chosen_by_pokja: bool = False
    # Only vendors whose SIKaP data are complete and verified may join (Tender Cepat: the
    # SIKaP data are the qualification, the pokja does not evaluate it).
    requires_sikap: bool = False


@dataclass(frozen=True)
class Profile:
    """One SPSE variant, as read from a TOML profile file."""

    name: str
    title: str
    spse_version: str
    footer_version: str
    protection: Literal["ca", "apendo"]
    filename_max_chars: int
    filename_limit_inclusive: bool
    forbidden_filename_chars: tuple[str, ...]
    upload_max_bytes: int
    ams_letter_max_bytes: int
    ams_letter_types: tuple[str, ...]
    certificate_validity_days: int
    methods: Mapping[str, TenderMethod]
    messages: Mapping[str, str]
    services: tuple[str, ...]
    # The same overrides in English (``[messages_en]``), for runs in English (--lang en).
    messages_en: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # The title in English (``title_en``), shown in runs in English; empty: ``title`` is shown.
    title_en: str = ""

    @property
    def shown_title(self) -> str:
        """The title people read, in the chosen language."""
        return self.title_en if english() and self.title_en else self.title

    def catalog(self) -> MessageCatalog:
        """This profile's message catalog, in the chosen language."""
        return MessageCatalog(self.messages, self.messages_en)

    # [failures]: how failures show, where SPSE versions (or our knowledge) differ.
    # "pembukaan": a file from a flash drive is accepted at upload and the offer fails at
    # opening ("tidak dapat didekripsi"), as the field reports; "unggah": SpamKodok refuses it
    # before sealing (the simulator's earlier, friendlier behaviour).
    flashdisk_failure: Literal["pembukaan", "unggah"] = "pembukaan"
    # SpamKodok flags, at opening, a document whose content is an archive (RAR/ZIP) or a
    # program although its name says .pdf.
    flag_disguised_files: bool = True
    # A simulator choice, not an SPSE fact: SpamKodok holds the sending while another browser
    # runs on the desk (the seed only says none should run).
    other_browser_guard: bool = True
    # [ams]: the vendor's visit to the LPSE with the originals (the Konsep Operasional,
    # activation a-1 "Pastikan hadir secara fisik", b-1 "Bisa hadir ... /dilakukan mandiri"):
    # "wajib" = the verifikator approves only after recording it, "pilihan" = optional (on an
    # upgrade the vendor chooses), "tidak" = no such step (an upgrade is self-service).
    ams_in_person: Literal["wajib", "pilihan", "tidak"] = "wajib"
    upgrade_in_person: Literal["wajib", "pilihan", "tidak"] = "pilihan"
    # [desk]: the operating system the Konsep Operasional recommends; SpamKodok shows its
    # pre-flight advice on a desk with another one.
    recommended_os: str = "Windows 10"

    @property
    def schedule(self) -> tuple[StageTemplate, ...]:
        """The stages of the default method (Tender - Pascakualifikasi Satu File)."""
        return self.methods[DEFAULT_METHOD].stages

    def method(self, key: str) -> TenderMethod:
        """The method ``key``; ProfileError naming the known ones when it is not offered."""
        try:
            return self.methods[key]
        except KeyError:
            known = ", ".join(self.methods)
            raise ProfileError(f"{self.name}: unknown method {key!r}; known: {known}") from None

    def method_for(self, jenis_pengadaan: int) -> TenderMethod:
        """The method SPSE picks for a package of ``jenis_pengadaan`` (the default otherwise);
        never one the pokja must choose."""
        for method in self.methods.values():
            if jenis_pengadaan in method.jenis_pengadaan and not method.chosen_by_pokja:
                return method
        return self.methods[DEFAULT_METHOD]

    @property
    def pokja_methods(self) -> tuple[TenderMethod, ...]:
        """The methods the pokja may choose on the 'Paket Baru' form (e.g. Tender Cepat)."""
        return tuple(m for m in self.methods.values() if m.chosen_by_pokja)


class ProfileError(ValueError):
    """An unknown profile name or an invalid profile file."""


def _profiles_dir() -> Traversable:
    return resources.files("spse_shared").joinpath("profiles")


def available_profiles() -> list[str]:
    """Names of the profiles shipped with the simulator."""
    return sorted(
        entry.name.removesuffix(".toml")
        for entry in _profiles_dir().iterdir()
        if entry.is_file() and entry.name.endswith(".toml")
    )


def load_profile(name: str) -> Profile:
    """Load a shipped profile by name."""
    names = available_profiles()
    if name not in names:
        raise ProfileError(f"unknown profile {name!r}; available profiles: {', '.join(names)}")
    source = f"profile {name!r}"
    text = _profiles_dir().joinpath(f"{name}.toml").read_text(encoding="utf-8")
    profile = _parse(text, source)
    if profile.name != name:
        raise ProfileError(f"{source}: key 'name' is {profile.name!r}, expected {name!r}")
    return profile


def load_profile_file(path: Path) -> Profile:
    """Load a profile from a TOML file of one's own (same keys as the shipped profiles)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ProfileError(f"cannot read profile file {path}: {exc}") from exc
    return _parse(text, f"profile file {path}")


class _Table:
    """A TOML table read key by key, so every error names the offending key."""

    def __init__(self, data: Mapping[str, object], prefix: str, source: str) -> None:
        self._data = data
        self._prefix = prefix
        self.source = source
        self._used: set[str] = set()

    def names(self) -> list[str]:
        return list(self._data)

    @property
    def prefix(self) -> str:
        return self._prefix

    def _key(self, key: str) -> str:
        return f"{self._prefix}{key}"

    def error(self, key: str, problem: str) -> ProfileError:
        return ProfileError(f"{self.source}: key {self._key(key)!r} {problem}")

    def get(self, key: str, kind: type[_T], *, default: _T | None = None) -> _T:
        self._used.add(key)
        if key not in self._data:
            if default is not None:
                return default
            raise self.error(key, "is missing")
        value = self._data[key]
        # bool is an int subclass, but true/false is never a valid count.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.error(key, f"must be of type {kind.__name__}, got {value!r}")
        return value

    def text(self, key: str) -> str:
        value = self.get(key, str)
        if not value.strip():
            raise self.error(key, "must not be empty")
        return value

    def positive_int(self, key: str) -> int:
        value = self.get(key, int)
        if value < 1:
            raise self.error(key, f"must be at least 1, got {value}")
        return value

    def str_list(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list)
        for index, item in enumerate(values):
            if not isinstance(item, str) or not item:
                raise self.error(key, f"item {index} must be a non-empty string, got {item!r}")
        return tuple(cast(list[str], values))

    def table(self, key: str, *, optional: bool = False) -> _Table:
        data = self.get(key, dict, default={} if optional else None)
        return _Table(cast(dict[str, object], data), f"{self._key(key)}.", self.source)

    def finish(self) -> None:
        unknown = sorted(set(self._data) - self._used)
        if unknown:
            raise self.error(unknown[0], "is not a known profile key")


@functools.lru_cache(maxsize=16)
def _parse(text: str, source: str) -> Profile:
    # Cached by the file's text: every scenario's server and harness load the same profile
    # (about 2 ms of TOML each time), and a Profile is immutable.
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{source}: invalid TOML: {exc}") from exc
    root = _Table(data, "", source)

    protection = root.text("protection")
    if protection not in _PROTECTIONS:
        raise root.error("protection", f"must be one of {', '.join(_PROTECTIONS)}")
    services = root.str_list("services")
    for service in services:
        if service not in KNOWN_SERVICES:
            raise root.error("services", f"has unknown service {service!r}")
    if protection == "ca" and "ca" not in services:
        raise root.error("services", "must include 'ca' when protection is 'ca'")

    filename = root.table("filename")
    upload = root.table("upload")
    ams = root.table("ams")
    certificate = root.table("certificate")
    messages = root.table("messages", optional=True)
    messages_en = root.table("messages_en", optional=True)
    failures = root.table("failures", optional=True)
    desk = root.table("desk", optional=True)
    in_person = ams.get("in_person", str, default="wajib")
    upgrade_in_person = ams.get("upgrade_in_person", str, default="pilihan")
    for key, value in (("in_person", in_person), ("upgrade_in_person", upgrade_in_person)):
        if value not in _IN_PERSON:
            raise ams.error(key, f"must be one of {', '.join(_IN_PERSON)}")
    flashdisk = failures.get("flashdisk", str, default="pembukaan")
    if flashdisk not in _FLASHDISK_FAILURES:
        raise failures.error("flashdisk", f"must be one of {', '.join(_FLASHDISK_FAILURES)}")
    profile = Profile(
        name=root.text("name"),
        title=root.text("title"),
        title_en=root.get("title_en", str, default=""),
        spse_version=root.text("spse_version"),
        footer_version=root.text("footer_version"),
        protection=cast(Literal["ca", "apendo"], protection),
        filename_max_chars=filename.positive_int("max_chars"),
        filename_limit_inclusive=filename.get("limit_inclusive", bool),
        forbidden_filename_chars=filename.str_list("forbidden_chars"),
        upload_max_bytes=upload.positive_int("max_bytes"),
        ams_letter_max_bytes=ams.positive_int("letter_max_bytes"),
        ams_letter_types=ams.str_list("letter_types"),
        certificate_validity_days=certificate.positive_int("validity_days"),
        methods=_parse_methods(root),
        messages=MappingProxyType({key: messages.text(key) for key in messages.names()}),
        services=services,
        messages_en=MappingProxyType({key: messages_en.text(key) for key in messages_en.names()}),
        flashdisk_failure=cast(Literal["pembukaan", "unggah"], flashdisk),
        flag_disguised_files=failures.get("flag_disguised_files", bool, default=True),
        other_browser_guard=failures.get("other_browser_guard", bool, default=True),
        ams_in_person=cast(Literal["wajib", "pilihan", "tidak"], in_person),
        upgrade_in_person=cast(Literal["wajib", "pilihan", "tidak"], upgrade_in_person),
        recommended_os=desk.get("recommended_os", str, default="Windows 10"),
    )
    for index, suffix in enumerate(profile.ams_letter_types):
        if not suffix.startswith("."):
            raise ams.error("letter_types", f"item {index} must start with '.', got {suffix!r}")
    for table in (filename, upload, ams, certificate, messages, messages_en, failures, desk, root):
        table.finish()
    return profile


def _parse_methods(root: _Table) -> Mapping[str, TenderMethod]:
    methods_table = root.table("methods")
    methods: dict[str, TenderMethod] = {}
    claimed: dict[int, str] = {}
    for key in methods_table.names():
        table = methods_table.table(key)
        stages = _parse_stages(table)
        names = [stage.name for stage in stages]
        files = table.positive_int("files")
        opening = table.str_list("opening_stages")
        if len(opening) != files:
            raise table.error("opening_stages", f"must name one stage per file ({files})")
        evaluation = table.text("evaluation_stage")
        chosen = table.get("chosen_by_pokja", bool, default=False)
        sikap = table.get("requires_sikap", bool, default=False)
        required_stages = _REQUIRED_STAGES_SIKAP if sikap else _REQUIRED_STAGES
        for required in (*required_stages, *opening, evaluation):
            if required not in names:
                raise table.error("stages", f"must include the stage {required!r}")
        for stage in opening:
            if names.index(stage) < names.index(UPLOAD_STAGE):
                raise table.error("stages", f"must put {stage!r} after {UPLOAD_STAGE!r}")
        jenis = table.get("jenis_pengadaan", list)
        for index, code in enumerate(jenis):
            if not isinstance(code, int) or isinstance(code, bool):
                raise table.error("jenis_pengadaan", f"item {index} must be an integer")
            if chosen:
                # A method the pokja chooses shares its kinds with the one SPSE picks.
                continue
            if code in claimed:
                raise table.error("jenis_pengadaan", f"repeats {code} (already {claimed[code]!r})")
            claimed[code] = key
        methods[key] = TenderMethod(
            key=key,
            name=table.text("name"),
            files=files,
            jenis_pengadaan=tuple(cast(list[int], jenis)),
            opening_stages=opening,
            evaluation_stage=evaluation,
            stages=stages,
            kualitas_biaya=_parse_quality_cost(table),
            chosen_by_pokja=chosen,
            requires_sikap=sikap,
        )
        table.finish()
    if DEFAULT_METHOD not in methods:
        raise methods_table.error(DEFAULT_METHOD, "is missing")
    if methods[DEFAULT_METHOD].chosen_by_pokja:
        raise methods_table.error(DEFAULT_METHOD, "must not be chosen_by_pokja")
    methods_table.finish()
    return MappingProxyType(methods)


def _parse_quality_cost(method: _Table) -> QualityCost | None:
    """``[methods.<key>.kualitas_biaya]``: the weights within their legal ranges, summing to 1,
    and a passing grade from 0 to 100 (None when the method has no such table)."""
    if "kualitas_biaya" not in method.names():
        return None
    table = method.table("kualitas_biaya")

    def number(key: str) -> Decimal:
        value = table.get(key, object)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise table.error(key, f"must be a number, got {value!r}")
        return Decimal(str(value))

    technical, cost = number("bobot_teknis"), number("bobot_biaya")
    for key, value, (low, high) in (
        ("bobot_teknis", technical, TECHNICAL_WEIGHT_RANGE),
        ("bobot_biaya", cost, COST_WEIGHT_RANGE),
    ):
        if not low <= value <= high:
            raise table.error(key, f"must be from {low} to {high}, got {value}")
    if technical + cost != 1:
        raise table.error("bobot_biaya", f"must make 1 with bobot_teknis, got {technical + cost}")
    passing = number("ambang_teknis")
    if not 0 <= passing <= 100:
        raise table.error("ambang_teknis", f"must be from 0 to 100, got {passing}")
    table.finish()
    return QualityCost(bobot_teknis=technical, bobot_biaya=cost, ambang_teknis=passing)


def _parse_stages(table: _Table) -> tuple[StageTemplate, ...]:
    items = table.get("stages", list)
    if not items:
        raise table.error("stages", "must list at least one stage")
    stages: list[StageTemplate] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise table.error(f"stages[{index}]", "must be a table with name and hours")
        entry = _Table(
            cast(dict[str, object], item), f"{table.prefix}stages[{index}].", table.source
        )
        stages.append(StageTemplate(name=entry.text("name"), hours=entry.positive_int("hours")))
        entry.finish()
    names = [stage.name for stage in stages]
    for index, name in enumerate(names):
        if name in names[:index]:
            raise table.error(f"stages[{index}].name", f"repeats stage {name!r}")
    return tuple(stages)
