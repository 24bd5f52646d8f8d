"""English for the names of the checks catalog steps record (report.html, Word, JUnit, Allure).

Steps name a check in Bahasa Indonesia, often with values filled in ("riwayat tiket
LPSE-3372-2026-000001"); ``World.expect`` records it through ``tr_filled``, which finds the
text here with its ``{name}`` fields. tests/simulator/scenarios/test_check_labels.py fails on a
check name of a step without its English here.
"""

from __future__ import annotations

from collections.abc import Mapping

CHECK_TEXTS: Mapping[str, str] = {
    # steps/common.py
    "halaman menampilkan pesan ({key})": "the page shows the message ({key})",
    "SpamKodok menolak file ({key})": "SpamKodok refuses the file ({key})",
    "penawaran diterima": "offer accepted",
    "tanda terima sama dengan yang tersimpan": "the receipt matches what is stored",
    "tidak ada penawaran tersimpan": "no offer stored",
    # steps/adp.py
    "penyedia {alias} masuk ke beranda penyedia {lpse}": (
        "vendor {alias} reaches the vendor home of {lpse}"
    ),
    "status penyedia {alias} di {name}": "status of vendor {alias} at {name}",
    "ADP mencatat penyedia {alias}": "ADP records vendor {alias}",
    "ADP tidak mencatat penyedia {alias}": "ADP does not record vendor {alias}",
    "akun penyedia {alias} di {lpse}": "account of vendor {alias} at {lpse}",
    "tidak ada akun penyedia {alias} di {lpse}": "no account of vendor {alias} at {lpse}",
    # steps/certificates.py
    "waktu SPSE sesudah masa berlaku sertifikat": "SPSE's time is after the certificate's validity",
    "dicabut sesudah waktu terima": "revoked after the time of receipt",
    "tidak ada yang tercatat": "nothing recorded",
    "SpamKodok tanpa sertifikat": "SpamKodok without a certificate",
    "sertifikat tertanam = sertifikat yang dicantumkan SPSE": (
        "embedded certificate = the certificate SPSE lists"
    ),
    "BSrE mencabut sertifikat lama": "BSrE revokes the old certificate",
    "SPSE mencantumkan sertifikat baru, bukan yang lama": (
        "SPSE lists the new certificate, not the old one"
    ),
    "sertifikat baru tertanam dengan kunci baru": "the new certificate is embedded with a new key",
    "SPSE mencatat upgrade": "SPSE records the upgrade",
    "BSrE tidak menerbitkan sertifikat baru": "BSrE issues no new certificate",
    "sertifikat lama tetap berlaku dan dicantumkan SPSE": (
        "the old certificate stays valid and listed by SPSE"
    ),
    # steps/documentation.py
    "file Word yang diunduh helpdesk sama dengan kiriman": (
        "the Word file the helpdesk downloads is the one sent"
    ),
    "file Word tersimpan utuh di LPSE Support": "the Word file is stored whole in LPSE Support",
    "baris kronologi di file Word": "chronology rows in the Word file",
    "gambar screenshot di file Word": "screenshots in the Word file",
    "pesan error tertulis di file Word ({key})": (
        "the error message is written in the Word file ({key})"
    ),
    "riwayat tiket {number} di meja helpdesk": "history of ticket {number} at the helpdesk's desk",
    "lampiran tiket {number} di meja helpdesk": (
        "attachments of ticket {number} at the helpdesk's desk"
    ),
    "catatan identifikasi pada tiket {number} di halaman penyedia": (
        "identification note on ticket {number} on the vendor's page"
    ),
    "status tiket {number} di halaman penyedia": "status of ticket {number} on the vendor's page",
    "catatan identifikasi tersimpan di riwayat tiket": (
        "the identification note is stored in the ticket's history"
    ),
    # steps/evaluation.py
    "baris hasil evaluasi {alias}": "evaluation result row of {alias}",
    "evaluasi {part} {alias}": "{part} evaluation of {alias}",
    "alasan {alias}": "reason for {alias}",
    "pemenang": "winner",
    "jawaban sanggahan": "answer to the objection",
    # steps/non_ca.py
    "penawaran {alias} diterima": "offer of {alias} accepted",
    "tanda terima {alias} = file .rhs di komputer penyedia = yang tersimpan di SPSE": (
        "receipt of {alias} = the .rhs file on the vendor's computer = the one stored in SPSE"
    ),
    "berkas di penyimpanan server": "files in the server's storage",
    "satu baris untuk {alias}": "one row for {alias}",
    "status pembukaan {alias}": "opening status of {alias}",
    "hasil pembukaan {alias} tercatat di SPSE": "opening result of {alias} recorded in SPSE",
    "status pembukaan {alias} ({key})": "opening status of {alias} ({key})",
    "kunci privat paket belum diunduh (SPSE)": (
        "the package's private key not yet downloaded (SPSE)"
    ),
    "tidak ada kunci privat di komputer siapa pun": "no private key on anyone's computer",
    "{alias}: browser biasa, tanpa sertifikat di SPSE maupun BSrE": (
        "{alias}: an ordinary browser, no certificate at SPSE or BSrE"
    ),
    "{alias} mengenkripsi dengan kunci publik paket dari sistem": (
        "{alias} encrypts with the package's public key from the system"
    ),
    # steps/offers.py
    "SpamKodok menolak nama file ({key})": "SpamKodok refuses the file name ({key})",
    "simbol terlarang yang disebut": "the forbidden symbol named",
    "pesan menyebut {text}": "the message names {text}",
    "saran pra-pemeriksaan SpamKodok ({key})": "SpamKodok's pre-check advice ({key})",
    "tanpa saran pra-pemeriksaan": "no pre-check advice",
    "jumlah penawaran tersimpan": "number of offers stored",
    "hanya unggahan terakhir yang berlaku": "only the last upload counts",
    "harga penawaran {alias} pada pembukaan": "offer price of {alias} at the opening",
    "Harga Penawaran {alias} di halaman peserta": "Offer Price of {alias} on the participants page",
    "SPSE mencantumkan sertifikat baru pokja": "SPSE lists the working group's new certificate",
    "baris untuk {alias}": "rows for {alias}",
    "hash sama dengan unggahan terakhir": "hash equals the last upload's",
    # steps/qualification.py
    "persyaratan kualifikasi tersimpan": "qualification requirements stored",
    # steps/registration.py
    "email {subject} di kotak masuk {alias}": "e-mail {subject} in the inbox of {alias}",
    "akun {alias}": "account of {alias}",
    "{alias} setelah login": "{alias} after logging in",
    # steps/support.py
    "isian tiket {alias}": "ticket fields of {alias}",
    "status HTTP halaman tiket": "HTTP status of the ticket page",
    "penyedia ditolak ({key})": "vendor refused ({key})",
    "daftar tiket penyedia": "the vendor's ticket list",
    "email diterima di alamat LPSE": "e-mail received at the LPSE's address",
    "lampiran Word sama dengan file di meja penyedia": (
        "the Word attachment equals the file on the vendor's desk"
    ),
    "email penyedia di Kotak Masuk Email LPSE": "the vendor's e-mail in the LPSE Email Inbox",
    "lampiran email terlihat": "e-mail attachments shown",
    "tidak ada tiket maupun lampiran tersimpan": "no ticket and no attachment stored",
    "tiket {number}": "ticket {number}",
    "tiket {number} ditutup": "ticket {number} closed",
    "riwayat tiket {number}": "history of ticket {number}",
    "riwayat tiket {number} di halaman penyedia": "history of ticket {number} on the vendor's page",
    "riwayat tersimpan sama dengan yang ditampilkan": "the stored history equals the one shown",
    "lampiran tersimpan utuh": "attachments stored whole",
    # what a check shows when there is nothing to show (steps, through tr)
    "(kotak masuk kosong)": "(inbox empty)",
    "(kosong)": "(empty)",
    "(tanpa lampiran)": "(no attachment)",
    "(tidak ada email)": "(no e-mail)",
    "(tidak ada akun)": "(no account)",
    "(tidak ada)": "(none)",
    "(bukan peserta)": "(not a participant)",
    "(tidak tersimpan)": "(not stored)",
    "(tanpa tanda terima)": "(no receipt)",
    "(tanpa catatan)": "(no note)",
    # the vendor's own chronology in Word, ticket and e-mail (steps/support.py), as the
    # Konsep Operasional asks a vendor to write them
    "Kronologi Error": "Error Chronology",
    "Permasalahan": "Problem",
    "Dibuat": "Written",
    "Kronologi": "Chronology",
    "Screenshot": "Screenshot",
    "Gambar {number}. {name}": "Figure {number}. {name}",
    "Login ke SPSE": "Logged in to SPSE",
    "Permasalahan: {problem}": "Problem: {problem}",
    "Membuat tiket di LPSE Support": "Created a ticket in LPSE Support",
    "Kendala {problem}": "Problem with {problem}",
    "Kami mengalami kendala {problem}. Kronologi dan screenshot terlampir dalam file MS. Word.": (
        "We have a problem with {problem}. The chronology and screenshots are attached in an "
        "MS Word file."
    ),
    "Tidak bisa login di LPSE Support": "Cannot log in to LPSE Support",
    "Klik Aplikasi e-Procurement Lainnya, LPSE Support (Production)": (
        "Clicked Other e-Procurement Applications, LPSE Support (Production)"
    ),
    "Masuk ke LPSE Support gagal: {messages}": "Entering LPSE Support failed: {messages}",
    "Laporan error: tidak bisa login di LPSE Support ({vendor})": (
        "Error report: cannot log in to LPSE Support ({vendor})"
    ),
    "Yth. Helpdesk LPSE,\n\nkami tidak bisa login di LPSE Support. Kronologi dan "
    "screenshot terlampir dalam file MS. Word.\n\nHormat kami,\n{vendor}\n": (
        "Dear LPSE Helpdesk,\n\nwe cannot log in to LPSE Support. The chronology and "
        "screenshots are attached in an MS Word file.\n\nYours sincerely,\n{vendor}\n"
    ),
    # what checks expected and observed, counted or described (steps, through tr)
    "{count} data, lampiran {names}": "{count} record(s), attachment(s) {names}",
    "{count} penawaran": "{count} offer(s)",
    "tertanam": "embedded",
    "tidak tertanam": "not embedded",
    "{serial} dicabut": "{serial} revoked",
    "bukan {serial}": "not {serial}",
    "halaman: {listed}, /_sim: {current}": "page: {listed}, /_sim: {current}",
    "seri {serial}, kunci bukan kunci lama": "serial {serial}, key not the old key",
    "seri {serial}": "serial {serial}",
    "dicantumkan: {current}, dicabut: {revoked}": "listed: {current}, revoked: {revoked}",
    "dicabut > diterima {received}": "revoked > received {received}",
    "{count} langkah": "{count} step(s)",
    "{count} langkah ditemukan": "{count} step(s) found",
    "; hilang: {missing}": "; missing: {missing}",
    "minimal {count} gambar": "at least {count} picture(s)",
    "{count} gambar": "{count} picture(s)",
    "... {subject} (dengan tautan)": "... {subject} (with a link)",
    "tanpa {number}": "without {number}",
    "{tickets} tiket, {attachments} lampiran, {partial} file setengah jadi": (
        "{tickets} ticket(s), {attachments} attachment(s), {partial} partial file(s)"
    ),
    "{count} catatan": "{count} history line(s)",
    # steps/dua_file.py
    "bagian tersimpan (bagian, harga)": "stored parts (part, price)",
    "dua berkas tersegel berbeda": "two different sealed files",
    "bagian tersimpan": "stored parts",
    "satu baris File {roman} untuk {alias}": "one File {roman} row for {alias}",
    "harga File {roman} {alias}": "File {roman} price of {alias}",
    "baris File {roman}": "File {roman} rows",
    "pembukaan File II {alias}": "opening of File II of {alias}",
    # steps/evaluation.py (qualification, automatic gugur, Kualitas dan Biaya)
    "persyaratan kualifikasi {alias}": "qualification requirements of {alias}",
    "usulan gugur {vendor}": "proposed gugur of {vendor}",
    "nilai {alias}": "scores of {alias}",
    # steps/tender_cepat.py
    "peserta tender": "tender participants",
    # steps/ams_review.py and certificates.py (certificates through the LPSE's verifikator)
    "status permintaan (penyedia | verifikator)": "request status (vendor | verifier)",
    "penyedia dapat mengirim permintaan baru": "the vendor can send a new request",
    "LPSE asal pada antrian permintaan sertifikat": "home LPSE in the certificate request queue",
    "BSrE belum menerbitkan": "BSrE has not issued yet",
    "berita acara ({who}): PDF dengan nomor seri sertifikat": (
        "handover report ({who}): a PDF with the certificate's serial number"
    ),
    "permintaan sertifikat terkirim": "certificate request sent",
}
