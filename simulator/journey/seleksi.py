"""Seleksi Prakualifikasi Dua File (Jasa Konsultansi), end to end through the pages.

The vendor sends Kirim Persyaratan Kualifikasi in its prakualifikasi stage, then File I
(administrasi dan teknis) and File II (harga, with SPSE's Surat Penawaran) sealed separately by
SpamKodok. The pokja opens File I, evaluates administrasi and teknis with each participant's
nilai teknis (Kualitas dan Biaya), opens File II only for those who passed, evaluates harga and
fixes the winner: the highest nilai akhir, as the public Hasil Evaluasi shows (ST, SH, SA). A
second participant, arranged through /_sim/arrange (it is not the walked vendor), scores below
the ambang batas nilai teknis: SPSE makes its teknis gugur, so its File II stays sealed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.evaluation import (
    decide_winner,
    evaluate,
    evaluate_file1,
    public_results,
    public_winners,
)
from simulator.browser.journeys.offer import join_tender, upload_offer
from simulator.browser.journeys.opening import open_offers
from simulator.browser.journeys.qualification import (
    complete_company_records,
    fill_vendor_data,
    send_qualification,
)
from simulator.browser.journeys.session import log_in, log_out
from simulator.browser.journeys.tender import create_tender
from simulator.browser.pages.evaluation import ResultRow
from simulator.browser.pages.opening import OpeningPage, OpeningRow
from simulator.harness.chronology import Chronology
from simulator.harness.environment import SimEnvironment
from simulator.journey.clock_steps import time_passes_to
from simulator.journey.offer_notes import note_opened_rows, note_receipt
from simulator.journey.people import certified_people
from simulator.testdata.documents import write_pdf
from simulator.testdata.factory import StaffData, TenderData, VendorData
from spse_shared.language import tr
from spse_shared.profile import PENETAPAN_STAGE, PENGUMUMAN_PEMENANG_STAGE, UPLOAD_STAGE
from spse_shared.wib import WIB, format_wib

# The prakualifikasi's own stage for Kirim Persyaratan Kualifikasi (the profile's stage name).
PRAKUALIFIKASI_STAGE = "Kirim Persyaratan Kualifikasi"

# The method a Jasa Konsultansi package runs (profile [methods.seleksi-pra-dua-file]).
SELEKSI_METHOD = "seleksi-pra-dua-file"


@dataclass(frozen=True)
class SeleksiResult:
    vendor: VendorData
    rival: VendorData
    pokja: StaffData
    tender: TenderData
    tender_id: str
    file1_files: tuple[Path, ...]
    file2_files: tuple[Path, ...]
    price: str
    file1_rows: tuple[OpeningRow, ...]
    file2_rows: tuple[OpeningRow, ...]
    winners: tuple[str, ...]
    results: tuple[ResultRow, ...]


def _price_text(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def walk_seleksi(env: SimEnvironment, log: Chronology) -> SeleksiResult:
    """Walk a Seleksi dua file to its winner; raises JourneyError at the first step that fails."""
    people = certified_people(env, log)
    vendor, pokja = people.vendor, people.pokja
    vendor_desk, pokja_desk = people.vendor_desk, people.pokja_desk
    assert vendor_desk.kodok is not None
    method = env.profile.method(SELEKSI_METHOD)
    file1_stage, file2_stage = method.opening_stages
    rules = method.kualitas_biaya
    if rules is None:
        raise JourneyError(f"{method.name} has no Kualitas dan Biaya evaluation in the profile")
    # The walked vendor scores well; the other participant below the ambang batas (gugur).
    scores = {"vendor": Decimal("88"), "rival": max(Decimal(0), rules.ambang_teknis - 6)}
    tender = env.data.tender(jenis=method.jenis_pengadaan)
    pokja_login = (pokja.user_id, pokja.password)
    catalog = env.profile.catalog()

    with log.step(
        tr("Pokja membuat paket Jasa Konsultansi (Seleksi dua file)"),
        pokja.user_id,
        pokja_desk.page,
    ) as step:
        tender_id = create_tender(pokja_desk.page, env.spse_url, pokja, tender)
        step.note(f"tender {tender_id}: {tender.name}")
        if env.sim.tender(tender_id)["method"] != SELEKSI_METHOD:
            raise JourneyError(f"tender {tender_id} does not run {method.name}")
        step.note(method.name)
        log_out(pokja_desk.page, env.spse_url)

    # The other participant is not this journey's subject: arranged through the service layer.
    rival = env.data.vendor()
    rival_desk = env.desk(f"penyedia-{rival.user_id}", spamkodok=True)
    assert rival_desk.kodok is not None
    with log.step(tr("Peserta lain disiapkan lewat /_sim/arrange"), "simulator") as step:
        env.arrange.register_vendor(rival)
        env.arrange.verify_vendor(people.verifikator.user_id, rival.user_id)
        env.arrange.embed_certificate(
            user_id=rival.user_id,
            keystore_path=rival_desk.kodok.keystore_path,
            passphrase=rival_desk.kodok.passphrase,
            common_name=rival.director,
            organization=rival.company,
            email=rival.email,
            letter=write_pdf(rival_desk.folder / "Surat Rekomendasi.pdf", "Surat", [rival.company]),
            statement=write_pdf(
                rival_desk.folder / "Surat Keterangan Direktur.pdf",
                "Surat Keterangan Direktur",
                [rival.company, f"Direktur: {rival.director}"],
            ),
            verifier_id=people.verifikator.user_id,
        )
        env.arrange.join_tender(rival.user_id, tender_id)
        step.note(rival.company)

    time_passes_to(env, log, tender_id, PRAKUALIFIKASI_STAGE)

    with log.step(
        tr("Penyedia ikut seleksi dan mengirim persyaratan kualifikasi"),
        vendor.user_id,
        vendor_desk.page,
    ) as step:
        log_in(vendor_desk.page, env.spse_url, vendor.user_id, vendor.password)
        join_tender(vendor_desk.page, env.spse_url, tender_id)
        today = env.sim.now().astimezone(WIB).date()
        fill_vendor_data(
            vendor_desk.page, env.spse_url, complete_company_records(vendor.director, today)
        )
        nib = write_pdf(vendor_desk.folder / "kualifikasi" / "NIB.pdf", "NIB", [vendor.company])
        messages = send_qualification(vendor_desk.page, env.spse_url, tender_id, [nib])
        for message in messages:
            step.note(message)
        if catalog.text("kualifikasi.terkirim") not in messages:
            raise JourneyError(f"qualification not sent: {messages}")

    time_passes_to(env, log, tender_id, UPLOAD_STAGE)

    file1_files = (
        write_pdf(
            vendor_desk.folder / "Dokumen Administrasi.pdf",
            "Dokumen Administrasi",
            [vendor.company, tender.name],
        ),
        write_pdf(
            vendor_desk.folder / "Usulan Teknis.pdf",
            "Usulan Teknis",
            [tender.name, "Metodologi, rencana kerja dan tenaga ahli"],
        ),
    )
    file2_files = (
        write_pdf(
            vendor_desk.folder / "Rincian Biaya.pdf",
            "Rincian Biaya",
            [tender.name, "Biaya langsung personel dan non-personel"],
        ),
    )
    price = _price_text(tender.hps * 92 // 100)
    for part, files, title in (
        ("file1", file1_files, tr("Penyedia mengunggah File I (administrasi dan teknis)")),
        ("file2", file2_files, tr("Penyedia mengunggah File II (harga) tersegel terpisah")),
    ):
        with log.step(title, vendor.user_id, vendor_desk.page) as step:
            outcome = upload_offer(
                vendor_desk.page,
                env.spse_url,
                vendor_desk.kodok,
                tender_id,
                files,
                part=part,
                price=price if part == "file2" else None,
                validity_days="60",
            )
            if part == "file2":
                step.note(tr("Surat Penawaran: harga Rp {price}, berlaku 60 hari", price=price))
            note_receipt(step, outcome, part)

    with log.step(tr("Peserta lain mengunggah File I dan File II"), "simulator") as step:
        rival_price = _price_text(tender.hps * 85 // 100)
        rival_docs = rival_desk.folder / "dokumen"
        for part, name in (("file1", "Usulan Teknis.pdf"), ("file2", "Rincian Biaya.pdf")):
            done = env.arrange.upload_offer(
                rival_desk.kodok,
                rival.user_id,
                tender_id,
                [write_pdf(rival_docs / name, name, [rival.company])],
                part=part,
                price=rival_price,
            )
            if done.answer is None:
                raise JourneyError(f"{rival.company} {part}: {done.sealed}")
            step.note(f"{part}: {done.answer['sha256']}")

    time_passes_to(env, log, tender_id, file1_stage)

    with log.step(tr("Pokja membuka File I di SpamKodok"), pokja.user_id, pokja_desk.page) as step:
        file1_rows = open_offers(pokja_desk.page, env.spse_url, pokja, tender_id, "file1")
        note_opened_rows(step, file1_rows)
        opened = catalog.text("pembukaan.dibuka")
        if len(file1_rows) != 2 or any(r.status != opened for r in file1_rows):
            raise JourneyError(f"File I not all opened: {file1_rows}")
        if any(r.price != "-" for r in file1_rows):
            raise JourneyError(f"File I shows a price: {file1_rows}")

    with log.step(
        tr("SPSE menolak membuka File II sebelum File I dievaluasi"),
        pokja.user_id,
        pokja_desk.page,
    ) as step:
        page = OpeningPage(pokja_desk.page, env.spse_url)
        page.open(tender_id, "file2")
        refusal = catalog.text("pembukaan.file1_belum_dievaluasi")
        shown = page.alert_texts()
        step.note(" ".join(shown))
        if refusal not in shown:
            raise JourneyError(f"File II opened before File I was evaluated: {shown}")

    with log.step(
        tr("Pokja mengevaluasi administrasi dan teknis (File I) dengan nilai teknis"),
        pokja.user_id,
        pokja_desk.page,
    ) as step:
        step.note(
            tr(
                "bobot teknis {teknis}, bobot biaya {biaya}, ambang batas nilai teknis {ambang}",
                teknis=rules.bobot_teknis,
                biaya=rules.bobot_biaya,
                ambang=rules.ambang_teknis,
            )
        )
        for name, score in ((vendor.company, scores["vendor"]), (rival.company, scores["rival"])):
            step.note(tr("{vendor}: nilai teknis {nilai}", vendor=name, nilai=score))
            for message in evaluate_file1(
                pokja_desk.page, env.spse_url, pokja_login, tender_id, name, nilai_teknis=str(score)
            ):
                step.note(message)

    time_passes_to(env, log, tender_id, file2_stage)

    with log.step(
        tr("Pokja membuka File II (harga) peserta yang lulus"), pokja.user_id, pokja_desk.page
    ) as step:
        file2_rows = open_offers(pokja_desk.page, env.spse_url, pokja, tender_id, "file2")
        note_opened_rows(step, file2_rows)
        if [r.vendor for r in file2_rows] != [vendor.company]:
            raise JourneyError(f"File II listed for others than those who passed: {file2_rows}")
        if file2_rows[0].status != catalog.text("pembukaan.dibuka"):
            raise JourneyError(f"File II not opened: {file2_rows}")
        if file2_rows[0].price != f"Rp {price},00":
            raise JourneyError(f"offered price not shown after opening File II: {file2_rows}")

    with log.step(
        tr("Pokja mengevaluasi harga dan menetapkan pemenang"), pokja.user_id, pokja_desk.page
    ) as step:
        for message in evaluate(
            pokja_desk.page, env.spse_url, pokja_login, tender_id, vendor.company
        ):
            step.note(message)
        step.note(format_wib(env.sim.to_stage(tender_id, PENETAPAN_STAGE, plus_seconds=60)))
        for message in decide_winner(pokja_desk.page, env.spse_url, pokja_login, tender_id):
            step.note(message)

    with log.step(
        tr("Pengumuman pemenang di halaman publik"), vendor.user_id, vendor_desk.page
    ) as step:
        step.note(
            format_wib(env.sim.to_stage(tender_id, PENGUMUMAN_PEMENANG_STAGE, plus_seconds=60))
        )
        winners = public_winners(vendor_desk.page, env.spse_url, tender_id)
        step.note(", ".join(winners))
        if winners != [vendor.company]:
            raise JourneyError(f"winner page shows {winners}, expected {vendor.company}")

    with log.step(
        tr("Hasil evaluasi publik: pemenang dengan nilai akhir tertinggi"),
        vendor.user_id,
        vendor_desk.page,
    ) as step:
        results = public_results(vendor_desk.page, env.spse_url, tender_id)
        for row in results:
            step.note(
                tr(
                    "{vendor}: teknis {teknis}, ST {st}, SH {sh}, SA {sa}",
                    vendor=row.vendor,
                    teknis=row.marks["Teknis"],
                    st=row.nilai_teknis,
                    sh=row.nilai_biaya or "-",
                    sa=row.nilai_akhir or "-",
                )
            )
        _check_results(results, winners, rival.company, scores["rival"])

    return SeleksiResult(
        vendor=vendor,
        rival=rival,
        pokja=pokja,
        tender=tender,
        tender_id=tender_id,
        file1_files=file1_files,
        file2_files=file2_files,
        price=price,
        file1_rows=tuple(file1_rows),
        file2_rows=tuple(file2_rows),
        winners=tuple(winners),
        results=tuple(results),
    )


def _check_results(
    results: list[ResultRow], winners: list[str], rival: str, rival_score: Decimal
) -> None:
    """The winner is the participant with the highest nilai akhir (SA); the participant below
    the ambang batas shows its nilai teknis, teknis gugur and no nilai akhir."""
    scored = [r for r in results if r.nilai_akhir]
    if not scored:
        raise JourneyError(f"Hasil Evaluasi shows no nilai akhir: {results}")
    best = max(scored, key=lambda r: Decimal(r.nilai_akhir))
    if winners != [best.vendor]:
        raise JourneyError(f"winner {winners} is not the highest nilai akhir ({best.vendor})")
    low = next((r for r in results if r.vendor == rival), None)
    expected = f"{rival_score:.2f}"
    if low is None or low.marks["Teknis"] != "gugur" or low.nilai_teknis != expected:
        raise JourneyError(f"{rival} not shown gugur on teknis with ST {expected}: {low}")
    if low.nilai_akhir:
        raise JourneyError(f"{rival} failed File I but has a nilai akhir: {low}")
