"""SPSE 4's public pages as a public scraper sees them: a fresh client, no login, real HTTP.

The client does what tools like pyproc do: read the footer's version, fetch /lelang, cut the
authenticity token out of the page with a regex, POST DataTables' form to /dt/lelang, and read
the detail pages' tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import httpx
import pytest
from spse_web import World

from fake_spse.server import RunningServer
from spse_shared.messages import MessageCatalog

MESSAGES = MessageCatalog()
# pyproc's own expression for the token in the page.
TOKEN = re.compile(r"d\.authenticityToken[\s+]=[\s+]['\"]([0-9a-zA-Z]+)['\"];")
# SPSE 4.3's label set of pengumumanlelang, in its order.
ANNOUNCEMENT_LABELS = [
    "Kode Tender",
    "Nama Tender",
    "Rencana Umum Pengadaan",
    "Tanggal Pembuatan",
    "Keterangan",
    "Tahap Tender Saat Ini",
    "K/L/PD",
    "Satuan Kerja",
    "Jenis Pengadaan",
    "Metode Pengadaan",
    "Tahun Anggaran",
    "Nilai Pagu Paket",
    "Nilai HPS Paket",
    "Jenis Kontrak",
    "Lokasi Pekerjaan",
    "Kualifikasi Usaha",
    "Syarat Kualifikasi",
    "Peserta Tender",
]


class Tables(HTMLParser):
    """Every table of a page: its classes, whether inside div.content, and rows of cells."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tables: list[dict[str, object]] = []
        self._stack: list[dict[str, object]] = []
        self._div_content = 0
        self._divs: list[bool] = []
        self._cell: list[str] | None = None
        self.footer = ""
        self._in_footer = 0
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "div":
            is_content = "content" in classes
            self._divs.append(is_content)
            self._div_content += is_content
            if found.get("id") == "footer" or self._in_footer:
                self._in_footer += 1
        elif tag == "table":
            table: dict[str, object] = {
                "classes": classes,
                "in_content": self._div_content > 0,
                "rows": [],
            }
            self.tables.append(table)
            self._stack.append(table)
        elif tag == "tr" and self._stack:
            rows = self._stack[-1]["rows"]
            assert isinstance(rows, list)
            rows.append([])
        elif tag in ("th", "td") and self._stack:
            self._cell = [tag]

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._divs:
            self._div_content -= self._divs.pop()
            if self._in_footer:
                self._in_footer -= 1
        elif tag == "table" and self._stack:
            self._stack.pop()
        elif tag in ("th", "td") and self._cell is not None and self._stack:
            rows = self._stack[-1]["rows"]
            assert isinstance(rows, list)
            rows[-1].append((self._cell[0], " ".join("".join(self._cell[1:]).split())))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._in_footer:
            self.footer += data

    def content_table(self, css_class: str) -> list[list[tuple[str, str]]]:
        for table in self.tables:
            classes = table["classes"]
            assert isinstance(classes, list)
            if table["in_content"] and css_class in classes:
                rows = table["rows"]
                assert isinstance(rows, list)
                return rows
        raise AssertionError(f"no table.{css_class} inside div.content")


@pytest.fixture
def scraper(server: RunningServer) -> Iterator[httpx.Client]:
    """A scraper's client: its own cookies, never logged in."""
    client = httpx.Client(base_url=server.url, timeout=30)
    yield client
    client.close()


def datatables_form(token: str, **changes: str) -> dict[str, str]:
    form = {
        "draw": "1",
        "start": "0",
        "length": "10",
        "search[value]": "",
        "search[regex]": "false",
        "order[0][column]": "0",
        "order[0][dir]": "desc",
        "tahun": "",
        "kategoriId": "",
        "rekanan": "",
        "instansiId": "",
        "authenticityToken": token,
    }
    for column in range(5):
        form[f"columns[{column}][data]"] = str(column)
    form.update(changes)
    return form


