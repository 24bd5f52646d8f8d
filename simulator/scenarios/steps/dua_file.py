"""Steps of a Seleksi Prakualifikasi Dua File (KODOK-410...): a Jasa Konsultansi package whose
offer is File I (administrasi dan teknis) and File II (harga), sealed and opened separately;
File II is opened only after File I was evaluated, and only for those who passed.

Uploads that are Givens are arranged (steps/common.py ``world``); what a scenario is about
(the upload of a part, the opening of a part, File I's evaluation) walks the pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from pytest_bdd import given, parsers, then, when

from simulator.browser.journeys.evaluation import evaluate_file1
from simulator.browser.journeys.offer import upload_offer
from simulator.browser.journeys.opening import opening_page
from simulator.browser.pages.opening import OpeningRow
from simulator.scenarios.steps import evaluation as evaluation_steps
from simulator.scenarios.steps.common import (
    add_staff,
    announce_tender,
    desk_files,
    embed_certificate,
    logged_in,
    shown_outcome,
    stored_offers,
)
from simulator.scenarios.world import World

SELEKSI_METHOD = "seleksi-pra-dua-file"
# "File I" / "File II" in a step -> the part's name on SPSE's pages (?bagian=).
PARTS = {"I": "file1", "II": "file2"}


@dataclass
class DuaFileLog:
    """The rows each part's opening page showed in this scenario (empty when refused)."""

    opened: dict[str, list[OpeningRow]] = field(default_factory=dict)


@pytest.fixture
def dua_file_log() -> DuaFileLog:
    return DuaFileLog()


def _part(roman: str) -> str:
    assert roman in PARTS, f"File {roman}: a dua file offer has File I and File II"
    return PARTS[roman]


# the package ------------------------------------------------------------------------------------
@given(
    parsers.parse(
        'pokja "{alias}" dengan sertifikat tertanam telah mengumumkan paket seleksi '
        "Jasa Konsultansi"
    )
)
def seleksi_announced(world: World, alias: str) -> None:
    pokja = add_staff(world, alias, "pokja", spamkodok=True)
    embed_certificate(world, pokja)
    world.tender_id = announce_tender(world, pokja, SELEKSI_METHOD)
    method = world.env.sim.tender(world.tender_id)["method"]
    assert method == SELEKSI_METHOD, f"a Jasa Konsultansi package runs {method}"


# uploads ----------------------------------------------------------------------------------------
def _upload_part(world: World, alias: str, roman: str, names: list[str], price: str) -> None:
    actor = world.actor(alias)
    part = _part(roman)
    world.uploads[f"{alias} File {roman}"] = world.uploads[alias] = upload_offer(
        actor.desk.page,
        world.env.spse_url,
        actor.kodok,
        world.require_tender(),
        desk_files(actor, names),
        part=part,
        price=price if part == "file2" else None,
        validity_days="60",
    )


@when(parsers.parse('penyedia "{alias}" mengunggah File {roman} berisi file "{name}"'))
def upload_part(world: World, alias: str, roman: str, name: str) -> None:
    _upload_part(world, alias, roman, [name], "")


@when(
    parsers.parse(
        'penyedia "{alias}" mengunggah File {roman} berisi file "{name}" dengan harga '
        'penawaran "{price}"'
    )
)
def upload_part_with_price(world: World, alias: str, roman: str, name: str, price: str) -> None:
    _upload_part(world, alias, roman, [name], price)


@given(parsers.parse('penyedia "{alias}" telah mengunggah File I berisi file "{name}"'))
def file1_uploaded(world: World, alias: str, name: str) -> None:
    _given_part(world, alias, "I", name, "")


@given(
    parsers.parse(
        'penyedia "{alias}" telah mengunggah File I dan File II dengan harga penawaran "{price}"'
    )
)
def both_uploaded(world: World, alias: str, price: str) -> None:
    _given_part(world, alias, "I", "Usulan Teknis.pdf", "")
    _given_part(world, alias, "II", "Rincian Biaya.pdf", price)


def _given_part(world: World, alias: str, roman: str, name: str, price: str) -> None:
    """An upload of one part that is a Given: arranged (sealed on the vendor's desk with the
    page's inputs, received by the upload service), or walked on the page."""
    if not world.arranged:
        _upload_part(world, alias, roman, [name], price)
    else:
        actor = world.actor(alias)
        paths = desk_files(actor, [name])
        done = world.env.arrange.upload_offer(
            actor.kodok,
            actor.user_id,
            world.require_tender(),
            paths,
            part=_part(roman),
            price=price or None,
        )
        world.uploads[alias] = shown_outcome(world, done, paths)
    outcome = world.uploads[alias]
    assert outcome.accepted, f"File {roman} of {alias} refused: {outcome.messages}"


@then(
    parsers.parse(
        'SPSE menyimpan File I dan File II penyedia "{alias}" sebagai dua penawaran '
        'tersegel, harga "{price}" hanya pada File II'
    )
)
def stored_as_two_parts(world: World, alias: str, price: str) -> None:
    current = [o for o in stored_offers(world, alias) if o["current"]]
    observed = sorted((str(o["part"]), o["price_rupiah"]) for o in current)
    amount = int(price.replace(".", ""))
    expected = [("file1", None), ("file2", amount)]
    world.expect(
        "bagian tersimpan (bagian, harga)", repr(expected), repr(observed), observed == expected
    )
    hashes = {str(o["sha256"]) for o in current}
    world.expect("dua berkas tersegel berbeda", "2", str(len(hashes)), len(hashes) == 2)


