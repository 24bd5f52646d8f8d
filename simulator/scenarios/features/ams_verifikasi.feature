# language: id
@profil-spse-4.3-ca @sumber-aktivasi-sertifikat-a
Fitur: Permintaan sertifikat diperiksa verifikator LPSE sebelum BSrE menerbitkannya
  Konsep Operasional SPSE 4.3 CA, "Tahap Proses Aktivasi Sertifikat-a": penyedia hadir secara fisik di LPSE setempat
  dengan membawa asli dan salinan data perusahaan untuk verifikasi ulang (a-1), memakai akun
  LPSE yang bisa didaftarkan di LPSE mana pun (a-2), dan mengunggah surat rekomendasi: salinan
  TDP/SIUP/SIUJK dan surat keterangan direktur dengan kop dan cap perusahaan (a-5). Prosedur
  LPSE Kota Surakarta: permintaan dari link merah SpamKodok 2 masuk ke antrian verifikator
  (Admin Agency/RA), yang mencatat kehadiran penyedia beserta dokumen asli yang diperiksa, lalu
  menyetujui atau menolak dengan alasan. BSrE menerbitkan sertifikat hanya setelah disetujui;
  penyedia menanamkannya di SpamKodok 2 dengan passphrase-nya; berita acara serah terima dibuat
  SPSE sebagai PDF.

  @KODOK-160 @aturan-akt-a-1 @aturan-akt-a-4 @aturan-akt-a-5
  Skenario: Permintaan disetujui setelah penyedia hadir dengan dokumen asli, lalu sertifikat ditanam
    Dengan penyedia "CV Hadir" telah terdaftar dan diverifikasi
    Ketika penyedia "CV Hadir" mengirim permintaan sertifikat AMS
    Maka permintaan sertifikat penyedia "CV Hadir" berstatus "Menunggu verifikasi"
    Dan BSrE belum menerbitkan sertifikat penyedia "CV Hadir"
    Ketika verifikator menyetujui permintaan sertifikat penyedia "CV Hadir"
    Maka halaman menampilkan pesan "ams.belum_hadir"
    Dan BSrE belum menerbitkan sertifikat penyedia "CV Hadir"
    Ketika verifikator mencatat kehadiran penyedia "CV Hadir" dengan dokumen asli
    Maka halaman menampilkan pesan "ams.hadir_tercatat"
    Ketika verifikator menyetujui permintaan sertifikat penyedia "CV Hadir"
    Maka halaman menampilkan pesan "ams.disetujui"
    Dan permintaan sertifikat penyedia "CV Hadir" berstatus "Terbit, belum tertanam"
    Dan tidak ada sertifikat yang tertanam di SpamKodok penyedia "CV Hadir"
    Ketika penyedia "CV Hadir" menanamkan sertifikat yang diterbitkan
    Maka halaman menampilkan pesan "ams.tertanam"
    Dan sertifikat penyedia "CV Hadir" tertanam di SpamKodok dan tercatat di SPSE
    Dan permintaan sertifikat penyedia "CV Hadir" berstatus "Tertanam"
    Dan berita acara serah terima sertifikat penyedia "CV Hadir" dapat diunduh penyedia dan verifikator

  @KODOK-161 @sumber-prasyarat-penyedia @aturan-pra-3 @aturan-akt-a-1
  Skenario: Permintaan sertifikat yang masih menunggu verifikasi belum dapat menyegel penawaran
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender
    Dan penyedia "CV Sabar" telah terdaftar dan diverifikasi
    Dan penyedia "CV Sabar" telah mengikuti tender
    Dan tahap "Upload Dokumen Penawaran" sedang berlangsung
    Dan penyedia "CV Sabar" telah mengirim permintaan sertifikat AMS
    Ketika penyedia "CV Sabar" mengunggah penawaran berisi file "Penawaran.pdf"
    Maka SpamKodok menolak file dengan pesan "kodok.sertifikat_menunggu"
    Dan tidak ada penawaran penyedia "CV Sabar" yang tersimpan
    Ketika verifikator mencatat kehadiran penyedia "CV Sabar" dengan dokumen asli
    Dan verifikator menyetujui permintaan sertifikat penyedia "CV Sabar"
    Dan penyedia "CV Sabar" menanamkan sertifikat yang diterbitkan
    Dan penyedia "CV Sabar" mengunggah penawaran berisi file "Penawaran.pdf"
    Maka penawaran penyedia "CV Sabar" diterima dengan tanda terima

  @KODOK-162 @aturan-akt-a-5
  Skenario: Dokumen rekomendasi ditolak verifikator dengan alasan, permintaan ulang disetujui
    Dengan penyedia "CV Ulang" telah terdaftar dan diverifikasi
    Dan penyedia "CV Ulang" telah mengirim permintaan sertifikat AMS
    Ketika verifikator menolak permintaan sertifikat penyedia "CV Ulang" dengan alasan "Salinan SIUP tidak terbaca, unggah ulang pindaian yang jelas"
    Maka halaman menampilkan pesan "ams.ditolak"
    Dan permintaan sertifikat penyedia "CV Ulang" berstatus "Ditolak"
    Dan penyedia "CV Ulang" melihat alasan penolakan "Salinan SIUP tidak terbaca, unggah ulang pindaian yang jelas"
    Dan BSrE belum menerbitkan sertifikat penyedia "CV Ulang"
    Ketika penyedia "CV Ulang" mengirim permintaan sertifikat AMS
    Maka permintaan sertifikat penyedia "CV Ulang" berstatus "Menunggu verifikasi"
    Ketika verifikator mencatat kehadiran penyedia "CV Ulang" dengan dokumen asli
    Dan verifikator menyetujui permintaan sertifikat penyedia "CV Ulang"
    Dan penyedia "CV Ulang" menanamkan sertifikat yang diterbitkan
    Maka sertifikat penyedia "CV Ulang" tertanam di SpamKodok dan tercatat di SPSE

  @KODOK-163 @aturan-akt-a-2 @aturan-akt-a-1 @aturan-io-1
  Skenario: Penyedia dari LPSE lain (melalui ADP) meminta sertifikat dan diverifikasi di LPSE ini
    Dengan LPSE lain "LPSE Provinsi Jawa Tengah" memakai ADP yang sama
    Dan penyedia "CV Rantau" telah terdaftar dan diverifikasi di "LPSE Provinsi Jawa Tengah"
    Ketika penyedia "CV Rantau" login di "LPSE Kota Surakarta"
    Dan penyedia "CV Rantau" mengirim permintaan sertifikat AMS
    Maka antrian verifikator mencantumkan penyedia "CV Rantau" dari LPSE asal "LPSE Provinsi Jawa Tengah"
    Dan permintaan sertifikat penyedia "CV Rantau" berstatus "Menunggu verifikasi"
    Ketika verifikator mencatat kehadiran penyedia "CV Rantau" dengan dokumen asli
    Dan verifikator menyetujui permintaan sertifikat penyedia "CV Rantau"
    Dan penyedia "CV Rantau" menanamkan sertifikat yang diterbitkan
    Maka sertifikat penyedia "CV Rantau" tertanam di SpamKodok dan tercatat di SPSE
