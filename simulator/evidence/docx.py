"""The Word report of a run, as the seed asks a vendor to write it when an error occurs.

"Dokumentasikan semua screenshot error dan kronologi error di file Microsoft word": a title and
the identity (vendor, tender, profile, SPSE version, certificate subject), a summary with the
exact error message and what was expected, the chronology as a table, every screenshot with its
caption, the server's failed requests (their id is the "Kode Error" a helpdesk asks for), the
faults that fired, and what else is in the folder. Everything is read from the evidence folder,
so ``spse-sim evidence RUN_DIR`` can rebuild the report at any time.
"""

from __future__ import annotations

import os
import struct
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row

from fake_spse.simulation.faults import KNOWN_FAULTS
from simulator.evidence.bundle import Evidence, record_report, write_index
from simulator.evidence.file_modes import settle_modes
from simulator.evidence.vendor_errors import catalog_of, vendor_error
from simulator.harness.run_folder import REPORT_NAME
from simulator.harness.step_record import StepRecord
from spse_shared.language import english, tr
from spse_shared.wib import WIB

CHRONOLOGY_HEADERS = (
    "No",
    "Waktu (simulasi, WIB)",
    "Waktu nyata",
    "Pelaku",
    "Halaman",
    "Langkah",
    "Hasil",
)
CHRONOLOGY_WIDTHS_CM = (0.9, 2.3, 2.3, 2.6, 3.1, 4.0, 1.8)
OUTCOMES = {"ok": "Berhasil", "failed": "Gagal", "running": "Terhenti"}
PICTURE_MAX_WIDTH_CM = 16.0
PICTURE_MAX_HEIGHT_CM = 20.0
SERVER_LOG_ROWS = 40
HEADER_FILL = "D9E2F3"
FAILED_FILL = "F8D7DA"


def write_report(folder: Path, output: Path | None = None) -> Path:
    """Build the report of the evidence folder ``folder``; returns the .docx path.

    Written atomically (a temporary file renamed into place): a reader never sees half a file.
    """
    evidence = Evidence.load(folder)
    target = output if output is not None else folder / REPORT_NAME
    document = build_document(evidence)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".laporan-", suffix=".docx", dir=target.parent)
    os.fchmod(fd, 0o644)  # evidence to share (mkstemp makes it 0600)
    os.close(fd)
    try:
        document.save(tmp_name)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def finish_folder(root: Path, content: Mapping[str, Any], *, report: bool) -> Path | None:
    """Write the index; with ``report`` also the Word report (and list it in the index); then
    evidence for sharing is made 0644 and secrets 0600 (``settle_modes``).

    Returns the report's path, or None when none was written.
    """
    write_index(root, {**content, "report": None})
    if not report:
        settle_modes(root)
        return None
    path = write_report(root)
    write_index(root, {**content, "report": path.name})
    settle_modes(root)
    return path


def ensure_report(folder: Path) -> Path:
    """The folder's Word report, written (and listed in its index) when it is missing."""
    path = folder / REPORT_NAME
    if not path.exists():
        path = write_report(folder)
        record_report(folder, path)
    return path


def build_document(evidence: Evidence) -> DocumentObject:
    document = Document()
    _page_setup(document)
    failed = not evidence.ok
    title = tr("Laporan Kronologi Error") if failed else tr("Laporan Kronologi Pengujian")
    identity = evidence.identity
    document.core_properties.title = title
    document.core_properties.author = "spse-sim"
    document.core_properties.language = "en-US" if english() else "id-ID"
    document.add_heading(title, level=0)
    subtitle = " · ".join(
        part for part in (identity.lpse, identity.profile_title, _scenario_name(evidence)) if part
    )
    if subtitle:
        document.add_paragraph(subtitle)

    _identity_section(document, evidence)
    _summary_section(document, evidence)
    _checks_section(document, evidence)
    _chronology_section(document, evidence)
    _screenshots_section(document, evidence)
    _server_log_section(document, evidence)
    _faults_section(document, evidence)
    _attachments_section(document, evidence)
    _set_thumbnail(document, evidence)
    return document


