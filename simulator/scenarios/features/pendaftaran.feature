# language: id
@profil-semua @sumber-prasyarat-penyedia @sumber-domain-alur-penyedia
Fitur: Pendaftaran penyedia dengan email, Lupa Password dan pilihan login
  Konsep Operasional SPSE 4.3 CA, "Prasyarat Penyedia" dan "Tahap Proses Aktivasi Sertifikat":
  penyedia harus sudah terdaftar/memiliki akun di LPSE. Di SPSE 4 pendaftaran dimulai dengan
  alamat email: LPSE mengirim email berisi tautan, formulir pendaftaran dibuka dari tautan itu,
  lalu akun menunggu verifikasi di LPSE. Tautan hanya dapat dipakai satu kali dan berlaku 1x24 jam
  (jam simulasi). Lupa Password berjalan dengan cara yang sama. Email dikirim melalui server
  SMTP LPSE ke kotak masuk penyedia.

  @KODOK-140 @aturan-akt-a-2
  Skenario: Pendaftaran dimulai dengan email dan dilanjutkan dari tautan di email
    Ketika calon penyedia "CV Baru" mendaftar dengan alamat emailnya
    Maka halaman menampilkan pesan "daftar.email_terkirim"
    Dan kotak masuk "CV Baru" menerima email "Konfirmasi Pendaftaran" berisi tautan
    Ketika penyedia "CV Baru" membuka tautan "Konfirmasi Pendaftaran" dari emailnya
    Dan penyedia "CV Baru" melengkapi formulir pendaftaran
    Maka halaman menampilkan pesan "registrasi.berhasil"
    Dan SPSE mencatat akun penyedia "CV Baru" dengan status "Menunggu verifikasi"

  @KODOK-141 @aturan-akt-a-2
  Skenario: Tautan pendaftaran yang kedaluwarsa ditolak
    Ketika calon penyedia "CV Lambat" telah mendaftar dengan alamat emailnya
    Dan waktu berjalan 25 jam
    Dan penyedia "CV Lambat" membuka tautan "Konfirmasi Pendaftaran" dari emailnya
    Maka halaman menampilkan pesan "tautan.kedaluwarsa"
    Dan SPSE tidak mencatat akun penyedia "CV Lambat"

  @KODOK-142 @aturan-akt-a-2
  Skenario: Tautan pendaftaran yang sudah dipakai tidak dapat dipakai lagi
    Ketika calon penyedia "CV Baru" telah mendaftar dengan alamat emailnya
    Dan penyedia "CV Baru" membuka tautan "Konfirmasi Pendaftaran" dari emailnya
    Dan penyedia "CV Baru" melengkapi formulir pendaftaran
    Dan penyedia "CV Baru" membuka tautan "Konfirmasi Pendaftaran" dari emailnya
    Maka halaman menampilkan pesan "tautan.sudah_dipakai"

  @KODOK-143 @aturan-akt-a-2
  Skenario: Lupa Password mengirim tautan ke email dan password lama tidak berlaku lagi
    Dengan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Ketika penyedia "CV Maju" memakai Lupa Password dan membuat password baru
    Maka halaman menampilkan pesan "lupa_password.berhasil"
    Dan kotak masuk "CV Maju" menerima email "Reset Password" berisi tautan
    Ketika penyedia "CV Maju" login dengan password lama
    Maka halaman menampilkan pesan "login.gagal"
    Ketika penyedia "CV Maju" login dengan password baru
    Maka penyedia "CV Maju" berada di beranda SPSE
    Ketika penyedia "CV Maju" membuka tautan "Reset Password" dari emailnya
    Maka halaman menampilkan pesan "tautan.sudah_dipakai"

  @KODOK-144 @aturan-akt-a-2
  Skenario: Penyedia yang memilih "Non Penyedia" di halaman login ditolak
    Dengan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Ketika penyedia "CV Maju" login dengan memilih "Non Penyedia"
    Maka halaman menampilkan pesan "login.bukan_non_penyedia"
