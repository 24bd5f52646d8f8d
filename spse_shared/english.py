"""English for the texts people read, keyed by their Bahasa Indonesia source (see language.py).

Keys are the exact Indonesian texts handed to ``tr`` (with their ``{name}`` fields); a test
finds every literal ``tr`` call in the code and fails when its text has no entry here.
"""

from __future__ import annotations

from collections.abc import Mapping

from spse_shared.english_checks import CHECK_TEXTS
from spse_shared.english_pages import PAGE_TEXTS
from spse_shared.english_reports import REPORT_TEXTS

TEXTS: Mapping[str, str] = {
    **CHECK_TEXTS,
    **REPORT_TEXTS,
    **PAGE_TEXTS,
    # spse-sim: parser, help, errors ------------------------------------------------------------
    "Simulator alur kerja SPSE 4.3 CA: fake SPSE + SpamKodok 2.": (
        "SPSE 4.3 CA workflow simulator: a fake SPSE + SpamKodok 2."
    ),
    "argumen": "arguments",
    "opsi": "options",
    "perintah": "commands",
    "mode pelatih": "trainer mode",
    "mode QA (dengan id, --all atau -k)": "QA mode (with ids, --all or -k)",
    "cara pakai: ": "usage: ",
    "bawaan": "default",
    "tampilkan bantuan ini lalu keluar": "show this help and exit",
    "tampilkan versi lalu keluar": "show the version and exit",
    "(tidak terpasang)": "(not installed)",
    "bahasa semua keluaran: id (Bahasa Indonesia) atau en (English); juga ${env}": (
        "language of all output: id (Bahasa Indonesia) or en (English); also ${env}"
    ),
    "dihentikan oleh pengguna (Ctrl-C)": "stopped by the user (Ctrl-C)",
    "argumen tidak dikenal: {a}": "unrecognized arguments: {a}",
    "argumen berikut wajib diisi: {a}": "the following arguments are required: {a}",
    "argumen {a}: pilihan tidak sah: {b} (pilih dari {c})": (
        "argument {a}: invalid choice: {b} (choose from {c})"
    ),
    "argumen {a}: butuh satu nilai": "argument {a}: expected one value",
    "argumen {a}: nilai {c} tidak sah (harus {b})": "argument {a}: invalid value {c} (must be {b})",
    "argumen {a} tidak boleh bersama argumen {b}": "argument {a} is not allowed with argument {b}",
    "opsi {a} ambigu, bisa berarti {b}": "option {a} is ambiguous, it could mean {b}",
    "argumen {a}: {b}": "argument {a}: {b}",
    # commands
    "jalankan perjalanan CA (tanpa id) atau skenario katalog pada server bawaan": (
        "walk the CA journey (no ids) or catalog scenarios on the embedded server"
    ),
    "perjalanan yang dijalankan tanpa id: 'ca' (Tender Pascakualifikasi Satu File sampai "
    "pembukaan) atau 'seleksi' (Seleksi Prakualifikasi Dua File, Jasa Konsultansi, sampai "
    "pemenang)": (
        "the journey walked without ids: 'ca' (one-file postqualification Tender, up to the "
        "opening) or 'seleksi' (two-file prequalification Selection for consultancy, up to the "
        "winner)"
    ),
    "daftar katalog skenario": "list the scenario catalog",
    "pemeriksaan file SpamKodok sebelum unggah (keluar 1 jika ada yang ditolak)": (
        "SpamKodok's file checks before an upload (exit 1 if any file is refused)"
    ),
    "jalankan fake SPSE dengan pengguna demo dan satu paket tender": (
        "run the fake SPSE with demo users and one tender"
    ),
    "putar ulang satu skenario untuk kelas: berjendela, lambat, berketerangan, direkam": (
        "replay one scenario for a class: windowed, slow, captioned, recorded"
    ),
    "skenario mana yang berubah hasil atau pesannya antar-run (matriks regresi)": (
        "which scenarios changed status or messages between runs (regression matrix)"
    ),
    "gabungkan folder run dari 'run --shard I/N' menjadi satu run dan satu laporan": (
        "merge the run folders of 'run --shard I/N' into one run and one report"
    ),
    "tulis (ulang) report.html, coverage.html dan junit.xml sebuah run skenario dari "
    "outcomes.json-nya": (
        "(re)write a scenario run's report.html, coverage.html and junit.xml from its outcomes.json"
    ),
    "bangun ulang laporan Word (laporan-kronologi.docx) dari folder run": (
        "rebuild the Word report (laporan-kronologi.docx) from a run folder"
    ),
    "daftar tiket LPSE Support dari sebuah folder data": (
        "list the LPSE Support tickets of a data folder"
    ),
    "daftar email yang diterima server email LPSE": (
        "list the e-mails the LPSE mail server received"
    ),
    "PERINTAH": "COMMAND",
    # run
    "id skenario, misalnya KODOK-003": "scenario id, e.g. KODOK-003",
    "jalankan seluruh katalog skenario": "run the whole scenario catalog",
    "jalankan skenario yang namanya cocok dengan ekspresi -k pytest ini": (
        "run the scenarios whose names match this pytest -k expression"
    ),
    "jalankan skenario yang punya tag ini, seperti 'list --tag' (dapat diulang: semua harus ada)": (
        "run the scenarios with this tag, as 'list --tag' (repeatable: all must be present)"
    ),
    "folder berisi file .feature (bawaan: $SPSE_SIM_CATALOG, atau katalog yang terpasang "
    "bersama paket)": (
        "folder of .feature files (default: $SPSE_SIM_CATALOG, or the catalog installed with "
        "the package)"
    ),
    "profil SPSE yang dijalankan server bawaan": "SPSE profile the embedded server runs",
    "seed Faker untuk data uji": "Faker seed of the test data",
    "tampilkan jendela browser": "show the browser windows",
    "perlambat setiap aksi browser sebanyak MS milidetik": (
        "slow every browser action down by MS milliseconds"
    ),
    "folder keluaran, baru atau kosong (bawaan: folder baru di bawah --runs-dir)": (
        "output folder, new or empty (default: a new folder under --runs-dir)"
    ),
    "induk folder keluaran baru": "parent of new output folders",
    "tulis laporan Word juga ketika tidak ada yang gagal": (
        "write the Word report even when nothing failed"
    ),
    "jalankan skenario dalam N proses paralel (pytest-xdist; 'auto' = jumlah CPU + 1)": (
        "run scenarios in N parallel processes (pytest-xdist; 'auto' = CPUs + 1)"
    ),
    "ulangi skenario yang gagal hingga N kali; yang lolos kemudian dilaporkan flaky "
    "(dengan --artifacts on-first-retry, pengulangan pertama selalu terjadi dan merekam)": (
        "re-run failed scenarios up to N times; those that pass later are reported flaky "
        "(with --artifacts on-first-retry the first re-run always happens, and records)"
    ),
    "jalankan pada deployment lain (tanpa /_sim: skenario yang membutuhkannya N/A)": (
        "run against another deployment (no /_sim: scenarios that need it are N/A)"
    ),
    "tambahkan matriks regresi terhadap run sebelumnya ini ke laporan (dapat diulang)": (
        "add a regression matrix against this earlier run to the report (repeatable)"
    ),
    "trace Playwright dan tangkapan layar per langkah. on-first-retry: percobaan pertama tidak "
    "merekam (yang lolos tidak menanggung biaya rekaman); skenario atau perjalanan yang gagal "
    "dijalankan ulang sekali dengan rekaman lengkap, bukti lengkapnya ada di rerun-1/. "
    "on-failure: setiap percobaan merekam, yang gagal menyimpannya. always: simpan semuanya "
    "(--ticket dan --evidence menyimpan semua)": (
        "Playwright traces and per-step screenshots. on-first-retry: the first "
        "attempt records nothing (passes cost no recording); a failed scenario or journey is "
        "run once more with full recording, its complete evidence is in rerun-1/. on-failure: "
        "every attempt records, failed ones keep it. always: keep everything (--ticket and "
        "--evidence keep everything)"
    ),
    "langkah gagal": "a step failed",
    "perjalanan gagal: {error}. Menjalankan ulang sekali dengan rekaman lengkap (trace, "
    "tangkapan layar per langkah), bukti di {folder}": (
        "the journey failed: {error}. Walking it once more with full recording (traces, "
        "per-step screenshots), evidence in {folder}"
    ),
    "perjalanan FLAKY: gagal lalu lolos saat diulang ({n} langkah); kegagalan pertama: "
    "{error}. Keluaran: {output}": (
        "journey FLAKY: failed, then passed when walked again ({n} steps); first failure: "
        "{error}. Output: {output}"
    ),
    "menjalankan ulang {n} skenario yang gagal dengan rekaman lengkap (trace, tangkapan layar "
    "per langkah), bukti di {folder}": (
        "re-running {n} failed scenarios with full recording (traces, per-step screenshots), "
        "evidence in {folder}"
    ),
    "menjalankan ulang {n} skenario yang gagal, di {folder}": (
        "re-running {n} failed scenarios, in {folder}"
    ),
    "jalankan bagian I dari N skenario yang dipilih (bagian dengan jumlah langkah setara), "
    "untuk matriks CI; gabungkan hasilnya dengan 'spse-sim merge'": (
        "run part I of N of the selected scenarios (parts of equal steps), for a CI matrix; "
        "join the results with 'spse-sim merge'"
    ),
    "setelah skenario, setiap penyedia yang menemui error membuat tiket LPSE Support": (
        "after the scenarios, every vendor who met an error files an LPSE Support ticket"
    ),
    # list
    "hanya skenario dengan tag ini (dapat diulang)": "only scenarios with this tag (repeatable)",
    "hanya skenario yang berlaku untuk profil ini": "only scenarios that apply to this profile",
    "tampilkan aturan Konsep Operasional SPSE 4.3 CA dan skenario yang mereproduksinya": (
        "show the rules of the Konsep Operasional SPSE 4.3 CA and the scenarios reproducing them"
    ),
    # check-file
    "file yang diperiksa": "files to check",
    "profil yang aturan nama filenya berlaku": "profile whose file-name rules apply",
    "anggap folder ini flashdisk (selain yang dikenali sistem operasi)": (
        "treat this folder as a flash drive (besides those the operating system reports)"
    ),
    # serve
    "tempat server menyimpan datanya": "where the server keeps its data",
    "profil SPSE yang dilayani": "SPSE profile served",
    "alamat yang didengarkan": "address to listen on",
    "port yang didengarkan": "port to listen on",
    "seed Faker untuk data demo": "Faker seed of the demo data",
    "sesi login tidak pernah berakhir (bawaan: berakhir seperti SPSE, {idle} menit tanpa "
    "aktivitas atau {absolute} jam sejak login, menurut jam simulasi)": (
        "login sessions never end (default: they end as SPSE's do, after {idle} minutes "
        "without activity or {absolute} hours after login, on the simulated clock)"
    ),
    "isi LPSE yang realistis: belasan penyedia dalam berbagai keadaan, tender di setiap tahap": (
        "seed a realistic LPSE: a dozen vendors in different states, tenders at every stage"
    ),
    "/_sim dan /_sim/panel butuh token ini ('auto': token baru; bawaan: ${env})": (
        "/_sim and /_sim/panel need this token ('auto': a new token; default: ${env})"
    ),
    # replay
    "tanpa jendela browser (dengan --video: hanya merekam)": (
        "no browser window (with --video: record only)"
    ),
    "tahan browser pada kegagalan sampai Enter ditekan di terminal ini": (
        "hold the browser at the failure until Enter is pressed in this terminal"
    ),
    "rekam setiap jendela browser ke <output>/video, dengan index.html yang memutar semua "
    "video berdampingan bersama garis waktu keterangan": (
        "record every browser window into <output>/video, with an index.html playing all "
        "videos side by side with the caption timeline"
    ),
    "dengan --video: gabungkan juga semua video menjadi satu putar-ulang.mp4 (butuh ffmpeg)": (
        "with --video: also join all videos into one putar-ulang.mp4 (needs ffmpeg)"
    ),
    # compare, merge, report, evidence, tickets, mail
    "Membandingkan setiap run dengan yang pertama: perubahan status ('hasil'), pesan yang "
    "diharapkan atau teramati yang berubah ('pesan'), skenario yang hanya ada di satu run "
    "('baru', 'hilang'). Keluar 1 bila ada yang berubah.": (
        "Compares every run with the first: status changes ('outcome'), expected or observed "
        "messages that changed ('message'), scenarios present in one run only ('added', "
        "'removed'). Exits 1 when anything changed."
    ),
    "folder run skenario, yang terlama dahulu": "scenario run folders, oldest first",
    "tulis halaman matriks di sini (bawaan: RUN_TERAKHIR/compare.html)": (
        "write the matrix page here (default: LAST_RUN/compare.html)"
    ),
    "tampilkan juga skenario yang tidak berubah": "show unchanged scenarios too",
    "Seperti 'merge-reports' Playwright: outcomes.json, junit.xml, run.json, index.json dan "
    "report.html gabungan di OUT; folder setiap shard disalin ke OUT/shards/. Keluar 1 bila "
    "ada yang gagal atau shard kurang.": (
        "Like Playwright's 'merge-reports': merged outcomes.json, junit.xml, run.json, "
        "index.json and report.html in OUT; each shard's folder is copied to OUT/shards/. "
        "Exits 1 when anything failed or a shard is missing."
    ),
    "folder run gabungan (baru atau kosong)": "merged run folder (new or empty)",
    "folder run setiap shard": "each shard's run folder",
    "tautan keras (hard link) alih-alih salinan": "hard links instead of copies",
    "folder run skenario": "scenario run folder",
    "tambahkan matriks regresi terhadap run sebelumnya ini (dapat diulang)": (
        "add a regression matrix against this earlier run (repeatable)"
    ),
    "RUN_DIR adalah folder run perjalanan, folder satu skenario, atau run skenario (maka "
    "laporan setiap skenario dibangun ulang, atau hanya yang gagal dengan --failed).": (
        "RUN_DIR is a journey run folder, one scenario's folder, or a scenario run (then every "
        "scenario's report is rebuilt, or only the failed ones with --failed)."
    ),
    "folder run atau skenario": "run or scenario folder",
    "tempat menulis .docx (hanya untuk satu folder)": "where to write the .docx (one folder only)",
    "run skenario: hanya skenario yang gagal": "scenario run: failed scenarios only",
    "folder data server atau folder run": "server data folder or run folder",
    "cetak setiap tiket sebagai JSON": "print every ticket as JSON",
    "cetak juga riwayat penanganan setiap tiket": "print every ticket's handling history too",
    "cetak setiap pesan sebagai JSON": "print every message as JSON",
    # rush, list --rules, mail --penyedia
    "simulasikan ratusan penyedia mengunggah penawaran menjelang batas waktu (Locust)": (
        "simulate hundreds of vendors uploading offers just before the deadline (Locust)"
    ),
    "Ratusan penyedia mengunggah penawaran pada menit terakhir sebelum batas waktu. "
    "Bawaannya seluruh rush di mesin ini: fake SPSE di proses anak, dunia disiapkan "
    "lewat /_sim, penawaran disegel di proses paralel, Locust tanpa tampilan di proses "
    "ini, beberapa penyedia di Chromium, lalu putusan dari keadaan server sendiri "
    "(verdict.json, report.html, HTML dan CSV Locust di folder run). --kill-at mematikan "
    "server (kill -9) di tengah rush lalu menjalankannya lagi. --siapkan-saja dan "
    "--nilai-saja adalah langkah pertama dan terakhir rush yang dijalankan master/worker "
    'Locust di beberapa mesin (README, "Deadline rush").': (
        "Hundreds of vendors uploading offers in the last minute before the deadline. By "
        "default the whole rush on this machine: a fake SPSE in a child process, the world "
        "arranged through /_sim, offers sealed in parallel processes, Locust headless in this "
        "process, a few vendors in Chromium, then the verdict from the server's own state "
        "(verdict.json, report.html, Locust's HTML and CSV in the run folder). --kill-at kills "
        "the server (kill -9) mid-rush and starts it again. --siapkan-saja and --nilai-saja are "
        "the first and last step of a rush run by Locust's own master/workers across machines "
        '(README, "Deadline rush").'
    ),
    "jumlah penyedia": "number of vendors",
    "ukuran dokumen penawaran: 5MiB, rentang 1MiB-5MiB, atau bobot 200KiB:3,5MiB:1": (
        "offer document size: 5MiB, a range 1MiB-5MiB, or weights 200KiB:3,5MiB:1"
    ),
    "para penyedia mulai dalam sekian detik terakhir sebelum batas waktu": (
        "the vendors start within this many last seconds before the deadline"
    ),
    "penyedia nyata di Chromium yang menjalani halaman unggah selama rush": (
        "real vendors in Chromium who go through the upload page during the rush"
    ),
    "proses paralel untuk menyegel penawaran": "parallel processes sealing the offers",
    "matikan server (kill -9) sekian detik setelah rush dimulai, lalu jalankan lagi": (
        "kill the server (kill -9) this many seconds after the rush starts, then start it again"
    ),
    "profil SPSE": "SPSE profile",
    "mode terdistribusi (Locust master/worker)": "distributed mode (Locust master/workers)",
    "hanya siapkan dunia dan rencana di server --base-url, tanpa menjalankan Locust": (
        "only arrange the world and the plan on the --base-url server, without running Locust"
    ),
    "SPSE lain, mis. http://host:8080/eproc4 (butuh /_sim)": (
        "another SPSE, e.g. http://host:8080/eproc4 (needs /_sim)"
    ),
    "token /_sim server itu (bawaan: $SPSE_SIM_TOKEN)": (
        "that server's /_sim token (default: $SPSE_SIM_TOKEN)"
    ),
    "hanya hitung putusan dari folder rencana dan log klien yang dikumpulkan": (
        "only work out the verdict from the plan folder and the collected client logs"
    ),
    "folder data server (untuk --nilai-saja)": "server data folder (for --nilai-saja)",
    "tampilkan butir Konsep Operasional SPSE 4.3 CA, cara masing-masing direproduksi "
    "dan skenarionya": (
        "show the items of the Konsep Operasional SPSE 4.3 CA (operational concept), how each "
        "is reproduced, and its scenarios"
    ),
    "email yang dikirim SPSE ke penyedia (tautan pendaftaran, Lupa Password); "
    "dengan ALAMAT hanya kotak masuk alamat itu": (
        "e-mails SPSE sent to vendors (registration links, Lupa Password); with ALAMAT only "
        "that address's inbox"
    ),
    # spse-sim: messages ------------------------------------------------------------------------
    "DITOLAK": "REFUSED",
    "compare butuh sedikitnya dua folder run": "compare needs at least two run folders",
    "compare butuh sedikitnya dua run": "compare needs at least two runs",
    "gagal mengakses berkas {where}{reason}": "cannot access the file {where}{reason}",
    "tidak ada izin": "permission denied",
    "sistem berkas hanya-baca": "read-only file system",
    "tidak ditemukan atau tidak dapat dibuat di sana": "not found, or cannot be created there",
    "bagian dari jalurnya bukan folder": "part of its path is not a folder",
    "sudah ada dan bukan folder": "already exists and is not a folder",
    "berupa folder": "is a folder",
    "disk penuh": "disk full",
    "{path}: folder tidak ada": "{path}: no such folder",
    "--output hanya untuk satu folder": "--output is for one folder only",
    "--output {path}: folder sudah berisi file; pilih folder baru atau yang kosong (atau tanpa "
    "--output: folder baru di bawah --runs-dir)": (
        "--output {path}: the folder already holds files; choose a new or empty folder (or no "
        "--output: a new folder under --runs-dir)"
    ),
    "Sumber: bagian dari {doc}; bertanda * dari {notes}.": (
        "Source: sections of the {doc}; marked * from the {notes}."
    ),
    "Catatan domain simulator": "simulator's domain notes",
    "{n} skenario": "{n} scenarios",
    "profil": "profile",
    "sumber": "source",
    "judul": "title",
    "{n} email": "{n} e-mails",
    "diterima": "received",
    "dari": "from",
    "dari/untuk": "from/to",
    "subjek": "subject",
    "lampiran": "attachments",
    "Run gabungan {run} dari {shards}": "Merged run {run} from {shards}",
    "shard {shards} dihentikan (Ctrl-C) sebelum selesai": (
        "shard {shards} was stopped (Ctrl-C) before it ended"
    ),
    "run gabungan tidak lengkap: shard {missing} tidak ada": (
        "the merged run is incomplete: shard {missing} is missing"
    ),
    "tidak dapat menggabungkan: {reason}": "cannot merge: {reason}",
    "{option} butuh layar, tetapi {why}: jalankan tanpa {option} (browser berjalan tanpa "
    "jendela), atau dari sesi desktop komputer ini": (
        "{option} needs a screen, but {why}: run without {option} (the browser runs without "
        "windows), or from this computer's desktop session"
    ),
    "{option} {path}: folder tidak dapat ditulis ({reason})": (
        "{option} {path}: cannot write to the folder ({reason})"
    ),
    "tidak dapat menghubungi URL {url}: {reason}": "cannot reach the URL {url}: {reason}",
    "{n} tiket": "{n} tickets",
    "nomor": "number",
    "penyedia": "vendor",
    "kategori": "category",
    "perubahan terakhir": "last change",
    "oleh": "by",
    "tidak ada folder run untuk digabung": "no run folders to merge",
    "shard {shard} diberikan dua kali: {folders}": "shard {shard} given twice: {folders}",
    "shard dari pembagian yang berbeda ({shards}): semua shard harus bagian I/N dari N yang "
    "sama": "shards of different splits ({shards}): every shard must be an I/N of the same N",
    "tanpa --shard": "without --shard",
    "shard dari pilihan yang berbeda ({option}: {values}): jalankan setiap shard dengan "
    "pilihan yang sama": (
        "shards of different selections ({option}: {values}): run every shard with the same "
        "selection"
    ),
    "{path}: bukan daftar hasil skenario": "{path}: not a list of scenario results",
    "{path}: daftar skenario yang terhenti (unfinished) rusak": (
        "{path}: the list of scenarios cut off (unfinished) is damaged"
    ),
    "{path}: hasil skenario ke-{n} tidak lengkap atau rusak": (
        "{path}: scenario result {n} is incomplete or damaged"
    ),
    "{path}: {found} hasil skenario, tetapi {manifest} mencatat {counted}: folder run tidak "
    "utuh": "{path}: {found} scenario results, but {manifest} records {counted}: the run folder "
    "is not whole",
    "{path}: tidak dapat disalin: {reason}": "{path}: cannot be copied: {reason}",
    "{path}: bukan folder berisi file .feature": "{path}: not a folder of .feature files",
    "{path}: tidak ada skenario yang gagal": "{path}: no scenario failed",
    "{path}: bukan folder": "{path}: not a folder",
    "{where}: bukan Gherkin yang benar: {why}": "{where}: not valid Gherkin: {why}",
    "{path}: ada file .feature yang bukan teks UTF-8": (
        "{path}: a .feature file in it is not UTF-8 text"
    ),
    "{where} harus punya tepat satu tag @KODOK-NNN, ada {ids}": (
        "{where} must have exactly one @KODOK-NNN tag, it has {ids}"
    ),
    "{where} harus punya tag @profil-...": "{where} must have a @profil-... tag",
    "{where} harus punya tag @sumber-... dari {sources}; salah: {unknown}": (
        "{where} must have a @sumber-... tag from {sources}; wrong: {unknown}"
    ),
    "{where} menyebut aturan yang tidak dikenal {rules}": "{where} cites unknown rules {rules}",
    "{id} dipakai dua kali ({file})": "{id} is used twice ({file})",
    "penyegelan penawaran gagal: {failures}": "sealing the offers failed: {failures}",
    "server fake SPSE berhenti saat dijalankan (kode {code}); lihat {log}": (
        "the fake SPSE server stopped while running (code {code}); see {log}"
    ),
    "server fake SPSE tidak menjawab dalam {seconds} detik": (
        "the fake SPSE server did not answer within {seconds} seconds"
    ),
    "folder data server tidak berisi {name}: {path}": (
        "the server's data folder holds no {name}: {path}"
    ),
    "${env}={value!r} bukan bahasa yang dikenal ({languages}): memakai Bahasa Indonesia": (
        "${env}={value!r} is no language this tool speaks ({languages}): using Bahasa Indonesia"
    ),
    "Chromium tidak ditemukan. Unduh Chromium milik Playwright dengan `playwright install "
    "chromium` (di proyek ini: `.venv/bin/playwright install chromium`), pasang Chromium "
    "sistem (misalnya `apt-get install chromium` di Debian), atau isi {var} dengan jalur "
    "program Chromium/Chrome.": (
        "No Chromium found. Either download Playwright's Chromium with `playwright install "
        "chromium` (in this project: `.venv/bin/playwright install chromium`), or install a "
        "system Chromium (e.g. `apt-get install chromium` on Debian), or set {var} to the path "
        "of a Chromium/Chrome executable."
    ),
    "{var} menunjuk ke {path!r}, yang bukan program yang ada; perbaiki atau kosongkan.": (
        "{var} points to {path!r}, which is not an existing executable file. Fix or unset it."
    ),
    "{folder}: tidak ada {index} atau {chronology}: bukan folder run": (
        "{folder}: no {index} or {chronology}: not a run folder"
    ),
    "{folder} adalah run skenario: berikan salah satu folder skenarionya (tercantum di "
    "{index})": "{folder} is a scenario run: pass one of its scenario folders (listed in {index})",
    "{path}: tidak ada skenario yang selesai": "{path}: no scenario finished",
    "harus 0 atau lebih milidetik: {text!r}": "must be 0 or more milliseconds: {text!r}",
    "--output {path}: folder sedang dipakai run lain; pilih yang lain": (
        "--output {path}: another run is using the folder; choose another one"
    ),
    "katalog skenario tidak ditemukan: berikan --catalog DIR atau isi SPSE_SIM_CATALOG dengan "
    "folder berisi file .feature": (
        "no scenario catalog found: pass --catalog DIR or set SPSE_SIM_CATALOG to the folder "
        "holding the .feature files"
    ),
    "id skenario tidak dikenal: {ids}": "unknown scenario ids: {ids}",
    "shard harus berbentuk I/N, misalnya 1/3, bukan {text!r}": (
        "a shard is I/N, e.g. 1/3, not {text!r}"
    ),
    "shard {text!r}: harus 1 <= I <= N": "shard {text!r}: needs 1 <= I <= N",
    # Word report ---------------------------------------------------------------------------------
    "Laporan Kronologi Error": "Error Chronology Report",
    "Laporan Kronologi Pengujian": "Test Chronology Report",
    "1. Identitas": "1. Identity",
    "2. Ringkasan Masalah": "2. Summary of the Problem",
    "3. Yang Diharapkan dan Yang Terjadi": "3. Expected and Observed",
    "4. Kronologi": "4. Chronology",
    "5. Tangkapan Layar": "5. Screenshots",
    "6. Catatan Server": "6. Server Log",
    "7. Gangguan yang Disimulasikan": "7. Simulated Faults",
    "8. Isi Folder Bukti": "8. Contents of the Evidence Folder",
    "Penyedia": "Vendor",
    "Paket tender (kode – nama)": "Tender package (code – name)",
    "Profil SPSE": "SPSE profile",
    "Versi SPSE": "SPSE version",
    "Subjek sertifikat elektronik": "Electronic certificate subject",
    "Skenario": "Scenario",
    "Fitur": "Feature",
    "Hasil": "Result",
    "GAGAL": "FAILED",
    "BERHASIL": "PASSED",
    "Laporan dibuat": "Report written",
    "Folder bukti": "Evidence folder",
    "Keterangan": "Item",
    "Isi": "Value",
    "Semua {total} langkah berhasil; tidak ada error.": "All {total} steps succeeded; no error.",
    " pada langkah {n} dari {total} ({title})": " at step {n} of {total} ({title})",
    "Penyedia menemui error{where}. Error ini memang yang diharapkan skenario: semua {total} "
    "langkah berjalan sesuai harapan.": (
        "The vendor met an error{where}. It is the error the scenario expects: all {total} steps "
        "went as expected."
    ),
    "Pesan error yang tampil (persis seperti di layar):": (
        "The error message shown (exactly as on the screen):"
    ),
    "Gagal pada langkah {n} dari {total}: {title} (pelaku: {actor}, waktu simulasi {time}).": (
        "Failed at step {n} of {total}: {title} (actor: {actor}, simulated time {time})."
    ),
    "Pengujian gagal sebelum langkah pertama selesai.": (
        "The test failed before its first step ended."
    ),
    "Tidak ada pesan error yang tampil di halaman.": "No error message was shown on the page.",
    "Catatan teknis simulator: ": "Simulator's technical note: ",
    "Sesuai": "Matches",
    "Tidak sesuai": "Does not match",
    "Langkah {n}": "Step {n}",
    "Langkah selesai tanpa error: {title}": "The step ends without error: {title}",
    "Tidak ada pemeriksaan yang tercatat; semua langkah berhasil.": (
        "No checks were recorded; all steps succeeded."
    ),
    "Pemeriksaan": "Check",
    "Yang diharapkan": "Expected",
    "Yang terjadi": "Observed",
    "Waktu simulasi: jam server SPSE (simulasi), WIB. Waktu nyata: jam komputer penguji, WIB.": (
        "Simulated time: the SPSE server's (simulated) clock, WIB. Real time: the tester's "
        "computer clock, WIB."
    ),
    "No": "No",
    "Waktu (simulasi, WIB)": "Time (simulated, WIB)",
    "Waktu nyata": "Real time",
    "Pelaku": "Actor",
    "Halaman": "Page",
    "Langkah": "Step",
    "Berhasil": "Succeeded",
    "Gagal": "Failed",
    "Terhenti": "Stopped",
    "saat gagal": "at the failure",
    "setelah langkah": "after the step",
    "Waktu simulasi {time}.": "Simulated time {time}.",
    "Gambar {{n}}. Langkah {step} ({moment}): {title}. Halaman: {page}{owner}. {when} Hasil: "
    "{outcome}.": (
        "Figure {{n}}. Step {step} ({moment}): {title}. Page: {page}{owner}. {when} Result: "
        "{outcome}."
    ),
    " (layar {owner})": " (screen of {owner})",
    "Gambar {{n}}. Langkah {step} ({moment}): layar {desk} pada saat yang sama. {when}": (
        "Figure {{n}}. Step {step} ({moment}): the screen of {desk} at the same moment. {when}"
    ),
    "Tangkapan layar skenario yang lolos tidak disimpan. Jalankan ulang dengan spse-sim run ID "
    "--artifacts always untuk menyimpannya.": (
        "Screenshots of passed scenarios are not kept. Run it again with spse-sim run ID "
        "--artifacts always to keep them."
    ),
    "Tidak ada tangkapan layar dalam folder ini.": "There are no screenshots in this folder.",
    "Log server tidak tersedia.": "The server log is not available.",
    "Log lengkap: server-log.jsonl ({requests} permintaan). Permintaan yang gagal (HTTP "
    "4xx/5xx): {failed}. ID Permintaan juga ada di header X-Request-Id setiap jawaban server, "
    "di trace Playwright, dan di halaman error.": (
        "Full log: server-log.jsonl ({requests} requests). Failed requests (HTTP 4xx/5xx): "
        "{failed}. The request ID is also in the X-Request-Id header of every server answer, in "
        "the Playwright trace and on the error page."
    ),
    "ID Permintaan": "Request ID",
    "Pengguna": "User",
    "Permintaan": "Request",
    "Status": "Status",
    "Durasi": "Duration",
    "Tidak ada gangguan yang aktif selama pengujian ini.": "No fault was active during this test.",
    "Gangguan": "Fault",
    "Detail": "Detail",
    "{t}: trace Playwright, buka dengan: playwright show-trace {t}": (
        "{t}: Playwright trace, open it with: playwright show-trace {t}"
    ),
    "chronology.json: kronologi lengkap (JSON)": "chronology.json: the full chronology (JSON)",
    "server-log.jsonl: log permintaan server (satu objek JSON per baris)": (
        "server-log.jsonl: the server's request log (one JSON object per line)"
    ),
    "faults-fired.json: gangguan yang aktif": "faults-fired.json: the faults that fired",
    "screenshots/: semua tangkapan layar (PNG)": "screenshots/: every screenshot (PNG)",
    "Simulator (jam SPSE)": "Simulator (SPSE clock)",
    "Kode: {codes}": "Code: {codes}",
    # fault switches (trainer panel, Word report) ------------------------------------------------
    "CA BSrE tidak dapat dihubungi: pendaftaran AMS dan penerbitan sertifikat gagal.": (
        "The BSrE CA cannot be reached: AMS registration and certificate issuance fail."
    ),
    "BSrE menerbitkan sertifikat berikutnya dengan masa berlaku validity_days hari saja (untuk "
    "membuat sertifikat yang segera kedaluwarsa).": (
        "BSrE issues the next certificate valid for validity_days days only (to make a "
        "certificate that expires soon)."
    ),
    "Layanan ADP LKPP tidak dapat dihubungi: aktivasi ADP dan login lintas LPSE gagal.": (
        "LKPP's ADP service cannot be reached: ADP activation and logins across LPSEs fail."
    ),
    "Login ke LPSE Support gagal.": "Signing in to LPSE Support fails.",
    "Server memutus koneksi di tengah unggahan dokumen penawaran berikutnya (setelah "
    "after_bytes byte).": (
        "The server cuts the connection in the middle of the next offer upload (after "
        "after_bytes bytes)."
    ),
    "Server membaca unggahan dokumen penawaran dengan lambat (jeda delay_ms milidetik per "
    "potongan).": (
        "The server reads offer uploads slowly (a pause of delay_ms milliseconds per chunk)."
    ),
    "Unggahan dokumen penawaran berikutnya berakhir di halaman error SPSE.": (
        "The next offer upload ends on SPSE's error page."
    ),
    "Unggahan dokumen penawaran lambat: jeda delay_ms milidetik nyata per potongan, "
    "dan/atau unggahan berikutnya memakan duration_s detik waktu SPSE (jam simulasi), "
    "sehingga unggahan yang dimulai sebelum batas akhir dapat selesai sesudahnya.": (
        "Slow offer uploads: a real pause of delay_ms milliseconds per chunk, and/or the next "
        "upload takes duration_s seconds of SPSE time (the simulated clock), so that an upload "
        "started before the deadline can finish after it."
    ),
    "Pengiriman sanggahan berikutnya berakhir di halaman error SPSE.": (
        "Sending the next objection (sanggah) ends on SPSE's error page."
    ),
    # trainer panel -------------------------------------------------------------------------------
    "Panel Pelatih": "Trainer Panel",
    "Buka SPSE": "Open SPSE",
    "Jam simulasi": "Simulated clock",
    "Waktu server SPSE:": "SPSE server time:",
    "dibekukan": "frozen",
    "berjalan": "running",
    "+1 jam": "+1 hour",
    "+1 hari": "+1 day",
    "Bekukan waktu": "Freeze time",
    "Jalankan waktu": "Run time",
    "Paket tender": "Tender package",
    "Tahap": "Stage",
    "Ke {point}": "To {point}",
    "awal tahap": "the stage's start",
    "5 menit sebelum batas akhir": "5 minutes before the deadline",
    "batas akhir": "the deadline",
    "Belum ada paket tender.": "No tender packages yet.",
    "Setiap saklar berlaku pada permintaan berikutnya ke server, tanpa restart.": (
        "Every switch applies to the next request to the server, without a restart."
    ),
    "Aktif": "On",
    "Nonaktif": "Off",
    "Berapa kali": "How many times",
    "sampai dimatikan": "until switched off",
    "Hanya untuk user ID": "Only for user ID",
    "semua user": "all users",
    "Log gangguan yang terjadi": "Log of the faults that fired",
    "Waktu simulasi": "Simulated time",
    "Belum ada gangguan yang terjadi.": "No fault has fired yet.",
    "Daftar paket tender": "Tender packages",
    "Kode": "Code",
    "Nama paket": "Package name",
    "Tahap saat ini": "Current stage",
    "Akses ditolak": "Access refused",
    "Panel pelatih hanya dapat dibuka dari komputer yang menjalankan server (alamat lokal), atau "
    "dengan token kontrol: buka /_sim/panel?token=TOKEN sekali, lalu panel dapat dipakai di "
    "browser tersebut.": (
        "The trainer panel only opens on the computer running the server (a local address), or "
        "with the control token: open /_sim/panel?token=TOKEN once, then the panel works in that "
        "browser."
    ),
    "CA BSrE tidak dapat dihubungi": "BSrE CA unreachable",
    "Sertifikat berikutnya berumur pendek": "Next certificate short-lived",
    "ADP LKPP tidak dapat dihubungi": "LKPP's ADP unreachable",
    "LPSE Support tidak dapat diakses": "LPSE Support unreachable",
    "Unggahan penawaran terputus": "Offer upload cut",
    "Unggahan penawaran lambat": "Offer upload slow",
    "Unggahan penawaran berikutnya gagal": "Next offer upload fails",
    "Pengiriman sanggahan berikutnya gagal": "Next objection (sanggah) fails",
    "Jeda per potongan (milidetik)": "Pause per chunk (milliseconds)",
    "Lama unggahan menurut waktu SPSE (detik)": "Upload duration in SPSE time (seconds)",
    "Putus setelah (byte)": "Cut after (bytes)",
    "Masa berlaku (hari)": "Validity (days)",
    "{title}: dinyalakan ({scope}{who}). Berlaku pada permintaan berikutnya.": (
        "{title}: switched on ({scope}{who}). It applies from the next request."
    ),
    "{title}: dimatikan. Layanan kembali normal pada permintaan berikutnya.": (
        "{title}: switched off. The service is back to normal from the next request."
    ),
    "Waktu simulasi: {time} ({state}).": "Simulated time: {time} ({state}).",
    "Gangguan aktif ({scope}{who})": "Fault on ({scope}{who})",
    "untuk {n} kali berikutnya": "for the next {n} times",
    ", hanya untuk user {actor}": ", only for user {actor}",
    "{n} kali lagi": "{n} more times",
    ", hanya user {actor}": ", user {actor} only",
    "Normal": "Normal",
    "Pilih awal tahap atau batas akhir tahap.": "Choose the stage's start or its deadline.",
    "Isian 'Berapa kali' harus bilangan bulat 1 atau lebih, atau kosong (sampai dimatikan).": (
        "'How many times' must be a whole number of 1 or more, or empty (until switched off)."
    ),
    "Gangguan tidak dikenal.": "Unknown fault.",
    "Aksi gangguan tidak dikenal.": "Unknown fault action.",
    "Isian '{label}' harus bilangan bulat 0 sampai {limit}.": (
        "'{label}' must be a whole number from 0 to {limit}."
    ),
    "Pilih paket tender yang ada.": "Choose an existing tender package.",
    "Pilih tahap dari jadwal tender.": "Choose a stage of the tender's schedule.",
    "Formulir panel tidak sah. Muat ulang panel.": "Invalid panel form. Reload the panel.",
    "Aksi waktu tidak dikenal.": "Unknown clock action.",
    # the CA journey (spse-sim run) ---------------------------------------------------------------
    "Penyedia mendaftar dengan email": "The vendor registers with an e-mail address",
    "Penyedia membuka tautan pendaftaran dari email": (
        "The vendor opens the registration link from the e-mail"
    ),
    "Penyedia melengkapi formulir pendaftaran": "The vendor completes the registration form",
    "Verifikator memverifikasi penyedia": "The verifier verifies the vendor",
    "Penyedia mendaftar sertifikat elektronik (AMS)": (
        "The vendor requests an electronic certificate (AMS)"
    ),
    "Verifikator LPSE memeriksa dokumen asli dan menyetujui permintaan sertifikat": (
        "The LPSE verifier checks the original documents and approves the certificate request"
    ),
    "Penyedia menanamkan sertifikat di SpamKodok": (
        "The vendor embeds the certificate in SpamKodok"
    ),
    "Berita acara serah terima diunduh ({size} byte)": (
        "Handover report downloaded ({size} bytes)"
    ),
    "Pokja mendaftar sertifikat elektronik (AMS)": (
        "The pokja requests an electronic certificate (AMS)"
    ),
    "Pokja membuat paket tender beserta jadwalnya": (
        "The pokja creates the tender package with its schedule"
    ),
    "Waktu berjalan sampai tahap '{stage}'": "Time runs to the stage '{stage}'",
    "Penyedia ikut tender dan mengunggah penawaran tersegel": (
        "The vendor joins the tender and uploads a sealed offer"
    ),
    "Surat Penawaran: harga Rp {price}, berlaku 60 hari": (
        "Surat Penawaran: price Rp {price}, valid for 60 days"
    ),
    "tanda terima {time}, {size}, sha256 {sha256}": "receipt {time}, {size}, sha256 {sha256}",
    "Waktu melewati batas akhir unggah penawaran": "Time passes the offer upload deadline",
    "Pokja membuka penawaran di SpamKodok": "The pokja opens the offers in SpamKodok",
    "{vendor}: {status} ({signer}), harga {price}": "{vendor}: {status} ({signer}), price {price}",
    # the Seleksi dua file journey (spse-sim run --journey seleksi)
    "Pokja membuat paket Jasa Konsultansi (Seleksi dua file)": (
        "The pokja creates a consultancy package (two-file Selection)"
    ),
    "Peserta lain disiapkan lewat /_sim/arrange": (
        "Another participant is arranged via /_sim/arrange"
    ),
    "Penyedia ikut seleksi dan mengirim persyaratan kualifikasi": (
        "The vendor joins the selection and sends the qualification requirements"
    ),
    "Penyedia mengunggah File I (administrasi dan teknis)": (
        "The vendor uploads File I (administrative and technical)"
    ),
    "Penyedia mengunggah File II (harga) tersegel terpisah": (
        "The vendor uploads File II (price), sealed separately"
    ),
    "Peserta lain mengunggah File I dan File II": (
        "The other participant uploads File I and File II"
    ),
    "Pokja membuka File I di SpamKodok": "The pokja opens File I in SpamKodok",
    "SPSE menolak membuka File II sebelum File I dievaluasi": (
        "SPSE refuses to open File II before File I is evaluated"
    ),
    "Pokja membuka File II (harga) peserta yang lulus": (
        "The pokja opens File II (price) of the participants who passed"
    ),
    "Pokja mengevaluasi harga dan menetapkan pemenang": (
        "The pokja evaluates the price and determines the winner"
    ),
    "Pengumuman pemenang di halaman publik": "The winner announced on the public page",
    "Pokja mengevaluasi administrasi dan teknis (File I) dengan nilai teknis": (
        "The pokja evaluates the administrative and technical parts (File I) with the "
        "technical score"
    ),
    "bobot teknis {teknis}, bobot biaya {biaya}, ambang batas nilai teknis {ambang}": (
        "technical weight {teknis}, cost weight {biaya}, technical passing grade {ambang}"
    ),
    "{vendor}: nilai teknis {nilai}": "{vendor}: technical score {nilai}",
    "Hasil evaluasi publik: pemenang dengan nilai akhir tertinggi": (
        "Public evaluation results: the winner has the highest final score"
    ),
    "{vendor}: teknis {teknis}, ST {st}, SH {sh}, SA {sa}": (
        "{vendor}: technical {teknis}, ST {st}, SH {sh}, SA {sa}"
    ),
    # page labels the desk's page objects look for that read the same in English
    "User ID": "User ID",
    "Password": "Password",
    "Login": "Login",
    "Logout": "Logout",
    "Email": "Email",
    "NPWP": "NPWP",
    "LPSE Support (Production)": "LPSE Support (Production)",
    # the AMS link's words (message "ams.link") the vendor's home page is searched for
    "pendaftaran AMS": "register with AMS",
}
