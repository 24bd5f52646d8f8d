"""Steps after opening (KODOK-400..499): prices, evaluation, winner, sanggah; Kualitas dan
Biaya scores of a Seleksi and the gugur SPSE finds itself (an expired izin usaha).

The price of an offer is arranged (SPSE's price form is not the subject here); evaluation,
penetapan and sanggahan walk the pages, whose messages the common step 'halaman menampilkan
pesan' reads.
"""

from __future__ import annotations

from datetime import timedelta

from pytest_bdd import given, parsers, then, when

from simulator.browser.journeys.evaluation import (
    answer_sanggah,
    decide_winner,
    evaluate,
    file_sanggah,
    proposed_gugur,
    public_results,
    public_winners,
    sanggah_answers,
)
from simulator.browser.journeys.offer import upload_offer
from simulator.browser.journeys.qualification import (
    VendorRecordForm,
    company_records,
    fill_vendor_data,
    send_qualification,
)
from simulator.browser.pages.evaluation import ResultRow
from simulator.scenarios.steps.common import (
    add_staff,
    announce_tender,
    desk_files,
    embed_certificate,
    logged_in,
    shown_outcome,
)
from simulator.scenarios.world import World
from simulator.testdata.documents import write_pdf
from spse_shared.wib import WIB

# The izin usaha of the qualification Givens (its validity is the scenario's).
IZIN_FIELDS = {
    "jenis": "SIUP",
    "nomor": "503/88/2026",
    "instansi": "DPMPTSP Kota Surakarta",
    "kualifikasi": "Kecil",
}


