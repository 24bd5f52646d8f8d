"""Offers as files: documents on disk -> one sealed file, and a sealed file -> documents.

What SpamKodok does when a vendor sends an offer and when a pokja opens one, streaming all the
way, so memory stays bounded whatever the offer's size: the offer package (``offer_package``)
streams from the documents straight into the sealing (``cms``); opening decrypts into a
temporary package file beside the documents' folder and unpacks it from there.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from simulator.desk.spamkodok.cms import Receipt, SealedFile, open_sealed_file, seal_file
from simulator.desk.spamkodok.offer_package import Manifest, PackageContent, read_package_file


@dataclass(frozen=True)
class OpenedDocuments:
    """A verified offer unpacked into a folder: its manifest and where each document went."""

    manifest: Manifest
    documents: dict[str, Path]
    signer: x509.Certificate
    signer_subject: str
    chain: tuple[x509.Certificate, ...]


def seal_offer(
    documents: Sequence[tuple[str, Path]],
    sealed_path: Path,
    *,
    tender_id: str,
    vendor_id: str,
    profile: str,
    signer_key: rsa.RSAPrivateKey,
    signer_certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
    recipients: Sequence[x509.Certificate],
) -> SealedFile:
    """Pack `documents` (name inside the offer, path on disk) for one tender and vendor, sign
    and envelope the package into `sealed_path` (whole or not at all).

    PackageError when the documents cannot be packed or change while being sealed.
    """
    package = PackageContent(
        tender_id=tender_id, vendor_id=vendor_id, profile=profile, files=documents
    )
    return seal_file(
        package,
        sealed_path,
        signer_key=signer_key,
        signer_certificate=signer_certificate,
        chain=chain,
        recipients=recipients,
    )


def open_offer(
    sealed_path: Path,
    directory: Path,
    *,
    recipient_key: rsa.RSAPrivateKey,
    recipient_certificate: x509.Certificate,
    trust_roots: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    receipt: Receipt,
    replace: bool = False,
) -> OpenedDocuments:
    """Check and open the offer at `sealed_path` and unpack its documents into `directory`
    (created if needed). Raises an OfferError subclass (see ``cms.open_sealed_stream``), or
    PackageError for a signed content that is not a well-formed package; either way no
    document is left behind. Documents already in `directory` are an error unless `replace`.
    """
    directory.mkdir(parents=True, exist_ok=True)
    # Beside the folder, not in it: no document name can collide with it.
    package = directory.with_name(f".{directory.name}.paket-{secrets.token_hex(4)}.tar")
    try:
        opened = open_sealed_file(
            sealed_path,
            package,
            recipient_key=recipient_key,
            recipient_certificate=recipient_certificate,
            trust_roots=trust_roots,
            crls=crls,
            receipt=receipt,
        )
        manifest, documents = read_package_file(package, directory, replace=replace)
    finally:
        package.unlink(missing_ok=True)
    return OpenedDocuments(
        manifest=manifest,
        documents=documents,
        signer=opened.signer,
        signer_subject=opened.signer_subject,
        chain=opened.chain,
    )
