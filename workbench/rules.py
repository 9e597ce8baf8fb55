"""Rule profiles: the legal follow-up deadlines as data, loaded from TOML.

A profile is a file of rules with ids, legal references and validity dates, so that a change
in the law is a new file, not new code. Loading checks every field and refuses a malformed
profile with a message naming the file, the rule and the field.

Three kinds of rule exist, each its own type:

``once`` (``OnceRule``)
    One milestone, due at an offset from the anchor, satisfied by the first matching event.
``recurring`` (``ChainRule``)
    A chain: each occurrence falls due an interval after the previous satisfying event
    (or after the chain's start), and the next matching event satisfies it. An event on the
    chain's base date only sets the base (shared/domain.md, "Chains").
``count_in_window`` (``CountRule``)
    At least N events of given kinds within a window from the anchor (optionally repeated
    window after window). Due on the window's last day; a window that ends unmet is missed
    and stays open until an event of a kind still missing is held after it.

Every rule may also have: validity by the case's start date (``valid_from``/``valid_to``)
and by the evaluation date (``applies_from``/``applies_until``); an anchor that is the first
event of a kind (``counted_from``) instead of the case's start; conditions on the case's
attributes (``when``/``unless``); a ``verified`` flag for its legal reference.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from workbench.calendar import add_months, last_of_month
from workbench.errors import ProfileError, VocabularyError, problem, problem_of
from workbench.vocabulary import EventKind, Scheme, parse_event_kind, parse_scheme

E = TypeVar("E", bound=enum.Enum)


class Unit(enum.Enum):
    """How an offset is counted from its base date (day 1 is the base itself)."""

    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    #: The last day of week N when the base is day 1: base + 7·N − 1 days.
    END_OF_WEEK = "end_of_week"
    #: The last day of the N-month window starting at the base: the day before the same
    #: day-of-month N months later, or that month's last day where the day does not exist.
    END_OF_MONTHS = "end_of_months"
    #: The last day of the calendar month in which base + N days falls (N = 0: the base's).
    END_OF_CALENDAR_MONTH = "end_of_calendar_month"

    #: Members are singletons, so identity hashing is exact (and Enum's own is slow): the
    #: engine looks offsets up by unit for every count window.
    __hash__ = object.__hash__


_ONE_DAY = dt.timedelta(days=1)


class RuleKind(enum.Enum):
    """The shape of a rule (see the module docstring)."""

    ONCE = "once"
    RECURRING = "recurring"
    COUNT_IN_WINDOW = "count_in_window"


class ChainStart(enum.Enum):
    """Where a recurring rule's chain begins."""

    #: At the case's anchor (start date), shifted by the rule's ``start`` offset if any.
    ANCHOR = "anchor"
    #: At the first satisfying event: nothing is due before it happens.
    FIRST_EVENT = "first_event"


@dataclass(frozen=True)
class Offset:
    """A distance from a base date: ``amount`` of ``unit``."""

    amount: int
    unit: Unit
    #: Where the offset has landed from each base so far: month arithmetic is the engine's
    #: costliest step, and a caseload's deadlines start from a few thousand dates at most.
    _landings: dict[dt.date, dt.date] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def after(self, base: dt.date) -> dt.date:
        """The date this offset lands on, counted from ``base``."""
        landing = self._landings.get(base)
        if landing is None:
            try:
                landing = self._land(base)
            except (OverflowError, ValueError):  # past 9999-12-31: never due in the calendar
                landing = dt.date.max
            self._landings[base] = landing
        return landing

    def _land(self, base: dt.date) -> dt.date:
        """``after`` worked out."""
        unit = self.unit
        if unit is Unit.MONTHS:
            return add_months(base, self.amount)
        if unit is Unit.END_OF_MONTHS:
            # The day before the same day-of-month N months later; where that day does not
            # exist, the last day of that month (domain.md, "N-month windows").
            landing = add_months(base, self.amount)
            return landing if landing.day != base.day else landing - _ONE_DAY
        if unit is Unit.DAYS:
            return base + dt.timedelta(days=self.amount)
        if unit is Unit.WEEKS:
            return base + dt.timedelta(days=7 * self.amount)
        if unit is Unit.END_OF_CALENDAR_MONTH:
            return last_of_month(base + dt.timedelta(days=self.amount))
        return base + dt.timedelta(days=7 * self.amount - 1)  # Unit.END_OF_WEEK

    def __str__(self) -> str:
        """Readable form, as in a rule's description."""
        if self.unit is Unit.END_OF_WEEK:
            return f"end of week {self.amount}"
        if self.unit is Unit.END_OF_MONTHS:
            return f"end of {self.amount} months"
        if self.unit is Unit.END_OF_CALENDAR_MONTH:
            return f"end of the calendar month of day {self.amount}"
        return f"{self.amount} {self.unit.value}"


