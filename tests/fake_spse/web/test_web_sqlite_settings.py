"""Every SQLite file a running fake SPSE uses is fit for concurrent writers: WAL journalling
(readers never wait for a writer), so pages read while uploads and logins write."""

from __future__ import annotations

import sqlite3

from spse_web import Sim

from fake_spse.server import RunningServer


def test_every_database_file_of_a_running_server_is_in_wal_mode(
    server: RunningServer, sim: Sim
) -> None:
    sim.staff("pokja1", "pokja")  # SPSE's database
    sim.arm("upload.fail_next")  # the fault board
    sim.call("DELETE", "/faults")
    sim.http.get("/adp/records").raise_for_status()  # ADP
    sim.http.get("/mail").raise_for_status()  # the mailbox
    sim.http.get("/support/tickets").raise_for_status()  # LPSE Support
    sim.http.get("../bsre/crl.pem").raise_for_status()  # BSrE
    files = sorted(server.settings.data_dir.rglob("*.sqlite3"))
    names = {path.relative_to(server.settings.data_dir).as_posix() for path in files}
    assert {"spse.sqlite3", "faults.sqlite3", "adp.sqlite3", "bsre/ca.sqlite3"} <= names
    modes = {}
    for path in files:
        conn = sqlite3.connect(path)
        try:
            modes[path.name] = conn.execute("PRAGMA journal_mode").fetchone()[0]
        finally:
            conn.close()
    assert modes == dict.fromkeys(modes, "wal")
