# language: id
@profil-spse-4.3-ca @sumber-domain-alur-penyedia @sumber-domain-alur-pokja
Fitur: Surat Penawaran, harga penawaran, dan isi penawaran yang diperiksa saat pembukaan
  Di SPSE 4 penyedia mengisi harga total dan masa berlaku penawaran di halaman penawaran; SPSE
  membuat Surat Penawaran dari isian itu dan SpamKodok 2 mengenkripsinya bersama dokumen
  penawaran (Konsep Operasional: "file semua syarat kualifikasi/teknis dan harga"). Harga baru
  tampil setelah pembukaan: di halaman pembukaan dan di kolom "Harga Penawaran" halaman peserta.
  Arsip RAR/ZIP atau program yang diganti nama .pdf lolos semua aturan nama dan unggahan; saat
  pembukaan SpamKodok pokja menandainya.

  Latar Belakang:
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender
    Dan penyedia "CV Maju" siap mengunggah penawaran
    Dan penyedia "CV Jaya" siap mengunggah penawaran

  @KODOK-305 @sumber-hal-hal-yang-harus-diperhatikan @aturan-hh-6
  Skenario: Harga dari Surat Penawaran tersegel sampai pembukaan, lalu tampil di halaman pembukaan dan peserta
    Ketika penyedia "CV Maju" mengunggah penawaran berisi file "Dokumen Teknis.pdf" dengan harga penawaran "650.000.000"
    Maka penawaran penyedia "CV Maju" diterima dengan tanda terima
    Dan halaman Peserta Tender belum menampilkan harga penawaran penyedia "CV Maju"
    Ketika waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan pokja "Pokja 1" membuka dokumen penawaran
    Maka status pembukaan penawaran penyedia "CV Maju" adalah "pembukaan.dibuka"
    Dan pokja melihat harga penawaran "Rp 650.000.000,00" untuk penyedia "CV Maju" pada pembukaan
    Dan halaman Peserta Tender menampilkan harga penawaran "Rp 650.000.000,00" untuk penyedia "CV Maju"

  @KODOK-306 @sumber-domain-kegagalan
  Skenario: Arsip ZIP yang diganti nama .pdf lolos saat unggah dan ditandai saat pembukaan
    Ketika penyedia "CV Maju" mengunggah penawaran berisi arsip ZIP yang dinamai "Penawaran Lengkap.pdf"
    Maka penawaran penyedia "CV Maju" diterima dengan tanda terima
    Ketika penyedia "CV Jaya" mengunggah penawaran berisi file "Penawaran Harga.pdf" dengan harga penawaran "700.000.000"
    Dan waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan pokja "Pokja 1" membuka dokumen penawaran
    Maka status pembukaan penawaran penyedia "CV Maju" adalah "pembukaan.berkas_tidak_sesuai"
    Dan status pembukaan penawaran penyedia "CV Jaya" adalah "pembukaan.dibuka"
