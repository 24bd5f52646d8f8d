"""An arranged world (Givens through /_sim/arrange) equals a walked one (Givens in the pages).

Both worlds are built from the same seed by the catalog's own Given steps: a pokja with an
embedded certificate announces a tender, a vendor registers, is verified, gets a certificate and
joins, the upload stage opens, and the vendor has uploaded an offer. Then every SQLite table of
the fake SPSE (SPSE, ADP, BSrE, LPSE Support, faults), its blob store and CA records, the
SpamKodok keystores on the desks and the sealed offers must agree, apart from what differs on
every run by design: password hashes (salted), keys, certificate serials and PEMs, blob names,
the browser sessions, and a sealed offer's bytes (a fresh content key and signature each time,
so its hash and size): the offer is compared as the pokja opens it instead (signer, contents).
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from playwright.sync_api import Browser

from fake_spse.server import ServerHost
from simulator.desk.spamkodok import cms
from simulator.desk.spamkodok.keystore import Keystore
from simulator.desk.spamkodok.offer_package import read_package
from simulator.harness.environment import RunOptions, SimEnvironment
from simulator.scenarios.steps.common import tender_announced, upload_given, vendor_ready
from simulator.scenarios.steps.dua_file import both_uploaded, seleksi_announced
from simulator.scenarios.steps.tender_cepat import cepat_announced, sikap_vendor_ready
from simulator.scenarios.world import World
from spse_shared.messages import MessageCatalog

pytestmark = pytest.mark.e2e

# Columns whose values differ between any two runs by design.
VOLATILE = {
    "password_hash",  # salted
    "serial",  # BSrE's random serial numbers
    "pem",  # certificates: new keys, new serials
    "der",
    "recipients",  # the pokja's certificate
    "letter_blob",  # blob names
    "statement_blob",
    "csr_pem",  # a certificate request for a new key
    "blob_key",
    # e-mailed links and the mail carrying them: random tokens, file names, wall time, peer port
    "token",
    "file",
    "wall_time",
    "peer",
    "sha256",
    "body",
}
# Browser sessions: a walk logs in and out many times, an arranged world once per desk.
SKIPPED_TABLES = {"sessions", "sqlite_sequence"}
# Per table: a sealed offer's bytes differ on every sealing (content key, signature); a mail's
# size follows its random link token (quoted-printable line breaks fall differently).
VOLATILE_IN = {"offers": {"sha256", "size"}, "messages": {"size"}}


def build_world(
    browser: Browser, host: ServerHost, output: Path, *, arranged: bool, dua_file: bool = False
) -> dict[str, Any]:
    """``dua_file``: a Seleksi (Jasa Konsultansi) whose vendor has uploaded File I and File II."""
    with SimEnvironment(
        RunOptions(output_dir=output, seed=20260302), browser=browser, server_host=host
    ) as env:
        world = World(env=env, catalog=MessageCatalog(env.profile.messages), arranged=arranged)
        if dua_file:
            seleksi_announced(world, "Pokja 1")
            vendor_ready(world, "CV Maju")
            both_uploaded(world, "CV Maju", "650.000.000")
        else:
            tender_announced(world, "Pokja 1")
            vendor_ready(world, "CV Maju")
            upload_given(world, "CV Maju", ["Penawaran.pdf"])
        assert world.uploads["CV Maju"].accepted, world.uploads["CV Maju"].messages
        # The vendor's desk is logged in, on SPSE's own pages, either way.
        vendor = world.actor("CV Maju")
        vendor.desk.page.goto(env.spse_url + "/dashboard")
        assert "/login" not in vendor.desk.page.url
        crl = x509.load_pem_x509_crl(httpx.get(f"{env.server_url}/bsre/crl.pem").content)
        pokja = world.actor("Pokja 1").kodok.keystore()
        upload = world.uploads["CV Maju"]
    state = snapshot(output)
    state["offers"] = opened_offers(output / "data", pokja, crl)
    # What the page showed (the receipt) is what SPSE stored; an arranged upload shows the same.
    assert upload.receipt is not None
    assert upload.receipt.sha256 == [sha for sha, _ in offer_rows(output / "data")][-1]
    state["shown"] = (upload.messages, upload.file_checks, upload.receipt.received_at)
    return state


def offer_rows(data: Path) -> list[tuple[str, str]]:
    connection = sqlite3.connect(data / "spse.sqlite3")
    try:
        return list(connection.execute("SELECT sha256, blob_key FROM offers ORDER BY offer_id"))
    finally:
        connection.close()


def opened_offers(
    data: Path, pokja: Keystore, crl: x509.CertificateRevocationList
) -> list[dict[str, Any]]:
    """Every stored offer as the pokja's SpamKodok opens it: signer, tender, vendor, documents."""
    assert pokja.certificate is not None
    connection = sqlite3.connect(data / "spse.sqlite3")
    try:
        rows = list(connection.execute("SELECT blob_key, sha256, size, received_at FROM offers"))
    finally:
        connection.close()
    opened = []
    for blob_key, sha256, size, received_at in rows:
        offer = cms.open_sealed(
            (data / "blobs" / blob_key).read_bytes(),
            recipient_key=pokja.private_key,
            recipient_certificate=pokja.certificate,
            trust_roots=[c for c in pokja.chain if c.subject == c.issuer],
            crls=[crl],
            receipt=cms.Receipt(
                sha256=sha256, size=size, received_at=datetime.fromisoformat(received_at)
            ),
        )
        manifest, documents = read_package(offer.content)
        opened.append(
            {
                "signer": offer.signer_subject,
                "manifest": manifest,
                "documents": {n: hashlib.sha256(d).hexdigest() for n, d in documents.items()},
            }
        )
    return opened