# sections -------------------------------------------------------------------------------------
def _identity_section(document: DocumentObject, evidence: Evidence) -> None:
    identity = evidence.identity
    document.add_heading(tr("1. Identitas"), level=1)
    vendor = identity.vendor
    if identity.vendor_user_id:
        vendor = (
            f"{vendor} (User ID: {identity.vendor_user_id})" if vendor else identity.vendor_user_id
        )
    tender = " – ".join(p for p in (identity.tender_id, identity.tender_name) if p)
    rows = [
        (tr("Penyedia"), vendor),
        (tr("Paket tender (kode – nama)"), tender),
        ("LPSE", identity.lpse),
        (tr("Profil SPSE"), " – ".join(p for p in (identity.profile, identity.profile_title) if p)),
        (tr("Versi SPSE"), identity.spse_version),
        (tr("Subjek sertifikat elektronik"), identity.certificate_subject),
    ]
    if evidence.kind == "scenario":
        rows.append((tr("Skenario"), _scenario_name(evidence)))
        if evidence.index.get("feature"):
            rows.append((tr("Fitur"), str(evidence.index["feature"])))
    rows += [
        (tr("Hasil"), tr("GAGAL") if not evidence.ok else tr("BERHASIL")),
        (tr("Laporan dibuat"), _wib(datetime.now(UTC).isoformat(), with_zone=True)),
        (tr("Folder bukti"), str(evidence.folder.resolve())),
    ]
    table = _table(
        document, (tr("Keterangan"), tr("Isi")), [(k, v or "-") for k, v in rows], (5.0, 12.0)
    )
    for row in table.rows[1:]:
        _bold(row.cells[0])


def _summary_section(document: DocumentObject, evidence: Evidence) -> None:
    document.add_heading(tr("2. Ringkasan Masalah"), level=1)
    failed_steps = evidence.failed_steps
    total = len(evidence.steps)
    if evidence.ok:
        met = vendor_error(evidence.folder)
        if met is None:
            document.add_paragraph(
                tr("Semua {total} langkah berhasil; tidak ada error.", total=total)
            )
            return
        shown = next((st for st in evidence.steps if met.message in st.messages), None)
        where = ""
        if shown is not None:
            title = _readable(evidence, shown.title)
            where = tr(
                " pada langkah {n} dari {total} ({title})", n=shown.number, total=total, title=title
            )
        document.add_paragraph(
            tr(
                "Penyedia menemui error{where}. Error ini memang yang diharapkan skenario: "
                "semua {total} langkah berjalan sesuai harapan.",
                where=where,
                total=total,
            )
        )
        document.add_paragraph(tr("Pesan error yang tampil (persis seperti di layar):"))
        document.add_paragraph(met.message, style="Intense Quote")
        return
    if failed_steps:
        step = failed_steps[0]
        document.add_paragraph(
            tr(
                "Gagal pada langkah {n} dari {total}: {title} (pelaku: {actor}, waktu simulasi "
                "{time}).",
                n=step.number,
                total=total,
                title=_readable(evidence, step.title),
                actor=_actor(step),
                time=_wib(step.sim_time, with_zone=True),
            )
        )
    else:
        document.add_paragraph(tr("Pengujian gagal sebelum langkah pertama selesai."))

    document.add_paragraph(tr("Pesan error yang tampil (persis seperti di layar):"))
    messages = error_messages(evidence)
    if messages:
        for message in messages:
            document.add_paragraph(message, style="Intense Quote")
    else:
        document.add_paragraph(
            tr("Tidak ada pesan error yang tampil di halaman."), style="Intense Quote"
        )

    for entry in error_requests(evidence):
        document.add_paragraph(
            f"Kode Error / ID Permintaan: {entry.get('request_id', '-')} "
            f"(HTTP {entry.get('status', '-')}, {entry.get('method', '')} {entry.get('path', '')}, "
            f"waktu simulasi {_wib(str(entry.get('sim_time', '')), with_zone=True)})",
            style="List Bullet",
        )
    if evidence.error:
        paragraph = document.add_paragraph()
        paragraph.add_run(tr("Catatan teknis simulator: ")).bold = True
        run = paragraph.add_run(evidence.error)
        run.font.name = "Courier New"
        run.font.size = Pt(8)


def _checks_section(document: DocumentObject, evidence: Evidence) -> None:
    document.add_heading(tr("3. Yang Diharapkan dan Yang Terjadi"), level=1)
    rows: list[tuple[str, str, str, str]] = [
        (c.step, c.expected, c.observed, tr("Sesuai") if c.ok else tr("Tidak sesuai"))
        for c in evidence.checks
    ]
    if not rows:
        for step in evidence.failed_steps:
            observed = " | ".join(step.messages) or _first_line(step.detail) or evidence.error
            rows.append(
                (
                    tr("Langkah {n}", n=step.number),
                    tr("Langkah selesai tanpa error: {title}", title=step.title),
                    observed or "-",
                    tr("Tidak sesuai"),
                )
            )
    if not rows:
        document.add_paragraph(tr("Tidak ada pemeriksaan yang tercatat; semua langkah berhasil."))
        return
    table = _table(
        document,
        (tr("Pemeriksaan"), tr("Yang diharapkan"), tr("Yang terjadi"), tr("Hasil")),
        rows,
        (3.6, 5.4, 5.4, 2.6),
    )
    for row, values in zip(table.rows[1:], rows, strict=True):
        if values[3] != tr("Sesuai"):
            for cell in row.cells:
                _fill(cell, FAILED_FILL)


