"""The cycle collector is paused for bulk work and resumes as it was."""

import gc
from collections.abc import Iterator

import pytest

from workbench.bulk import collector_paused


@pytest.fixture
def collector_enabled() -> Iterator[None]:
    """Each test starts with the collector on, and leaves it on."""
    gc.enable()
    yield
    gc.enable()


@pytest.mark.usefixtures("collector_enabled")
class TestCollectorPaused:
    def test_paused_inside_and_resumed_after(self) -> None:
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled()

    def test_resumed_after_an_error(self) -> None:
        with pytest.raises(KeyError), collector_paused():
            raise KeyError("boom")
        assert gc.isenabled()

    def test_a_nested_pause_leaves_the_outer_one_in_charge(self) -> None:
        with collector_paused():
            with collector_paused():
                pass
            assert not gc.isenabled()
        assert gc.isenabled()

    def test_left_off_when_it_was_off(self) -> None:
        gc.disable()
        with collector_paused():
            pass
        assert not gc.isenabled()
