"""PKCS#12 bytes this process wrote or opened are not opened again with the same passphrase;
any other passphrase or any changed byte is opened in full, and refused as before."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

from simulator.desk.spamkodok import _pkcs12
from simulator.harness.keypool import pooled_key

PASSPHRASE = "Rahasia-Kodok-2025"


def refuse_to_open(monkeypatch: pytest.MonkeyPatch) -> None:
    def opened(*args: object) -> None:
        raise AssertionError("opened again")

    monkeypatch.setattr(pkcs12, "load_key_and_certificates", opened)


def test_bytes_it_wrote_open_without_being_decrypted_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = pooled_key(0)
    data = _pkcs12.dump(b"kodok", key, None, [], PASSPHRASE)
    refuse_to_open(monkeypatch)

    opened, certificate, extra = _pkcs12.load(data, PASSPHRASE)

    assert opened is key
    assert (certificate, extra) == (None, [])


def test_a_wrong_passphrase_is_still_refused() -> None:
    data = _pkcs12.dump(b"kodok", pooled_key(0), None, [], PASSPHRASE)

    with pytest.raises(_pkcs12.PassphraseRejected):
        _pkcs12.load(data, PASSPHRASE + "x")


def test_changed_bytes_are_opened_in_full_and_refused() -> None:
    data = bytearray(_pkcs12.dump(b"kodok", pooled_key(0), None, [], PASSPHRASE))
    data[-5] ^= 0x01  # inside the MAC

    with pytest.raises((_pkcs12.PassphraseRejected, _pkcs12.MalformedPfx)):
        _pkcs12.load(bytes(data), PASSPHRASE)


def test_bytes_opened_once_open_again_without_being_decrypted() -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    # Written elsewhere (not by _pkcs12.dump): the first opening is a full one.
    data = pkcs12.serialize_key_and_certificates(
        b"apd", key, None, None, BestAvailableEncryption(PASSPHRASE.encode())
    )
    first, _, _ = _pkcs12.load(data, PASSPHRASE)
    with pytest.MonkeyPatch.context() as patch:
        refuse_to_open(patch)
        again, _, extra = _pkcs12.load(data, PASSPHRASE)

    assert again is first
    assert extra == []
    extra.append(object())  # type: ignore[arg-type]  # a caller's list is its own
    assert _pkcs12.load(data, PASSPHRASE)[2] == []
