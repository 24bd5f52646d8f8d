# language: id
@profil-spse-4.3-ca @sumber-prasyarat-penyedia @sumber-domain-alur-pokja
Fitur: Tender Cepat: hanya untuk penyedia dengan data SIKaP terverifikasi, pemenang harga terendah
  Konsep Operasional SPSE 4.3 CA, Prasyarat Penyedia: "Agar dapat berpartisipasi pada tender
  cepat ... Penyedia disarankan untuk melakukan pendaftaran di aplikasi SIKAP LKPP". Pokja memilih
  metode Tender Cepat pada Paket Baru (profil yang menyediakannya); data SIKaP penyedia adalah
  kualifikasinya (tanpa evaluasi kualifikasi, administrasi dan teknis oleh pokja), dan penawaran
  terendah yang tidak melebihi HPS menang. Data Penyedia dan harga penawaran diatur lewat /_sim.

  Latar Belakang:
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket Tender Cepat

  @KODOK-420 @aturan-pra-5
  Skenario: Penyedia tanpa data SIKaP yang lengkap ditolak mengikuti Tender Cepat
    Dengan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Ketika penyedia "CV Maju" melakukan Sinkronisasi SIKaP
    Maka halaman menampilkan pesan "sikap.belum_lengkap"
    Ketika penyedia "CV Maju" mengikuti tender
    Maka halaman menampilkan pesan "tender_cepat.sikap_wajib"
    Dan penyedia "CV Maju" tidak terdaftar sebagai peserta tender

  @KODOK-421 @aturan-pra-5
  Skenario: Penyedia yang melengkapi Data Penyedia dan melakukan Sinkronisasi SIKaP dapat mengikuti Tender Cepat
    Dengan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Dan penyedia "CV Maju" telah mengisi Data Penyedia yang diperlukan SIKaP
    Ketika penyedia "CV Maju" melakukan Sinkronisasi SIKaP
    Maka halaman menampilkan pesan "sikap.tersinkron"
    Ketika penyedia "CV Maju" mengikuti tender
    Maka halaman menampilkan pesan "tender.ikut_berhasil"
    Dan penyedia "CV Maju" terdaftar sebagai peserta tender

  @KODOK-422 @aturan-pra-5 @aturan-ca-2
  Skenario: Tender Cepat dimenangkan penawaran harga terendah tanpa evaluasi kualifikasi oleh pokja
    Dengan penyedia "CV Maju" dengan data SIKaP terverifikasi siap mengunggah penawaran
    Dan penyedia "CV Jaya" dengan data SIKaP terverifikasi siap mengunggah penawaran
    Dan penyedia "CV Maju" telah mengunggah penawaran berisi file "Penawaran Maju.pdf"
    Dan harga penawaran penyedia "CV Maju" adalah 95 persen dari HPS
    Dan penyedia "CV Jaya" telah mengunggah penawaran berisi file "Penawaran Jaya.pdf"
    Dan harga penawaran penyedia "CV Jaya" adalah 90 persen dari HPS
    Ketika waktu berjalan sampai tahap "Pembukaan dan Evaluasi Penawaran"
    Dan pokja "Pokja 1" membuka dokumen penawaran
    Dan waktu berjalan sampai tahap "Penetapan Pemenang"
    Dan pokja "Pokja 1" menetapkan pemenang Tender Cepat
    Maka halaman menampilkan pesan "pemenang.ditetapkan"
    Ketika waktu berjalan sampai tahap "Pengumuman Pemenang"
    Maka halaman pemenang menampilkan penyedia "CV Jaya" sebagai pemenang
