"""The real ``spse-sim`` console script as a process, the tree under test first on its path."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
SPSE_SIM = Path(sys.executable).with_name("spse-sim")  # the console script pyproject declares


def environment() -> dict[str, str]:
    """The tree under test first on the path, whatever the script was installed from."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


@contextmanager
def started(
    args: Sequence[str], *, cwd: Path, stderr: IO[str], new_session: bool = False
) -> Iterator[subprocess.Popen[str]]:
    """``spse-sim ARGS`` running, its stdout a text pipe; killed if still running after."""
    child = subprocess.Popen(
        [str(SPSE_SIM), *args],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env=environment(),
        cwd=cwd,
        start_new_session=new_session,
    )
    try:
        assert child.stdout is not None
        yield child
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stdout is not None:
            child.stdout.close()
