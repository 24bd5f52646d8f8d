"""``spse-sim serve``: what it checks before seeding and what it says at start-up."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import START

from fake_spse.app import build_services
from fake_spse.settings import Settings
from simulator.cli.main import main
from simulator.demo.basic import PortBusy, armed_faults_line, require_free_port


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock


def test_a_port_another_program_listens_on_is_refused(listener: socket.socket) -> None:
    port = listener.getsockname()[1]

    with pytest.raises(PortBusy, match=f"port {port} di 127.0.0.1 sudah dipakai program lain"):
        require_free_port("127.0.0.1", port)


def test_a_free_port_passes() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    require_free_port("127.0.0.1", port)


def test_serve_refuses_a_busy_port_before_seeding_anything(
    listener: socket.socket, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    port = str(listener.getsockname()[1])

    code = main(["serve", "--data-dir", str(data), "--port", port])

    assert code == 2
    assert "sudah dipakai program lain" in capsys.readouterr().err
    assert not list(data.glob("*seeded*"))
    assert not (data / "spse.sqlite3").exists()


def test_start_up_names_the_faults_left_on_by_the_last_session(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, clock_start=START)
    services = build_services(settings)
    assert armed_faults_line(services) == "Gangguan aktif: tidak ada."

    services.simulation.faults.arm("upload.slow", params={"delay_ms": 500})
    services.simulation.faults.arm("adp.down")

    line = armed_faults_line(build_services(settings))  # the next session reads the same board
    assert line.startswith("PERHATIAN: gangguan dari sesi sebelumnya masih aktif: ")
    assert "adp.down" in line
    assert "upload.slow (delay_ms=500)" in line
