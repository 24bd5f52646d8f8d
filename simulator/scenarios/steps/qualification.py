"""Steps for Data Penyedia and Kirim Persyaratan Kualifikasi (KODOK-303...).

The vendor's records are entered through the Data Penyedia pages (they are the subject of
these scenarios, so they walk); the server's record is read through ``/_sim``.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pytest_bdd import given, parsers, then, when

from simulator.browser.journeys.qualification import (
    VendorRecordForm,
    company_records,
    fill_vendor_data,
    send_qualification,
)
from simulator.scenarios.world import Actor, World
from simulator.testdata.documents import write_pdf
from spse_shared.language import tr
from spse_shared.wib import WIB

IZIN_LABELS = ("Jenis Izin", "No. Surat", "Instansi Pemberi", "Kualifikasi")


def _izin(number: str, until: str) -> VendorRecordForm:
    values = dict(
        zip(IZIN_LABELS, ("SIUP", number, "DPMPTSP Kota Surakarta", "Kecil"), strict=True)
    )
    values["Berlaku Sampai (kosong: seumur hidup)"] = until
    return VendorRecordForm("izin_usaha", "Izin Usaha", values)


@given(
    parsers.parse(
        'penyedia "{alias}" telah mengisi Data Penyedia dengan izin usaha yang habis masa '
        "berlakunya kemarin"
    )
)
def vendor_data_with_expired_izin(world: World, alias: str) -> None:
    actor = world.actor(alias)
    today = world.env.sim.now().astimezone(WIB).date()
    records = [_izin("503/1/2019", (today - timedelta(days=1)).isoformat())]
    records += company_records(actor.display_name, today.year - 1)
    fill_vendor_data(actor.desk.page, world.env.spse_url, records)


@when(
    parsers.parse(
        'penyedia "{alias}" menambah izin usaha "{number}" yang berlaku sampai tahun depan di '
        "Data Penyedia"
    )
)
def vendor_adds_izin(world: World, alias: str, number: str) -> None:
    actor = world.actor(alias)
    today = world.env.sim.now().astimezone(WIB).date()
    until = today.replace(year=today.year + 1).isoformat()
    fill_vendor_data(actor.desk.page, world.env.spse_url, [_izin(number, until)])


def _attachment(actor: Actor, name: str) -> list[Path]:
    return [write_pdf(actor.desk.folder / "kualifikasi" / name, name, [actor.display_name])]


@when(
    parsers.parse(
        'penyedia "{alias}" mengirim persyaratan kualifikasi dengan semua datanya dan lampiran '
        '"{name}"'
    )
)
def send_everything(world: World, alias: str, name: str) -> None:
    actor = world.actor(alias)
    send_qualification(
        actor.desk.page, world.env.spse_url, world.require_tender(), _attachment(actor, name)
    )


@when(
    parsers.parse(
        'penyedia "{alias}" mengirim persyaratan kualifikasi tanpa izin usaha "{number}" dan '
        'dengan lampiran "{name}"'
    )
)
def send_without(world: World, alias: str, number: str, name: str) -> None:
    actor = world.actor(alias)
    send_qualification(
        actor.desk.page,
        world.env.spse_url,
        world.require_tender(),
        _attachment(actor, name),
        choose=lambda label: number not in label,
    )


@then(
    parsers.parse(
        'server mencatat persyaratan kualifikasi penyedia "{alias}" dengan {count:d} data dan '
        'lampiran "{name}"'
    )
)
def qualification_stored(world: World, alias: str, count: int, name: str) -> None:
    actor = world.actor(alias)
    sent = [
        q
        for q in world.env.sim.qualifications(world.require_tender())
        if q["vendor_id"] == actor.user_id
    ]
    observed = (
        tr(
            "{count} data, lampiran {names}",
            count=len(sent[0]["records"]),
            names=", ".join(a["name"] for a in sent[0]["attachments"]),
        )
        if sent
        else tr("(tidak ada)")
    )
    expected = tr("{count} data, lampiran {names}", count=count, names=name)
    world.expect("persyaratan kualifikasi tersimpan", expected, observed, observed == expected)
