"""The message catalog: every text SPSE shows a user, in Bahasa Indonesia, keyed.

Profiles may override any key (``Profile.messages``); pages and JSON routes only ever show
texts from here, so a scenario can assert the exact wording in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter

CATALOG: Mapping[str, str] = {
    # accounts and login
    "login.gagal": "User ID atau password salah.",
    "login.belum_diverifikasi": (
        "Akun Anda belum aktif. Silakan datang ke LPSE untuk verifikasi dengan membawa dokumen "
        "asli dan salinannya."
    ),
    "login.ditolak": "Akun Anda ditolak oleh verifikator LPSE.",
    "login.harus_login": "Silakan login terlebih dahulu.",
    "akses.ditolak": "Anda tidak memiliki hak akses ke halaman ini.",
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
    "pembukaan.sertifikat_kedaluwarsa": "Gagal: sertifikat penyedia kedaluwarsa saat dokumen diterima",
    "pembukaan.sertifikat_dicabut": "Gagal: sertifikat penyedia telah dicabut saat dokumen diterima",
    "pembukaan.sertifikat_tidak_dipercaya": "Gagal: sertifikat penyedia tidak diterbitkan oleh BSrE",
    "pembukaan.bukan_tender_ini": "Gagal: dokumen bukan untuk tender ini",
    "pembukaan.selesai": "Pembukaan dokumen penawaran selesai.",
    # SpamKodok 2's own messages (the desk application reports keys; SPSE pages show the text)
    "kodok.batal": "Tidak ada file yang dipilih.",
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
    "kodok.keystore": "Keystore SpamKodok 2 tidak dapat dibuka: {detail}",
    "kodok.gagal_segel": "SpamKodok 2 gagal mengamankan dokumen: {detail}",
    # errors
    "error.umum": "Maaf, terjadi error pada aplikasi SPSE.",
    "error.tidak_ditemukan": "Halaman yang dituju tidak ditemukan",
}


class MessageCatalog:
    """Catalog texts with a profile's overrides applied."""

    def __init__(self, overrides: Mapping[str, str] | None = None) -> None:
        unknown = set(overrides or {}) - set(CATALOG)
        if unknown:
            raise ValueError(f"profile overrides unknown message keys: {sorted(unknown)}")
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
        """Every key with its unfilled template (embedded in pages for SpamKodok's answers)."""
        return dict(self._texts)

    def keys(self) -> list[str]:
        """Every known key."""
        return sorted(self._texts)
