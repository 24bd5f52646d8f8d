"""Driving a running fake SPSE over real HTTP, as a browser (and SpamKodok 2) would."""

from __future__ import annotations

import html
import json
import re
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

import httpx
from factories import START as START
from offer_bodies import envelope

from fake_spse.server import RunningServer
from spse_shared.profile import OPENING_STAGE as OPENING_STAGE
from spse_shared.profile import UPLOAD_STAGE as UPLOAD_STAGE

BASE = "/eproc4"
PASSWORD = "rahasia123"
PDF_LETTER = b"%PDF-1.4\n% surat rekomendasi\n%%EOF\n"
MAILED_LINK = re.compile(r"https?://\S+token=\S+")
TOKEN_IN_PAGE = re.compile(r"d\.authenticityToken = '([^']+)'")


SCRIPTS = re.compile(r"<script\b.*?</script>", re.DOTALL)
RECIPIENTS = re.compile(
    r'<script type="application/json" id="sertifikat-pokja">(.*?)</script>', re.DOTALL
)


def page_text(response: httpx.Response) -> str:
    """What the page shows: scripts (which embed the whole catalog) removed, entities resolved."""
    return html.unescape(SCRIPTS.sub("", response.text))


@cache
def tls() -> ssl.SSLContext:
    """One TLS context for every client: httpx makes one per client otherwise, loading its CA
    bundle each time (a sixth of these tests' CPU), and the servers here speak plain HTTP."""
    return httpx.create_ssl_context()


class Browser:
    """One user's browser: its own cookie jar, SPSE paths relative to the base path."""

    def __init__(self, server: RunningServer) -> None:
        self.http = httpx.Client(
            base_url=server.url, follow_redirects=False, timeout=30, verify=tls()
        )

    def close(self) -> None:
        self.http.close()

    def get(self, path: str) -> httpx.Response:
        return self.http.get(BASE + path)

    def token(self, path: str = "/") -> str:
        found = TOKEN_IN_PAGE.search(self.get(path).text)
        assert found, f"no authenticity token on {path}"
        return found.group(1)

    def post_form(self, path: str, fields: dict[str, str], *, token: bool = True) -> httpx.Response:
        data = dict(fields)
        if token:
            data["authenticityToken"] = self.token()
        return self.http.post(BASE + path, data=data)

    def login(self, user_id: str, password: str = PASSWORD) -> httpx.Response:
        return self.post_form("/login", {"user_id": user_id, "password": password})

    def register(self, user_id: str, **changes: str) -> httpx.Response:
        """'Daftar' with the e-mail address, the link from the mail, then the form behind it;
        the first refusal on the way is returned."""
        email = changes.pop("email", f"admin@{user_id}.co.id")
        mailed = self.post_form("/registrasi", {"email": email})
        if mailed.status_code != 200:
            return mailed
        fields = {
            "user_id": user_id,
            "password": PASSWORD,
            "password_confirm": PASSWORD,
            "company": f"PT {user_id.title()}",
            "npwp": "01.234.567.8-901.000",
            "address": f"Jl. {user_id.title()} No. 1, Surakarta",
            "phone": "0271-123456",
            "director": f"Direktur {user_id.title()}",
            "link": self.mailed_token(email),
        }
        return self.post_form("/registrasi/formulir", {**fields, **changes})

    def mailed_link(self, email: str) -> str:
        """The link in the newest mail SPSE sent to ``email`` (read from the webmail)."""
        messages = self.http.get("/_sim/webmail", params={"alamat": email}).json()["messages"]
        assert messages, f"no mail to {email}"
        found = MAILED_LINK.search(messages[0]["body"])
        assert found, messages[0]["body"]
        return found.group(0)

    def mailed_token(self, email: str) -> str:
        return self.mailed_link(email).split("token=", 1)[1]

    def ams(
        self,
        csr_pem: str,
        *,
        letter_name: str = "surat.pdf",
        letter: bytes = PDF_LETTER,
        statement_name: str = "Surat Keterangan.pdf",
        statement: bytes = PDF_LETTER,
        token: str | None = None,
    ) -> httpx.Response:
        """AMS registration as SpamKodok 2 posts it (a vendor's also has the statement)."""
        data = {"csr": csr_pem, "authenticityToken": token if token is not None else self.token()}
        files = {
            "surat": (letter_name, letter, "application/pdf"),
            "keterangan": (statement_name, statement, "application/pdf"),
        }
        return self.http.post(BASE + "/ams", data=data, files=files)

    def approve_ams(self, request_id: int, attendee: str = "Budi Santoso") -> httpx.Response:
        """As the verifikator: record the vendor's visit with both originals, then approve."""
        visit = self.http.post(
            f"{BASE}/verifikasi/sertifikat/{request_id}/hadir",
            data={
                "authenticityToken": self.token(),
                "nama": attendee,
                "jabatan": "Direktur",
                "asli": ["izin_usaha", "surat_keterangan"],
            },
        )
        assert visit.status_code == 303, visit.text
        return self.post_form(f"/verifikasi/sertifikat/{request_id}/setujui", {})

    def create_tender(
        self, name: str = "Pembangunan Jalan Desa", jenis_pengadaan: str = "2"
    ) -> httpx.Response:
        """A package of ``jenis_pengadaan`` (2 Pekerjaan Konstruksi: Harga Terendah; 1 Jasa
        Konsultansi Badan Usaha: Seleksi, Kualitas dan Biaya)."""
        fields = {
            "name": name,
            "satker": "Dinas Pekerjaan Umum",
            "jenis_pengadaan": jenis_pengadaan,
            "pagu": "1.000.000.000",
            "hps": "950.000.000",
            "lokasi": "Surakarta",
        }
        return self.post_form("/pokja/paket/baru", fields)

    def join(self, tender_id: str) -> httpx.Response:
        return self.post_form(f"/lelang/{tender_id}/ikut", {"setuju": "ya"})

    def recipients(self, tender_id: str) -> list[str]:
        """The pokja certificates (PEM) the vendor's offer page says to seal to."""
        found = RECIPIENTS.search(self.get(f"/lelang/{tender_id}/penawaran").text)
        assert found, "no recipients on the offer page"
        pems: list[str] = json.loads(html.unescape(found.group(1)))
        return pems

    def sealed(self, tender_id: str, content: bytes) -> bytes:
        """``content`` enveloped to the tender's pokja, as the vendor's SpamKodok would."""
        return envelope(content, self.recipients(tender_id))

    def upload(
        self,
        tender_id: str,
        body: bytes | Iterable[bytes],
        *,
        token: str | None = None,
        part: str = "",
    ) -> httpx.Response:
        """Send a sealed offer (of ``part``, "file1"/"file2", for a dua file method)."""
        headers = {"x-authenticity-token": token if token is not None else self.token()}
        query = f"?bagian={part}" if part else ""
        return self.http.post(
            f"{BASE}/lelang/{tender_id}/penawaran/kirim{query}", content=body, headers=headers
        )


