"""Small, valid PDF documents for letters and offers (what a vendor would pick from disk)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spse_shared.pdf import pdf_bytes

__all__ = ["pdf_bytes", "write_pdf"]


def write_pdf(path: Path, title: str, lines: Sequence[str] = ()) -> Path:
    """Write a one-page PDF (spse_shared.pdf.pdf_bytes) to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf_bytes(title, lines))
    return path
