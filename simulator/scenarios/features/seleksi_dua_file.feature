# language: id
@profil-spse-4.3-ca @sumber-domain-alur-penyedia @sumber-domain-alur-pokja @aturan-hh-6
Fitur: Seleksi dua file: File I dan File II disegel, diunggah dan dibuka terpisah
  Jasa Konsultansi di SPSE 4 berjalan sebagai Seleksi Prakualifikasi Dua File: penawaran penyedia
  terdiri atas File I (administrasi dan teknis) dan File II (harga, bersama Surat Penawaran),
  masing-masing disegel SpamKodok 2 dan diunggah sendiri (Konsep Operasional SPSE 4.3 CA, "Hal-hal
  yang harus diperhatikan": file semua syarat kualifikasi/teknis dan harga). Pokja membuka dan
  mengevaluasi File I lebih dahulu (Kualitas dan Biaya: dengan nilai teknis); File II hanya
  dibuka untuk peserta yang lulus File I, pada tahapnya sendiri. Unggahan yang bukan pokok skenario diatur lewat /_sim.

  Latar Belakang:
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket seleksi Jasa Konsultansi
    Dan penyedia "CV Maju" siap mengunggah penawaran
    Dan penyedia "CV Jaya" siap mengunggah penawaran

  @KODOK-410
  Skenario: Penawaran dua file diunggah di browser dan dibuka sebagai dua bagian
    Ketika penyedia "CV Maju" mengunggah File I berisi file "Usulan Teknis.pdf"
    Maka penawaran penyedia "CV Maju" diterima dengan tanda terima
    Ketika penyedia "CV Maju" mengunggah File II berisi file "Rincian Biaya.pdf" dengan harga penawaran "650.000.000"
    Maka penawaran penyedia "CV Maju" diterima dengan tanda terima
    Dan SPSE menyimpan File I dan File II penyedia "CV Maju" sebagai dua penawaran tersegel, harga "650.000.000" hanya pada File II
    Ketika waktu berjalan sampai tahap "Pembukaan dan Evaluasi Penawaran File I: Administrasi dan Teknis"
    Dan pokja "Pokja 1" membuka File I
    Maka status pembukaan File I penyedia "CV Maju" adalah "pembukaan.dibuka" dengan harga "-"
    Ketika pokja "Pokja 1" mengevaluasi File I penyedia "CV Maju" semua lulus dengan nilai teknis "85"
    Dan waktu berjalan sampai tahap "Pembukaan dan Evaluasi Penawaran File II: Harga"
    Dan pokja "Pokja 1" membuka File II
    Maka status pembukaan File II penyedia "CV Maju" adalah "pembukaan.dibuka" dengan harga "Rp 650.000.000,00"

  @KODOK-411 @sumber-hal-hal-yang-harus-diperhatikan @aturan-hh-2 @aturan-hh-3
  Skenario konsep: Aturan nama file berlaku untuk setiap bagian: <bagian> dengan nama "<nama>" ditolak
    Dengan penyedia "CV Maju" telah mengunggah File I berisi file "Usulan Teknis.pdf"
    Ketika penyedia "CV Maju" mengunggah File <bagian> berisi file "<nama>" dengan harga penawaran "650.000.000"
    Maka SpamKodok menolak file dengan pesan "<pesan>"
    Dan SPSE hanya menyimpan File I penyedia "CV Maju"

    Contoh:
      | bagian | nama                                      | pesan                       |
      | II     | Rincian Biaya Personel Non Personel12.pdf | kodok.nama_terlalu_panjang  |
      | II     | Rincian Biaya (Final).pdf                 | kodok.karakter_terlarang    |
      | I      | Usulan Teknis, Revisi.pdf                 | kodok.karakter_terlarang    |

  @KODOK-412 @sumber-domain-kegagalan
  Skenario: Dua file seleksi dibuka dengan urutan salah: File II sebelum File I dievaluasi ditolak
    Dengan penyedia "CV Maju" telah mengunggah File I dan File II dengan harga penawaran "650.000.000"
    Dan penyedia "CV Jaya" telah mengunggah File I dan File II dengan harga penawaran "600.000.000"
    Ketika waktu berjalan sampai tahap "Pembukaan dan Evaluasi Penawaran File I: Administrasi dan Teknis"
    Dan pokja "Pokja 1" membuka File I
    Dan pokja "Pokja 1" mengevaluasi File I penyedia "CV Maju" semua lulus dengan nilai teknis "85"
    Dan waktu berjalan sampai tahap "Pembukaan dan Evaluasi Penawaran File II: Harga"
    Dan pokja "Pokja 1" membuka File II
    Maka halaman menampilkan pesan "pembukaan.file1_belum_dievaluasi"
    Dan File II penyedia "CV Maju" tetap tersegel
    Dan File II penyedia "CV Jaya" tetap tersegel

  @KODOK-413 @sumber-domain-kegagalan
  Skenario: File II peserta yang gugur pada File I tidak dibuka
    Dengan penyedia "CV Maju" telah mengunggah File I dan File II dengan harga penawaran "650.000.000"
    Dan penyedia "CV Jaya" telah mengunggah File I dan File II dengan harga penawaran "600.000.000"
    Ketika waktu berjalan sampai tahap "Pembukaan dan Evaluasi Penawaran File I: Administrasi dan Teknis"
    Dan pokja "Pokja 1" membuka File I
    Dan pokja "Pokja 1" mengevaluasi File I penyedia "CV Maju" semua lulus dengan nilai teknis "85"
    Dan pokja "Pokja 1" menggugurkan File I penyedia "CV Jaya" pada teknis dengan alasan "Metodologi tidak memenuhi"
    Dan waktu berjalan sampai tahap "Pembukaan dan Evaluasi Penawaran File II: Harga"
    Dan pokja "Pokja 1" membuka File II
    Maka pokja hanya melihat File II penyedia "CV Maju"
    Dan status pembukaan File II penyedia "CV Maju" adalah "pembukaan.dibuka" dengan harga "Rp 650.000.000,00"
    Dan File II penyedia "CV Jaya" tetap tersegel

  @KODOK-414 @sumber-domain-kegagalan
  Skenario: Hasil evaluasi File I tidak dapat diubah setelah File II dibuka
    Dengan penyedia "CV Maju" telah mengunggah File I dan File II dengan harga penawaran "650.000.000"
    Dan penyedia "CV Jaya" telah mengunggah File I dan File II dengan harga penawaran "600.000.000"
    Ketika waktu berjalan sampai tahap "Pembukaan dan Evaluasi Penawaran File I: Administrasi dan Teknis"
    Dan pokja "Pokja 1" membuka File I
    Dan pokja "Pokja 1" mengevaluasi File I penyedia "CV Maju" semua lulus dengan nilai teknis "85"
    Dan pokja "Pokja 1" menggugurkan File I penyedia "CV Jaya" pada teknis dengan alasan "Metodologi tidak memenuhi"
    Dan waktu berjalan sampai tahap "Pembukaan dan Evaluasi Penawaran File II: Harga"
    Dan pokja "Pokja 1" membuka File II
    Dan pokja "Pokja 1" mengevaluasi File I penyedia "CV Jaya" semua lulus dengan nilai teknis "80"
    Maka halaman menampilkan pesan "evaluasi.file1_terkunci"
    Dan File II penyedia "CV Jaya" tetap tersegel
