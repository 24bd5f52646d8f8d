"""SPSE profiles: the limits, stages and messages that differ between SPSE variants."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Literal, TypeVar, cast

from spse_shared.messages import MessageCatalog

# The profile a server, a run and a test use when none is named.
DEFAULT_PROFILE = "spse-4.3-ca"
KNOWN_SERVICES = ("ca", "adp", "support")
_PROTECTIONS = ("ca", "apendo")
_FLASHDISK_FAILURES = ("pembukaan", "unggah")

_T = TypeVar("_T")


# The two stages every profile must have: the offer is uploaded in one and opened in the next.
UPLOAD_STAGE = "Upload Dokumen Penawaran"
OPENING_STAGE = "Pembukaan Dokumen Penawaran"


@dataclass(frozen=True)
class StageTemplate:
    """A stage of the tender schedule and how many hours it lasts."""

    name: str
    hours: int


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
    schedule: tuple[StageTemplate, ...]
    messages: Mapping[str, str]
    services: tuple[str, ...]
    # The same overrides in English (``[messages_en]``), for runs in English (--lang en).
    messages_en: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

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
    # [desk]: the operating system the Konsep Operasional recommends; SpamKodok shows its
    # pre-flight advice on a desk with another one.
    recommended_os: str = "Windows 10"


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


def _parse(text: str, source: str) -> Profile:
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
    flashdisk = failures.get("flashdisk", str, default="pembukaan")
    if flashdisk not in _FLASHDISK_FAILURES:
        raise failures.error("flashdisk", f"must be one of {', '.join(_FLASHDISK_FAILURES)}")
    profile = Profile(
        name=root.text("name"),
        title=root.text("title"),
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
        schedule=_parse_schedule(root),
        messages=MappingProxyType({key: messages.text(key) for key in messages.names()}),
        services=services,
        messages_en=MappingProxyType({key: messages_en.text(key) for key in messages_en.names()}),
        flashdisk_failure=cast(Literal["pembukaan", "unggah"], flashdisk),
        flag_disguised_files=failures.get("flag_disguised_files", bool, default=True),
        other_browser_guard=failures.get("other_browser_guard", bool, default=True),
        recommended_os=desk.get("recommended_os", str, default="Windows 10"),
    )
    for index, suffix in enumerate(profile.ams_letter_types):
        if not suffix.startswith("."):
            raise ams.error("letter_types", f"item {index} must start with '.', got {suffix!r}")
    for table in (filename, upload, ams, certificate, messages, messages_en, failures, desk, root):
        table.finish()
    return profile


def _parse_schedule(root: _Table) -> tuple[StageTemplate, ...]:
    items = root.get("schedule", list)
    if not items:
        raise root.error("schedule", "must list at least one stage")
    stages: list[StageTemplate] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise root.error(f"schedule[{index}]", "must be a table with name and hours")
        table = _Table(cast(dict[str, object], item), f"schedule[{index}].", root.source)
        stages.append(StageTemplate(name=table.text("name"), hours=table.positive_int("hours")))
        table.finish()
    names = [stage.name for stage in stages]
    for index, name in enumerate(names):
        if name in names[:index]:
            raise root.error(f"schedule[{index}].name", f"repeats stage {name!r}")
    for required in (UPLOAD_STAGE, OPENING_STAGE):
        if required not in names:
            raise root.error("schedule", f"must include the stage {required!r}")
    if names.index(OPENING_STAGE) < names.index(UPLOAD_STAGE):
        raise root.error("schedule", f"must put {OPENING_STAGE!r} after {UPLOAD_STAGE!r}")
    return tuple(stages)