def test_home_and_footer_identify_spse_4(scraper: httpx.Client) -> None:
    home = scraper.get("/", follow_redirects=True)
    assert str(home.url).rstrip("/").endswith("/eproc4")
    assert "harap aktifkan fitur javascript pada browser anda" in home.text.lower()
    assert re.search(r"SPSE v4\.[0-9a-z.]+", Tables(home.text).footer)


def test_home_announces_running_tenders_per_category(world: World, scraper: httpx.Client) -> None:
    page = scraper.get("/eproc4", follow_redirects=True).text
    home = Tables(page)
    works = next(
        t["rows"]
        for t in home.tables
        if t["rows"] and t["rows"][1][0][1] == "Pembangunan Jalan Desa"  # type: ignore[index]
    )
    assert isinstance(works, list)
    assert [c[1] for c in works[0]] == ["Nama Paket", "HPS", "Tahap", "Akhir Pendaftaran"]
    assert works[1][1] == ("td", "Rp 950.000.000,00")
    for category in ("Pengadaan Barang", "Pekerjaan Konstruksi", "Jasa Lainnya"):
        assert f'aria-label="Pengumuman {category}"' in page


def test_a_scraper_lists_tenders_through_the_datatables_endpoint(
    world: World, scraper: httpx.Client
) -> None:
    assert world.pokja.create_tender("Pengadaan Laptop Dinas").status_code == 303
    page = scraper.get("/eproc4/lelang")
    found = TOKEN.search(page.text)
    assert found, "no authenticity token in /lelang"
    token = found.group(1)
    assert f"___AT={token}&" in scraper.cookies["SPSE_SESSION"]
    headers = {"X-Requested-With": "XMLHttpRequest", "Referer": str(page.url)}

    answer = scraper.post("/eproc4/dt/lelang", data=datatables_form(token), headers=headers)
    assert answer.status_code == 200
    body = answer.json()
    assert list(body) == ["draw", "recordsTotal", "recordsFiltered", "data"]
    assert (body["draw"], body["recordsTotal"], body["recordsFiltered"]) == (1, 2, 2)
    newest, first = body["data"]
    assert newest[1] == "Pengadaan Laptop Dinas"
    assert first[:3] == [int(world.tender_id), "Pembangunan Jalan Desa", "LPSE Kota Surakarta"]
    assert first[3] == "Pengumuman Pascakualifikasi"
    assert first[4] == "Rp 950.000.000,00"

    by_name = datatables_form(token, draw="2", **{"order[0][column]": "1", "order[0][dir]": "asc"})
    names = [r[1] for r in scraper.post("/eproc4/dt/lelang", data=by_name).json()["data"]]
    assert names == ["Pembangunan Jalan Desa", "Pengadaan Laptop Dinas"]

    searched = datatables_form(token, draw="3", **{"search[value]": "laptop", "length": "1"})
    body = scraper.post("/eproc4/dt/lelang", data=searched).json()
    assert (body["draw"], body["recordsTotal"], body["recordsFiltered"]) == (3, 2, 1)
    # Only the first package has participants (PT Ptmaju and PT Ptjaya joined it).
    joined = datatables_form(token, draw="4", rekanan="ptjaya")
    body = scraper.post("/eproc4/dt/lelang", data=joined).json()
    assert [r[0] for r in body["data"]] == [int(world.tender_id)]

    for kind in ("pl", "nonspk"):
        other = scraper.post(f"/eproc4/dt/{kind}", data=datatables_form(token, draw="5"))
        assert other.json() == {"draw": 5, "recordsTotal": 0, "recordsFiltered": 0, "data": []}


