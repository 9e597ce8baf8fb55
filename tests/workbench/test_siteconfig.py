"""Machine-wide defaults from the file IT deploys."""

import datetime as dt
from pathlib import Path

import pytest

from workbench.siteconfig import (
    SiteConfigError,
    SiteDefaults,
    load_site_defaults,
    site_config_path,
)

FULL = """
export_folder = '\\\\fil01\\jobcenter\\udtraek'
profile_name = "default"
amber_days = 14
closure_days = [2026-05-15, 2026-12-28]
language = "en"
team_folder = '\\\\fil01\\jobcenter\\miniteams'
team_server = "postgresql+psycopg://workbench@db01/jobcenter"
"""


def test_no_file_means_no_defaults(tmp_path: Path) -> None:
    assert load_site_defaults(tmp_path / "absent.toml") == SiteDefaults()
    assert SiteDefaults().as_settings() == {}


def test_every_key_is_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(FULL, encoding="utf-8")
    defaults = load_site_defaults(path)
    assert defaults.export_folder == "\\\\fil01\\jobcenter\\udtraek"
    assert defaults.team_server == "postgresql+psycopg://workbench@db01/jobcenter"
    assert defaults.as_settings() == {
        "export_folder": "\\\\fil01\\jobcenter\\udtraek",
        "profile_name": "default",
        "amber_days": 14,
        "closure_days": (dt.date(2026, 5, 15), dt.date(2026, 12, 28)),
        "language": "en",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("amber_days = -3", "key 'amber_days' must be a whole number"),
        ('amber_days = "21"', "key 'amber_days' must be a whole number"),
        ('language = "de"', "key 'language' must be \"da\" or \"en\""),
        ('closure_days = ["2026-05-15"]', "key 'closure_days' must be a list of dates"),
        ('export_folder = ""', "key 'export_folder' must be a folder path"),
        ("colour = 'blue'", "unknown key 'colour'"),
        ("amber_days = ", "cannot be read"),
    ],
)
def test_a_broken_file_names_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SiteConfigError) as caught:
        load_site_defaults(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_the_environment_points_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_SITE_CONFIG", str(tmp_path / "it.toml"))
    assert site_config_path() == tmp_path / "it.toml"
    monkeypatch.delenv("WORKBENCH_SITE_CONFIG")
    assert site_config_path().name == "config.toml"
    assert "caseworker-workbench" in str(site_config_path())