def _chronology_section(document: DocumentObject, evidence: Evidence) -> None:
    document.add_heading(tr("4. Kronologi"), level=1)
    document.add_paragraph(
        tr(
            "Waktu simulasi: jam server SPSE (simulasi), WIB. Waktu nyata: jam komputer penguji, "
            "WIB."
        )
    )
    rows = [
        (
            str(step.number),
            _wib(step.sim_time),
            _wib(step.wall_time, with_zone=True),
            _actor(step),
            _page(step),
            _readable(evidence, step.title),
            _outcome(step, evidence),
        )
        for step in evidence.steps
    ]
    table = _table(
        document, tuple(tr(h) for h in CHRONOLOGY_HEADERS), rows, CHRONOLOGY_WIDTHS_CM, font_pt=8
    )
    for row, step in zip(table.rows[1:], evidence.steps, strict=True):
        if step.outcome != "ok":
            for cell in row.cells:
                _fill(cell, FAILED_FILL)


def _screenshots_section(document: DocumentObject, evidence: Evidence) -> None:
    document.add_heading(tr("5. Tangkapan Layar"), level=1)
    number = 0
    for step in evidence.steps:
        moment = tr("saat gagal") if step.outcome != "ok" else tr("setelah langkah")
        when = tr("Waktu simulasi {time}.", time=_wib(step.sim_time, with_zone=True))
        shots: list[tuple[str, str]] = []
        if step.screenshot:
            owner = _page_owner(step)
            shots.append(
                (
                    step.screenshot,
                    tr(
                        "Gambar {{n}}. Langkah {step} ({moment}): {title}. Halaman: {page}{owner}. "
                        "{when} Hasil: {outcome}.",
                        step=step.number,
                        moment=moment,
                        title=_readable(evidence, step.title),
                        page=_page(step, separator=" – "),
                        owner=tr(" (layar {owner})", owner=owner) if owner else "",
                        when=when,
                        outcome=tr(OUTCOMES.get(step.outcome, step.outcome)),
                    ),
                )
            )
        shots += [
            (
                shot,
                tr(
                    "Gambar {{n}}. Langkah {step} ({moment}): layar {desk} pada saat yang sama. "
                    "{when}",
                    step=step.number,
                    moment=moment,
                    desk=_desk_of(shot),
                    when=when,
                ),
            )
            for shot in step.more_screenshots
        ]
        for shot, caption in shots:
            path = evidence.folder / shot
            if not path.exists():
                continue
            number += 1
            _picture(document, path)
            document.add_paragraph(caption.replace("{n}", str(number), 1), style="Caption")
    if number == 0 and evidence.ok:
        document.add_paragraph(
            tr(
                "Tangkapan layar skenario yang lolos tidak disimpan. Jalankan ulang dengan "
                "spse-sim run ID --artifacts always untuk menyimpannya."
            )
        )
    elif number == 0:
        document.add_paragraph(tr("Tidak ada tangkapan layar dalam folder ini."))


def _server_log_section(document: DocumentObject, evidence: Evidence) -> None:
    document.add_heading(tr("6. Catatan Server"), level=1)
    log = evidence.server_log
    if not log:
        document.add_paragraph(tr("Log server tidak tersedia."))
        return
    problems = [e for e in log if _is_problem(e)]
    document.add_paragraph(
        tr(
            "Log lengkap: server-log.jsonl ({requests} permintaan). Permintaan yang gagal "
            "(HTTP 4xx/5xx): {failed}. ID Permintaan juga ada di header X-Request-Id setiap "
            "jawaban server, di trace Playwright, dan di halaman error.",
            requests=len(log),
            failed=len(problems),
        )
    )
    if not problems:
        return
    rows = [
        (
            str(e.get("request_id", "")),
            _wib(str(e.get("sim_time", ""))),
            str(e.get("user_id") or "-"),
            f"{e.get('method', '')} {e.get('path', '')}",
            str(e.get("status", "")),
            f"{e.get('duration_ms', '')} ms",
        )
        for e in problems[-SERVER_LOG_ROWS:]
    ]
    _table(
        document,
        tuple(
            tr(h)
            for h in (
                "ID Permintaan",
                "Waktu (simulasi, WIB)",
                "Pengguna",
                "Permintaan",
                "Status",
                "Durasi",
            )
        ),
        rows,
        (2.8, 2.6, 2.4, 5.4, 1.6, 2.2),
        font_pt=8,
    )


