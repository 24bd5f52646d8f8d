"""/_sim reads and bends stored offers: damage (flip, truncate) and the blob store's counts."""

from __future__ import annotations

import hashlib
from pathlib import Path

from spse_web import UPLOAD_STAGE, World

from simulator.harness.simcontrol import SimControl

CONTENT = bytes(range(256)) * 8  # enveloped to the pokja: the server never opens it


def sealed(world: World) -> bytes:
    return world.vendor_a.sealed(world.tender_id, CONTENT)


def stored_file(data_dir: Path, sha256: str) -> Path:
    found = [
        p
        for p in (data_dir / "blobs").iterdir()
        if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() == sha256
    ]
    assert len(found) == 1
    return found[0]


def upload(world: World) -> tuple[dict[str, object], bytes]:
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE, plus_seconds=60)
    body = sealed(world)
    answer = world.vendor_a.upload(world.tender_id, body).json()
    assert answer["ok"], answer
    return dict(answer), body


def test_flip_changes_one_byte_of_the_stored_offer(world: World, data_dir: Path) -> None:
    answer, body = upload(world)
    path = stored_file(data_dir, str(answer["sha256"]))
    done = world.sim.call(
        "POST",
        f"/tenders/{world.tender_id}/offers/{answer['offer_id']}/damage",
        {"mode": "flip", "at": 7},
    )
    size = len(body)
    assert done == {"ok": True, "mode": "flip", "at": 7, "size_before": size, "size_after": size}
    data = path.read_bytes()
    assert data[7] == body[7] ^ 0xFF
    assert data[8:] == body[8:]
    # The receipt is what SPSE recorded at upload: it does not follow the damage.
    (row,) = world.sim.offers(world.tender_id)
    assert row["sha256"] == answer["sha256"]


def test_truncate_cuts_the_stored_offer(world: World, data_dir: Path) -> None:
    answer, body = upload(world)
    path = stored_file(data_dir, str(answer["sha256"]))
    done = world.sim.call(
        "POST",
        f"/tenders/{world.tender_id}/offers/{answer['offer_id']}/damage",
        {"mode": "truncate"},
    )
    assert done["size_after"] == len(body) // 2
    assert path.read_bytes() == body[: len(body) // 2]


def test_damage_refuses_unknown_offers_and_modes(world: World) -> None:
    answer, _ = upload(world)
    http = world.sim.http
    other = http.post(
        f"/tenders/99999999/offers/{answer['offer_id']}/damage", json={"mode": "flip"}
    )
    assert other.status_code == 404
    missing = http.post(f"/tenders/{world.tender_id}/offers/999/damage", json={"mode": "flip"})
    assert missing.status_code == 404
    bad = http.post(
        f"/tenders/{world.tender_id}/offers/{answer['offer_id']}/damage", json={"mode": "burn"}
    )
    assert bad.status_code == 400
    assert "mode" in bad.json()["error"]


def test_blob_counts_after_a_cut_upload(world: World) -> None:
    before = world.sim.call("GET", "/blobs")
    # The pokja's AMS letter and both vendors' two recommendation documents.
    assert before == {"stored": 5, "partial": 0}
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE, plus_seconds=60)
    world.sim.arm("upload.cut", times=1, actor="ptmaju")
    body = sealed(world)
    cut = world.vendor_a.upload(world.tender_id, [body[:1024], body[1024:]])
    assert cut.json()["ok"] is False
    assert world.sim.call("GET", "/blobs") == before
    assert world.vendor_a.upload(world.tender_id, body).json()["ok"]
    assert world.sim.call("GET", "/blobs") == {"stored": 6, "partial": 0}


def test_control_client_of_the_simulator(world: World) -> None:
    answer, _ = upload(world)
    control = SimControl(world.server.url)
    try:
        assert control.blob_counts() == {"stored": 6, "partial": 0}
        done = control.damage_offer(world.tender_id, int(str(answer["offer_id"])), "truncate", at=5)
        assert done["size_after"] == 5
    finally:
        control.close()
