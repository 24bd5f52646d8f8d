"""Arranged worlds: the client side of /_sim/arrange, and the desk side of an arranged AMS.

A scenario's Givens that are not its subject are arranged through the fake SPSE's service layer
(fake_spse/control/arrange.py) instead of being walked through the pages: the same rules apply,
the browser round trips are skipped. The desk's part stays on the desk: an arranged certificate
has its key (from the key pool) and CSR made here, as SpamKodok makes them, and is embedded in
the user's SpamKodok keystore (PKCS#12) exactly where SpamKodok keeps it.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from simulator.browser.journeys.certificate import VISIT_POSITION
from simulator.browser.journeys.offer import DEFAULT_PRICE, DEFAULT_VALIDITY_DAYS
from simulator.desk.spamkodok.bridge import SpamKodok
from simulator.desk.spamkodok.keystore import Keystore
from simulator.harness.keypool import KeyRing
from simulator.harness.simcontrol import SimControl
from simulator.testdata.factory import TenderData, VendorData


class TakesCookies(Protocol):
    """A desk's browser, which takes a cookie (simulator.harness.environment.Desk)."""

    def give_cookie(self, name: str, value: str, url: str) -> None: ...


@dataclass(frozen=True)
class ArrangedUpload:
    """An offer sealed on the desk and stored through /_sim/arrange/offer: SpamKodok's answer
    (``ok``, ``problems``) and SPSE's (the upload endpoint's JSON), None when sealing failed."""

    sealed: dict[str, Any]
    answer: dict[str, Any] | None