def _faults_section(document: DocumentObject, evidence: Evidence) -> None:
    document.add_heading(tr("7. Gangguan yang Disimulasikan"), level=1)
    firings = [f for f in evidence.firings if "name" in f]
    if not firings:
        document.add_paragraph(tr("Tidak ada gangguan yang aktif selama pengujian ini."))
        return
    rows = [
        (
            str(f["name"]),
            tr(KNOWN_FAULTS[str(f["name"])].description) if str(f["name"]) in KNOWN_FAULTS else "",
            str(f.get("actor") or "-"),
            _wib(str(f.get("sim_time", ""))),
            str(f.get("detail") or "-"),
        )
        for f in firings
    ]
    _table(
        document,
        tuple(
            tr(h) for h in ("Gangguan", "Keterangan", "Pengguna", "Waktu (simulasi, WIB)", "Detail")
        ),
        rows,
        (2.6, 6.4, 2.5, 2.6, 2.9),
        font_pt=8,
    )


def _attachments_section(document: DocumentObject, evidence: Evidence) -> None:
    document.add_heading(tr("8. Isi Folder Bukti"), level=1)
    files = evidence.files
    traces = [f for f in files if f.startswith("traces/")]
    lines = [
        *(tr("{t}: trace Playwright, buka dengan: playwright show-trace {t}", t=t) for t in traces),
        tr("chronology.json: kronologi lengkap (JSON)"),
        tr("server-log.jsonl: log permintaan server (satu objek JSON per baris)"),
        tr("faults-fired.json: gangguan yang aktif"),
        tr("screenshots/: semua tangkapan layar (PNG)"),
    ]
    for line in lines:
        document.add_paragraph(line, style="List Bullet")


def _readable(evidence: Evidence, title: str) -> str:
    """A step title as prose: catalog keys replaced by the wording of the run's profile."""
    return catalog_of(evidence.identity.profile).readable(title)


def _set_thumbnail(document: DocumentObject, evidence: Evidence) -> None:
    """The file's preview (what a file manager or Outlook shows): the screenshot of the error.

    python-docx's template carries a generic page as thumbnail; a report without a screenshot
    gets none rather than a picture that is not of it.
    """
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package.rels[rel_id]
    shot = _thumbnail_source(evidence)
    if shot is None:
        return
    part = Part(PackURI("/docProps/thumbnail.png"), "image/png", shot.read_bytes(), package)
    package.relate_to(part, RELATIONSHIP_TYPE.THUMBNAIL)


def _thumbnail_source(evidence: Evidence) -> Path | None:
    steps = evidence.steps
    failed = [s for s in steps if s.outcome != "ok" and s.screenshot]
    with_message = [s for s in steps if s.messages and s.screenshot]
    last = [s for s in reversed(steps) if s.screenshot]
    for step in (*failed, *with_message, *last):
        path = evidence.folder / str(step.screenshot)
        if path.exists():
            return path
    return None


# what the summary reads -----------------------------------------------------------------------
def error_messages(evidence: Evidence) -> list[str]:
    """The exact texts shown to the user at the failure, then the failing checks' observations."""
    found: list[str] = []
    for step in evidence.failed_steps:
        found += step.messages
    for check in evidence.checks:
        if not check.ok and check.observed:
            found.append(check.observed)
    unique: list[str] = []
    for message in found:
        if message not in unique:
            unique.append(message)
    return unique


def error_requests(evidence: Evidence) -> list[dict[str, Any]]:
    """Failed requests (4xx/5xx, SPSE pages) answered while a failed step ran."""
    windows = [_window(s) for s in evidence.failed_steps]
    found = []
    for entry in evidence.server_log:
        if not _is_problem(entry) or str(entry.get("path", "")).startswith("/_sim"):
            continue
        moment = _parse(str(entry.get("wall_time", "")))
        if moment is None:
            continue
        if any(start <= moment <= end for start, end in windows if start and end):
            found.append(entry)
    return found


