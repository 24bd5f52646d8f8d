"""A small site whose pages load a script that arrives late, for page objects that follow a
link to one of SpamKodok's pages (their forms are sent by the page's script)."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

# How late the script arrives: a slow network. A page object that acts once the new page is
# shown, not loaded, acts before the script has run.
LATE_SCRIPT_S = 0.5
LATE_SCRIPT_PATH = "/late.js"
LATE_SCRIPT = b"window.lateScriptRan = true;"


@dataclass
class Site:
    """``url`` serves ``pages`` (path -> HTML) and ``LATE_SCRIPT`` at ``LATE_SCRIPT_PATH``."""

    url: str
    pages: dict[str, str] = field(default_factory=dict)


@contextmanager
def serving() -> Iterator[Site]:
    """The site, served on a free local port while the block runs."""
    site = Site("")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == LATE_SCRIPT_PATH:
                # The slow network, on the server's thread: the race under test is between the
                # page's script and the page object's next action, and only a script that
                # arrives late shows it. Nothing in the tests sleeps; they wait on the page.
                time.sleep(LATE_SCRIPT_S)
                body, kind = LATE_SCRIPT, "text/javascript"
            elif self.path in site.pages:
                body, kind = site.pages[self.path].encode(), "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
