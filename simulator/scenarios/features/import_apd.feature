# language: id
@profil-spse-4.3-ca @sumber-aktivasi-sertifikat-b
Fitur: Upgrade sertifikat SpamKodok lama dengan import APD
  Konsep Operasional SPSE 4.3 CA, "Tahap Proses Aktivasi Sertifikat-b": penyedia yang sudah mempunyai sertifikat aktif
  mengklik tulisan sertifikat di pojok kanan atas, melakukan import APD (sertifikat SpamKodok
  lama), dan mengunggah surat rekomendasi. SpamKodok 2 membaca berkas APD dengan passphrase-nya
  dan memeriksanya terhadap root dan CRL BSrE menurut waktu SPSE, lalu membuat kunci baru. SPSE
  memeriksa bahwa sertifikat lama milik penyedia itu, BSrE menerbitkan sertifikat baru dan
  mencabut sertifikat lama (digantikan): sertifikat lama tidak dipakai lagi. Berkas APD lama
  di komputer penyedia dibuat lewat /_sim/ca/apd.

  Latar Belakang:
    Dengan penyedia "CV Lama" telah terdaftar dan diverifikasi

  @KODOK-090 @aturan-akt-b-1 @aturan-akt-b-3 @aturan-akt-b-4 @aturan-akt-b-5
  Skenario: Sertifikat lama yang aktif di-upgrade dan tidak dipakai lagi
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender
    Dan penyedia "CV Lama" telah mengikuti tender
    Dan penyedia "CV Lama" menyimpan berkas APD sertifikat SpamKodok lama yang aktif dengan passphrase "apd-lama-2019"
    Ketika penyedia "CV Lama" mengimpor berkas APD dengan passphrase "apd-lama-2019"
    Maka halaman menampilkan pesan "apd.berhasil"
    Dan halaman menampilkan pesan "ams.tertanam"
    Dan sertifikat baru penyedia "CV Lama" tertanam di SpamKodok dengan kunci baru
    Dan sertifikat lama penyedia "CV Lama" telah dicabut BSrE dan tidak lagi dicantumkan SPSE
    Ketika waktu berjalan sampai tahap "Upload Dokumen Penawaran"
    Dan penyedia "CV Lama" mengunggah penawaran berisi file "Penawaran.pdf"
    Maka penawaran penyedia "CV Lama" diterima dengan tanda terima
    Ketika penyedia "CV Lama" mengimpor berkas APD dengan passphrase "apd-lama-2019"
    Maka halaman menampilkan pesan "kodok.apd_dicabut"

  @KODOK-091 @aturan-akt-b-4
  Skenario: Berkas APD yang rusak ditolak SpamKodok
    Dengan penyedia "CV Lama" menyimpan berkas APD yang rusak
    Ketika penyedia "CV Lama" mengimpor berkas APD dengan passphrase "apd-lama-2019"
    Maka halaman menampilkan pesan "kodok.apd_rusak"
    Dan tidak ada sertifikat baru yang diterbitkan untuk penyedia "CV Lama"

  @KODOK-092 @aturan-akt-b-4
  Skenario: Passphrase berkas APD yang salah ditolak SpamKodok
    Dengan penyedia "CV Lama" menyimpan berkas APD sertifikat SpamKodok lama yang aktif dengan passphrase "apd-lama-2019"
    Ketika penyedia "CV Lama" mengimpor berkas APD dengan passphrase "apd-lama-2020"
    Maka halaman menampilkan pesan "kodok.apd_passphrase_salah"
    Dan tidak ada sertifikat baru yang diterbitkan untuk penyedia "CV Lama"
    Dan sertifikat lama penyedia "CV Lama" masih berlaku

  @KODOK-093 @aturan-akt-b-4
  Skenario: Sertifikat lama yang sudah kedaluwarsa tidak dapat di-upgrade
    Dengan penyedia "CV Lama" menyimpan berkas APD sertifikat SpamKodok lama yang kedaluwarsa dengan passphrase "apd-lama-2019"
    Ketika penyedia "CV Lama" mengimpor berkas APD dengan passphrase "apd-lama-2019"
    Maka halaman menampilkan pesan "kodok.apd_kedaluwarsa"
    Dan tidak ada sertifikat baru yang diterbitkan untuk penyedia "CV Lama"

  @KODOK-094 @aturan-akt-b-4
  Skenario: Sertifikat lama dari CA selain BSrE ditolak SpamKodok
    Dengan penyedia "CV Lama" menyimpan berkas APD sertifikat SpamKodok lama dari CA lain dengan passphrase "apd-lama-2019"
    Ketika penyedia "CV Lama" mengimpor berkas APD dengan passphrase "apd-lama-2019"
    Maka halaman menampilkan pesan "kodok.apd_asing"
    Dan tidak ada sertifikat baru yang diterbitkan untuk penyedia "CV Lama"

  @KODOK-095 @aturan-akt-b-4
  Skenario: Berkas APD milik penyedia lain ditolak SPSE
    Dengan penyedia "CV Tetangga" telah terdaftar dan diverifikasi
    Dan penyedia "CV Lama" menyimpan berkas APD sertifikat SpamKodok lama milik penyedia "CV Tetangga" dengan passphrase "apd-lama-2019"
    Ketika penyedia "CV Lama" mengimpor berkas APD dengan passphrase "apd-lama-2019"
    Maka halaman menampilkan pesan "apd.bukan_milik_anda"
    Dan tidak ada sertifikat baru yang diterbitkan untuk penyedia "CV Lama"
    Dan sertifikat lama penyedia "CV Tetangga" masih berlaku

  @KODOK-096 @sumber-apa-yang-harus-dilakukan @aturan-io-1
  Skenario: BSrE tidak dapat dihubungi saat migrasi sertifikat, sertifikat lama tetap berlaku
    Dengan penyedia "CV Lama" menyimpan berkas APD sertifikat SpamKodok lama yang aktif dengan passphrase "apd-lama-2019"
    Dan layanan BSrE sedang tidak dapat dihubungi
    Ketika penyedia "CV Lama" mengimpor berkas APD dengan passphrase "apd-lama-2019"
    Maka halaman menampilkan pesan "ams.ca_tidak_tersedia"
    Dan tidak ada sertifikat baru yang diterbitkan untuk penyedia "CV Lama"
    Dan sertifikat lama penyedia "CV Lama" masih berlaku

  @KODOK-164 @aturan-akt-b-1 @aturan-akt-b-4
  Skenario: Upgrade dengan verifikasi ulang di LPSE: sertifikat baru terbit setelah verifikator menyetujui
    Dengan penyedia "CV Lama" menyimpan berkas APD sertifikat SpamKodok lama yang aktif dengan passphrase "apd-lama-2019"
    Ketika penyedia "CV Lama" mengimpor berkas APD dengan passphrase "apd-lama-2019" dan memilih verifikasi ulang di LPSE
    Maka halaman menampilkan pesan "apd.terkirim"
    Dan sertifikat lama penyedia "CV Lama" masih berlaku
    Dan permintaan sertifikat penyedia "CV Lama" berstatus "Menunggu verifikasi"
    Ketika verifikator mencatat kehadiran penyedia "CV Lama" dengan dokumen asli
    Dan verifikator menyetujui permintaan sertifikat penyedia "CV Lama"
    Dan penyedia "CV Lama" menanamkan sertifikat yang diterbitkan
    Maka halaman menampilkan pesan "ams.tertanam"
    Dan sertifikat baru penyedia "CV Lama" tertanam di SpamKodok dengan kunci baru
    Dan sertifikat lama penyedia "CV Lama" telah dicabut BSrE dan tidak lagi dicantumkan SPSE
