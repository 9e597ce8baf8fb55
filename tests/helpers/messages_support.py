"""Matching keyed messages in tests, whatever the current language."""

from __future__ import annotations

import re

from workbench.messages import render


def said(key: str, **params: object) -> str:
    """A ``pytest.raises(match=...)`` pattern: message ``key`` with exactly these parameters."""
    return re.escape(render(key, params))