@dataclass(frozen=True)
class AgeBand:
    """A condition on the citizen's age at the anchor, with the due offset that applies."""

    age_from: int | None
    age_below: int | None
    due: Offset

    def admits(self, age: int) -> bool:
        """True when ``age`` lies in [age_from, age_below)."""
        low_ok = self.age_from is None or age >= self.age_from
        high_ok = self.age_below is None or age < self.age_below
        return low_ok and high_ok


@dataclass(frozen=True)
class CountRequirement:
    """At least ``at_least`` events of ``kinds`` within the window."""

    kinds: frozenset[EventKind]
    at_least: int


#: Case attributes a rule may have conditions on, as the export's optional columns name them.
CASE_ATTRIBUTES = ("maalgruppe", "beskaeftiget", "kategori")


@dataclass(frozen=True, kw_only=True)
class Rule:
    """What every legal or local follow-up rule of a profile has; the kinds add their shape."""

    kind: ClassVar[RuleKind]

    id: str
    scheme: Scheme
    title_da: str
    title_en: str
    satisfied_by: frozenset[EventKind]
    #: The citation a caseworker recognises (law and paragraph, or document and date).
    reference: str
    #: False while the legal basis has not been checked against the law's text.
    verified: bool = True
    #: The rule governs the cases whose start date lies between these.
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    #: The rule is in force on these evaluation dates: deadlines outside them do not exist.
    applies_from: dt.date | None = None
    applies_until: dt.date | None = None
    #: Deadlines counted from the first event of this kind (on or after the start date).
    counted_from: EventKind | None = None
    #: The rule applies only when each named case attribute is known and one of the values…
    when: tuple[tuple[str, frozenset[str]], ...] = ()
    #: …and not when a named attribute is known and one of these values.
    unless: tuple[tuple[str, frozenset[str]], ...] = ()

    def title(self, language: str) -> str:
        """The rule's title in ``language`` ("da" or "en")."""
        return self.title_en if language == "en" else self.title_da

    def applies_to(self, anchor: dt.date) -> bool:
        """A rule governs the cases whose anchor lies within its validity dates."""
        after_start = self.valid_from is None or anchor >= self.valid_from
        before_end = self.valid_to is None or anchor <= self.valid_to
        return after_start and before_end

    @property
    def conditional(self) -> bool:
        """Whether the case's attributes decide if the rule applies."""
        return bool(self.when or self.unless)

    def admits(self, attributes: Mapping[str, str]) -> bool:
        """Whether a case with ``attributes`` meets the rule's conditions.

        A ``when`` condition needs the attribute known (a case whose export lacks it is not
        taken to be in the group); an ``unless`` condition excludes only a known value.
        """
        for name, values in self.when:
            if attributes.get(name) not in values:
                return False
        return not any(attributes.get(name) in values for name, values in self.unless)

    @property
    def windowed(self) -> bool:
        """Whether the evaluation date limits the rule (applies_from or applies_until)."""
        return self.applies_from is not None or self.applies_until is not None


