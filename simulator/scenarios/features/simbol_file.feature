# language: id
@sumber-hal-hal-yang-harus-diperhatikan @profil-spse-4.3-ca @aturan-hh-3
Fitur: Simbol terlarang pada nama file penawaran
  Konsep Operasional SPSE 4.3 CA, "Hal-hal yang harus diperhatikan": nama file tidak boleh memiliki karakter simbol
  / \ , : ' " + - ( ). Dokumen Konsep Operasional mencetak tanda kutip secara tipografis (‘ “) seperti Word, dan
  pengguna mengetik keduanya, jadi ‘ ’ “ ” juga ditolak (profil: filename.forbidden_chars).
  Setiap simbol diuji dengan file sungguhan di disk penyedia, kecuali "/": pada sistem berkas
  komputer penyedia "/" adalah pemisah folder, sehingga tidak ada file yang bernama demikian
  (nama "Harga/Final.pdf" berarti file "Final.pdf" di folder "Harga"). Untuk "/" diperiksa nama
  yang diketik pengguna melalui pemeriksaan SpamKodok yang sama (filecheck.name_problems).

  Latar Belakang:
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender
    Dan penyedia "CV Maju" siap mengunggah penawaran

  @KODOK-010
  Skenario konsep: Nama file dengan simbol <simbol> ditolak SpamKodok
    Ketika penyedia "CV Maju" mengunggah penawaran berisi file "<nama>"
    Maka SpamKodok menolak file dengan pesan "kodok.karakter_terlarang"
    Dan simbol yang disebut SpamKodok adalah "<simbol>"
    Dan tidak ada penawaran penyedia "CV Maju" yang tersimpan

    Contoh:
      | simbol | nama                      |
      | ,      | Penawaran Harga, Final.pdf |
      | :      | Penawaran Harga: Final.pdf |
      | '      | Penawaran Jum'at.pdf       |
      | "      | Penawaran "Final".pdf      |
      | +      | Penawaran Harga+PPN.pdf    |
      | -      | Penawaran Harga-Final.pdf  |
      | (      | Penawaran Harga (Final.pdf |
      | )      | Penawaran Harga Final).pdf |
      | \\     | Penawaran Harga\\Final.pdf |
      | ‘      | Penawaran ‘Final.pdf       |
      | ’      | Penawaran Jum’at.pdf       |
      | “      | Penawaran “Final.pdf       |
      | ”      | Penawaran Final”.pdf       |

  @KODOK-011
  Skenario: Nama file dengan garis miring "/" ditolak SpamKodok
    Ketika penyedia "CV Maju" mengetik nama file "Harga/Final.pdf" di SpamKodok
    Maka SpamKodok menolak nama file itu dengan pesan "kodok.karakter_terlarang"
    Dan simbol yang disebut SpamKodok adalah "/"
    Dan tidak ada penawaran penyedia "CV Maju" yang tersimpan
