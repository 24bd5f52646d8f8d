"""SpamKodok 2 on a user's desk: the keystore, a file dialog, and the bridge into SPSE's pages.

SPSE's CA pages call ``window.spamkodok.*``; in a plain browser that object does not exist and
the pages refuse. ``SpamKodok.install(context)`` gives a Playwright browser context the object:
each call crosses into Python (``expose_binding``), where the real work happens with the user's
own key. Answers carry message-catalog keys; the page turns them into words.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import tempfile
import threading
import urllib.parse
import urllib.request
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from playwright.sync_api import BrowserContext

from simulator.desk.spamkodok import cms
from simulator.desk.spamkodok.apd import ApdError, read_apd
from simulator.desk.spamkodok.certcheck import check_own_certificate, server_time
from simulator.desk.spamkodok.contentcheck import disguised_documents
from simulator.desk.spamkodok.filecheck import Problem, check_files, is_removable, name_problems
from simulator.desk.spamkodok.flashdisk import lose_final_byte
from simulator.desk.spamkodok.keystore import (
    CertificateMismatch,
    Keystore,
    KeystoreError,
    WrongPassphrase,
    generate_key,
)
from simulator.desk.spamkodok.offer_package import PackageError
from simulator.desk.spamkodok.offers import open_offer, seal_offer
from simulator.desk.spamkodok.processes import ProcessProbe, SystemProbe, labels
from spse_shared.profile import Profile

VERSION = "2.0-sim"
# The id of the page's file input SpamKodok puts a sealed offer into (by path, never as bytes).
_INPUT_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_DOWNLOAD_CHUNK = 1024 * 1024

INIT_SCRIPT = """
(() => {
  if (window.spamkodok || typeof window.__spamkodok !== "function") { return; }
  const call = (op, args) => window.__spamkodok(op, args || {});
  window.spamkodok = Object.freeze({
    versi: "__VERSION__",
    info: () => call("info"),
    buatPermintaan: (a) => call("buatPermintaan", a),
    tanamSertifikat: (a) => call("tanamSertifikat", a),
    pilihFile: () => call("pilihFile"),
    segel: (a) => call("segel", a),
    buka: (a) => call("buka", a),
    importApd: (a) => call("importApd", a),
  });
})();
""".replace("__VERSION__", VERSION)


@dataclass(frozen=True)
class SealedOffer:
    """An offer as SpamKodok sealed it (kept so a run can hand it to other tools)."""

    tender_id: str
    path: Path
    sha256: str
    size: int


@dataclass(frozen=True)
class OpenedReport:
    """What SpamKodok found when it opened one stored offer."""

    tender_id: str
    offer_id: str
    code: str
    signer_subject: str
    files: tuple[str, ...]


def _head_of(path: Path) -> bytes:
    """The first bytes of a document: enough for the content check (contentcheck.py)."""
    with path.open("rb") as handle:
        return handle.read(16)


def _fail(*problems: Problem) -> dict[str, Any]:
    return {"ok": False, "problems": [{"key": p.key, "params": p.params} for p in problems]}


def _keystore_problem(error: Exception) -> Problem:
    if isinstance(error, WrongPassphrase):
        return Problem("kodok.passphrase_salah")
    return Problem("kodok.keystore", {"detail": str(error)})


@dataclass(frozen=True)
class _Unlocked:
    """An unlocked keystore's content, and what it was unlocked from: the file's sha256 and
    the passphrase."""

    path: Path
    sha256: bytes
    passphrase: str
    private_key: rsa.RSAPrivateKey
    certificate: x509.Certificate | None
    chain: tuple[x509.Certificate, ...]

    @classmethod
    def of(cls, keystore: Keystore, passphrase: str, data: bytes) -> _Unlocked:
        return cls(
            path=keystore.path,
            sha256=hashlib.sha256(data).digest(),
            passphrase=passphrase,
            private_key=keystore.private_key,
            certificate=keystore.certificate,
            chain=tuple(keystore.chain),
        )

    def opens(self, data: bytes, passphrase: str) -> bool:
        """Whether these are the bytes it came from, opened with the same passphrase."""
        return passphrase == self.passphrase and hashlib.sha256(data).digest() == self.sha256

    def keystore(self) -> Keystore:
        return Keystore(self.path, self.passphrase, self.private_key, self.certificate, self.chain)


def _desk_now() -> datetime:
    return datetime.now(UTC)


class SpamKodok:
    """One user's SpamKodok 2: keystore at ``keystore_path`` opened with ``passphrase``."""

    def __init__(
        self,
        *,
        keystore_path: Path,
        passphrase: str,
        server_url: str,
        profile: Profile,
        output_dir: Path | None = None,
        removable_roots: Sequence[Path] = (),
        process_probe: ProcessProbe | None = None,
        operating_system: str = "Windows 10",
        new_key: Callable[[], rsa.RSAPrivateKey] = generate_key,
    ) -> None:
        self.keystore_path = keystore_path
        self.passphrase = passphrase
        self.server_url = server_url.rstrip("/")
        self.profile = profile
        self.output_dir = output_dir
        self.removable_roots = tuple(removable_roots)
        # Other browsers on this computer (the seed: none may run besides SpamKodok 2).
        self.process_probe: ProcessProbe = process_probe or SystemProbe()
        # The desk's operating system (a desk setting: the simulator runs the same anywhere).
        self.operating_system = operating_system
        # Where the desk's new keys come from (a new AMS request, an upgrade): generated as the
        # real desk does, or, for simulated people, drawn from a pool of pre-generated ones.
        self.new_key = new_key
        self.sealed: list[SealedOffer] = []
        self.opened: list[OpenedReport] = []
        self._next_files: list[Path] | None = None
        # The new key of an upgrade (import APD), kept until BSrE's certificate for it arrives.
        self._pending_key: rsa.RSAPrivateKey | None = None
        self._lock = threading.Lock()
        # The keystore as last unlocked (``keystore``), with the file bytes it came from.
        self._unlocked: _Unlocked | None = None
        # Where sealed and opened offers go when the run keeps no output_dir.
        self._scratch: Path | None = None

    # desk-side API (what the user does outside the page) ---------------------------------
    def install(self, context: BrowserContext) -> None:
        """Make every page of ``context`` a SpamKodok page."""
        context.expose_binding("__spamkodok", self._dispatch)
        context.add_init_script(INIT_SCRIPT)

    @contextmanager
    def file_dialog(self, paths: Sequence[Path]) -> Iterator[None]:
        """Answer the next 'Pilih File' dialog with ``paths``, as the user picking them."""
        with self._lock:
            self._next_files = [Path(p) for p in paths]
        try:
            yield
        finally:
            with self._lock:
                self._next_files = None

    def declare_removable(self, root: Path) -> None:
        """Treat folder ``root`` as removable media (a flash drive), whatever the OS says."""
        self.removable_roots = (*self.removable_roots, Path(root))

    def check_name(self, name: str) -> list[Problem]:
        """SpamKodok's check of a file name as typed (also names no file can have here)."""
        return name_problems(name, self.profile)

    def seal_for_upload(self, page: Mapping[str, Any], paths: Sequence[Path]) -> dict[str, Any]:
        """Seal ``paths`` with what an upload page hands SpamKodok (``tender_id``,
        ``vendor_id``, ``profile``, ``recipients_pem``, ``waktu_server``): the work of the
        page's ``segel`` call, for an upload arranged without the page. Its answer: ``ok`` with
        ``path`` (the sealed file), ``sha256`` and ``size``, or ``problems`` (catalog keys)."""
        answer = self._seal({**page, "paths": [str(p) for p in paths]}, {})
        if answer.get("ok"):
            answer = {**answer, "path": str(self._work_dir("tersegel") / str(answer["nama"]))}
        return answer

    def keystore(self) -> Keystore:
        """The user's keystore (KeystoreError when it cannot be opened).

        SpamKodok keeps it unlocked for the session, as the real one does: the file is read
        every time, but the same bytes with the same passphrase are not decrypted again (the
        PKCS#12 key derivation costs ~50 ms); a changed or replaced file is, and a wrong
        passphrase still fails. Each call returns a keystore object of its own.
        """
        data = self.keystore_path.read_bytes()
        with self._lock:
            unlocked = self._unlocked
        if unlocked is not None and unlocked.opens(data, self.passphrase):
            return unlocked.keystore()
        passphrase = self.passphrase
        keystore = Keystore.unlock(self.keystore_path, data, passphrase)
        self._keep_unlocked(keystore, passphrase, data)
        return keystore

    def _keep_unlocked(
        self, keystore: Keystore, passphrase: str, data: bytes | None = None
    ) -> None:
        """Remember ``keystore`` (opened with ``passphrase``) as the unlocked one for the
        file's bytes ``data`` (read now when not given: right after SpamKodok saved it)."""
        try:
            data = self.keystore_path.read_bytes() if data is None else data
        except OSError:
            return
        with self._lock:
            self._unlocked = _Unlocked.of(keystore, passphrase, data)

    @property
    def has_certificate(self) -> bool:
        try:
            return self.keystore().certificate is not None
        except (OSError, KeystoreError):
            return False

    # the bridge ---------------------------------------------------------------------------
    def _dispatch(self, source: dict[str, Any], op: str, args: dict[str, Any]) -> dict[str, Any]:
        """One call from the page; `source` is Playwright's (context, page, frame) of it."""
        handler = {
            "info": self._info,
            "buatPermintaan": self._make_request,
            "tanamSertifikat": self._embed,
            "pilihFile": self._choose_files,
            "segel": lambda a: self._seal(a, source),
            "buka": lambda a: self._open(a, source),
            "importApd": self._import_apd,
        }.get(op)
        if handler is None:
            return _fail(Problem("kodok.gagal_segel", {"detail": f"operasi {op} tidak dikenal"}))
        return handler(args)

    def _info(self, args: dict[str, Any]) -> dict[str, Any]:
        try:
            subject = self.keystore().subject
        except (OSError, KeystoreError):
            subject = None
        return {
            "ok": True,
            "versi": VERSION,
            "subject": subject,
            "saran": [{"key": p.key, "params": p.params} for p in self.preflight_advice()],
        }

    def preflight_advice(self) -> list[Problem]:
        """SpamKodok's pre-flight advice for this desk (the Konsep Operasional: "Demi
        kelancaran, gunakan Windows10"); advice, not a refusal."""
        recommended = self.profile.recommended_os
        if self.operating_system.casefold() == recommended.casefold():
            return []
        return [
            Problem(
                "kodok.saran_sistem_operasi",
                {"os": self.operating_system, "recommended": recommended},
            )
        ]

    def _open_or_create(self) -> Keystore:
        if self.keystore_path.exists():
            return self.keystore()
        self.keystore_path.parent.mkdir(parents=True, exist_ok=True)
        keystore = Keystore.create(self.keystore_path, self.passphrase, self.new_key)
        self._keep_unlocked(keystore, self.passphrase)
        return keystore

    def _make_request(self, args: dict[str, Any]) -> dict[str, Any]:
        try:
            keystore = self._open_or_create()
        except KeystoreError as exc:
            return _fail(_keystore_problem(exc))
        csr = keystore.certificate_signing_request(
            common_name=str(args.get("common_name") or "Pengguna SPSE"),
            organization=str(args.get("organization") or "") or None,
            email=str(args.get("email") or "") or None,
        )
        return {"ok": True, "csr_pem": csr.public_bytes(serialization.Encoding.PEM).decode()}

    def _embed(self, args: dict[str, Any]) -> dict[str, Any]:
        try:
            certificate = x509.load_pem_x509_certificate(str(args["certificate_pem"]).encode())
            chain = x509.load_pem_x509_certificates(str(args["chain_pem"]).encode())
            with self._lock:
                pending = self._pending_key
            if pending is not None and certificate.public_key() == pending.public_key():
                # An upgrade's certificate: its new key replaces the keystore's only now.
                keystore = Keystore(self.keystore_path, self.passphrase, pending)
                keystore.embed(certificate, chain)
                with self._lock:
                    self._pending_key = None
            else:
                keystore = self.keystore()
                keystore.embed(certificate, chain)
            self._keep_unlocked(keystore, self.passphrase)
        except CertificateMismatch:
            return _fail(Problem("kodok.sertifikat_tidak_cocok"))
        except (KeystoreError, OSError, KeyError, ValueError) as exc:
            return _fail(Problem("kodok.keystore", {"detail": str(exc)}))
        return {"ok": True, "subject": keystore.subject}

    def _choose_files(self, args: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            paths, self._next_files = self._next_files, None
        if not paths:
            return _fail(Problem("kodok.batal"))
        checks = check_files(paths, self.profile, removable_roots=self.removable_roots)
        return {
            "ok": True,
            "files": [
                {
                    "path": str(c.path),
                    "name": c.name,
                    "size": c.size,
                    "problems": [{"key": p.key, "params": p.params} for p in c.problems],
                }
                for c in checks
            ],
        }

    def _seal(self, args: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
        """Seal the chosen files into a file; with ``masukan`` (the id of the page's file
        input) the sealed file is put into that input by path, for the page to upload: the
        offer never crosses into the page as bytes, Chromium streams it from disk."""
        # Files the page hands over (SPSE's generated Surat Penawaran, a few KiB) join the
        # chosen ones: the sealed content is one set of files, and every file-name rule
        # applies to each.
        with tempfile.TemporaryDirectory(prefix="spamkodok-") as handed:
            extra = []
            for item in args.get("tambahan") or []:
                path = Path(handed) / Path(str(item["name"])).name
                path.write_bytes(base64.b64decode(str(item["data_b64"])))
                extra.append(str(path))
            return self._seal_files({**args, "paths": [*args.get("paths", []), *extra]}, source)

    def _seal_files(self, args: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
        paths = [Path(p) for p in args.get("paths", [])]
        checks = check_files(paths, self.profile, removable_roots=self.removable_roots)
        problems = [p for c in checks for p in c.problems]
        others = self.process_probe.other_browsers() if self.profile.other_browser_guard else []
        if others:
            problems.insert(0, Problem("kodok.browser_lain", {"browsers": labels(others)}))
        if problems:
            return _fail(*problems)
        if not self.keystore_path.exists():
            return _fail(Problem("penawaran.tanpa_sertifikat"))
        try:
            keystore = self.keystore()
        except (OSError, KeystoreError) as exc:
            return _fail(_keystore_problem(exc))
        if keystore.certificate is None:
            # The key was made with the certificate request (AMS): the request has not come
            # back as an embedded certificate yet (still with the LPSE's verifikator).
            return _fail(Problem("kodok.sertifikat_menunggu"))
        own = self._check_own_certificate(keystore.certificate, keystore.chain, args)
        if own is not None:
            return _fail(own)
        recipients = [
            x509.load_pem_x509_certificate(pem.encode()) for pem in args.get("recipients_pem", [])
        ]
        if not recipients:
            return _fail(Problem("kodok.penerima_kosong"))
        tender_id = str(args["tender_id"])
        vendor_id = str(args["vendor_id"])
        field = str(args.get("masukan") or "")
        if field and not _INPUT_ID.fullmatch(field):
            return _fail(Problem("kodok.gagal_segel", {"detail": f"masukan {field!r} tidak sah"}))
        try:
            sealed = seal_offer(
                [(p.name, p) for p in paths],
                self._sealed_path(tender_id, vendor_id),
                tender_id=tender_id,
                vendor_id=vendor_id,
                profile=str(args.get("profile", self.profile.name)),
                signer_key=keystore.private_key,
                signer_certificate=keystore.certificate,
                chain=keystore.chain,
                recipients=recipients,
            )
        except (PackageError, OSError) as exc:
            return _fail(Problem("kodok.gagal_segel", {"detail": str(exc)}))
        digest, size = sealed.sha256, sealed.size
        if self.profile.flashdisk_failure == "pembukaan" and any(
            is_removable(p, self.removable_roots) for p in paths
        ):
            # The field's consequence of a document read from a flash drive (flashdisk.py).
            # Only this case holds the sealed file in memory once.
            damaged = lose_final_byte(sealed.path.read_bytes())
            sealed.path.write_bytes(damaged)
            digest, size = hashlib.sha256(damaged).hexdigest(), len(damaged)
        if self.output_dir is not None:
            self.sealed.append(SealedOffer(tender_id, sealed.path, digest, size))
        frame = source.get("frame")
        if field and frame is not None:
            frame.set_input_files(f"#{field}", sealed.path)
        return {"ok": True, "nama": sealed.path.name, "sha256": digest, "size": size}

    def _work_dir(self, kind: str) -> Path:
        """The run's output folder for `kind`, or this desk's scratch folder without one."""
        if self.output_dir is not None:
            folder = self.output_dir if kind == "tersegel" else self.output_dir / kind
        else:
            with self._lock:
                if self._scratch is None:
                    self._scratch = Path(tempfile.mkdtemp(prefix="spamkodok-"))
                    weakref.finalize(self, shutil.rmtree, self._scratch, ignore_errors=True)
                folder = self._scratch / kind
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def _sealed_path(self, tender_id: str, vendor_id: str) -> Path:
        folder = self._work_dir("tersegel")
        if self.output_dir is None:
            for old in folder.glob("*.p7m"):  # scratch keeps only the latest offer
                old.unlink(missing_ok=True)
        number = len(self.sealed) + 1
        name = f"penawaran-{_file_part(tender_id)}-{_file_part(vendor_id)}-{number}.p7m"
        return folder / name

    def _check_own_certificate(
        self, certificate: x509.Certificate, chain: list[x509.Certificate], args: dict[str, Any]
    ) -> Problem | None:
        """Valid and not revoked at SPSE's time (the page's), by BSrE's CRL fetched now."""
        at = server_time(args.get("waktu_server"), fallback=_desk_now)
        problem = check_own_certificate(certificate, chain, [], at)
        if problem is not None:
            return problem
        try:
            crls = [self._fetch_crl()]
        except (OSError, ValueError):
            return Problem("kodok.crl_tidak_tersedia")
        return check_own_certificate(certificate, chain, crls, at)

    def _import_apd(self, args: dict[str, Any]) -> dict[str, Any]:
        """Import APD: read the old SpamKodok's export picked in the file dialog, check it at
        SPSE's time against BSrE's root and CRL, then make a new key and its CSR. The key is
        embedded only when BSrE's certificate for it comes back (``tanamSertifikat``)."""
        with self._lock:
            paths, self._next_files = self._next_files, None
        if not paths:
            return _fail(Problem("kodok.batal"))
        path = paths[0]
        try:
            data = path.read_bytes()
        except OSError:
            return _fail(Problem("kodok.file_tidak_ditemukan", {"name": path.name}))
        at = server_time(args.get("waktu_server"), fallback=_desk_now)
        try:
            roots = self._fetch_roots()
            crls = [self._fetch_crl()]
        except (OSError, ValueError):
            return _fail(Problem("kodok.crl_tidak_tersedia"))
        try:
            old = read_apd(
                data, str(args.get("passphrase") or ""), trust_roots=roots, crls=crls, at=at
            )
        except ApdError as exc:
            return _fail(Problem(f"kodok.{exc.code}", {"name": path.name}))
        key = self.new_key()
        subject = old.certificate.subject

        def first(oid: x509.ObjectIdentifier) -> str | None:
            values = subject.get_attributes_for_oid(oid)
            return str(values[0].value) if values else None

        csr = Keystore(self.keystore_path, self.passphrase, key).certificate_signing_request(
            common_name=first(NameOID.COMMON_NAME) or "Pengguna SPSE",
            organization=first(NameOID.ORGANIZATION_NAME),
            email=first(NameOID.EMAIL_ADDRESS),
        )
        with self._lock:
            self._pending_key = key
        return {
            "ok": True,
            "csr_pem": csr.public_bytes(serialization.Encoding.PEM).decode(),
            "old_certificate_pem": old.certificate.public_bytes(
                serialization.Encoding.PEM
            ).decode(),
            "subject": old.subject,
        }

    def _fetch_roots(self) -> list[x509.Certificate]:
        # SpamKodok 2 ships with BSrE's root; the simulation makes its BSrE per run, so the
        # root comes from BSrE's publication point.
        with urllib.request.urlopen(f"{self.server_url}/bsre/chain.pem", timeout=30) as answer:
            chain = x509.load_pem_x509_certificates(answer.read())
        return [c for c in chain if c.subject == c.issuer]

    def _open(self, args: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
        """Download the stored offer at ``dokumen`` (a URL of the page, fetched with the page's
        session, streamed to a file) and open it into a folder of documents."""
        tender_id = str(args.get("tender_id", ""))
        offer_id = str(args.get("offer_id", ""))
        try:
            sealed = self._download(str(args.get("dokumen", "")), tender_id, offer_id, source)
        except (OSError, ValueError):
            return {"ok": False, "code": "", "problems": [{"key": "kodok.unduh_gagal"}]}
        try:
            code, subject, files = self._open_offer(tender_id, offer_id, sealed, args)
        finally:
            sealed.unlink(missing_ok=True)
        self.opened.append(OpenedReport(tender_id, offer_id, code, subject, files))
        return {"ok": code == "dibuka", "code": code, "signer_subject": subject, "files": files}

    def _download(
        self, address: str, tender_id: str, offer_id: str, source: dict[str, Any]
    ) -> Path:
        frame, context = source.get("frame"), source.get("context")
        url = urllib.parse.urljoin(frame.url if frame is not None else self.server_url, address)
        if not url.startswith(self.server_url + "/"):
            raise ValueError(f"not an SPSE address: {url}")
        request = urllib.request.Request(url)
        if context is not None:
            cookies = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies(url))
            request.add_header("Cookie", cookies)
        target = self._work_dir("unduhan") / f"{_file_part(tender_id)}-{_file_part(offer_id)}.p7m"
        with urllib.request.urlopen(request, timeout=60) as answer, target.open("wb") as out:
            shutil.copyfileobj(answer, out, _DOWNLOAD_CHUNK)
        return target

    def _open_offer(
        self, tender_id: str, offer_id: str, sealed: Path, args: dict[str, Any]
    ) -> tuple[str, str, tuple[str, ...]]:
        keystore = self.keystore()
        if keystore.certificate is None:
            return "bukan_penerima", "", ()
        receipt_args = args["receipt"]
        receipt = cms.Receipt(
            sha256=str(receipt_args["sha256"]),
            size=int(receipt_args["size"]),
            received_at=datetime.fromisoformat(str(receipt_args["received_at"])),
        )
        folder = self._work_dir("dibuka") / _file_part(tender_id) / _file_part(offer_id)
        try:
            opened = open_offer(
                sealed,
                folder,
                recipient_key=keystore.private_key,
                recipient_certificate=keystore.certificate,
                trust_roots=[c for c in keystore.chain if c.subject == c.issuer],
                crls=[self._fetch_crl()],
                receipt=receipt,
                replace=True,
            )
        except cms.OfferError as exc:
            return exc.code, "", ()
        except PackageError:
            return cms.OfferAltered.code, "", ()
        if opened.manifest.tender_id != tender_id:
            for path in opened.documents.values():
                path.unlink(missing_ok=True)
            return cms.WrongTender.code, opened.signer_subject, ()
        documents = opened.documents
        disguised = []
        if self.profile.flag_disguised_files:
            disguised = disguised_documents({n: _head_of(p) for n, p in documents.items()})
        if disguised:
            # Opened, with the disguised documents named in the file list the pokja records.
            names = tuple(sorted(set(documents) - {d.rsplit(" (", 1)[0] for d in disguised}))
            return "berkas_tidak_sesuai", opened.signer_subject, (*names, *disguised)
        return "dibuka", opened.signer_subject, tuple(sorted(documents))

    def _fetch_crl(self) -> x509.CertificateRevocationList:
        # SpamKodok fetches BSrE's current CRL at every opening, as a real client would.
        with urllib.request.urlopen(f"{self.server_url}/bsre/crl.pem", timeout=30) as answer:
            return x509.load_pem_x509_crl(answer.read())


def _file_part(text: str) -> str:
    """`text` made safe as part of a file name."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)[:80] or "_"
