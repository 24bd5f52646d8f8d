"""Damaging a stored offer for opening scenarios (fake_spse.control.damage)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_spse.control.damage import Damage, damage_file


@pytest.fixture
def offer(tmp_path: Path) -> Path:
    path = tmp_path / "blob"
    path.write_bytes(bytes(range(10)))
    return path


def test_flip_changes_one_byte_and_keeps_the_size(offer: Path) -> None:
    assert damage_file(offer, "flip", 3) == Damage("flip", 3, 10, 10)
    data = offer.read_bytes()
    assert data[3] == 3 ^ 0xFF
    assert data[:3] + data[4:] == bytes([0, 1, 2, 4, 5, 6, 7, 8, 9])


def test_flip_defaults_to_the_middle(offer: Path) -> None:
    assert damage_file(offer, "flip").at == 5
    assert offer.read_bytes()[5] == 5 ^ 0xFF


def test_truncate_cuts_the_file(offer: Path) -> None:
    assert damage_file(offer, "truncate", 4) == Damage("truncate", 4, 10, 4)
    assert offer.read_bytes() == bytes(range(4))
    assert damage_file(offer, "truncate").size_after == 2


@pytest.mark.parametrize(
    ("mode", "at", "problem"),
    [("burn", None, "mode"), ("flip", 10, "0..9"), ("flip", -1, "0..9"), ("truncate", 10, "0..9")],
)
def test_bad_requests_leave_the_file_alone(
    offer: Path, mode: str, at: int | None, problem: str
) -> None:
    with pytest.raises(ValueError, match=problem):
        damage_file(offer, mode, at)
    assert offer.read_bytes() == bytes(range(10))


def test_an_empty_file_cannot_be_damaged(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    with pytest.raises(ValueError, match="empty"):
        damage_file(empty, "truncate", 0)
