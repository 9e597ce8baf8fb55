"""The current-law profile gaeldende-2026 and the rule kinds it needs, against hand-worked cases.

Every rule of the profile: its due date worked by hand from domain.md's time arithmetic, its
validity boundaries (start dates either side of valid_from/valid_to, evaluation dates either
side of applies_until), attributes present and missing, pauses across a due date and
exemptions. Dates are checked with a calendar: "+ 6 months − 1 day" is the N-month window.
"""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.cpr import parse_cpr
from workbench.engine import (
    CaseEvaluation,
    CaseEvent,
    CaseFacts,
    Milestone,
    MilestoneState,
    Pause,
    Status,
    evaluate_case,
    status_for_due,
)
from workbench.errors import ProfileError
from workbench.resources import load_named_profile
from workbench.rules import CountRule, OnceRule, ReasonEffect, parse_profile
from workbench.vocabulary import EventKind, Scheme

D = dt.date
LAW = load_named_profile("gaeldende-2026")
SEED = load_named_profile("kbh-2006-2017")
SAMTALE, FAELLES, TILBUD = EventKind.SAMTALE, EventKind.FAELLESSAMTALE, EventKind.TILBUD
OPEN, ON_TIME, LATE, MISSED = (MilestoneState.OPEN, MilestoneState.MET_ON_TIME,
                               MilestoneState.MET_LATE, MilestoneState.MISSED)


def evaluate(scheme: Scheme, start: dt.date, today: dt.date,
             *events: tuple[dt.date, EventKind], cpr: str | None = None,
             attributes: dict[str, str] | None = None, pauses: tuple[Pause, ...] = (),
             exemptions: frozenset[str] = frozenset(), profile: object = LAW) -> CaseEvaluation:
    facts = CaseFacts(scheme, start, [CaseEvent(day, kind) for day, kind in events],
                      cpr=parse_cpr(cpr) if cpr else None, attributes=attributes,
                      pauses=pauses, exemptions=exemptions)
    assert profile is LAW or profile is SEED or hasattr(profile, "plan_for")
    return evaluate_case(facts, profile, today)  # type: ignore[arg-type]


def rules_of(evaluation: CaseEvaluation) -> list[str]:
    return list(dict.fromkeys(m.rule_id for m in evaluation.milestones))


def one(evaluation: CaseEvaluation, rule_id: str) -> Milestone:
    [milestone] = [m for m in evaluation.milestones if m.rule_id == rule_id]
    return milestone


class TestTheProfile:
    def test_every_rule_cites_law_and_none_a_file_or_seed(self) -> None:
        for profile in (LAW, SEED):
            for rule in profile.rules:
                assert "seed" not in rule.reference.lower(), rule.id
                assert ".toml" not in rule.reference and ".md" not in rule.reference, rule.id
        assert all(r.reference.startswith(("Sygedagpengeloven", "LAB", "Lov nr"))
                   for r in LAW.rules)

    def test_verified_only_where_the_text_was_read(self) -> None:
        verified = {rule.id for rule in LAW.rules if rule.verified}
        assert verified == {"SDP-1", "SDP-4I6", "JAF-4I6", "FL24-JC", "FL24-JC6", "FL-16M",
                            "RF-4I6", "KH-V", "KH-4I6"}
        assert not SEED.rule("JAF1").verified and not SEED.rule("RF2").verified
        assert SEED.rule("SDP1").verified

    def test_reasons_carry_a_legal_reference(self) -> None:
        assert LAW.reason("sdp-13f", ReasonEffect.EXEMPTION).reference.startswith(
            "Sygedagpengeloven § 13 f")
        assert {r.key for r in LAW.reasons if r.effect is ReasonEffect.PAUSE} == {
            "indlagt", "ferie"}