@given(parsers.parse('harga penawaran penyedia "{alias}" adalah {percent:d} persen dari HPS'))
def offer_price(world: World, alias: str, percent: int) -> None:
    tender_id = world.require_tender()
    hps = int(world.env.sim.tender(tender_id)["hps"])
    world.env.arrange.offer_price(tender_id, world.actor(alias).user_id, hps * percent // 100)


@when(parsers.parse('pokja "{alias}" mengevaluasi penawaran penyedia "{vendor}" semua lulus'))
def evaluate_all_pass(world: World, alias: str, vendor: str) -> None:
    pokja = world.actor(alias)
    evaluate(
        pokja.desk.page,
        world.env.spse_url,
        logged_in(world, pokja),
        world.require_tender(),
        world.actor(vendor).display_name,
    )


@when(
    parsers.parse(
        'pokja "{alias}" menggugurkan penawaran penyedia "{vendor}" pada {part} '
        'dengan alasan "{reason}"'
    )
)
def evaluate_fail(world: World, alias: str, vendor: str, part: str, reason: str) -> None:
    pokja = world.actor(alias)
    evaluate(
        pokja.desk.page,
        world.env.spse_url,
        logged_in(world, pokja),
        world.require_tender(),
        world.actor(vendor).display_name,
        {part.capitalize(): reason},
    )


@when(parsers.parse('pokja "{alias}" menetapkan pemenang'))
def pokja_decides(world: World, alias: str) -> None:
    pokja = world.actor(alias)
    decide_winner(
        pokja.desk.page, world.env.spse_url, logged_in(world, pokja), world.require_tender()
    )


@when(parsers.parse('penyedia "{alias}" mengirim sanggahan "{text}"'))
def vendor_objects(world: World, alias: str, text: str) -> None:
    vendor = world.actor(alias)
    file_sanggah(
        vendor.desk.page, world.env.spse_url, logged_in(world, vendor), world.require_tender(), text
    )


@when(parsers.parse('pokja "{alias}" menjawab sanggahan penyedia "{vendor}" dengan "{answer}"'))
def pokja_answers(world: World, alias: str, vendor: str, answer: str) -> None:
    pokja = world.actor(alias)
    answer_sanggah(
        pokja.desk.page,
        world.env.spse_url,
        logged_in(world, pokja),
        world.require_tender(),
        world.actor(vendor).display_name,
        answer,
    )


@then(
    parsers.parse(
        'hasil evaluasi penyedia "{alias}" pada {part} adalah "{mark}" dengan alasan "{reason}"'
    )
)
def result_mark(world: World, alias: str, part: str, mark: str, reason: str) -> None:
    row = _result_row(world, alias)
    observed = row.marks.get(part.capitalize(), "?")
    world.expect(f"evaluasi {part} {alias}", mark, observed, observed == mark)
    world.expect(f"alasan {alias}", reason, row.reason, reason in row.reason)


@then(parsers.parse('halaman pemenang menampilkan penyedia "{alias}" sebagai pemenang'))
def winner_shown(world: World, alias: str) -> None:
    actor = world.actor(alias)
    names = public_winners(actor.desk.page, world.env.spse_url, world.require_tender())
    world.expect("pemenang", actor.display_name, repr(names), names == [actor.display_name])


@then(parsers.parse('penyedia "{alias}" melihat jawaban sanggahan "{answer}"'))
def vendor_sees_answer(world: World, alias: str, answer: str) -> None:
    vendor = world.actor(alias)
    answers = sanggah_answers(
        vendor.desk.page, world.env.spse_url, logged_in(world, vendor), world.require_tender()
    )
    world.expect("jawaban sanggahan", answer, repr(answers), answer in answers)


# Kualitas dan Biaya (Seleksi) and the gugur SPSE finds itself (KODOK-415...) -----------------
def _quality_cost_method(world: World) -> str:
    """The profile's Kualitas dan Biaya method (Seleksi, jasa konsultansi)."""
    return next(m.key for m in world.env.profile.methods.values() if m.kualitas_biaya)


@given(
    parsers.parse(
        'pokja "{alias}" dengan sertifikat tertanam telah mengumumkan paket seleksi jasa '
        "konsultansi"
    )
)
def seleksi_announced(world: World, alias: str) -> None:
    pokja = add_staff(world, alias, "pokja", spamkodok=True)
    if world.profile.protection == "ca":
        embed_certificate(world, pokja)
    world.tender_id = announce_tender(world, pokja, _quality_cost_method(world))


def _rupiah_typed(value: int) -> str:
    """A price as a vendor types it on the Surat Penawaran ("700.000.000")."""
    return f"{value:,}".replace(",", ".")


@given(
    parsers.parse(
        'penyedia "{alias}" telah mengunggah penawaran dua file dengan harga {percent:d} persen '
        "dari HPS"
    )
)
def uploaded_two_files(world: World, alias: str, percent: int) -> None:
    """File I (administrasi dan teknis) and File II (harga, with the Surat Penawaran's price),
    arranged or walked like any upload Given."""
    actor = world.actor(alias)
    tender_id = world.require_tender()
    price = _rupiah_typed(int(world.env.sim.tender(tender_id)["hps"]) * percent // 100)
    for part, name in (("file1", "Dokumen Teknis.pdf"), ("file2", "Dokumen Harga.pdf")):
        paths = desk_files(actor, [name], actor.desk.folder / "dokumen" / part)
        if world.arranged:
            done = world.env.arrange.upload_offer(
                actor.kodok, actor.user_id, tender_id, paths, part=part, price=price
            )
            outcome = shown_outcome(world, done, paths)
        else:
            assert actor.desk.kodok is not None, f"{alias} has no SpamKodok"
            outcome = upload_offer(
                actor.desk.page,
                world.env.spse_url,
                actor.desk.kodok,
                tender_id,
                paths,
                part=part,
                price=price,
            )
        assert outcome.accepted, f"{part} of {alias} refused: {outcome.messages}"
        world.uploads[alias] = outcome


@given(
    parsers.parse(
        'penyedia "{alias}" telah mengirim persyaratan kualifikasi dengan izin usaha yang '
        "berlaku sampai {until}"
    )
)
def qualification_sent(world: World, alias: str, until: str) -> None:
    """Data Penyedia (an izin usaha valid until ``until``: "besok" or "tahun depan", akta,
    pengurus, last year's SPT) sent with Kirim Persyaratan Kualifikasi, arranged or walked."""
    actor = world.actor(alias)
    today = world.env.sim.now().astimezone(WIB).date()
    valid_until = {
        "besok": today + timedelta(days=1),
        "tahun depan": today.replace(year=today.year + 1),
    }[until]
    name = f"NIB {actor.display_name}.pdf"
    attachment = write_pdf(actor.desk.folder / "kualifikasi" / name, name, [actor.display_name])
    if world.arranged:
        records: list[dict[str, str]] = [
            {**IZIN_FIELDS, "kind": "izin_usaha", "berlaku_sampai": valid_until.isoformat()},
            {
                "kind": "akta",
                "jenis": "Pendirian",
                "nomor": "12",
                "tanggal": "2015-05-04",
                "notaris": "Sri Wahyuni, S.H., M.Kn.",
            },
            {
                "kind": "pengurus",
                "nama": actor.display_name,
                "nik": "3372010101800001",
                "jabatan": "Direktur",
            },
            {
                "kind": "pajak",
                "jenis": "SPT Tahunan",
                "tahun": str(today.year - 1),
                "nomor": "BPE-0001",
                "tanggal": f"{today.year}-01-15",
            },
        ]
        shown = [
            world.env.arrange.send_qualification(
                actor.user_id, world.require_tender(), records, [attachment]
            )
        ]
    else:
        izin = VendorRecordForm(
            "izin_usaha",
            "Izin Usaha",
            {
                "Jenis Izin": IZIN_FIELDS["jenis"],
                "No. Surat": IZIN_FIELDS["nomor"],
                "Instansi Pemberi": IZIN_FIELDS["instansi"],
                "Kualifikasi": IZIN_FIELDS["kualifikasi"],
                "Berlaku Sampai (kosong: seumur hidup)": valid_until.isoformat(),
            },
        )
        fill_vendor_data(
            actor.desk.page,
            world.env.spse_url,
            [izin, *company_records(actor.display_name, today.year - 1)],
        )
        shown = send_qualification(
            actor.desk.page, world.env.spse_url, world.require_tender(), [attachment]
        )
    world.expect_message(f"persyaratan kualifikasi {alias}", "kualifikasi.terkirim", shown)


@then(
    parsers.parse('pokja "{alias}" melihat usulan gugur penyedia "{vendor}" dengan pesan "{key}"')
)
def pokja_sees_proposal(world: World, alias: str, vendor: str, key: str) -> None:
    pokja = world.actor(alias)
    shown = proposed_gugur(
        pokja.desk.page,
        world.env.spse_url,
        logged_in(world, pokja),
        world.require_tender(),
        world.actor(vendor).display_name,
    )
    world.expect_message(f"usulan gugur {vendor}", key, shown)


@then(
    parsers.parse(
        'hasil evaluasi penyedia "{alias}" pada {part} adalah "{mark}" dengan alasan pesan "{key}"'
    )
)
def result_mark_with_message(world: World, alias: str, part: str, mark: str, key: str) -> None:
    row = _result_row(world, alias)
    observed = row.marks.get(part.capitalize(), "?")
    world.expect(f"evaluasi {part} {alias}", mark, observed, observed == mark)
    world.expect_message(f"alasan {alias}", key, [row.reason])


def _result_row(world: World, alias: str) -> ResultRow:
    actor = world.actor(alias)
    rows = public_results(actor.desk.page, world.env.spse_url, world.require_tender())
    mine = [r for r in rows if r.vendor == actor.display_name]
    world.expect(f"baris hasil evaluasi {alias}", "1", str(len(mine)), len(mine) == 1)
    return mine[0]


@then(
    parsers.parse(
        'hasil evaluasi penyedia "{alias}" menunjukkan nilai teknis "{teknis}", nilai biaya '
        '"{biaya}" dan nilai akhir "{akhir}"'
    )
)
def result_scores(world: World, alias: str, teknis: str, biaya: str, akhir: str) -> None:
    row = _result_row(world, alias)
    expected = f"ST {teknis}, SH {biaya}, SA {akhir}"
    observed = f"ST {row.nilai_teknis}, SH {row.nilai_biaya}, SA {row.nilai_akhir}"
    world.expect(f"nilai {alias}", expected, observed, observed == expected)
