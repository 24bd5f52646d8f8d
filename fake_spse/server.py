"""Serve a fake SPSE with uvicorn on a real port, in a background thread of this process.

``ServerHost`` is one uvicorn on one port whose fake SPSE can be swapped: ``load(settings)``
builds a new app (its own data directory, SMTP server, sessions) and puts it behind the port,
``unload()`` takes it away. A scenario worker keeps one host and loads a fresh LPSE per scenario,
so a scenario pays for ``create_app`` only, not for starting and stopping a web server.
With ``templates=True`` a host builds each kind of LPSE (same settings but the data directory)
once, in a template directory, and starts every new data directory as a copy of it (empty
databases with their schemas, a fresh clock, BSrE's CA made at the clock's start) instead of
creating them each time.
``RunningServer`` is a host with one LPSE loaded for its whole life (tests, tickets).
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import socket
import tempfile
import threading
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any

import uvicorn
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fake_spse.adapters.ca import CertificateAuthority
from fake_spse.app import BSRE_DIR, create_app
from fake_spse.settings import Settings
from fake_spse.storage.sqlite import close_pooled

# How long loading or unloading an LPSE (its lifespan: the SMTP server) may take.
LIFESPAN_TIMEOUT_S = 30


class _Lifespan:
    """Runs one loaded app's ASGI lifespan (startup now, shutdown at unload) on the host's loop."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app
        self._inbox: asyncio.Queue[Message] = asyncio.Queue()
        self._outbox: asyncio.Queue[Message] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def _exchange(self, message: str) -> None:
        await self._inbox.put({"type": message})
        assert self._task is not None
        answer = asyncio.ensure_future(self._outbox.get())
        done, _ = await asyncio.wait({answer, self._task}, return_when=asyncio.FIRST_COMPLETED)
        if answer not in done:
            answer.cancel()
            self._task.result()  # the app's own error, if it raised
            raise RuntimeError(f"the fake SPSE ended its lifespan during {message}")
        reply = answer.result()
        if reply["type"].endswith(".failed"):
            raise RuntimeError(f"{message} failed: {reply.get('message', '')}")

    async def startup(self) -> None:
        scope: dict[str, Any] = {"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}
        self._task = asyncio.ensure_future(self._app(scope, self._inbox.get, self._outbox.put))
        await self._exchange("lifespan.startup")

    async def shutdown(self) -> None:
        if self._task is None or self._task.done():
            return
        await self._exchange("lifespan.shutdown")
        await self._task


class _Dispatcher:
    """The host's ASGI app: every request goes to the LPSE loaded now (503 when none is)."""

    def __init__(self) -> None:
        self.app: ASGIApp | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            # The host's own lifespan: remember the loop; each loaded app gets its own.
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    self.loop = asyncio.get_running_loop()
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        app = self.app
        if app is None:
            if scope["type"] == "http":
                await send(
                    {
                        "type": "http.response.start",
                        "status": 503,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8")],
                    }
                )
                await send({"type": "http.response.body", "body": b"no LPSE loaded\n"})
            return
        await app(scope, receive, send)


def _tcp_socket() -> socket.socket:
    """A listening socket's start. IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY on the
    connections it accepts only for sockets it recognises as TCP; without it a reply written in
    parts waits ~40 ms for the client's delayed ACK (Nagle): every HTTP response, and every
    SMTP EHLO, whose reply is one write per line."""
    return socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)


class PromptServer(uvicorn.Server):
    """uvicorn's server, less its tenths of a second of stopping.

    uvicorn looks at ``should_exit`` every 0.1 s, and shutting down it sleeps another 0.1 s
    before it waits for the connections to finish: a stop took 0.13-0.16 s, at the end of
    every run and of every test that starts a server (a fifth of the server tests' time).
    Here ``exit_now`` wakes the main loop at once, and shutting down waits in short steps,
    only while a connection still answers a request.
    """

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None

    def exit_now(self) -> None:
        """Stop serving (from any thread)."""
        self.should_exit = True
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None and not loop.is_closed():
            loop.call_soon_threadsafe(wake.set)

    async def main_loop(self) -> None:
        # uvicorn's loop (on_tick every 0.1 s: its Date header, its request limits), woken
        # early by exit_now.
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), 0.1)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        # uvicorn's Server.shutdown without its fixed sleep: stop accepting, ask every
        # connection to close (an idle kept-alive one closes at once), wait while any still
        # answers (within uvicorn's timeout_graceful_shutdown, None: as long as it takes),
        # then the lifespan's shutdown.
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()
        loop = asyncio.get_running_loop()
        timeout = self.config.timeout_graceful_shutdown
        deadline = None if timeout is None else loop.time() + timeout
        while self.server_state.connections or self.server_state.tasks:
            if deadline is not None and loop.time() >= deadline:
                for task in self.server_state.tasks:
                    task.cancel(msg="Task cancelled, timeout graceful shutdown exceeded")
                break
            await asyncio.sleep(0.005)
        if not self.force_exit:
            await self.lifespan.shutdown()


