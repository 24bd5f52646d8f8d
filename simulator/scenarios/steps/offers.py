"""Steps for the failures around offer files, uploads and opening (KODOK-010..039).

Files: forbidden symbols (also in a typed name), duplicate names, a flash drive, another browser
running next to SpamKodok 2. Uploads: after the deadline, re-upload, a dropped connection.
Opening: an offer damaged in storage, cut short, or sealed for a pokja key since replaced.
Scenarios reach the server only through pages and ``/_sim``.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field

import pytest
from cryptography import x509
from pytest_bdd import given, parsers, then, when

from simulator.browser.journeys.certificate import register_ams
from simulator.browser.journeys.offer import UploadOutcome, upload_offer
from simulator.browser.journeys.opening import open_offers
from simulator.browser.journeys.session import log_out
from simulator.browser.pages.offer import OfferUploadPage
from simulator.browser.pages.opening import OpeningRow
from simulator.browser.pages.tender import ParticipantsPage
from simulator.desk.spamkodok.processes import DeskProcesses
from simulator.scenarios.steps.common import (
    desk_files,
    letter_for,
    logged_in,
    stored_offers,
    upload_given,
    upload_named,
)
from simulator.scenarios.world import Actor, World
from simulator.testdata.documents import pdf_bytes
from spse_shared.language import tr


@dataclass
class OfferLog:
    """What these steps remember within one scenario."""

    history: dict[str, list[UploadOutcome]] = field(default_factory=dict)
    name_checks: dict[str, list[str]] = field(default_factory=dict)
    blobs_before: dict[str, int] | None = None
    opening: list[OpeningRow] | None = None
    old_certificates: dict[str, x509.Certificate] = field(default_factory=dict)
    new_certificates: dict[str, x509.Certificate] = field(default_factory=dict)
    advice: dict[str, str | None] = field(default_factory=dict)


@pytest.fixture
def offer_log() -> OfferLog:
    return OfferLog()


def last_observed(world: World) -> str:
    assert world.observations, "no message was checked before this step"
    return world.observations[-1].observed


# file names -----------------------------------------------------------------------------------
@when(parsers.parse('penyedia "{alias}" mengetik nama file "{name}" di SpamKodok'))
def type_name(world: World, offer_log: OfferLog, alias: str, name: str) -> None:
    """A name no file on this desk can have: SpamKodok checks the name as typed."""
    problems = world.actor(alias).kodok.check_name(name)
    offer_log.name_checks[alias] = [world.catalog.text(p.key, **p.params) for p in problems]


@then(parsers.parse('SpamKodok menolak nama file itu dengan pesan "{key}"'))
def typed_name_refused(world: World, offer_log: OfferLog, key: str) -> None:
    shown = [m for messages in offer_log.name_checks.values() for m in messages]
    world.expect_message(f"SpamKodok menolak nama file ({key})", key, shown)


@then(parsers.parse('simbol yang disebut SpamKodok adalah "{symbol}"'))
def symbol_named(world: World, symbol: str) -> None:
    observed = last_observed(world)
    world.expect(
        "simbol terlarang yang disebut",
        f"...: {symbol}",
        observed,
        observed.endswith(f": {symbol}"),
    )


@then(parsers.parse('pesan itu menyebut "{text}"'))
def message_names(world: World, text: str) -> None:
    observed = last_observed(world)
    world.expect(f"pesan menyebut {text}", text, observed, text in observed)


# the desk: flash drive, other browsers --------------------------------------------------------
@given(parsers.parse('folder "{folder}" di komputer penyedia "{alias}" adalah flashdisk'))
def folder_is_flash_drive(world: World, alias: str, folder: str) -> None:
    actor = world.actor(alias)
    root = actor.desk.folder / folder
    root.mkdir(parents=True, exist_ok=True)
    actor.kodok.declare_removable(root)


@when(
    parsers.parse(
        'penyedia "{alias}" memilih file "{name}" dari folder "{folder}" lalu mengirim penawaran'
    )
)
def upload_from_folder(world: World, alias: str, name: str, folder: str) -> None:
    upload_named(world, alias, [name], world.actor(alias).desk.folder / folder)


def desk_processes(actor: Actor) -> DeskProcesses:
    probe = actor.kodok.process_probe
    assert isinstance(probe, DeskProcesses), "this desk reads the real process table"
    return probe


@given(parsers.parse('browser "{browser}" lain sedang berjalan di komputer penyedia "{alias}"'))
def other_browser_running(world: World, alias: str, browser: str) -> None:
    desk_processes(world.actor(alias)).start(browser)


@when(parsers.parse('penyedia "{alias}" menutup browser "{browser}"'))
def other_browser_closed(world: World, alias: str, browser: str) -> None:
    closed = desk_processes(world.actor(alias)).close(browser)
    assert closed, f"{browser} was not running on the desk of {alias}"


@given(parsers.parse('komputer penyedia "{alias}" memakai sistem operasi "{system}"'))
@when(parsers.parse('komputer penyedia "{alias}" memakai sistem operasi "{system}"'))
def desk_operating_system(world: World, alias: str, system: str) -> None:
    world.actor(alias).kodok.operating_system = system


@when(parsers.parse('penyedia "{alias}" membuka halaman unggah penawaran'))
def open_upload_page(world: World, offer_log: OfferLog, alias: str) -> None:
    actor = world.actor(alias)
    page = OfferUploadPage(actor.desk.page, world.env.spse_url)
    page.open(world.require_tender())
    offer_log.advice[alias] = page.preflight_advice()


@then(parsers.parse('SpamKodok penyedia "{alias}" menampilkan saran "{key}"'))
def advice_shown(world: World, offer_log: OfferLog, alias: str, key: str) -> None:
    shown = offer_log.advice.get(alias)
    world.expect_message(f"saran pra-pemeriksaan SpamKodok ({key})", key, [shown or ""])


@then(parsers.parse('SpamKodok penyedia "{alias}" tidak menampilkan saran'))
def no_advice(world: World, offer_log: OfferLog, alias: str) -> None:
    shown = offer_log.advice.get(alias)
    world.expect("tanpa saran pra-pemeriksaan", "-", shown or "-", shown is None)


# uploads --------------------------------------------------------------------------------------
def resend(world: World, alias: str) -> None:
    """Press 'Kirim Penawaran' again with the files already chosen, as the page asks."""
    actor = world.actor(alias)
    page = OfferUploadPage(actor.desk.page, world.env.spse_url)
    messages = page.send()
    receipt = page.receipt() if page.alerts.count() == 0 else None
    world.uploads[alias] = UploadOutcome(messages, receipt, page.file_checks())


@when(parsers.parse('penyedia "{alias}" mengirim ulang penawaran yang sama'))
def send_again(world: World, alias: str) -> None:
    resend(world, alias)


@when(parsers.parse('penyedia "{alias}" mengunggah ulang penawaran berisi file "{name}"'))
def upload_again(world: World, offer_log: OfferLog, alias: str, name: str) -> None:
    history = offer_log.history.setdefault(alias, [])
    if alias in world.uploads and not history:
        history.append(world.uploads[alias])
    upload_named(world, alias, [name])
    history.append(world.uploads[alias])


@given(parsers.parse('penyedia "{alias}" telah mengunggah penawaran berisi file "{name}"'))
def uploaded(world: World, offer_log: OfferLog, alias: str, name: str) -> None:
    # Sealed to the pokja's certificates SPSE lists now (a fresh upload page when walked).
    upload_given(world, alias, [name])
    outcome = world.uploads[alias]
    assert outcome.accepted, f"upload of {alias} refused: {outcome.messages}"
    offer_log.history.setdefault(alias, []).append(outcome)


@then(
    parsers.parse(
        'server mencatat {count:d} penawaran penyedia "{alias}" dan hanya unggahan terakhir '
        "yang berlaku"
    )
)
def only_last_current(world: World, offer_log: OfferLog, count: int, alias: str) -> None:
    rows = stored_offers(world, alias)
    world.expect("jumlah penawaran tersimpan", str(count), str(len(rows)), len(rows) == count)
    uploads = offer_log.history.get(alias, [])
    receipts = [u.receipt.sha256 for u in uploads if u.receipt is not None]
    stored = [(str(r["sha256"]), bool(r["current"])) for r in rows]
    expected = [(sha, i == len(receipts) - 1) for i, sha in enumerate(receipts)]
    world.expect(
        "hanya unggahan terakhir yang berlaku",
        repr(expected),
        repr(stored),
        sorted(stored) == sorted(expected),
    )


@given(parsers.parse('koneksi penyedia "{alias}" akan terputus di tengah unggahan berikutnya'))
def connection_will_drop(world: World, offer_log: OfferLog, alias: str) -> None:
    offer_log.blobs_before = world.env.sim.blob_counts()
    world.env.sim.arm("upload.cut", times=1, actor=world.actor(alias).user_id)


@given(parsers.parse('waktu tinggal {minutes:d} menit sebelum batas akhir tahap "{stage}"'))
def minutes_before_deadline(world: World, minutes: int, stage: str) -> None:
    world.env.sim.to_stage(world.require_tender(), stage, edge="end", plus_seconds=-60 * minutes)


@given(
    parsers.parse(
        'koneksi penyedia "{alias}" lambat sehingga unggahan berikutnya memakan waktu '
        "{minutes:d} menit"
    )
)
def slow_line(world: World, alias: str, minutes: int) -> None:
    """The ``upload.slow`` fault on SPSE's clock: the upload completes ``minutes`` after it
    starts, and the server judges the deadline at completion."""
    world.env.sim.arm(
        "upload.slow",
        times=1,
        actor=world.actor(alias).user_id,
        params={"duration_s": 60 * minutes},
    )


@then("tidak ada file penawaran setengah jadi di server")
def no_partial_blobs(world: World, offer_log: OfferLog) -> None:
    assert offer_log.blobs_before is not None, "record the blob store before the upload"
    now = world.env.sim.blob_counts()
    expected = {"stored": offer_log.blobs_before["stored"], "partial": 0}
    world.expect("berkas di penyimpanan server", repr(expected), repr(now), now == expected)


# the Surat Penawaran, its price, and what opening shows -------------------------------------------
@when(
    parsers.parse(
        'penyedia "{alias}" mengunggah penawaran berisi file "{name}" dengan harga penawaran '
        '"{price}"'
    )
)
def upload_with_price(world: World, alias: str, name: str, price: str) -> None:
    actor = world.actor(alias)
    paths = desk_files(actor, [name])
    world.uploads[alias] = upload_offer(
        actor.desk.page,
        world.env.spse_url,
        actor.kodok,
        world.require_tender(),
        paths,
        price=price,
        validity_days="60",
    )


@when(
    parsers.parse('penyedia "{alias}" mengunggah penawaran berisi arsip ZIP yang dinamai "{name}"')
)
def upload_disguised_zip(world: World, alias: str, name: str) -> None:
    """The documents zipped and the archive renamed .pdf: every name rule passes."""
    actor = world.actor(alias)
    target = actor.desk.folder / "dokumen-zip" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:
        for inner in ("Dokumen Administrasi.pdf", "Dokumen Teknis.pdf"):
            archive.writestr(inner, pdf_bytes(inner, [actor.display_name]))
    world.uploads[alias] = upload_offer(
        actor.desk.page, world.env.spse_url, actor.kodok, world.require_tender(), [target]
    )


@then(
    parsers.parse('pokja melihat harga penawaran "{price}" untuk penyedia "{alias}" pada pembukaan')
)
def opening_price(world: World, offer_log: OfferLog, price: str, alias: str) -> None:
    rows = opening_rows(world, offer_log, alias)
    shown = [r.price for r in rows]
    world.expect(f"harga penawaran {alias} pada pembukaan", price, repr(shown), shown == [price])


@then(
    parsers.parse(
        'halaman Peserta Tender menampilkan harga penawaran "{price}" untuk penyedia "{alias}"'
    )
)
def participants_price(world: World, price: str, alias: str) -> None:
    actor = world.actor(alias)
    page = ParticipantsPage(actor.desk.page, world.env.spse_url)
    page.open(world.require_tender())
    shown = page.prices().get(actor.display_name, tr("(bukan peserta)"))
    world.expect(f"Harga Penawaran {alias} di halaman peserta", price or tr("(kosong)"),
                 shown or tr("(kosong)"), shown == price)  # fmt: skip


@then(parsers.parse('halaman Peserta Tender belum menampilkan harga penawaran penyedia "{alias}"'))
def participants_no_price(world: World, alias: str) -> None:
    participants_price(world, "", alias)


# storage damage and the pokja's key -----------------------------------------------------------
def current_offer_id(world: World, alias: str) -> int:
    current = [o for o in stored_offers(world, alias) if o["current"]]
    assert len(current) == 1, f"{alias} has {len(current)} current offers"
    return int(str(current[0]["offer_id"]))


@given(parsers.parse('satu byte dokumen penawaran penyedia "{alias}" di server berubah'))
def offer_byte_flipped(world: World, alias: str) -> None:
    done = world.env.sim.damage_offer(
        world.require_tender(), current_offer_id(world, alias), "flip"
    )
    assert done["size_after"] == done["size_before"], done


@given(parsers.parse('dokumen penawaran penyedia "{alias}" di server terpotong'))
def offer_truncated(world: World, alias: str) -> None:
    done = world.env.sim.damage_offer(
        world.require_tender(), current_offer_id(world, alias), "truncate"
    )
    assert done["size_after"] < done["size_before"], done


@given(
    parsers.parse(
        'pokja "{alias}" kehilangan keystore SpamKodok lalu mendaftar AMS ulang dengan kunci baru'
    )
)
def pokja_replaces_key(world: World, offer_log: OfferLog, alias: str) -> None:
    """The keystore is gone (moved aside), BSrE revokes the lost key's certificate, and the
    pokja registers again through the red AMS link: a new key and certificate in SpamKodok."""
    pokja = world.actor(alias)
    kodok = pokja.kodok
    old = kodok.keystore().certificate
    assert old is not None, f"{alias} has no certificate to replace"
    kodok.keystore_path.rename(kodok.keystore_path.with_name("spamkodok-hilang.p12"))
    world.env.sim.revoke(pokja.user_id)
    register_ams(
        pokja.desk.page,
        world.env.spse_url,
        *logged_in(world, pokja),
        letter_for(pokja),
        non_penyedia=True,
    )
    log_out(pokja.desk.page, world.env.spse_url)
    new = kodok.keystore().certificate
    assert new is not None
    assert new.serial_number != old.serial_number
    offer_log.old_certificates[alias] = old
    offer_log.new_certificates[alias] = new


@then(
    parsers.parse(
        'halaman unggah penawaran penyedia "{alias}" memakai sertifikat baru pokja "{pokja}"'
    )
)
def upload_page_lists_new_certificate(
    world: World, offer_log: OfferLog, alias: str, pokja: str
) -> None:
    actor = world.actor(alias)
    page = OfferUploadPage(actor.desk.page, world.env.spse_url)
    page.open(world.require_tender())
    listed = json.loads(actor.desk.page.locator("#sertifikat-pokja").text_content() or "[]")
    serials = [x509.load_pem_x509_certificate(pem.encode()).serial_number for pem in listed]
    new = offer_log.new_certificates[pokja].serial_number
    world.expect(
        "SPSE mencantumkan sertifikat baru pokja", f"[{new}]", repr(serials), serials == [new]
    )


# opening --------------------------------------------------------------------------------------
@when(parsers.parse('pokja "{alias}" membuka dokumen penawaran'))
def pokja_opens(world: World, offer_log: OfferLog, alias: str) -> None:
    pokja = world.actor(alias)
    assert pokja.staff is not None
    logged_in(world, pokja)
    offer_log.opening = open_offers(
        pokja.desk.page, world.env.spse_url, pokja.staff, world.require_tender()
    )


def opening_rows(world: World, offer_log: OfferLog, alias: str) -> list[OpeningRow]:
    assert offer_log.opening is not None, "the pokja has not opened the offers yet"
    name = world.actor(alias).display_name
    return [r for r in offer_log.opening if r.vendor == name]


@then(parsers.parse('status pembukaan penawaran penyedia "{alias}" adalah "{key}"'))
def opening_status(world: World, offer_log: OfferLog, alias: str, key: str) -> None:
    rows = opening_rows(world, offer_log, alias)
    world.expect(f"satu baris untuk {alias}", "1", str(len(rows)), len(rows) == 1)
    world.expect_message(f"status pembukaan {alias} ({key})", key, [rows[0].status])


@then(
    parsers.parse(
        'pokja melihat {count:d} penawaran dari penyedia "{alias}" dengan hash unggahan terakhir'
    )
)
def opening_shows_last_upload(world: World, offer_log: OfferLog, count: int, alias: str) -> None:
    rows = opening_rows(world, offer_log, alias)
    world.expect(f"baris untuk {alias}", str(count), str(len(rows)), len(rows) == count)
    receipt = world.uploads[alias].receipt
    assert receipt is not None, f"the last upload of {alias} has no receipt"
    shown = [r.sha256 for r in rows]
    world.expect(
        "hash sama dengan unggahan terakhir",
        receipt.sha256,
        repr(shown),
        all(s == receipt.sha256 for s in shown),
    )
