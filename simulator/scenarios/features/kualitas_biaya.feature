# language: id
@profil-spse-4.3-ca @sumber-domain-alur-pokja @aturan-hh-6
Fitur: Seleksi jasa konsultansi: evaluasi Kualitas dan Biaya
  domain.md: jasa konsultansi berjalan sebagai Seleksi Prakualifikasi Dua File (Kualitas dan
  Biaya) dan Hasil Evaluasinya menampilkan skor (ST skor teknis, SH skor harga, SA skor akhir).
  Perpres 16/2018 dan Perlem LKPP 12/2021: pokja memberi nilai teknis saat mengevaluasi File I;
  peserta di bawah ambang batas nilai teknis gugur; nilai biaya = harga terendah yang dievaluasi
  / harga peserta x 100; nilai akhir = bobot teknis x nilai teknis + bobot biaya x nilai biaya
  (profil: 0,7 dan 0,3, ambang batas 70); pemenangnya nilai akhir tertinggi, bukan harga
  terendah. Urutan dua file: nilai teknis diberikan pada evaluasi File I (administrasi dan
  teknis); File II (harga) hanya dibuka untuk peserta yang lulus File I, lalu harga dievaluasi
  dan nilai biaya serta nilai akhir dihitung. Penawaran dua file dan harganya diatur lewat
  /_sim (bukan pokok skenario ini).

  Latar Belakang:
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket seleksi jasa konsultansi
    Dan penyedia "CV Ahli" siap mengunggah penawaran
    Dan penyedia "CV Murah" siap mengunggah penawaran
    Dan penyedia "CV Ahli" telah mengunggah penawaran dua file dengan harga 95 persen dari HPS
    Dan penyedia "CV Murah" telah mengunggah penawaran dua file dengan harga 80 persen dari HPS

  @KODOK-415
  Skenario: Pemenang seleksi adalah nilai akhir tertinggi, bukan penawaran termurah
    Ketika waktu berjalan sampai tahap "Pembukaan dan Evaluasi Penawaran File I: Administrasi dan Teknis"
    Dan pokja "Pokja 1" membuka File I
    Dan pokja "Pokja 1" mengevaluasi File I penyedia "CV Ahli" semua lulus dengan nilai teknis "90"
    Dan pokja "Pokja 1" mengevaluasi File I penyedia "CV Murah" semua lulus dengan nilai teknis "72"
    Dan waktu berjalan sampai tahap "Pembukaan dan Evaluasi Penawaran File II: Harga"
    Dan pokja "Pokja 1" membuka File II
    Dan pokja "Pokja 1" mengevaluasi harga File II penyedia "CV Ahli" lulus
    Dan pokja "Pokja 1" mengevaluasi harga File II penyedia "CV Murah" lulus
    Dan waktu berjalan sampai tahap "Penetapan Pemenang"
    Dan pokja "Pokja 1" menetapkan pemenang
    Dan waktu berjalan sampai tahap "Pengumuman Pemenang"
    Maka halaman pemenang menampilkan penyedia "CV Ahli" sebagai pemenang
    Dan hasil evaluasi penyedia "CV Ahli" menunjukkan nilai teknis "90.00", nilai biaya "84.21" dan nilai akhir "88.26"
    Dan hasil evaluasi penyedia "CV Murah" menunjukkan nilai teknis "72.00", nilai biaya "100.00" dan nilai akhir "80.40"

  @KODOK-416
  Skenario: Peserta dengan nilai teknis di bawah ambang batas gugur pada evaluasi teknis
    Ketika waktu berjalan sampai tahap "Pembukaan dan Evaluasi Penawaran File I: Administrasi dan Teknis"
    Dan pokja "Pokja 1" membuka File I
    Dan pokja "Pokja 1" mengevaluasi File I penyedia "CV Ahli" semua lulus dengan nilai teknis "90"
    Dan pokja "Pokja 1" mengevaluasi File I penyedia "CV Murah" semua lulus dengan nilai teknis "65"
    Dan waktu berjalan sampai tahap "Pembukaan dan Evaluasi Penawaran File II: Harga"
    Dan pokja "Pokja 1" membuka File II
    Dan pokja "Pokja 1" mengevaluasi harga File II penyedia "CV Ahli" lulus
    Dan waktu berjalan sampai tahap "Penetapan Pemenang"
    Dan pokja "Pokja 1" menetapkan pemenang
    Dan waktu berjalan sampai tahap "Pengumuman Pemenang"
    Maka File II penyedia "CV Murah" tetap tersegel
    Dan hasil evaluasi penyedia "CV Murah" pada teknis adalah "gugur" dengan alasan pesan "evaluasi.nilai_teknis_di_bawah_ambang"
    Dan hasil evaluasi penyedia "CV Ahli" menunjukkan nilai teknis "90.00", nilai biaya "100.00" dan nilai akhir "93.00"
    Dan halaman pemenang menampilkan penyedia "CV Ahli" sebagai pemenang
