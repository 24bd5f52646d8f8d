"""SpamKodok's pre-upload check of the files a vendor picked (the seed's 'Hal-hal yang harus
diperhatikan'): name length, forbidden symbols, duplicate names, files on a flash drive.

The same code serves the upload page (through the bridge) and ``spse-sim check-file``.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spse_shared.profile import Profile


@dataclass(frozen=True)
class Problem:
    """One reason to refuse a file: a message-catalog key and its parameters."""

    key: str
    params: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class FileCheck:
    path: Path
    name: str
    size: int
    problems: tuple[Problem, ...]

    @property
    def accepted(self) -> bool:
        return not self.problems


def check_files(
    paths: Sequence[Path], profile: Profile, *, removable_roots: Sequence[Path] = ()
) -> list[FileCheck]:
    """Check every file as SpamKodok does before sealing; problems are reported, not raised."""
    seen: dict[str, int] = {}
    for path in paths:
        seen[path.name.casefold()] = seen.get(path.name.casefold(), 0) + 1
    checks = []
    for path in paths:
        problems = list(name_problems(path.name, profile))
        if seen[path.name.casefold()] > 1:
            problems.append(Problem("kodok.nama_ganda", {"name": path.name}))
        if not path.is_file():
            problems.append(Problem("kodok.file_tidak_ditemukan", {"name": path.name}))
            checks.append(FileCheck(path, path.name, 0, tuple(problems)))
            continue
        # Refused up front only in profiles that say so; otherwise the file is accepted and the
        # offer fails at opening (see flashdisk.py).
        if profile.flashdisk_failure == "unggah" and is_removable(path, removable_roots):
            problems.append(Problem("kodok.flashdisk", {"name": path.name}))
        checks.append(FileCheck(path, path.name, path.stat().st_size, tuple(problems)))
    return checks


def name_problems(name: str, profile: Profile) -> list[Problem]:
    """Problems of a file name alone. Length counts characters (not bytes), extension included."""
    problems = []
    limit = profile.filename_max_chars
    too_long = len(name) > limit if profile.filename_limit_inclusive else len(name) >= limit
    if too_long:
        problems.append(
            Problem("kodok.nama_terlalu_panjang", {"name": name, "length": len(name), "max": limit})
        )
    bad = [c for c in profile.forbidden_filename_chars if c in name]
    if bad:
        problems.append(Problem("kodok.karakter_terlarang", {"name": name, "chars": " ".join(bad)}))
    return problems


def is_removable(path: Path, removable_roots: Sequence[Path] = ()) -> bool:
    """True when ``path`` lies on removable media, as the operating system reports it.

    Scenarios may also declare folders that count as a flash drive (``removable_roots``).
    """
    resolved = path.resolve()
    for root in removable_roots:
        if resolved.is_relative_to(root.resolve()):
            return True
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        drive = resolved.drive + "\\"
        drive_removable = 2
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == drive_removable)  # type: ignore[attr-defined]
    return _linux_removable(resolved)


def _linux_removable(path: Path) -> bool:
    try:
        device = path.stat().st_dev
    except OSError:
        return False
    sys_block = Path(f"/sys/dev/block/{os.major(device)}:{os.minor(device)}")
    # A partition's own folder has no 'removable' flag; its parent disk has.
    for candidate in (sys_block, sys_block.resolve().parent):
        flag = candidate / "removable"
        if flag.is_file():
            try:
                return flag.read_text().strip() == "1"
            except OSError:
                return False
    return False