def _window(step: StepRecord) -> tuple[datetime | None, datetime | None]:
    start = _parse(step.wall_time)
    if start is None:
        return None, None
    # Wall time is kept to the millisecond; allow for the rounding at both ends.
    return start - timedelta(seconds=0.01), start + timedelta(seconds=step.duration_s + 0.5)


def _is_problem(entry: dict[str, Any]) -> bool:
    """A failed request, except the browser's own favicon probe (SPSE pages declare none)."""
    if entry.get("path") == "/favicon.ico":
        return False
    status = entry.get("status")
    return (isinstance(status, int) and status >= 400) or "error" in entry


# formatting -----------------------------------------------------------------------------------
def _parse(value: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _wib(value: str, *, with_zone: bool = False) -> str:
    moment = _parse(value)
    if moment is None:
        return "-"
    text = moment.astimezone(WIB).strftime("%d-%m-%Y %H:%M:%S")
    return text + " WIB" if with_zone else text


def _actor(step: StepRecord) -> str:
    if step.actor == "simulator":
        return tr("Simulator (jam SPSE)")
    return step.actor or "-"


def _page_owner(step: StepRecord) -> str:
    owner = step.page_owner
    return owner if owner and owner != step.actor else ""


def _desk_of(shot: str) -> str:
    stem = Path(shot).stem
    return stem.split("-failed-", 1)[1] if "-failed-" in stem else ""


def _page(step: StepRecord, *, separator: str = "\n") -> str:
    # about:blank is a window that has not loaded a page yet: no page to name.
    path = urlsplit(step.page_url).path if step.page_url.startswith("http") else ""
    title = step.page_title.removesuffix(" - SPSE")
    parts = [p for p in (title, path) if p]
    return separator.join(parts) if parts else "-"


def _outcome(step: StepRecord, evidence: Evidence) -> str:
    text = tr(OUTCOMES.get(step.outcome, step.outcome))
    if step.outcome != "ok":
        codes = [
            str(e.get("request_id"))
            for e in error_requests(evidence)
            if (w := _window(step))[0] is not None
            and w[1] is not None
            and (m := _parse(str(e.get("wall_time", "")))) is not None
            and w[0] <= m <= w[1]
        ]
        if codes:
            text += "\n" + tr("Kode: {codes}", codes=", ".join(codes))
    return text


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def _scenario_name(evidence: Evidence) -> str:
    if evidence.kind != "scenario":
        return ""
    parts = [str(evidence.index.get(k) or "") for k in ("scenario_id", "title")]
    return " – ".join(p for p in parts if p)


# python-docx helpers --------------------------------------------------------------------------
def _page_setup(document: DocumentObject) -> None:
    section = document.sections[0]
    section.page_width = Cm(21.0)
    section.page_height = Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    properties = normal.element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "id-ID")
    properties.append(language)


def _table(
    document: DocumentObject,
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths_cm: Sequence[float],
    *,
    font_pt: float = 9,
) -> Table:
    body = [list(values) for values in rows]
    table: Table = document.add_table(rows=1 + len(body), cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, text in zip(header.cells, headers, strict=True):
        _write(cell, text, font_pt=font_pt, bold=True)
        _fill(cell, HEADER_FILL)
    for row, values in zip(table.rows[1:], body, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            _write(cell, text, font_pt=font_pt)
    for index, width in enumerate(widths_cm):
        table.columns[index].width = Cm(width)
        for cell in table.columns[index].cells:
            cell.width = Cm(width)
    return table


def _write(cell: _Cell, text: str, *, font_pt: float, bold: bool = False) -> None:
    lines = text.split("\n") if text else ["-"]
    paragraph = cell.paragraphs[0]
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.font.size = Pt(font_pt)
        run.bold = bold
        if number < len(lines) - 1:
            run.add_break()


def _bold(cell: _Cell) -> None:
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.bold = True


def _fill(cell: _Cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _repeat_as_header(row: _Row) -> None:
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _picture(document: DocumentObject, path: Path) -> None:
    width = PICTURE_MAX_WIDTH_CM
    size = png_size(path)
    if size is not None and size[0] > 0:
        height = width * size[1] / size[0]
        if height > PICTURE_MAX_HEIGHT_CM:
            width = PICTURE_MAX_WIDTH_CM * PICTURE_MAX_HEIGHT_CM / height
    document.add_picture(str(path), width=Cm(width))
    paragraph = document.paragraphs[-1]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = True


def png_size(path: Path) -> tuple[int, int] | None:
    """Width and height of a PNG from its IHDR chunk (None for anything else)."""
    with path.open("rb") as handle:
        head = handle.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)
