"""Damaging a stored file on purpose: the control plane bending reality for opening scenarios.

SPSE itself never changes a stored offer. A scenario that needs a disk error or tampering in
storage asks ``/_sim`` to flip a byte (same size, other content) or to cut the file short.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MODES = ("flip", "truncate")


@dataclass(frozen=True)
class Damage:
    mode: str
    at: int
    size_before: int
    size_after: int


def damage_file(path: Path, mode: str, at: int | None = None) -> Damage:
    """Flip every bit of the byte at ``at`` or cut the file to ``at`` bytes (default: middle).

    ValueError for an unknown mode, an empty file or a position outside the file.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    size = path.stat().st_size
    if size == 0:
        raise ValueError("the file is empty: nothing to damage")
    position = size // 2 if at is None else int(at)
    if mode == "flip":
        if not 0 <= position < size:
            raise ValueError(f"at must be in 0..{size - 1} for flip, not {position}")
        with path.open("r+b") as file:
            file.seek(position)
            original = file.read(1)[0]
            file.seek(position)
            file.write(bytes([original ^ 0xFF]))
        return Damage(mode, position, size, size)
    if not 0 <= position < size:
        raise ValueError(f"at must be in 0..{size - 1} for truncate, not {position}")
    with path.open("r+b") as file:
        file.truncate(position)
    return Damage(mode, position, size, position)
