"""Steps of SPSE NON CA (APENDO): plain browsers, the package key pair, .rhs offers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography import x509
from pytest_bdd import given, parsers, then, when

from simulator.browser.journeys.apendo import (
    ApendoOpening,
    ApendoUpload,
    ask_private_key,
    encrypt_and_upload,
    open_offers,
    upload_file,
)
from simulator.browser.pages.base import SpsePage
from simulator.scenarios.steps.common import (
    add_staff,
    announce_tender,
    desk_files,
    join,
    register,
    stage_running,
    stored_offers,
    vendor_joined,
    verify,
)
from simulator.scenarios.world import Actor, World
from simulator.testdata.documents import write_pdf
from spse_shared.language import tr
from spse_shared.profile import UPLOAD_STAGE


@dataclass
class NonCaLog:
    """What the APENDO steps did: uploads, the opening, another package of the same pokja."""

    uploads: dict[str, ApendoUpload] = field(default_factory=dict)
    opening: ApendoOpening | None = None
    other_tender: str | None = None


@pytest.fixture
def non_ca_log() -> NonCaLog:
    return NonCaLog()


def _require_nonca(world: World) -> None:
    if world.profile.protection != "apendo":
        raise AssertionError(f"APENDO steps need a NON CA profile, not {world.profile.name}")


# people and packages --------------------------------------------------------------------------
@given(parsers.parse('pokja "{alias}" tanpa sertifikat elektronik telah mengumumkan paket tender'))
def tender_announced_without_certificate(world: World, alias: str) -> None:
    """The pokja works in a plain browser: no SpamKodok, no AMS registration."""
    _require_nonca(world)
    pokja = add_staff(world, alias, "pokja", spamkodok=False)
    world.tender_id = announce_tender(world, pokja)


@given(parsers.parse('pokja "{alias}" juga telah mengumumkan paket tender kedua'))
def second_tender_announced(world: World, non_ca_log: NonCaLog, alias: str) -> None:
    non_ca_log.other_tender = announce_tender(world, world.actor(alias))


@given(parsers.parse('penyedia "{alias}" dengan browser biasa siap mengunggah penawaran'))
def plain_vendor_ready(world: World, alias: str) -> None:
    """Registered, verified and joined, in a plain browser; the upload stage is open."""
    _require_nonca(world)
    env = world.env
    vendor = env.data.vendor(company=alias)
    desk = env.desk(f"penyedia-{vendor.user_id}", spamkodok=False)
    actor = Actor(alias, "penyedia", vendor.user_id, vendor.password, desk, vendor=vendor)
    world.actors[alias] = actor
    register(world, actor)
    verify(world, actor)
    vendor_joined(world, alias)
    stage_running(world, UPLOAD_STAGE)


@given(parsers.parse('penyedia "{alias}" juga mengikuti paket tender kedua'))
def vendor_joins_second(world: World, non_ca_log: NonCaLog, alias: str) -> None:
    assert non_ca_log.other_tender is not None, "announce the second package first"
    join(world, world.actor(alias), non_ca_log.other_tender)


# the vendor's desk and upload -------------------------------------------------------------------
def _encrypt_and_upload(
    world: World, log: NonCaLog, alias: str, names: list[str], *, key_from: str | None = None
) -> None:
    actor = world.actor(alias)
    log.uploads[alias] = encrypt_and_upload(
        actor.desk.page,
        world.env.spse_url,
        tender_id=world.require_tender(),
        vendor_id=actor.user_id,
        profile=world.profile.name,
        documents=desk_files(actor, names),
        desk=actor.desk.folder,
        key_from_tender=key_from,
    )


@when(
    parsers.parse(
        'penyedia "{alias}" mengenkripsi dokumen berikut dengan APENDO dan mengunggahnya:'
    )
)
def encrypt_table(
    world: World, non_ca_log: NonCaLog, alias: str, datatable: list[list[str]]
) -> None:
    _encrypt_and_upload(world, non_ca_log, alias, [row[0] for row in datatable[1:]])


@when(
    parsers.parse(
        'penyedia "{alias}" mengenkripsi dokumen "{name}" dengan APENDO dan mengunggahnya'
    )
)
def encrypt_one(world: World, non_ca_log: NonCaLog, alias: str, name: str) -> None:
    _encrypt_and_upload(world, non_ca_log, alias, [name])


@when(
    parsers.parse(
        'penyedia "{alias}" mengenkripsi dokumen "{name}" dengan kunci publik paket kedua '
        "dan mengunggahnya"
    )
)
def encrypt_with_other_key(world: World, non_ca_log: NonCaLog, alias: str, name: str) -> None:
    assert non_ca_log.other_tender is not None, "announce the second package first"
    _encrypt_and_upload(world, non_ca_log, alias, [name], key_from=non_ca_log.other_tender)


@when(parsers.parse('penyedia "{alias}" mengunggah file "{name}" tanpa enkripsi APENDO'))
def upload_unencrypted(world: World, non_ca_log: NonCaLog, alias: str, name: str) -> None:
    actor = world.actor(alias)
    path = write_pdf(actor.desk.folder / "dokumen" / name, Path(name).stem, [actor.display_name])
    non_ca_log.uploads[alias] = upload_file(
        actor.desk.page, world.env.spse_url, world.require_tender(), path
    )


@when(parsers.parse('penyedia "{alias}" membuka halaman upload SpamKodok 2 paket tender'))
def open_spamkodok_page(world: World, alias: str) -> None:
    actor = world.actor(alias)
    SpsePage(actor.desk.page, world.env.spse_url).goto(
        f"/lelang/{world.require_tender()}/penawaran"
    )


@then(parsers.parse('penawaran APENDO penyedia "{alias}" diterima dengan tanda terima'))
def rhs_accepted(world: World, non_ca_log: NonCaLog, alias: str) -> None:
    upload = non_ca_log.uploads[alias]
    world.expect_message(f"penawaran {alias} diterima", "penawaran.berhasil", upload.messages)
    stored = [o for o in stored_offers(world, alias) if o["current"]]
    shown = upload.receipt.sha256 if upload.receipt else tr("(tanpa tanda terima)")
    kept = str(stored[0]["sha256"]) if stored else tr("(tidak tersimpan)")
    world.expect(
        f"tanda terima {alias} = file .rhs di komputer penyedia = yang tersimpan di SPSE",
        upload.sha256,
        f"tanda terima {shown}, tersimpan {kept}",
        upload.sha256 == shown == kept,
    )


@then("tidak ada berkas penawaran yang tersimpan di server")
def no_blobs(world: World) -> None:
    counts = world.env.sim.blob_counts()
    expected = {"stored": 0, "partial": 0}
    world.expect("berkas di penyimpanan server", repr(expected), repr(counts), counts == expected)


# the pokja at opening ---------------------------------------------------------------------------
@when(parsers.parse('pokja "{alias}" meminta kunci privat paket'))
def pokja_asks_key(world: World, alias: str) -> None:
    pokja = world.actor(alias)
    assert pokja.staff is not None
    ask_private_key(pokja.desk.page, world.env.spse_url, pokja.staff, world.require_tender())


@when(
    parsers.parse(
        'pokja "{alias}" mengunduh kunci privat paket dan membuka setiap penawaran dengan APENDO'
    )
)
def pokja_opens(world: World, non_ca_log: NonCaLog, alias: str) -> None:
    pokja = world.actor(alias)
    assert pokja.staff is not None
    non_ca_log.opening = open_offers(
        pokja.desk.page, world.env.spse_url, pokja.staff, world.require_tender(), pokja.desk.folder
    )


def _vendor_row_status(world: World, log: NonCaLog, alias: str) -> tuple[int, str, str]:
    assert log.opening is not None, "the pokja has not opened the offers"
    name = world.actor(alias).display_name
    rows = [r for r in log.opening.rows if r.vendor == name]
    world.expect(f"satu baris untuk {alias}", "1", str(len(rows)), len(rows) == 1)
    return rows[0].offer_id, rows[0].status, rows[0].files


def _recorded(world: World, offer_id: int) -> dict[str, object]:
    found = [o for o in world.env.sim.openings(world.require_tender()) if o["offer_id"] == offer_id]
    return found[0] if found else {}


@then(parsers.parse('penawaran penyedia "{alias}" berhasil dibuka berisi file "{names}"'))
def opened_with_files(world: World, non_ca_log: NonCaLog, alias: str, names: str) -> None:
    offer_id, status, files = _vendor_row_status(world, non_ca_log, alias)
    world.expect_message(f"status pembukaan {alias}", "pembukaan.dibuka", [status])
    expected = [n.strip() for n in names.split(",")]
    recorded = _recorded(world, offer_id)
    world.expect(
        f"hasil pembukaan {alias} tercatat di SPSE",
        f"dibuka, {expected}",
        f"{recorded.get('code')}, {recorded.get('files')}; halaman: {files}",
        recorded.get("code") == "dibuka"
        and recorded.get("files") == expected
        and files == ", ".join(expected),
    )


@then(parsers.parse('pembukaan penawaran penyedia "{alias}" gagal dengan status "{key}"'))
def opening_failed(world: World, non_ca_log: NonCaLog, alias: str, key: str) -> None:
    offer_id, status, _ = _vendor_row_status(world, non_ca_log, alias)
    world.expect_message(f"status pembukaan {alias} ({key})", key, [status])
    code = key.removeprefix("pembukaan.")
    recorded = _recorded(world, offer_id)
    world.expect(
        f"hasil pembukaan {alias} tercatat di SPSE",
        code,
        str(recorded.get("code")),
        recorded.get("code") == code,
    )


@then("tidak ada sertifikat elektronik pengguna yang dipakai")
def no_user_certificates(world: World, non_ca_log: NonCaLog) -> None:
    """Plain browsers only, no certificate anywhere; offers sealed to the package key only."""
    sim = world.env.sim
    for actor in world.actors.values():
        registered = sim.certificates(actor.user_id)
        world.expect(
            f"{actor.alias}: browser biasa, tanpa sertifikat di SPSE maupun BSrE",
            "tanpa SpamKodok, 0 sertifikat",
            f"SpamKodok: {actor.desk.kodok is not None}, sertifikat: "
            f"{len(registered['certificates'])}, BSrE: {len(registered['issued'])}",
            actor.desk.kodok is None
            and not registered["certificates"]
            and not registered["issued"],
        )
    package = sim.package_key(world.require_tender())
    certificate = x509.load_pem_x509_certificate(str(package["certificate_pem"]).encode())
    for alias, upload in non_ca_log.uploads.items():
        assert upload.public_key is not None
        downloaded = x509.load_pem_x509_certificate(upload.public_key.read_bytes())
        world.expect(
            f"{alias} mengenkripsi dengan kunci publik paket dari sistem",
            certificate.subject.rfc4514_string(),
            downloaded.subject.rfc4514_string(),
            downloaded == certificate and certificate.issuer == certificate.subject,
        )


@then("kunci privat paket belum diserahkan kepada siapa pun")
def key_not_released(world: World) -> None:
    package = world.env.sim.package_key(world.require_tender())
    world.expect(
        "kunci privat paket belum diunduh (SPSE)",
        "released_at: None",
        f"released_at: {package['released_at']}",
        package["released_at"] is None,
    )
    key_files = [
        str(path)
        for actor in world.actors.values()
        for path in actor.desk.folder.rglob("*.pem")
        if b"PRIVATE KEY" in path.read_bytes()
    ]
    world.expect(
        "tidak ada kunci privat di komputer siapa pun", "[]", repr(key_files), not key_files
    )
