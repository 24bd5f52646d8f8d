# language: id
@profil-spse-4.3-ca
Fitur: Kegagalan saat memilih dan mengunggah dokumen penawaran
  Konsep Operasional SPSE 4.3 CA, "Hal-hal yang harus diperhatikan": tidak boleh ada browser lain selain SpamKodok 2 yang
  hidup, file harus berada di HDD utama bukan flashdisk, dan upload dilakukan se-awal mungkin.
  Catatan domain simulator: nama file ganda dalam satu penawaran, unggah ulang sebelum batas akhir menggantikan
  penawaran sebelumnya, setelah batas akhir unggahan ditolak, koneksi terputus di tengah unggahan.
  Komputer penyedia disimulasikan: flashdisk adalah folder yang dinyatakan sebagai media lepasan,
  dan browser lain adalah proses di daftar proses meja penyedia (deteksi sungguhan sistem operasi
  ada di filecheck.is_removable dan processes.SystemProbe).

  Latar Belakang:
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender
    Dan penyedia "CV Maju" siap mengunggah penawaran

  @KODOK-012 @sumber-hal-hal-yang-harus-diperhatikan @sumber-domain-kegagalan
  Skenario: Dua file dengan nama sama dari folder berbeda ditolak
    Ketika penyedia "CV Maju" mengunggah penawaran berisi file berikut:
      | nama                |
      | Penawaran Harga.pdf |
      | Penawaran Harga.pdf |
    Maka SpamKodok menolak file dengan pesan "kodok.nama_ganda"
    Dan tidak ada penawaran penyedia "CV Maju" yang tersimpan

  @KODOK-014 @sumber-hal-hal-yang-harus-diperhatikan @sumber-domain-kegagalan @aturan-hh-1
  Skenario: Browser lain yang masih hidup menghentikan pengiriman sampai ditutup
    Dengan browser "Google Chrome" lain sedang berjalan di komputer penyedia "CV Maju"
    Ketika penyedia "CV Maju" mengunggah penawaran berisi file "Penawaran Harga.pdf"
    Maka halaman menampilkan pesan "kodok.browser_lain"
    Dan pesan itu menyebut "Google Chrome"
    Dan tidak ada penawaran penyedia "CV Maju" yang tersimpan
    Ketika penyedia "CV Maju" menutup browser "Google Chrome"
    Dan penyedia "CV Maju" mengirim ulang penawaran yang sama
    Maka penawaran penyedia "CV Maju" diterima dengan tanda terima

  @KODOK-015 @sumber-domain-alur-penyedia @sumber-domain-kegagalan @aturan-hh-5
  @sumber-hal-hal-yang-harus-diperhatikan
  Skenario: Unggahan setelah batas akhir ditolak
    Ketika waktu melewati batas akhir tahap "Upload Dokumen Penawaran"
    Dan penyedia "CV Maju" mengunggah penawaran berisi file "Penawaran Harga.pdf"
    Maka halaman menampilkan pesan "penawaran.ditutup"
    Dan tidak ada penawaran penyedia "CV Maju" yang tersimpan

  @KODOK-016 @sumber-domain-alur-penyedia @sumber-domain-alur-pokja
  Skenario: Unggah ulang sebelum batas akhir menggantikan penawaran sebelumnya
    Ketika penyedia "CV Maju" mengunggah penawaran berisi file "Penawaran Awal.pdf"
    Dan penyedia "CV Maju" mengunggah ulang penawaran berisi file "Penawaran Revisi.pdf"
    Maka penawaran penyedia "CV Maju" diterima dengan tanda terima
    Dan server mencatat 2 penawaran penyedia "CV Maju" dan hanya unggahan terakhir yang berlaku
    Ketika waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan pokja "Pokja 1" membuka dokumen penawaran
    Maka pokja melihat 1 penawaran dari penyedia "CV Maju" dengan hash unggahan terakhir
    Dan status pembukaan penawaran penyedia "CV Maju" adalah "pembukaan.dibuka"

  @KODOK-017 @sumber-domain-kegagalan
  Skenario: Koneksi terputus di tengah unggahan tidak meninggalkan sisa, kirim ulang berhasil
    Dengan koneksi penyedia "CV Maju" akan terputus di tengah unggahan berikutnya
    Ketika penyedia "CV Maju" mengunggah penawaran berisi file "Penawaran Harga.pdf"
    Maka halaman menampilkan pesan "penawaran.terputus"
    Dan tidak ada penawaran penyedia "CV Maju" yang tersimpan
    Dan tidak ada file penawaran setengah jadi di server
    Ketika penyedia "CV Maju" mengirim ulang penawaran yang sama
    Maka penawaran penyedia "CV Maju" diterima dengan tanda terima

  @KODOK-300 @sumber-hal-hal-yang-harus-diperhatikan @sumber-domain-kegagalan @aturan-hh-5
  Skenario: Unggahan lambat yang dimulai sebelum batas akhir dan selesai sesudahnya ditolak
    Dengan waktu tinggal 2 menit sebelum batas akhir tahap "Upload Dokumen Penawaran"
    Dan koneksi penyedia "CV Maju" lambat sehingga unggahan berikutnya memakan waktu 5 menit
    Ketika penyedia "CV Maju" mengunggah penawaran berisi file "Penawaran Harga.pdf"
    Maka halaman menampilkan pesan "penawaran.ditutup"
    Dan tidak ada penawaran penyedia "CV Maju" yang tersimpan

  # KODOK-013 (a flash-drive file refused up front by SpamKodok) is retired: that friendlier
  # consequence is the profile switch [failures] flashdisk = "unggah"; the field reports this one.
  @KODOK-301 @sumber-hal-hal-yang-harus-diperhatikan @sumber-domain-kegagalan @aturan-hh-4
  @sumber-apa-yang-harus-dilakukan
  Skenario: File dari flashdisk lolos saat unggah, penawaran tidak dapat didekripsi saat pembukaan dan dilaporkan
    Dengan folder "flashdisk" di komputer penyedia "CV Maju" adalah flashdisk
    Dan helpdesk LPSE "Hana" bertugas
    Ketika penyedia "CV Maju" memilih file "Penawaran Harga.pdf" dari folder "flashdisk" lalu mengirim penawaran
    Maka penawaran penyedia "CV Maju" diterima dengan tanda terima
    Ketika waktu berjalan sampai tahap "Pembukaan Dokumen Penawaran"
    Dan pokja "Pokja 1" membuka dokumen penawaran
    Maka status pembukaan penawaran penyedia "CV Maju" adalah "pembukaan.gagal_dekripsi"
    Ketika penyedia "CV Maju" membuat tiket LPSE Support "Upload Dokumen Penawaran" dengan kronologi Word dan screenshot
    Dan "Hana" mengambil tiket penyedia "CV Maju"
    Dan "Hana" meneruskan tiket penyedia "CV Maju"
    Maka tiket penyedia "CV Maju" berstatus "diteruskan ke LKPP" dan ditangani "Helpdesk Eproc LKPP"

  @KODOK-302 @sumber-prasyarat-penyedia @aturan-pra-4
  Skenario: SpamKodok menampilkan saran pra-pemeriksaan di komputer selain Windows 10
    Dengan komputer penyedia "CV Maju" memakai sistem operasi "Ubuntu 22.04"
    Ketika penyedia "CV Maju" membuka halaman unggah penawaran
    Maka SpamKodok penyedia "CV Maju" menampilkan saran "kodok.saran_sistem_operasi"
    Dan pesan itu menyebut "Windows 10"
    Ketika penyedia "CV Maju" mengunggah penawaran berisi file "Penawaran Harga.pdf"
    Maka penawaran penyedia "CV Maju" diterima dengan tanda terima
    Ketika komputer penyedia "CV Maju" memakai sistem operasi "Windows 10"
    Dan penyedia "CV Maju" membuka halaman unggah penawaran
    Maka SpamKodok penyedia "CV Maju" tidak menampilkan saran
