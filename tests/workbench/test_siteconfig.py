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
    assert message in caught.value.in_language("en")


def test_the_environment_points_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_SITE_CONFIG", str(tmp_path / "it.toml"))
    assert site_config_path() == tmp_path / "it.toml"
    monkeypatch.delenv("WORKBENCH_SITE_CONFIG")
    assert site_config_path().name == "config.toml"
    assert "caseworker-workbench" in str(site_config_path())


def test_users_choices_override_it_and_it_changes_still_reach_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.session import Workbench
    from workbench.settings import Settings

    config = tmp_path / "config.toml"
    config.write_text('export_folder = "/srv/udtraek"\namber_days = 14\n', encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_SITE_CONFIG", str(config))
    database = tmp_path / "user.db"
    with Workbench.open(database) as workbench:
        assert (workbench.settings.load().export_folder,
                workbench.settings.load().amber_days) == ("/srv/udtraek", 14)
        chosen = workbench.settings.load()
        workbench.settings.save(Settings(**{**chosen.__dict__, "amber_days": 10,
                                            "my_initials": "ABC"}))
    # IT moves the export folder; the user's own amber window stays theirs.
    config.write_text('export_folder = "/srv/ny"\namber_days = 14\n', encoding="utf-8")
    with Workbench.open(database) as workbench:
        settings = workbench.settings.load()
    assert (settings.export_folder, settings.amber_days, settings.my_initials) == (
        "/srv/ny", 10, "ABC")


def test_a_broken_site_file_stops_the_workbench_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import EXIT_INPUT, main

    config = tmp_path / "config.toml"
    config.write_text("amber_days = -1\n", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_SITE_CONFIG", str(config))
    assert main(["--db", str(tmp_path / "x.db"), "status"]) == EXIT_INPUT
    error = capsys.readouterr().err
    assert str(config) in error and "amber_days" in error
    assert "Traceback" not in error


def test_team_join_takes_its_shared_folder_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import EXIT_INPUT, EXIT_OK, main

    share = tmp_path / "miniteams"
    share.mkdir()
    config = tmp_path / "config.toml"
    monkeypatch.setenv("WORKBENCH_SITE_CONFIG", str(config))
    config.write_text("", encoding="utf-8")
    database = str(tmp_path / "ab.db")
    assert main(["--db", database, "team", "join", "--me", "AB", "--members", "AB,CD"]) == (
        EXIT_INPUT)
    assert "nævner ingen af dem" in capsys.readouterr().err
    config.write_text(f"team_folder = '{share}'\n", encoding="utf-8")
    assert main(["--db", database, "team", "join", "--me", "AB", "--members", "AB,CD"]) == (
        EXIT_OK)
    assert str(share) in capsys.readouterr().out
