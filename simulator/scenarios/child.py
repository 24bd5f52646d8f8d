"""The child pytest of a scenario run, started as ``python -P -c CHILD_CODE ARGS``.

A Ctrl-C that reaches the child while it is still starting (importing pytest, Playwright and
the fake server, which takes seconds on a busy machine) would end it with a Python traceback
on the user's terminal. Until the session starts, SIGINT therefore ends the child quietly with
130 (as a shell reports Ctrl-C): ``os._exit``, since pytest reports a SystemExit raised while it
configures as an internal error, and before the session nothing runs that needs closing (no
worker, browser or server). From then on pytest's own handling of KeyboardInterrupt applies
(``simulator.scenarios.plugin`` restores it at session start), and what teardown raises after
it no longer reaches the terminal as a traceback: the child ends with 130.

The code runs with ``-c``, not as a module of this package: importing ``simulator`` before
pytest would keep pytest from rewriting the asserts of the scenario plugin.
"""

from __future__ import annotations

# 128 + SIGINT: what a shell reports for a process stopped by Ctrl-C.
INTERRUPTED_EXIT_CODE = 130

CHILD_CODE = f"""
import os, signal, sys

def _quiet_exit(signum, frame):
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    os._exit({INTERRUPTED_EXIT_CODE})

signal.signal(signal.SIGINT, _quiet_exit)
import pytest

interrupted = []

class _Interruption:
    def pytest_keyboard_interrupt(self, excinfo):
        interrupted.append(True)

try:
    code = int(pytest.main(plugins=[_Interruption()]))
except BaseException:
    # After a Ctrl-C, teardown may still fail (Playwright's driver heard the Ctrl-C too and
    # is gone); pytest lets that escape as an exception group. The run ends as interrupted.
    if interrupted:
        sys.exit({INTERRUPTED_EXIT_CODE})
    raise
sys.exit(code)
"""