@then(parsers.parse('SPSE hanya menyimpan File I penyedia "{alias}"'))
def only_file1_stored(world: World, alias: str) -> None:
    parts = sorted(str(o["part"]) for o in stored_offers(world, alias) if o["current"])
    world.expect("bagian tersimpan", "['file1']", repr(parts), parts == ["file1"])


# opening and File I's evaluation ----------------------------------------------------------------
@when(parsers.parse('pokja "{alias}" membuka File {roman}'))
def pokja_opens_part(world: World, dua_file_log: DuaFileLog, alias: str, roman: str) -> None:
    """The pokja's SpamKodok opens every listed offer of the part; when SPSE refuses the page,
    no row is opened and its message stays on the pokja's screen."""
    pokja = world.actor(alias)
    assert pokja.staff is not None
    part = _part(roman)
    page = opening_page(
        pokja.desk.page, world.env.spse_url, logged_in(world, pokja), world.require_tender(), part
    )
    if not page.shown():
        dua_file_log.opened[part] = []
        return
    # Logged in and on the part's opening page already: SpamKodok opens what it lists.
    dua_file_log.opened[part] = page.open_all()


@when(parsers.parse('pokja "{alias}" mengevaluasi File I penyedia "{vendor}" semua lulus'))
def file1_all_pass(world: World, alias: str, vendor: str) -> None:
    pokja = world.actor(alias)
    evaluate_file1(
        pokja.desk.page,
        world.env.spse_url,
        logged_in(world, pokja),
        world.require_tender(),
        world.actor(vendor).display_name,
    )


@when(
    parsers.parse(
        'pokja "{alias}" mengevaluasi File I penyedia "{vendor}" semua lulus dengan nilai '
        'teknis "{nilai}"'
    )
)
def file1_all_pass_scored(world: World, alias: str, vendor: str, nilai: str) -> None:
    """Kualitas dan Biaya: the nilai teknis is given with File I (administrasi dan teknis);
    below the ambang batas SPSE makes teknis gugur itself."""
    pokja = world.actor(alias)
    evaluate_file1(
        pokja.desk.page,
        world.env.spse_url,
        logged_in(world, pokja),
        world.require_tender(),
        world.actor(vendor).display_name,
        nilai_teknis=nilai,
    )


@when(parsers.parse('pokja "{alias}" mengevaluasi harga File II penyedia "{vendor}" lulus'))
def file2_harga_passes(world: World, alias: str, vendor: str) -> None:
    """After File II is opened: harga on the evaluation page (which asks a dua file only
    harga; File I's marks and nilai teknis stay as File I's page recorded them)."""
    evaluation_steps.evaluate_all_pass(world, alias, vendor)


@when(
    parsers.parse(
        'pokja "{alias}" menggugurkan File I penyedia "{vendor}" pada {part} dengan alasan '
        '"{reason}"'
    )
)
def file1_fails(world: World, alias: str, vendor: str, part: str, reason: str) -> None:
    pokja = world.actor(alias)
    evaluate_file1(
        pokja.desk.page,
        world.env.spse_url,
        logged_in(world, pokja),
        world.require_tender(),
        world.actor(vendor).display_name,
        {part.capitalize(): reason},
    )


def _rows(dua_file_log: DuaFileLog, roman: str) -> list[OpeningRow]:
    part = _part(roman)
    assert part in dua_file_log.opened, f"the pokja has not opened File {roman} yet"
    return dua_file_log.opened[part]


@then(
    parsers.parse(
        'status pembukaan File {roman} penyedia "{alias}" adalah "{key}" dengan harga "{price}"'
    )
)
def part_status(
    world: World, dua_file_log: DuaFileLog, roman: str, alias: str, key: str, price: str
) -> None:
    name = world.actor(alias).display_name
    rows = [r for r in _rows(dua_file_log, roman) if r.vendor == name]
    world.expect(f"satu baris File {roman} untuk {alias}", "1", str(len(rows)), len(rows) == 1)
    world.expect_message(f"status pembukaan File {roman} {alias} ({key})", key, [rows[0].status])
    world.expect(f"harga File {roman} {alias}", price, rows[0].price, rows[0].price == price)


@then(parsers.parse('pokja hanya melihat File {roman} penyedia "{alias}"'))
def only_rows_of(world: World, dua_file_log: DuaFileLog, roman: str, alias: str) -> None:
    names = [r.vendor for r in _rows(dua_file_log, roman)]
    expected = [world.actor(alias).display_name]
    world.expect(f"baris File {roman}", repr(expected), repr(names), names == expected)


@then(parsers.parse('File II penyedia "{alias}" tetap tersegel'))
def file2_sealed(world: World, alias: str) -> None:
    """SPSE recorded no opening of the vendor's File II (and shows no price for it)."""
    actor = world.actor(alias)
    file2 = {
        o["offer_id"] for o in stored_offers(world, alias) if o["part"] == "file2" and o["current"]
    }
    openings = world.env.sim.openings(world.require_tender())
    opened = [o for o in openings if o.get("offer_id") in file2]
    world.expect(
        f"pembukaan File II {actor.alias}",
        "tidak ada",
        repr(opened) if opened else "tidak ada",
        not opened and bool(file2),
    )
