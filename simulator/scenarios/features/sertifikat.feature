# language: id
@profil-spse-4.3-ca @sumber-prasyarat-penyedia
Fitur: Sertifikat elektronik yang tidak dapat mengamankan penawaran
  Konsep Operasional SPSE 4.3 CA, "Prasyarat Penyedia": penyedia harus memiliki sertifikat elektronik yang masih berlaku
  dan sudah TERTANAM di SpamKodok 2. Saat mengamankan (segel) dokumen, SpamKodok 2 memeriksa
  sertifikatnya sendiri menurut waktu SPSE yang dibawa halaman upload, dan mengunduh CRL BSrE.
  Sertifikat yang dicabut sesudah penawaran diterima tidak menggugurkan penawaran: saat
  pembukaan, sertifikat dinilai pada waktu terima. Masa berlaku yang singkat dibuat dengan
  gangguan /_sim "ca.validity", pencabutan lewat /_sim/ca/revoke.

  Latar Belakang:
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender

  @KODOK-070 @aturan-pra-3
  Skenario: Penyedia tanpa sertifikat tertanam tidak dapat mengunggah penawaran
    Dengan penyedia "CV Belum AMS" telah terdaftar dan diverifikasi
    Dan penyedia "CV Belum AMS" telah mengikuti tender
    Dan tahap "Upload Dokumen Penawaran" sedang berlangsung
    Ketika penyedia "CV Belum AMS" mengunggah penawaran berisi file "Penawaran.pdf"
    Maka SpamKodok menolak file dengan pesan "penawaran.tanpa_sertifikat"
    Dan tidak ada penawaran penyedia "CV Belum AMS" yang tersimpan

  @KODOK-071 @aturan-pra-3
  Skenario: Sertifikat yang kedaluwarsa menurut waktu SPSE ditolak saat penyegelan
    Dengan penyedia "CV Kedaluwarsa" telah terdaftar dan diverifikasi
    Dan BSrE menerbitkan sertifikat penyedia "CV Kedaluwarsa" berikutnya dengan masa berlaku 1 hari
    Dan penyedia "CV Kedaluwarsa" memiliki sertifikat tertanam di SpamKodok
    Dan penyedia "CV Kedaluwarsa" telah mengikuti tender
    Dan tahap "Upload Dokumen Penawaran" sedang berlangsung
    Dan masa berlaku sertifikat penyedia "CV Kedaluwarsa" telah lewat menurut waktu SPSE
    Ketika penyedia "CV Kedaluwarsa" mengunggah penawaran berisi file "Penawaran.pdf"
    Maka SpamKodok menolak file dengan pesan "kodok.sertifikat_kedaluwarsa"
    Dan tidak ada penawaran penyedia "CV Kedaluwarsa" yang tersimpan

  @KODOK-072
  Skenario: Sertifikat yang dicabut BSrE sebelum upload ditolak saat penyegelan
    Dengan penyedia "CV Dicabut" siap mengunggah penawaran
    Dan BSrE mencabut sertifikat penyedia "CV Dicabut"
    Ketika penyedia "CV Dicabut" mengunggah penawaran berisi file "Penawaran.pdf"
    Maka SpamKodok menolak file dengan pesan "kodok.sertifikat_dicabut"
    Dan tidak ada penawaran penyedia "CV Dicabut" yang tersimpan

  @KODOK-073 @aturan-ca-2
  Skenario: Sertifikat yang dicabut sesudah penawaran diterima tetap dapat dibuka
    Dengan penyedia "CV Tepat Waktu" siap mengunggah penawaran
    Dan penyedia "CV Tepat Waktu" telah mengunggah penawaran berisi file "Penawaran.pdf"
    Ketika waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan BSrE mencabut sertifikat penyedia "CV Tepat Waktu"
    Dan pokja "Pokja 1" membuka dokumen penawaran
    Maka status pembukaan penawaran penyedia "CV Tepat Waktu" adalah "pembukaan.dibuka"
    Dan BSrE mencatat sertifikat penyedia "CV Tepat Waktu" dicabut sesudah penawaran diterima

  @KODOK-074
  Skenario: Passphrase SpamKodok yang salah menolak penyegelan, passphrase yang benar berhasil
    Dengan penyedia "CV Lupa" siap mengunggah penawaran
    Ketika penyedia "CV Lupa" membuka SpamKodok dengan passphrase "bukan-passphrase-saya"
    Dan penyedia "CV Lupa" mengunggah penawaran berisi file "Penawaran.pdf"
    Maka SpamKodok menolak file dengan pesan "kodok.passphrase_salah"
    Dan tidak ada penawaran penyedia "CV Lupa" yang tersimpan
    Ketika penyedia "CV Lupa" membuka SpamKodok dengan passphrase yang benar
    Dan penyedia "CV Lupa" mengunggah penawaran berisi file "Penawaran.pdf"
    Maka penawaran penyedia "CV Lupa" diterima dengan tanda terima
