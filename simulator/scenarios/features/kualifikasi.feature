# language: id
@profil-spse-4.3-ca @sumber-hal-hal-yang-harus-diperhatikan @sumber-domain-alur-penyedia
Fitur: Data Penyedia dan Kirim Persyaratan Kualifikasi sebelum penawaran
  Konsep Operasional SPSE 4.3 CA, "Hal-hal yang harus diperhatikan": penyedia memenuhi lalu memilih file
  semua syarat kualifikasi/teknis dan harga. Di SPSE 4 data kualifikasi dipilih dari Data
  Penyedia (izin usaha, akta, pengurus, pajak, tenaga ahli, pengalaman) dan dikirim lewat
  "Kirim Persyaratan Kualifikasi" sebelum dokumen penawaran; izin usaha yang habis masa
  berlakunya tidak dapat dipakai. Data Penyedia diisi lewat halamannya (itulah pokok skenario).

  Latar Belakang:
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender
    Dan penyedia "CV Maju" siap mengunggah penawaran

  @KODOK-303 @aturan-hh-6
  Skenario: Izin usaha yang habis masa berlakunya ditolak, persyaratan kualifikasi yang berlaku terkirim sebelum penawaran
    Dengan penyedia "CV Maju" telah mengisi Data Penyedia dengan izin usaha yang habis masa berlakunya kemarin
    Ketika penyedia "CV Maju" mengirim persyaratan kualifikasi dengan semua datanya dan lampiran "NIB CV Maju.pdf"
    Maka halaman menampilkan pesan "kualifikasi.izin_kedaluwarsa"
    Ketika penyedia "CV Maju" menambah izin usaha "503/77/2026" yang berlaku sampai tahun depan di Data Penyedia
    Dan penyedia "CV Maju" mengirim persyaratan kualifikasi tanpa izin usaha "503/1/2019" dan dengan lampiran "NIB CV Maju.pdf"
    Maka halaman menampilkan pesan "kualifikasi.terkirim"
    Dan server mencatat persyaratan kualifikasi penyedia "CV Maju" dengan 4 data dan lampiran "NIB CV Maju.pdf"
    Ketika penyedia "CV Maju" mengunggah penawaran berisi file "Penawaran Harga.pdf"
    Maka penawaran penyedia "CV Maju" diterima dengan tanda terima

  @KODOK-304
  Skenario: Lampiran kualifikasi dengan simbol terlarang pada namanya ditolak
    Dengan penyedia "CV Maju" telah mengisi Data Penyedia dengan izin usaha yang habis masa berlakunya kemarin
    Ketika penyedia "CV Maju" menambah izin usaha "503/77/2026" yang berlaku sampai tahun depan di Data Penyedia
    Dan penyedia "CV Maju" mengirim persyaratan kualifikasi tanpa izin usaha "503/1/2019" dan dengan lampiran "NIB (scan).pdf"
    Maka halaman menampilkan pesan "kualifikasi.karakter_terlarang"
