"""What SpamKodok flags when it opens an offer: documents whose content is not what the name says.

A vendor who zips the documents (or picks a program) and renames the file ``.pdf`` gets it
through every name rule and through the upload; at opening the pokja finds an archive or an
executable where a PDF was announced. SpamKodok reads the first bytes of each document.
"""

from __future__ import annotations

from collections.abc import Mapping

# Leading bytes of the formats a renamed file most often is.
_SIGNATURES = (
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"MZ", "EXE"),
    (b"\x7fELF", "ELF"),
)
_EXTENSIONS_WITH_OWN_FORMAT = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png")


def disguised_documents(documents: Mapping[str, bytes]) -> list[str]:
    """Names of documents whose content is an archive or a program although the name ends in a
    document extension, each with what it really is ("Harga.pdf (ZIP)"), sorted."""
    flagged = []
    for name, content in documents.items():
        lower = name.lower()
        if not lower.endswith(_EXTENSIONS_WITH_OWN_FORMAT):
            continue
        # .docx/.xlsx are ZIP containers by design: only a ZIP under another name counts.
        for magic, kind in _SIGNATURES:
            if content.startswith(magic) and not (
                kind == "ZIP" and lower.endswith((".docx", ".xlsx"))
            ):
                flagged.append(f"{name} ({kind})")
                break
    return sorted(flagged)