@dataclass(frozen=True, kw_only=True)
class OnceRule(Rule):
    """One deadline, at an offset from the anchor (or by the citizen's age at the anchor)."""

    kind: ClassVar[RuleKind] = RuleKind.ONCE
    due: Offset | None = None
    age_bands: tuple[AgeBand, ...] = ()

    def due_for_age(self, age: int | None) -> Offset | None:
        """The due offset for a citizen of ``age`` at the anchor; None if the rule excludes them."""
        if not self.age_bands:
            return self.due
        if age is None:
            return None
        for band in self.age_bands:
            if band.admits(age):
                return band.due
        return None


@dataclass(frozen=True, kw_only=True)
class ChainRule(Rule):
    """A chain of deadlines, each ``every`` after the event that met the one before."""

    kind: ClassVar[RuleKind] = RuleKind.RECURRING
    every: Offset
    chain_start: ChainStart = ChainStart.ANCHOR
    #: Offset of the chain's base from the anchor (ANCHOR chains).
    start: Offset | None = None
    #: Due of the first occurrence, from the anchor, instead of ``every`` after the base.
    first_due: Offset | None = None
    #: The chain is active only once the named rule is met.
    requires: str | None = None


@dataclass(frozen=True, kw_only=True)
class CountRule(Rule):
    """At least N events of given kinds in a window from the anchor, perhaps window after window."""

    kind: ClassVar[RuleKind] = RuleKind.COUNT_IN_WINDOW
    window: Offset
    counts: tuple[CountRequirement, ...]
    repeat: bool = False


@dataclass(frozen=True)
class RulePlan:
    """The rules that govern the cases of one scheme and anchor, worked out once for all."""

    #: In profile order: the order that breaks ties between milestones due the same day.
    rules: tuple[Rule, ...]
    #: Whether any of them depends on the citizen's age (only then is the CPR number read).
    needs_age: bool
    #: Whether any of them depends on the evaluation date, an event anchor or attributes.
    special: bool = False


class ReasonEffect(enum.Enum):
    """What a reason allows: pausing all of a case's deadlines, or exempting it from one rule."""

    PAUSE = "pause"
    EXEMPTION = "exemption"


@dataclass(frozen=True)
class Reason:
    """A legal reason for a pause or an exemption, from a profile's list."""

    key: str
    effect: ReasonEffect
    title_da: str
    title_en: str
    reference: str
    verified: bool = True

    def title(self, language: str) -> str:
        """The reason's title in ``language`` ("da" or "en")."""
        return self.title_en if language == "en" else self.title_da