class ServerHost:
    """A started uvicorn on a real port; ``load`` an LPSE into it, ``stop()`` at the end."""

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, templates: bool = False) -> None:
        self._templates: dict[Settings, Path] | None = {} if templates else None
        self._template_root: Path | None = None
        self._socket = _tcp_socket()
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Binding here, before uvicorn starts, gives the real port at once (port 0 = any free).
        self._socket.bind((host, port))
        self.host, self.port = self._socket.getsockname()[:2]
        self._settings: Settings | None = None
        self._lifespan: _Lifespan | None = None
        self._smtp_socket: socket.socket | None = None
        self._smtp_address: tuple[str, int] | None = None
        self._dispatcher = _Dispatcher()
        # ws="none": SPSE's pages use no WebSocket, and uvicorn's default ("auto") imports a
        # WebSocket library (wsproto, which Locust installs) in every process that starts a
        # server: about 60 ms of CPU in the journey's start and in each catalog worker.
        config = uvicorn.Config(
            self._dispatcher, log_level="warning", access_log=False, lifespan="on", ws="none"
        )
        self._server = PromptServer(config)
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [self._socket]},
            daemon=True,
            name=f"fake-spse-{self.port}",
        )
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the fake SPSE server failed to start")
            self._thread.join(0.01)

    @property
    def settings(self) -> Settings:
        """The settings of the LPSE loaded now."""
        if self._settings is None:
            raise RuntimeError("no LPSE loaded")
        return self._settings

    @property
    def url(self) -> str:
        """The root URL, e.g. http://127.0.0.1:41234."""
        return f"http://{self.host}:{self.port}"

    @property
    def spse_url(self) -> str:
        """SPSE's home under the base path, e.g. http://127.0.0.1:41234/eproc4."""
        return self.url + self.settings.base_path

    @property
    def smtp_address(self) -> tuple[str, int] | None:
        """(host, port) of the loaded LPSE's SMTP server, or None when it has none."""
        return self._smtp_address

    def load(self, settings: Settings) -> None:
        """Serve a fresh fake SPSE built from ``settings`` (unloading the one before)."""
        self.unload()
        self._from_template(settings)
        smtp_socket = None
        if settings.smtp_port is not None:
            # Bound here so that its port is known at once; the app's lifespan serves it.
            smtp_socket = _tcp_socket()
            try:
                smtp_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                smtp_socket.bind((settings.smtp_host, settings.smtp_port))
                smtp_socket.listen(16)
                smtp_socket.setblocking(False)
            except OSError:
                smtp_socket.close()
                raise
        try:
            app = create_app(settings, smtp_socket=smtp_socket)
            lifespan = _Lifespan(app)
            self._on_loop(lifespan.startup())
        except BaseException:
            if smtp_socket is not None:
                smtp_socket.close()
            raise
        self._settings = settings
        self._lifespan = lifespan
        self._smtp_socket = smtp_socket
        if smtp_socket is not None:
            smtp_host, smtp_port = smtp_socket.getsockname()[:2]
            self._smtp_address = (str(smtp_host), int(smtp_port))
        self._dispatcher.app = app

    def unload(self) -> None:
        """Stop serving the loaded LPSE (its SMTP server stops); its data stays on disk."""
        self._dispatcher.app = None
        lifespan, self._lifespan = self._lifespan, None
        smtp_socket, self._smtp_socket = self._smtp_socket, None
        settings = self._settings
        self._smtp_address = None
        try:
            if lifespan is not None and self._thread.is_alive():
                self._on_loop(lifespan.shutdown())
        finally:
            if smtp_socket is not None:
                smtp_socket.close()
            if settings is not None:
                # The WALs, kept open by the pooled connections while it was loaded, are
                # folded into the databases once, now.
                close_pooled([settings.data_dir, settings.adp_db_path])

    def _from_template(self, settings: Settings) -> None:
        """Start a new, empty data directory as a copy of the template for such settings."""
        if self._templates is None or settings.adp_path is not None:
            return
        if settings.data_dir.exists() and any(settings.data_dir.iterdir()):
            return  # an existing LPSE keeps its state
        kind = replace(settings, data_dir=Path("."))
        template = self._templates.get(kind)
        if template is None:
            if self._template_root is None:
                self._template_root = Path(tempfile.mkdtemp(prefix="spse-sim-templates-"))
            template = self._template_root / str(len(self._templates))
            create_app(replace(settings, data_dir=template, smtp_port=None))
            if settings.clock_start is not None:
                # BSrE's CA too (made on its first use otherwise: keys, certificates and four
                # fsynced files per scenario), as it would be made at the LPSE's start time.
                start = settings.clock_start
                CertificateAuthority(template / BSRE_DIR, lambda: start).chain()
            close_pooled([template])
            if any(template.rglob("*-wal")):
                return  # a database still open: no clean copy to make
            self._templates[kind] = template
        shutil.copytree(template, settings.data_dir, dirs_exist_ok=True)

    def _on_loop(self, coroutine: Any) -> None:
        loop = self._dispatcher.loop
        if loop is None:
            coroutine.close()
            raise RuntimeError("the fake SPSE server is not running")
        asyncio.run_coroutine_threadsafe(coroutine, loop).result(LIFESPAN_TIMEOUT_S)

    def stop(self) -> None:
        try:
            self.unload()
        finally:
            self._server.exit_now()
            self._thread.join(10)
            self._socket.close()
            if self._template_root is not None:
                shutil.rmtree(self._template_root, ignore_errors=True)

    def __enter__(self) -> ServerHost:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class RunningServer(ServerHost):
    """A started server serving one LPSE; use as a context manager or call ``stop()``."""

    def __init__(self, settings: Settings, *, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__(host=host, port=port)
        try:
            self.load(settings)
        except BaseException:
            self.stop()
            raise

    def __enter__(self) -> RunningServer:
        return self
