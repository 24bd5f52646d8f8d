"""Before the offer, over real HTTP: Download Dokumen Pemilihan and Pemberian Penjelasan."""

from __future__ import annotations

from collections.abc import Callable

from spse_web import Browser, World, page_text

from spse_shared.messages import MessageCatalog

MESSAGES = MessageCatalog()


def test_participants_and_the_pokja_download_the_dokumen_pemilihan(
    world: World, new_browser: Callable[[], Browser]
) -> None:
    tender = world.tender_id
    early = world.vendor_a.get(f"/lelang/{tender}/dokumen-pemilihan")
    assert early.status_code == 400
    assert "Dokumen Pemilihan belum tersedia" in page_text(early)
    world.sim.to_stage(tender, "Download Dokumen Pemilihan")
    for browser in (world.vendor_a, world.pokja):
        document = browser.get(f"/lelang/{tender}/dokumen-pemilihan")
        assert document.status_code == 200
        assert document.headers["content-type"] == "application/pdf"
        assert document.content.startswith(b"%PDF")
        assert f"Dokumen Pemilihan {tender}".encode() in document.content
    stranger = new_browser()
    assert stranger.get(f"/lelang/{tender}/dokumen-pemilihan").status_code == 303  # to login


def test_vendors_ask_the_pokja_answers_everyone_sees_it(world: World) -> None:
    tender = world.tender_id
    path = f"/lelang/{tender}/penjelasan"
    early = world.vendor_a.post_form(path, {"pertanyaan": "Apakah boleh konsorsium?"})
    assert early.status_code == 400
    assert "Tahap Pemberian Penjelasan belum dimulai" in page_text(early)

    world.sim.to_stage(tender, "Pemberian Penjelasan", plus_seconds=60)
    asked = world.vendor_a.post_form(path, {"pertanyaan": "Apakah boleh konsorsium?"})
    assert asked.status_code == 303
    page = world.pokja.get(path).text
    question_id = page.split('data-pertanyaan="')[1].split('"')[0]
    answer_path = f"{path}/{question_id}/jawab"
    answered = world.pokja.post_form(answer_path, {"jawaban": "Tidak, harus badan usaha."})
    assert answered.status_code == 303
    again = world.pokja.post_form(answer_path, {"jawaban": "Lagi"})
    assert MESSAGES.text("penjelasan.sudah_dijawab") in page_text(again)
    # The other participant sees the question and the answer.
    seen = page_text(world.vendor_b.get(path))
    assert "Apakah boleh konsorsium?" in seen
    assert "Tidak, harus badan usaha." in seen

    world.sim.to_stage(tender, "Pemberian Penjelasan", edge="end")
    late = world.vendor_b.post_form(path, {"pertanyaan": "Terlambat?"})
    assert late.status_code == 400
    assert "Tahap Pemberian Penjelasan telah berakhir pada" in page_text(late)
