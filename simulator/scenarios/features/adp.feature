# language: id
@profil-semua
Fitur: Agregasi Data Penyedia (ADP) dan aktivasi akun penyedia
  Konsep Operasional SPSE 4.3 CA, "Prasyarat Penyedia": penyedia harus sudah terdaftar di LPSE dan ADP-nya berjalan lancar.
  Catatan domain simulator: ADP diaktifkan sekali di LPSE asal, saat verifikator memverifikasi penyedia; sesudah
  itu akun yang sama dapat login di LPSE lain. ADP menolak User ID, email dan NPWP yang sudah
  terdaftar (NPWP sama di alamat lain adalah kantor cabang dan diperbolehkan). Yang berpindah
  hanya data identitas dan password (berupa hash); data kualifikasi tetap di tiap LPSE.
  LPSE asal dalam skenario ini adalah "LPSE Kota Surakarta". ADP berlaku untuk SPSE CA dan NON CA.

  @KODOK-040 @jalan-ui @sumber-prasyarat-penyedia @sumber-domain-alur-penyedia @aturan-akt-a-1 @aturan-io-1 @aturan-pra-2
  Skenario: Verifikasi penyedia gagal saat ADP tidak dapat dihubungi dan berhasil setelah pulih
    Dengan penyedia "CV Maju" telah mendaftar online
    Dan layanan ADP LKPP tidak dapat dihubungi
    Ketika verifikator memverifikasi penyedia "CV Maju"
    Maka halaman menampilkan pesan "adp.tidak_tersedia"
    Dan status penyedia "CV Maju" adalah "Menunggu verifikasi"
    Dan ADP tidak mencatat penyedia "CV Maju"
    Ketika layanan ADP LKPP kembali normal
    Dan verifikator memverifikasi penyedia "CV Maju"
    Maka halaman menampilkan pesan "verifikasi.berhasil"
    Dan status penyedia "CV Maju" adalah "Aktif"
    Dan ADP mencatat penyedia "CV Maju" dengan LPSE asal "LPSE Kota Surakarta"

  @KODOK-041 @sumber-domain-alur-penyedia @sumber-aktivasi-sertifikat-a @aturan-akt-a-2 @aturan-akt-b-2
  Skenario: Penyedia yang diverifikasi di LPSE asal dapat login di LPSE lain melalui ADP
    Dengan LPSE lain "LPSE Provinsi Jawa Tengah" memakai ADP yang sama
    Dan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Ketika penyedia "CV Maju" login di "LPSE Provinsi Jawa Tengah" dengan password salah
    Maka halaman menampilkan pesan "login.gagal"
    Dan di "LPSE Provinsi Jawa Tengah" tidak ada akun penyedia "CV Maju"
    Ketika penyedia "CV Maju" login di "LPSE Provinsi Jawa Tengah"
    Maka penyedia "CV Maju" masuk ke beranda penyedia "LPSE Provinsi Jawa Tengah"
    Dan di "LPSE Provinsi Jawa Tengah" penyedia "CV Maju" memiliki akun aktif dari LPSE asal "LPSE Kota Surakarta"

  @KODOK-042 @sumber-prasyarat-penyedia @sumber-domain-alur-penyedia @aturan-pra-2
  Skenario: Login di LPSE lain gagal saat ADP tidak dapat dihubungi dan berhasil setelah pulih
    Dengan LPSE lain "LPSE Provinsi Jawa Tengah" memakai ADP yang sama
    Dan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Dan layanan ADP LKPP tidak dapat dihubungi
    Ketika penyedia "CV Maju" login
    Maka penyedia "CV Maju" masuk ke beranda penyedia "LPSE Kota Surakarta"
    Ketika penyedia "CV Maju" login di "LPSE Provinsi Jawa Tengah"
    Maka halaman menampilkan pesan "login.adp_tidak_tersedia"
    Dan di "LPSE Provinsi Jawa Tengah" tidak ada akun penyedia "CV Maju"
    Ketika layanan ADP LKPP kembali normal
    Dan penyedia "CV Maju" login di "LPSE Provinsi Jawa Tengah"
    Maka penyedia "CV Maju" masuk ke beranda penyedia "LPSE Provinsi Jawa Tengah"
    Dan di "LPSE Provinsi Jawa Tengah" penyedia "CV Maju" memiliki akun aktif dari LPSE asal "LPSE Kota Surakarta"

  @KODOK-043 @sumber-domain-alur-penyedia @sumber-domain-kegagalan
  Skenario: User ID yang sudah aktif di ADP ditolak saat verifikasi di LPSE lain
    Dengan LPSE lain "LPSE Provinsi Jawa Tengah" memakai ADP yang sama
    Dan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Dan penyedia "CV Tiruan" telah mendaftar online di "LPSE Provinsi Jawa Tengah" dengan User ID yang sama dengan "CV Maju"
    Ketika verifikator memverifikasi penyedia "CV Tiruan"
    Maka halaman menampilkan pesan "adp.duplikat_user_id"
    Dan status penyedia "CV Tiruan" adalah "Menunggu verifikasi"
    Dan ADP tidak mencatat penyedia "CV Tiruan"
    Dan ADP mencatat penyedia "CV Maju" dengan LPSE asal "LPSE Kota Surakarta"

  @KODOK-044 @sumber-domain-alur-penyedia @sumber-domain-kegagalan
  Skenario: NPWP yang sudah aktif di ADP dengan alamat yang sama ditolak saat verifikasi di LPSE lain
    Dengan LPSE lain "LPSE Provinsi Jawa Tengah" memakai ADP yang sama
    Dan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Dan penyedia "CV Maju Kembar" telah mendaftar online di "LPSE Provinsi Jawa Tengah" dengan NPWP dan alamat yang sama dengan "CV Maju"
    Ketika verifikator memverifikasi penyedia "CV Maju Kembar"
    Maka halaman menampilkan pesan "adp.duplikat_npwp"
    Dan status penyedia "CV Maju Kembar" adalah "Menunggu verifikasi"
    Dan ADP tidak mencatat penyedia "CV Maju Kembar"

  @KODOK-045 @sumber-domain-alur-penyedia
  Skenario: NPWP yang sama di alamat lain diterima ADP sebagai kantor cabang
    Dengan penyedia "CV Maju" telah terdaftar dan diverifikasi
    Dan penyedia "CV Maju Cabang" telah mendaftar online di "LPSE Kota Surakarta" dengan NPWP yang sama dengan "CV Maju" di alamat lain
    Ketika verifikator memverifikasi penyedia "CV Maju Cabang"
    Maka halaman menampilkan pesan "verifikasi.berhasil"
    Dan status penyedia "CV Maju Cabang" adalah "Aktif"
    Dan ADP mencatat penyedia "CV Maju Cabang" dengan LPSE asal "LPSE Kota Surakarta"
    Dan ADP mencatat penyedia "CV Maju" dengan LPSE asal "LPSE Kota Surakarta"

  @KODOK-046 @jalan-ui @sumber-prasyarat-penyedia @sumber-domain-kegagalan @sumber-aktivasi-sertifikat-a @aturan-akt-a-1 @aturan-pra-1
  Skenario: Penyedia yang belum diverifikasi tidak dapat login, di LPSE asal maupun di LPSE lain
    Dengan LPSE lain "LPSE Provinsi Jawa Tengah" memakai ADP yang sama
    Dan penyedia "CV Maju" telah mendaftar online
    Ketika penyedia "CV Maju" login
    Maka halaman menampilkan pesan "login.belum_diverifikasi"
    Ketika penyedia "CV Maju" login di "LPSE Provinsi Jawa Tengah"
    Maka halaman menampilkan pesan "login.gagal"
    Dan di "LPSE Provinsi Jawa Tengah" tidak ada akun penyedia "CV Maju"
    Dan status penyedia "CV Maju" adalah "Menunggu verifikasi"
    Dan ADP tidak mencatat penyedia "CV Maju"
