"""Serve a fake SPSE with uvicorn on a real port, in a background thread of this process."""

from __future__ import annotations

import socket
import threading
from types import TracebackType

import uvicorn

from fake_spse.app import create_app
from fake_spse.settings import Settings


class RunningServer:
    """A started server; use as a context manager or call ``stop()``."""

    def __init__(self, settings: Settings, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.settings = settings
        # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY on accepted connections only for
        # TCP sockets it recognises as such; without it every response waits ~40 ms (Nagle).
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Binding here, before uvicorn starts, gives the real port at once (port 0 = any free).
        self._socket.bind((host, port))
        self.host, self.port = self._socket.getsockname()[:2]
        # The LPSE's SMTP server, bound here too so that its port is known at once; the app's
        # lifespan serves it on uvicorn's event loop and closes it when the server stops.
        self._smtp_socket: socket.socket | None = None
        self._smtp_address: tuple[str, int] | None = None
        if settings.smtp_port is not None:
            self._smtp_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self._smtp_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._smtp_socket.bind((settings.smtp_host, settings.smtp_port))
            self._smtp_socket.listen(16)
            self._smtp_socket.setblocking(False)
            smtp_host, smtp_port = self._smtp_socket.getsockname()[:2]
            self._smtp_address = (str(smtp_host), int(smtp_port))
        config = uvicorn.Config(
            create_app(settings, smtp_socket=self._smtp_socket),
            log_level="warning",
            access_log=False,
            lifespan="on",
        )
        self._server = uvicorn.Server(config)
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
    def url(self) -> str:
        """The root URL, e.g. http://127.0.0.1:41234."""
        return f"http://{self.host}:{self.port}"

    @property
    def spse_url(self) -> str:
        """SPSE's home under the base path, e.g. http://127.0.0.1:41234/eproc4."""
        return self.url + self.settings.base_path

    @property
    def smtp_address(self) -> tuple[str, int] | None:
        """(host, port) of the LPSE's SMTP server, or None when it has none."""
        return self._smtp_address

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._socket.close()
        if self._smtp_socket is not None:
            self._smtp_socket.close()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
