# language: id
@sumber-apa-yang-harus-dilakukan @profil-semua
Fitur: Melapor lewat LPSE Support, dan lewat email bila LPSE Support tidak dapat diakses
  Konsep Operasional SPSE 4.3 CA, "Apa yang harus dilakukan": dokumentasikan screenshot dan kronologi error di file
  Microsoft Word; login ke SPSE, klik Aplikasi e-Procurement Lainnya, masuk ke LPSE Support
  versi Production, buat tiket baru. Apabila tidak bisa login di LPSE Support, email ke LPSE
  beserta lampiran berwujud MS. Word. Semua urutan penanganan terlihat oleh penyedia pengirim,
  Helpdesk/verifikator/admin LPSE dan LKPP. Nama lampiran berisi path (..\..\) dikirim oleh
  browser atau aplikasi yang tidak membuang folder dari nama file.

  @KODOK-100 @aturan-apa-2 @aturan-apa-3 @aturan-ket-1 @aturan-ket-2
  Skenario: Tiket diikuti sampai selesai: Helpdesk LPSE, Helpdesk Eproc LKPP, Helpdesk Teknis LKPP, lalu feedback penyedia
    Dengan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Dan helpdesk LPSE "Hana" bertugas
    Dan helpdesk LKPP "Lina" bertugas
    Ketika penyedia "CV Maju" membuat tiket LPSE Support "Upload Dokumen Penawaran" dengan kronologi Word dan screenshot
    Maka halaman menampilkan pesan "support.tiket_dibuat"
    Dan tiket penyedia "CV Maju" berstatus "baru" dan ditangani "Helpdesk LPSE"
    Ketika "Hana" mengambil tiket penyedia "CV Maju"
    Dan "Hana" meneruskan tiket penyedia "CV Maju"
    Maka tiket penyedia "CV Maju" berstatus "diteruskan ke LKPP" dan ditangani "Helpdesk Eproc LKPP"
    Ketika "Lina" meneruskan tiket penyedia "CV Maju"
    Maka tiket penyedia "CV Maju" berstatus "diteruskan ke LKPP" dan ditangani "Helpdesk Teknis LKPP"
    Ketika "Lina" menyelesaikan tiket penyedia "CV Maju" dengan jawaban "Sertifikat diterbitkan ulang oleh BSrE, silakan unggah ulang penawaran."
    Dan penyedia "CV Maju" menilai tiketnya "selesai" dengan nilai 5
    Maka tiket penyedia "CV Maju" selesai dan ditutup dengan nilai 5
    Dan penyedia "CV Maju" melihat riwayat penanganan tiketnya:
      | oleh    | peran         | aksi                                 | status             |
      | CV Maju | Penyedia      | Tiket dibuat                         | baru               |
      | Hana    | Helpdesk LPSE | Tiket diambil                        | diproses           |
      | Hana    | Helpdesk LPSE | Diteruskan ke Helpdesk Eproc LKPP    | diteruskan ke LKPP |
      | Lina    | Helpdesk LKPP | Diteruskan ke Helpdesk Teknis LKPP   | diteruskan ke LKPP |
      | Lina    | Helpdesk LKPP | Diselesaikan                         | selesai            |
      | CV Maju | Penyedia      | Dinilai selesai (nilai 5)            | selesai            |

  @KODOK-101
  Skenario: Penilaian "tidak selesai" mengembalikan tiket kepada yang menyelesaikannya
    Dengan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Dan helpdesk LPSE "Hana" bertugas
    Dan penyedia "CV Maju" telah membuat tiket LPSE Support "Pendaftaran AMS / Sertifikat Elektronik"
    Dan "Hana" mengambil tiket penyedia "CV Maju"
    Dan "Hana" menyelesaikan tiket penyedia "CV Maju" dengan jawaban "Silakan ulangi pendaftaran AMS."
    Ketika penyedia "CV Maju" menilai tiketnya "tidak selesai" dengan nilai 1 dan alasan "Pendaftaran AMS tetap gagal."
    Maka halaman menampilkan pesan "support.dikembalikan"
    Dan tiket penyedia "CV Maju" berstatus "diproses" dan ditangani "Helpdesk LPSE" oleh "Hana"

  @KODOK-102 @aturan-apa-4
  Skenario: LPSE Support tidak dapat diakses, laporan dikirim lewat email dengan lampiran Word
    Dengan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Dan helpdesk LPSE "Hana" bertugas
    Dan LPSE Support sedang tidak dapat diakses
    Ketika penyedia "CV Maju" masuk ke LPSE Support melalui Aplikasi e-Procurement Lainnya
    Maka halaman menampilkan pesan "support.tidak_tersedia"
    Ketika penyedia "CV Maju" mengirim email laporan dengan kronologi Word ke alamat LPSE yang tertera
    Maka email laporan penyedia "CV Maju" diterima LPSE beserta lampiran Word-nya
    Dan helpdesk LPSE "Hana" melihat email laporan penyedia "CV Maju" di Kotak Masuk Email LPSE
    Dan tidak ada tiket LPSE Support yang tersimpan

  @KODOK-103
  Skenario: Penyedia tidak dapat membuka tiket penyedia lain
    Dengan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Dan penyedia "CV Lain" telah terdaftar dan diverifikasi
    Dan penyedia "CV Maju" telah membuat tiket LPSE Support "Upload Dokumen Penawaran"
    Ketika penyedia "CV Lain" membuka tiket penyedia "CV Maju" di LPSE Support
    Maka penyedia "CV Lain" ditolak dengan status 403 dan pesan "support.bukan_tiket_anda"
    Dan daftar tiket penyedia "CV Lain" tidak memuat tiket penyedia "CV Maju"
    Dan riwayat tiket penyedia "CV Maju" hanya berisi 1 catatan

  @KODOK-104
  Skenario konsep: Lampiran atau isian tiket yang tidak memenuhi syarat ditolak tanpa menyimpan apa pun
    Dengan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Ketika penyedia "CV Maju" mengirim tiket LPSE Support dengan deskripsi "<deskripsi>" dan lampiran "<lampiran>" berukuran <ukuran> KB
    Maka halaman menampilkan pesan "<pesan>"
    Dan tidak ada tiket LPSE Support yang tersimpan

    Contoh:
      | lampiran                     | ukuran | deskripsi               | pesan                   |
      | Kronologi Error.docx         | 6144   | Upload penawaran gagal. | support.lampiran_besar  |
      | Kronologi Error.exe          | 20     | Upload penawaran gagal. | support.lampiran_jenis  |
      | ..\\..\\Kronologi Error.docx | 20     | Upload penawaran gagal. | support.lampiran_nama   |
      | Kronologi Error.docx         | 20     | (kosong)                | support.deskripsi_wajib |

  @KODOK-145 @aturan-apa-3
  Skenario: Formulir tiket LPSE Support mencatat LPSE, Kode Error, Kode Tender dan Tipe Tiket
    Dengan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Ketika penyedia "CV Maju" membuat tiket LPSE Support bertipe "Permintaan Layanan" dengan kode error "ERR-UPLOAD-500" dan kode tender "10012345"
    Maka halaman menampilkan pesan "support.tiket_dibuat"
    Dan tiket penyedia "CV Maju" tercatat bertipe "Permintaan Layanan" dengan kode error "ERR-UPLOAD-500" dan kode tender "10012345" untuk LPSE ini
