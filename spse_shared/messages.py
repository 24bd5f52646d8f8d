"""The message catalog: every text SPSE shows a user, in Bahasa Indonesia, keyed.

Profiles may override any key (``Profile.messages``); pages and JSON routes only ever show
texts from here, so a scenario can assert the exact wording in one place.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from string import Formatter

from spse_shared.english_messages import CATALOG as ENGLISH_CATALOG
from spse_shared.language import ENGLISH, current_language

CATALOG: Mapping[str, str] = {
    # accounts and login
    "login.gagal": "User ID atau password salah.",
    "login.belum_diverifikasi": (
        "Akun Anda belum aktif. Silakan datang ke LPSE untuk verifikasi dengan membawa dokumen "
        "asli dan salinannya."
    ),
    "login.ditolak": "Akun Anda ditolak oleh verifikator LPSE.",
    "login.harus_login": "Silakan login terlebih dahulu.",
    "login.terlalu_sering": (
        "Terlalu banyak percobaan login yang gagal. Demi keamanan, login ditangguhkan sampai "
        "{until}. Jika lupa password, hubungi helpdesk LPSE."
    ),
    "login.bukan_penyedia": (
        'User ID ini bukan akun penyedia. Pilih "Non Penyedia" untuk login sebagai pegawai '
        "LPSE atau instansi."
    ),
    "login.bukan_non_penyedia": (
        'User ID ini adalah akun penyedia. Pilih "Penyedia" untuk login sebagai penyedia.'
    ),
    "login.jenis_tidak_dikenal": "Pilih jenis login: Penyedia atau Non Penyedia.",
    # e-mailed links: registration and Lupa Password
    "daftar.email_terkirim": (
        "Tautan pendaftaran telah dikirim ke {email}. Buka email tersebut dan klik tautannya "
        "untuk melengkapi formulir pendaftaran. Tautan hanya berlaku 1x24 jam."
    ),
    "email.tidak_terkirim": (
        "Email tidak dapat dikirim karena server email LPSE sedang bermasalah. Silakan coba "
        "beberapa saat lagi."
    ),
    "tautan.tidak_valid": (
        "Tautan tidak valid. Pastikan Anda membuka tautan lengkap dari email yang dikirim LPSE."
    ),
    "tautan.kedaluwarsa": (
        "Tautan sudah kedaluwarsa (berlaku sampai {expired}). Silakan ulangi permintaan untuk "
        "mendapatkan tautan baru."
    ),
    "tautan.sudah_dipakai": "Tautan ini sudah pernah digunakan dan tidak dapat dipakai lagi.",
    "lupa_password.terkirim": (
        "Tautan untuk membuat password baru telah dikirim ke {email}. Tautan hanya berlaku "
        "1x24 jam."
    ),
    "lupa_password.email_tidak_terdaftar": "Email {email} tidak terdaftar di LPSE ini.",
    "lupa_password.lpse_asal": (
        "Akun Anda terdaftar di {lpse} dan masuk ke LPSE ini melalui ADP. Lakukan Lupa Password "
        "di LPSE asal tersebut."
    ),
    "lupa_password.berhasil": "Password Anda telah diganti. Silakan login dengan password baru.",
    "akses.ditolak": "Anda tidak memiliki hak akses ke halaman ini.",
    "permintaan.terlalu_besar": (
        "Data yang dikirim terlalu besar dan ditolak. Periksa kembali isian atau ukuran file."
    ),
    "permintaan.waktu_habis": (
        "Pengiriman data terhenti terlalu lama sehingga dibatalkan. Silakan kirim ulang."
    ),
    "token.tidak_valid": "Sesi Anda tidak valid atau telah berakhir. Silakan muat ulang halaman.",
    "registrasi.berhasil": (
        "Pendaftaran berhasil. Akun Anda belum aktif: silakan datang ke LPSE untuk verifikasi "
        "dengan membawa asli dan salinan KTP, NPWP, dan SIUP/SIUJK."
    ),
    "registrasi.user_id_tidak_valid": (
        "User ID harus 4 sampai 20 karakter, hanya huruf kecil dan angka, diawali huruf."
    ),
    "registrasi.user_id_dipakai": "User ID {user_id} sudah digunakan.",
    "registrasi.email_tidak_valid": "Alamat email tidak valid.",
    "registrasi.email_dipakai": "Email {email} sudah terdaftar.",
    "registrasi.npwp_tidak_valid": "NPWP harus 15 digit dengan format 99.999.999.9-999.999.",
    "registrasi.password_pendek": "Password minimal 8 karakter.",
    "registrasi.password_tidak_sama": "Konfirmasi password tidak sama.",
    "registrasi.wajib_diisi": "{field} wajib diisi.",
    "verifikasi.berhasil": "Penyedia {company} telah diverifikasi dan akunnya aktif.",
    "verifikasi.sudah_aktif": "Penyedia {company} sudah aktif.",
    "verifikasi.tidak_ditemukan": "Penyedia {user_id} tidak ditemukan.",
    "adp.tidak_tersedia": (
        "Layanan ADP (Agregasi Data Penyedia) LKPP sedang tidak dapat dihubungi. Silakan coba "
        "beberapa saat lagi."
    ),
    "adp.duplikat_user_id": "User ID {value} sudah terdaftar di ADP.",
    "adp.duplikat_email": "Email {value} sudah terdaftar di ADP.",
    "adp.duplikat_npwp": "NPWP {value} dengan alamat yang sama sudah terdaftar di ADP.",
    # ADP: login at another LPSE with an account from the vendor's home LPSE
    "login.adp_tidak_tersedia": (
        "Layanan ADP (Agregasi Data Penyedia) LKPP sedang tidak dapat dihubungi, sehingga akun "
        "dari LPSE lain belum dapat login di LPSE ini. Silakan coba beberapa saat lagi."
    ),
    "login.adp_email_dipakai": (
        "Email {email} akun ADP Anda sudah dipakai akun lain di LPSE ini. Silakan hubungi "
        "helpdesk LPSE."
    ),
    # certificates (AMS)
    "ams.link": "Anda belum memiliki sertifikat elektronik. Klik di sini untuk pendaftaran AMS.",
    "ams.butuh_spamkodok": (
        "Pendaftaran AMS hanya dapat dilakukan melalui aplikasi SPAMKODOK 2. Silakan buka SPSE "
        "menggunakan browser SpamKodok 2."
    ),
    "ams.surat_wajib": "Surat rekomendasi penyedia wajib diunggah.",
    "ams.surat_jenis": "Surat rekomendasi harus berupa file {types}.",
    "ams.surat_besar": "Ukuran surat rekomendasi maksimal {max_mb} MB.",
    "ams.surat_kosong": "File surat rekomendasi kosong.",
    "ams.csr_tidak_valid": "Permintaan sertifikat dari SpamKodok tidak valid.",
    "ams.ca_tidak_tersedia": (
        "Layanan Balai Sertifikasi Elektronik (BSrE) sedang tidak dapat dihubungi. Pendaftaran "
        "AMS belum dapat diproses, silakan coba beberapa saat lagi."
    ),
    "ams.berhasil": "Sertifikat elektronik Anda telah diterbitkan oleh BSrE.",
    "ams.tertanam": "Sertifikat elektronik telah tertanam di SpamKodok 2.",
    "ams.sudah_punya": "Anda sudah memiliki sertifikat elektronik yang berlaku.",
    # the LPSE's review of certificate requests (the RA)
    "ams.terkirim": (
        "Permintaan sertifikat Anda telah dikirim dan menunggu verifikasi verifikator LPSE. "
        "Datanglah ke LPSE dengan membawa dokumen asli perusahaan untuk verifikasi ulang."
    ),
    "ams.permintaan_menunggu": (
        "Anda masih memiliki permintaan sertifikat yang menunggu verifikasi LPSE."
    ),
    "ams.keterangan_wajib": (
        "Surat keterangan sebagai personel/direktur perusahaan (dengan kop surat dan cap "
        "perusahaan) wajib diunggah."
    ),
    "ams.bukan_menunggu": "Permintaan sertifikat ini tidak sedang menunggu verifikasi.",
    "ams.hadir_nama_wajib": "Nama yang hadir wajib diisi.",
    "ams.hadir_nama_panjang": "Nama dan jabatan yang hadir masing-masing maksimal {max} karakter.",
    "ams.hadir_asli_wajib": "Pilih dokumen asli yang telah diperiksa.",
    "ams.belum_hadir": (
        "Penyedia belum tercatat hadir di LPSE untuk verifikasi ulang dokumen asli. Catat "
        "kehadirannya terlebih dahulu."
    ),
    "ams.asli_kurang": (
        "Dokumen asli TDP/SIUP/SIUJK dan surat keterangan direktur harus diperiksa sebelum "
        "permintaan disetujui."
    ),
    "ams.alasan_wajib": "Alasan penolakan wajib diisi.",
    "ams.alasan_panjang": "Alasan penolakan maksimal {max} karakter.",
    "ams.belum_terbit": "Sertifikat untuk permintaan ini belum diterbitkan BSrE.",
    "ams.hadir_tercatat": "Kehadiran penyedia dan dokumen asli yang diperiksa telah dicatat.",
    "ams.disetujui": (
        "Permintaan sertifikat {company} disetujui dan sertifikat elektronik telah diterbitkan "
        "BSrE."
    ),
    "ams.ditolak": "Permintaan sertifikat {company} ditolak.",
    "ams.status_menunggu": "Permintaan sertifikat Anda menunggu verifikasi LPSE sejak {submitted}.",
    "ams.status_ditolak": (
        "Permintaan sertifikat Anda ditolak verifikator LPSE dengan alasan: {reason}. Perbaiki "
        "dokumen lalu kirim permintaan baru."
    ),
    "ams.status_terbit": (
        "Sertifikat elektronik Anda telah diterbitkan BSrE. Tanamkan sertifikat di SpamKodok 2."
    ),
    "apd.terkirim": (
        "Permintaan upgrade sertifikat telah dikirim dan menunggu verifikasi LPSE; sertifikat "
        "lama tetap berlaku sampai sertifikat baru diterbitkan."
    ),
    "kodok.sertifikat_menunggu": (
        "Sertifikat elektronik belum tertanam di SpamKodok 2: permintaan sertifikat (AMS) Anda "
        "masih menunggu verifikasi LPSE atau sertifikatnya belum ditanamkan. Penawaran baru "
        "dapat diamankan setelah sertifikat diterbitkan BSrE dan tertanam."
    ),
    # tenders
    "tender.tidak_ditemukan": "Halaman yang dituju tidak ditemukan",
    "tender.dibuat": "Paket {name} telah dibuat dan diumumkan dengan kode tender {tender_id}.",
    "tender.pokja_tanpa_sertifikat": (
        "Anda belum memiliki sertifikat elektronik yang berlaku. Pokja harus memiliki sertifikat "
        "untuk membuat paket SPSE CA."
    ),
    "tender.hps_melebihi_pagu": "Nilai HPS tidak boleh melebihi nilai pagu.",
    "tender.angka_tidak_valid": "{field} harus berupa angka.",
    "tender.ikut_berhasil": "Anda telah terdaftar sebagai peserta tender {name}.",
    "tender.sudah_ikut": "Anda sudah terdaftar sebagai peserta tender ini.",
    "tender.persetujuan_wajib": "Anda harus menyetujui pakta integritas untuk mengikuti tender.",
    "tender.pendaftaran_ditutup": "Tahap pendaftaran tender ini telah berakhir.",
    # offers
    "penawaran.butuh_spamkodok": (
        "Dokumen penawaran SPSE CA hanya dapat dikirim melalui aplikasi SPAMKODOK 2. Silakan "
        "buka halaman ini menggunakan browser SpamKodok 2."
    ),
    "penawaran.bukan_peserta": "Anda bukan peserta tender ini.",
    "penawaran.belum_dibuka": "Tahap Upload Dokumen Penawaran belum dimulai.",
    "penawaran.ditutup": (
        "Batas waktu Upload Dokumen Penawaran telah berakhir pada {deadline}. Penawaran tidak "
        "dapat dikirim."
    ),
    "penawaran.terlalu_besar": "Ukuran dokumen penawaran melebihi batas {max_mb} MB.",
    "penawaran.kosong": "Dokumen penawaran kosong.",
    "penawaran.terputus": "Koneksi terputus saat mengirim dokumen penawaran. Silakan kirim ulang.",
    "penawaran.ukuran_tidak_sesuai": "Ukuran dokumen yang diterima tidak sesuai. Silakan kirim ulang.",
    "penawaran.berhasil": "Dokumen penawaran berhasil dikirim.",
    "penawaran.belum_pilih_file": "Silakan pilih file dokumen penawaran terlebih dahulu.",
    "penawaran.tanpa_sertifikat": (
        "Sertifikat elektronik belum tertanam di SpamKodok 2. Lakukan pendaftaran AMS terlebih "
        "dahulu."
    ),
    "penawaran.bukan_cms": (
        "Dokumen penawaran ditolak: berkas bukan dokumen penawaran terenkripsi SPAMKODOK yang "
        "sah. Dokumen penawaran sebelumnya (jika ada) tetap berlaku. Enkripsi ulang dokumen "
        "penawaran dengan SpamKodok 2 lalu kirim kembali."
    ),
    "penawaran.penerima_salah": (
        "Dokumen penawaran ditolak: dokumen tidak dienkripsi untuk sertifikat Pokja Pemilihan "
        "paket ini. Dokumen penawaran sebelumnya (jika ada) tetap berlaku. Muat ulang halaman "
        "penawaran, enkripsi ulang, lalu kirim kembali."
    ),
    "penawaran.sertifikat_penyedia_tidak_berlaku": (
        "Dokumen penawaran ditolak: sertifikat elektronik Anda tidak berlaku atau telah dicabut. "
        "Perbarui sertifikat melalui AMS lalu kirim kembali."
    ),
    "penawaran.harga_tidak_valid": "Harga penawaran harus berupa angka rupiah lebih dari nol.",
    "penawaran.masa_berlaku_tidak_valid": "Masa berlaku penawaran harus 1 sampai {max} hari.",
    "penawaran.surat_dibuat": "Surat Penawaran dibuat oleh SPSE dan disertakan dalam dokumen penawaran.",
    "penawaran.bagian_tanpa_harga": "File I (Administrasi dan Teknis) tidak memuat harga penawaran.",
    "penawaran.bagian_wajib": (
        "Tender ini menggunakan metode dua file: pilih File I (Administrasi dan Teknis) atau "
        "File II (Harga)."
    ),
    "penawaran.bagian_tidak_dikenal": "Bagian dokumen penawaran tidak dikenal untuk metode tender ini.",
    # Data Penyedia
    "data_penyedia.wajib": "{field} wajib diisi.",
    "data_penyedia.tanggal_tidak_valid": "{field} harus berupa tanggal (TTTT-BB-HH).",
    "data_penyedia.angka_tidak_valid": "{field} harus berupa angka.",
    "data_penyedia.nik_tidak_valid": "No. KTP (NIK) harus 16 digit angka.",
    "data_penyedia.tanggal_masa_depan": "Tanggal dokumen tidak boleh melewati hari ini.",
    "data_penyedia.tahun_pajak_masa_depan": "Tahun pajak {year} belum berjalan.",
    "data_penyedia.kontrak_terbalik": "Tanggal selesai kontrak tidak boleh sebelum tanggal kontrak.",
    "data_penyedia.nilai_nol": "Nilai kontrak harus lebih dari nol.",
    "data_penyedia.jenis_tidak_dikenal": "Jenis data penyedia tidak dikenal.",
    "data_penyedia.tidak_ditemukan": "Data penyedia tidak ditemukan.",
    "data_penyedia.tersimpan": "Data berhasil disimpan.",
    # Kirim Persyaratan Kualifikasi
    "kualifikasi.bukan_milik": "Data yang dipilih bukan data perusahaan Anda.",
    "kualifikasi.izin_wajib": "Pilih minimal satu Izin Usaha.",
    "kualifikasi.izin_kedaluwarsa": (
        "Izin Usaha {izin} telah habis masa berlakunya ({until}). Perbarui Izin Usaha di Data "
        "Penyedia."
    ),
    "kualifikasi.akta_pendirian_wajib": "Pilih Akta Pendirian perusahaan.",
    "kualifikasi.pengurus_wajib": "Pilih minimal satu Pengurus perusahaan.",
    "kualifikasi.spt_wajib": "Pilih bukti SPT Tahunan tahun pajak {year}.",
    "kualifikasi.nama_terlalu_panjang": (
        "Nama file '{name}' terlalu panjang ({length} karakter, maksimal {max} karakter "
        "termasuk ekstensi)."
    ),
    "kualifikasi.karakter_terlarang": "Nama file '{name}' mengandung karakter terlarang: {chars}",
    "kualifikasi.nama_ganda": "File '{name}' dipilih lebih dari sekali.",
    "kualifikasi.lampiran_kosong": "File '{name}' kosong.",
    "kualifikasi.lampiran_terlalu_besar": "Ukuran file '{name}' melebihi batas {max_mb} MB.",
    "kualifikasi.terkirim": "Persyaratan kualifikasi berhasil dikirim.",
    "kualifikasi.belum_dibuka": (
        "Tahap Kirim Persyaratan Kualifikasi belum dimulai. Tahap ini dimulai {start}."
    ),
    "kualifikasi.ditutup": (
        "Tahap Kirim Persyaratan Kualifikasi telah berakhir pada {deadline}. Persyaratan "
        "kualifikasi tidak dapat dikirim lagi."
    ),
    # opening
    "pembukaan.belum_waktunya": (
        "Dokumen penawaran belum dapat dibuka. Tahap Pembukaan Dokumen Penawaran dimulai {start}."
    ),
    "pembukaan.bukan_pokja": "Hanya Pokja Pemilihan paket ini yang dapat membuka penawaran.",
    "pembukaan.status_tidak_dikenal": "Status pembukaan tidak dikenal.",
    "pembukaan.dibuka": "Berhasil dibuka",
    "pembukaan.terpotong": "Gagal: dokumen terpotong (ukuran tidak sesuai tanda terima)",
    "pembukaan.berubah": "Gagal: isi dokumen berubah setelah ditandatangani",
    "pembukaan.rusak": "Gagal: dokumen rusak dan tidak dapat dibaca",
    "pembukaan.bukan_penerima": "Gagal: dokumen tidak dienkripsi untuk sertifikat Anda",
    "pembukaan.gagal_dekripsi": "Gagal: dokumen tidak dapat didekripsi",
    "pembukaan.berkas_tidak_sesuai": (
        "Dibuka, tetapi ada berkas yang isinya tidak sesuai ekstensinya (arsip RAR/ZIP atau "
        "program yang diganti nama menjadi .pdf)"
    ),
    "pembukaan.sertifikat_kedaluwarsa": "Gagal: sertifikat penyedia kedaluwarsa saat dokumen diterima",
    "pembukaan.sertifikat_dicabut": "Gagal: sertifikat penyedia telah dicabut saat dokumen diterima",
    "pembukaan.sertifikat_tidak_dipercaya": "Gagal: sertifikat penyedia tidak diterbitkan oleh BSrE",
    "pembukaan.bukan_tender_ini": "Gagal: dokumen bukan untuk tender ini",
    "pembukaan.sudah_dicatat": (
        "Hasil pembukaan penawaran ini sudah dicatat. Perubahan hasil harus diajukan sebagai "
        "koreksi dan akan tercatat dalam riwayat pembukaan."
    ),
    "pembukaan.tahap_selesai": (
        "Tahap Pembukaan Dokumen Penawaran telah berakhir pada {end}. Hasil pembukaan tidak dapat "
        "dicatat lagi."
    ),
    "pembukaan.selesai": "Pembukaan dokumen penawaran selesai.",
    # Seleksi dua file: File I (administrasi dan teknis) is opened and evaluated before File II
    "pembukaan.file1_belum_dievaluasi": (
        "File II (Harga) belum dapat dibuka: File I (Administrasi dan Teknis) setiap peserta "
        "harus dibuka dan dievaluasi terlebih dahulu."
    ),
    "pembukaan.file2_tidak_lulus_file1": (
        "File II (Harga) peserta ini tidak dibuka: peserta tidak lulus evaluasi administrasi "
        "dan teknis File I."
    ),
    "evaluasi.file1_terkunci": (
        "Hasil evaluasi File I tidak dapat diubah lagi: File II (Harga) sudah dibuka."
    ),
    "evaluasi.file2_belum_dibuka": (
        "Harga peserta ini belum dapat dievaluasi: File II (Harga) belum dibuka."
    ),
    "evaluasi.bukan_dua_file": (
        "Evaluasi File I hanya ada pada metode dua file (Seleksi Prakualifikasi Dua File)."
    ),
    # APENDO (SPSE NON CA): package key pair, .rhs upload, opening with the package private key
    "apendo.halaman_non_ca": "Halaman APENDO hanya digunakan pada SPSE NON CA. Pada SPSE CA dokumen penawaran diamankan dengan sertifikat elektronik di SpamKodok 2.",
    "apendo.halaman_ca": "Halaman ini hanya digunakan pada SPSE CA (SpamKodok 2). Pada SPSE NON CA dokumen penawaran diamankan dengan APENDO: gunakan halaman Upload Dokumen Penawaran APENDO.",
    "apendo.kunci_tidak_ada": "Kunci paket tender ini tidak ditemukan.",
    "apendo.petunjuk": "Unduh kunci publik paket, enkripsi dokumen penawaran dengan APENDO, lalu unggah file .rhs hasil enkripsi. Dokumen hanya dapat dibuka oleh Pokja Pemilihan dengan kunci privat paket pada tahap Pembukaan Dokumen Penawaran.",
    "apendo.file_wajib": "Silakan pilih file dokumen penawaran (.rhs) hasil enkripsi APENDO.",
    "apendo.bukan_rhs": "File {name} bukan dokumen penawaran APENDO. Pada SPSE NON CA hanya file berekstensi .rhs hasil enkripsi APENDO yang dapat diunggah.",
    "apendo.rhs_tidak_sah": "File .rhs ditolak: bukan dokumen penawaran hasil enkripsi APENDO yang sah. Dokumen penawaran sebelumnya (jika ada) tetap berlaku.",
    "apendo.rhs_kunci_lain": "File .rhs ditolak: dokumen tidak dienkripsi dengan kunci publik paket ini. Unduh kunci publik paket ini, enkripsi ulang dengan APENDO, lalu unggah kembali.",
    "apendo.menggantikan": "Dokumen penawaran yang dikirim sebelumnya telah digantikan.",
    "apendo.form_tidak_valid": "Formulir upload tidak valid. Silakan muat ulang halaman dan ulangi.",
    "apendo.jadwal_pembukaan": "Kunci privat paket dan dokumen penawaran baru tersedia pada tahap Pembukaan Dokumen Penawaran, mulai {start}.",
    "apendo.kunci_belum_diunduh": "Unduh kunci privat paket terlebih dahulu sebelum mencatat hasil pembukaan.",
    "apendo.hasil_dicatat": "Hasil pembukaan penawaran {vendor} telah dicatat: {status}.",
    "pembukaan.bukan_kunci_paket": "Gagal: dokumen tidak dienkripsi dengan kunci publik paket ini",
    # SpamKodok 2's own messages (the desk application reports keys; SPSE pages show the text)
    "kodok.batal": "Tidak ada file yang dipilih.",
    "kodok.saran_sistem_operasi": (
        "Pemeriksaan awal SpamKodok 2: komputer ini memakai {os}. Demi kelancaran, gunakan "
        "{recommended} pada laptop/komputer Anda."
    ),
    "kodok.file_tidak_ditemukan": "File {name} tidak ditemukan.",
    "kodok.sertifikat_tidak_cocok": (
        "Sertifikat dari BSrE tidak cocok dengan kunci yang tersimpan di SpamKodok 2."
    ),
    "kodok.penerima_kosong": (
        "Paket ini belum memiliki sertifikat Pokja, dokumen tidak dapat dienkripsi."
    ),
    "kodok.nama_terlalu_panjang": (
        "Nama file {name} terlalu panjang ({length} karakter). Nama file maksimal {max} karakter "
        "sudah termasuk ekstensinya."
    ),
    "kodok.karakter_terlarang": (
        "Nama file {name} mengandung karakter yang tidak diperbolehkan: {chars}"
    ),
    "kodok.nama_ganda": "Nama file {name} dipilih lebih dari satu kali.",
    "kodok.flashdisk": (
        "File {name} berada di flashdisk. File yang akan diupload HARUS berada di HDD utama, "
        "bukan flashdisk."
    ),
    "kodok.ada_file_ditolak": "Masih ada file yang tidak memenuhi syarat. Perbaiki dahulu.",
    # files, uploads and opening failures (KODOK-010..039): SpamKodok 2's single-instance guard
    "kodok.browser_lain": (
        "Browser lain sedang berjalan: {browsers}. Tutup semua browser selain SpamKodok 2, lalu "
        "kirim ulang dokumen penawaran."
    ),
    "kodok.keystore": "Keystore SpamKodok 2 tidak dapat dibuka: {detail}",
    "kodok.gagal_segel": "SpamKodok 2 gagal mengamankan dokumen: {detail}",
    "kodok.unduh_gagal": "SpamKodok 2 tidak dapat mengunduh dokumen penawaran dari SPSE.",
    # certificate failures and the upgrade by import APD (KODOK-070..099): SpamKodok 2 checks its
    # own certificate at sealing (at SPSE's time) and the old certificate in an APD file; SPSE
    # checks the old certificate belongs to the user and has BSrE revoke it once superseded.
    "kodok.passphrase_salah": (
        "Passphrase SpamKodok 2 salah: sertifikat elektronik yang tertanam tidak dapat dibuka. "
        "Periksa kembali passphrase Anda; passphrase yang hilang hanya dapat di-reset di BSrE."
    ),
    "kodok.sertifikat_kedaluwarsa": (
        "Sertifikat elektronik di SpamKodok 2 sudah kedaluwarsa sejak {sampai} (waktu SPSE "
        "{waktu}). Dokumen tidak diamankan; lakukan pendaftaran AMS untuk sertifikat baru."
    ),
    "kodok.sertifikat_belum_berlaku": (
        "Sertifikat elektronik di SpamKodok 2 baru berlaku mulai {mulai} (waktu SPSE {waktu}). "
        "Dokumen tidak diamankan."
    ),
    "kodok.sertifikat_dicabut": (
        "Sertifikat elektronik di SpamKodok 2 telah dicabut oleh BSrE pada {tanggal}. Dokumen "
        "tidak diamankan; hubungi LPSE untuk pendaftaran AMS ulang."
    ),
    "kodok.crl_tidak_tersedia": (
        "Daftar sertifikat yang dicabut (CRL) dari BSrE tidak dapat diunduh, sehingga sertifikat "
        "tidak dapat diperiksa. Silakan coba beberapa saat lagi."
    ),
    "kodok.apd_galat": "Berkas APD {name} tidak dapat dibaca.",
    "kodok.apd_rusak": "Berkas APD {name} rusak atau bukan ekspor sertifikat SpamKodok lama.",
    "kodok.apd_passphrase_salah": "Passphrase berkas APD {name} salah.",
    "kodok.apd_asing": (
        "Sertifikat di dalam berkas APD {name} tidak diterbitkan oleh BSrE dan tidak dapat "
        "di-upgrade."
    ),
    "kodok.apd_kedaluwarsa": (
        "Sertifikat di dalam berkas APD {name} sudah tidak berlaku (kedaluwarsa) dan tidak dapat "
        "di-upgrade. Lakukan pendaftaran AMS."
    ),
    "kodok.apd_dicabut": (
        "Sertifikat di dalam berkas APD {name} sudah dicabut oleh BSrE dan tidak dapat digunakan "
        "lagi."
    ),
    "apd.sertifikat_lama_tidak_valid": "Sertifikat lama dari berkas APD tidak dapat dibaca.",
    "apd.bukan_milik_anda": (
        "Sertifikat lama di berkas APD bukan milik akun {user_id}. Gunakan berkas APD Anda sendiri."
    ),
    "apd.sertifikat_lama_tidak_berlaku": (
        "Sertifikat lama sudah tidak berlaku (kedaluwarsa atau dicabut) dan tidak dapat "
        "di-upgrade. Lakukan pendaftaran AMS."
    ),
    "apd.berhasil": (
        "Sertifikat SpamKodok lama berhasil di-upgrade: BSrE menerbitkan sertifikat baru, dan "
        "sertifikat lama (nomor seri {serial_lama}) dicabut karena telah digantikan."
    ),
    # QA mode: SPSE 4 public pages (package search via DataTables, participants, evaluation)
    "dt.parameter_tidak_valid": "Parameter pencarian paket tidak valid: {parameter}.",
    "dt.info": "Menampilkan {first} sampai {last} dari {total} paket",
    "dt.kosong": "Tidak ada paket.",
    "peserta.belum_ada": "Belum ada peserta tender.",
    "evaluasi.belum_ada": "Belum ada hasil evaluasi untuk tender ini.",
    "pemenang.belum_ada": "Belum ada pemenang untuk tender ini.",
    "pemenang_berkontrak.belum_ada": "Belum ada pemenang berkontrak untuk tender ini.",
    # after opening: evaluation, winner, sanggah (the pokja's pages and the participant's)
    "evaluasi.belum_pembukaan": (
        "Evaluasi belum dapat dilakukan: penawaran belum dibuka. Tahap pembukaan penawaran "
        "dimulai {start}."
    ),
    "evaluasi.sudah_ditetapkan": (
        "Pemenang sudah ditetapkan; hasil evaluasi tidak dapat diubah lagi."
    ),
    "evaluasi.bukan_pokja": "Hanya Pokja Pemilihan paket ini yang dapat melakukan evaluasi.",
    "evaluasi.bukan_peserta": "Penyedia ini bukan peserta tender ini.",
    "evaluasi.alasan_wajib": "Alasan gugur wajib diisi untuk peserta yang dinyatakan gugur.",
    "evaluasi.harga_belum_diketahui": (
        "Harga penawaran peserta ini belum diketahui; evaluasi harga tidak dapat dinyatakan lulus."
    ),
    "evaluasi.harga_koreksi_tidak_valid": "Harga terkoreksi harus berupa angka lebih dari nol.",
    "evaluasi.tersimpan": "Hasil evaluasi {peserta} tersimpan.",
    "evaluasi.harga_tidak_diketahui": "Harga penawaran belum diketahui",
    # Kualitas dan Biaya (Seleksi) and the gugur SPSE finds itself; the reasons are shown in
    # the Alasan cell, several joined by "; " (so no full stop).
    "evaluasi.nilai_teknis_tidak_valid": (
        "Nilai teknis harus berupa angka 0 sampai 100 dengan paling banyak dua desimal."
    ),
    "evaluasi.nilai_teknis_wajib": (
        "Nilai teknis wajib diisi untuk peserta yang lulus evaluasi teknis."
    ),
    "evaluasi.nilai_teknis_di_bawah_ambang": (
        "Nilai teknis {nilai} di bawah ambang batas nilai teknis {ambang}"
    ),
    "evaluasi.izin_kedaluwarsa": "Izin usaha kedaluwarsa: {izin} berlaku sampai {until}",
    "pembuktian.belum_lulus": (
        "Undangan pembuktian kualifikasi hanya untuk peserta yang lulus evaluasi."
    ),
    "pembuktian.undangan_terkirim": "Undangan pembuktian kualifikasi terkirim ke {peserta}.",
    "pemenang.belum_waktunya": (
        "Pemenang belum dapat ditetapkan. Tahap Penetapan Pemenang dimulai {start}."
    ),
    "pemenang.tahap_lewat": "Tahap Penetapan Pemenang sudah lewat.",
    "pemenang.ditetapkan": "{peserta} ditetapkan sebagai pemenang dengan harga {harga}.",
    "pemenang.sudah_ditetapkan": "Pemenang tender ini sudah ditetapkan.",
    "tender.gagal": "Tender Gagal: {alasan}.",
    "tender.sudah_gagal": "Tender ini sudah dinyatakan gagal.",
    # Tender Cepat and the vendor's SIKaP data
    "tender.metode_tidak_tersedia": "Metode pemilihan '{metode}' tidak tersedia di LPSE ini.",
    "tender.metode_tidak_sesuai": (
        "Metode {metode} tidak dapat digunakan untuk jenis pengadaan {jenis}."
    ),
    "tender_cepat.sikap_wajib": (
        "Tender Cepat hanya dapat diikuti oleh Penyedia yang data kualifikasinya lengkap dan "
        "terverifikasi di SIKaP. Lengkapi Data Penyedia lalu lakukan Sinkronisasi SIKaP."
    ),
    "tender_cepat.bukan_tender_cepat": "Tender ini bukan Tender Cepat.",
    "jadwal.tahap_tidak_ada": (
        "Jadwal tender ini tidak memiliki tahap {stage} (metode pemilihannya tidak mengenal "
        "tahap itu)."
    ),
    "sikap.belum_lengkap": (
        "Data SIKaP belum lengkap: {kurang}. Lengkapi Data Penyedia lalu lakukan "
        "Sinkronisasi SIKaP kembali."
    ),
    "sikap.tersinkron": "Data SIKaP lengkap dan terverifikasi.",
    "dokumen.belum_tersedia": (
        "Dokumen Pemilihan belum tersedia. Tahap Download Dokumen Pemilihan dimulai {start}."
    ),
    "dokumen.bukan_peserta": "Dokumen Pemilihan hanya untuk peserta tender ini.",
    "penjelasan.bukan_peserta": "Hanya peserta tender ini yang dapat mengajukan pertanyaan.",
    "penjelasan.belum_dimulai": (
        "Tahap Pemberian Penjelasan belum dimulai. Tahap ini dimulai {start}."
    ),
    "penjelasan.ditutup": (
        "Tahap Pemberian Penjelasan telah berakhir pada {deadline}. Pertanyaan tidak dapat dikirim."
    ),
    "penjelasan.pertanyaan_wajib": "Pertanyaan wajib diisi.",
    "penjelasan.terkirim": "Pertanyaan terkirim.",
    "penjelasan.sudah_dijawab": "Pertanyaan ini sudah dijawab.",
    "penjelasan.jawaban_wajib": "Jawaban wajib diisi.",
    "penjelasan.tidak_ditemukan": "Pertanyaan tidak ditemukan.",
    "penjelasan.dijawab": "Jawaban tersimpan.",
    "sanggah.bukan_peserta": "Hanya peserta tender ini yang dapat mengirim sanggahan.",
    "sanggah.belum_dibuka": "Masa Sanggah belum dimulai. Masa Sanggah dimulai {start}.",
    "sanggah.ditutup": (
        "Masa Sanggah telah berakhir pada {deadline}. Sanggahan tidak dapat dikirim."
    ),
    "sanggah.isi_wajib": "Isi sanggahan wajib diisi.",
    "sanggah.terkirim": "Sanggahan terkirim.",
    "sanggah.sudah_dijawab": "Sanggahan ini sudah dijawab.",
    "sanggah.jawaban_wajib": "Jawaban sanggahan wajib diisi.",
    "sanggah.tidak_ditemukan": "Sanggahan tidak ditemukan.",
    "sanggah.dijawab": "Jawaban sanggahan tersimpan.",
    "inbox.undangan_pembuktian.judul": "Undangan Pembuktian Kualifikasi",
    "inbox.undangan_pembuktian.isi": (
        "Dengan hormat, Pokja Pemilihan mengundang {peserta} untuk pembuktian kualifikasi tender "
        "{tender} ({kode}). Bawa dokumen asli persyaratan kualifikasi."
    ),
    "inbox.pengumuman_pemenang.judul": "Pengumuman Pemenang",
    "inbox.pengumuman_pemenang.isi": (
        "Pemenang tender {tender} ({kode}) adalah {pemenang} dengan harga {harga}."
    ),
    "inbox.tender_gagal.judul": "Pengumuman Tender Gagal",
    "inbox.tender_gagal.isi": "Tender {tender} ({kode}) dinyatakan gagal: {alasan}.",
    "inbox.jawaban_sanggah.judul": "Jawaban Sanggahan",
    "inbox.jawaban_sanggah.isi": "Pokja Pemilihan menjawab sanggahan Anda pada tender {tender}: {jawaban}",
    # trainer mode (spse-sim replay captions): what happened, and the seed's "Apa yang harus dilakukan"
    "pelatihan.langkah": "Langkah {nomor} dari {jumlah}",
    "pelatihan.yang_terjadi": "Yang terjadi",
    "pelatihan.apa_yang_harus_dilakukan": "Apa yang harus dilakukan",
    "pelatihan.saran.dokumentasi": "Dokumentasikan semua screenshot error dan kronologi error di file Microsoft Word.",
    "pelatihan.saran.tiket": "Login ke SPSE, klik Aplikasi e-Procurement Lainnya, masuk ke LPSE Support versi Production, lalu buat tiket baru untuk permasalahan ini: lengkapi semua isian dan kirimkan.",
    "pelatihan.saran.email": "Apabila tidak bisa login di LPSE Support, kirim email ke LPSE ({email}) dengan lampiran file Word tersebut.",
    "pelatihan.saran.datang": "Bisa juga datang langsung ke LPSE pada hari dan jam kerja untuk identifikasi permasalahan bersama (sangat disarankan).",
    "pelatihan.gagal": "Skenario tidak berjalan seperti seharusnya: {detail}",
    "pelatihan.jeda": "Dijeda: tekan Enter di terminal untuk melanjutkan.",
    "pelatihan.selesai": "Selesai: {judul}",
    # LPSE Support tickets and the e-mail fallback (KODOK-100..119)
    "support.harus_login_spse": "Silakan login ke SPSE terlebih dahulu, lalu masuk ke LPSE Support melalui menu Aplikasi e-Procurement Lainnya.",
    "support.harus_masuk": "Silakan masuk ke LPSE Support terlebih dahulu.",
    "support.tidak_tersedia": "Login ke LPSE Support gagal: layanan sedang tidak dapat dihubungi. Apabila tidak bisa login di LPSE Support, silakan email ke LPSE ({email}) beserta lampiran berwujud MS. Word.",
    "support.masuk_berhasil": "Selamat datang di LPSE Support, {name}.",
    "support.tiket_dibuat": "Tiket {number} telah dibuat. Simpan nomor tiket ini untuk memantau penanganannya.",
    "support.hanya_penyedia": "Tiket baru hanya dapat dibuat oleh penyedia.",
    "support.judul_wajib": "Judul permasalahan wajib diisi.",
    "support.deskripsi_wajib": "Deskripsi permasalahan wajib diisi.",
    "support.aplikasi_tidak_valid": "Pilih aplikasi: {choices}.",
    "support.kategori_tidak_valid": "Pilih kategori permasalahan: Teknis atau Non Teknis.",
    "support.subkategori_tidak_valid": "Sub kategori {subcategory} tidak termasuk kategori {category}.",
    "support.tipe_tidak_valid": "Pilih tipe tiket: {choices}.",
    "support.kode_tender_tidak_valid": "Kode tender hanya berisi angka, seperti yang tertera di SPSE.",
    "support.kode_error_panjang": "Kode error maksimal {max} karakter.",
    "support.lampiran_nama": "Nama lampiran {name} tidak valid: nama file tidak boleh berisi folder, drive atau path, dan tidak boleh diawali titik.",
    "support.lampiran_jenis": "Lampiran {name} tidak diizinkan. Jenis file yang diizinkan: {types}.",
    "support.lampiran_kosong": "Lampiran {name} kosong.",
    "support.lampiran_besar": "Ukuran lampiran {name} melebihi batas {max_mb} MB.",
    "support.lampiran_ganda": "Lampiran {name} dipilih lebih dari satu kali.",
    "support.lampiran_terlalu_banyak": "Lampiran maksimal {max} file.",
    "support.tiket_tidak_ditemukan": "Tiket {number} tidak ditemukan.",
    "support.bukan_tiket_anda": "Anda tidak berhak membuka tiket {number}. Tiket hanya dapat dilihat oleh penyedia pengirim, Helpdesk/verifikator/admin LPSE, dan LKPP.",
    "support.bukan_penanganan": "Tiket {number} sedang ditangani {tier}: Anda tidak dapat {action}.",
    "support.hanya_pengirim": "Hanya penyedia pengirim tiket {number} yang dapat menilai penyelesaiannya.",
    "support.aksi_tidak_diizinkan": "Tiket berstatus {status} tidak dapat diproses dengan aksi {action}.",
    "support.aksi_tidak_dikenal": "Aksi tidak dikenal.",
    "support.catatan_wajib": "Catatan wajib diisi untuk {action}.",
    "support.nilai_tidak_valid": "Pilih nilai penyelesaian {low} sampai {high}.",
    "support.tiket_ditutup": "Tiket {number} sudah ditutup.",
    "support.sudah_diambil": "Tiket {number} sudah Anda tangani.",
    "support.tidak_dapat_diteruskan": "Tiket {number} sudah berada di tingkat penanganan tertinggi.",
    "support.tiket_berubah": "Tiket {number} baru saja diubah oleh pihak lain. Silakan muat ulang halaman.",
    "support.aksi_berhasil": "Tiket {number}: {action} berhasil. Status: {status}.",
    "support.dikembalikan": "Tiket {number} dikembalikan kepada {handler} karena permasalahan belum selesai.",
    "email.hanya_lpse": "Kotak Masuk Email LPSE hanya dapat dibuka oleh Helpdesk dan Admin LPSE.",
    "email.tidak_ditemukan": "Email nomor {mail_id} tidak ditemukan.",
    # errors
    "error.umum": "Maaf, terjadi error pada aplikasi SPSE.",
    "error.tidak_ditemukan": "Halaman yang dituju tidak ditemukan",
}


# A catalog key quoted in a step or text: "kodok.nama_terlalu_panjang".
QUOTED_KEY = re.compile(r'"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"')
_PLACEHOLDER = re.compile(r"\{\w+\}")


class MessageCatalog:
    """Catalog texts in the chosen language (spse_shared.language), a profile's overrides applied.

    ``overrides`` are a profile's texts in Bahasa Indonesia, ``english_overrides`` the same in
    English; a run in English uses the English catalog and the English overrides.
    """

    def __init__(
        self,
        overrides: Mapping[str, str] | None = None,
        english_overrides: Mapping[str, str] | None = None,
        *,
        language: str | None = None,
    ) -> None:
        for given in (overrides, english_overrides):
            unknown = set(given or {}) - set(CATALOG)
            if unknown:
                raise ValueError(f"profile overrides unknown message keys: {sorted(unknown)}")
        if (language or current_language()) == ENGLISH:
            self._texts = {**CATALOG, **ENGLISH_CATALOG, **(english_overrides or {})}
        else:
            self._texts = {**CATALOG, **(overrides or {})}

    def text(self, key: str, **params: object) -> str:
        """The text for ``key`` with ``params`` filled in; KeyError for an unknown key."""
        template = self._texts[key]
        needed = {name for _, name, _, _ in Formatter().parse(template) if name}
        missing = needed - set(params)
        if missing:
            raise KeyError(f"message {key!r} needs {sorted(missing)}")
        return template.format(**params)

    def templates(self) -> dict[str, str]:
        """Every key with its unfilled template."""
        return dict(self._texts)

    @functools.cached_property
    def templates_json(self) -> str:
        """``templates()`` as the JSON the SpamKodok pages embed for SpamKodok's answers; made
        once per catalog, not on every page (29 KB of JSON)."""
        return json.dumps(self._texts, ensure_ascii=False)

    def wording(self, key: str) -> str:
        """The text of ``key`` with each ``{param}`` shown as an ellipsis; KeyError if unknown."""
        return _PLACEHOLDER.sub("…", self._texts[key])

    def readable(self, text: str) -> str:
        """``text`` with every quoted catalog key replaced by its quoted wording.

        Scenario steps name the message they expect by its key, exact for a test and
        meaningless to a vendor or a class: reports and captions show the wording instead.
        """

        def wording(match: re.Match[str]) -> str:
            key = match.group(1)
            return f"“{self.wording(key)}”" if key in self._texts else match.group(0)

        return QUOTED_KEY.sub(wording, text)

    def keys(self) -> list[str]:
        """Every known key."""
        return sorted(self._texts)