def snapshot(output: Path) -> dict[str, Any]:
    data = output / "data"
    tables = {
        f"{db.relative_to(data)}:{name}": rows
        for db in sorted(data.rglob("*.sqlite3"))
        for name, rows in read_tables(db).items()
    }
    offer_blobs = {key for _, key in offer_rows(data)}
    return {
        "tables": tables,
        "blobs": sorted(
            hashlib.sha256(p.read_bytes()).hexdigest()
            for p in blob_files(data)
            if p.name not in offer_blobs
        ),
        "offer_files": sorted(p.name for p in (output / "offers").glob("*")),
        "ca_files": sorted(p.name for p in (data / "bsre").iterdir()),
        "data_files": sorted(
            str(p.relative_to(data))
            for p in data.rglob("*")
            if p.is_file()
            and "blobs" not in p.parts
            and "inbox" not in p.parts  # random .eml names; the mail index is compared
            and not p.name.endswith(("-wal", "-shm"))
        ),
        "desk_files": sorted(
            str(p.relative_to(output / "desks")) for p in (output / "desks").rglob("*")
        ),
        "keystores": {
            str(p.parent.name): keystore_kind(p)
            for p in sorted((output / "desks").rglob("spamkodok.p12"))
        },
    }


def read_tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    connection = sqlite3.connect(db)
    try:
        names = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        tables = {}
        for name in names:
            if name in SKIPPED_TABLES:
                continue
            cursor = connection.execute(f'SELECT * FROM "{name}"')
            columns = [c[0] for c in cursor.description]
            volatile = VOLATILE | VOLATILE_IN.get(name, set())
            keep = [i for i, c in enumerate(columns) if c not in volatile]
            tables[name] = sorted(
                (tuple(columns[i] for i in keep), *(tuple(row[i] for i in keep),))
                for row in cursor.fetchall()
            )
        return tables
    finally:
        connection.close()


def blob_files(data: Path) -> list[Path]:
    return [p for p in (data / "blobs").rglob("*") if p.is_file()]


def keystore_kind(path: Path) -> dict[str, Any]:
    keystore = Keystore.open(path, "rahasia-kodok")
    assert isinstance(keystore.private_key, rsa.RSAPrivateKey)
    assert keystore.certificate is not None
    return {
        "key": f"RSA-{keystore.private_key.key_size}",
        "subject": keystore.subject,
        "chain": [c.subject.rfc4514_string() for c in keystore.chain],
        "issuer": keystore.certificate.issuer.rfc4514_string(),
    }


