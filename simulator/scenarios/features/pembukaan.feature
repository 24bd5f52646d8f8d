# language: id
@profil-spse-4.3-ca @sumber-domain-alur-pokja @sumber-domain-kegagalan
Fitur: Penawaran yang gagal dibuka pada Pembukaan Dokumen Penawaran
  Catatan domain simulator: penawaran yang tidak dapat dibuka dieskalasi (LPSE, LKPP, forensik BSSN) dan dapat
  digugurkan; penawaran lain tetap dibuka. SpamKodok 2 pokja memeriksa setiap penawaran terhadap
  tanda terima SPSE (ukuran, lalu SHA-256), lalu apakah dokumen dienkripsi untuk sertifikatnya.
  Kerusakan di penyimpanan dibuat lewat /_sim (bidang kendali simulator), tidak lewat SPSE.

  Latar Belakang:
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender
    Dan penyedia "CV Maju" siap mengunggah penawaran
    Dan penyedia "CV Jaya" siap mengunggah penawaran

  @KODOK-018
  Skenario: Penawaran yang berubah di penyimpanan gagal dibuka, penawaran lain tetap dibuka
    Dengan penyedia "CV Maju" telah mengunggah penawaran berisi file "Penawaran Maju.pdf"
    Dan penyedia "CV Jaya" telah mengunggah penawaran berisi file "Penawaran Jaya.pdf"
    Dan satu byte dokumen penawaran penyedia "CV Jaya" di server berubah
    Ketika waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan pokja "Pokja 1" membuka dokumen penawaran
    Maka status pembukaan penawaran penyedia "CV Jaya" adalah "pembukaan.berubah"
    Dan status pembukaan penawaran penyedia "CV Maju" adalah "pembukaan.dibuka"

  @KODOK-019
  Skenario: Penawaran yang terpotong gagal dibuka, penawaran lain tetap dibuka
    Dengan penyedia "CV Maju" telah mengunggah penawaran berisi file "Penawaran Maju.pdf"
    Dan penyedia "CV Jaya" telah mengunggah penawaran berisi file "Penawaran Jaya.pdf"
    Dan dokumen penawaran penyedia "CV Maju" di server terpotong
    Ketika waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan pokja "Pokja 1" membuka dokumen penawaran
    Maka status pembukaan penawaran penyedia "CV Maju" adalah "pembukaan.terpotong"
    Dan status pembukaan penawaran penyedia "CV Jaya" adalah "pembukaan.dibuka"

  @KODOK-020 @aturan-ca-2
  Skenario: Penawaran untuk kunci pokja yang sudah diganti tidak dapat dibuka
    Dengan penyedia "CV Maju" telah mengunggah penawaran berisi file "Penawaran Maju.pdf"
    Dan pokja "Pokja 1" kehilangan keystore SpamKodok lalu mendaftar AMS ulang dengan kunci baru
    Maka halaman unggah penawaran penyedia "CV Jaya" memakai sertifikat baru pokja "Pokja 1"
    Ketika penyedia "CV Jaya" mengunggah penawaran berisi file "Penawaran Jaya.pdf"
    Dan waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan pokja "Pokja 1" membuka dokumen penawaran
    Maka status pembukaan penawaran penyedia "CV Maju" adalah "pembukaan.bukan_penerima"
    Dan status pembukaan penawaran penyedia "CV Jaya" adalah "pembukaan.dibuka"
