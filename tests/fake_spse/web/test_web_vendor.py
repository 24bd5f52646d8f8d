"""The vendor's offer page and the upload endpoint (raw body, streamed), over real HTTP."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import httpx
from spse_web import UPLOAD_STAGE, Browser, World, page_text

from fake_spse.web.common import wib
from spse_shared.messages import MessageCatalog

MESSAGES = MessageCatalog()


def offer_blobs(data_dir: Path) -> set[str]:
    """Blob files other than the AMS letters (the only other blobs in the world)."""
    root = data_dir / "blobs"
    return {p.name for p in root.rglob("*") if p.is_file() and p.read_bytes() != LETTER}


LETTER = b"%PDF-1.4\n% surat rekomendasi\n%%EOF\n"


def upload_sealed(vendor: Browser, tender_id: str, content: bytes) -> httpx.Response:
    return vendor.upload(tender_id, vendor.sealed(tender_id, content))


def test_upload_returns_the_receipt_of_what_was_sent(world: World, data_dir: Path) -> None:
    now = world.sim.to_stage(world.tender_id, UPLOAD_STAGE, plus_seconds=90)
    body = world.vendor_a.sealed(world.tender_id, bytes(range(256)) * 300)
    response = world.vendor_a.upload(world.tender_id, body)
    assert response.status_code == 200, response.text
    receipt = response.json()
    assert receipt["ok"]
    assert receipt["message"] == MESSAGES.text("penawaran.berhasil")
    assert (receipt["sha256"], receipt["size"]) == (hashlib.sha256(body).hexdigest(), len(body))
    assert datetime.fromisoformat(receipt["received_at"]) == now
    assert receipt["received_at_wib"] == wib(now)
    assert receipt["replaced"] is False
    [stored] = world.sim.offers(world.tender_id)
    assert (stored["sha256"], stored["size"], stored["vendor_id"]) == (
        receipt["sha256"],
        len(body),
        "ptmaju",
    )
    [blob] = offer_blobs(data_dir)
    assert (data_dir / "blobs" / blob).read_bytes() == body
    page = world.vendor_a.get(f"/lelang/{world.tender_id}/penawaran")
    assert receipt["sha256"] in page.text


def test_a_chunked_upload_is_streamed_whole(world: World) -> None:
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE)
    sealed = world.vendor_a.sealed(world.tender_id, b"a" * 70_000 + b"b" + b"c" * 200_000)
    chunks = [sealed[:70_000], sealed[70_000:70_001], sealed[70_001:]]

    def stream() -> Iterator[bytes]:
        yield from chunks

    response = world.vendor_a.upload(world.tender_id, stream())
    assert response.status_code == 200, response.text
    whole = b"".join(chunks)
    assert (response.json()["sha256"], response.json()["size"]) == (
        hashlib.sha256(whole).hexdigest(),
        len(whole),
    )


def test_reupload_replaces_and_vendors_see_only_their_own(world: World) -> None:
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE)
    first = upload_sealed(world.vendor_a, world.tender_id, b"versi pertama").json()
    second = upload_sealed(world.vendor_a, world.tender_id, b"versi kedua").json()
    other = upload_sealed(world.vendor_b, world.tender_id, b"penawaran lain").json()
    assert (first["replaced"], second["replaced"], other["replaced"]) == (False, True, False)
    rows = world.sim.offers(world.tender_id)
    assert [(r["offer_id"], r["current"]) for r in rows] == [
        (first["offer_id"], False),
        (second["offer_id"], True),
        (other["offer_id"], True),
    ]
    page_a = world.vendor_a.get(f"/lelang/{world.tender_id}/penawaran").text
    page_b = world.vendor_b.get(f"/lelang/{world.tender_id}/penawaran").text
    assert second["sha256"] in page_a
    assert first["sha256"] not in page_a
    assert other["sha256"] not in page_a
    assert other["sha256"] in page_b
    assert second["sha256"] not in page_b


def test_upload_after_the_deadline_is_refused_and_nothing_stored(
    world: World, data_dir: Path
) -> None:
    deadline = world.sim.to_stage(world.tender_id, UPLOAD_STAGE, edge="end")
    response = world.vendor_a.upload(world.tender_id, b"terlambat" * 1000)
    assert response.status_code == 400
    assert response.json() == {
        "ok": False,
        "messages": [MESSAGES.text("penawaran.ditutup", deadline=wib(deadline))],
    }
    assert world.sim.offers(world.tender_id) == []
    assert offer_blobs(data_dir) == set()


def test_upload_before_the_window_is_refused(world: World) -> None:
    response = world.vendor_a.upload(world.tender_id, b"terlalu awal")
    assert response.json()["messages"] == [MESSAGES.text("penawaran.belum_dibuka")]
    assert world.sim.offers(world.tender_id) == []


def test_upload_needs_the_authenticity_token(world: World, data_dir: Path) -> None:
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE)
    for token in ("", "palsu", world.vendor_b.token()):
        response = world.vendor_a.upload(world.tender_id, b"sealed", token=token)
        assert response.status_code == 400
        assert response.json()["messages"] == [MESSAGES.text("token.tidak_valid")]
    assert world.sim.offers(world.tender_id) == []
    assert offer_blobs(data_dir) == set()


def test_a_cut_upload_keeps_nothing(world: World, data_dir: Path) -> None:
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE)
    world.sim.arm("upload.cut", times=1, params={"after_bytes": 1000})
    body = world.vendor_a.sealed(world.tender_id, b"x" * 50_000)
    response = world.vendor_a.upload(world.tender_id, body)
    assert response.status_code == 400
    assert response.json()["messages"] == [MESSAGES.text("penawaran.terputus")]
    assert world.sim.offers(world.tender_id) == []
    assert offer_blobs(data_dir) == set()
    assert world.vendor_a.upload(world.tender_id, body).status_code == 200


def test_empty_upload_is_refused(world: World) -> None:
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE)
    response = world.vendor_a.upload(world.tender_id, b"")
    assert response.json()["messages"] == [MESSAGES.text("penawaran.kosong")]
    assert world.sim.offers(world.tender_id) == []


def test_upload_by_a_non_participant_or_pokja_is_refused(world: World) -> None:
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE)
    world.sim.staff("pokja2", "pokja")
    response = world.pokja.upload(world.tender_id, b"sealed")
    assert response.status_code == 403
    page = world.vendor_a.get(f"/lelang/{world.tender_id}/penawaran")
    assert page.status_code == 200
    assert MESSAGES.text("penawaran.bukan_peserta") not in page_text(page)
    assert world.sim.offers(world.tender_id) == []
