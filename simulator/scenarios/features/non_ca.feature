# language: id
@sumber-perbedaan-ca-non-ca @profil-spse-4.3-nonca @aturan-ca-1
Fitur: SPSE NON CA: dokumen penawaran diamankan dengan APENDO
  Konsep Operasional SPSE 4.3 CA, "Perbedaan Dasar SPSE CA dan NON CA": SPSE NON CA tidak menggunakan sertifikat
  elektronik; pengamanan dokumen menggunakan APENDO (enkripsi dan dekripsi kunci publik dan
  privat hanya dari sistem). SPSE membuat pasangan kunci untuk setiap paket tender. Penyedia
  mengunduh kunci publik paket, mengenkripsi dokumen dengan APENDO dan mengunggah file .rhs
  dengan browser biasa; pada tahap Pembukaan Dokumen Penawaran SPSE menyerahkan kunci privat
  paket kepada Pokja Pemilihan. Jalankan dengan --sim-profile spse-4.3-nonca.

  Latar Belakang:
    Dengan pokja "Pokja 1" tanpa sertifikat elektronik telah mengumumkan paket tender
    Dan penyedia "CV Maju" dengan browser biasa siap mengunggah penawaran

  @KODOK-060
  Skenario: Penawaran APENDO diunggah dan dibuka tanpa sertifikat elektronik pengguna
    Dengan penyedia "PT Jaya" dengan browser biasa siap mengunggah penawaran
    Ketika penyedia "CV Maju" mengenkripsi dokumen berikut dengan APENDO dan mengunggahnya:
      | nama file           |
      | Surat Penawaran.pdf |
      | Rincian Harga.pdf   |
    Dan penyedia "PT Jaya" mengenkripsi dokumen "Surat Penawaran.pdf" dengan APENDO dan mengunggahnya
    Maka penawaran APENDO penyedia "CV Maju" diterima dengan tanda terima
    Dan penawaran APENDO penyedia "PT Jaya" diterima dengan tanda terima
    Ketika waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan pokja "Pokja 1" mengunduh kunci privat paket dan membuka setiap penawaran dengan APENDO
    Maka penawaran penyedia "CV Maju" berhasil dibuka berisi file "Rincian Harga.pdf, Surat Penawaran.pdf"
    Dan penawaran penyedia "PT Jaya" berhasil dibuka berisi file "Surat Penawaran.pdf"
    Dan tidak ada sertifikat elektronik pengguna yang dipakai

  @KODOK-061
  Skenario: Kunci privat paket ditolak sebelum tahap pembukaan
    Ketika penyedia "CV Maju" mengenkripsi dokumen "Surat Penawaran.pdf" dengan APENDO dan mengunggahnya
    Dan pokja "Pokja 1" meminta kunci privat paket
    Maka halaman menampilkan pesan "pembukaan.belum_waktunya"
    Dan kunci privat paket belum diserahkan kepada siapa pun

  @KODOK-062
  Skenario: File selain .rhs hasil APENDO ditolak
    Ketika penyedia "CV Maju" mengunggah file "Surat Penawaran.pdf" tanpa enkripsi APENDO
    Maka halaman menampilkan pesan "apendo.bukan_rhs"
    Dan tidak ada penawaran penyedia "CV Maju" yang tersimpan
    Dan tidak ada berkas penawaran yang tersimpan di server

  @KODOK-063
  Skenario: Penawaran yang dienkripsi dengan kunci publik paket lain gagal dibuka
    Dengan pokja "Pokja 1" juga telah mengumumkan paket tender kedua
    Dan penyedia "CV Maju" juga mengikuti paket tender kedua
    Ketika penyedia "CV Maju" mengenkripsi dokumen "Surat Penawaran.pdf" dengan kunci publik paket kedua dan mengunggahnya
    Maka penawaran APENDO penyedia "CV Maju" diterima dengan tanda terima
    Ketika waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan pokja "Pokja 1" mengunduh kunci privat paket dan membuka setiap penawaran dengan APENDO
    Maka pembukaan penawaran penyedia "CV Maju" gagal dengan status "pembukaan.bukan_kunci_paket"

  @KODOK-064
  Skenario: Halaman upload SpamKodok 2 tidak digunakan pada SPSE NON CA
    Ketika penyedia "CV Maju" membuka halaman upload SpamKodok 2 paket tender
    Maka halaman menampilkan pesan "apendo.halaman_ca"