class TestSygedagpenge:
    def test_first_conversation_by_the_end_of_week_8(self) -> None:
        fresh = evaluate(Scheme.SYGEDAGPENGE, D(2026, 1, 5), D(2026, 1, 6))
        assert one(fresh, "SDP-1").due == D(2026, 3, 1)
        met = evaluate(Scheme.SYGEDAGPENGE, D(2026, 1, 5), D(2026, 3, 2), (D(2026, 3, 1), SAMTALE))
        assert one(met, "SDP-1").state is ON_TIME
        late = evaluate(Scheme.SYGEDAGPENGE, D(2026, 1, 5), D(2026, 3, 3), (D(2026, 3, 2), SAMTALE))
        assert one(late, "SDP-1").state is LATE

    def test_four_follow_ups_in_the_first_half_year_with_plan_by_dates(self) -> None:
        start = D(2026, 1, 15)  # window 15 Jan – 14 Jul 2026: 181 days
        fresh = evaluate(Scheme.SYGEDAGPENGE, start, D(2026, 1, 16))
        window = one(fresh, "SDP-4I6")
        # 1st of 4 by S + ⌈181/4⌉ − 1 = S + 45 days.
        assert (window.due, window.plan_by) == (D(2026, 7, 14), D(2026, 3, 1))
        one_held = evaluate(Scheme.SYGEDAGPENGE, start, D(2026, 3, 1), (D(2026, 2, 20), SAMTALE))
        # 2nd by S + ⌈2·181/4⌉ − 1 = S + 90 days.
        assert one(one_held, "SDP-4I6").plan_by == D(2026, 4, 15)
        three = [(D(2026, m, 1), SAMTALE) for m in (2, 3, 4)]
        assert one(evaluate(Scheme.SYGEDAGPENGE, start, D(2026, 5, 1), *three),
                   "SDP-4I6").plan_by == D(2026, 7, 14)   # the 4th: the window's last day

    def test_a_missed_half_year_stays_red_until_the_next_conversation(self) -> None:
        start = D(2026, 1, 15)
        two = [(D(2026, 2, 1), SAMTALE), (D(2026, 3, 1), SAMTALE)]
        missed = evaluate(Scheme.SYGEDAGPENGE, start, D(2026, 9, 1), *two,
                          (D(2026, 7, 15), EventKind.VURDERING))
        assert (one(missed, "SDP-4I6").state, missed.status) == (OPEN, Status.RED)
        assert missed.milestone_id == "SDP-4I6"
        caught = evaluate(Scheme.SYGEDAGPENGE, start, D(2026, 9, 1), *two,
                          (D(2026, 7, 15), EventKind.VURDERING), (D(2026, 8, 3), SAMTALE))
        assert (one(caught, "SDP-4I6").state, one(caught, "SDP-4I6").met_on) == (
            LATE, D(2026, 8, 3))

    def test_n_month_window_ends_on_the_right_day(self) -> None:
        # 2026-08-31 + 6 months ends 2027-02-28.
        assert one(evaluate(Scheme.SYGEDAGPENGE, D(2026, 8, 31), D(2026, 9, 1)),
                   "SDP-4I6").due == D(2027, 2, 28)

    def test_the_count_rule_starts_with_cases_from_2020(self) -> None:
        assert "SDP-4I6" not in rules_of(evaluate(Scheme.SYGEDAGPENGE, D(2019, 12, 31),
                                                  D(2020, 1, 2)))
        assert "SDP-4I6" in rules_of(evaluate(Scheme.SYGEDAGPENGE, D(2020, 1, 1), D(2020, 1, 2)))

    def test_reassessment_at_the_end_of_the_calendar_month_after_22_paid_weeks(self) -> None:
        # Day 185 of absence (start + 184 days) is the first beyond 30 + 154 days.
        assert one(evaluate(Scheme.SYGEDAGPENGE, D(2026, 1, 5), D(2026, 1, 6)),
                   "SDP-REV").due == D(2026, 7, 31)        # day 185: 8 Jul
        assert one(evaluate(Scheme.SYGEDAGPENGE, D(2026, 1, 28), D(2026, 1, 29)),
                   "SDP-REV").due == D(2026, 7, 31)        # day 185: 31 Jul
        assert one(evaluate(Scheme.SYGEDAGPENGE, D(2026, 1, 29), D(2026, 1, 30)),
                   "SDP-REV").due == D(2026, 8, 31)        # day 185: 1 Aug
        met = evaluate(Scheme.SYGEDAGPENGE, D(2026, 1, 5), D(2026, 8, 1),
                       (D(2026, 7, 20), EventKind.VURDERING))
        assert one(met, "SDP-REV").state is ON_TIME


