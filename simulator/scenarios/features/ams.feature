# language: id
@profil-spse-4.3-ca @sumber-aktivasi-sertifikat-a
Fitur: Pendaftaran AMS yang gagal
  Konsep Operasional SPSE 4.3 CA, "Tahap Proses Aktivasi Sertifikat-a": setelah login di SpamKodok 2 muncul link merah
  pendaftaran AMS; penyedia mengunggah surat rekomendasi (salinan TDP/SIUP/SIUJK dan pindaian
  surat keterangan dengan kop dan cap perusahaan, dua unggahan). Permintaan penyedia diperiksa
  verifikator LPSE; BSrE menerbitkan sertifikat setelah verifikator menyetujuinya. "Apa yang
  harus dilakukan": error pada registrasi AMS. Pendaftaran yang ditolak tidak meninggalkan apa
  pun: tidak ada sertifikat di BSrE, di SPSE, maupun di SpamKodok 2. BSrE yang tidak dapat
  dihubungi adalah gangguan /_sim "ca.down".

  Latar Belakang:
    Dengan penyedia "CV Baru" telah terdaftar dan diverifikasi

  @KODOK-080 @sumber-apa-yang-harus-dilakukan @aturan-akt-a-4 @aturan-io-1
  Skenario: BSrE tidak dapat dihubungi saat permintaan AMS disetujui, setelah pulih sertifikat terbit dan tertanam
    Dengan layanan BSrE sedang tidak dapat dihubungi
    Ketika penyedia "CV Baru" mendaftar AMS dengan surat rekomendasi "Surat Rekomendasi.pdf"
    Maka halaman menampilkan pesan "ams.terkirim"
    Ketika verifikator mencatat kehadiran penyedia "CV Baru" dengan dokumen asli
    Dan verifikator menyetujui permintaan sertifikat penyedia "CV Baru"
    Maka halaman menampilkan pesan "ams.ca_tidak_tersedia"
    Dan BSrE belum menerbitkan sertifikat penyedia "CV Baru"
    Dan tidak ada sertifikat yang tertanam di SpamKodok penyedia "CV Baru"
    Ketika layanan BSrE pulih kembali
    Dan verifikator menyetujui permintaan sertifikat penyedia "CV Baru"
    Maka halaman menampilkan pesan "ams.disetujui"
    Ketika penyedia "CV Baru" menanamkan sertifikat yang diterbitkan
    Maka halaman menampilkan pesan "ams.berhasil"
    Dan halaman menampilkan pesan "ams.tertanam"
    Dan sertifikat penyedia "CV Baru" tertanam di SpamKodok dan tercatat di SPSE

  @KODOK-081 @aturan-akt-a-4 @aturan-akt-a-5
  Skenario: Pendaftaran AMS tanpa surat rekomendasi ditolak
    Ketika penyedia "CV Baru" mendaftar AMS tanpa surat rekomendasi
    Maka halaman menampilkan pesan "ams.surat_wajib"
    Dan tidak ada sertifikat penyedia "CV Baru" yang tercatat di SPSE maupun BSrE
    Dan tidak ada sertifikat yang tertanam di SpamKodok penyedia "CV Baru"

  @KODOK-082 @aturan-akt-a-5
  Skenario konsep: Surat rekomendasi yang bukan PDF atau gambar ditolak
    Ketika penyedia "CV Baru" mendaftar AMS dengan surat rekomendasi "<surat>"
    Maka halaman menampilkan pesan "ams.surat_jenis"
    Dan tidak ada sertifikat penyedia "CV Baru" yang tercatat di SPSE maupun BSrE
    Dan tidak ada sertifikat yang tertanam di SpamKodok penyedia "CV Baru"

    Contoh:
      | surat                   |
      | Surat Rekomendasi.docx  |
      | Surat Rekomendasi.zip   |

  @KODOK-083 @aturan-akt-a-3 @aturan-akt-b-3
  Skenario konsep: Halaman sertifikat di browser biasa meminta penyedia memakai SpamKodok 2
    Dengan penyedia "CV Biasa" telah terdaftar dan diverifikasi
    Ketika penyedia "CV Biasa" membuka halaman "<halaman>" dengan browser biasa
    Maka halaman menampilkan pesan "ams.butuh_spamkodok"

    Contoh:
      | halaman          |
      | pendaftaran AMS  |
      | import APD       |
