"""/_sim reads and bends stored offers: damage (flip, truncate) and the blob store's counts."""

from __future__ import annotations

import hashlib
from pathlib import Path

from spse_web import UPLOAD_STAGE, World

from simulator.harness.simcontrol import SimControl

SEALED = bytes(range(256)) * 8  # stands in for a sealed offer: the server never opens it


def stored_file(data_dir: Path, sha256: str) -> Path:
    found = [
        p
        for p in (data_dir / "blobs").iterdir()
        if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() == sha256
    ]
    assert len(found) == 1
    return found[0]


def upload(world: World) -> dict[str, object]:
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE, plus_seconds=60)
    answer = world.vendor_a.upload(world.tender_id, SEALED).json()
    assert answer["ok"], answer
    return dict(answer)


def test_flip_changes_one_byte_of_the_stored_offer(world: World, data_dir: Path) -> None:
    answer = upload(world)
    path = stored_file(data_dir, str(answer["sha256"]))
    done = world.sim.call(
        "POST",
        f"/tenders/{world.tender_id}/offers/{answer['offer_id']}/damage",
        {"mode": "flip", "at": 7},
    )
    assert done == {"ok": True, "mode": "flip", "at": 7, "size_before": 2048, "size_after": 2048}
    data = path.read_bytes()
    assert data[7] == 7 ^ 0xFF
    assert data[8:] == SEALED[8:]
    # The receipt is what SPSE recorded at upload: it does not follow the damage.
    (row,) = world.sim.offers(world.tender_id)
    assert row["sha256"] == answer["sha256"]


def test_truncate_cuts_the_stored_offer(world: World, data_dir: Path) -> None:
    answer = upload(world)
    path = stored_file(data_dir, str(answer["sha256"]))
    done = world.sim.call(
        "POST",
        f"/tenders/{world.tender_id}/offers/{answer['offer_id']}/damage",
        {"mode": "truncate"},
    )
    assert done["size_after"] == 1024
    assert path.read_bytes() == SEALED[:1024]


def test_damage_refuses_unknown_offers_and_modes(world: World) -> None:
    answer = upload(world)
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
    assert before == {"stored": 1, "partial": 0}  # the pokja's AMS letter
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE, plus_seconds=60)
    world.sim.arm("upload.cut", times=1, actor="ptmaju")
    cut = world.vendor_a.upload(world.tender_id, [SEALED[:1024], SEALED[1024:]])
    assert cut.json()["ok"] is False
    assert world.sim.call("GET", "/blobs") == before
    assert world.vendor_a.upload(world.tender_id, SEALED).json()["ok"]
    assert world.sim.call("GET", "/blobs") == {"stored": 2, "partial": 0}


def test_control_client_of_the_simulator(world: World) -> None:
    answer = upload(world)
    control = SimControl(world.server.url)
    try:
        assert control.blob_counts() == {"stored": 2, "partial": 0}
        done = control.damage_offer(world.tender_id, int(str(answer["offer_id"])), "truncate", at=5)
        assert done["size_after"] == 5
    finally:
        control.close()