class Arranger:
    """Sets one fake SPSE's state for a scenario; every call goes through /_sim/arrange."""

    def __init__(self, sim: SimControl, keys: KeyRing) -> None:
        self.sim = sim
        self.keys = keys

    def register_vendor(self, vendor: VendorData) -> str:
        """Online registration; the account's status."""
        body = {
            "user_id": vendor.user_id,
            "password": vendor.password,
            "company": vendor.company,
            "npwp": vendor.npwp,
            "email": vendor.email,
            "address": vendor.address,
            "phone": vendor.phone,
            "director": vendor.director,
        }
        return str(self.sim.post("/arrange/vendor", body)["status"])

    def verify_vendor(self, verifier_id: str, vendor_id: str) -> str:
        """The verifikator activates the vendor (and SPSE registers it in ADP); its status."""
        body = {"verifier_id": verifier_id, "vendor_id": vendor_id}
        return str(self.sim.post("/arrange/verify", body)["status"])

    def embed_certificate(
        self,
        *,
        user_id: str,
        keystore_path: Path,
        passphrase: str,
        common_name: str,
        organization: str | None,
        email: str | None,
        letter: Path,
        statement: Path | None = None,
        verifier_id: str | None = None,
    ) -> str:
        """AMS registration as SpamKodok does it: a key (from the pool) in the user's keystore,
        its CSR sent with the recommendation documents; a vendor's request is reviewed by the
        LPSE's verifikator (``verifier_id``, or the LPSE's first one), who records the
        director's visit (``VISIT_POSITION``, every original) and approves; BSrE's
        certificate is embedded and SPSE told so. Returns the certificate's subject."""
        keystore = Keystore(keystore_path, passphrase, self.keys.next())
        csr = keystore.certificate_signing_request(
            common_name=common_name, organization=organization or None, email=email or None
        )
        body: dict[str, Any] = {
            "user_id": user_id,
            "letter_name": letter.name,
            "letter_b64": base64.b64encode(letter.read_bytes()).decode(),
            "csr_pem": csr.public_bytes(serialization.Encoding.PEM).decode(),
            "verifier_id": verifier_id,
            "attendee": common_name,
            "position": VISIT_POSITION,
        }
        if statement is not None:
            body["statement_name"] = statement.name
            body["statement_b64"] = base64.b64encode(statement.read_bytes()).decode()
        answer = self.sim.post("/arrange/ams", body)
        keystore_path.parent.mkdir(parents=True, exist_ok=True)
        keystore.embed(
            x509.load_pem_x509_certificate(str(answer["certificate_pem"]).encode()),
            x509.load_pem_x509_certificates(str(answer["chain_pem"]).encode()),
        )
        if answer.get("reviewed"):
            self.sim.post(
                "/arrange/ams/tertanam", {"user_id": user_id, "request_id": answer["request_id"]}
            )
        return str(answer["subject"])

    def create_tender(self, pokja_id: str, tender: TenderData, method: str = "") -> str:
        """The pokja announces ``tender`` (fields as the 'Paket Baru' page sends them;
        ``method``: the key of a 'Metode Pemilihan' the pokja chooses, e.g. "tender-cepat")."""
        body = {
            "metode": method,
            "pokja_id": pokja_id,
            "name": tender.name,
            "satker": tender.satker,
            "jenis_pengadaan": tender.jenis_pengadaan,
            "pagu": tender.pagu,
            "hps": tender.hps,
            "lokasi": tender.lokasi,
        }
        return str(self.sim.post("/arrange/tender", body)["tender_id"])

    def offer_price(self, tender_id: str, vendor_id: str, price_rupiah: int) -> None:
        """The price of the vendor's Surat Penawaran on its current offer."""
        self.sim.post(
            "/arrange/price",
            {"tender_id": tender_id, "vendor_id": vendor_id, "price_rupiah": price_rupiah},
        )

    def add_vendor_record(self, vendor_id: str, kind: str, fields: dict[str, str]) -> None:
        """One record of the vendor's Data Penyedia (tab ``kind``; the form's field names)."""
        body = {"vendor_id": vendor_id, "kind": kind, "fields": fields}
        self.sim.post("/arrange/vendor-record", body)

    def synchronise_sikap(self, vendor_id: str) -> None:
        """'Sinkronisasi SIKaP' for the vendor (its Data Penyedia must be complete)."""
        self.sim.post("/arrange/sikap", {"vendor_id": vendor_id})

    def join_tender(self, vendor_id: str, tender_id: str) -> None:
        self.sim.post("/arrange/join", {"vendor_id": vendor_id, "tender_id": tender_id})

    def upload_offer(
        self,
        kodok: SpamKodok,
        vendor_id: str,
        tender_id: str,
        paths: Sequence[Path],
        *,
        part: str | None = None,
        price: str | None = None,
    ) -> ArrangedUpload:
        """An upload without the page: SPSE gives the page's sealing inputs (the tender's pokja
        certificates, its time), the vendor's SpamKodok seals ``paths`` with them, and the
        sealed bytes are received by the service the upload endpoint calls. ``part``: "file1"
        or "file2" of a dua file offer (the tender's only part by default)."""
        # As the page does: on the part that carries the price, SPSE's Surat Penawaran with the
        # price the walked upload types (simulator.browser.journeys.offer), sealed with the
        # documents.
        page = self.sim.post(
            "/arrange/offer-page",
            {
                "vendor_id": vendor_id,
                "tender_id": tender_id,
                "bagian": part or "",
                "harga": price or DEFAULT_PRICE,
                "masa_berlaku": DEFAULT_VALIDITY_DAYS,
            },
        )
        fields = ("tender_id", "vendor_id", "profile", "recipients_pem", "waktu_server")
        inputs = {name: page[name] for name in fields}
        inputs["tambahan"] = page.get("tambahan", [])
        sealed = kodok.seal_for_upload(inputs, paths)
        if not sealed.get("ok"):
            return ArrangedUpload(sealed, None)
        answer = self.sim.post(
            "/arrange/offer",
            {
                "vendor_id": vendor_id,
                "tender_id": tender_id,
                "bagian": part or "",
                # Catalog offers are small: the control plane takes them inline.
                "data_b64": base64.b64encode(Path(sealed["path"]).read_bytes()).decode(),
            },
        )
        return ArrangedUpload(sealed, answer)

    def send_qualification(
        self,
        vendor_id: str,
        tender_id: str,
        records: Sequence[Mapping[str, str]],
        attachments: Sequence[Path] = (),
    ) -> str:
        """The vendor saves ``records`` in Data Penyedia (each {"kind": tab, field: value...}
        as its form sends it) and sends them with ``attachments`` (files on the desk) in Kirim
        Persyaratan Kualifikasi; the message the page shows."""
        answer = self.sim.post(
            "/arrange/qualification",
            {
                "vendor_id": vendor_id,
                "tender_id": tender_id,
                "records": [dict(record) for record in records],
                "attachments": [
                    {"name": p.name, "data_b64": base64.b64encode(p.read_bytes()).decode()}
                    for p in attachments
                ],
            },
        )
        return str(answer["message"])

    def file_support_ticket(
        self,
        vendor_id: str,
        *,
        title: str,
        description: str,
        subcategory: str,
        category: str,
        application: str,
        attachments: Sequence[Path],
    ) -> tuple[str, str]:
        """The vendor files an LPSE Support ticket with ``attachments`` (files on the desk),
        as "Buat Tiket Baru" sends it; the ticket number and the message the page shows."""
        answer = self.sim.post(
            "/arrange/support/ticket",
            {
                "vendor_id": vendor_id,
                "title": title,
                "description": description,
                "subcategory": subcategory,
                "category": category,
                "application": application,
                "files": [
                    {"name": p.name, "data_b64": base64.b64encode(p.read_bytes()).decode()}
                    for p in attachments
                ],
            },
        )
        return str(answer["number"]), str(answer["message"])

    def act_on_support_ticket(
        self, user_id: str, number: str, action: str, *, note: str = ""
    ) -> str:
        """``user_id`` takes ``action`` ("ambil", "selesaikan"...) on ticket ``number``, as
        its button on the ticket page does; the ticket's status after."""
        body = {"user_id": user_id, "number": number, "action": action, "note": note}
        return str(self.sim.post("/arrange/support/action", body)["status"])

    def log_in(
        self,
        desk: TakesCookies,
        server_url: str,
        user_id: str,
        password: str,
        *,
        lpse_support: bool = False,
    ) -> None:
        """Log ``user_id`` in (password checked by SPSE), with ``lpse_support`` to LPSE Support
        too (as "Masuk dengan akun SPSE"), and give the desk the session cookie."""
        path = "/arrange/support/login" if lpse_support else "/arrange/login"
        answer = self.sim.post(path, {"user_id": user_id, "password": password})
        cookie = answer["cookie"]
        desk.give_cookie(str(cookie["name"]), str(cookie["value"]), server_url + "/")
