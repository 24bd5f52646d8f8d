"""Compiled templates are shared by every fake SPSE of a process (a scenario worker loads one
per scenario): a page is compiled once, and an edited template is compiled anew."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import jinja2
import pytest

from fake_spse.server import ServerHost
from fake_spse.settings import Settings
from fake_spse.web.common import CompiledTemplates


def compilations(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The names of the templates jinja2 compiles from now on (in this test)."""
    compiled: list[str | None] = []
    original = jinja2.Environment.compile

    def spy(self: jinja2.Environment, source: Any, name: str | None = None, *a: Any) -> Any:
        compiled.append(name)
        return original(self, source, name, *a)

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    return compiled


def test_a_second_lpse_renders_its_pages_without_compiling_them_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ServerHost(templates=True) as host, httpx.Client(base_url=host.url) as http:
        host.load(Settings(data_dir=tmp_path / "a"))
        first = http.get("/eproc4/login")
        assert first.status_code == 200
        compiled = compilations(monkeypatch)
        host.load(Settings(data_dir=tmp_path / "b"))
        second = http.get("/eproc4/login")
    assert second.status_code == 200
    assert compiled == []
    assert "<form" in second.text


def test_a_second_lpse_does_not_read_its_templates_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ServerHost(templates=True) as host, httpx.Client(base_url=host.url) as http:
        host.load(Settings(data_dir=tmp_path / "a"))
        assert http.get("/eproc4/login").status_code == 200
        read: list[str] = []
        original = jinja2.PackageLoader.get_source

        def spy(self: jinja2.PackageLoader, env: jinja2.Environment, name: str) -> Any:
            read.append(name)
            return original(self, env, name)

        monkeypatch.setattr(jinja2.PackageLoader, "get_source", spy)
        host.load(Settings(data_dir=tmp_path / "b"))
        second = http.get("/eproc4/login")
    assert second.status_code == 200
    assert read == []
    assert "<form" in second.text


def test_an_edited_template_is_compiled_anew() -> None:
    cache = CompiledTemplates()

    def render(source: str) -> str:
        env = jinja2.Environment(
            loader=jinja2.DictLoader({"page.html": source}), bytecode_cache=cache
        )
        return env.get_template("page.html").render(name="Kodok")

    assert render("Halo {{ name }}") == "Halo Kodok"
    assert render("Selamat datang, {{ name }}") == "Selamat datang, Kodok"


def test_another_process_finds_the_templates_compiled_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def environment(cache: CompiledTemplates) -> jinja2.Environment:
        return jinja2.Environment(
            loader=jinja2.DictLoader({"page.html": "Halo {{ name }}"}), bytecode_cache=cache
        )

    def on_disk() -> jinja2.BytecodeCache:
        return jinja2.FileSystemBytecodeCache(str(tmp_path))

    first = environment(CompiledTemplates(disk=on_disk)).get_template("page.html")
    assert first.render(name="Kodok") == "Halo Kodok"
    compiled = compilations(monkeypatch)
    # A new process: its own memory cache, the same folder.
    again = environment(CompiledTemplates(disk=on_disk)).get_template("page.html")
    assert again.render(name="Kodok") == "Halo Kodok"
    assert compiled == []