@dataclass(frozen=True)
class RuleProfile:
    """A named, ordered set of rules; order decides ties between milestones due the same day."""

    id: str
    title: str
    source: str
    rules: tuple[Rule, ...]
    reasons: tuple[Reason, ...] = ()
    #: Plans by scheme and anchor: a caseload has a few thousand distinct start dates at most.
    _plans: dict[tuple[Scheme, dt.date], RulePlan] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def rules_for(self, scheme: Scheme, anchor: dt.date) -> list[Rule]:
        """The rules that govern a case of ``scheme`` started on ``anchor``, in profile order."""
        return [rule for rule in self.rules if rule.scheme is scheme and rule.applies_to(anchor)]

    def plan_for(self, scheme: Scheme, anchor: dt.date) -> RulePlan:
        """``rules_for`` as a plan, remembered: the engine asks for it once per case."""
        key = (scheme, anchor)
        plan = self._plans.get(key)
        if plan is None:
            rules = tuple(self.rules_for(scheme, anchor))
            plan = RulePlan(
                rules,
                needs_age=any(isinstance(rule, OnceRule) and rule.age_bands for rule in rules),
                special=any(rule.windowed or rule.conditional or rule.counted_from
                            for rule in rules),
            )
            self._plans[key] = plan
        return plan

    def rule(self, rule_id: str) -> Rule:
        """The rule with ``rule_id``; KeyError if the profile has none."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def reason(self, key: str, effect: ReasonEffect) -> Reason:
        """The reason ``key`` for ``effect``; KeyError if the profile has none."""
        for reason in self.reasons:
            if reason.key == key and reason.effect is effect:
                return reason
        raise KeyError(key)


class _RuleReader:
    """Reads one rule table, raising ProfileError with the file, rule and field named."""

    def __init__(self, source: str, table: Mapping[str, Any], position: int) -> None:
        self.source = source
        self.table = table
        raw_id = table.get("id")
        self.rule_id = raw_id if isinstance(raw_id, str) and raw_id else f"#{position}"

    def fail(self, field: str | None, key: str, **params: object) -> ProfileError:
        """An error located at this rule and ``field``: the problem is message ``key``."""
        return ProfileError(self.source, self.rule_id, field, problem(key, **params))

    def text(self, field: str, *, required: bool = True) -> str:
        """A non-empty string field."""
        value = self.table.get(field)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "rules.non_empty_text")
        return value.strip()

    def choice(self, field: str, enum_type: type[E], default: E | None = None) -> E:
        """A field whose value must be one of ``enum_type``'s values."""
        value = self.table.get(field)
        if value is None and default is not None:
            return default
        for member in enum_type:
            if member.value == value:
                return member
        accepted = ", ".join(str(member.value) for member in enum_type)
        raise self.fail(field, "rules.one_of", accepted=accepted, value=repr(value))

    def date(self, field: str) -> dt.date | None:
        """An optional TOML date (valid_from = 2019-01-01)."""
        value = self.table.get(field)
        if value is None:
            return None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise self.fail(field, "rules.date", value=repr(value))
        return value

    def offset(self, field: str, value: Any = None) -> Offset | None:
        """An optional offset table: { offset = 8, unit = "end_of_week" }."""
        raw = self.table.get(field) if value is None else value
        if raw is None:
            return None
        if not isinstance(raw, Mapping):
            raise self.fail(field, "rules.offset_table")
        amount = raw.get("offset")
        if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
            raise self.fail(f"{field}.offset", "rules.whole_number_not", minimum=0,
                            value=repr(amount))
        units = {unit.value: unit for unit in Unit}
        unit = units.get(raw.get("unit"))  # type: ignore[arg-type]
        if unit is None:
            raise self.fail(f"{field}.unit", "rules.unit", accepted=", ".join(units))
        return Offset(amount, unit)

    def kinds(self, field: str, value: Any = None) -> frozenset[EventKind]:
        """A non-empty list of event kinds."""
        raw = self.table.get(field) if value is None else value
        if not isinstance(raw, list) or not raw:
            raise self.fail(field, "rules.kinds_list")
        try:
            return frozenset(parse_event_kind(str(item)) for item in raw)
        except VocabularyError as error:
            raise ProfileError(self.source, self.rule_id, field, problem_of(error)) from None

    def scheme(self) -> Scheme:
        """The scheme field, in any spelling the vocabulary accepts."""
        try:
            return parse_scheme(self.text("scheme"))
        except VocabularyError as error:
            raise ProfileError(self.source, self.rule_id, "scheme", problem_of(error)) from None

    def age_bands(self) -> tuple[AgeBand, ...]:
        """The optional [[rule.age_band]] list, checked for overlaps."""
        raw = self.table.get("age_band", [])
        if not isinstance(raw, list):
            raise self.fail("age_band", "rules.age_band_list")
        bands = []
        for index, band in enumerate(raw):
            field = f"age_band[{index}]"
            if not isinstance(band, Mapping):
                raise self.fail(field, "rules.table")
            low, high = band.get("age_from"), band.get("age_below")
            for name, bound in (("age_from", low), ("age_below", high)):
                if bound is not None and (not isinstance(bound, int) or bound < 0):
                    raise self.fail(f"{field}.{name}", "rules.whole_number", minimum=0)
            if low is not None and high is not None and low >= high:
                raise self.fail(field, "rules.age_order")
            due = self.offset(f"{field}.due", band.get("due"))
            if due is None:
                raise self.fail(f"{field}.due", "rules.required")
            bands.append(AgeBand(low, high, due))
        self._refuse_overlaps(bands)
        return tuple(bands)

    def _refuse_overlaps(self, bands: Sequence[AgeBand]) -> None:
        """Age bands of one rule must not overlap: the due date would be ambiguous."""
        ordered = sorted(bands, key=lambda band: band.age_from or 0)
        for lower, upper in itertools.pairwise(ordered):
            lower_end = lower.age_below if lower.age_below is not None else 10**6
            if (upper.age_from or 0) < lower_end:
                raise self.fail("age_band", "rules.age_overlap")

    def counts(self) -> tuple[CountRequirement, ...]:
        """The [[rule.count]] requirements of a count-in-window rule."""
        raw = self.table.get("count")
        if not isinstance(raw, list) or not raw:
            raise self.fail("count", "rules.count_entries")
        requirements = []
        for index, entry in enumerate(raw):
            field = f"count[{index}]"
            if not isinstance(entry, Mapping):
                raise self.fail(field, "rules.table")
            at_least = entry.get("at_least")
            if not isinstance(at_least, int) or isinstance(at_least, bool) or at_least < 1:
                raise self.fail(f"{field}.at_least", "rules.whole_number", minimum=1)
            kinds = self.kinds(f"{field}.kinds", entry.get("kinds"))
            requirements.append(CountRequirement(kinds, at_least))
        return tuple(requirements)

    def flag(self, field: str, default: bool) -> bool:
        """An optional true/false field."""
        value = self.table.get(field, default)
        if not isinstance(value, bool):
            raise self.fail(field, "rules.true_false", value=repr(value))
        return value

    def event_kind(self, field: str) -> EventKind | None:
        """An optional single event kind."""
        value = self.table.get(field)
        if value is None:
            return None
        try:
            return parse_event_kind(str(value))
        except VocabularyError as error:
            raise ProfileError(self.source, self.rule_id, field, problem_of(error)) from None

    def conditions(self, field: str) -> tuple[tuple[str, frozenset[str]], ...]:
        """An optional table of case attributes and their accepted values."""
        raw = self.table.get(field)
        if raw is None:
            return ()
        if not isinstance(raw, Mapping) or not raw:
            raise self.fail(field, "rules.conditions_table")
        conditions = []
        for name, values in raw.items():
            if name not in CASE_ATTRIBUTES:
                raise self.fail(f"{field}.{name}", "rules.no_attribute",
                                accepted=", ".join(CASE_ATTRIBUTES))
            if (not isinstance(values, list) or not values
                    or not all(isinstance(v, str) and v.strip() for v in values)):
                raise self.fail(f"{field}.{name}", "rules.texts_list")
            conditions.append((name, frozenset(v.strip().lower() for v in values)))
        return tuple(conditions)

    def read(self) -> Rule:
        """The whole rule, as the type its kind names, with the fields it needs checked."""
        kind = self.choice("kind", RuleKind)
        common: dict[str, Any] = {
            "id": self.text("id"),
            "scheme": self.scheme(),
            "title_da": self.text("title_da"),
            "title_en": self.text("title_en"),
            "satisfied_by": self.kinds("satisfied_by"),
            "reference": self.text("reference"),
            "verified": self.flag("verified", True),
            "valid_from": self.date("valid_from"),
            "valid_to": self.date("valid_to"),
            "applies_from": self.date("applies_from"),
            "applies_until": self.date("applies_until"),
            "counted_from": self.event_kind("counted_from"),
            "when": self.conditions("when"),
            "unless": self.conditions("unless"),
        }
        self._check_dates(common)
        rule: Rule
        if kind is RuleKind.ONCE:
            rule = OnceRule(due=self.offset("due"), age_bands=self.age_bands(), **common)
            if rule.due is None and not rule.age_bands:
                raise self.fail("due", "rules.once_due")
        elif kind is RuleKind.RECURRING:
            every = self.offset("every")
            if every is None:
                raise self.fail("every", "rules.recurring_every")
            rule = ChainRule(
                every=every,
                chain_start=self.choice("anchor", ChainStart, ChainStart.ANCHOR),
                start=self.offset("start"),
                first_due=self.offset("first_due"),
                requires=self.text("requires", required=False) or None,
                **common,
            )
        else:
            window = self.offset("window")
            if window is None:
                raise self.fail("window", "rules.window_needed")
            if window.unit not in (Unit.END_OF_WEEK, Unit.END_OF_MONTHS) or not window.amount:
                raise self.fail("window.unit", "rules.window_unit")
            rule = CountRule(window=window, counts=self.counts(),
                             repeat=self.flag("repeat", False), **common)
        return rule

    def _check_dates(self, common: Mapping[str, Any]) -> None:
        """Each pair of validity dates must be in order."""
        for low, high in (("valid_from", "valid_to"), ("applies_from", "applies_until")):
            if common[low] and common[high] and common[low] > common[high]:
                raise self.fail(high, "rules.before", other=low)


