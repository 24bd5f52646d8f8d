"""Offer bodies SPSE accepts, for tests that care about the server, not the desk: a CMS
EnvelopedData to given certificates (really encrypted), or one of an exact size (random
"ciphertext": SPSE cannot tell, it never decrypts)."""

from __future__ import annotations

import os
from collections.abc import Iterable

from asn1crypto import cms, pem
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs7


def envelope(content: bytes, certificate_pems: Iterable[str]) -> bytes:
    """``content`` as a definite-DER CMS EnvelopedData to the given certificates."""
    builder = pkcs7.PKCS7EnvelopeBuilder().set_data(content)
    for certificate_pem in certificate_pems:
        builder = builder.add_recipient(x509.load_pem_x509_certificate(certificate_pem.encode()))
    return builder.encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])


def _shaped(certificate_pems: list[str], content_size: int) -> bytes:
    recipients = []
    for certificate_pem in certificate_pems:
        _, _, der = pem.unarmor(certificate_pem.encode())
        certificate = asn1_x509.Certificate.load(der)
        rid = cms.IssuerAndSerialNumber(
            {"issuer": certificate.issuer, "serial_number": certificate.serial_number}
        )
        recipients.append(
            cms.RecipientInfo(
                name="ktri",
                value={
                    "version": "v0",
                    "rid": cms.RecipientIdentifier(name="issuer_and_serial_number", value=rid),
                    "key_encryption_algorithm": {"algorithm": "rsaes_pkcs1v15"},
                    "encrypted_key": os.urandom(256),
                },
            )
        )
    enveloped = cms.EnvelopedData(
        {
            "version": "v0",
            "recipient_infos": recipients,
            "encrypted_content_info": {
                "content_type": "data",
                "content_encryption_algorithm": {
                    "algorithm": "aes256_cbc",
                    "parameters": os.urandom(16),
                },
                "encrypted_content": os.urandom(content_size),
            },
        }
    )
    info = cms.ContentInfo({"content_type": "enveloped_data", "content": enveloped})
    dumped: bytes = info.dump()
    return dumped


def envelope_of_size(certificate_pems: Iterable[str], size: int) -> bytes:
    """An EnvelopedData to the given certificates that is exactly ``size`` bytes long (the
    smallest one, with 1 byte of ciphertext, when ``size`` is smaller than that)."""
    pems = list(certificate_pems)
    smallest = _shaped(pems, 1)
    if size <= len(smallest):
        return smallest
    guess = size - len(smallest) + 1
    for _ in range(8):
        found = _shaped(pems, guess)
        if len(found) == size:
            return found
        guess = max(guess + size - len(found), 1)
    raise ValueError(f"no EnvelopedData of exactly {size} bytes")
