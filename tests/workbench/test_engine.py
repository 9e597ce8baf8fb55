"""The engine against hand-worked cases.

Every rule of the default profile, the status boundaries, ties between milestones, events
before the anchor and after the day.
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
from workbench.resources import load_named_profile, profile_path
from workbench.rules import parse_profile
from workbench.vocabulary import EventKind, Scheme

D = dt.date
PROFILE = load_named_profile("kbh-2006-2017")
MONDAY = D(2026, 1, 5)
SAMTALE, FAELLES = EventKind.SAMTALE, EventKind.FAELLESSAMTALE
OPEN, ON_TIME, LATE = (MilestoneState.OPEN, MilestoneState.MET_ON_TIME,
                               MilestoneState.MET_LATE)


def evaluate(scheme: Scheme, today: dt.date, *events: tuple[dt.date, EventKind],
             start: dt.date = MONDAY, cpr: str | None = None,
             closed_on: dt.date | None = None, amber_days: int = 21) -> CaseEvaluation:
    facts = CaseFacts(scheme=scheme, start=start,
                      events=[CaseEvent(day, kind) for day, kind in events],
                      cpr=parse_cpr(cpr) if cpr else None, closed_on=closed_on)
    return evaluate_case(facts, PROFILE, today, amber_days)


def of_rule(evaluation: CaseEvaluation, rule_id: str) -> list[Milestone]:
    return [m for m in evaluation.milestones if m.rule_id == rule_id]


def summary(milestones: list[Milestone]) -> list[tuple[dt.date, MilestoneState, dt.date | None]]:
    return [(m.due, m.state, m.met_on) for m in milestones]


class TestStatusBoundaries:
    """domain.md: red D < T; amber T ≤ D ≤ T + 21; green D > T + 21."""

    @pytest.mark.parametrize(
        ("today", "status"),
        [
            (D(2026, 3, 2), Status.RED),     # due yesterday
            (D(2026, 3, 1), Status.AMBER),   # due today
            (D(2026, 2, 8), Status.AMBER),   # due today + 21
            (D(2026, 2, 7), Status.GREEN),   # due today + 22
        ],
    )
    def test_first_sickness_conversation_boundaries(self, today: dt.date, status: Status) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, today)
        assert evaluation.status is status
        assert evaluation.next_due == D(2026, 3, 1)
        assert evaluation.milestone_id == "SDP1"

    def test_the_window_is_a_parameter(self) -> None:
        assert evaluate(Scheme.SYGEDAGPENGE, D(2026, 2, 7)).status is Status.GREEN
        assert evaluate(Scheme.SYGEDAGPENGE, D(2026, 2, 7), amber_days=22).status is Status.AMBER
        assert status_for_due(D(2026, 3, 1), D(2026, 2, 20), amber_days=5) is Status.GREEN


class TestSygedagpenge:
    def test_all_deadlines_of_a_new_case(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2026, 1, 10))
        dues = {m.rule_id: m.due for m in evaluation.milestones}
        assert dues == {"SDP1": D(2026, 3, 1), "SDP3": D(2026, 9, 27),
                        "SDP4": D(2026, 11, 22), "SDP5": D(2027, 1, 3)}
        assert "SDP2" not in dues  # active only once SDP1 is met

    def test_first_conversation_then_every_four_weeks(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2026, 3, 25), (D(2026, 2, 20), SAMTALE))
        assert summary(of_rule(evaluation, "SDP1")) == [(D(2026, 3, 1), ON_TIME, D(2026, 2, 20))]
        assert summary(of_rule(evaluation, "SDP2")) == [(D(2026, 3, 20), OPEN, None)]
        assert evaluation.status is Status.RED
        assert evaluation.milestone_id == "SDP2"

    def test_a_late_conversation_meets_late_and_restarts_the_interval(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2026, 3, 30),
                              (D(2026, 2, 20), FAELLES), (D(2026, 3, 27), SAMTALE))
        assert summary(of_rule(evaluation, "SDP2")) == [
            (D(2026, 3, 20), LATE, D(2026, 3, 27)),
            (D(2026, 4, 24), OPEN, None),
        ]

    def test_first_conversation_after_week_8_is_late(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2026, 3, 10), (D(2026, 3, 2), SAMTALE))
        assert summary(of_rule(evaluation, "SDP1")) == [(D(2026, 3, 1), LATE, D(2026, 3, 2))]

    def test_events_before_the_anchor_do_not_count(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2026, 2, 10), (D(2026, 1, 2), SAMTALE))
        assert summary(of_rule(evaluation, "SDP1")) == [(D(2026, 3, 1), OPEN, None)]

    def test_a_conversation_on_the_anchor_day_counts(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2026, 2, 10), (MONDAY, SAMTALE))
        assert of_rule(evaluation, "SDP1")[0].state is ON_TIME

    def test_two_kinds_of_event_on_one_day(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2026, 9, 30), (D(2026, 9, 1), SAMTALE),
                              (D(2026, 9, 1), EventKind.SCREENING), (D(2026, 9, 1), FAELLES))
        assert of_rule(evaluation, "SDP1")[0].met_on == D(2026, 9, 1)
        assert of_rule(evaluation, "SDP3")[0].state is ON_TIME

    def test_events_after_the_day_do_not_count_yet(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2026, 2, 10), (D(2026, 2, 20), SAMTALE))
        assert of_rule(evaluation, "SDP1")[0].state is OPEN

    def test_screening_and_clarification(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2026, 11, 30),
                              (D(2026, 9, 1), EventKind.SCREENING),
                              (D(2026, 11, 23), EventKind.AFKLARING))
        assert summary(of_rule(evaluation, "SDP3")) == [(D(2026, 9, 27), ON_TIME, D(2026, 9, 1))]
        assert summary(of_rule(evaluation, "SDP4")) == [(D(2026, 11, 22), LATE, D(2026, 11, 23))]

    def test_assessment_by_week_52_then_every_26_weeks(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2027, 1, 10),
                              (D(2026, 12, 1), EventKind.VURDERING))
        assert summary(of_rule(evaluation, "SDP5")) == [
            (D(2027, 1, 3), ON_TIME, D(2026, 12, 1)),
            (D(2027, 6, 1), OPEN, None),
        ]

    def test_unmet_week_52_assessment_stays_open_and_red(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2027, 1, 4),
                              (D(2026, 1, 20), SAMTALE), (D(2026, 12, 28), SAMTALE),
                              (D(2026, 9, 1), EventKind.SCREENING),
                              (D(2026, 11, 1), EventKind.AFKLARING))
        assert summary(of_rule(evaluation, "SDP5")) == [(D(2027, 1, 3), OPEN, None)]
        assert evaluation.status is Status.RED
        assert evaluation.milestone_id == "SDP5"


class TestForsikretLedig:
    def test_joint_conversation_by_end_of_week_6(self) -> None:
        early = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 2, 1), cpr="050196-1234")
        assert summary(of_rule(early, "FL1")) == [(D(2026, 2, 15), OPEN, None)]
        # An ordinary conversation does not satisfy the joint one.
        met = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 2, 20), (D(2026, 2, 1), SAMTALE),
                       (D(2026, 2, 16), FAELLES), cpr="050196-1234")
        assert summary(of_rule(met, "FL1")) == [(D(2026, 2, 15), LATE, D(2026, 2, 16))]

    def test_six_conversations_two_joint_in_six_months(self) -> None:
        events = [(D(2026, 1, 10), FAELLES), (D(2026, 2, 10), SAMTALE), (D(2026, 3, 10), SAMTALE),
                  (D(2026, 4, 10), SAMTALE), (D(2026, 5, 10), SAMTALE)]
        pending = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 6, 1), *events, cpr="050196-1234")
        [window] = of_rule(pending, "FL2")
        assert (window.due, window.state, window.counted) == (D(2026, 7, 4), OPEN, (5, 1))
        # The sixth conversation is joint, on the window's last day: met.
        met = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 7, 10), *events,
                       (D(2026, 7, 4), FAELLES), cpr="050196-1234")
        assert summary(of_rule(met, "FL2")) == [(D(2026, 7, 4), ON_TIME, D(2026, 7, 4))]

    def test_a_window_that_ends_unmet_stays_red_until_a_conversation_catches_up(self) -> None:
        events = [(D(2026, 1, 10), FAELLES), (D(2026, 2, 10), FAELLES),
                  (D(2026, 3, 10), SAMTALE), (D(2026, 3, 20), EventKind.TILBUD)]
        evaluation = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 7, 5), *events, cpr="050196-1234")
        [window] = of_rule(evaluation, "FL2")
        assert (window.due, window.state, window.counted) == (D(2026, 7, 4), OPEN, (3, 2))
        assert window.plan_by is None  # the window is over: act now, nothing to pace
        assert window.timely_on(D(2026, 7, 5)) is False
        assert (evaluation.status, evaluation.milestone_id) == (Status.RED, "FL2")
        # Still red months later: a missed window never turns green by itself.
        later = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 9, 1), *events, cpr="050196-1234")
        assert (later.status, later.milestone_id) == (Status.RED, "FL2")
        # Only short of conversations (both joint ones held): any conversation catches up.
        caught = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 7, 7), *events,
                          (D(2026, 7, 6), SAMTALE), cpr="050196-1234")
        assert summary(of_rule(caught, "FL2")) == [(D(2026, 7, 4), LATE, D(2026, 7, 6))]
        assert caught.status is Status.GREEN

    def test_a_window_short_of_joint_conversations_needs_a_joint_one(self) -> None:
        events = [(D(2026, 1, 10), FAELLES), *((D(2026, m, 10), SAMTALE) for m in (2, 3, 4, 5, 6))]
        plain = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 7, 20), *events,
                         (D(2026, 7, 10), SAMTALE), cpr="050196-1234")
        [window] = of_rule(plain, "FL2")
        assert (window.state, window.counted) == (OPEN, (6, 1))
        joint = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 7, 20), *events,
                         (D(2026, 7, 10), SAMTALE), (D(2026, 7, 15), FAELLES), cpr="050196-1234")
        assert summary(of_rule(joint, "FL2")) == [(D(2026, 7, 4), LATE, D(2026, 7, 15))]

    def test_conversations_every_three_months_after_six_months(self) -> None:
        before = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 7, 10), (D(2026, 6, 1), SAMTALE),
                          cpr="050196-1234")
        assert summary(of_rule(before, "FL3")) == [(D(2026, 10, 4), OPEN, None)]
        after = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 8, 10), (D(2026, 6, 1), SAMTALE),
                         (D(2026, 8, 1), SAMTALE), cpr="050196-1234")
        assert summary(of_rule(after, "FL3")) == [
            (D(2026, 10, 4), ON_TIME, D(2026, 8, 1)),
            (D(2026, 11, 1), OPEN, None),
        ]

    @pytest.mark.parametrize(
        ("cpr", "age", "due"),
        [
            ("060196-1234", 29, D(2026, 4, 5)),   # 29 at the anchor: week 13
            ("050196-1234", 30, D(2026, 7, 5)),   # exactly 30: week 26
            ("060176-1234", 49, D(2026, 7, 5)),   # 49: week 26
            ("050176-1234", 50, D(2026, 4, 5)),   # exactly 50: week 13
        ],
    )
    def test_offer_deadline_by_age_at_the_anchor(self, cpr: str, age: int, due: dt.date) -> None:
        assert parse_cpr(cpr).age_on(MONDAY) == age
        evaluation = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 1, 10), cpr=cpr)
        assert summary(of_rule(evaluation, "FL4")) == [(due, OPEN, None)]

    def test_without_a_cpr_the_age_rule_cannot_apply(self) -> None:
        evaluation = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 1, 10))
        assert of_rule(evaluation, "FL4") == []


class TestOtherSchemes:
    def test_jobafklaring_presented_within_four_weeks(self) -> None:
        evaluation = evaluate(Scheme.JOBAFKLARINGSFORLOB, D(2026, 2, 10),
                              (D(2026, 2, 3), EventKind.REHABILITERINGSTEAM))
        assert summary(of_rule(evaluation, "JAF1")) == [(D(2026, 2, 2), LATE, D(2026, 2, 3))]
        assert evaluation.status is Status.GREEN
        assert evaluation.next_due is None

    def test_ressourceforloeb_conversation_within_two_months_clamped(self) -> None:
        start = D(2026, 1, 31)
        evaluation = evaluate(Scheme.RESSOURCEFORLOB, D(2026, 3, 1), (D(2026, 2, 28), SAMTALE),
                              start=start)
        assert summary(of_rule(evaluation, "RF1")) == [
            (D(2026, 3, 31), ON_TIME, D(2026, 2, 28)),
            (D(2026, 4, 28), OPEN, None),
        ]

    def test_ressourceforloeb_six_conversations_each_12_month_period(self) -> None:
        start = D(2025, 1, 10)
        conversations = [(D(2025, month, 15), SAMTALE) for month in (2, 4, 6, 8, 10)]
        evaluation = evaluate(Scheme.RESSOURCEFORLOB, D(2026, 1, 20), *conversations,
                              (D(2026, 1, 12), SAMTALE), start=start)
        windows = of_rule(evaluation, "RF2")
        # Period 0 ended unmet on 9 Jan; the conversation of 12 Jan catches it up (late) and
        # is the first of period 1, which runs from 10 Jan.
        assert [(m.due, m.state, m.met_on, m.counted) for m in windows] == [
            (D(2026, 1, 9), LATE, D(2026, 1, 12), (5,)),
            (D(2027, 1, 9), OPEN, None, (1,)),
        ]
        # Plan-by: 2nd of 6 in a 365-day window from 10 Jan: + ceil(2·365/6) − 1 = 121 days.
        assert windows[1].plan_by == D(2026, 1, 10) + dt.timedelta(days=121) == D(2026, 5, 11)

    def test_kontanthjaelp_every_three_months_clamped(self) -> None:
        start = D(2025, 11, 30)
        fresh = evaluate(Scheme.KONTANTHJAELP, D(2025, 12, 1), start=start)
        assert summary(of_rule(fresh, "KH1")) == [(D(2026, 2, 28), OPEN, None)]
        talked = evaluate(Scheme.KONTANTHJAELP, D(2026, 1, 20), (D(2026, 1, 15), SAMTALE),
                          start=start)
        assert talked.next_due == D(2026, 4, 15)

    def test_leap_day_anchor(self) -> None:
        evaluation = evaluate(Scheme.RESSOURCEFORLOB, D(2024, 3, 1), start=D(2024, 2, 29))
        assert {m.rule_id: m.due for m in evaluation.milestones} == {
            "RF1": D(2024, 4, 29), "RF2": D(2025, 2, 28)}  # N-month window: Feb has no 29th
        kh = evaluate(Scheme.KONTANTHJAELP, D(2024, 3, 1), start=D(2024, 2, 29))
        assert kh.next_due == D(2024, 5, 29)


class TestCaseLevel:
    def test_ties_go_to_the_rule_listed_first(self) -> None:
        # RF1 falls due 2 months after 31 Oct = 31 Dec, the same day as RF2's period end.
        evaluation = evaluate(Scheme.RESSOURCEFORLOB, D(2026, 11, 1), (D(2026, 10, 31), SAMTALE),
                              start=D(2026, 1, 1))
        assert {m.rule_id: m.due for m in evaluation.open_milestones} == {
            "RF1": D(2026, 12, 31), "RF2": D(2026, 12, 31)}
        assert evaluation.milestone_id == "RF1"
        swapped = parse_profile(_profile_text_with_rf2_first(), "swapped.toml")
        assert [r.id for r in swapped.rules if r.scheme is Scheme.RESSOURCEFORLOB] == ["RF2", "RF1"]
        facts = CaseFacts(Scheme.RESSOURCEFORLOB, D(2026, 1, 1),
                          [CaseEvent(D(2026, 10, 31), SAMTALE)])
        assert evaluate_case(facts, swapped, D(2026, 11, 1)).milestone_id == "RF2"

    def test_the_worst_open_milestone_decides(self) -> None:
        # SDP1 is red (overdue) although SDP3, later, is green.
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2026, 3, 5))
        assert evaluation.status is Status.RED
        statuses = {m.rule_id: status_for_due(m.due, D(2026, 3, 5))
                    for m in evaluation.open_milestones}
        assert statuses["SDP1"] is Status.RED
        assert statuses["SDP3"] is Status.GREEN

    def test_a_closed_case_is_in_no_list(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2026, 4, 1), closed_on=D(2026, 2, 1))
        assert evaluation.status is None
        assert evaluation.next_due is None

    def test_a_case_closed_later_than_the_day_is_still_open(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2026, 2, 10), closed_on=D(2026, 4, 1))
        assert evaluation.status is Status.AMBER

    def test_timeliness_of_a_milestone(self) -> None:
        evaluation = evaluate(Scheme.SYGEDAGPENGE, D(2026, 3, 5))
        [sdp1] = of_rule(evaluation, "SDP1")
        assert sdp1.timely_on(D(2026, 3, 5)) is False
        assert sdp1.timely_on(D(2026, 2, 1)) is None


def _profile_text_with_rf2_first() -> str:
    text = profile_path("kbh-2006-2017").read_text(encoding="utf-8")
    head, rest = text.split('[[rule]]\nid = "RF1"', 1)
    rf1, rf2_and_after = rest.split('[[rule]]\nid = "RF2"', 1)
    rf2, kh = rf2_and_after.split('[[rule]]\nid = "KH1"', 1)
    return (head + '[[rule]]\nid = "RF2"' + rf2 + '[[rule]]\nid = "RF1"' + rf1
            + '[[rule]]\nid = "KH1"' + kh)


class TestTheDecidingMilestoneByDefinition:
    """The engine takes the earliest open milestone as the decider and its status as the case's.

    That is a shortcut: domain.md defines the status as the worst of all open milestones, and
    ties as going to the rule listed first, then the earlier occurrence. Random cases check
    that the shortcut always gives what the definition gives.
    """

    @settings(max_examples=300, deadline=None)
    @given(
        scheme=st.sampled_from(list(Scheme)),
        start=st.dates(D(2023, 1, 1), D(2026, 6, 30)),
        events=st.lists(st.tuples(st.integers(0, 900), st.sampled_from(list(EventKind))),
                        max_size=25),
        today_after=st.integers(0, 1000),
        amber_days=st.integers(0, 40),
    )
    def test_status_and_decider_match_the_definition(
        self, scheme: Scheme, start: dt.date, events: list[tuple[int, EventKind]],
        today_after: int, amber_days: int,
    ) -> None:
        today = start + dt.timedelta(days=today_after)
        evaluation = evaluate(scheme, today,
                              *((start + dt.timedelta(days=d), kind) for d, kind in events),
                              start=start, cpr="010190-1234", amber_days=amber_days)
        open_ones = [m for m in evaluation.milestones if m.state is OPEN]
        if not open_ones:
            assert evaluation.status is Status.GREEN and evaluation.deciding is None
            return
        position = {rule.id: index for index, rule in enumerate(PROFILE.rules)}
        statuses = [status_for_due(m.due, today, amber_days) for m in open_ones]
        assert evaluation.status is max(statuses, key=lambda status: status.severity)
        assert evaluation.deciding == min(
            open_ones, key=lambda m: (m.due, position[m.rule_id], m.occurrence))


def test_fl2_short_of_joint_conversations_is_caught_up_only_by_a_faellessamtale() -> None:
    """FL2 short of joint conversations is caught up only by a fællessamtale.

    It counted (3, 1) at its window end (14 July): short of both the six conversations and the
    two joint ones, so a plain samtale after the window does not catch it up — only a
    fællessamtale does (domain.md, "Count rules").
    """
    start = D(2026, 1, 15)
    held = [(D(2026, 2, 1), FAELLES), (D(2026, 3, 1), SAMTALE), (D(2026, 7, 14), SAMTALE),
            (D(2026, 7, 20), SAMTALE)]
    fl2 = next(m for m in evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 8, 1), *held, start=start,
                                   cpr="010190-1234").milestones if m.rule_id == "FL2")
    assert (fl2.due, fl2.state, fl2.met_on, fl2.counted) == (D(2026, 7, 14), OPEN, None, (3, 1))
    joint = evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 8, 1), *held, (D(2026, 7, 25), FAELLES),
                     start=start, cpr="010190-1234")
    fl2 = next(m for m in joint.milestones if m.rule_id == "FL2")
    assert (fl2.state, fl2.met_on) == (LATE, D(2026, 7, 25))


def test_fl2_short_only_of_conversations_is_caught_up_by_any_conversation() -> None:
    """Both joint conversations held, only four conversations in all: a samtale catches up."""
    held = [(D(2026, 2, 1), FAELLES), (D(2026, 3, 1), FAELLES), (D(2026, 4, 1), SAMTALE),
            (D(2026, 5, 1), SAMTALE), (D(2026, 7, 20), SAMTALE)]
    fl2 = next(m for m in evaluate(Scheme.FORSIKRET_LEDIG, D(2026, 8, 1), *held,
                                   start=D(2026, 1, 15), cpr="010190-1234").milestones
               if m.rule_id == "FL2")
    assert (fl2.state, fl2.met_on, fl2.counted) == (LATE, D(2026, 7, 20), (4, 2))


@pytest.mark.parametrize("profile_name", ["kbh-2006-2017", "gaeldende-2026"])
@pytest.mark.parametrize("scheme", list(Scheme))
def test_deadlines_past_the_calendars_end_are_never_due(profile_name: str,
                                                         scheme: Scheme) -> None:
    """A conversation registered on 9999-12-31 (register takes it) evaluates on that day.

    The next deadline would fall after the last date there is: it stays open with the last
    date as its due date instead of ending the evaluation in an OverflowError.
    """
    last = D(9999, 12, 31)
    facts = CaseFacts(scheme, D(9999, 12, 1), [CaseEvent(last, SAMTALE)],
                      cpr=parse_cpr("010190-1234"), pauses=[Pause(D(9999, 12, 10))])
    evaluation = evaluate_case(facts, load_named_profile(profile_name), last)
    assert evaluation.status in (Status.RED, Status.AMBER, Status.GREEN)
    assert all(m.due <= last for m in evaluation.milestones)
    assert status_for_due(last, last) is Status.AMBER
    assert status_for_due(D(9999, 12, 30), last) is Status.RED