def test_an_arranged_world_equals_a_walked_one(
    sim_browser: Browser, sim_server_host: ServerHost, tmp_path: Path
) -> None:
    walked = build_world(sim_browser, sim_server_host, tmp_path / "walked", arranged=False)
    arranged = build_world(sim_browser, sim_server_host, tmp_path / "arranged", arranged=True)
    # Something was built: the tender, both certificates, the vendor active in ADP.
    assert len(walked["tables"]["spse.sqlite3:tenders"]) == 1
    assert len(walked["tables"]["spse.sqlite3:certificates"]) == 2
    assert len(walked["tables"]["adp.sqlite3:records"]) == 1
    # The vendor registered by e-mail: one link used, one mail in its mailbox.
    assert len(walked["tables"]["spse.sqlite3:email_links"]) == 1
    assert len(walked["tables"]["webmail/index.sqlite3:messages"]) == 1
    assert len(walked["keystores"]) == 2
    assert len(walked["tables"]["spse.sqlite3:offers"]) == 1
    [vendor_desk] = [name for name in walked["keystores"] if name.startswith("penyedia-")]
    assert [o["signer"] for o in walked["offers"]] == [walked["keystores"][vendor_desk]["subject"]]
    parts = ("tables", "blobs", "ca_files", "data_files", "desk_files", "keystores")
    for part in (*parts, "offer_files", "offers", "shown"):
        assert arranged[part] == walked[part], part


def test_an_arranged_dua_file_offer_equals_a_walked_one(
    sim_browser: Browser, sim_server_host: ServerHost, tmp_path: Path
) -> None:
    """File I and File II (with the Surat Penawaran) of a Seleksi: arranged as walked."""
    walked = build_world(
        sim_browser, sim_server_host, tmp_path / "walked", arranged=False, dua_file=True
    )
    arranged = build_world(
        sim_browser, sim_server_host, tmp_path / "arranged", arranged=True, dua_file=True
    )
    assert len(walked["tables"]["spse.sqlite3:offers"]) == 2
    assert len(walked["tables"]["spse.sqlite3:offer_letters"]) == 1
    documents = sorted(sorted(o["documents"]) for o in walked["offers"])
    assert documents == [["Rincian Biaya.pdf", "Surat Penawaran.pdf"], ["Usulan Teknis.pdf"]]
    parts = ("tables", "blobs", "ca_files", "data_files", "desk_files", "keystores")
    for part in (*parts, "offer_files", "offers", "shown"):
        assert arranged[part] == walked[part], part


def test_an_arranged_log_in_opens_no_window_until_the_person_browses(
    sim_browser: Browser, sim_server_host: ServerHost, tmp_path: Path
) -> None:
    """A vendor whose joining was arranged has a session at once, but a browser window only
    when a step uses it (a new window costs about 0.1 s): logged in from its first page."""
    with SimEnvironment(
        RunOptions(output_dir=tmp_path, seed=20260302),
        browser=sim_browser,
        server_host=sim_server_host,
    ) as env:
        world = World(env=env, catalog=MessageCatalog(env.profile.messages), arranged=True)
        tender_announced(world, "Pokja 1")
        vendor_ready(world, "CV Maju")
        vendor = world.actor("CV Maju")
        assert not vendor.desk.opened
        vendor.desk.page.goto(env.spse_url + "/dashboard")
        assert "/login" not in vendor.desk.page.url
        assert vendor.user_id in vendor.desk.page.content()


def build_cepat_world(
    browser: Browser, host: ServerHost, output: Path, *, arranged: bool
) -> dict[str, Any]:
    """A Tender Cepat and a vendor with verified SIKaP data who joined it (no offer)."""
    with SimEnvironment(
        RunOptions(output_dir=output, seed=20260302), browser=browser, server_host=host
    ) as env:
        world = World(env=env, catalog=MessageCatalog(env.profile.messages), arranged=arranged)
        cepat_announced(world, "Pokja 1")
        sikap_vendor_ready(world, "CV Maju")
    return snapshot(output)


def test_an_arranged_tender_cepat_world_equals_a_walked_one(
    sim_browser: Browser, sim_server_host: ServerHost, tmp_path: Path
) -> None:
    """The Data Penyedia records and Sinkronisasi SIKaP arranged through /_sim/arrange leave
    the same state as the Data Penyedia pages and the 'Sinkronisasi SIKaP' button."""
    walked = build_cepat_world(sim_browser, sim_server_host, tmp_path / "walked", arranged=False)
    arranged = build_cepat_world(sim_browser, sim_server_host, tmp_path / "arranged", arranged=True)
    [(columns, tender)] = walked["tables"]["spse.sqlite3:tenders"]
    assert tender[columns.index("method")] == "tender-cepat"
    assert len(walked["tables"]["spse.sqlite3:vendor_records"]) == 4
    assert len(walked["tables"]["spse.sqlite3:sikap"]) == 1
    assert len(walked["tables"]["spse.sqlite3:participants"]) == 1
    for part in ("tables", "blobs", "ca_files", "data_files", "desk_files", "keystores"):
        assert arranged[part] == walked[part], part
