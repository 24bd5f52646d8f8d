"""The pokja's pages: new package, opening page, offer documents, opening results; role checks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from spse_web import (
    OPENING_STAGE,
    UPLOAD_STAGE,
    Browser,
    Sim,
    World,
    page_text,
    tender_id_from,
)

from fake_spse.web.common import wib
from spse_shared.messages import MessageCatalog

MESSAGES = MessageCatalog()


def send(world: World, content: bytes) -> tuple[dict[str, Any], bytes]:
    """vendor_a's receipt for ``content`` sealed to the pokja, and the body sent."""
    body = world.vendor_a.sealed(world.tender_id, content)
    receipt: dict[str, Any] = world.vendor_a.upload(world.tender_id, body).json()
    return receipt, body


def _opening_url(world: World, offer_id: int, *, tender_id: str | None = None) -> str:
    return f"/lelang/{tender_id or world.tender_id}/pembukaan/{offer_id}"


def _record(
    browser: Browser, path: str, body: object, token: str | None = None
) -> dict[str, object]:
    headers = {"x-authenticity-token": token if token is not None else browser.token()}
    response = browser.http.post("/eproc4" + path, json=body, headers=headers)
    result: dict[str, object] = response.json()
    result["status_code"] = response.status_code
    return result


def test_a_pokja_without_certificate_cannot_create_a_package(sim: Sim, browser: Browser) -> None:
    sim.staff("pokja1", "pokja")
    browser.login("pokja1")
    response = browser.create_tender()
    assert response.status_code == 400
    assert MESSAGES.text("tender.pokja_tanpa_sertifikat") in page_text(response)
    assert "Pembangunan Jalan Desa" not in page_text(browser.get("/lelang"))


def test_a_new_package_is_announced_with_its_schedule(world: World) -> None:
    announcement = world.pokja.get(f"/lelang/{world.tender_id}/pengumumanlelang")
    assert announcement.status_code == 200
    assert "Pembangunan Jalan Desa" in page_text(announcement)
    schedule = page_text(world.pokja.get(f"/lelang/{world.tender_id}/jadwal"))
    assert UPLOAD_STAGE in schedule
    assert OPENING_STAGE in schedule


def test_a_number_int_refuses_is_a_form_error_not_a_crash(world: World) -> None:
    """Found by the every-route fuzz: Pagu was read with int() after str.isdigit(), which
    holds for "²": int() raised ValueError (a 500)."""
    fields = {"name": "Paket", "satker": "Dinas", "jenis_pengadaan": "2", "hps": "9", "lokasi": "X"}
    odd = world.pokja.post_form("/pokja/paket/baru", {**fields, "pagu": "²"})
    assert odd.status_code == 400
    assert MESSAGES.text("tender.angka_tidak_valid", field="Nilai pagu") in page_text(odd)


def test_opening_page_before_the_opening_stage(world: World) -> None:
    start = world.sim.to_stage(world.tender_id, OPENING_STAGE)
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE, edge="end", plus_seconds=-1)
    response = world.pokja.get(f"/lelang/{world.tender_id}/pembukaan")
    assert response.status_code == 400
    assert MESSAGES.text("pembukaan.belum_waktunya", start=wib(start)) in page_text(response)


def test_vendors_and_other_pokja_cannot_open(
    world: World, new_browser: Callable[[], Browser]
) -> None:
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE)
    offer_id = send(world, b"sealed A")[0]["offer_id"]
    world.sim.to_stage(world.tender_id, OPENING_STAGE)

    for vendor in (world.vendor_a, world.vendor_b):
        page = vendor.get(f"/lelang/{world.tender_id}/pembukaan")
        assert page.status_code == 403
        assert MESSAGES.text("akses.ditolak") in page_text(page)
        # Not even the vendor's own ciphertext, and certainly not a competitor's.
        document = vendor.get(_opening_url(world, offer_id) + "/dokumen")
        assert document.status_code == 403
        assert b"sealed A" not in document.content

    world.sim.staff("pokja2", "pokja")
    other = new_browser()
    other.login("pokja2")
    for path in ("/pembukaan", f"/pembukaan/{offer_id}/dokumen"):
        response = other.get(f"/lelang/{world.tender_id}{path}")
        assert response.status_code == 403
        assert MESSAGES.text("pembukaan.bukan_pokja") in page_text(response)
        assert b"sealed A" not in response.content


def test_a_vendor_gets_403_on_another_tenders_offer_document(world: World) -> None:
    second = tender_id_from(world.pokja.create_tender("Paket Kedua"))
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE)
    offer_id = send(world, b"sealed A")[0]["offer_id"]
    response = world.vendor_b.get(_opening_url(world, offer_id, tender_id=second) + "/dokumen")
    assert response.status_code == 403
    # The vendor's offer page of a tender it did not join is refused as well.
    assert world.vendor_b.get(f"/lelang/{second}/penawaran").status_code == 403
    assert world.vendor_b.upload(second, b"x").json()["messages"] == [
        MESSAGES.text("penawaran.bukan_peserta")
    ]


def test_pokja_downloads_current_offers_and_records_openings(world: World) -> None:
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE)
    old, _ = send(world, b"versi lama")
    new, new_body = send(world, b"versi baru")
    world.sim.to_stage(world.tender_id, OPENING_STAGE)

    page = world.pokja.get(f"/lelang/{world.tender_id}/pembukaan")
    assert page.status_code == 200
    assert f'data-offer="{new["offer_id"]}"' in page.text
    assert f'data-offer="{old["offer_id"]}"' not in page.text
    assert "PT Ptmaju" in page_text(page)

    document = world.pokja.get(_opening_url(world, new["offer_id"]) + "/dokumen")
    assert (document.status_code, document.content) == (200, new_body)
    assert world.pokja.get(_opening_url(world, old["offer_id"]) + "/dokumen").status_code == 404

    path = _opening_url(world, new["offer_id"])
    unknown = _record(world.pokja, path, {"code": "entah", "signer_subject": "", "files": []})
    assert unknown == {
        "ok": False,
        "messages": [MESSAGES.text("pembukaan.status_tidak_dikenal")],
        "status_code": 400,
    }
    not_json = world.pokja.http.post(
        "/eproc4" + path, content=b"{rusak", headers={"x-authenticity-token": world.pokja.token()}
    )
    assert not_json.status_code == 400
    no_token = _record(world.pokja, path, {"code": "dibuka"}, token="palsu")
    assert no_token["messages"] == [MESSAGES.text("token.tidak_valid")]
    assert 'data-code="' not in world.pokja.get(f"/lelang/{world.tender_id}/pembukaan").text

    done = _record(
        world.pokja,
        path,
        {"code": "dibuka", "signer_subject": "CN=Direktur Ptmaju", "files": ["dokumen/a.pdf"]},
    )
    assert done == {
        "ok": True,
        "status": MESSAGES.text("pembukaan.dibuka"),
        "harga": "-",  # no Surat Penawaran was made for this offer
        "status_code": 200,
    }
    after = world.pokja.get(f"/lelang/{world.tender_id}/pembukaan")
    assert 'data-code="dibuka"' in after.text
    assert "CN=Direktur Ptmaju" in page_text(after)


def test_received_at_is_shown_in_wib(world: World) -> None:
    now = world.sim.to_stage(world.tender_id, UPLOAD_STAGE, plus_seconds=3600)
    receipt = send(world, b"sealed")[0]
    assert datetime.fromisoformat(receipt["received_at"]) == now
    world.sim.to_stage(world.tender_id, OPENING_STAGE)
    assert wib(now) in page_text(world.pokja.get(f"/lelang/{world.tender_id}/pembukaan"))