class TestJobafklaring:
    def test_rehabilitation_team_only_for_cases_started_by_2024(self) -> None:
        old = evaluate(Scheme.JOBAFKLARINGSFORLOB, D(2024, 12, 31), D(2025, 1, 2))
        assert one(old, "JAF-RT").due == D(2025, 1, 28)
        assert "JAF-RT" not in rules_of(evaluate(Scheme.JOBAFKLARINGSFORLOB, D(2025, 1, 1),
                                                 D(2025, 1, 2)))

    def test_an_unmet_rehabilitation_deadline_stops_counting_once_repealed(self) -> None:
        start = D(2024, 12, 20)
        before = evaluate(Scheme.JOBAFKLARINGSFORLOB, start, D(2026, 1, 31))
        assert (one(before, "JAF-RT").state, before.milestone_id) == (OPEN, "JAF-RT")
        after = evaluate(Scheme.JOBAFKLARINGSFORLOB, start, D(2026, 2, 1))
        assert one(after, "JAF-RT").state is MISSED   # counts against timeliness …
        assert one(after, "JAF-RT").timely_on(D(2026, 2, 1)) is False
        assert after.milestone_id == "JAF-4I6"        # … but no longer decides the status

    def test_four_conversations_in_six_months(self) -> None:
        window = one(evaluate(Scheme.JOBAFKLARINGSFORLOB, D(2026, 3, 1), D(2026, 3, 2)),
                     "JAF-4I6")
        assert (window.due, window.counted) == (D(2026, 8, 31), (0,))


class TestForsikretLedig:
    def test_three_conversations_with_the_kommune_until_mid_2026(self) -> None:
        evaluation = evaluate(Scheme.FORSIKRET_LEDIG, D(2025, 3, 10), D(2025, 3, 11),
                              cpr="050190-1234")  # 35 at the start: ret og pligt applies
        assert rules_of(evaluation) == ["FL24-JC", "FL-16M", "FL-RP"]
        window = one(evaluation, "FL24-JC")
        assert (window.due, window.rule.counts[0].at_least) == (  # type: ignore[attr-defined]
            D(2025, 9, 9), 3)

    def test_a_course_with_the_kommune_needs_six(self) -> None:
        evaluation = evaluate(Scheme.FORSIKRET_LEDIG, D(2025, 3, 10), D(2025, 3, 11),
                              cpr="050196-1234", attributes={"kategori": "jobcenter"})
        assert rules_of(evaluation)[:1] == ["FL24-JC6"]
        assert "FL24-JC" not in rules_of(evaluation)

    def test_from_july_2026_two_conversations_and_an_offer(self) -> None:
        last_old = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 6, 30), D(2026, 7, 1),
                            cpr="050196-1234")
        assert rules_of(last_old) == ["FL24-JC", "FL-16M", "FL-RP"]
        first_new = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 7, 1), D(2026, 7, 2),
                             cpr="050196-1234")
        assert rules_of(first_new) == ["FL26-JC", "FL-16M", "FL26-TB"]
        assert one(first_new, "FL26-JC").due == D(2026, 12, 31)
        assert one(first_new, "FL26-TB").due == D(2026, 12, 31)

    def test_joint_conversation_by_16_months(self) -> None:
        start = D(2026, 1, 5)
        plain = evaluate(Scheme.FORSIKRET_LEDIG, start, D(2026, 2, 1), (D(2026, 1, 20), SAMTALE),
                         cpr="050196-1234")
        assert (one(plain, "FL-16M").due, one(plain, "FL-16M").state) == (D(2027, 5, 4), OPEN)
        joint = evaluate(Scheme.FORSIKRET_LEDIG, start, D(2026, 2, 1), (D(2026, 1, 20), FAELLES),
                         cpr="050196-1234")
        assert one(joint, "FL-16M").state is ON_TIME

    def test_right_and_duty_offer_from_age_30(self) -> None:
        start = D(2025, 1, 6)
        thirty = evaluate(Scheme.FORSIKRET_LEDIG, start, D(2025, 1, 7), cpr="060195-1234")
        assert one(thirty, "FL-RP").due == D(2025, 7, 5)
        younger = evaluate(Scheme.FORSIKRET_LEDIG, start, D(2025, 1, 7), cpr="070195-1234")
        assert "FL-RP" not in rules_of(younger)


