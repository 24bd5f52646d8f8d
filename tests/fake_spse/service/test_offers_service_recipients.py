"""Which pokja certificates an offer is sealed to (OfferService.offer_recipients), and the blob
listing the control API reports after an aborted upload (BlobStore.keys / partial_keys)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from factories import tender_draft
from service_world import LpseUnderTest

from fake_spse.domain.accounts import Account, AccountStatus, Role
from fake_spse.domain.tenders import Tender
from fake_spse.storage.blobs import BlobStore
from spse_shared.run_sync import run_sync

START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
MakeCsr = Callable[..., str]


def pokja_account(lpse: LpseUnderTest) -> Account:
    account = Account(
        user_id="pokja1",
        role=Role.POKJA,
        name="Pokja Satu",
        email="pokja1@surakarta.go.id",
        password_hash="-",
        status=AccountStatus.AKTIF,
        created_at=lpse.clock.now(),
    )
    lpse.db.add_account(account)
    return account


def certify(lpse: LpseUnderTest, account: Account, make_csr: MakeCsr) -> str:
    certificate = lpse.certificates.register_ams(
        account, letter_name="surat.pdf", letter=b"%PDF-1.4\n%%EOF\n", csr_pem=make_csr()
    )
    return certificate.pem


def announce(lpse: LpseUnderTest, pokja: Account) -> Tender:
    draft = tender_draft()
    return lpse.tenders.create_tender(pokja, draft)


def test_offers_are_sealed_to_the_certificate_the_tender_was_announced_with(
    lpse: LpseUnderTest, make_csr: MakeCsr
) -> None:
    pokja = pokja_account(lpse)
    pem = certify(lpse, pokja, make_csr)
    tender = announce(lpse, pokja)
    assert lpse.offers.offer_recipients(tender) == (pem,) == tender.recipient_certificates


def test_after_the_pokja_replaces_its_certificate_offers_are_sealed_to_the_new_one(
    lpse: LpseUnderTest, make_csr: MakeCsr
) -> None:
    pokja = pokja_account(lpse)
    old = certify(lpse, pokja, make_csr)
    tender = announce(lpse, pokja)
    current = lpse.certificates.certificate_of("pokja1")
    assert current is not None
    lpse.ca.revoke(int(current.serial))
    # Revoked and not yet replaced: the certificates recorded at announcement.
    assert lpse.offers.offer_recipients(tender) == (old,)
    new = certify(lpse, pokja, make_csr)
    assert new != old
    assert lpse.offers.offer_recipients(tender) == (new,)
    assert lpse.tenders.tender(tender.tender_id).recipient_certificates == (old,)


async def _cut_after_first(chunks: list[bytes]) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


def test_blob_listing_counts_whole_blobs_and_never_partial_ones(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    assert store.keys() == []
    assert store.partial_keys() == []
    kept = store.write_bytes(b"surat")

    async def cut(received: int) -> None:
        if received:
            raise ConnectionError("putus")

    with pytest.raises(ConnectionError):
        run_sync(
            store.write_stream(
                _cut_after_first([b"a" * 10, b"b" * 10]), max_bytes=100, before_chunk=cut
            )
        )
    assert store.keys() == [kept.key]
    assert store.partial_keys() == []
    (tmp_path / "blobs" / ".tmp" / "sisa").write_bytes(b"x")
    assert store.partial_keys() == ["sisa"]
    assert store.keys() == [kept.key]
