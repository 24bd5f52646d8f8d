"""``--base-url``: the page-object scenarios against another deployment, which has no /_sim.

The other deployment is a fake SPSE started without simulation mode (so without /_sim), on its
own port and data folder. A scenario that only uses the pages passes there; one tagged
@butuh-kendali-sim, and one that reaches for /_sim halfway, are reported as not applicable.
A failing one, re-run once (--reruns 1), stays failed with both attempts' evidence.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from fake_spse.server import RunningServer
from fake_spse.settings import Settings
from simulator.qa.report_html import read_report_data
from simulator.qa.run import run_qa
from simulator.scenarios.run import ScenarioRunRequest

pytestmark = pytest.mark.e2e

# A catalog of its own (ids outside the real catalog's use): the real one changes over time.
FEATURE = """# language: id
@sumber-domain-alur-penyedia @profil-semua
Fitur: Menjalankan skenario pada deployment lain

  @KODOK-991
  Skenario: Permintaan tautan pendaftaran hanya lewat halaman
    Ketika calon penyedia "CV Maju" mendaftar dengan alamat emailnya
    Maka halaman menampilkan pesan "daftar.email_terkirim"

  @KODOK-992 @butuh-kendali-sim
  Skenario: Skenario yang ditandai butuh kendali simulasi
    Dengan penyedia "CV Maju" telah mendaftar online

  @KODOK-993
  Skenario: Skenario yang memakai kendali simulasi di tengah jalan
    Dengan pokja "Pokja 1" dengan sertifikat tertanam telah mengumumkan paket tender

  @KODOK-994
  Skenario: Skenario yang selalu gagal tetap gagal setelah diulang
    Ketika calon penyedia "CV Maju" mendaftar dengan alamat emailnya
    Maka halaman menampilkan pesan "login.harus_login"
"""


def test_scenarios_needing_the_control_plane_are_not_applicable_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = tmp_path / "katalog"
    catalog.mkdir()
    (catalog / "deployment_lain.feature").write_text(FEATURE, encoding="utf-8")
    monkeypatch.setenv("SPSE_SIM_CATALOG", str(catalog))
    settings = Settings(data_dir=tmp_path / "lpse-lain", simulation=False)
    with RunningServer(settings) as other:
        assert httpx.get(other.url + "/_sim/health").status_code == 404
        request = ScenarioRunRequest(output_dir=tmp_path / "run", base_url=other.spse_url)
        result = run_qa(request, reruns=1)
    statuses = {o.scenario_id: (o.status, o.error) for o in result.outcomes}
    assert statuses["KODOK-991"] == ("passed", "")
    assert statuses["KODOK-992"][0] == "n/a"
    assert "butuh /_sim" in statuses["KODOK-992"][1]
    assert statuses["KODOK-993"][0] == "n/a"
    assert "tidak ada /_sim di " + other.spse_url in statuses["KODOK-993"][1]
    failed = next(o for o in result.outcomes if o.scenario_id == "KODOK-994")
    assert failed.status == "failed"
    assert [a.status for a in failed.attempts] == ["failed", "failed"]
    assert failed.attempts[1].artifacts.startswith("rerun-1/")
    assert (tmp_path / "run" / failed.attempts[1].artifacts / "chronology.json").exists()
    assert failed.checks[0].observed != failed.checks[0].expected
    assert result.exit_code == 1
    assert result.manifest["base_url"] == other.spse_url
    report = result.report.read_text(encoding="utf-8")
    assert other.spse_url in report
    assert read_report_data(report)["counts"]["n/a"] == 2
    assert report.count('<span class="badge s-na">tidak berlaku</span>') >= 2
    assert "rerun-1/" in report
