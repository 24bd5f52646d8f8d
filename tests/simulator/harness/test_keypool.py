"""Pooled RSA keys for arranged certificates: distinct within a run, kept between runs."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from simulator.desk.spamkodok.keystore import KEY_BITS
from simulator.harness import keypool
from simulator.harness.keypool import KeyRing


def test_a_ring_hands_out_distinct_keys_kept_in_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(keypool.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(keypool, "_loaded", {})
    ring = KeyRing()
    first, second = ring.next(), ring.next()
    assert isinstance(first, rsa.RSAPrivateKey)
    assert first.key_size == KEY_BITS
    assert first.public_key() != second.public_key()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"rsa-{KEY_BITS}-000.pem",
        f"rsa-{KEY_BITS}-001.pem",
    ]
    # Another process (an empty memory) reads the same keys back, in the same order.
    monkeypatch.setattr(keypool, "_loaded", {})
    again = KeyRing()
    assert again.next().public_key() == first.public_key()
    assert again.next().public_key() == second.public_key()


def test_desks_on_several_lanes_never_draw_the_same_key(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[int] = []
    lanes_inside = threading.Barrier(4, timeout=30)

    def pooled_key(index: int) -> int:
        # Every lane is inside its draw before any draw ends: all four overlap for certain.
        lanes_inside.wait()
        drawn.append(index)
        return index

    monkeypatch.setattr(keypool, "pooled_key", pooled_key)
    ring = KeyRing()
    lanes = [threading.Thread(target=ring.next) for _ in range(4)]
    for lane in lanes:
        lane.start()
    for lane in lanes:
        lane.join()
    assert sorted(drawn) == list(range(4))


def test_a_damaged_cache_file_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keypool.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(keypool, "_loaded", {})
    (tmp_path / f"rsa-{KEY_BITS}-000.pem").write_text("kein Schlüssel")
    key = KeyRing().next()
    assert key.key_size == KEY_BITS
    assert (tmp_path / f"rsa-{KEY_BITS}-000.pem").read_text().startswith("-----BEGIN")


def test_a_ring_may_start_further_in_the_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Processes sharing out one world's people (the rush's sealing workers) draw disjoint keys."""
    monkeypatch.setenv(keypool.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(keypool, "_loaded", {})
    key = KeyRing(start=2).next()
    assert [p.name for p in tmp_path.iterdir()] == [f"rsa-{KEY_BITS}-002.pem"]
    assert key.public_key() == KeyRing(start=2).next().public_key()
