"""Fixtures shared by unit and integration tests: keys and CSRs as SpamKodok 2 would make them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from hypothesis import settings

MakeCsr = Callable[..., str]

# Examples per route for tests/fake_spse/web/test_web_every_route_fuzz.py: a few under CI (the
# suite must stay fast on 2 cores), more on a developer's machine (HYPOTHESIS_PROFILE overrides).
settings.register_profile("routes-ci", max_examples=4)
settings.register_profile("routes-dev", max_examples=12)


@pytest.fixture(scope="session")
def rsa_key() -> rsa.RSAPrivateKey:
    """One 2048-bit key for the whole run: generating keys is the slow part of a CSR."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def make_csr(rsa_key: rsa.RSAPrivateKey) -> MakeCsr:
    """``make_csr(common_name="...", key=None)``: a PEM CSR signed with ``key`` or rsa_key."""

    def make(common_name: str = "Budi Santoso", key: rsa.RSAPrivateKey | None = None) -> str:
        signer = key or rsa_key
        attributes = [x509.NameAttribute(NameOID.ORGANIZATION_NAME, "PT Maju Jaya")]
        if common_name:
            attributes.insert(0, x509.NameAttribute(NameOID.COMMON_NAME, common_name))
        csr = (
            x509.CertificateSigningRequestBuilder()
            .subject_name(x509.Name(attributes))
            .sign(signer, hashes.SHA256())
        )
        return csr.public_bytes(serialization.Encoding.PEM).decode()

    return make
