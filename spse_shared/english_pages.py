"""English for the fake SPSE's own pages (fake_spse/web/templates: SPSE, the LPSE mailbox and
LPSE Support), as SPSE 4 itself offers an English interface. Keyed by the exact Bahasa Indonesia
text the templates hand to ``tr``; part of ``spse_shared.english.TEXTS`` (kept apart so that the
CLI's and the panel's table stays short). Texts the pages' alerts and errors show come from the
message catalog, which has its own English version.
"""

from __future__ import annotations

from collections.abc import Mapping

PAGE_TEXTS: Mapping[str, str] = {
    # frame, menus, home ----------------------------------------------------------------------
    "Harap aktifkan fitur javascript pada browser anda.": (
        "Please enable JavaScript in your browser."
    ),
    "Menu utama": "Main menu",
    "Cari Paket": "Find Packages",
    "Beranda": "Home",
    "Beranda {value}": "{value} Home",
    "Sertifikat": "Certificate",
    "Daftar Penyedia": "Vendor Registration",
    "Waktu server:": "Server time:",
    "Layanan Pengadaan Secara Elektronik": "Electronic Procurement Service",
    "Selamat datang di Sistem Pengadaan Secara Elektronik {lpse_name}.": (
        "Welcome to the Electronic Procurement System of {lpse_name}."
    ),
    "Pengumuman": "Announcements",
    "Pengumuman {label}": "Announcements {label}",
    "Aplikasi": "Applications",
    "Aplikasi e-Procurement Lainnya": "Other e-Procurement Applications",
    "(tidak tersedia di simulator)": "(not available in the simulator)",
    "Sebelumnya": "Previous",
    "Berikutnya": "Next",
    "Semua": "All",
    "-- pilih --": "-- choose --",
    "TTTT-BB-HH": "YYYY-MM-DD",
    "Ya": "Yes",
    "Tidak": "No",
    "Tidak Ada": "None",
    "Tidak ada": "None",
    # login, registration, password -----------------------------------------------------------
    "Login ke SPSE": "Log in to SPSE",
    "Login sebagai": "Log in as",
    "Non Penyedia": "Non-Vendor",
    "Lupa Password": "Forgot Password",
    "Lupa Password?": "Forgot your password?",
    "Belum punya akun?": "No account yet?",
    "Daftar sebagai penyedia": "Register as a vendor",
    "Daftar": "Register",
    "Daftar ulang": "Register again",
    "Masuk": "Log in",
    "Kirim": "Send",
    "Pendaftaran Penyedia": "Vendor Registration",
    "Formulir Pendaftaran Penyedia": "Vendor Registration Form",
    "Pendaftaran Berhasil": "Registration Successful",
    "Masukkan alamat email perusahaan Anda. LPSE akan mengirim tautan ke alamat tersebut untuk "
    "melengkapi formulir pendaftaran.": (
        "Enter your company's email address. LPSE will send a link to that address to complete "
        "the registration form."
    ),
    "Masukkan alamat email akun Anda. LPSE akan mengirim tautan untuk membuat password baru.": (
        "Enter your account's email address. LPSE will send a link to create a new password."
    ),
    "Password Baru": "New Password",
    "Ulangi Password Baru": "Repeat New Password",
    "Tautan Tidak Dapat Digunakan": "Link Cannot Be Used",
    "Identitas perusahaan": "Company identity",
    "Nama Perusahaan": "Company Name",
    "Alamat": "Address",
    "Telepon": "Phone",
    "Direktur": "Director",
    "Nama Direktur": "Director's Name",
    "Ulangi Password": "Repeat Password",
    "Halaman yang dituju tidak ditemukan": "The page you requested was not found",
    "Terjadi Kesalahan": "An Error Occurred",
    "Kode Error": "Error Code",
    "Kode Error: {error_code}": "Error Code: {error_code}",
    "ID Permintaan: {request_id}": "Request ID: {request_id}",
    # certificates: AMS, APD ------------------------------------------------------------------
    "Pendaftaran AMS": "AMS Registration",
    "Pendaftaran AMS (Sertifikat Elektronik)": "AMS Registration (Electronic Certificate)",
    "Kirim Pendaftaran AMS": "Submit AMS Registration",
    "Surat Rekomendasi": "Recommendation Letter",
    "Unggah surat rekomendasi penyedia: salinan TDP/SIUP/SIUJK dan pindaian surat keterangan "
    "sebagai personel/direktur perusahaan dengan kop surat dan cap perusahaan ({ams_letter_types}, "
    "maksimal {ams_letter_max_bytes} MB).": (
        "Upload the vendor's recommendation letter: a copy of the TDP/SIUP/SIUJK and a scan of the "
        "statement of being the company's staff/director on the company's letterhead with its "
        "stamp ({ams_letter_types}, at most {ams_letter_max_bytes} MB)."
    ),
    "Unggah juga surat rekomendasi penyedia: salinan TDP/SIUP/SIUJK dan pindaian surat keterangan "
    "sebagai personel/direktur perusahaan dengan kop surat dan cap perusahaan ({ams_letter_types}, "
    "maksimal {ams_letter_max_bytes} MB).": (
        "Also upload the vendor's recommendation letter: a copy of the TDP/SIUP/SIUJK and a scan "
        "of the statement of being the company's staff/director on the company's letterhead with "
        "its stamp ({ams_letter_types}, at most {ams_letter_max_bytes} MB)."
    ),
    "Sudah memiliki sertifikat aktif dari SpamKodok lama?": (
        "Already have an active certificate from the old SpamKodok?"
    ),
    "untuk upgrade sertifikat.": "to upgrade the certificate.",
    "Import APD": "Import APD",
    "Import APD (Sertifikat SpamKodok Lama)": "Import APD (Old SpamKodok Certificate)",
    "Upgrade sertifikat aktif dari SpamKodok lama: pilih berkas APD (ekspor sertifikat SpamKodok "
    "lama) dan masukkan passphrase-nya. SpamKodok 2 memeriksa sertifikat lama dan membuat kunci "
    "baru; BSrE menerbitkan sertifikat baru dan sertifikat lama dicabut.": (
        "Upgrade an active certificate from the old SpamKodok: choose the APD file (the old "
        "SpamKodok's certificate export) and enter its passphrase. SpamKodok 2 checks the old "
        "certificate and makes a new key; BSrE issues a new certificate and revokes the old one."
    ),
    "Passphrase APD": "APD passphrase",
    "Pilih Berkas APD dan Import": "Choose APD File and Import",
    "Sertifikat elektronik": "Electronic certificate",
    "Sertifikat elektronik:": "Electronic certificate:",
    ", berlaku sampai {not_after}": ", valid until {not_after}",
    "Nomor Seri": "Serial Number",
    "Berlaku Sampai": "Valid Until",
    "Sidik Jari (SHA-256)": "Fingerprint (SHA-256)",
    "Sidik Jari Kunci Publik (SHA-256)": "Public Key Fingerprint (SHA-256)",
    "Pemilik Kunci": "Key Owner",
    "Penandatangan": "Signer",
    "Masa berlaku habis": "Expired",
    # vendor: home, data, qualification -------------------------------------------------------
    "Beranda Penyedia": "Vendor Home",
    "Tender yang Diikuti": "Tenders Joined",
    "Tender Baru": "New Tenders",
    "Ikut Tender": "Join Tender",
    "Data Penyedia": "Vendor Data",
    "Tambah {label}": "Add {label}",
    "Hapus": "Delete",
    "Simpan": "Save",
    "Belum ada data.": "No data yet.",
    "Belum ada data {label}.": "No {label} data yet.",
    "Kirim Persyaratan Kualifikasi": "Submit Qualification Requirements",
    "Persyaratan kualifikasi": "Qualification requirements",
    "({tender_id}). Pilih data dari": "({tender_id}). Choose data from",
    "dan lampirkan dokumen pendukung. Nama file maksimal {filename_max_chars} karakter termasuk "
    "ekstensi, tanpa simbol {forbidden_filename_chars}.": (
        "and attach supporting documents. File names at most {filename_max_chars} characters "
        "including the extension, without the symbols {forbidden_filename_chars}."
    ),
    "Persyaratan kualifikasi terkirim {submitted_at}: {records} data, {attachments} lampiran (": (
        "Qualification requirements sent {submitted_at}: {records} records, {attachments} "
        "attachments ("
    ),
    "(masa berlaku habis {berlaku_sampai})": "(expired {berlaku_sampai})",
    # vendor data tabs and fields (fake_spse/domain/vendor_data.py KIND_LABELS, FIELDS) ---------
    "Izin Usaha": "Business Licence",
    "Akta": "Deeds",
    "Pengurus": "Management",
    "Pajak": "Tax",
    "Tenaga Ahli": "Experts",
    "Pengalaman": "Experience",
    "Jenis Izin": "Licence Type",
    "No. Surat": "Letter No.",
    "Instansi Pemberi": "Issuing Agency",
    "Berlaku Sampai (kosong: seumur hidup)": "Valid Until (empty: for life)",
    "Jenis Akta (Pendirian/Perubahan)": "Deed Type (Pendirian/Perubahan)",
    "No. Akta": "Deed No.",
    "Tanggal Akta": "Deed Date",
    "Notaris": "Notary",
    "No. KTP (NIK)": "ID Card No. (NIK)",
    "Jabatan": "Position",
    "Jenis Pajak": "Tax Type",
    "Tahun Pajak": "Tax Year",
    "No. Bukti Penerimaan": "Receipt No.",
    "Tanggal Bukti": "Receipt Date",
    "Pendidikan": "Education",
    "Keahlian/Sertifikat": "Expertise/Certificate",
    "Pengalaman Kerja (tahun)": "Work Experience (years)",
    "Nama Pekerjaan": "Job Name",
    "Pemberi Tugas": "Employer",
    "No. Kontrak": "Contract No.",
    "Nilai Kontrak (Rp)": "Contract Value (Rp)",
    "Tanggal Kontrak": "Contract Date",
    "Tanggal Selesai Kontrak": "Contract End Date",
    "Lampiran": "Attachments",
    # tenders: list, announcement, schedule ---------------------------------------------------
    "Daftar Paket Tender": "Tender Package List",
    "Belum ada paket.": "No packages yet.",
    "Tidak ada paket.": "No packages.",
    "Nama Paket": "Package Name",
    "Nama Tender": "Tender Name",
    "Kode Tender": "Tender Code",
    "Kode RUP": "RUP Code",
    "Akhir Pendaftaran": "Registration Ends",
    "Kategori": "Category",
    "Sub Kategori": "Subcategory",
    "Pengumuman Tender": "Tender Announcement",
    "Informasi Tender": "Tender Information",
    "Informasi tender": "Tender information",
    "Halaman tender": "Tender page",
    "Rencana Umum Pengadaan": "General Procurement Plan",
    "Tahun Anggaran": "Fiscal Year",
    "Sumber Dana": "Source of Funds",
    "Satuan Kerja": "Work Unit",
    "Lokasi Pekerjaan": "Work Location",
    "Jenis Pengadaan": "Procurement Type",
    "Metode Pengadaan": "Procurement Method",
    "Jenis Kontrak": "Contract Type",
    "Pagu": "Budget Ceiling",
    "Nilai Pagu Paket": "Package Budget Ceiling",
    "Nilai Pagu (Rp)": "Budget Ceiling (Rp)",
    "Nilai HPS Paket": "Package HPS Value",
    "Nilai HPS (Rp)": "HPS Value (Rp)",
    "Kualifikasi Usaha": "Business Qualification",
    "Kualifikasi usaha: {kualifikasi_usaha}": "Business qualification: {kualifikasi_usaha}",
    "Syarat Kualifikasi": "Qualification Requirements",
    "Memiliki Nomor Induk Berusaha (NIB) yang masih berlaku": (
        "Holds a valid Business Identification Number (NIB)"
    ),
    "Memiliki NPWP dan telah memenuhi kewajiban perpajakan tahun pajak terakhir (SPT Tahunan)": (
        "Holds an NPWP and has met the tax obligations of the last tax year (annual tax return)"
    ),
    "Tidak masuk dalam Daftar Hitam": "Not on the Blacklist",
    "Saya menyetujui Pakta Integritas": "I agree to the Integrity Pact",
    "Tahap Tender Saat Ini": "Current Tender Stage",
    "Peserta": "Participants",
    "{participant_count} Peserta": "{participant_count} Participants",
    "Download Dokumen Pemilihan": "Download Selection Document",
    "Jadwal": "Schedule",
    "Jadwal Tender": "Tender Schedule",
    "Jadwal tender": "Tender schedule",
    "Jadwal Tender {name}": "Tender Schedule {name}",
    "Sampai": "Until",
    "Tahap: {now}": "Stage: {now}",
    # pokja: home, new package, verification --------------------------------------------------
    "Beranda Pokja Pemilihan": "Selection Working Group Home",
    "Paket pokja": "Working group packages",
    "Buat Paket Baru": "Create New Package",
    "Metode: Tender - Pascakualifikasi Satu File. Jadwal dibuat dari templat profil {name}.": (
        "Method: Tender - Post-qualification, One File. The schedule is made from the template of "
        "profile {name}."
    ),
    "Verifikasi": "Verification",
    "Verifikasi Penyedia": "Vendor Verification",
    "Verifikasi {user_id}": "Verification {user_id}",
    "Menunggu verifikasi": "Awaiting verification",
    "Tidak ada penyedia.": "No vendors.",
    "Daftar penyedia": "Vendor list",
    "Tanggal Pembuatan": "Created On",
    # offers: upload, APENDO ------------------------------------------------------------------
    "Upload Dokumen Penawaran": "Upload Offer Documents",
    "Dokumen Penawaran": "Offer Documents",
    "Dokumen penawaran": "Offer documents",
    "Bagian dokumen penawaran": "Parts of the offer documents",
    "Dokumen Penawaran (Administrasi, Teknis dan Harga)": (
        "Offer Documents (Administrative, Technical and Price)"
    ),
    "File I (Administrasi dan Teknis)": "File I (Administrative and Technical)",
    "File II (Harga)": "File II (Price)",
    # Seleksi dua file: File I's evaluation before File II's opening
    "Bagian penawaran": "Offer parts",
    "Evaluasi Administrasi dan Teknis (File I)": "Administrative and Technical Evaluation (File I)",
    "File II (Harga) hanya dibuka untuk peserta yang lulus evaluasi File I.": (
        "File II (Price) is opened only for participants who passed the File I evaluation."
    ),
    "Evaluasi File I": "File I evaluation",
    "Evaluasi File I {name}": "File I evaluation of {name}",
    "({tender_id}). Tahap saat ini: {now}. Batas akhir upload:": (
        "({tender_id}). Current stage: {now}. Upload deadline:"
    ),
    "({tender_id}). Tahap saat ini: {now}.": "({tender_id}). Current stage: {now}.",
    "Nama file maksimal {filename_max_chars} karakter termasuk ekstensi, tanpa simbol "
    "{forbidden_filename_chars}. File harus berada di disk utama, bukan flashdisk. Lakukan upload "
    "se-awal mungkin.": (
        "File names at most {filename_max_chars} characters including the extension, without the "
        "symbols {forbidden_filename_chars}. Files must be on the main disk, not a flash drive. "
        "Upload as early as possible."
    ),
    "Ukuran maksimal {upload_max_bytes} MB. Lakukan upload se-awal mungkin.": (
        "At most {upload_max_bytes} MB. Upload as early as possible."
    ),
    "Saran SpamKodok": "SpamKodok advice",
    "Surat Penawaran": "Offer Letter",
    "Harga Penawaran (Rp)": "Offer Price (Rp)",
    "Masa Berlaku Penawaran (hari)": "Offer Validity (days)",
    "SPSE membuat Surat Penawaran dari isian ini; surat itu dienkripsi bersama dokumen "
    "penawaran.": (
        "SPSE makes the Offer Letter from these fields; the letter is encrypted together with the "
        "offer documents."
    ),
    "Pilih File": "Choose Files",
    "File penawaran": "Offer files",
    "Nama File": "File Name",
    "Ukuran": "Size",
    "Kirim Penawaran": "Send Offer",
    "Kirim Dokumen Penawaran": "Send Offer Documents",
    "Tanda terima penawaran": "Offer receipt",
    "Waktu Terima": "Received At",
    "{size} byte": "{size} bytes",
    "Sedang dibuka...": "Opening...",
    "File Penawaran APENDO (.rhs)": "APENDO Offer File (.rhs)",
    "{lpse_name} (APENDO, paket {tender_id})": "{lpse_name} (APENDO, package {tender_id})",
    "Unggah": "Upload",
    "Kunci paket": "Package keys",
    "Kunci publik paket": "Package public key",
    "Kunci Publik Paket": "Package Public Key",
    "Kunci Privat Paket": "Package Private Key",
    "Kunci Privat Diunduh": "Private Key Downloaded",
    "Unduh Kunci Publik Paket": "Download Package Public Key",
    "Unduh Kunci Privat Paket": "Download Package Private Key",
    "Belum diunduh": "Not downloaded yet",
    "{released_at} oleh {released_by}": "{released_at} by {released_by}",
    "Unduh penawaran-{offer_id}.rhs": "Download penawaran-{offer_id}.rhs",
    # opening, participants, evaluation, winner -----------------------------------------------
    "Pembukaan Dokumen Penawaran": "Opening of Offer Documents",
    "Pembukaan Penawaran": "Offer Opening",
    "Buka Dokumen Penawaran": "Open Offer Documents",
    "Hasil Pembukaan": "Opening Result",
    "Berhasil dibuka": "Opened",
    "Belum dibuka": "Not opened yet",
    "Belum/gagal dibuka": "Not opened / failed to open",
    "Tidak ada dokumen penawaran.": "No offer documents.",
    "Isi Dokumen": "Document Contents",
    "Daftar File": "File List",
    "Peserta Tender": "Tender Participants",
    "Peserta tender": "Tender participants",
    "Nama Peserta": "Participant Name",
    "Harga Penawaran": "Offer Price",
    "Harga Terkoreksi": "Corrected Price",
    "Harga Negosiasi": "Negotiated Price",
    "Evaluasi Penawaran": "Offer Evaluation",
    "Evaluasi peserta": "Participant evaluation",
    "Evaluasi {name}": "Evaluation {name}",
    "Evaluasi Kualifikasi": "Qualification Evaluation",
    "Evaluasi Administrasi": "Administrative Evaluation",
    "Evaluasi Teknis": "Technical Evaluation",
    "Evaluasi Harga/Biaya": "Price/Cost Evaluation",
    # Kualitas dan Biaya (Seleksi): the scores of each participant.
    "Skor Teknis": "Technical Score",
    "Skor Harga/Biaya": "Price/Cost Score",
    "Skor Akhir": "Final Score",
    "Nilai": "Scores",
    "Nilai Teknis": "Technical Score",
    "Nilai Biaya": "Cost Score",
    "Nilai Akhir": "Final Score",
    "Usulan gugur: {alasan}": "Proposed failure: {alasan}",
    (
        "Metode evaluasi Kualitas dan Biaya: bobot teknis {teknis}, bobot biaya {biaya}, "
        "ambang batas nilai teknis {ambang}."
    ): (
        "Evaluation method Quality and Cost (Kualitas dan Biaya): technical weight {teknis}, "
        "cost weight {biaya}, technical passing grade {ambang}."
    ),
    "Kualifikasi": "Qualification",
    "Administrasi": "Administrative",
    "Teknis": "Technical",
    "Harga": "Price",
    "Lulus": "Passed",
    "Gugur": "Failed",
    "Alasan": "Reason",
    "Alasan Gugur": "Reason for Failing",
    "Simpan Evaluasi": "Save Evaluation",
    "Hasil Evaluasi": "Evaluation Result",
    "Hasil evaluasi": "Evaluation result",
    "Pembuktian": "Verification",
    "Pembuktian Kualifikasi": "Qualification Verification",
    "Hasil Pembuktian": "Verification Result",
    "Hasil pembuktian {name}": "Verification result {name}",
    "Undang Pembuktian": "Invite to Verification",
    "Simpan Pembuktian": "Save Verification",
    "Simpan Hasil": "Save Result",
    "Pemenang": "Winner",
    "(Pemenang)": "(Winner)",
    "Nama Pemenang": "Winner's Name",
    "Pemenang Berkontrak": "Contracted Winner",
    "Tetapkan Pemenang": "Set Winner",
    # Tender Cepat and SIKaP ----------------------------------------------------------------------
    "Tender Cepat: Peringkat Penawaran": "Tender Cepat: Offer Ranking",
    "Kualifikasi peserta Tender Cepat adalah data SIKaP yang terverifikasi; pemenang adalah "
    "penawaran terendah yang tidak melebihi HPS.": (
        "A Tender Cepat participant's qualification is its verified SIKaP data; the winner is "
        "the lowest offer not above the HPS."
    ),
    "Peringkat penawaran": "Offer ranking",
    "Peringkat": "Rank",
    "Metode Pemilihan": "Selection Method",
    "Sesuai jenis pengadaan": "By procurement type",
    "Data SIKaP": "SIKaP data",
    "Status Data SIKaP": "SIKaP Data Status",
    "Lengkap, terverifikasi {when}": "Complete, verified {when}",
    "Belum lengkap/belum terverifikasi": "Incomplete/not verified",
    "Kekurangan Data": "Missing Data",
    "Tender Cepat hanya dapat diikuti dengan data SIKaP yang lengkap dan terverifikasi.": (
        "Only vendors with complete, verified SIKaP data can join a Tender Cepat."
    ),
    "Sinkronisasi SIKaP": "Synchronise SIKaP",
    "Simpan dan Umumkan": "Save and Announce",
    "Pengumuman Pemenang": "Winner Announcement",
    # clarification and objections ------------------------------------------------------------
    "Pemberian Penjelasan": "Clarification",
    "Pemberian Penjelasan: {start} s.d. {end}": "Clarification: {start} to {end}",
    "Pertanyaan": "Question",
    "Pertanyaan dan jawaban": "Questions and answers",
    "Belum ada pertanyaan.": "No questions yet.",
    "Kirim Pertanyaan": "Send Question",
    "Jawaban": "Answer",
    "Jawaban Pokja": "Working Group's Answer",
    "Kirim Jawaban": "Send Answer",
    "Belum dijawab": "Not answered yet",
    "Masa Sanggah: {start} s.d. {end}": "Objection Period: {start} to {end}",
    "Sanggahan": "Objections",
    "Sanggahan Anda": "Your Objection",
    "Isi Sanggahan": "Objection Text",
    "Kirim Sanggahan": "Send Objection",
    "Belum ada sanggahan.": "No objections yet.",
    "Waktu": "Time",
    "Oleh": "By",
    # LPSE mailbox ----------------------------------------------------------------------------
    "Kotak Masuk Email LPSE": "LPSE Email Inbox",
    "Email masuk": "Incoming email",
    "Belum ada email masuk.": "No incoming email yet.",
    "Email Terkirim": "Email Sent",
    "Email {mail_id}": "Email {mail_id}",
    "Data email": "Email data",
    "Lampiran email": "Email attachments",
    "Tidak ada lampiran.": "No attachments.",
    "Tidak ada pesan.": "No messages.",
    "Kembali ke Kotak Masuk": "Back to the Inbox",
    "Dari": "From",
    "Kepada": "To",
    "Subjek": "Subject",
    "Pesan": "Message",
    "{from_header} (envelope: {mail_from})": "{from_header} (envelope: {mail_from})",
    "Server SMTP LPSE:": "LPSE SMTP server:",
    "Server SMTP LPSE tidak berjalan.": "The LPSE SMTP server is not running.",
    "Alamat email LPSE:": "LPSE email address:",
    # the vendor's own mailbox (outside SPSE, fake_spse/support/control.py) ----------------------
    "Parameter alamat wajib diisi.": "The alamat parameter is required.",
    "Kotak Masuk {address}": "Inbox {address}",
    "Kotak masuk kosong.": "The inbox is empty.",
    "Dari: {sender}": "From: {sender}",
    "Diterima: {at}": "Received: {at}",
    # LPSE Support ----------------------------------------------------------------------------
    "Menu LPSE Support": "LPSE Support menu",
    "Daftar Tiket": "Ticket List",
    "Daftar tiket": "Ticket list",
    "Buat Tiket Baru": "Create New Ticket",
    "Keluar dari LPSE Support": "Log out of LPSE Support",
    "Kembali ke SPSE": "Back to SPSE",
    "Kembali ke daftar tiket": "Back to the ticket list",
    "Masuk ke LPSE Support": "Log in to LPSE Support",
    "Masuk dengan akun SPSE": "Log in with the SPSE account",
    "Anda login di SPSE sebagai": "You are logged in to SPSE as",
    "({user_id}). LPSE Support menggunakan akun SPSE Anda.": (
        "({user_id}). LPSE Support uses your SPSE account."
    ),
    "Kirim laporan beserta kronologi dan screenshot dalam file MS. Word ke": (
        "Send the report with a chronology and screenshots in an MS Word file to"
    ),
    ", atau datang langsung ke {lpse_name} pada hari dan jam kerja.": (
        ", or come to {lpse_name} in person on working days and hours."
    ),
    "Belum ada tiket.": "No tickets yet.",
    "Nomor Tiket": "Ticket Number",
    "Tiket {number}": "Ticket {number}",
    "Tipe Tiket": "Ticket Type",
    "Judul": "Title",
    "Deskripsi": "Description",
    "Lampirkan kronologi dan screenshot error dalam file MS. Word, beserta screenshot "
    "({allowed_types}; maksimal {max_files} file, masing-masing maksimal {max_bytes} MB).": (
        "Attach the chronology and error screenshots in an MS Word file, with screenshots "
        "({allowed_types}; at most {max_files} files, each at most {max_bytes} MB)."
    ),
    "Daftar lampiran": "Attachment list",
    "Kirim Tiket": "Send Ticket",
    "Data tiket": "Ticket data",
    "Identitas": "Identity",
    "Identitas pelapor": "Reporter's identity",
    "Perusahaan": "Company",
    "Nama": "Name",
    "Peran": "Role",
    "Jenis": "Type",
    "Jenis Pihak": "Party Type",
    "Bagian": "Section",
    "Dokumen": "Documents",
    "Ditangani": "Handled By",
    "Diterima": "Received",
    "Ditolak": "Rejected",
    "Ditutup": "Closed",
    "Terakhir Diubah": "Last Changed",
    "Riwayat": "History",
    "Riwayat Penanganan": "Handling History",
    "Riwayat penanganan": "Handling history",
    "Tindak Lanjut": "Follow-up",
    "Nilai Penyelesaian": "Resolution Rating",
    "Beri Feedback": "Give Feedback",
    "Aksi": "Action",
    # LPSE Support: roles, buttons, history lines (fake_spse/support/pages.py) ------------------
    "Helpdesk LPSE": "LPSE Helpdesk",
    "Verifikator LPSE": "LPSE Verifier",
    "Admin LPSE": "LPSE Admin",
    "Helpdesk LKPP": "LKPP Helpdesk",
    # tiers (fake_spse/support/tickets.py TIER_LABELS) and actions (ACTION_LABELS)
    "Helpdesk Eproc LKPP": "LKPP e-Procurement Helpdesk",
    "Helpdesk Teknis LKPP": "LKPP Technical Helpdesk",
    "membuat tiket": "creating the ticket",
    "mengambil tiket": "taking the ticket",
    "meminta informasi kepada penyedia": "asking the vendor for information",
    "menambahkan komentar": "adding a comment",
    "meneruskan tiket": "forwarding the ticket",
    "menyelesaikan tiket": "resolving the ticket",
    "menilai tiket selesai": "rating the ticket solved",
    "menilai tiket tidak selesai": "rating the ticket not solved",
    "Pokja Pemilihan": "Selection Working Group",
    "Ambil Tiket": "Take Ticket",
    "Minta Informasi ke Penyedia": "Ask the Vendor for Information",
    "Kirim Komentar": "Send Comment",
    "Selesaikan Tiket": "Resolve Ticket",
    "Permasalahan Selesai": "Problem Solved",
    "Permasalahan Tidak Selesai": "Problem Not Solved",
    "Teruskan": "Forward",
    "Teruskan ke {tier}": "Forward to {tier}",
    "Tiket dibuat": "Ticket created",
    "Tiket diambil": "Ticket taken",
    "Meminta informasi ke penyedia": "Asked the vendor for information",
    "Komentar": "Comment",
    "Diteruskan ke {tier}": "Forwarded to {tier}",
    "Diselesaikan": "Resolved",
    "Dinilai selesai": "Rated solved",
    "Dinilai selesai (nilai {rating})": "Rated solved (rating {rating})",
    "Dinilai tidak selesai": "Rated not solved",
    "Dinilai tidak selesai (nilai {rating})": "Rated not solved (rating {rating})",
    # other applications (fake_spse/support/pages.py OTHER_APPLICATIONS) -----------------------
    "Layanan tiket helpdesk LPSE dan LKPP.": "Helpdesk ticket service of the LPSE and LKPP.",
    "Latihan penggunaan LPSE Support.": "Practice in using LPSE Support.",
    "Sistem Informasi Kinerja Penyedia.": "Vendor Performance Information System.",
    "Katalog elektronik LKPP.": "LKPP's electronic catalogue.",
    "Sistem Informasi Rencana Umum Pengadaan.": "General Procurement Plan Information System.",
    # field names in form errors ({field} of registrasi.wajib_diisi, tender.angka_tidak_valid;
    # the domain names fields in Bahasa Indonesia, fake_spse/web/common.py shows them via tr)
    "Nama perusahaan": "Company name",
    "Nama direktur": "Director's name",
    "Satuan kerja": "Work unit",
    "Jenis pengadaan": "Procurement type",
    "Nilai pagu": "Budget ceiling value",
    "Nilai HPS": "HPS value",
    # certificate requests reviewed by the LPSE (the RA) -----------------------------------------
    "Alasan Penolakan": "Reason for Rejection",
    "Catat Kehadiran": "Record the Visit",
    "Catat kehadiran": "Record the visit",
    "Daftar permintaan sertifikat": "Certificate requests",
    "Data permintaan": "Request data",
    "Dikirim": "Sent",
    "Dokumen Rekomendasi": "Recommendation Documents",
    "Dokumen asli yang diperiksa": "Original documents checked",
    "Hadir: {name} ({position}), {at}; dicatat oleh {by}.": (
        "Came: {name} ({position}), {at}; recorded by {by}."
    ),
    "Kembali ke daftar permintaan": "Back to the list of requests",
    "LPSE Asal": "Home LPSE",
    "Nama yang hadir": "Name of the person who came",
    "Penyedia belum hadir di LPSE dengan dokumen asli.": (
        "The vendor has not yet come to the LPSE with the original documents."
    ),
    "Periksa": "Review",
    "Periksa permintaan {user_id}": "Review the request of {user_id}",
    "Permintaan Sertifikat": "Certificate Requests",
    "Permintaan Sertifikat Elektronik": "Electronic Certificate Requests",
    "Permintaan Sertifikat No. {number}": "Certificate Request No. {number}",
    (
        "Permintaan diperiksa verifikator LPSE. Datanglah ke LPSE dengan membawa dokumen asli"
        " perusahaan untuk verifikasi ulang; sertifikat diterbitkan BSrE setelah permintaan "
        "disetujui."
    ): (
        "The LPSE's verifier reviews the request. Come to the LPSE with the company's "
        "original documents for re-verification; BSrE issues the certificate once the request"
        " is approved."
    ),
    "Permintaan sertifikat": "Certificate request",
    (
        "Permintaan sertifikat penyedia (AMS dan upgrade APD) yang diperiksa LPSE sebelum "
        "BSrE menerbitkan sertifikat."
    ): (
        "Vendors' certificate requests (AMS and APD upgrades) the LPSE reviews before BSrE "
        "issues the certificate."
    ),
    (
        "Permintaan upgrade diperiksa verifikator LPSE: datanglah ke LPSE dengan membawa "
        "dokumen asli perusahaan untuk verifikasi ulang."
    ): (
        "The LPSE's verifier reviews the upgrade request: come to the LPSE with the company's"
        " original documents for re-verification."
    ),
    "Salinan TDP/SIUP/SIUJK": "Copy of TDP/SIUP/SIUJK",
    "Setujui dan Terbitkan Sertifikat": "Approve and Issue the Certificate",
    "Surat Keterangan Direktur (kop dan cap perusahaan)": (
        "Director's Statement (letterhead and company stamp)"
    ),
    "Tanamkan Sertifikat": "Embed the Certificate",
    "Tidak ada permintaan sertifikat.": "No certificate requests.",
    "Tolak Permintaan": "Reject the Request",
    "Tolak permintaan": "Reject the request",
    "Unduh Berita Acara Serah Terima": "Download the Handover Report",
    "Unggah surat rekomendasi ({ams_letter_types}, maksimal {ams_letter_max_bytes} MB).": (
        "Upload the recommendation letter ({ams_letter_types}, at most {ams_letter_max_bytes} MB)."
    ),
    "Upgrade (import APD)": "Upgrade (APD import)",
    "Verifikasi Ulang Dokumen Asli": "Re-verification of the Original Documents",
    (
        "Verifikasi ulang dengan hadir di LPSE membawa dokumen asli (sertifikat baru "
        "diterbitkan setelah disetujui verifikator)"
    ): (
        "Re-verify by coming to the LPSE with the original documents (the new certificate is "
        "issued once the verifier approves)"
    ),
    "Verifikasi ulang di LPSE": "Re-verification at the LPSE",
    "Disetujui, menunggu penerbitan BSrE": "Approved, awaiting issuance by BSrE",
    "Terbit, belum tertanam": "Issued, not yet embedded",
    "Tertanam": "Embedded",
    "Asli TDP/SIUP/SIUJK": "Original TDP/SIUP/SIUJK",
    "Asli surat keterangan direktur/personel (kop dan cap perusahaan)": (
        "Original statement of the director/staff member (letterhead and company stamp)"
    ),
    "KTP asli yang hadir": "Original identity card (KTP) of the person who came",
}


# LPSE Support's ticket statuses (fake_spse/support/tickets.py TicketStatus), a table of their
# own: "baru" of a ticket is "new" while "baru" in a comparison report is "added".
TICKET_STATUS_TEXTS: Mapping[str, str] = {
    "baru": "new",
    "diproses": "in progress",
    "menunggu penyedia": "waiting for the vendor",
    "diteruskan ke LKPP": "forwarded to LKPP",
    "selesai": "resolved",
}
