"""A result's date reads as the date filter writes it, in the reader's
language and clock (search.sources.Result writes it without the filter)."""

from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from search.sources import Result


def _as_the_template_wrote_it(when, format_string):
    # A template turns an aware datetime to the reader's clock before the
    # filter formats it; the filter called alone does not.
    template = Template("{{ when|date:format_string }}")
    return template.render(Context({"when": when, "format_string": format_string}))


def _result(when):
    return Result(
        kind="nieuws", kind_label="Nieuws", title="", url="", snippet="", when=when
    )


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    "when",
    [
        # Late on 31 March in UTC is already 1 April on a Dutch clock.
        datetime(2026, 3, 31, 23, 30, tzinfo=UTC),
        datetime(2026, 12, 7, 9, 5, tzinfo=UTC),
        date(2026, 5, 1),
    ],
)
def test_a_result_date_reads_as_the_date_filter_writes_it(language, when):
    with translation.override(language):
        result = _result(when)
        assert result.when_text == _as_the_template_wrote_it(when, "j F Y")
        assert result.when_iso == _as_the_template_wrote_it(when, "c")


def test_the_month_is_named_in_the_readers_language():
    when = datetime(2026, 3, 31, 23, 30, tzinfo=UTC)
    with translation.override("nl"):
        assert _result(when).when_text == "1 april 2026"
    with translation.override("en"):
        assert _result(when).when_text == "1 April 2026"


def test_a_result_without_a_date_shows_none():
    assert _result(None).when_text == _result(None).when_iso == ""