class Sim:
    """The /_sim control API."""

    def __init__(self, server: RunningServer, token: str | None = None) -> None:
        headers = {"x-sim-token": token} if token else {}
        self.http = httpx.Client(
            base_url=server.url + "/_sim", headers=headers, timeout=30, verify=tls()
        )

    def close(self) -> None:
        self.http.close()

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        response = self.http.request(method, path, json=body)
        assert response.status_code == 200, response.text
        return response.json()

    def staff(self, user_id: str, role: str) -> None:
        self.call(
            "POST",
            "/staff",
            {
                "user_id": user_id,
                "role": role,
                "name": f"Nama {user_id}",
                "email": f"{user_id}@surakarta.go.id",
                "password": PASSWORD,
            },
        )

    def to_stage(
        self, tender_id: str, stage: str, edge: str = "start", plus_seconds: float = 0
    ) -> datetime:
        snapshot = self.call(
            "POST",
            "/clock",
            {"tender_id": tender_id, "to_stage": stage, "edge": edge, "plus_seconds": plus_seconds},
        )
        return datetime.fromisoformat(snapshot["now"])

    def offers(self, tender_id: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = self.call("GET", f"/tenders/{tender_id}/offers")["offers"]
        return rows

    def arm(self, name: str, **body: Any) -> None:
        self.call("POST", "/faults", {"name": name, **body})


@dataclass
class World:
    """A tender with a certified pokja and two vendors who joined it (clock at announcement)."""

    server: RunningServer
    sim: Sim
    pokja: Browser
    vendor_a: Browser
    vendor_b: Browser
    tender_id: str


def tender_id_from(response: httpx.Response) -> str:
    assert response.status_code == 303, response.text
    found = re.search(r"/lelang/(\d+)/pengumumanlelang", response.headers["location"])
    assert found, response.headers["location"]
    return found.group(1)


def build_world(
    server: RunningServer,
    sim: Sim,
    csr_pem: str,
    new_browser: Callable[[], Browser],
    *,
    vendor_csr_pem: str | None = None,
) -> World:
    """The World; with ``vendor_csr_pem`` both vendors also hold a certificate (for it), as a
    vendor needs to send an offer SPSE accepts."""
    sim.staff("pokja1", "pokja")
    sim.staff("verif", "verifikator")
    pokja = new_browser()
    assert pokja.login("pokja1").status_code == 303
    assert pokja.ams(csr_pem).json()["ok"]
    tender_id = tender_id_from(pokja.create_tender())

    verifier = new_browser()
    assert verifier.login("verif").status_code == 303
    vendors = []
    for number, user_id in enumerate(("ptmaju", "ptjaya")):
        vendor = new_browser()
        registered = vendor.register(user_id, npwp=f"01.234.567.8-901.{number:03d}")
        assert registered.status_code == 200, registered.text
        assert verifier.post_form(f"/verifikasi/{user_id}", {}).status_code == 303
        assert vendor.login(user_id).status_code == 303
        if vendor_csr_pem is not None:
            asked = vendor.ams(vendor_csr_pem).json()
            assert asked["ok"], asked
            assert verifier.approve_ams(asked["request_id"]).status_code == 303
        assert vendor.join(tender_id).status_code == 303
        vendors.append(vendor)
    return World(server, sim, pokja, vendors[0], vendors[1], tender_id)
