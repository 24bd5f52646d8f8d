"""English for what the tool writes and prints about runs: report.html, coverage.html, the
regression matrix, merge, the terminal summary and progress, run/replay/serve messages and the
replay player. Keyed by the exact Bahasa Indonesia text handed to ``tr``; part of
``spse_shared.english.TEXTS`` (kept apart so that the pages' and the CLI's tables stay short).
"""

from __future__ import annotations

from collections.abc import Mapping

REPORT_TEXTS: Mapping[str, str] = {
    # statuses, durations, kinds of change (tables looked up through tr) ------------------------
    "lolos": "passed",
    "gagal": "failed",
    "flaky": "flaky",
    "tidak berlaku": "n/a",
    "dilewati": "skipped",
    "-": "-",
    "{n} dtk": "{n} s",
    "hasil": "outcome",
    "pesan": "message",
    "baru": "added",
    "hilang": "removed",
    "belum ada skenario": "no scenario yet",
    "belum dijalankan": "not run yet",
    "Bagian sumber (@sumber-)": "Source section (@sumber-)",
    "alur penyedia": "vendor flow",
    "alur pokja": "pokja flow",
    "aturan dan mode kegagalan": "rules and failure modes",
    "Aturan Konsep Operasional (@aturan-)": "Rule of the Konsep Operasional (@aturan-)",
    "Profil (@profil-)": "Profile (@profil-)",
    # report.html -------------------------------------------------------------------------------
    "Run QA SPSE {run}": "SPSE QA run {run}",
    "semua profil": "all profiles",
    "{name} (tidak disematkan: terlalu besar)": "{name} (not embedded: too large)",
    "tangkapan layar": "screenshot",
    "Tidak ada folder bukti.": "No evidence folder.",
    "Folder": "Folder",
    "folder": "folder",
    "Trace Playwright": "Playwright trace",
    "buka dengan {command}": "open it with {command}",
    "Laporan Word": "Word report",
    "Catatan": "Records",
    "Tangkapan layar lain": "Other screenshots",
    "Diharapkan": "Expected",
    "Teramati": "Observed",
    "Percobaan": "Attempts",
    "Percobaan {n}": "Attempt {n}",
    "contoh {n}": "example {n}",
    "fake SPSE bawaan (satu server per skenario)": "embedded fake SPSE (one server per scenario)",
    "Profil": "Profile",
    "Sasaran": "Target",
    "Proses paralel (-n)": "Parallel processes (-n)",
    "Pengulangan (--reruns)": "Re-runs (--reruns)",
    "Mulai": "Started",
    "Waktu total": "Total time",
    "Kode keluar pytest": "pytest exit code",
    "Berkas": "Files",
    "Skenario run ini tidak bertag @sumber-, @aturan- atau @profil-.": (
        "The scenarios of this run have no @sumber-, @aturan- or @profil- tag."
    ),
    "jumlah": "total",
    "durasi": "duration",
    "hasil run": "run results",
    "skenario": "scenarios",
    "Belum ada run sebelumnya di folder run ini: tren muncul mulai run kedua.": (
        "No earlier run in this runs folder yet: the trend shows from the second run on."
    ),
    "waktu total": "total time",
    "Batang: hasil per run (jumlah skenario di atasnya, waktu WIB di bawahnya); garis biru "
    "putus-putus: waktu total.": (
        "Bars: results per run (number of scenarios above, time in WIB below); dashed blue "
        "line: total time."
    ),
    "tren": "trend",
    "Tabel run": "Runs table",
    "waktu": "time",
    "(tidak ada di run ini)": "(not in this run)",
    "Matriks regresi": "Regression matrix",
    "{changed} dari {total} skenario berubah hasil atau pesannya terhadap [1] {run}.": (
        "{changed} of {total} scenarios changed outcome or message against [1] {run}."
    ),
    "Perubahan": "Change",
    "jumlah durasi skenario": "sum of scenario durations",
    "Skenario terlama": "Slowest scenarios",
    "{shown} dari {total} ditampilkan": "{shown} of {total} shown",
    "semua": "all",
    "Cari": "Search",
    "id, judul, pesan": "id, title, message",
    "Tidak ada skenario yang dijalankan.": "No scenario was run.",
    "Tren terhadap run sebelumnya": "Trend against earlier runs",
    "Statistik per tag": "Statistics by tag",
    # coverage.html -----------------------------------------------------------------------------
    "Setiap aturan dari dokumen {document}, skenario yang mereproduksinya dan status "
    "terakhirnya (dari run ini, atau dari run terbaru di folder yang sama). Aturan: {summary}.": (
        "Every rule of the document {document}, the scenarios reproducing it and their latest "
        "status (from this run, or from the newest run in the same folder). Rules: {summary}."
    ),
    "Aturan": "Rule",
    "Isi aturan": "Rule text",
    "Skenario (status terakhir)": "Scenarios (latest status)",
    "Putusan": "Verdict",
    "Cakupan {document}: {run}": "Coverage of the {document}: {run}",
    # compare, merge ------------------------------------------------------------------------------
    "Matriks regresi QA SPSE: {runs}": "SPSE QA regression matrix: {runs}",
    "{path}: bukan run skenario ({name}: {reason})": (
        "{path}: not a scenario run ({name}: {reason})"
    ),
    "perubahan": "change",
    "(tidak ada di {run})": "(not in {run})",
    "{changed} dari {total} skenario berubah terhadap {run}; {runs}": (
        "{changed} of {total} scenarios changed against {run}; {runs}"
    ),
    "{path}: tidak ada {name}: bukan folder run skenario": (
        "{path}: no {name}: not a scenario run folder"
    ),
    "{path}: tidak terbaca: {reason}": "{path}: not readable: {reason}",
    "{path}: tidak kosong; gabungkan ke folder baru": "{path}: not empty; merge into a new folder",
    "{path}: berada di dalam atau di sekitar folder run {shard}": (
        "{path}: inside or around the run folder {shard}"
    ),
    "shard dari profil yang berbeda ({profiles}): bandingkan (spse-sim compare), jangan digabung": (
        "shards of different profiles ({profiles}): compare them (spse-sim compare), do not "
        "merge them"
    ),
    "{scenario} ada di {first} dan di {second}: shard tidak boleh tumpang tindih": (
        "{scenario} is in {first} and in {second}: shards must not overlap"
    ),
    # terminal: summary, progress, run ----------------------------------------------------------
    "pemeriksaan": "check",
    "diharapkan": "expected",
    "teramati": "observed",
    "beda": "diff",
    "galat": "error",
    "percobaan {n}": "attempt {n}",
    # An attempt that recorded no traces or step screenshots (--artifacts on-first-retry).
    "tanpa rekaman": "not recorded",
    "keluar dengan 0 walau semua skenario yang dipilih tidak berlaku untuk profil ini (bawaan: "
    "run seperti itu tidak menguji apa pun, jadi keluar dengan 1)": (
        "exit with 0 even when every chosen scenario is n/a for this profile (default: such a "
        "run tests nothing, so it exits with 1)"
    ),
    "harus bilangan positif, 'auto' atau 'logical': {text!r}": (
        "must be a positive number, 'auto' or 'logical': {text!r}"
    ),
    "harus URL http(s), misalnya http://host/eproc4: {text!r}": (
        "must be an http(s) URL, e.g. http://host/eproc4: {text!r}"
    ),
    "harus 0 atau bilangan positif: {text!r}": "must be 0 or a positive number: {text!r}",
    "--ticket butuh id skenario, --all, --tag atau -k, tanpa --base-url": (
        "--ticket needs scenario ids, --all, --tag or -k, without --base-url"
    ),
    "perjalanan CA butuh /_sim: gunakan --base-url bersama id skenario, --all atau -k": (
        "the CA journey needs /_sim: use --base-url with scenario ids, --all or -k"
    ),
    "perjalanan CA pada fake SPSE bawaan ({profile}), keluaran di {output}": (
        "the CA journey on the embedded fake SPSE ({profile}), output in {output}"
    ),
    "perjalanan Seleksi dua file pada fake SPSE bawaan ({profile}), keluaran di {output}": (
        "the two-file Selection journey on the embedded fake SPSE ({profile}), output in {output}"
    ),
    "--journey hanya berlaku tanpa id skenario, --all, --tag atau -k": (
        "--journey applies only without scenario ids, --all, --tag or -k"
    ),
    "laporan Word: {path}": "Word report: {path}",
    "laporan Word dapat dibuat dengan: spse-sim evidence {output}": (
        "a Word report can be made with: spse-sim evidence {output}"
    ),
    "perjalanan lolos ({n} langkah). Keluaran: {output}": (
        "the journey passed ({n} steps). Output: {output}"
    ),
    "perjalanan GAGAL: {error}. Keluaran: {output}": (
        "the journey FAILED: {error}. Output: {output}"
    ),
    "tidak ada skenario dengan tag {tags}": "no scenario has the tags {tags}",
    " dan ": " and ",
    "{what} pada {profile}, keluaran di {output}": "{what} on {profile}, output in {output}",
    "{n} skenario": "{n} scenarios",
    "shard {shard}: {k} dari {n} skenario": "shard {shard}: {k} of {n} scenarios",
    "skenario yang cocok dengan -k {keyword}": "the scenarios matching -k {keyword}",
    "semua skenario": "all scenarios",
    "shard {shard} dari {what}": "shard {shard} of {what}",
    "--shard hanya berlaku dengan id skenario, --all, --tag atau -k": (
        "--shard needs scenario ids, --all, --tag or -k"
    ),
    "Run dihentikan (Ctrl-C) sebelum selesai: skenario yang belum dimulai tidak tercantum.": (
        "The run was stopped (Ctrl-C) before it ended: the scenarios not yet started are not "
        "listed."
    ),
    "Terhenti di tengah jalan (langkah yang sudah dijalankan ada di foldernya):": (
        "Cut off halfway (the steps it ran are in its folder):"
    ),
    "dihentikan (Ctrl-C) di tengah jalan; langkah yang sudah dijalankan ada di {folder}": (
        "stopped (Ctrl-C) halfway; the steps it ran are in {folder}"
    ),
    "{id} terhenti di tengah jalan; langkah yang sudah dijalankan ada di {folder}": (
        "{id} was cut off halfway; the steps it ran are in {folder}"
    ),
    "Run gabungan tidak lengkap: shard {missing} tidak ada; skenarionya tidak tercantum.": (
        "The merged run is incomplete: shard {missing} is missing; its scenarios are not listed."
    ),
    "tidak ada: {shards}": "missing: {shards}",
    "dihentikan oleh sinyal {name}": "stopped by signal {name}",
    "run dihentikan sebelum selesai": "the run was stopped before it ended",
    "run dihentikan (Ctrl-C) sebelum selesai: skenario yang belum dimulai tidak tercantum": (
        "the run was stopped (Ctrl-C) before it ended: the scenarios not yet started are not listed"
    ),
    "semua {n} skenario tidak berlaku untuk profil {profile} atau butuh /_sim, yang tidak ada "
    "pada --base-url: tidak ada yang diuji": (
        "none of the {n} scenarios applies to profile {profile} or they need /_sim, which "
        "--base-url lacks: nothing was tested"
    ),
    "dihentikan oleh pengguna (Ctrl-C); yang sudah selesai ada di {output}": (
        "stopped by the user (Ctrl-C); what finished is in {output}"
    ),
    "pytest berhenti dengan kode {code} sebelum skenario mana pun selesai": (
        "pytest stopped with code {code} before any scenario finished"
    ),
    "{why}; tidak ada yang dijalankan": "{why}; nothing was run",
    "semua {n} skenario tidak berlaku untuk profil {profile}: tidak ada yang diuji": (
        "all {n} scenarios are n/a for the profile {profile}: nothing was tested"
    ),
    "(--allow-all-na menerimanya)": "(--allow-all-na accepts that)",
    "id {ids}": "ids {ids}",
    "katalog tidak berisi skenario": "the catalog holds no scenario",
    "tidak ada skenario yang cocok dengan {asked}": "no scenario matches {asked}",
    "{passed} lolos, {failed} gagal, {flaky} flaky, {na} tidak berlaku ({seconds} dtk).": (
        "{passed} passed, {failed} failed, {flaky} flaky, {na} n/a ({seconds} s)."
    ),
    "Laporan HTML": "HTML report",
    "Cakupan aturan": "Rule coverage",
    "Hasil Allure": "Allure results",
    "{path} (laporan: npx allure generate {path})": "{path} (report: npx allure generate {path})",
    "Laporan Word per skenario dapat dibuat dengan: spse-sim evidence {output}": (
        "Word reports per scenario can be made with: spse-sim evidence {output}"
    ),
    "membuat tiket LPSE Support (id skenario -> nomor tiket)": (
        "filing LPSE Support tickets (scenario id -> ticket number)"
    ),
    "tidak ada penyedia yang menemui error: tidak ada tiket dibuat": (
        "no vendor met an error: no ticket filed"
    ),
    "tiket {n}": "ticket {n}",
    "tanpa tiket: {problem}": "no ticket: {problem}",
    "tidak ada {name}": "no {name}",
    "tidak berlaku untuk profil {profile} (hanya {profiles})": (
        "not applicable to the profile {profile} (only {profiles})"
    ),
    "butuh /_sim (kendali simulasi), tidak ada pada --base-url": (
        "needs /_sim (simulation control), absent with --base-url"
    ),
    "butuh /_sim (kendali simulasi): {reason}": "needs /_sim (simulation control): {reason}",
    # replay and the replay player ------------------------------------------------------------
    "{id} tidak berlaku untuk profil {profile} (hanya {profiles}); berikan --profile": (
        "{id} does not apply to the profile {profile} (only {profiles}); pass --profile"
    ),
    "--mp4 butuh --video": "--mp4 needs --video",
    "memutar ulang {id} '{title}' ({windows}, gerak lambat {slowmo} ms), keluaran di {output}": (
        "replaying {id} '{title}' ({windows}, slow motion {slowmo} ms), output in {output}"
    ),
    "tanpa jendela": "no windows",
    "berjendela": "windowed",
    "video: {path} ({size} byte)": "video: {path} ({size} bytes)",
    "keterangan: {path}": "captions: {path}",
    "pemutar (buka di browser): {path}": "player (open it in a browser): {path}",
    "video gabungan: {path}": "joined video: {path}",
    "screenshot pada kegagalan: {path}": "screenshot at the failure: {path}",
    "tidak ada video yang terekam": "no video was recorded",
    "Putar": "Play",
    "Jeda": "Pause",
    "Putar ulang": "Replay",
    "Posisi": "Position",
    "Kecepatan": "Speed",
    "Garis waktu keterangan": "Caption timeline",
    "tidak ada video untuk digabung": "no videos to join",
    "tanpa keterangan": "no explanation",
    "ffmpeg gagal membuat {name}: {reason}": "ffmpeg failed to make {name}: {reason}",
    "Tidak ada terminal untuk menunggu Enter: replay berlanjut.": (
        "No terminal to wait for Enter on: the replay goes on."
    ),
    "tidak ada layar: {why}, jadi putar ulang berjendela tidak punya layar untuk menampilkan "
    "browser. Jalankan dari sesi desktop komputer yang tersambung ke proyektor, atau tambahkan "
    "--headless (dengan --video untuk merekam tanpa layar).": (
        "no screen: {why}, so a windowed replay has no screen to show the browser on. Run it "
        "from the desktop session of the computer connected to the projector, or add "
        "--headless (with --video to record without a screen)."
    ),
    "$DISPLAY tidak diisi": "$DISPLAY is not set",
    "tidak ada server X yang menjawab di $DISPLAY={display}": (
        "no X server answers at $DISPLAY={display}"
    ),
    "--video butuh ffmpeg: jalankan `.venv/bin/playwright install ffmpeg`, atau pasang ffmpeg "
    "sistem (Debian: apt-get install ffmpeg).": (
        "--video needs ffmpeg: run `.venv/bin/playwright install ffmpeg`, or install the "
        "system's ffmpeg (Debian: apt-get install ffmpeg)."
    ),
    # serve -----------------------------------------------------------------------------------
    "alamat {host} tidak dikenal; periksa --host": "unknown address {host}; check --host",
    "port {port} di {host} sudah dipakai program lain; hentikan program itu atau pilih --port "
    "lain": (
        "port {port} on {host} is already used by another program; stop that program or choose "
        "another --port"
    ),
    "Gangguan aktif: tidak ada.": "Faults switched on: none.",
    "PERHATIAN: gangguan dari sesi sebelumnya masih aktif: {faults}. Matikan di panel pelatih "
    "bila tidak dibutuhkan.": (
        "WARNING: faults from the last session are still switched on: {faults}. Switch them off "
        "in the trainer panel if they are not needed."
    ),
    "{data_dir} sudah diisi tanpa --demo; gunakan --data-dir lain": (
        "{data_dir} was seeded without --demo; use another --data-dir"
    ),
    "{data_dir} sudah diisi dengan --demo; gunakan --data-dir lain": (
        "{data_dir} was seeded with --demo; use another --data-dir"
    ),
    "Fake SPSE ({profile}) di {url}": "Fake SPSE ({profile}) at {url}",
    "API kendali: {url}  (data: {data_dir})": "Control API: {url}  (data: {data_dir})",
    "Panel pelatih: {url}": "Trainer panel: {url}",
    "Login demo:": "Demo logins:",
    "Keystore SpamKodok (passphrase '{passphrase}'): {folder}": (
        "SpamKodok keystores (passphrase '{passphrase}'): {folder}"
    ),
    "Tekan Ctrl+C untuk berhenti.": "Press Ctrl+C to stop.",
    # actors' roles in the evidence (simulator/scenarios/evidence_hooks.py; "penyedia" is in
    # english.py)
    "pokja": "working group",
    "verifikator": "verifier",
    "verifikator-lpse-lain": "verifier of another LPSE",
    "helpdesk": "LPSE helpdesk",
    "admin": "LPSE admin",
    "lkpp": "LKPP helpdesk",
}
