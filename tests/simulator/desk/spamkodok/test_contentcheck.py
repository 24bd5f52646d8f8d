"""SpamKodok's check at opening for documents that are archives or programs under a PDF name."""

from __future__ import annotations

import io
import zipfile

from simulator.desk.spamkodok.contentcheck import disguised_documents
from simulator.testdata.documents import pdf_bytes


def zipped(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, pdf_bytes(name))
    return buffer.getvalue()


def test_archives_and_programs_renamed_pdf_are_named_with_what_they_are() -> None:
    documents = {
        "Penawaran Harga.pdf": zipped("Penawaran Harga.pdf"),
        "Teknis.pdf": b"Rar!\x1a\x07\x00rest",
        "Setup.pdf": b"MZ\x90\x00",
        "Administrasi.pdf": pdf_bytes("Administrasi"),
        "Rincian.xlsx": zipped("sheet.xml"),
        "Arsip.zip": zipped("x"),
    }
    assert disguised_documents(documents) == [
        "Penawaran Harga.pdf (ZIP)",
        "Setup.pdf (EXE)",
        "Teknis.pdf (RAR)",
    ]


def test_a_real_pdf_is_not_flagged() -> None:
    assert disguised_documents({"Surat Penawaran.pdf": pdf_bytes("Surat")}) == []
