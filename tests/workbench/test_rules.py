"""Rule profiles as data: the default profile, a second one, and malformed ones refused."""

import datetime as dt
import re
from pathlib import Path

import pytest

from workbench.errors import ProfileError
from workbench.messages import LANGUAGE_ENV
from workbench.resources import available_profiles, load_named_profile
from workbench.rules import RuleKind, Unit, load_profile, parse_profile
from workbench.vocabulary import Scheme

DOMAIN_RULE_IDS = [
    "SDP1", "SDP2", "SDP3", "SDP4", "SDP5", "FL1", "FL2", "FL3", "FL4",
    "JAF1", "RF1", "RF2", "KH1",
]

MINIMAL_RULE = """
[profile]
id = "test"
title = "Test"

[[rule]]
id = "KH1"
scheme = "kontanthjælp"
title_da = "Kontaktsamtale"
title_en = "Contact conversation"
kind = "recurring"
every = { offset = 3, unit = "months" }
satisfied_by = ["samtale"]
reference = "test"
"""


@pytest.fixture(autouse=True)
def _in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the English texts; the Danish ones are checked below."""
    monkeypatch.setenv(LANGUAGE_ENV, "en")


def test_default_profile_has_every_rule_of_domain_md_in_order() -> None:
    profile = load_named_profile("kbh-2006-2017")
    assert [rule.id for rule in profile.rules] == DOMAIN_RULE_IDS
    assert {"kbh-2006-2017", "gaeldende-2026"} <= set(available_profiles())


def test_every_default_rule_is_traceable() -> None:
    for rule in load_named_profile("kbh-2006-2017").rules:
        assert rule.reference, rule.id
        assert rule.title_da and rule.title_en, rule.id
        assert rule.valid_from is not None, rule.id


def test_default_profile_shapes() -> None:
    profile = load_named_profile("kbh-2006-2017")
    assert profile.rule("FL2").kind is RuleKind.COUNT_IN_WINDOW
    assert [c.at_least for c in profile.rule("FL2").counts] == [6, 2]
    assert profile.rule("RF2").repeat
    assert profile.rule("SDP2").requires == "SDP1"
    assert profile.rule("SDP1").due is not None
    assert profile.rule("SDP1").due.unit is Unit.END_OF_WEEK
    assert len(profile.rule("FL4").age_bands) == 3


def test_a_second_profile_needs_no_code(tmp_path: Path) -> None:
    path = tmp_path / "kommune.toml"
    path.write_text(MINIMAL_RULE, encoding="utf-8")
    profile = load_profile(path)
    assert profile.id == "test"
    assert profile.rules_for(Scheme.KONTANTHJAELP, dt.date(2026, 1, 1))[0].id == "KH1"
    assert profile.rules_for(Scheme.SYGEDAGPENGE, dt.date(2026, 1, 1)) == []


def test_validity_dates_select_rules_by_the_case_start() -> None:
    dated = 'reference = "test"\nvalid_from = 2026-01-01\nvalid_to = 2026-12-31'
    text = MINIMAL_RULE.replace('reference = "test"', dated)
    profile = parse_profile(text, "dated.toml")
    for start, governed in [(dt.date(2025, 12, 31), False), (dt.date(2026, 1, 1), True),
                            (dt.date(2026, 12, 31), True), (dt.date(2027, 1, 1), False)]:
        assert bool(profile.rules_for(Scheme.KONTANTHJAELP, start)) is governed, start


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('title_da = "Kontaktsamtale"\n', ""), "bad.toml, rule KH1, field 'title_da': must be"),
        (('kind = "recurring"', 'kind = "sometimes"'), "rule KH1, field 'kind': must be one of"),
        (('unit = "months"', 'unit = "fortnights"'), "rule KH1, field 'every.unit'"),
        (("offset = 3", "offset = -3"), "rule KH1, field 'every.offset'"),
        (('satisfied_by = ["samtale"]', 'satisfied_by = ["kaffe"]'),
         "rule KH1, field 'satisfied_by': unknown event kind"),
        (('satisfied_by = ["samtale"]', "satisfied_by = []"), "field 'satisfied_by'"),
        (('scheme = "kontanthjælp"', 'scheme = "pension"'), "rule KH1, field 'scheme'"),
        (('every = { offset = 3, unit = "months" }', ""), "field 'every': a recurring rule needs"),
        (('reference = "test"', 'reference = "test"\nvalid_from = "soon"'), "field 'valid_from'"),
        (('reference = "test"', 'reference = "test"\nvalid_from = 2026-01-01\n'
          "valid_to = 2025-01-01"), "field 'valid_to': is before valid_from"),
        (('reference = "test"', 'reference = "test"\nrequires = "SDP1"'), "field 'requires'"),
        (('id = "test"', 'id = ""'), "field 'profile.id'"),
        (("[[rule]]", "[[rule]]\n[[rule"), "not valid TOML"),
    ],
)
def test_malformed_profile_is_refused_naming_file_rule_and_field(
    change: tuple[str, str], message: str
) -> None:
    old, new = change
    assert old in MINIMAL_RULE
    with pytest.raises(ProfileError, match=re.escape(message)):
        parse_profile(MINIMAL_RULE.replace(old, new, 1), "bad.toml")


def test_duplicate_rule_ids_are_refused() -> None:
    doubled = MINIMAL_RULE + MINIMAL_RULE.split("[[rule]]", 1)[1].join(["[[rule]]", ""])
    with pytest.raises(ProfileError, match=re.escape("rule KH1, field 'id': the same id")):
        parse_profile(doubled, "bad.toml")


def test_overlapping_age_bands_are_refused() -> None:
    text = MINIMAL_RULE.replace('kind = "recurring"', 'kind = "once"') + """
[[rule.age_band]]
age_below = 30
due = { offset = 13, unit = "end_of_week" }
[[rule.age_band]]
age_from = 25
due = { offset = 26, unit = "end_of_week" }
"""
    with pytest.raises(ProfileError, match=re.escape("field 'age_band': age bands overlap")):
        parse_profile(text, "bad.toml")


def test_count_rule_needs_counts_and_an_end_of_period_window() -> None:
    count_rule = MINIMAL_RULE.replace('kind = "recurring"', 'kind = "count_in_window"').replace(
        'every = { offset = 3, unit = "months" }', 'window = { offset = 6, unit = "end_of_months" }'
    )
    with pytest.raises(ProfileError, match="field 'count'"):
        parse_profile(count_rule, "bad.toml")
    with_count = count_rule + "[[rule.count]]\nkinds = [\"samtale\"]\nat_least = 6\n"
    assert parse_profile(with_count, "ok.toml").rules[0].window is not None
    in_days = with_count.replace('unit = "end_of_months"', 'unit = "days"')
    with pytest.raises(ProfileError, match=re.escape("field 'window.unit'")):
        parse_profile(in_days, "bad.toml")


def test_a_malformed_profile_is_explained_in_danish_too(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "da")
    with pytest.raises(ProfileError) as refused:
        parse_profile(MINIMAL_RULE.replace("offset = 3", "offset = -3"), "bad.toml")
    assert str(refused.value) == ("bad.toml, regel KH1, felt 'every.offset': skal være et helt "
                                  "tal ≥ 0, ikke -3")
    assert refused.value.in_language("en") == ("bad.toml, rule KH1, field 'every.offset': must "
                                               "be a whole number ≥ 0, not -3")


def test_unreadable_profile_file(tmp_path: Path) -> None:
    path = tmp_path / "binary.toml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ProfileError, match=re.escape("binary.toml")):
        load_profile(path)
