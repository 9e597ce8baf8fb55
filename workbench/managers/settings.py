"""The settings manager (``wb.settings``): the user's ``Settings`` in the settings table."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import Connection, select

from workbench.managers.base import Manager
from workbench.resources import load_named_profile
from workbench.rules import RuleProfile
from workbench.settings import Settings, decode_settings, encode_setting
from workbench.store.models import settings
from workbench.store.touched import touch_all


class SettingsManager(Manager):
    """Loading and saving the user's settings (the team's live in ``wb.team``)."""

    def load(self) -> Settings:
        """The stored settings, defaults for the ones never saved."""
        with self._database.transaction() as connection:
            return self.read(connection)

    def save(self, new: Settings) -> None:
        """Store the user's own choices; InputError (and nothing stored) if one makes no sense.

        Only values that differ from the defaults (IT's, else the built-in ones) are stored,
        so a later change of IT's defaults still reaches every user who did not choose
        otherwise.
        """
        new.validated()
        defaults = asdict(decode_settings({}, self._wb.site))
        rows = [{"key": key, "value": encode_setting(value)}
                for key, value in asdict(new).items() if value != defaults[key]]
        with self._database.transaction(write=True) as connection:
            before = self.read(connection)
            if (before.profile_name, before.closure_days, before.fixed_closure_days) != (
                    new.profile_name, new.closure_days, new.fixed_closure_days):
                touch_all(connection)  # every stored deadline follows (workbench.deadlines)
            # Only the user's settings: the team's (workbench.sync) live in the same table.
            keys = list(defaults)
            connection.execute(settings.delete().where(settings.c.key.in_(keys)))
            if rows:
                connection.execute(settings.insert(), rows)

    def read(self, connection: Connection) -> Settings:
        """The effective settings in the caller's transaction: user's over IT's over built-in."""
        stored = dict(connection.execute(select(settings.c.key, settings.c.value)).all())
        return decode_settings(stored, self._wb.site)

    def profile_of(self, connection: Connection) -> RuleProfile:
        """The rule profile this database uses."""
        return load_named_profile(self.read(connection).profile_name)

    def rules_of(self, connection: Connection) -> tuple[RuleProfile, int]:
        """The rule profile this database uses and its amber window."""
        current = self.read(connection)
        return load_named_profile(current.profile_name), current.amber_days