def parse_profile(text: str, source: str) -> RuleProfile:
    """Parse a profile from TOML ``text``; ``source`` names it in error messages."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(source, None, None, problem("rules.not_toml", error=str(error))
                           ) from None
    header = document.get("profile")
    if not isinstance(header, Mapping):
        raise ProfileError(source, None, "profile", problem("rules.profile_table"))
    profile_id, title = header.get("id"), header.get("title")
    if not isinstance(profile_id, str) or not profile_id:
        raise ProfileError(source, None, "profile.id", problem("rules.non_empty_text"))
    if not isinstance(title, str) or not title:
        raise ProfileError(source, None, "profile.title", problem("rules.non_empty_text"))
    raw_rules = document.get("rule")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise ProfileError(source, None, "rule", problem("rules.at_least_one_rule"))
    rules = []
    for position, table in enumerate(raw_rules, start=1):
        if not isinstance(table, Mapping):
            raise ProfileError(source, f"#{position}", None, problem("rules.table"))
        rules.append(_RuleReader(source, table, position).read())
    _check_references(source, rules)
    return RuleProfile(id=profile_id, title=title, source=source, rules=tuple(rules),
                       reasons=_reasons(source, document.get("reason", [])))


def _reasons(source: str, raw: Any) -> tuple[Reason, ...]:
    """The profile's [[reason]] list: each a key, an effect, titles and a legal reference."""
    if not isinstance(raw, list):
        raise ProfileError(source, None, "reason", problem("rules.reason_list"))
    reasons: list[Reason] = []
    for position, table in enumerate(raw, start=1):
        if not isinstance(table, Mapping):
            raise ProfileError(source, None, f"reason[{position}]", problem("rules.table"))
        reader = _RuleReader(source, table, position)
        reader.rule_id = f"reason {table.get('key', f'#{position}')}"
        reason = Reason(
            key=reader.text("key"),
            effect=reader.choice("effect", ReasonEffect),
            title_da=reader.text("title_da"),
            title_en=reader.text("title_en"),
            reference=reader.text("reference"),
            verified=reader.flag("verified", True),
        )
        if any(r.key == reason.key and r.effect is reason.effect for r in reasons):
            raise reader.fail("key", "rules.same_reason")
        reasons.append(reason)
    return tuple(reasons)


def _check_references(source: str, rules: Sequence[Rule]) -> None:
    """Ids are unique, and a rule's ``requires`` names a rule of the same scheme."""
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            raise ProfileError(source, rule.id, "id", problem("rules.same_id"))
        seen[rule.id] = rule
    for rule in rules:
        if not isinstance(rule, ChainRule) or rule.requires is None:
            continue
        required = seen.get(rule.requires)
        if required is None or required.scheme is not rule.scheme:
            raise ProfileError(source, rule.id, "requires",
                               problem("rules.requires", requires=rule.requires))


def load_profile(path: Path) -> RuleProfile:
    """Load and check the profile in ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(str(path), None, None, problem("rules.unreadable", error=str(error))
                           ) from None
    return parse_profile(text, path.name)
