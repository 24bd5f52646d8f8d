"""Opening the same PKCS#12 bytes again does not derive the passphrase's keys again."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from simulator.desk.spamkodok import _pkcs12

PASSPHRASE = "rahasia-kodok"


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Counts the real PKCS#12 openings (each runs the key derivation)."""
    _pkcs12._load_unchanged.cache_clear()
    seen: list[bytes] = []
    real = pkcs12.load_key_and_certificates

    def counting(data: bytes, password: bytes | None, *args: Any) -> Any:
        seen.append(data)
        return real(data, password, *args)

    monkeypatch.setattr(pkcs12, "load_key_and_certificates", counting)
    return seen


def test_the_same_bytes_are_derived_once(key: rsa.RSAPrivateKey, derivations: list[bytes]) -> None:
    data = _pkcs12.dump(b"budi", key, None, [], PASSPHRASE)

    first = _pkcs12.load(data, PASSPHRASE)
    again = _pkcs12.load(data, PASSPHRASE)

    assert len(derivations) == 1
    assert isinstance(again[0], rsa.RSAPrivateKey)
    assert again[0].private_numbers() == key.private_numbers()
    # Each caller gets a list of its own: changing one does not change what the next sees.
    first[2].append(None)  # type: ignore[arg-type]
    assert _pkcs12.load(data, PASSPHRASE)[2] == []


def test_other_bytes_are_opened_again(key: rsa.RSAPrivateKey, derivations: list[bytes]) -> None:
    _pkcs12.load(_pkcs12.dump(b"budi", key, None, [], PASSPHRASE), PASSPHRASE)
    # The same key saved again (a new salt): other bytes, so a real opening.
    _pkcs12.load(_pkcs12.dump(b"budi", key, None, [], PASSPHRASE), PASSPHRASE)

    assert len(derivations) == 2


def test_a_wrong_passphrase_fails_every_time(
    key: rsa.RSAPrivateKey, derivations: list[bytes]
) -> None:
    data = _pkcs12.dump(b"budi", key, None, [], PASSPHRASE)
    _pkcs12.load(data, PASSPHRASE)

    for _ in range(2):
        with pytest.raises(_pkcs12.PassphraseRejected):
            _pkcs12.load(data, "salah")
    assert len(derivations) == 3  # the good opening once, each failure tried for real
