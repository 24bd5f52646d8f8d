"""Generated input on every route of the fake SPSE: never a 5xx, and a refusal changes nothing.

The routes come from the app's own route table, so a new route is driven as soon as it exists;
``test_every_route_has_a_generator`` fails until it has an entry in ``SHAPES`` (what its body
looks like). Each example is one request from one of four browsers (anonymous, vendor, pokja,
verifikator), with the right authenticity token most of the time, sometimes a wrong one or
none, and for the control plane sometimes from a page on another origin. Before and after each
request the whole state on disk is read (every SQLite table of every database file, every blob,
the clock, the mail folder); a refused request (4xx, a state-changing request without the
session's token, a cross-site request to /_sim, any GET) must leave it unchanged.

Examples per route: the ``routes-ci`` hypothesis profile under CI, ``routes-dev`` otherwise
(both registered in tests/conftest.py; ``HYPOTHESIS_PROFILE`` overrides).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spse_web import (
    BASE,
    OPENING_STAGE,
    PASSWORD,
    START,
    UPLOAD_STAGE,
    Browser,
    Sim,
    build_world,
    tender_id_from,
    tls,
)
from starlette.applications import Starlette
from starlette.routing import BaseRoute, Mount, Route

from fake_spse.app import create_app
from fake_spse.domain.vendor_data import FIELDS, RecordKind
from fake_spse.server import RunningServer
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings
from fake_spse.simulation.faults import KNOWN_FAULTS
from fake_spse.web.session import COOKIE

PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or (
    "routes-ci" if os.environ.get("CI") else "routes-dev"
)
EXAMPLES = settings(
    settings.get_profile(PROFILE),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass(frozen=True)
class Shape:
    """What a route's request carries besides its path parameters.

    ``body``: "none" (query only), "form" (urlencoded), "multipart", "json" or "raw" (bytes);
    ``token``: where the route expects the session's authenticity token ("form" field,
    "header" x-authenticity-token, "none"); ``fields``/``files``: names the handler reads;
    ``query``: names it reads from the query string besides the body (a POST's ``?jenis=``).
    """

    body: str = "none"
    token: str = "none"
    fields: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    query: tuple[str, ...] = ()


GET = Shape()
DATATABLES = ("draw", "start", "length", "search[value]", "order[0][column]", "order[0][dir]",
              "rkn_nama", "instansiId", "rekanan", "kategoriId", "tahun")  # fmt: skip
REGISTRATION = ("user_id", "password", "password_confirm", "company", "npwp", "email",
                "address", "phone", "director")  # fmt: skip
TENDER = ("name", "instansi", "satker", "jenis_pengadaan", "pagu", "hps", "lokasi", "metode")
TICKET = ("kategori", "subkategori", "aplikasi", "judul", "deskripsi")
# The form behind the mailed registration link (the address comes from the link).
LINKED_REGISTRATION = (*(f for f in REGISTRATION if f != "email"), "link")
# Every field of every Data Penyedia tab (fake_spse/domain/vendor_data.py FIELDS).
VENDOR_DATA = tuple(sorted({name for fields in FIELDS.values() for name, _, _ in fields}))
# A valid 'Paket Baru' form (barang, so that Tender Cepat may be chosen).
TENDER_FORM = {"satker": "Dinas Kominfo", "jenis_pengadaan": "0", "pagu": "1.000.000.000",
               "hps": "950.000.000", "lokasi": "Surakarta"}  # fmt: skip
MARKS = ("kualifikasi", "administrasi", "teknis", "harga", "alasan", "harga_terkoreksi",
         "nilai_teknis")  # fmt: skip
ARRANGED_TICKET = ("vendor_id", "title", "application", "category", "subcategory", "description",
                   "lpse", "error_code", "tender_code", "ticket_type", "files")  # fmt: skip

SHAPES: dict[tuple[str, str], Shape] = {
    ("GET", "/"): GET,
    ("GET", "/eproc4/"): GET,
    ("GET", "/eproc4/lelang"): GET,
    ("GET", "/eproc4/lelang/{tender_id:str}/pengumumanlelang"): GET,
    ("GET", "/eproc4/lelang/{tender_id:str}/jadwal"): GET,
    ("GET", "/eproc4/dt/lelang"): Shape(fields=DATATABLES),
    ("POST", "/eproc4/dt/lelang"): Shape("form", "form", DATATABLES),
    ("GET", "/eproc4/dt/pl"): Shape(fields=DATATABLES),
    ("POST", "/eproc4/dt/pl"): Shape("form", "form", DATATABLES),
    ("GET", "/eproc4/dt/nonspk"): Shape(fields=DATATABLES),
    ("POST", "/eproc4/dt/nonspk"): Shape("form", "form", DATATABLES),
    ("GET", "/eproc4/lelang/{tender_id:str}/peserta"): GET,
    ("GET", "/eproc4/evaluasi/{tender_id:str}/hasil"): GET,
    ("GET", "/eproc4/evaluasi/{tender_id:str}/pemenang"): GET,
    ("GET", "/eproc4/evaluasi/{tender_id:str}/pemenangberkontrak"): GET,
    ("GET", "/eproc4/lelang/{tender_id:str}/evaluasi"): GET,
    ("POST", "/eproc4/lelang/{tender_id:str}/evaluasi/{vendor_id:str}"): Shape(
        "form", "form", MARKS
    ),
    ("POST", "/eproc4/lelang/{tender_id:str}/pembuktian/{vendor_id:str}/undang"): Shape(
        "form", "form"
    ),
    ("POST", "/eproc4/lelang/{tender_id:str}/pembuktian/{vendor_id:str}"): Shape(
        "form", "form", ("hasil", "alasan")
    ),
    ("POST", "/eproc4/lelang/{tender_id:str}/penetapan"): Shape("form", "form"),
    ("POST", "/eproc4/lelang/{tender_id:str}/sanggah/{sanggah_id:int}/jawab"): Shape(
        "form", "form", ("jawaban",)
    ),
    ("GET", "/eproc4/lelang/{tender_id:str}/sanggah"): GET,
    ("POST", "/eproc4/lelang/{tender_id:str}/sanggah"): Shape("form", "form", ("isi",)),
    ("GET", "/eproc4/lelang/{tender_id:str}/dokumen-pemilihan"): GET,
    ("GET", "/eproc4/lelang/{tender_id:str}/penjelasan"): GET,
    ("POST", "/eproc4/lelang/{tender_id:str}/penjelasan"): Shape("form", "form", ("pertanyaan",)),
    ("POST", "/eproc4/lelang/{tender_id:str}/penjelasan/{question_id:int}/jawab"): Shape(
        "form", "form", ("jawaban",)
    ),
    ("GET", "/eproc4/login"): Shape(fields=("pesan",)),
    ("POST", "/eproc4/login"): Shape("form", "form", ("user_id", "password")),
    ("POST", "/eproc4/logout"): Shape("form", "form"),
    ("GET", "/eproc4/registrasi"): GET,
    ("POST", "/eproc4/registrasi"): Shape("form", "form", ("email",)),
    ("GET", "/eproc4/registrasi/formulir"): Shape(fields=("token",)),
    ("POST", "/eproc4/registrasi/formulir"): Shape("form", "form", LINKED_REGISTRATION),
    ("GET", "/eproc4/lupa-password"): GET,
    ("POST", "/eproc4/lupa-password"): Shape("form", "form", ("email",)),
    ("GET", "/eproc4/lupa-password/baru"): Shape(fields=("token",)),
    ("POST", "/eproc4/lupa-password/baru"): Shape(
        "form", "form", ("link", "password", "password_confirm")
    ),
    ("GET", "/eproc4/penyedia/data"): Shape(fields=("jenis",)),
    ("POST", "/eproc4/penyedia/data"): Shape("form", "form", VENDOR_DATA, query=("jenis",)),
    ("POST", "/eproc4/penyedia/data/{record_id:int}/hapus"): Shape(
        "form", "form", query=("jenis",)
    ),
    ("POST", "/eproc4/penyedia/sikap"): Shape("form", "form", query=("jenis",)),
    ("GET", "/eproc4/lelang/{tender_id:str}/tendercepat"): GET,
    ("POST", "/eproc4/lelang/{tender_id:str}/tendercepat/penetapan"): Shape("form", "form"),
    ("GET", "/eproc4/lelang/{tender_id:str}/kualifikasi"): GET,
    ("POST", "/eproc4/lelang/{tender_id:str}/kualifikasi"): Shape(
        "multipart", "form", ("data",), ("lampiran",)
    ),
    ("GET", "/eproc4/dashboard"): GET,
    ("GET", "/eproc4/verifikasi"): GET,
    ("POST", "/eproc4/verifikasi/{user_id:str}"): Shape("form", "form"),
    ("POST", "/eproc4/lelang/{tender_id:str}/ikut"): Shape("form", "form", ("setuju",)),
    ("GET", "/eproc4/lelang/{tender_id:str}/penawaran"): GET,
    ("POST", "/eproc4/lelang/{tender_id:str}/penawaran/kirim"): Shape(
        "raw", "header", query=("bagian",)
    ),
    ("POST", "/eproc4/lelang/{tender_id:str}/penawaran/surat"): Shape(
        "json", "header", ("harga", "masa_berlaku", "bagian")
    ),
    ("GET", "/eproc4/ams"): GET,
    ("POST", "/eproc4/ams"): Shape("multipart", "form", ("csr",), ("surat", "keterangan")),
    ("GET", "/eproc4/ams/{request_id:int}/sertifikat"): GET,
    ("POST", "/eproc4/ams/{request_id:int}/tertanam"): Shape("json", "header"),
    ("GET", "/eproc4/ams/{request_id:int}/berita-acara"): GET,
    ("GET", "/eproc4/ams/{request_id:int}/dokumen/{jenis:str}"): GET,
    ("GET", "/eproc4/verifikasi/sertifikat"): GET,
    ("GET", "/eproc4/verifikasi/sertifikat/{request_id:int}"): GET,
    ("POST", "/eproc4/verifikasi/sertifikat/{request_id:int}/hadir"): Shape(
        "form", "form", ("nama", "jabatan", "asli")
    ),
    ("POST", "/eproc4/verifikasi/sertifikat/{request_id:int}/setujui"): Shape("form", "form"),
    ("POST", "/eproc4/verifikasi/sertifikat/{request_id:int}/tolak"): Shape(
        "form", "form", ("alasan",)
    ),
    ("GET", "/eproc4/sertifikat/apd"): GET,
    ("POST", "/eproc4/sertifikat/apd"): Shape(
        "multipart", "form", ("csr", "sertifikat_lama", "hadir"), ("surat", "keterangan")
    ),
    ("GET", "/eproc4/pokja/paket/baru"): GET,
    ("POST", "/eproc4/pokja/paket/baru"): Shape("form", "form", TENDER),
    ("GET", "/eproc4/lelang/{tender_id:str}/pembukaan"): Shape(fields=("bagian",)),
    ("GET", "/eproc4/lelang/{tender_id:str}/evaluasi-file1"): GET,
    ("POST", "/eproc4/lelang/{tender_id:str}/evaluasi-file1/{vendor_id:str}"): Shape(
        "form", "form", ("kualifikasi", "administrasi", "teknis", "nilai_teknis", "alasan")
    ),
    ("GET", "/eproc4/lelang/{tender_id:str}/pembukaan/{offer_id:int}/dokumen"): GET,
    ("POST", "/eproc4/lelang/{tender_id:str}/pembukaan/{offer_id:int}"): Shape(
        "json", "header", ("code", "signer_subject", "files", "koreksi")
    ),
    ("GET", "/eproc4/lelang/{tender_id:str}/penawaran-apendo"): GET,
    ("POST", "/eproc4/lelang/{tender_id:str}/penawaran-apendo"): Shape(
        "multipart", "form", (), ("berkas",)
    ),
    ("GET", "/eproc4/lelang/{tender_id:str}/kunci-publik-paket"): GET,
    ("GET", "/eproc4/lelang/{tender_id:str}/pembukaan-apendo"): GET,
    ("GET", "/eproc4/lelang/{tender_id:str}/pembukaan-apendo/kunci-privat"): GET,
    ("GET", "/eproc4/lelang/{tender_id:str}/pembukaan-apendo/{offer_id:int}/dokumen"): GET,
    ("POST", "/eproc4/lelang/{tender_id:str}/pembukaan-apendo/{offer_id:int}"): Shape(
        "form", "form", ("hasil", "koreksi")
    ),
    ("GET", "/eproc4/aplikasi"): GET,
    ("GET", "/eproc4/email"): GET,
    ("GET", "/eproc4/email/{mail_id:int}"): GET,
    ("GET", "/eproc4/email/{mail_id:int}/lampiran/{index:int}"): GET,
    ("GET", "/eproc4/public/{path}"): GET,
    ("GET", "/bsre/chain.pem"): GET,
    ("GET", "/bsre/crl.pem"): GET,
    ("GET", "/support/"): Shape(fields=("pesan",)),
    ("GET", "/support/masuk"): GET,
    ("POST", "/support/masuk"): Shape("form", "form"),
    ("POST", "/support/keluar"): Shape("form", "form"),
    ("GET", "/support/tiket"): GET,
    ("GET", "/support/tiket/baru"): GET,
    ("POST", "/support/tiket/baru"): Shape("multipart", "form", TICKET, ("lampiran",)),
    ("GET", "/support/tiket/{number:str}"): GET,
    ("POST", "/support/tiket/{number:str}"): Shape(
        "multipart", "form", ("aksi", "nilai", "catatan"), ("lampiran",)
    ),
    ("GET", "/support/tiket/{number:str}/lampiran/{attachment_id:int}"): GET,
    ("GET", "/_sim/panel"): Shape(fields=("catatan", "jenis", "sig")),
    ("GET", "/_sim/panel/status"): GET,
    ("POST", "/_sim/panel/waktu"): Shape(
        "form", "none", ("csrf", "aksi", "tender", "tahap", "titik", "menit")
    ),
    ("POST", "/_sim/panel/gangguan"): Shape(
        "form", "none", ("csrf", "nama", "aksi", "kali", "aktor")
    ),
    ("GET", "/_sim/health"): GET,
    ("GET", "/_sim/clock"): GET,
    ("POST", "/_sim/clock"): Shape(
        "json",
        "none",
        ("set", "advance_seconds", "tender_id", "to_stage", "edge", "plus_seconds", "frozen"),
    ),
    ("GET", "/_sim/faults"): GET,
    ("POST", "/_sim/faults"): Shape("json", "none", ("name", "times", "actor", "params")),
    ("DELETE", "/_sim/faults"): GET,
    ("DELETE", "/_sim/faults/{name:str}"): GET,
    ("GET", "/_sim/firings"): GET,
    ("POST", "/_sim/staff"): Shape(
        "json", "none", ("user_id", "role", "name", "email", "password")
    ),
    ("POST", "/_sim/ca/revoke"): Shape("json", "none", ("user_id", "serial", "at")),
    ("POST", "/_sim/ca/apd"): Shape(
        "json", "none", ("user_id", "passphrase", "variant", "at", "key_pem")
    ),
    ("GET", "/_sim/accounts/{user_id:str}/certificates"): GET,
    ("GET", "/_sim/tenders/{tender_id:str}/offers"): GET,
    ("GET", "/_sim/tenders/{tender_id:str}"): GET,
    ("GET", "/_sim/accounts/{user_id:str}"): GET,
    ("GET", "/_sim/adp/records"): GET,
    ("POST", "/_sim/tenders/{tender_id:str}/offers/{offer_id:int}/damage"): Shape(
        "json", "none", ("mode", "at")
    ),
    ("GET", "/_sim/blobs"): GET,
    ("GET", "/_sim/tenders/{tender_id:str}/kunci-paket"): GET,
    ("GET", "/_sim/tenders/{tender_id:str}/openings"): GET,
    ("GET", "/_sim/tenders/{tender_id:str}/kualifikasi"): GET,
    ("POST", "/_sim/arrange/vendor"): Shape("json", "none", (*REGISTRATION, "home_lpse")),
    ("POST", "/_sim/arrange/verify"): Shape("json", "none", ("verifier_id", "vendor_id")),
    ("POST", "/_sim/arrange/ams"): Shape(
        "json",
        "none",
        (
            "user_id",
            "csr_pem",
            "letter_name",
            "letter_b64",
            "statement_name",
            "statement_b64",
            "verifier_id",
            "attendee",
            "position",
        ),
    ),
    ("POST", "/_sim/arrange/ams/tertanam"): Shape("json", "none", ("user_id", "request_id")),
    ("POST", "/_sim/arrange/tender"): Shape("json", "none", ("pokja_id", *TENDER)),
    ("POST", "/_sim/arrange/join"): Shape("json", "none", ("vendor_id", "tender_id")),
    ("POST", "/_sim/arrange/login"): Shape("json", "none", ("user_id", "password")),
    ("POST", "/_sim/arrange/price"): Shape(
        "json", "none", ("tender_id", "vendor_id", "price_rupiah")
    ),
    ("POST", "/_sim/arrange/offer-page"): Shape(
        "json", "none", ("vendor_id", "tender_id", "harga", "masa_berlaku", "bagian")
    ),
    ("POST", "/_sim/arrange/offer"): Shape(
        "json", "none", ("vendor_id", "tender_id", "data_b64", "bagian")
    ),
    ("POST", "/_sim/arrange/qualification"): Shape(
        "json", "none", ("vendor_id", "tender_id", "records", "attachments")
    ),
    ("POST", "/_sim/arrange/vendor-record"): Shape("json", "none", ("vendor_id", "kind", "fields")),
    ("POST", "/_sim/arrange/sikap"): Shape("json", "none", ("vendor_id",)),
    ("POST", "/_sim/arrange/support/ticket"): Shape("json", "none", ARRANGED_TICKET),
    ("POST", "/_sim/arrange/support/login"): Shape("json", "none", ("user_id", "password")),
    ("POST", "/_sim/arrange/support/action"): Shape(
        "json", "none", ("user_id", "number", "action", "note", "rating")
    ),
    ("GET", "/_sim/webmail"): Shape(fields=("alamat",)),
    ("GET", "/_sim/webmail/kotak"): Shape(fields=("alamat",)),
    ("GET", "/_sim/support/tickets"): GET,
    ("GET", "/_sim/support/tickets/{number:str}"): GET,
    ("GET", "/_sim/mail"): GET,
}

# GETs that change state by design (SPSE records who released the package key and when).
# GETs that change state by design: SPSE records who released the package key and when; BSrE
# numbers every CRL it signs (CRLNumber grows by one per CRL).
CHANGING_GETS = {
    "/eproc4/lelang/{tender_id:str}/pembukaan-apendo/kunci-privat",
    "/bsre/crl.pem",
}
# Files that change on every request or hold what a refusal may still record.
NOT_STATE = {"server-log.jsonl"}
# Sessions: a read-only request may touch its session's row (last seen, expiry); whether a
# refused login starts none is tests/fake_spse/web/test_web_forms_fuzz.py's subject.
NOT_STATE_TABLES = {("spse.sqlite3", "sessions")}


def route_table(app: Any) -> list[tuple[str, str]]:
    """(method, path template) of every route the app answers, HEAD left out."""
    while not isinstance(app, Starlette):
        app = app.app  # the middlewares around the Starlette app (request log, limits, sessions)
    found: list[tuple[str, str]] = []

    def walk(routes: list[BaseRoute], prefix: str) -> None:
        for route in routes:
            if isinstance(route, Mount):
                if route.routes:
                    walk(list(route.routes), prefix + route.path)
                else:  # static files
                    found.append(("GET", prefix + route.path + "/{path}"))
            elif isinstance(route, Route):
                for method in sorted(route.methods or ()):
                    if method != "HEAD":
                        found.append((method, prefix + route.path))

    walk(list(app.routes), "")
    return found


def _routes() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        return route_table(create_app(Settings(data_dir=Path(folder) / "lpse")))


ROUTES = _routes()
PARAM = re.compile(r"\{(\w+)(?::(\w+))?\}")


def test_every_route_has_a_generator() -> None:
    """A route without an entry in SHAPES (or with a path parameter nobody generates) fails."""
    missing = [route for route in ROUTES if route not in SHAPES]
    assert missing == [], f"routes without a generator strategy: {missing}"
    assert sorted(set(SHAPES) - set(ROUTES)) == [], "SHAPES lists routes the app no longer has"
    params = {name for _, path in ROUTES for name, _ in PARAM.findall(path)}
    assert params <= set(PARAMS), f"path parameters without a strategy: {params - set(PARAMS)}"


# -- generated values -------------------------------------------------------------------------
TEXT = st.text(max_size=30)
WILD = st.one_of(
    TEXT,
    st.text(alphabet="0123456789٣٤٥১২৩.,-", max_size=14),  # non-ASCII decimal digits
    # str.isdigit() holds for superscripts, int() refuses them; int() refuses > 4300 digits.
    st.text(alphabet="0123²³", min_size=1, max_size=6),
    st.just("9" * 5000),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.just("x" * 3000),
    st.sampled_from(["ptmaju", "pokja1", "verif", PASSWORD, "ya", "lulus", "1", "0", "-1"]),
)
# Fields whose useful values WILD rarely hits: a Data Penyedia tab, dates, a mark, a price.
FIELD_VALUES = {
    "jenis": st.sampled_from([*RecordKind, "Pendirian", "SPT Tahunan"]).map(str),
    **dict.fromkeys(
        ("berlaku_sampai", "tanggal", "tanggal_kontrak", "selesai", "masa_berlaku"),
        st.dates().map(str),
    ),
    **dict.fromkeys(("kualifikasi", "administrasi", "teknis", "harga", "hasil"), st.just("lulus")),
    **dict.fromkeys(("harga_terkoreksi", "nilai_rupiah"), st.just("95000000")),
}
BIG_INT = st.integers(min_value=0, max_value=10**25).map(str)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | WILD,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=5,
)
FILE = st.tuples(
    st.sampled_from(["surat.pdf", "a.rhs", "../../etc/passwd", "x" * 300, "ñ.txt", ""]) | TEXT,
    st.binary(max_size=300) | st.just(b"%PDF-1.4\n%%EOF\n"),
)

ROLES = ("anonim", "ptmaju", "pokja1", "verif")


@dataclass
class World:
    """The fake SPSE on a port, a tender taking offers and one past opening, and one cookie per
    role."""

    server: RunningServer
    data_dir: Path
    sim: Sim
    known: dict[str, list[str]]
    http: httpx.Client
    cookies: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    clock: dict[str, Any] = field(default_factory=dict)

    def log_in(self, role: str) -> None:
        """A fresh session for ``role`` (logged in to LPSE Support too), or an anonymous one."""
        with httpx.Client(base_url=self.server.url, timeout=30, verify=tls()) as http:
            if role != "anonim":
                made = self.sim.call(
                    "POST", "/arrange/login", {"user_id": role, "password": PASSWORD}
                )
                http.cookies.set(COOKIE, made["cookie"]["value"], path="/")
            page = http.get(BASE + "/login")
            token = re.search(r"d\.authenticityToken = '([^']+)'", page.text)
            assert token, page.text[:300]
            self.tokens[role] = token.group(1)
            if role != "anonim":
                http.post("/support/masuk", data={"authenticityToken": token.group(1)})
            value = http.cookies.get(COOKIE)
            assert value
            self.cookies[role] = value

    def reset_control(self) -> None:
        """Back to the world's clock and no armed fault (a /_sim example may change both)."""
        self.sim.http.delete("/faults").raise_for_status()
        self.sim.call("POST", "/clock", {"set": self.clock["now"], "frozen": True})


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, make_csr: Any) -> Iterator[World]:
    data = tmp_path_factory.mktemp("every-route") / "lpse"
    # Simulated accounts' cheaper password hashing, as scenario runs use: the examples log in
    # again after every logout and login example.
    settings = Settings(data_dir=data, clock_start=START, password_cost=SIMULATED_PASSWORD_COST)
    with RunningServer(settings) as server:
        sim = Sim(server)
        browsers: list[Browser] = []

        def new_browser() -> Browser:
            browsers.append(Browser(server))
            return browsers[-1]

        made = build_world(
            server, sim, make_csr("Pokja Satu"), new_browser, vendor_csr_pem=make_csr("Budi")
        )
        # Two tenders: ``evaluated`` (build_world's) past opening, both vendors' offers opened
        # and priced, so the evaluation, pembuktian and penetapan routes reach their rules; and
        # ``open``, made while the first took offers, now taking offers itself (one sent), with
        # a question asked in its Pemberian Penjelasan.
        evaluated = made.tender_id
        sim.to_stage(evaluated, UPLOAD_STAGE, plus_seconds=60)
        for vendor, vendor_id in ((made.vendor_a, "ptmaju"), (made.vendor_b, "ptjaya")):
            sealed = vendor.sealed(evaluated, b"dokumen " + vendor_id.encode())
            assert vendor.upload(evaluated, sealed).status_code == 200
            price = {"tender_id": evaluated, "vendor_id": vendor_id, "price_rupiah": 900_000_000}
            sim.call("POST", "/arrange/price", price)
        open_ = tender_id_from(made.pokja.create_tender("Rehabilitasi Gedung Sekolah"))
        # A Tender Cepat too, so its ranking and penetapan routes reach their rules.
        cepat_form = {**TENDER_FORM, "name": "Pengadaan Laptop", "metode": "tender-cepat"}
        cepat = tender_id_from(made.pokja.post_form("/pokja/paket/baru", cepat_form))
        for vendor in (made.vendor_a, made.vendor_b):
            assert vendor.join(open_).status_code == 303
        sim.to_stage(evaluated, OPENING_STAGE, plus_seconds=60)
        for offer in sim.offers(evaluated):
            opened = made.pokja.http.post(
                f"{BASE}/lelang/{evaluated}/pembukaan/{offer['offer_id']}",
                json={"code": "dibuka", "signer_subject": "CN=Direktur", "files": ["a.pdf"]},
                headers={"x-authenticity-token": made.pokja.token()},
            )
            assert opened.json()["ok"], opened.text
        asked = made.vendor_a.post_form(
            f"/lelang/{open_}/penjelasan", {"pertanyaan": "Apakah boleh konsorsium?"}
        )
        assert asked.status_code == 303, asked.text
        record = {"jenis": "SIUP", "nomor": "503/123", "instansi": "DPMPTSP", "kualifikasi": "K"}
        saved = made.vendor_a.post_form("/penyedia/data?jenis=izin_usaha", record)
        assert saved.status_code == 303, saved.text
        sim.to_stage(open_, UPLOAD_STAGE, plus_seconds=60)
        sent = made.vendor_a.upload(open_, made.vendor_a.sealed(open_, b"x"))
        assert sent.status_code == 200, sent.text
        offers = [str(o["offer_id"]) for t in (open_, evaluated) for o in sim.offers(t)]
        for browser in browsers:
            browser.close()
        known = {
            "tender_id": [open_, evaluated, cepat, "0"],
            "offer_id": [*offers, "0"],
            "user_id": ["ptmaju", "ptjaya", "pokja1", "verif"],
            "number": ["1", "TIKET-1"],
            "mail_id": ["1", "0"],
            "index": ["0", "1"],
            "attachment_id": ["1"],
            "vendor_id": ["ptmaju", "ptjaya"],
            "sanggah_id": ["1", "0"],
            "question_id": ["1", "0"],
            "record_id": ["1", "0"],
            # AMS requests: the pokja's (issued at once), then each vendor's (approved)
            "request_id": ["1", "2", "3", "0"],
            "jenis": ["izin", "keterangan", "lain"],
            "name": sorted(KNOWN_FAULTS),
            "path": ["spse.css", "spse-lelang.js", "../app.py", "tidak-ada.css"],
        }
        running = World(
            server, data, sim, known, httpx.Client(base_url=server.url, timeout=30, verify=tls())
        )
        running.clock = sim.call("GET", "/clock")
        for role in ROLES:
            running.log_in(role)
        yield running
        running.http.close()
        sim.close()