def test_the_endpoint_refuses_a_foreign_token_and_bad_parameters(scraper: httpx.Client) -> None:
    token = TOKEN.search(scraper.get("/eproc4/lelang").text)
    assert token
    forged = scraper.post("/eproc4/dt/lelang", data=datatables_form("0" * 40, draw="9"))
    assert forged.status_code == 403
    assert forged.json()["error"] == MESSAGES.text("token.tidak_valid")
    assert forged.json()["draw"] == 9
    bad = datatables_form(token.group(1), **{"order[0][column]": "3"})
    refused = scraper.post("/eproc4/dt/lelang", data=bad)
    assert refused.status_code == 400
    expected = MESSAGES.text("dt.parameter_tidak_valid", parameter="order[0][column]")
    assert refused.json()["error"] == expected
    # Found by the every-route fuzz: a bad parameter's answer echoes ``draw``, which was read with
    # int() after str.isdigit(): "²" and a 5000-digit draw were a 500.
    for draw in ("²", "9" * 5000):
        odd = scraper.post("/eproc4/dt/pl", data=datatables_form(token.group(1), draw=draw))
        assert odd.status_code == 400, odd.text[:300]
        assert odd.json()["draw"] == 0
    # Older SPSE 4 builds answered a GET without a token; so does this one.
    legacy = scraper.get("/eproc4/dt/lelang", params={"draw": "1", "length": "5"})
    assert legacy.json()["draw"] == 1


def test_detail_pages_have_the_tables_scrapers_read(world: World, scraper: httpx.Client) -> None:
    tender = world.tender_id
    announcement = Tables(scraper.get(f"/eproc4/lelang/{tender}/pengumumanlelang").text)
    rows = announcement.content_table("table-bordered")
    assert [row[0] for row in rows] == [("th", label) for label in ANNOUNCEMENT_LABELS]
    labels = [row[0][1] for row in rows]
    assert rows[labels.index("Peserta Tender")][1] == ("td", "2 Peserta")
    # Derived from the package (a works package of Rp950 juta), not constants.
    assert rows[labels.index("Jenis Kontrak")][1] == ("td", "Harga Satuan")
    assert rows[labels.index("Kualifikasi Usaha")][1] == ("td", "Perusahaan Kecil")
    assert rows[labels.index("Metode Pengadaan")][1] == (
        "td",
        "Tender - Pascakualifikasi Satu File - Harga Terendah Sistem Gugur",
    )

    schedule = Tables(scraper.get(f"/eproc4/lelang/{tender}/jadwal").text).tables[0]["rows"]
    assert isinstance(schedule, list)
    assert [c[1] for c in schedule[0]] == ["No", "Tahap", "Mulai", "Sampai", "Perubahan"]

    participants = Tables(scraper.get(f"/eproc4/lelang/{tender}/peserta").text)
    rows = participants.content_table("table-condensed")
    assert [c[1] for c in rows[0]] == [
        "No",
        "Nama Peserta",
        "NPWP",
        "Harga Penawaran",
        "Harga Terkoreksi",
    ]
    assert [row[0][1] for row in rows[1:]] == ["1", "2"]
    found = {tuple(c[1] for c in row[1:3]) for row in rows[1:]}
    assert found == {("PT Ptmaju", "01.234.567.8-901.000"), ("PT Ptjaya", "01.234.567.8-901.001")}

    results = scraper.get(f"/eproc4/evaluasi/{tender}/hasil")
    assert results.status_code == 200
    assert MESSAGES.text("evaluasi.belum_ada") in results.text
    winner = scraper.get(f"/eproc4/evaluasi/{tender}/pemenang")
    assert winner.status_code == 200
    assert MESSAGES.text("pemenang.belum_ada") in winner.text


@pytest.mark.parametrize(
    "path",
    [
        "/eproc4/lelang/99999999/pengumumanlelang",
        "/eproc4/lelang/99999999/peserta",
        "/eproc4/evaluasi/99999999/hasil",
        "/eproc4/evaluasi/99999999/pemenang",
        "/eproc4/tidak-ada",
    ],
)
def test_unknown_pages_say_the_page_was_not_found(scraper: httpx.Client, path: str) -> None:
    answer = scraper.get(path)
    assert answer.status_code == 404
    assert "Halaman yang dituju tidak ditemukan" in answer.text
