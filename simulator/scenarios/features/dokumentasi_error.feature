# language: id
@sumber-apa-yang-harus-dilakukan @profil-semua
Fitur: Mendokumentasikan error di file Word dan mengidentifikasi masalah bersama di LPSE
  Konsep Operasional SPSE 4.3 CA, "Apa yang harus dilakukan": dokumentasikan screenshot error yang terjadi dan
  kronologinya di file Microsoft Word; jika diperlukan, datang langsung ke LPSE untuk
  identifikasi masalah bersama. File Word adalah laporan kronologi simulator
  (simulator.evidence.docx) dari langkah yang sudah terekam; helpdesk mengunduhnya dari tiket.

  Latar Belakang:
    Dengan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Dan helpdesk LPSE "Hana" bertugas

  @KODOK-120 @aturan-apa-1 @rekaman
  Skenario: Error didokumentasikan di file Word dan dilampirkan pada tiket; helpdesk membaca kronologi dan gambarnya
    Ketika penyedia "CV Maju" login dengan password salah
    Maka halaman menampilkan pesan "login.gagal"
    Ketika penyedia "CV Maju" mendokumentasikan screenshot dan kronologi error di file Word
    Dan penyedia "CV Maju" membuat tiket LPSE Support "Login dan ADP" dengan file Word kronologinya
    Maka halaman menampilkan pesan "support.tiket_dibuat"
    Dan helpdesk LPSE "Hana" mengunduh file Word tiket penyedia "CV Maju" berisi kronologi, gambar dan pesan "login.gagal"

  @KODOK-121 @aturan-apa-5
  Skenario: Penyedia datang langsung ke LPSE dan masalah diidentifikasi bersama helpdesk pada tiketnya
    Dengan penyedia "CV Maju" telah membuat tiket LPSE Support "Upload Dokumen Penawaran"
    Ketika penyedia "CV Maju" datang ke LPSE dan "Hana" membuka tiketnya bersama penyedia
    Dan "Hana" mencatat hasil identifikasi bersama pada tiket penyedia "CV Maju": "Diidentifikasi bersama di LPSE: nama file penawaran lebih dari 40 karakter."
    Maka tiket penyedia "CV Maju" berstatus "diproses" dan ditangani "Helpdesk LPSE" oleh "Hana"
    Dan penyedia "CV Maju" melihat catatan identifikasi bersama "Diidentifikasi bersama di LPSE: nama file penawaran lebih dari 40 karakter." dari "Hana" pada tiketnya