PARAMS = {
    "tender_id": TEXT,
    "offer_id": BIG_INT,
    "user_id": TEXT,
    "number": TEXT,
    "mail_id": BIG_INT,
    "index": BIG_INT,
    "attachment_id": BIG_INT,
    "vendor_id": TEXT,
    "sanggah_id": BIG_INT,
    "question_id": BIG_INT,
    "record_id": BIG_INT,
    "request_id": BIG_INT,
    "jenis": TEXT,
    "name": TEXT,
    "path": TEXT,
}


# -- the state on disk ------------------------------------------------------------------------
def snapshot(data_dir: Path) -> dict[str, object]:
    """Every table of every SQLite file, every other file's bytes (hash), below ``data_dir``."""
    state: dict[str, object] = {}
    for path in sorted(data_dir.rglob("*")):
        name = str(path.relative_to(data_dir))
        if not path.is_file() or path.name in NOT_STATE or name.endswith(("-wal", "-shm")):
            continue
        if path.suffix == ".sqlite3":
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
            try:
                tables = [
                    r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
                ]
                for table in tables:
                    if (path.name, table) in NOT_STATE_TABLES:
                        continue
                    rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
                    state[f"{name}:{table}"] = sorted(map(repr, rows))
            finally:
                conn.close()
        else:
            state[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def changed(before: dict[str, object], after: dict[str, object]) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


# -- one generated request --------------------------------------------------------------------
@dataclass
class Request:
    method: str
    path: str
    role: str
    token_ok: bool
    cross_site: bool
    headers: dict[str, str]
    params: dict[str, str] | None = None
    content: bytes | None = None
    data: dict[str, str] | None = None
    files: list[tuple[str, tuple[str, bytes, str]]] | None = None


def _values(names: tuple[str, ...]) -> dict[str, st.SearchStrategy[str]]:
    return {name: FIELD_VALUES[name] | WILD if name in FIELD_VALUES else WILD for name in names}


def draw_request(data: st.DataObject, world: World, method: str, template: str) -> Request:
    shape = SHAPES[(method, template)]

    def value(name: str, convertor: str) -> str:
        drawn = data.draw(st.sampled_from(world.known[name]) | PARAMS[name], label=name)
        return quote(drawn, safe="") if convertor != "int" else drawn

    path = PARAM.sub(lambda m: value(m.group(1), m.group(2) or "str"), template)
    role = data.draw(st.sampled_from(ROLES), label="role")
    token_choice = data.draw(st.sampled_from(["right", "right", "right", "wrong", "none"]))
    token = {"right": world.tokens[role], "wrong": "0" * 40, "none": None}[token_choice]
    cross_site = template.startswith("/_sim") and data.draw(st.booleans(), label="cross_site")
    headers = {"cookie": f"{COOKIE}={world.cookies[role]}"}
    if cross_site:
        headers.update({"origin": "http://jahat.example", "sec-fetch-site": "cross-site"})
    request = Request(method, path, role, token_choice == "right", cross_site, headers)
    fields = data.draw(st.fixed_dictionaries({}, optional=_values(shape.fields)), label="fields")
    if data.draw(st.integers(0, 9), label="garbage") == 0 and method != "GET":
        # Anything at all, under any content type: the body a broken or hostile client sends.
        request.content = data.draw(st.binary(max_size=400), label="raw")
        kind = data.draw(
            st.sampled_from(
                [
                    "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=xyz",
                    "multipart/form-data",
                    "application/json",
                    "text/plain; charset=x-tidak-dikenal",
                ]
            )
        )
        headers["content-type"] = kind
        if shape.token == "header" and token:
            headers["x-authenticity-token"] = token
        return request
    if shape.token == "header" and token:
        headers["x-authenticity-token"] = token
    if shape.query and method != "GET":
        request.params = data.draw(
            st.fixed_dictionaries({}, optional=_values(shape.query)), label="query"
        )
    if shape.token == "form" and token:
        fields["authenticityToken"] = token
    if shape.body == "none":
        request.params = fields
    elif shape.body == "form":
        request.data = fields
    elif shape.body == "multipart":
        request.data = fields
        request.files = [
            (name, (*data.draw(FILE, label=name), "application/octet-stream"))
            for name in shape.files
            if data.draw(st.booleans(), label=f"with {name}")
        ] or [("_", ("", b"", "application/octet-stream"))]
    elif shape.body == "json":
        body = data.draw(
            st.fixed_dictionaries({}, optional=dict.fromkeys(shape.fields, JSON_VALUES))
            | JSON_VALUES,
            label="json",
        )
        request.content = json.dumps(body).encode()
        headers["content-type"] = "application/json"
    else:  # raw
        request.content = data.draw(st.binary(max_size=2000), label="raw")
    return request


def send(world: World, request: Request) -> httpx.Response:
    world.http.cookies.clear()  # the request's own cookie header only, never a kept one
    return world.http.request(
        request.method,
        request.path,
        params=request.params,
        content=request.content,
        data=request.data,
        files=request.files,
        headers=request.headers,
    )


def refused(request: Request, template: str, status: int) -> bool:
    """Whether the request must have changed nothing."""
    if status >= 400 or request.cross_site:
        return True
    if request.method == "GET":
        return template not in CHANGING_GETS
    return SHAPES[(request.method, template)].token != "none" and not request.token_ok


@pytest.mark.parametrize(("method", "template"), ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
@EXAMPLES
@given(data=st.data())
def test_generated_requests_never_fail_and_refusals_change_nothing(
    world: World, method: str, template: str, data: st.DataObject
) -> None:
    request = draw_request(data, world, method, template)
    before = snapshot(world.data_dir)
    answer = send(world, request)
    assert answer.status_code < 500, f"{request}\n{answer.text[:500]}"
    assert "Traceback" not in answer.text
    if refused(request, template, answer.status_code):
        assert changed(before, snapshot(world.data_dir)) == [], (request, answer.status_code)
    if request.cross_site:  # refused, no such route, or a redirect to the slash-less path
        assert not 200 <= answer.status_code < 300, answer.text[:300]
    if template.startswith("/_sim") and method != "GET":
        world.reset_control()
    if unquote(request.path).endswith(("/logout", "/keluar", "/login")):
        world.log_in(request.role)  # the example may have ended the role's session


def test_panel_text_that_is_not_ascii_is_refused_not_a_crash(world: World) -> None:
    """Found by the test above: the panel compared a posted csrf (and a note's signature) with
    hmac.compare_digest on str, which raises TypeError for non-ASCII text."""
    posted = world.http.post("/_sim/panel/waktu", data={"csrf": "\u00e9", "aksi": "maju"})
    assert posted.status_code == 403, posted.text[:300]
    shown = world.http.get("/_sim/panel", params={"catatan": "catatan-palsu", "sig": "\u00e9"})
    assert shown.status_code == 200
    assert "catatan-palsu" not in shown.text  # a note the panel did not sign is not shown
