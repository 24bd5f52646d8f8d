"""fake_spse.domain.apendo: the package key pair and the rules of an APENDO offer file."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from factories import START

from fake_spse.domain.apendo import (
    APENDO_OPENING_CODES,
    PackageKey,
    check_offer_file_name,
    check_opening_code,
    generate_package_key,
    offer_file_name,
    private_key_file,
)
from fake_spse.domain.errors import DomainError
from fake_spse.domain.offers import OPENING_CODES
from spse_shared.messages import CATALOG


@pytest.fixture(scope="module")
def key() -> PackageKey:
    return generate_package_key(
        tender_id="10000001",
        lpse_name="LPSE Kota Surakarta",
        now=START,
        valid_for=timedelta(days=30),
    )


def test_the_key_is_a_self_signed_encryption_certificate_of_the_lpse(key: PackageKey) -> None:
    certificate = key.certificate
    assert certificate.subject == certificate.issuer
    assert certificate.subject.rfc4514_string() == (
        "O=LPSE Kota Surakarta,OU=APENDO,CN=Kunci Publik Paket 10000001"
    )
    certificate.verify_directly_issued_by(certificate)
    assert certificate.not_valid_before_utc <= START
    assert certificate.not_valid_after_utc == START + timedelta(days=30)
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_encipherment
    assert not usage.digital_signature
    assert not certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca


def test_the_private_key_file_holds_the_key_and_its_certificate(key: PackageKey) -> None:
    content = private_key_file(key).encode()
    private = serialization.load_pem_private_key(content, password=None)
    assert private.public_key() == key.certificate.public_key()
    assert x509.load_pem_x509_certificate(content) == key.certificate


def test_the_public_view_and_the_first_release(key: PackageKey) -> None:
    public = key.public()
    assert public.certificate_pem == key.certificate_pem
    assert not hasattr(public, "private_key_pem")
    assert public.fingerprint == key.fingerprint
    assert len(key.fingerprint.split(" ")) == 16
    released = key.released_to("pokja1", START)
    assert (released.released_at, released.released_by) == (START, "pokja1")
    assert released.released_to("pokja2", START + timedelta(hours=1)) == released


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        generate_package_key(
            tender_id="1", lpse_name="LPSE", now=datetime(2026, 3, 2), valid_for=timedelta(days=1)
        )


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("penawaran.rhs", "penawaran.rhs"),
        ("Penawaran CV Maju.RHS", "Penawaran CV Maju.RHS"),
        ("C:\\Users\\budi\\Desktop\\penawaran.rhs", "penawaran.rhs"),
        ("/home/budi/penawaran.rhs", "penawaran.rhs"),
        (" penawaran.rhs ", "penawaran.rhs"),
    ],
)
def test_rhs_files_are_accepted(raw: str, name: str) -> None:
    assert offer_file_name(raw) == name
    assert check_offer_file_name(raw) == name


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("penawaran.pdf", "apendo.bukan_rhs"),
        ("penawaran.rhs.zip", "apendo.bukan_rhs"),
        ("penawaran", "apendo.bukan_rhs"),
        (".rhs", "apendo.bukan_rhs"),
        ("penawaran.rhsx", "apendo.bukan_rhs"),
        ("", "apendo.file_wajib"),
        ("   ", "apendo.file_wajib"),
    ],
)
def test_other_files_are_refused_with_their_name(raw: str, key: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_offer_file_name(raw)
    assert caught.value.key == key
    if key == "apendo.bukan_rhs":
        assert caught.value.params == {"name": raw.strip()}


def test_opening_codes_are_known_and_worded() -> None:
    for code in APENDO_OPENING_CODES:
        check_opening_code(code)
        assert f"pembukaan.{code}" in CATALOG
    # No signer in NON CA: the certificate outcomes of a CA opening do not exist here.
    signer_codes = [c for c in OPENING_CODES if c.startswith("sertifikat_")] + ["bukan_penerima"]
    assert len(signer_codes) >= 4
    for code in signer_codes:
        with pytest.raises(DomainError):
            check_opening_code(code)
