"""/_sim/arrange: Givens set through the service layer, with SPSE's rules (real HTTP server)."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from fake_spse.server import RunningServer
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings
from simulator.testdata.documents import write_pdf
from spse_shared.profile import UPLOAD_STAGE

VENDOR = {
    "user_id": "cvmaju",
    "password": "Rahasia123!",
    "company": "CV Maju",
    "npwp": "01.234.567.8-901.000",
    "email": "cv.maju@example.co.id",
    "address": "Jl. Slamet Riyadi 1, Surakarta",
    "phone": "0271-123456",
    "director": "Budi Santoso",
}
TENDER = {
    "name": "Pengadaan Laptop",
    "satker": "Dinas Kominfo",
    "jenis_pengadaan": 0,
    "pagu": 200_000_000,
    "hps": 190_000_000,
    "lokasi": "Surakarta",
}


@pytest.fixture
def http(tmp_path: Path) -> Iterator[httpx.Client]:
    settings = Settings(
        data_dir=tmp_path / "lpse",
        clock_start=datetime(2026, 3, 2, 1, 0, tzinfo=UTC),
        password_cost=SIMULATED_PASSWORD_COST,
    )
    with RunningServer(settings) as server, httpx.Client(base_url=server.url) as client:
        staff = {"role": "verifikator", "name": "Maria", "email": "v@x.go.id"}
        client.post("/_sim/staff", json={"user_id": "verif", "password": "Rahasia1!", **staff})
        pokja = {"role": "pokja", "name": "Karja", "email": "p@x.go.id"}
        client.post("/_sim/staff", json={"user_id": "pokja1", "password": "Rahasia1!", **pokja})
        yield client


def test_a_vendor_is_registered_verified_and_logged_in(http: httpx.Client) -> None:
    registered = http.post("/_sim/arrange/vendor", json=VENDOR).json()
    assert registered["status"] == http.get("/_sim/accounts/cvmaju").json()["status"]
    verified = http.post(
        "/_sim/arrange/verify", json={"verifier_id": "verif", "vendor_id": "cvmaju"}
    )
    assert verified.status_code == 200
    assert [r["user_id"] for r in http.get("/_sim/adp/records").json()["records"]] == ["cvmaju"]

    cookie = http.post(
        "/_sim/arrange/login", json={"user_id": "cvmaju", "password": VENDOR["password"]}
    ).json()["cookie"]
    page = httpx.get(f"{http.base_url}/eproc4/dashboard", cookies={cookie["name"]: cookie["value"]})
    assert page.status_code == 200
    assert "CV Maju" in page.text


def test_the_rules_still_apply(http: httpx.Client) -> None:
    http.post("/_sim/arrange/vendor", json=VENDOR)
    # The same user id twice (with another e-mail address, which gets its link), as the
    # registration form would refuse it; the same e-mail address gets no link at all.
    same_email = http.post("/_sim/arrange/vendor", json={**VENDOR, "user_id": "cvlain"})
    assert same_email.json()["error"] == "registrasi.email_dipakai"
    again = http.post("/_sim/arrange/vendor", json={**VENDOR, "email": "lain@example.co.id"})
    assert again.status_code == 400
    assert again.json()["error"] == "registrasi.user_id_dipakai"
    # An unverified vendor cannot log in.
    login = http.post("/_sim/arrange/login", json={"user_id": "cvmaju", "password": "Rahasia123!"})
    assert login.status_code == 400
    # A CA tender needs the pokja's certificate.
    tender = http.post("/_sim/arrange/tender", json={"pokja_id": "pokja1", **TENDER})
    assert tender.json()["error"] == "tender.pokja_tanpa_sertifikat"
    # Only a verifikator verifies.
    wrong = http.post("/_sim/arrange/verify", json={"verifier_id": "pokja1", "vendor_id": "cvmaju"})
    assert wrong.status_code == 400


def test_arrange_is_refused_from_another_site(http: httpx.Client) -> None:
    refused = http.post(
        "/_sim/arrange/vendor", json=VENDOR, headers={"Origin": "http://evil.example"}
    )
    assert refused.status_code == 403
    assert http.get("/_sim/accounts/cvmaju").status_code == 404


def csr_pem(common_name: str) -> str:
    key = rsa.generate_private_key(65537, 2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    request = (
        x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    )
    return request.public_bytes(serialization.Encoding.PEM).decode()


def ams(http: httpx.Client, user_id: str, tmp_path: Path) -> str:
    letter = write_pdf(tmp_path / f"{user_id}.pdf", "Surat Rekomendasi", [user_id])
    answer = http.post(
        "/_sim/arrange/ams",
        json={
            "user_id": user_id,
            "letter_name": "Surat Rekomendasi.pdf",
            "letter_b64": base64.b64encode(letter.read_bytes()).decode(),
            "csr_pem": csr_pem(user_id),
        },
    ).json()
    return str(answer["certificate_pem"])


def test_an_arranged_upload_gets_the_pages_sealing_inputs_and_spses_checks(
    http: httpx.Client, tmp_path: Path
) -> None:
    pokja_pem = ams(http, "pokja1", tmp_path)
    tender_id = http.post("/_sim/arrange/tender", json={"pokja_id": "pokja1", **TENDER}).json()[
        "tender_id"
    ]
    http.post("/_sim/arrange/vendor", json=VENDOR)
    http.post("/_sim/arrange/verify", json={"verifier_id": "verif", "vendor_id": "cvmaju"})
    asked = {"vendor_id": "cvmaju", "tender_id": tender_id}
    # Not a participant yet: the upload page would refuse too.
    refused = http.post("/_sim/arrange/offer-page", json=asked)
    assert refused.json()["error"] == "penawaran.bukan_peserta"
    http.post("/_sim/arrange/join", json=asked)
    page = http.post("/_sim/arrange/offer-page", json=asked).json()
    assert page["recipients_pem"] == [pokja_pem]
    assert page["profile"] == "spse-4.3-ca"
    assert datetime.fromisoformat(page["waktu_server"]) == datetime.fromisoformat(
        http.get("/_sim/clock").json()["now"]
    )
    blobs_before = http.get("/_sim/blobs").json()
    # Before the upload stage, and junk in it: refused as the upload endpoint refuses them,
    # nothing stored.
    junk = {**asked, "data_b64": base64.b64encode(b"bukan CMS").decode()}
    assert http.post("/_sim/arrange/offer", json=junk).status_code == 400
    http.post("/_sim/clock", json={"tender_id": tender_id, "to_stage": UPLOAD_STAGE})
    http.post("/_sim/clock", json={"advance_seconds": 60})
    assert http.post("/_sim/arrange/offer", json=junk).status_code == 400
    assert http.get(f"/_sim/tenders/{tender_id}/offers").json()["offers"] == []
    assert http.get("/_sim/blobs").json() == blobs_before


def test_arranged_support_tickets_follow_lpse_supports_rules(http: httpx.Client) -> None:
    http.post("/_sim/arrange/vendor", json=VENDOR)
    http.post("/_sim/arrange/verify", json={"verifier_id": "verif", "vendor_id": "cvmaju"})
    http.post(
        "/_sim/staff",
        json={"user_id": "hana", "password": "Rahasia1!", "role": "helpdesk", "name": "Hana",
              "email": "h@x.go.id"},
    )  # fmt: skip
    draft = {
        "vendor_id": "cvmaju",
        "title": "Kendala Upload Dokumen Penawaran",
        "description": "Upload gagal.",
        "subcategory": "Upload Dokumen Penawaran",
        "category": "Teknis",
        "application": "SPSE",
    }
    program = {"name": "Kronologi Error.exe", "data_b64": base64.b64encode(b"MZ").decode()}
    refused = http.post("/_sim/arrange/support/ticket", json={**draft, "files": [program]})
    assert refused.status_code == 400
    assert http.get("/_sim/support/tickets").json()["tickets"] == []
    # Only a vendor files a ticket.
    staff_ticket = http.post("/_sim/arrange/support/ticket", json={**draft, "vendor_id": "hana"})
    assert staff_ticket.status_code == 400

    word = {"name": "Kronologi Error.docx", "data_b64": base64.b64encode(b"PK\x03\x04").decode()}
    filed = http.post("/_sim/arrange/support/ticket", json={**draft, "files": [word]}).json()
    number = filed["number"]
    assert number in filed["message"]
    # The vendor cannot take its own ticket; the helpdesk can.
    own = {"user_id": "cvmaju", "number": number, "action": "ambil"}
    assert http.post("/_sim/arrange/support/action", json=own).status_code == 400
    taken = http.post("/_sim/arrange/support/action", json={**own, "user_id": "hana"}).json()
    assert taken["status"] == "diproses"
    assert taken["assignee"] == "hana"
    [ticket] = http.get("/_sim/support/tickets").json()["tickets"]
    assert [a["name"] for a in ticket["attachments"]] == ["Kronologi Error.docx"]
    assert len(ticket["history"]) == 2


def test_an_arranged_lpse_support_login_opens_the_ticket_list_unless_lpse_support_is_down(
    http: httpx.Client,
) -> None:
    http.post("/_sim/arrange/vendor", json=VENDOR)
    http.post("/_sim/arrange/verify", json={"verifier_id": "verif", "vendor_id": "cvmaju"})
    credentials = {"user_id": "cvmaju", "password": VENDOR["password"]}

    cookie = http.post("/_sim/arrange/support/login", json=credentials).json()["cookie"]
    tickets = httpx.get(f"{http.base_url}/support/tiket", cookies={cookie["name"]: cookie["value"]})
    assert tickets.status_code == 200
    assert "Buat Tiket Baru" in tickets.text
    # A session logged in to SPSE alone is sent to LPSE Support's "Masuk dengan akun SPSE".
    spse_only = http.post("/_sim/arrange/login", json=credentials).json()["cookie"]
    entry = httpx.get(
        f"{http.base_url}/support/tiket", cookies={spse_only["name"]: spse_only["value"]}
    )
    assert "Buat Tiket Baru" not in entry.text

    http.post("/_sim/faults", json={"name": "support.down"})
    refused = http.post("/_sim/arrange/support/login", json=credentials)
    assert refused.status_code == 400
    assert refused.json()["error"] == "support.tidak_tersedia"
    wrong = http.post("/_sim/arrange/support/login", json={**credentials, "password": "salah"})
    assert wrong.json()["error"] == "login.gagal"


def test_arranged_qualification_saves_data_penyedia_and_sends_it_under_the_forms_rules(
    http: httpx.Client, tmp_path: Path
) -> None:
    ams(http, "pokja1", tmp_path)
    tender_id = http.post("/_sim/arrange/tender", json={"pokja_id": "pokja1", **TENDER}).json()[
        "tender_id"
    ]
    http.post("/_sim/arrange/vendor", json=VENDOR)
    asked = {"vendor_id": "cvmaju", "tender_id": tender_id}
    http.post("/_sim/arrange/verify", json={"verifier_id": "verif", **{"vendor_id": "cvmaju"}})
    http.post("/_sim/arrange/join", json=asked)
    http.post("/_sim/clock", json={"tender_id": tender_id, "to_stage": UPLOAD_STAGE})
    izin = {"kind": "izin_usaha", "jenis": "SIUP", "nomor": "503/1", "instansi": "DPMPTSP",
            "kualifikasi": "Kecil", "berlaku_sampai": "2030-01-01"}  # fmt: skip
    records = [
        izin,
        {"kind": "akta", "jenis": "Pendirian", "nomor": "1", "tanggal": "2015-05-04",
         "notaris": "Sri"},
        {"kind": "pengurus", "nama": "Budi", "nik": "3372010101800001", "jabatan": "Direktur"},
        {"kind": "pajak", "jenis": "SPT Tahunan", "tahun": "2025", "nomor": "BPE-1",
         "tanggal": "2026-01-15"},
    ]  # fmt: skip
    nib = {"name": "NIB.pdf", "data_b64": base64.b64encode(b"%PDF-1.4 NIB").decode()}
    # A form with a bad field: none of the records is saved, nothing is sent.
    bad = [*records[:3], {**records[3], "tahun": "dua ribu"}]
    refused = http.post("/_sim/arrange/qualification", json={**asked, "records": bad})
    assert refused.json()["error"] == "data_penyedia.angka_tidak_valid"
    sent = http.post(
        "/_sim/arrange/qualification", json={**asked, "records": records, "attachments": [nib]}
    ).json()
    assert sent["message"] == "Persyaratan kualifikasi berhasil dikirim."
    assert len(sent["record_ids"]) == 4
    # The form's rules: an izin usaha expired on the day of sending is refused.
    expired = [{**izin, "berlaku_sampai": "2026-03-01"}, *records[1:]]
    late = http.post("/_sim/arrange/qualification", json={**asked, "records": expired})
    assert late.json()["error"] == "kualifikasi.izin_kedaluwarsa"
    for junk in ("records", {"records": "x"}, {"records": [1]}, {"attachments": "x"}):
        body = {**asked, "records": records, **(junk if isinstance(junk, dict) else {})}
        if junk == "records":
            body.pop("records")
        assert http.post("/_sim/arrange/qualification", json=body).status_code == 400


def test_an_arranged_seleksi_offer_page_has_the_letter_on_file_ii_only(
    http: httpx.Client, tmp_path: Path
) -> None:
    ams(http, "pokja1", tmp_path)
    konsultansi = {**TENDER, "jenis_pengadaan": 1, "name": "Perencanaan Gedung"}
    tender_id = http.post(
        "/_sim/arrange/tender", json={"pokja_id": "pokja1", **konsultansi}
    ).json()["tender_id"]
    http.post("/_sim/arrange/vendor", json=VENDOR)
    http.post("/_sim/arrange/verify", json={"verifier_id": "verif", "vendor_id": "cvmaju"})
    asked = {"vendor_id": "cvmaju", "tender_id": tender_id}
    letter = {"harga": "150.000.000", "masa_berlaku": "60"}
    http.post("/_sim/arrange/join", json=asked)
    http.post("/_sim/clock", json={"tender_id": tender_id, "to_stage": UPLOAD_STAGE})
    file1 = http.post(
        "/_sim/arrange/offer-page", json={**asked, **letter, "bagian": "file1"}
    ).json()
    assert file1["ok"]
    assert "tambahan" not in file1
    file2 = http.post(
        "/_sim/arrange/offer-page", json={**asked, **letter, "bagian": "file2"}
    ).json()
    assert file2["ok"], file2
    assert [t["name"] for t in file2["tambahan"]] == ["Surat Penawaran.pdf"]
    # A dua file offer names its part.
    unnamed = http.post("/_sim/arrange/offer-page", json={**asked, **letter})
    assert unnamed.json()["error"] == "penawaran.bagian_wajib"


def test_an_arranged_vendor_certificate_goes_through_the_verifikator(
    http: httpx.Client, tmp_path: Path
) -> None:
    http.post("/_sim/arrange/vendor", json=VENDOR)
    http.post("/_sim/arrange/verify", json={"verifier_id": "verif", "vendor_id": "cvmaju"})
    letter = write_pdf(tmp_path / "siup.pdf", "SIUP", ["CV Maju"])
    body = {
        "user_id": "cvmaju",
        "letter_name": "SIUP.pdf",
        "letter_b64": base64.b64encode(letter.read_bytes()).decode(),
        "csr_pem": csr_pem("Budi Santoso"),
        "position": "Direktur",
    }
    # Without the director's statement the request is refused as the page refuses it.
    refused = http.post("/_sim/arrange/ams", json=body)
    assert refused.json()["error"] == "ams.keterangan_wajib"
    body |= {"statement_name": "Surat Keterangan.pdf", "statement_b64": body["letter_b64"]}
    answer = http.post("/_sim/arrange/ams", json=body).json()
    assert answer["reviewed"] is True
    [request] = http.get("/_sim/accounts/cvmaju/certificates").json()["ams_requests"]
    assert (request["status"], request["attended"]) == ("terbit", True)
    embedded = http.post(
        "/_sim/arrange/ams/tertanam",
        json={"user_id": "cvmaju", "request_id": answer["request_id"]},
    )
    assert embedded.json()["status"] == "tertanam"
