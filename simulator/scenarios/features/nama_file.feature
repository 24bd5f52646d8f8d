# language: id
@sumber-hal-hal-yang-harus-diperhatikan @profil-spse-4.3-ca @aturan-hh-2
Fitur: Pemeriksaan nama file penawaran oleh SpamKodok 2
  Konsep Operasional SPSE 4.3 CA, "Hal-hal yang harus diperhatikan": nama file maksimal 40 karakter sudah termasuk
  ekstensinya, tanpa simbol / \ , : ' " + - ( ), dan tidak ada nama file yang sama.
  Batas 40 karakter adalah pengaturan profil (filename.max_chars, limit_inclusive).

  Latar Belakang:
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender
    Dan penyedia "CV Maju" siap mengunggah penawaran

  @KODOK-001
  Skenario: Nama file 39 karakter diterima
    Ketika penyedia "CV Maju" mengunggah penawaran berisi file "Dokumen Penawaran Harga Tahap Satu1.pdf"
    Maka penawaran penyedia "CV Maju" diterima dengan tanda terima

  @KODOK-002
  Skenario: Nama file tepat 40 karakter diterima
    Ketika penyedia "CV Maju" mengunggah penawaran berisi file "Dokumen Penawaran Harga Tahap Satu12.pdf"
    Maka penawaran penyedia "CV Maju" diterima dengan tanda terima

  @KODOK-003
  Skenario: Nama file 41 karakter ditolak
    Ketika penyedia "CV Maju" mengunggah penawaran berisi file "Dokumen Penawaran Harga Tahap Satu123.pdf"
    Maka SpamKodok menolak file dengan pesan "kodok.nama_terlalu_panjang"
    Dan tidak ada penawaran penyedia "CV Maju" yang tersimpan
