# language: id
@profil-spse-4.3-ca @sumber-domain-alur-pokja @sumber-domain-kegagalan
Fitur: Setelah pembukaan: evaluasi, penetapan pemenang dan Masa Sanggah
  domain.md: setelah Pembukaan Dokumen Penawaran pokja mengevaluasi kualifikasi, administrasi,
  teknis dan harga setiap peserta (lulus atau gugur dengan alasan), menetapkan dan mengumumkan
  pemenang; peserta dapat menyanggah selama Masa Sanggah. Harga penawaran dari Surat Penawaran
  diatur lewat /_sim (halaman harga bukan pokok skenario ini).

  Latar Belakang:
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender
    Dan penyedia "CV Maju" siap mengunggah penawaran
    Dan penyedia "CV Jaya" siap mengunggah penawaran

  @KODOK-400 @sumber-perbedaan-ca-non-ca @aturan-ca-2
  Skenario: Evaluasi ditolak sebelum penawaran dibuka
    Dengan penyedia "CV Maju" telah mengunggah penawaran berisi file "Penawaran Maju.pdf"
    Ketika pokja "Pokja 1" mengevaluasi penawaran penyedia "CV Maju" semua lulus
    Maka halaman menampilkan pesan "evaluasi.belum_pembukaan"

  @KODOK-401 @sumber-hal-hal-yang-harus-diperhatikan @aturan-hh-6
  Skenario: Penawaran di atas HPS gugur pada evaluasi harga
    Dengan penyedia "CV Maju" telah mengunggah penawaran berisi file "Penawaran Maju.pdf"
    Dan harga penawaran penyedia "CV Maju" adalah 105 persen dari HPS
    Dan penyedia "CV Jaya" telah mengunggah penawaran berisi file "Penawaran Jaya.pdf"
    Dan harga penawaran penyedia "CV Jaya" adalah 90 persen dari HPS
    Ketika waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan pokja "Pokja 1" membuka dokumen penawaran
    Dan pokja "Pokja 1" mengevaluasi penawaran penyedia "CV Maju" semua lulus
    Dan pokja "Pokja 1" mengevaluasi penawaran penyedia "CV Jaya" semua lulus
    Dan waktu berjalan sampai tahap "Penetapan Pemenang"
    Dan pokja "Pokja 1" menetapkan pemenang
    Dan waktu berjalan sampai tahap "Pengumuman Pemenang"
    Maka hasil evaluasi penyedia "CV Maju" pada harga adalah "gugur" dengan alasan "Harga penawaran melebihi HPS"
    Dan halaman pemenang menampilkan penyedia "CV Jaya" sebagai pemenang

  @KODOK-402 @sumber-perbedaan-ca-non-ca @aturan-ca-2
  Skenario: Sanggahan setelah Masa Sanggah berakhir ditolak
    Dengan penyedia "CV Maju" telah mengunggah penawaran berisi file "Penawaran Maju.pdf"
    Dan harga penawaran penyedia "CV Maju" adalah 95 persen dari HPS
    Dan penyedia "CV Jaya" telah mengunggah penawaran berisi file "Penawaran Jaya.pdf"
    Dan harga penawaran penyedia "CV Jaya" adalah 90 persen dari HPS
    Ketika waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan pokja "Pokja 1" membuka dokumen penawaran
    Dan pokja "Pokja 1" mengevaluasi penawaran penyedia "CV Maju" semua lulus
    Dan pokja "Pokja 1" mengevaluasi penawaran penyedia "CV Jaya" semua lulus
    Dan waktu berjalan sampai tahap "Penetapan Pemenang"
    Dan pokja "Pokja 1" menetapkan pemenang
    Dan waktu melewati batas akhir tahap "Masa Sanggah"
    Dan penyedia "CV Maju" mengirim sanggahan "Harga kami wajar dan sesuai dokumen pemilihan."
    Maka halaman menampilkan pesan "sanggah.ditutup"

  @KODOK-403 @sumber-perbedaan-ca-non-ca @sumber-hal-hal-yang-harus-diperhatikan
  @aturan-ca-2 @aturan-hh-6
  Skenario: Tender sampai pemenang: evaluasi, penetapan, sanggahan dan jawabannya
    Dengan penyedia "CV Maju" telah mengunggah penawaran berisi file "Penawaran Maju.pdf"
    Dan harga penawaran penyedia "CV Maju" adalah 95 persen dari HPS
    Dan penyedia "CV Jaya" telah mengunggah penawaran berisi file "Penawaran Jaya.pdf"
    Dan harga penawaran penyedia "CV Jaya" adalah 90 persen dari HPS
    Ketika waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan pokja "Pokja 1" membuka dokumen penawaran
    Dan pokja "Pokja 1" mengevaluasi penawaran penyedia "CV Maju" semua lulus
    Dan pokja "Pokja 1" menggugurkan penawaran penyedia "CV Jaya" pada teknis dengan alasan "Metode pelaksanaan tidak memenuhi"
    Dan waktu berjalan sampai tahap "Penetapan Pemenang"
    Dan pokja "Pokja 1" menetapkan pemenang
    Dan waktu berjalan sampai tahap "Masa Sanggah"
    Dan penyedia "CV Jaya" mengirim sanggahan "Metode pelaksanaan kami memenuhi syarat."
    Dan pokja "Pokja 1" menjawab sanggahan penyedia "CV Jaya" dengan "Sanggahan tidak diterima."
    Maka halaman pemenang menampilkan penyedia "CV Maju" sebagai pemenang
    Dan hasil evaluasi penyedia "CV Jaya" pada teknis adalah "gugur" dengan alasan "Metode pelaksanaan tidak memenuhi"
    Dan penyedia "CV Jaya" melihat jawaban sanggahan "Sanggahan tidak diterima."