class TestRessourceforloeb:
    def test_new_courses_end_with_january_2026(self) -> None:
        last = evaluate(Scheme.RESSOURCEFORLOB, D(2026, 1, 31), D(2026, 2, 1))
        assert one(last, "RF-4I6").due == D(2026, 7, 30)
        assert evaluate(Scheme.RESSOURCEFORLOB, D(2026, 2, 1), D(2026, 2, 2)).milestones == ()


class TestKontanthjaelp:
    def test_first_conversation_within_a_week(self) -> None:
        evaluation = evaluate(Scheme.KONTANTHJAELP, D(2026, 3, 2), D(2026, 3, 3))
        assert (one(evaluation, "KH-V").due, evaluation.milestone_id) == (D(2026, 3, 9), "KH-V")

    def test_four_conversations_until_june_2026(self) -> None:
        assert one(evaluate(Scheme.KONTANTHJAELP, D(2026, 6, 30), D(2026, 7, 1)),
                   "KH-4I6").due == D(2026, 12, 29)

    def test_from_july_2026_by_target_group(self) -> None:
        start, today = D(2026, 7, 1), D(2026, 7, 2)
        jobparat = evaluate(Scheme.KONTANTHJAELP, start, today,
                            attributes={"maalgruppe": "jobparat"})
        assert rules_of(jobparat) == ["KH-V", "KH26-J", "KH26-TB"]
        assert one(jobparat, "KH26-J").due == D(2026, 12, 31)
        aktivitetsparat = evaluate(Scheme.KONTANTHJAELP, start, today,
                                   attributes={"maalgruppe": "aktivitetsparat"})
        assert rules_of(aktivitetsparat) == ["KH-V"]
        # Målgruppe missing from the export: not taken to be jobparat.
        assert rules_of(evaluate(Scheme.KONTANTHJAELP, start, today)) == ["KH-V"]
        assert rules_of(evaluate(Scheme.KONTANTHJAELP, start, today, attributes={})) == ["KH-V"]


class TestPausesAndExemptions:
    START = D(2026, 1, 5)   # SDP-1 due Sun 2026-03-01

    def test_a_pause_across_the_due_date_moves_it_by_the_paused_days(self) -> None:
        pause = Pause(D(2026, 2, 20), D(2026, 3, 5))   # 14 days, all before the moved due
        evaluation = evaluate(Scheme.SYGEDAGPENGE, self.START, D(2026, 3, 6), pauses=(pause,))
        assert one(evaluation, "SDP-1").due == D(2026, 3, 15)
        assert evaluation.status is Status.AMBER
        # A conversation on 10 March is on time under the pause.
        met = evaluate(Scheme.SYGEDAGPENGE, self.START, D(2026, 3, 11), (D(2026, 3, 10), SAMTALE),
                       pauses=(pause,))
        assert one(met, "SDP-1").state is ON_TIME

    def test_a_pause_begun_after_the_due_date_does_not_excuse_it(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, self.START, D(2026, 3, 10),
                              pauses=(Pause(D(2026, 3, 5)),))
        assert (one(evaluation, "SDP-1").due, evaluation.status) == (D(2026, 3, 1), Status.RED)

    def test_a_pause_still_on_moves_the_due_date_day_by_day(self) -> None:
        pause = Pause(D(2026, 2, 25))
        on_10th = evaluate(Scheme.SYGEDAGPENGE, self.START, D(2026, 3, 10), pauses=(pause,))
        assert one(on_10th, "SDP-1").due == D(2026, 3, 15)   # 14 paused days: 25 Feb – 10 Mar
        on_20th = evaluate(Scheme.SYGEDAGPENGE, self.START, D(2026, 3, 20), pauses=(pause,))
        assert one(on_20th, "SDP-1").due == D(2026, 3, 25)

    def test_an_exempt_rule_is_in_no_list(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, self.START, D(2026, 3, 10),
                              exemptions=frozenset({"SDP-1", "SDP-4I6"}))
        assert rules_of(evaluation) == ["SDP-REV"]
        assert evaluation.status is Status.GREEN


