"""Where expected and observed texts differ (simulator.qa.textdiff)."""

from __future__ import annotations

from simulator.qa.textdiff import html_pair, marked


def test_a_small_difference_is_marked_where_it_is() -> None:
    assert (
        marked("Nama file (41 karakter) ditolak", "Nama file (40 karakter) ditolak")
        == "Nama file (4[-1-]{+0+} karakter) ditolak"
    )
    assert marked("Batas waktu unggah habis", "Batas waktu upload habis") == (
        "Batas waktu u[-nggah-]{+pload+} habis"
    )


def test_different_sentences_are_one_change_not_character_noise() -> None:
    assert marked("Dokumen penawaran berhasil dikirim.", "Silakan login terlebih dahulu.") == (
        "[-Dokumen penawaran berhasil dikirim.-]{+Silakan login terlebih dahulu.+}"
    )


def test_equal_and_missing_texts() -> None:
    assert marked("sama", "sama") == "sama"
    assert marked("ada", "") == "[-ada-]"
    assert marked("", "baru") == "{+baru+}"


def test_html_marks_each_side_and_escapes() -> None:
    expected, observed = html_pair("<b>1 penawaran</b>", "<b>0 penawaran</b>")
    assert expected == "&lt;b&gt;<del>1</del> penawaran&lt;/b&gt;"
    assert observed == "&lt;b&gt;<ins>0</ins> penawaran&lt;/b&gt;"
