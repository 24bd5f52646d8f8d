"""Pre-generated RSA keys for simulated people: test data, not secrets.

Making an RSA-2048 key costs a few hundred milliseconds; an arranged world needs one per person
with a certificate. The pool makes each key once per machine (kept as PEM files in a cache
folder, ``$SPSE_SIM_KEY_CACHE`` or ``~/.cache/spse-sim/keys``) and once per process in memory.
A ``KeyRing`` hands a scenario distinct keys in a fixed order; different scenarios share them,
which is harmless: each scenario has its own BSrE and its own desks.

Arranged Givens draw from the pool, and so do the simulated desks' SpamKodok (AMS registration
walked through the pages, key replacement, import APD): what those steps are about is the
request, the review and the embedding, not the making of a prime. SpamKodok outside the harness
still makes a fresh key, as the real desk does.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from simulator.desk.spamkodok.keystore import KEY_BITS, generate_key
from spse_shared.atomic import write_atomic

CACHE_ENV = "SPSE_SIM_KEY_CACHE"

_loaded: dict[int, rsa.RSAPrivateKey] = {}
_lock = threading.Lock()


def cache_dir() -> Path:
    """Where pooled keys are kept between runs on this machine."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "spse-sim" / "keys"


def pooled_key(index: int) -> rsa.RSAPrivateKey:
    """The pool's key number ``index`` (made and cached on first use)."""
    with _lock:
        if index in _loaded:
            return _loaded[index]
        path = cache_dir() / f"rsa-{KEY_BITS}-{index:03d}.pem"
        key = _read(path)
        if key is None:
            key = generate_key()
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, key_pem(key))
            except OSError:
                pass  # a read-only home: the key still serves this process
        _loaded[index] = key
        return key


def key_pem(key: rsa.RSAPrivateKey) -> bytes:
    """``key`` as the pool keeps it: an unencrypted PKCS#8 PEM."""
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _read(path: Path) -> rsa.RSAPrivateKey | None:
    try:
        # Our own cache, written by pooled_key: the slow consistency check of RSA keys (it
        # dominates loading) adds nothing here.
        key = serialization.load_pem_private_key(
            path.read_bytes(), password=None, unsafe_skip_rsa_key_validation=True
        )
    except (OSError, ValueError):
        return None
    if not isinstance(key, rsa.RSAPrivateKey) or key.key_size != KEY_BITS:
        return None
    return key


class KeyRing:
    """One scenario's draw from the pool: each ``next()`` a key not handed out before."""

    def __init__(self, start: int = 0) -> None:
        """``start``: the pool index of the first key (processes sharing out one world's
        people draw disjoint ranges)."""
        self._next = start
        self._lock = threading.Lock()  # desks on several lanes draw at the same time

    def next(self) -> rsa.RSAPrivateKey:
        with self._lock:
            index = self._next
            self._next += 1
        return pooled_key(index)