class TestRuleKinds:
    """The kinds beyond once / recurring / count, on a small profile of their own."""

    PROFILE = parse_profile("""
[profile]
id = "kinds"
title = "test"

[[rule]]
id = "FT"
scheme = "sygedagpenge"
title_da = "x"
title_en = "x"
kind = "once"
counted_from = "vurdering"
due = { offset = 14, unit = "days" }
satisfied_by = ["samtale"]
reference = "test"

[[rule]]
id = "NEWLAW"
scheme = "sygedagpenge"
title_da = "x"
title_en = "x"
kind = "recurring"
every = { offset = 1, unit = "months" }
satisfied_by = ["samtale"]
reference = "test"
applies_from = 2026-07-01
applies_until = 2026-09-30
""", "kinds.toml")

    def test_a_deadline_counted_from_an_event(self) -> None:
        start = D(2026, 1, 5)
        without = evaluate(Scheme.SYGEDAGPENGE, start, D(2026, 6, 1), profile=self.PROFILE)
        assert "FT" not in rules_of(without)
        asked = evaluate(Scheme.SYGEDAGPENGE, start, D(2026, 2, 1),
                         (D(2026, 1, 10), SAMTALE), (D(2026, 1, 20), EventKind.VURDERING),
                         profile=self.PROFILE)
        # The conversation before the event does not meet the deadline the event sets.
        assert (one(asked, "FT").due, one(asked, "FT").state) == (D(2026, 2, 3), OPEN)

    def test_a_rule_in_force_between_two_evaluation_dates(self) -> None:
        start = D(2026, 5, 10)
        before = evaluate(Scheme.SYGEDAGPENGE, start, D(2026, 6, 30), profile=self.PROFILE)
        assert "NEWLAW" not in rules_of(before)
        # In force from 1 Jul: the deadlines that fall due on or after that day (10 Jul …).
        during = evaluate(Scheme.SYGEDAGPENGE, start, D(2026, 7, 20), (D(2026, 6, 1), SAMTALE),
                          profile=self.PROFILE)
        assert [(m.due, m.state) for m in during.milestones if m.rule_id == "NEWLAW"] == [
            (D(2026, 7, 1), OPEN)]
        # After 30 Sep the open deadline is missed, and none falls due later.
        after = evaluate(Scheme.SYGEDAGPENGE, start, D(2026, 11, 1), (D(2026, 6, 1), SAMTALE),
                         (D(2026, 8, 15), SAMTALE), profile=self.PROFILE)
        assert [(m.due, m.state) for m in after.milestones if m.rule_id == "NEWLAW"] == [
            (D(2026, 7, 1), LATE), (D(2026, 9, 15), MISSED)]
        assert after.status is Status.GREEN

    def test_the_rule_types(self) -> None:
        assert isinstance(LAW.rule("SDP-1"), OnceRule)
        assert isinstance(LAW.rule("SDP-4I6"), CountRule)
        assert not hasattr(LAW.rule("SDP-1"), "every")


class TestSeedChains:
    def test_a_start_day_conversation_only_sets_the_chain_base(self) -> None:
        # kbh-2006-2017 KH1: a conversation on the start day is the chain's base, no deadline
        # of its own: with the next one missed, timeliness is 0 of 1, not 1 of 2.
        evaluation = evaluate(Scheme.KONTANTHJAELP, D(2026, 1, 5), D(2026, 5, 1),
                              (D(2026, 1, 5), SAMTALE), profile=SEED)
        kh1 = [m for m in evaluation.milestones if m.rule_id == "KH1"]
        assert [(m.due, m.state) for m in kh1] == [(D(2026, 4, 5), OPEN)]
        assert [m.timely_on(D(2026, 5, 1)) for m in kh1] == [False]


