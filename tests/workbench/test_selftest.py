"""``workbench --self-test`` passes on a whole installation and names what is missing."""

import shutil
import sys
from pathlib import Path

import pytest

from workbench.cli import EXIT_INPUT, EXIT_OK, main
from workbench.messages import LANGUAGE_ENV
from workbench.resources import resource_dir

ENGLISH = ["--self-test", "--language", "en"]


def test_self_test_passes_on_the_source_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(ENGLISH) == EXIT_OK
    output = capsys.readouterr().out
    assert "FAIL" not in output
    assert "2 rule profile(s), 29 rules" in output
    assert "demo export: 60 cases" in output


@pytest.mark.parametrize(
    ("removed", "complaint"),
    [
        ("demo/sager.csv", "demo export missing"),
        ("translations", "translations missing"),
        ("rules", "no rule profiles"),
    ],
)
def test_self_test_names_what_the_bundle_lacks(
    removed: str, complaint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bundle = tmp_path / "resources"
    shutil.copytree(resource_dir(), bundle)
    target = bundle / removed
    if target.is_dir():
        shutil.rmtree(target)
    else:
        target.unlink()
    monkeypatch.setenv("WORKBENCH_RESOURCES", str(bundle))
    assert main(ENGLISH) == EXIT_INPUT
    captured = capsys.readouterr()
    assert complaint in captured.out
    assert "self-test FAILED" in captured.err
    assert "Traceback" not in captured.out + captured.err


def test_self_test_reports_a_broken_it_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('language = "de"\n', encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_SITE_CONFIG", str(config))
    monkeypatch.setenv(LANGUAGE_ENV, "en")  # the self-test speaks to IT, in English
    assert main(["--self-test"]) == EXIT_INPUT
    output = capsys.readouterr().out
    assert "FAIL  machine-wide configuration" in output
    assert "key 'language'" in output


def test_self_test_loads_the_site_mapping_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WORKBENCH_SITE_CONFIG", str(tmp_path / "config.toml"))
    (tmp_path / "mappings").mkdir()
    (tmp_path / "mappings" / "kommune.toml").write_text(
        '[values."Hændelse"]\n"samtale" = ["Kaffesamtale"]\n', encoding="utf-8")
    assert main(ENGLISH) == EXIT_OK
    assert "site 1, user 0" in capsys.readouterr().out

    (tmp_path / "mappings" / "andet.toml").write_text(
        '[values."Hændelse"]\n"tilbud" = ["kaffesamtale"]\n', encoding="utf-8")
    assert main(ENGLISH) == EXIT_INPUT
    output = capsys.readouterr().out
    assert "FAIL  column mappings" in output and "andet.toml" in output

    (tmp_path / "mappings" / "andet.toml").write_text('[columns]\n"Farve" = ["x"]\n',
                                                      encoding="utf-8")
    assert main(ENGLISH) == EXIT_INPUT
    output = capsys.readouterr().out
    assert "FAIL  column mappings" in output and "'Farve'" in output


def test_self_test_shows_the_sqlcipher_it_encrypts_with(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(ENGLISH) == EXIT_OK
    line = next(line for line in capsys.readouterr().out.splitlines() if "encryption" in line)
    assert line.startswith("ok    encryption: SQLCipher 4.")


def test_a_bundle_without_sqlcipher_fails_its_self_test(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # import fails as if absent
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert main(["--self-test"]) == EXIT_INPUT
    # In Danish, the default language of the messages.
    assert "FEJL  kryptering: kryptering af databasen kræver de valgfri pakker sqlcipher3 " \
        in capsys.readouterr().out


def test_a_source_install_without_sqlcipher_is_told_it_is_optional(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    assert main(ENGLISH) == EXIT_OK
    assert "ok    encryption: not installed" in capsys.readouterr().out


def test_self_test_speaks_danish_by_default_and_english_when_asked(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == EXIT_OK
    danish = capsys.readouterr()
    assert "ok    regelprofiler: 2 regelprofil(er), 29 regler" in danish.out
    assert "ok    database og statusser: demo-udtræk: 60 sager," in danish.out
    assert "røde" in danish.out and "kryptering:" in danish.out
    assert danish.err.strip() == "selvtesten bestået"
    for english in ("rule profiles", "column mappings", "translations", "machine-wide",
                    "database and statuses", "encryption:", "cases", " red", "passed"):
        assert english not in danish.out + danish.err

    assert main(["--language=en", "--self-test"]) == EXIT_OK
    english_run = capsys.readouterr()
    assert "ok    column mappings: 3 mapping file(s) (bundled 3," in english_run.out
    assert english_run.err.strip() == "self-test passed"
    assert "regelprofiler" not in english_run.out


def test_a_failed_self_test_says_so_in_danish(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    bundle = tmp_path / "resources"
    shutil.copytree(resource_dir(), bundle)
    shutil.rmtree(bundle / "translations")
    monkeypatch.setenv("WORKBENCH_RESOURCES", str(bundle))
    assert main(["--self-test"]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert "FEJL  oversættelser: oversættelser mangler i " in captured.out
    assert captured.err.strip() == "selvtesten FEJLEDE"
    assert "FAIL" not in captured.out + captured.err
