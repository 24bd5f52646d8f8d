"""Arrange the rush's world through /_sim (not browser walks) and write its plan.

A pokja with a BSrE certificate announces one tender; N vendors register, are verified, join
it and log in (their session cookies go into the plan); their certificates and sealed offers
are made in parallel worker processes (``sealing``). The clock is left frozen; ``start_clock``
moves it to just before the deadline and lets it run when the rush begins.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from simulator.desk.spamkodok.keystore import Keystore
from simulator.harness.arrange import Arranger
from simulator.harness.keypool import KeyRing
from simulator.harness.simcontrol import SimControl
from simulator.rush.plan import (
    PERSON,
    REUPLOAD,
    Mix,
    Offer,
    RushPlan,
    SizeMix,
    Vendor,
)
from simulator.rush.sealing import SealContext, SealJob, seal_in_parallel
from simulator.testdata.documents import write_pdf
from simulator.testdata.factory import TestDataFactory, VendorData
from spse_shared.profile import DEFAULT_METHOD, UPLOAD_STAGE, load_profile

PASSPHRASE = "rahasia-kodok"
# Concurrent /_sim/arrange calls while arranging (the server does the work; a few keep it busy).
ARRANGE_THREADS = 4


@dataclass(frozen=True)
class RushOptions:
    vendors: int
    sizes: SizeMix
    window_s: float
    profile: str
    seed: int
    processes: int
    mix: Mix
    browsers: int = 2


def prepare(
    sim: SimControl,
    *,
    server_url: str,
    spse_url: str,
    control_token: str | None,
    folder: Path,
    options: RushOptions,
    say: Callable[[str], None],
) -> RushPlan:
    """Arrange the world of a rush on the server behind ``sim``; the plan (also in ``folder``)."""
    rng = random.Random(options.seed)
    data = TestDataFactory(options.seed)
    arranger = Arranger(sim, KeyRing())
    pokja = data.staff("pokja")
    checker = data.staff("verifikator")
    for staff, role in ((pokja, "pokja"), (checker, "verifikator")):
        sim.add_staff(
            user_id=staff.user_id,
            role=role,
            name=staff.name,
            email=staff.email,
            password=staff.password,
        )
    pokja_store = folder / "pokja" / "spamkodok.p12"
    arranger.embed_certificate(
        user_id=pokja.user_id,
        keystore_path=pokja_store,
        passphrase=PASSPHRASE,
        common_name=pokja.name,
        organization=None,
        email=pokja.email,
        letter=write_pdf(folder / "pokja" / "Surat Rekomendasi.pdf", "Surat Rekomendasi", []),
    )
    recipient = Keystore.open(pokja_store, PASSPHRASE).certificate
    assert recipient is not None
    # The rush is about the satu file upload of SPSE's default method (its jenis pengadaan).
    method = load_profile(options.profile).method(DEFAULT_METHOD)
    tender_id = arranger.create_tender(pokja.user_id, data.tender(jenis=method.jenis_pengadaan))
    say(f"Tender {tender_id} diumumkan oleh pokja {pokja.user_id}.")

    people = [data.vendor() for _ in range(options.vendors)]
    kinds = options.mix.kinds(options.vendors, rng)

    def arrange_vendor(vendor: VendorData) -> None:
        arranger.register_vendor(vendor)
        arranger.verify_vendor(checker.user_id, vendor.user_id)
        arranger.join_tender(vendor.user_id, tender_id)

    with ThreadPoolExecutor(ARRANGE_THREADS) as pool:
        list(pool.map(arrange_vendor, people))
    say(f"{len(people)} penyedia terdaftar, terverifikasi dan ikut tender.")

    jobs = [
        SealJob(
            index=i,
            user_id=v.user_id,
            common_name=v.director,
            organization=v.company,
            email=v.email,
            key_index=1 + i,  # 0 is the pokja's
            folder=f"penyedia/{v.user_id}",
            sizes=tuple(
                options.sizes.draw(rng) for _ in range(2 if kinds[i] in (REUPLOAD,) else 1)
            ),
            seal=kinds[i] != PERSON,
        )
        for i, v in enumerate(people)
    ]
    context = SealContext(
        plan_dir=str(folder),
        server_url=server_url,
        control_token=control_token,
        tender_id=tender_id,
        vendor_profile=options.profile,
        recipients_pem=(recipient.public_bytes(serialization.Encoding.PEM).decode(),),
        passphrase=PASSPHRASE,
    )
    results = seal_in_parallel(context, jobs, options.processes, folder / "kerja")
    say(
        f"Sertifikat BSrE dan {sum(len(r.offers) for r in results)} penawaran tersegel dibuat "
        f"dalam {options.processes} proses."
    )

    def log_in(vendor: VendorData) -> tuple[str, str]:
        answer = sim.post(
            "/arrange/login", {"user_id": vendor.user_id, "password": vendor.password}
        )
        return str(answer["cookie"]["name"]), str(answer["cookie"]["value"])

    with ThreadPoolExecutor(ARRANGE_THREADS) as pool:
        cookies = list(pool.map(log_in, people))
    vendors = tuple(
        Vendor(
            index=i,
            user_id=v.user_id,
            password=v.password,
            kind=kinds[i],
            cookie_name=cookies[i][0],
            cookie_value=cookies[i][1],
            offers=tuple(Offer(path=p, sha256=h, size=s) for p, h, s in results[i].offers),
            documents=results[i].documents,
            keystore=results[i].keystore,
            passphrase=PASSPHRASE,
        )
        for i, v in enumerate(people)
    )
    deadline = sim.to_stage(tender_id, UPLOAD_STAGE, edge="end")
    plan = RushPlan(
        server_url=server_url,
        spse_url=spse_url,
        tender_id=tender_id,
        deadline=deadline,
        window_s=options.window_s,
        profile=options.profile,
        vendors=vendors,
        browsers=options.browsers,
        extra={"pokja": pokja.user_id, "control_token": control_token},
    )
    plan.write(folder)
    return plan


def start_clock(sim: SimControl, plan: RushPlan) -> datetime:
    """Set the server's clock to ``window_s`` before the deadline and let it run; the start."""
    start = sim.set_clock(plan.deadline - timedelta(seconds=plan.window_s))
    sim.post("/clock", {"frozen": False})
    return start