class TestTheDecidingMilestoneByDefinitionUnderTodaysLaw:
    """The engine's shortcut (earliest open milestone decides) against the definition.

    For the current-law profile: count windows that stay open, repealed rules, pauses and
    attributes.
    """

    @settings(max_examples=200, deadline=None)
    @given(
        scheme=st.sampled_from(list(Scheme)),
        start=st.dates(D(2023, 1, 1), D(2026, 11, 30)),
        events=st.lists(st.tuples(st.integers(0, 600), st.sampled_from(list(EventKind))),
                        max_size=20),
        today_after=st.integers(0, 700),
        group=st.sampled_from([None, "jobparat", "aktivitetsparat"]),
        pause=st.one_of(st.none(), st.tuples(st.integers(0, 400), st.integers(0, 60))),
    )
    def test_status_and_decider_match_the_definition(
        self, scheme: Scheme, start: dt.date, events: list[tuple[int, EventKind]],
        today_after: int, group: str | None, pause: tuple[int, int] | None,
    ) -> None:
        today = start + dt.timedelta(days=today_after)
        pauses = () if pause is None else (Pause(start + dt.timedelta(days=pause[0]),
                                                 start + dt.timedelta(days=sum(pause))),)
        evaluation = evaluate(scheme, start, today,
                              *((start + dt.timedelta(days=d), kind) for d, kind in events),
                              cpr="010190-1234", pauses=pauses,
                              attributes={"maalgruppe": group} if group else None)
        open_ones = [m for m in evaluation.milestones if m.state is OPEN]
        if not open_ones:
            assert evaluation.status is Status.GREEN and evaluation.deciding is None
            return
        position = {rule.id: index for index, rule in enumerate(LAW.rules)}
        statuses = [status_for_due(m.due, today) for m in open_ones]
        assert evaluation.status is max(statuses, key=lambda status: status.severity)
        assert evaluation.deciding == min(
            open_ones, key=lambda m: (m.due, position[m.rule_id], m.occurrence))
        for milestone in evaluation.milestones:   # a plan-by date only while a window runs
            assert milestone.plan_by is None or (milestone.is_open
                                                 and milestone.plan_by <= milestone.due)


_ONE_RULE = """
[profile]
id = "bad"
title = "bad"

[[rule]]
id = "R1"
scheme = "kontanthjælp"
title_da = "x"
title_en = "x"
kind = "once"
due = { offset = 7, unit = "days" }
satisfied_by = ["samtale"]
reference = "test"
"""


@pytest.mark.parametrize(("extra", "located"), [
    ('when = { alder = ["30"] }', "bad.toml, rule R1, field 'when.alder'"),
    ("when = { maalgruppe = [] }", "bad.toml, rule R1, field 'when.maalgruppe'"),
    ('counted_from = "telefon"', "bad.toml, rule R1, field 'counted_from'"),
    ('verified = "nej"', "bad.toml, rule R1, field 'verified'"),
    ("applies_from = 2026-07-01\napplies_until = 2026-06-30",
     "bad.toml, rule R1, field 'applies_until'"),
    ('[[reason]]\nkey = "ferie"\neffect = "pause"\ntitle_da = "x"\ntitle_en = "x"',
     "bad.toml, rule reason ferie, field 'reference'"),
])
def test_a_malformed_new_field_is_refused_naming_file_rule_and_field(
    extra: str, located: str,
) -> None:
    with pytest.raises(ProfileError) as refused:
        parse_profile(_ONE_RULE + extra + "\n", "bad.toml")
    assert located in refused.value.in_language("en")


KH_START = D(2026, 1, 5)


def kh(today: dt.date, *conversations: dt.date, start: dt.date = KH_START,
       pauses: tuple[Pause, ...] = ()) -> dict[str, Milestone]:
    """A kontanthjælp case's milestones under gaeldende-2026, by rule id (first occurrence)."""
    facts = CaseFacts(Scheme.KONTANTHJAELP, start, [CaseEvent(d, SAMTALE) for d in conversations],
                      pauses=pauses)
    found: dict[str, Milestone] = {}
    for milestone in evaluate_case(facts, LAW, today).milestones:
        found.setdefault(milestone.rule_id, milestone)
    return found


