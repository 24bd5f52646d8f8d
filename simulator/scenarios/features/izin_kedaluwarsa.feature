# language: id
@profil-spse-4.3-ca @sumber-domain-alur-pokja @sumber-domain-kegagalan @aturan-hh-6
Fitur: Izin usaha yang kedaluwarsa menggugurkan peserta pada evaluasi kualifikasi
  domain.md: pada evaluasi kualifikasi peserta gugur dengan alasan, antara lain izin usaha yang
  kedaluwarsa di Data Penyedia. Izin usaha yang masih berlaku saat Kirim Persyaratan
  Kualifikasi dapat habis masa berlakunya sebelum evaluasi (menurut jam simulasi); SPSE
  mengusulkan gugur dengan alasannya kepada pokja dan menerapkannya. Data Penyedia, persyaratan
  kualifikasi, penawaran dan harganya diatur lewat /_sim (bukan pokok skenario ini).

  Latar Belakang:
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender
    Dan penyedia "CV Maju" siap mengunggah penawaran
    Dan penyedia "CV Jaya" siap mengunggah penawaran

  @KODOK-417
  Skenario: Izin usaha yang habis masa berlakunya setelah dikirim menggugurkan peserta secara otomatis
    Dengan penyedia "CV Maju" telah mengirim persyaratan kualifikasi dengan izin usaha yang berlaku sampai besok
    Dan penyedia "CV Maju" telah mengunggah penawaran berisi file "Penawaran Maju.pdf"
    Dan harga penawaran penyedia "CV Maju" adalah 85 persen dari HPS
    Dan penyedia "CV Jaya" telah mengirim persyaratan kualifikasi dengan izin usaha yang berlaku sampai tahun depan
    Dan penyedia "CV Jaya" telah mengunggah penawaran berisi file "Penawaran Jaya.pdf"
    Dan harga penawaran penyedia "CV Jaya" adalah 95 persen dari HPS
    Ketika waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan pokja "Pokja 1" membuka dokumen penawaran
    Maka pokja "Pokja 1" melihat usulan gugur penyedia "CV Maju" dengan pesan "evaluasi.izin_kedaluwarsa"
    Ketika pokja "Pokja 1" mengevaluasi penawaran penyedia "CV Maju" semua lulus
    Dan pokja "Pokja 1" mengevaluasi penawaran penyedia "CV Jaya" semua lulus
    Dan waktu berjalan sampai tahap "Penetapan Pemenang"
    Dan pokja "Pokja 1" menetapkan pemenang
    Dan waktu berjalan sampai tahap "Pengumuman Pemenang"
    Maka hasil evaluasi penyedia "CV Maju" pada kualifikasi adalah "gugur" dengan alasan pesan "evaluasi.izin_kedaluwarsa"
    Dan halaman pemenang menampilkan penyedia "CV Jaya" sebagai pemenang
