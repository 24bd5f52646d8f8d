"""The message catalog in English, key for key (see messages.py; chosen with --lang en)."""

from __future__ import annotations

from collections.abc import Mapping

CATALOG: Mapping[str, str] = {
    "login.gagal": "Wrong user ID or password.",
    "login.belum_diverifikasi": (
        "Your account is not active yet. Please come to the LPSE for verification, bringing the "
        "original documents and their copies."
    ),
    "login.ditolak": "Your account was rejected by the LPSE verifier.",
    "login.harus_login": "Please log in first.",
    "login.terlalu_sering": (
        "Too many failed login attempts. For security, logging in is suspended until {until}. "
        "If you forgot your password, contact the LPSE helpdesk."
    ),
    "akses.ditolak": "You have no access to this page.",
    "permintaan.terlalu_besar": (
        "The data sent is too large and was refused. Check the form or the file size."
    ),
    "permintaan.waktu_habis": (
        "Sending the data stalled for too long and was cancelled. Please send it again."
    ),
    "token.tidak_valid": "Your session is invalid or has ended. Please reload the page.",
    "registrasi.berhasil": (
        "Registration succeeded. Your account is not active yet: please come to the LPSE for "
        "verification, bringing the originals and copies of your KTP, NPWP and SIUP/SIUJK."
    ),
    "registrasi.user_id_tidak_valid": (
        "A user ID has 4 to 20 characters, lower-case letters and digits only, starting with a "
        "letter."
    ),
    "registrasi.user_id_dipakai": "User ID {user_id} is already taken.",
    "registrasi.email_tidak_valid": "Invalid e-mail address.",
    "registrasi.email_dipakai": "E-mail {email} is already registered.",
    "registrasi.npwp_tidak_valid": "An NPWP has 15 digits in the format 99.999.999.9-999.999.",
    "registrasi.password_pendek": "A password has at least 8 characters.",
    "registrasi.password_tidak_sama": "The password confirmation does not match.",
    "registrasi.wajib_diisi": "{field} is required.",
    "verifikasi.berhasil": "Vendor {company} has been verified and its account is active.",
    "verifikasi.sudah_aktif": "Vendor {company} is already active.",
    "verifikasi.tidak_ditemukan": "Vendor {user_id} not found.",
    "adp.tidak_tersedia": (
        "LKPP's ADP service (Agregasi Data Penyedia) cannot be reached. Please try again in a "
        "moment."
    ),
    "adp.duplikat_user_id": "User ID {value} is already registered in ADP.",
    "adp.duplikat_email": "E-mail {value} is already registered in ADP.",
    "adp.duplikat_npwp": "NPWP {value} with the same address is already registered in ADP.",
    "login.adp_tidak_tersedia": (
        "LKPP's ADP service (Agregasi Data Penyedia) cannot be reached, so accounts from other "
        "LPSEs cannot log in at this LPSE yet. Please try again in a moment."
    ),
    "login.adp_email_dipakai": (
        "The e-mail {email} of your ADP account is used by another account at this LPSE. Please "
        "contact the LPSE helpdesk."
    ),
    "ams.link": "You have no electronic certificate yet. Click here to register with AMS.",
    "ams.butuh_spamkodok": (
        "AMS registration is only possible in the SPAMKODOK 2 application. Please open SPSE in "
        "the SpamKodok 2 browser."
    ),
    "ams.surat_wajib": "The vendor's recommendation letter must be uploaded.",
    "ams.surat_jenis": "The recommendation letter must be a {types} file.",
    "ams.surat_besar": "The recommendation letter may be at most {max_mb} MB.",
    "ams.surat_kosong": "The recommendation letter file is empty.",
    "ams.csr_tidak_valid": "The certificate request from SpamKodok is invalid.",
    "ams.ca_tidak_tersedia": (
        "The Balai Sertifikasi Elektronik (BSrE) cannot be reached. The AMS registration cannot "
        "be processed yet; please try again in a moment."
    ),
    "ams.berhasil": "BSrE has issued your electronic certificate.",
    "ams.tertanam": "The electronic certificate is embedded in SpamKodok 2.",
    "ams.sudah_punya": "You already have a valid electronic certificate.",
    "ams.terkirim": (
        "Your certificate request has been sent and awaits the LPSE verifier's check. Come to "
        "the LPSE with the company's original documents for re-verification."
    ),
    "ams.permintaan_menunggu": (
        "You still have a certificate request awaiting the LPSE's verification."
    ),
    "ams.keterangan_wajib": (
        "The statement as the company's staff member/director (on letterhead, with the company "
        "stamp) must be uploaded."
    ),
    "ams.bukan_menunggu": "This certificate request is not awaiting verification.",
    "ams.hadir_nama_wajib": "The name of the person who came must be filled in.",
    "ams.hadir_nama_panjang": (
        "The name and position of the person who came may each be at most {max} characters."
    ),
    "ams.hadir_asli_wajib": "Choose the original documents that were checked.",
    "ams.belum_hadir": (
        "The vendor has not been recorded as coming to the LPSE to re-verify the original "
        "documents. Record the visit first."
    ),
    "ams.asli_kurang": (
        "The original TDP/SIUP/SIUJK and the director's statement must be checked before the "
        "request is approved."
    ),
    "ams.alasan_wajib": "The reason for rejection must be filled in.",
    "ams.alasan_panjang": "The reason for rejection may be at most {max} characters.",
    "ams.belum_terbit": "BSrE has not issued the certificate for this request yet.",
    "ams.hadir_tercatat": (
        "The vendor's visit and the original documents checked have been recorded."
    ),
    "ams.disetujui": (
        "The certificate request of {company} was approved and BSrE has issued the electronic "
        "certificate."
    ),
    "ams.ditolak": "The certificate request of {company} was rejected.",
    "ams.status_menunggu": (
        "Your certificate request has awaited the LPSE's verification since {submitted}."
    ),
    "ams.status_ditolak": (
        "The LPSE verifier rejected your certificate request for this reason: {reason}. Correct"
        " the documents, then send a new request."
    ),
    "ams.status_terbit": "BSrE has issued your electronic certificate. Embed it in SpamKodok 2.",
    "apd.terkirim": (
        "The certificate upgrade request has been sent and awaits the LPSE's verification; the "
        "old certificate stays valid until the new one is issued."
    ),
    "kodok.sertifikat_menunggu": (
        "No electronic certificate is embedded in SpamKodok 2 yet: your certificate (AMS) "
        "request still awaits the LPSE's verification or its certificate has not been embedded."
        " An offer can be sealed only once BSrE has issued the certificate and it is embedded."
    ),
    "tender.tidak_ditemukan": "The page you asked for was not found",
    "tender.dibuat": "Package {name} has been created and announced with tender code {tender_id}.",
    "tender.pokja_tanpa_sertifikat": (
        "You have no valid electronic certificate. A pokja needs a certificate to create an "
        "SPSE CA package."
    ),
    "tender.hps_melebihi_pagu": "The HPS may not exceed the budget ceiling (pagu).",
    "tender.angka_tidak_valid": "{field} must be a number.",
    "tender.ikut_berhasil": "You are registered as a participant of tender {name}.",
    "tender.sudah_ikut": "You are already registered as a participant of this tender.",
    "tender.persetujuan_wajib": "You must accept the integrity pact to join the tender.",
    "tender.pendaftaran_ditutup": "The registration stage of this tender has ended.",
    "penawaran.butuh_spamkodok": (
        "SPSE CA offer documents can only be sent with the SPAMKODOK 2 application. Please open "
        "this page in the SpamKodok 2 browser."
    ),
    "penawaran.bukan_peserta": "You are not a participant of this tender.",
    "penawaran.belum_dibuka": "The offer upload stage has not started yet.",
    "penawaran.ditutup": (
        "The offer upload deadline passed at {deadline}. The offer cannot be sent."
    ),
    "penawaran.terlalu_besar": "The offer document exceeds the {max_mb} MB limit.",
    "penawaran.kosong": "The offer document is empty.",
    "penawaran.terputus": (
        "The connection broke while the offer document was being sent. Please send it again."
    ),
    "penawaran.ukuran_tidak_sesuai": (
        "The size of the document received does not match. Please send it again."
    ),
    "penawaran.berhasil": "The offer document was sent successfully.",
    "penawaran.belum_pilih_file": "Please choose the offer document files first.",
    "penawaran.tanpa_sertifikat": (
        "No electronic certificate is embedded in SpamKodok 2 yet. Register with AMS first."
    ),
    "penawaran.bukan_cms": (
        "Offer document refused: the file is not a valid SPAMKODOK encrypted offer. Your earlier "
        "offer (if any) still stands. Encrypt the offer again with SpamKodok 2 and send it again."
    ),
    "penawaran.penerima_salah": (
        "Offer document refused: it is not encrypted for the certificates of this package's "
        "selection committee (Pokja Pemilihan). Your earlier offer (if any) still stands. Reload "
        "the offer page, encrypt again and send it again."
    ),
    "penawaran.sertifikat_penyedia_tidak_berlaku": (
        "Offer document refused: your electronic certificate is not valid or has been revoked. "
        "Renew the certificate through AMS and send it again."
    ),
    "pembukaan.belum_waktunya": (
        "The offers cannot be opened yet. The offer opening stage starts {start}."
    ),
    "pembukaan.bukan_pokja": "Only this package's selection committee can open the offers.",
    "pembukaan.status_tidak_dikenal": "Unknown opening status.",
    "pembukaan.dibuka": "Opened successfully",
    "pembukaan.terpotong": "Failed: the document is truncated (its size differs from the receipt)",
    "pembukaan.berubah": "Failed: the document's content changed after it was signed",
    "pembukaan.rusak": "Failed: the document is damaged and cannot be read",
    "pembukaan.bukan_penerima": "Failed: the document is not encrypted for your certificate",
    "pembukaan.gagal_dekripsi": "Failed: the document cannot be decrypted",
    "pembukaan.sertifikat_kedaluwarsa": (
        "Failed: the vendor's certificate had expired when the document was received"
    ),
    "pembukaan.sertifikat_dicabut": (
        "Failed: the vendor's certificate had been revoked when the document was received"
    ),
    "pembukaan.sertifikat_tidak_dipercaya": (
        "Failed: the vendor's certificate was not issued by BSrE"
    ),
    "pembukaan.bukan_tender_ini": "Failed: the document is not for this tender",
    "pembukaan.sudah_dicatat": (
        "The opening result of this offer is already recorded. A different result must be filed "
        "as a correction and is kept in the opening history."
    ),
    "pembukaan.tahap_selesai": (
        "The offer opening stage ended at {end}. Opening results can no longer be recorded."
    ),
    "pembukaan.selesai": "Opening of the offer documents finished.",
    "pembukaan.file1_belum_dievaluasi": (
        "File II (Price) cannot be opened yet: every participant's File I (Administrative and "
        "Technical) must be opened and evaluated first."
    ),
    "pembukaan.file2_tidak_lulus_file1": (
        "This participant's File II (Price) is not opened: the participant did not pass the "
        "administrative and technical evaluation of File I."
    ),
    "evaluasi.file1_terkunci": (
        "The File I evaluation can no longer be changed: File II (Price) has been opened."
    ),
    "evaluasi.file2_belum_dibuka": (
        "This participant's price cannot be evaluated yet: File II (Price) has not been opened."
    ),
    "evaluasi.bukan_dua_file": (
        "The File I evaluation exists only in the two-file method (Two-File Prequalification "
        "Selection)."
    ),
    "apendo.halaman_non_ca": (
        "The APENDO page is only used in SPSE NON CA. In SPSE CA offers are protected with "
        "electronic certificates in SpamKodok 2."
    ),
    "apendo.halaman_ca": (
        "This page is only used in SPSE CA (SpamKodok 2). In SPSE NON CA offers are protected "
        "with APENDO: use the APENDO offer upload page."
    ),
    "apendo.kunci_tidak_ada": "The key of this tender package was not found.",
    "apendo.petunjuk": (
        "Download the package's public key, encrypt the offer with APENDO, then upload the "
        "encrypted .rhs file. Only the selection committee can open it, with the package's "
        "private key, at the offer opening stage."
    ),
    "apendo.file_wajib": "Please choose the offer document (.rhs) encrypted by APENDO.",
    "apendo.bukan_rhs": (
        "File {name} is not an APENDO offer. In SPSE NON CA only .rhs files encrypted by APENDO "
        "can be uploaded."
    ),
    "apendo.rhs_tidak_sah": (
        ".rhs file refused: not a valid offer encrypted by APENDO. Your earlier offer (if any) "
        "still stands."
    ),
    "apendo.rhs_kunci_lain": (
        ".rhs file refused: the document is not encrypted with this package's public key. "
        "Download this package's public key, encrypt again with APENDO, then upload again."
    ),
    "apendo.menggantikan": "The offer sent earlier has been replaced.",
    "apendo.form_tidak_valid": "Invalid upload form. Please reload the page and try again.",
    "apendo.jadwal_pembukaan": (
        "The package's private key and the offers become available at the offer opening "
        "stage, from {start}."
    ),
    "apendo.kunci_belum_diunduh": (
        "Download the package's private key before recording opening results."
    ),
    "apendo.hasil_dicatat": "The opening result of {vendor}'s offer is recorded: {status}.",
    "pembukaan.bukan_kunci_paket": (
        "Failed: the document is not encrypted with this package's public key"
    ),
    "kodok.batal": "No file was chosen.",
    "kodok.file_tidak_ditemukan": "File {name} not found.",
    "kodok.sertifikat_tidak_cocok": (
        "The certificate from BSrE does not match the key kept in SpamKodok 2."
    ),
    "kodok.penerima_kosong": (
        "This package has no pokja certificates yet, so the document cannot be encrypted."
    ),
    "kodok.nama_terlalu_panjang": (
        "File name {name} is too long ({length} characters). A file name may have at most {max} "
        "characters, extension included."
    ),
    "kodok.karakter_terlarang": (
        "File name {name} contains characters that are not allowed: {chars}"
    ),
    "kodok.nama_ganda": "File name {name} was chosen more than once.",
    "kodok.flashdisk": (
        "File {name} is on a flash drive. Files to upload MUST be on the main hard disk, not on "
        "a flash drive."
    ),
    "kodok.ada_file_ditolak": "Some files still do not meet the rules. Fix them first.",
    "kodok.browser_lain": (
        "Another browser is running: {browsers}. Close every browser other than SpamKodok 2, "
        "then send the offer again."
    ),
    "kodok.keystore": "The SpamKodok 2 keystore cannot be opened: {detail}",
    "kodok.gagal_segel": "SpamKodok 2 failed to secure the document: {detail}",
    "kodok.passphrase_salah": (
        "Wrong SpamKodok 2 passphrase: the embedded electronic certificate cannot be opened. "
        "Check your passphrase; a lost passphrase can only be reset at BSrE."
    ),
    "kodok.sertifikat_kedaluwarsa": (
        "The electronic certificate in SpamKodok 2 expired on {sampai} (SPSE time {waktu}). "
        "The document was not secured; register with AMS for a new certificate."
    ),
    "kodok.sertifikat_belum_berlaku": (
        "The electronic certificate in SpamKodok 2 is only valid from {mulai} (SPSE time "
        "{waktu}). The document was not secured."
    ),
    "kodok.sertifikat_dicabut": (
        "The electronic certificate in SpamKodok 2 was revoked by BSrE on {tanggal}. The "
        "document was not secured; contact the LPSE to register with AMS again."
    ),
    "kodok.crl_tidak_tersedia": (
        "BSrE's certificate revocation list (CRL) cannot be downloaded, so the certificate "
        "cannot be checked. Please try again in a moment."
    ),
    "kodok.apd_galat": "APD file {name} cannot be read.",
    "kodok.apd_rusak": (
        "APD file {name} is damaged or not an export of an old SpamKodok certificate."
    ),
    "kodok.apd_passphrase_salah": "Wrong passphrase for APD file {name}.",
    "kodok.apd_asing": (
        "The certificate in APD file {name} was not issued by BSrE and cannot be upgraded."
    ),
    "kodok.apd_kedaluwarsa": (
        "The certificate in APD file {name} is no longer valid (expired) and cannot be "
        "upgraded. Register with AMS."
    ),
    "kodok.apd_dicabut": (
        "The certificate in APD file {name} has been revoked by BSrE and cannot be used again."
    ),
    "apd.sertifikat_lama_tidak_valid": "The old certificate in the APD file cannot be read.",
    "apd.bukan_milik_anda": (
        "The old certificate in the APD file does not belong to account {user_id}. Use your own "
        "APD file."
    ),
    "apd.sertifikat_lama_tidak_berlaku": (
        "The old certificate is no longer valid (expired or revoked) and cannot be upgraded. "
        "Register with AMS."
    ),
    "apd.berhasil": (
        "The old SpamKodok certificate was upgraded: BSrE issued a new certificate, and the old "
        "one (serial {serial_lama}) was revoked as superseded."
    ),
    "dt.parameter_tidak_valid": "Invalid package search parameter: {parameter}.",
    "dt.info": "Showing {first} to {last} of {total} packages",
    "dt.kosong": "No packages.",
    "peserta.belum_ada": "No participants yet.",
    "evaluasi.belum_ada": "No evaluation results for this tender yet.",
    "pemenang.belum_ada": "No winner for this tender yet.",
    "pelatihan.langkah": "Step {nomor} of {jumlah}",
    "pelatihan.yang_terjadi": "What happened",
    "pelatihan.apa_yang_harus_dilakukan": "What to do",
    "pelatihan.saran.dokumentasi": (
        "Document every screenshot of the error and the chronology of the error in a Microsoft "
        "Word file."
    ),
    "pelatihan.saran.tiket": (
        "Log in to SPSE, click Aplikasi e-Procurement Lainnya, open LPSE Support (Production) "
        "and create a new ticket for this problem: fill in every field and send it."
    ),
    "pelatihan.saran.email": (
        "If you cannot log in to LPSE Support, e-mail the LPSE ({email}) with that Word file "
        "attached."
    ),
    "pelatihan.saran.datang": (
        "You can also come to the LPSE on working days and hours to find the problem together "
        "(strongly recommended)."
    ),
    "pelatihan.gagal": "The scenario did not go as it should: {detail}",
    "pelatihan.jeda": "Paused: press Enter in the terminal to go on.",
    "pelatihan.selesai": "Done: {judul}",
    "support.harus_login_spse": (
        "Please log in to SPSE first, then open LPSE Support from the Aplikasi e-Procurement "
        "Lainnya menu."
    ),
    "support.harus_masuk": "Please sign in to LPSE Support first.",
    "support.tidak_tersedia": (
        "Signing in to LPSE Support failed: the service cannot be reached. If you cannot sign "
        "in to LPSE Support, e-mail the LPSE ({email}) with an MS Word attachment."
    ),
    "support.masuk_berhasil": "Welcome to LPSE Support, {name}.",
    "support.tiket_dibuat": (
        "Ticket {number} has been created. Keep this ticket number to follow its handling."
    ),
    "support.hanya_penyedia": "Only vendors can create new tickets.",
    "support.judul_wajib": "The problem's title is required.",
    "support.deskripsi_wajib": "The problem's description is required.",
    "support.aplikasi_tidak_valid": "Choose an application: {choices}.",
    "support.kategori_tidak_valid": "Choose a problem category: Teknis or Non Teknis.",
    "support.subkategori_tidak_valid": (
        "Sub-category {subcategory} does not belong to category {category}."
    ),
    "support.lampiran_nama": (
        "Invalid attachment name {name}: a file name may not contain a folder, drive or path, "
        "and may not start with a dot."
    ),
    "support.lampiran_jenis": "Attachment {name} is not allowed. Allowed file types: {types}.",
    "support.lampiran_kosong": "Attachment {name} is empty.",
    "support.lampiran_besar": "Attachment {name} exceeds the {max_mb} MB limit.",
    "support.lampiran_ganda": "Attachment {name} was chosen more than once.",
    "support.lampiran_terlalu_banyak": "At most {max} attachments.",
    "support.tiket_tidak_ditemukan": "Ticket {number} not found.",
    "support.bukan_tiket_anda": (
        "You may not open ticket {number}. A ticket can only be seen by the vendor who filed "
        "it, the LPSE's helpdesk, verifiers and admins, and LKPP."
    ),
    "support.bukan_penanganan": "Ticket {number} is being handled by {tier}: you cannot {action}.",
    "support.hanya_pengirim": (
        "Only the vendor who filed ticket {number} can rate its resolution."
    ),
    "support.aksi_tidak_diizinkan": (
        "A ticket with status {status} cannot be processed with the action {action}."
    ),
    "support.aksi_tidak_dikenal": "Unknown action.",
    "support.catatan_wajib": "A note is required to {action}.",
    "support.nilai_tidak_valid": "Choose a resolution rating from {low} to {high}.",
    "support.tiket_ditutup": "Ticket {number} is already closed.",
    "support.sudah_diambil": "You are already handling ticket {number}.",
    "support.tidak_dapat_diteruskan": "Ticket {number} is already at the highest handling tier.",
    "support.tiket_berubah": (
        "Ticket {number} was just changed by someone else. Please reload the page."
    ),
    "support.aksi_berhasil": "Ticket {number}: {action} succeeded. Status: {status}.",
    "support.dikembalikan": (
        "Ticket {number} was returned to {handler} because the problem is not solved yet."
    ),
    "email.hanya_lpse": "The LPSE e-mail inbox can only be opened by the LPSE helpdesk and admins.",
    "email.tidak_ditemukan": "E-mail number {mail_id} not found.",
    "error.umum": "Sorry, an error occurred in the SPSE application.",
    "error.tidak_ditemukan": "The page you asked for was not found",
    # Login by account kind, registration by e-mail link, Lupa Password ---------------------------
    "login.bukan_penyedia": (
        'This user ID is not a vendor account. Choose "Non Penyedia" to log in as LPSE or agency '
        "staff."
    ),
    "login.bukan_non_penyedia": (
        'This user ID is a vendor account. Choose "Penyedia" to log in as a vendor.'
    ),
    "login.jenis_tidak_dikenal": "Choose the kind of login: Penyedia or Non Penyedia.",
    "daftar.email_terkirim": (
        "A registration link has been sent to {email}. Open that e-mail and click the link to "
        "complete the registration form. The link is valid for 24 hours only."
    ),
    "email.tidak_terkirim": (
        "The e-mail cannot be sent because the LPSE mail server has a problem. Please try again "
        "in a moment."
    ),
    "tautan.tidak_valid": (
        "Invalid link. Make sure you open the complete link from the e-mail the LPSE sent."
    ),
    "tautan.kedaluwarsa": (
        "The link has expired (it was valid until {expired}). Please make the request again to "
        "get a new link."
    ),
    "tautan.sudah_dipakai": "This link has already been used and cannot be used again.",
    "lupa_password.terkirim": (
        "A link to set a new password has been sent to {email}. The link is valid for 24 hours "
        "only."
    ),
    "lupa_password.email_tidak_terdaftar": "E-mail {email} is not registered at this LPSE.",
    "lupa_password.lpse_asal": (
        "Your account is registered at {lpse} and logs in to this LPSE through ADP. Use Lupa "
        "Password (forgot password) at that home LPSE."
    ),
    "lupa_password.berhasil": (
        "Your password has been changed. Please log in with the new password."
    ),
    # Offers by tender method ----------------------------------------------------------------------
    "penawaran.harga_tidak_valid": "The offer price must be an amount in rupiah above zero.",
    "penawaran.masa_berlaku_tidak_valid": "The offer validity must be 1 to {max} days.",
    "penawaran.surat_dibuat": (
        "The Surat Penawaran (offer letter) is made by SPSE and included in the offer document."
    ),
    "penawaran.bagian_tanpa_harga": (
        "File I (Administration and Technical) does not contain the offer price."
    ),
    "penawaran.bagian_wajib": (
        "This tender uses the two-file method: choose File I (Administration and Technical) or "
        "File II (Price)."
    ),
    "penawaran.bagian_tidak_dikenal": (
        "Unknown part of the offer document for this tender's method."
    ),
    # Data Penyedia (vendor data) and qualification ------------------------------------------------
    "data_penyedia.wajib": "{field} is required.",
    "data_penyedia.tanggal_tidak_valid": "{field} must be a date (YYYY-MM-DD).",
    "data_penyedia.angka_tidak_valid": "{field} must be a number.",
    "data_penyedia.nik_tidak_valid": "The KTP number (NIK) must be 16 digits.",
    "data_penyedia.tanggal_masa_depan": "The document's date may not be later than today.",
    "data_penyedia.tahun_pajak_masa_depan": "Tax year {year} has not begun yet.",
    "data_penyedia.kontrak_terbalik": (
        "The contract's end date may not be before the contract date."
    ),
    "data_penyedia.nilai_nol": "The contract value must be more than zero.",
    "data_penyedia.jenis_tidak_dikenal": "Unknown kind of vendor data.",
    "data_penyedia.tidak_ditemukan": "Vendor data not found.",
    "data_penyedia.tersimpan": "The data was saved.",
    "kualifikasi.bukan_milik": "The data you chose is not your company's data.",
    "kualifikasi.izin_wajib": "Choose at least one business licence (Izin Usaha).",
    "kualifikasi.izin_kedaluwarsa": (
        "Business licence {izin} expired ({until}). Renew the business licence in Data Penyedia."
    ),
    "kualifikasi.akta_pendirian_wajib": "Choose the company's deed of establishment.",
    "kualifikasi.pengurus_wajib": "Choose at least one of the company's officers (Pengurus).",
    "kualifikasi.spt_wajib": "Choose the proof of the annual tax return (SPT) for tax year {year}.",
    "kualifikasi.nama_terlalu_panjang": (
        "File name '{name}' is too long ({length} characters, at most {max} characters "
        "extension included)."
    ),
    "kualifikasi.karakter_terlarang": (
        "File name '{name}' contains characters that are not allowed: {chars}"
    ),
    "kualifikasi.nama_ganda": "File '{name}' was chosen more than once.",
    "kualifikasi.lampiran_kosong": "File '{name}' is empty.",
    "kualifikasi.lampiran_terlalu_besar": "File '{name}' exceeds the {max_mb} MB limit.",
    "kualifikasi.terkirim": "The qualification requirements were sent.",
    "kualifikasi.belum_dibuka": (
        "The Qualification Requirements stage has not started yet. It starts {start}."
    ),
    "kualifikasi.ditutup": (
        "The Qualification Requirements stage ended at {deadline}. The qualification "
        "requirements can no longer be sent."
    ),
    "pembukaan.berkas_tidak_sesuai": (
        "Opened, but a file's content does not match its extension (a RAR/ZIP archive or a "
        "program renamed to .pdf)"
    ),
    "kodok.saran_sistem_operasi": (
        "SpamKodok 2 pre-check: this computer runs {os}. For things to go smoothly, use "
        "{recommended} on your laptop/computer."
    ),
    "kodok.unduh_gagal": "SpamKodok 2 cannot download the offer documents from SPSE.",
    # Evaluation, winner, failed tender ------------------------------------------------------------
    "pemenang_berkontrak.belum_ada": "No contracted winner for this tender yet.",
    "evaluasi.belum_pembukaan": (
        "The evaluation cannot be done yet: the offers have not been opened. The offer opening "
        "stage starts {start}."
    ),
    "evaluasi.sudah_ditetapkan": (
        "The winner has been determined; the evaluation results can no longer be changed."
    ),
    "evaluasi.bukan_pokja": "Only this package's selection committee can do the evaluation.",
    "evaluasi.bukan_peserta": "This vendor is not a participant of this tender.",
    "evaluasi.alasan_wajib": (
        "A reason for failing is required for a participant declared failed."
    ),
    "evaluasi.harga_belum_diketahui": (
        "This participant's offer price is not known yet; the price evaluation cannot be "
        "declared passed."
    ),
    "evaluasi.harga_koreksi_tidak_valid": "The corrected price must be a number above zero.",
    "evaluasi.tersimpan": "The evaluation result of {peserta} is saved.",
    "evaluasi.harga_tidak_diketahui": "Offer price not known yet",
    "evaluasi.nilai_teknis_tidak_valid": (
        "The technical score (nilai teknis) must be a number from 0 to 100 with at most two "
        "decimals."
    ),
    "evaluasi.nilai_teknis_wajib": (
        "A technical score (nilai teknis) is required for a participant who passed the "
        "technical evaluation."
    ),
    "evaluasi.nilai_teknis_di_bawah_ambang": (
        "Technical score {nilai} below the passing grade {ambang}"
    ),
    "evaluasi.izin_kedaluwarsa": "Business licence expired: {izin} valid until {until}",
    "pembuktian.belum_lulus": (
        "Invitations to the qualification verification are only for participants who passed "
        "the evaluation."
    ),
    "pembuktian.undangan_terkirim": (
        "Invitation to the qualification verification sent to {peserta}."
    ),
    "pemenang.belum_waktunya": (
        "The winner cannot be determined yet. The Penetapan Pemenang (winner determination) "
        "stage starts {start}."
    ),
    "pemenang.tahap_lewat": "The Penetapan Pemenang (winner determination) stage has passed.",
    "pemenang.ditetapkan": "{peserta} was determined as the winner at a price of {harga}.",
    "pemenang.sudah_ditetapkan": "The winner of this tender has already been determined.",
    "tender.metode_tidak_tersedia": "The selection method '{metode}' is not offered by this LPSE.",
    "tender.metode_tidak_sesuai": "The method {metode} cannot be used for {jenis}.",
    "tender_cepat.sikap_wajib": (
        "A Tender Cepat is open only to vendors whose qualification data are complete and "
        "verified in SIKaP. Complete Data Penyedia, then run Sinkronisasi SIKaP."
    ),
    "tender_cepat.bukan_tender_cepat": "This tender is not a Tender Cepat.",
    "jadwal.tahap_tidak_ada": (
        "This tender's schedule has no {stage} stage (its selection method has no such stage)."
    ),
    "sikap.belum_lengkap": (
        "The SIKaP data are incomplete: {kurang}. Complete Data Penyedia, then run "
        "Sinkronisasi SIKaP again."
    ),
    "sikap.tersinkron": "The SIKaP data are complete and verified.",
    "tender.gagal": "Tender failed: {alasan}.",
    "tender.sudah_gagal": "This tender has already been declared failed.",
    # Tender documents, clarification (Pemberian Penjelasan), objection (sanggah) ------------------
    "dokumen.belum_tersedia": (
        "The Dokumen Pemilihan (selection document) is not available yet. The Download Dokumen "
        "Pemilihan stage starts {start}."
    ),
    "dokumen.bukan_peserta": (
        "The Dokumen Pemilihan (selection document) is only for participants of this tender."
    ),
    "penjelasan.bukan_peserta": "Only participants of this tender can ask questions.",
    "penjelasan.belum_dimulai": (
        "The Pemberian Penjelasan (clarification) stage has not started yet. It starts {start}."
    ),
    "penjelasan.ditutup": (
        "The Pemberian Penjelasan (clarification) stage ended at {deadline}. Questions can no "
        "longer be sent."
    ),
    "penjelasan.pertanyaan_wajib": "A question is required.",
    "penjelasan.terkirim": "Question sent.",
    "penjelasan.sudah_dijawab": "This question has already been answered.",
    "penjelasan.jawaban_wajib": "An answer is required.",
    "penjelasan.tidak_ditemukan": "Question not found.",
    "penjelasan.dijawab": "Answer saved.",
    "sanggah.bukan_peserta": "Only participants of this tender can send an objection (sanggah).",
    "sanggah.belum_dibuka": (
        "The Masa Sanggah (objection period) has not started yet. It starts {start}."
    ),
    "sanggah.ditutup": (
        "The Masa Sanggah (objection period) ended at {deadline}. Objections can no longer be sent."
    ),
    "sanggah.isi_wajib": "The objection's text is required.",
    "sanggah.terkirim": "Objection sent.",
    "sanggah.sudah_dijawab": "This objection has already been answered.",
    "sanggah.jawaban_wajib": "The answer to the objection is required.",
    "sanggah.tidak_ditemukan": "Objection not found.",
    "sanggah.dijawab": "The answer to the objection is saved.",
    # Vendor inbox ---------------------------------------------------------------------------------
    "inbox.undangan_pembuktian.judul": "Invitation to Qualification Verification",
    "inbox.undangan_pembuktian.isi": (
        "Dear Sir/Madam, the selection committee (Pokja Pemilihan) invites {peserta} to the "
        "qualification verification of tender {tender} ({kode}). Bring the original documents "
        "of the qualification requirements."
    ),
    "inbox.pengumuman_pemenang.judul": "Winner Announcement",
    "inbox.pengumuman_pemenang.isi": (
        "The winner of tender {tender} ({kode}) is {pemenang} at a price of {harga}."
    ),
    "inbox.tender_gagal.judul": "Failed Tender Announcement",
    "inbox.tender_gagal.isi": "Tender {tender} ({kode}) was declared failed: {alasan}.",
    "inbox.jawaban_sanggah.judul": "Answer to Objection",
    "inbox.jawaban_sanggah.isi": (
        "The selection committee (Pokja Pemilihan) answered your objection on tender {tender}: "
        "{jawaban}"
    ),
    # LPSE Support ticket form ---------------------------------------------------------------------
    "support.tipe_tidak_valid": "Choose a ticket type: {choices}.",
    "support.kode_tender_tidak_valid": "A tender code has digits only, as shown in SPSE.",
    "support.kode_error_panjang": "An error code has at most {max} characters.",
}