def test_a_pause_extends_a_count_window_and_does_not_meet_it() -> None:
    """A pause lengthens KH-4I6's window; a catch-up conversation in it does not meet it.

    30 paused days move the window end from 4 July to 3 August; two conversations of four are
    held in the longer window, so it is open (amber on 1 August), not met on time.
    (Unpaused, the 10 July conversation catches the missed window up, late.)
    """
    unpaused = kh(D(2026, 8, 1), D(2026, 1, 7), D(2026, 7, 10))["KH-4I6"]
    assert (unpaused.due, unpaused.state, unpaused.met_on, unpaused.counted) == (
        D(2026, 7, 4), LATE, D(2026, 7, 10), (1,))
    paused = kh(D(2026, 8, 1), D(2026, 1, 7), D(2026, 7, 10),
                pauses=(Pause(D(2026, 2, 1), D(2026, 3, 2)),))["KH-4I6"]
    assert (paused.due, paused.state, paused.met_on, paused.counted) == (
        D(2026, 8, 3), OPEN, None, (2,))
    facts = CaseFacts(Scheme.KONTANTHJAELP, D(2026, 1, 5),
                      [CaseEvent(D(2026, 1, 7), SAMTALE), CaseEvent(D(2026, 7, 10), SAMTALE)],
                      pauses=(Pause(D(2026, 2, 1), D(2026, 3, 2)),))
    assert evaluate_case(facts, LAW, D(2026, 8, 1)).status is Status.AMBER


def test_a_paused_count_window_met_in_its_extension_is_on_time() -> None:
    """Four conversations by the moved window end meet KH-4I6 on time (unpaused: late)."""
    held = (D(2026, 1, 7), D(2026, 4, 1), D(2026, 6, 1), D(2026, 7, 20))
    pause = (Pause(D(2026, 2, 1), D(2026, 3, 2)),)
    facts = CaseFacts(Scheme.KONTANTHJAELP, D(2026, 1, 5), [CaseEvent(d, SAMTALE) for d in held],
                      pauses=pause)
    windows = [m for m in evaluate_case(facts, LAW, D(2026, 8, 10)).milestones
               if m.rule_id == "KH-4I6"]
    assert [(m.due, m.state, m.met_on) for m in windows[:1]] == [
        (D(2026, 8, 3), ON_TIME, D(2026, 7, 20))]
    assert kh(D(2026, 8, 10), *held)["KH-4I6"].state is LATE


def test_paused_days_before_the_case_start_move_nothing() -> None:
    """A pause over November-December 2025 on a case started 2 March 2026 moves no deadline."""
    plain = kh(D(2026, 3, 20), start=D(2026, 3, 2))
    paused = kh(D(2026, 3, 20), start=D(2026, 3, 2),
                pauses=(Pause(D(2025, 11, 1), D(2025, 12, 31)),))
    assert paused["KH-V"].due == plain["KH-V"].due == D(2026, 3, 9)
    assert paused["KH-4I6"].due == plain["KH-4I6"].due
    # A pause that straddles the start counts only its days from the start: 2 March-8 March.
    straddling = kh(D(2026, 3, 20), start=D(2026, 3, 2),
                    pauses=(Pause(D(2026, 2, 1), D(2026, 3, 8)),))
    assert straddling["KH-V"].due == D(2026, 3, 16)


def test_a_pause_moves_the_following_count_windows_too() -> None:
    """RF2 (seed profile, 12-month windows): the second window follows the moved first.

    10 paused days in the first window move its end from 4 January 2027 to 14 January; the
    second runs from 15 January to 14 January 2028.
    """
    facts = CaseFacts(Scheme.RESSOURCEFORLOB, D(2026, 1, 5), (),
                      pauses=(Pause(D(2026, 3, 1), D(2026, 3, 10)),))
    windows = [m for m in evaluate_case(facts, SEED, D(2027, 2, 1)).milestones
               if m.rule_id == "RF2"]
    assert [(m.occurrence, m.due, m.state) for m in windows] == [
        (0, D(2027, 1, 14), OPEN), (1, D(2028, 1, 14), OPEN)]
    # 14 January 2027 is in the first (longer) window, not the second.
    held = CaseFacts(Scheme.RESSOURCEFORLOB, D(2026, 1, 5),
                     [CaseEvent(D(2027, 1, 14), SAMTALE)], pauses=facts.pauses)
    counted = [m.counted for m in evaluate_case(held, SEED, D(2027, 2, 1)).milestones
               if m.rule_id == "RF2"]
    assert counted == [(1,), (0,)]
