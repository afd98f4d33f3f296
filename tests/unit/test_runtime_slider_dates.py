"""Date, datetime and time ``st.slider``: Streamlit 1.67's defaults (bounds ± 14 days,
a day's or a quarter hour's step, moment.js formats), its wire value (microseconds of
wall-clock time since the epoch), the value's type and zone, session state and
callbacks, and the errors it raises."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import pytest

from runtime_wasm.streamlit.elements.lib._epoch_micros import (
    check_safe,
    from_micros,
    to_micros,
    window_around,
)
from runtime_wasm.testing import AppTest

RunApp = Callable[[str], AppTest]

DAY = 86_400_000_000  # microseconds
TOKYO = timezone(timedelta(hours=9))
HEADER = (
    "import streamlit as st\n"
    "from datetime import date, datetime, time, timedelta, timezone\n"
    "TOKYO = timezone(timedelta(hours=9))\n"
)


def _run(run_app: RunApp, body: str) -> AppTest:
    at = run_app(HEADER + body + "\n")
    assert not at.exception, at.exception[0].value
    return at


# -- the wire value --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "data_type", "micros"),
    [
        pytest.param(date(1970, 1, 2), "date", DAY, id="date"),
        pytest.param(date(2024, 3, 10), "date", 1_710_028_800_000_000, id="date-2024"),
        pytest.param(datetime(1970, 1, 1, 0, 0, 1, 5), "datetime", 1_000_005, id="datetime"),
        pytest.param(datetime(1969, 12, 31, 23, 0), "datetime", -3_600_000_000, id="pre-1970"),
        # wall-clock time: 09:00 in Tokyo goes as 09:00, not as 00:00 UTC
        pytest.param(datetime(1970, 1, 1, 9, tzinfo=TOKYO), "datetime", 9 * 3_600_000_000, id="tz"),
        pytest.param(time(0, 15), "time", 946_684_800_000_000 + 900_000_000, id="time"),
        pytest.param(datetime(1970, 1, 2, 18), "date", DAY, id="datetime-on-a-date-slider"),
    ],
)
def test_values_go_to_the_page_as_wall_clock_microseconds(
    value: Any, data_type: str, micros: int
) -> None:
    assert to_micros(value, data_type) == micros


@pytest.mark.parametrize(
    ("micros", "data_type", "tz", "expected"),
    [
        pytest.param(DAY, "date", None, date(1970, 1, 2), id="date"),
        pytest.param(1_000_005, "datetime", None, datetime(1970, 1, 1, 0, 0, 1, 5), id="naive"),
        pytest.param(
            9 * 3_600_000_000, "datetime", TOKYO, datetime(1970, 1, 1, 9, tzinfo=TOKYO), id="tz"
        ),
        pytest.param(946_684_800_000_000 + 900_000_000, "time", None, time(0, 15), id="time"),
        pytest.param(3_600_000_000, "time", UTC, time(1, tzinfo=UTC), id="time-tz"),
    ],
)
def test_values_come_back_from_the_page_in_the_zone_given(
    micros: int, data_type: str, tz: Any, expected: Any
) -> None:
    got = from_micros(micros, data_type, tz)
    assert got == expected
    assert type(got) is type(expected)
    assert getattr(got, "tzinfo", None) == getattr(expected, "tzinfo", None)


def test_default_bounds_stay_within_what_the_page_can_hold() -> None:
    assert window_around(date(2024, 3, 10), timedelta(days=14)) == (
        date(2024, 2, 25),
        date(2024, 3, 24),
    )
    low, high = window_around(date(1, 1, 1), timedelta(days=14))
    assert low == date(1, 1, 1) and high == date(1, 1, 15)  # never past the anchor
    low, high = window_around(date(9999, 12, 31), timedelta(days=14))
    assert (low, high) == (date(9999, 12, 17), date(9999, 12, 31))
    check_safe("`min_value`", 2**53 - 1)
    with pytest.raises(Exception, match=r"`max_value` is too far from 1970"):
        check_safe("`max_value`", 2**53)


# -- what st.slider returns and sends ---------------------------------------------------


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        pytest.param("st.slider('s', value=date(2024, 3, 10))", date(2024, 3, 10), id="date"),
        pytest.param(
            "st.slider('s', date(2024, 1, 1), date(2024, 2, 1), (date(2024, 1, 9), "
            "date(2024, 1, 3)))",
            (date(2024, 1, 3), date(2024, 1, 9)),
            id="date-range-swapped",
        ),
        pytest.param(
            "st.slider('s', date(2024, 1, 1), date(2024, 1, 9), value=[date(2024, 1, 5)])",
            (date(2024, 1, 5),),
            id="one-value-range",
        ),
        pytest.param(
            "st.slider('s', value=datetime(2024, 3, 10, 12, 30))",
            datetime(2024, 3, 10, 12, 30),
            id="datetime",
        ),
        pytest.param(
            "st.slider('s', value=datetime(2024, 3, 10, 9, tzinfo=TOKYO))",
            datetime(2024, 3, 10, 9, tzinfo=TOKYO),
            id="datetime-tz",
        ),
        pytest.param("st.slider('s', value=time(9, 30))", time(9, 30), id="time"),
        pytest.param(
            "st.slider('s', value=[time(17), time(9)])", (time(9), time(17)), id="time-range"
        ),
        pytest.param(
            "st.slider('s', date(2024, 1, 1), date(2024, 1, 9), date(2024, 3, 5))",
            date(2024, 3, 5),
            id="bounds-widen-to-the-value",
        ),
    ],
)
def test_a_date_or_time_slider_returns_its_type(run_app: RunApp, call: str, expected: Any) -> None:
    at = _run(run_app, f"st.session_state.out = {call}")
    got = at.session_state["out"]
    assert got == expected
    assert type(got) is type(expected)
    assert repr(got) == repr(expected)  # the zone too


@pytest.mark.parametrize(
    ("call", "page"),
    [
        pytest.param(
            "st.slider('s', value=date(2024, 3, 10))",
            {
                "data_type": "date",
                "value": 1_710_028_800_000_000,
                "min": 1_710_028_800_000_000 - 14 * DAY,
                "max": 1_710_028_800_000_000 + 14 * DAY,
                "step": DAY,
                "format": "YYYY-MM-DD",
            },
            id="date-defaults",
        ),
        pytest.param(
            "st.slider('s', value=time(9))",
            {
                "data_type": "time",
                "value": 946_684_800_000_000 + 9 * 3_600_000_000,
                "min": 946_684_800_000_000,
                "max": 946_684_800_000_000 + DAY - 1,
                "step": 900_000_000,
                "format": "HH:mm",
            },
            id="time-defaults",
        ),
        pytest.param(
            "st.slider('s', datetime(2024, 1, 1, 8), datetime(2024, 1, 1, 17), "
            "datetime(2024, 1, 1, 9), format='h:mm A')",
            {
                "data_type": "datetime",
                "step": 900_000_000,  # a range under a day moves in quarter hours
                "format": "h:mm A",
            },
            id="short-datetime-range",
        ),
        pytest.param(
            "st.slider('s', value=(datetime(2024, 1, 1), datetime(2024, 1, 3)), "
            "step=timedelta(hours=6))",
            {"data_type": "datetime", "step": 6 * 3_600_000_000, "format": "YYYY-MM-DD"},
            id="datetime-range-step",
        ),
    ],
)
def test_the_page_gets_microseconds_and_a_moment_format(
    run_app: RunApp, call: str, page: dict[str, Any]
) -> None:
    props = _run(run_app, call).slider[0].props
    assert {k: props[k] for k in page} == page


def test_moving_a_date_slider_returns_a_date(run_app: RunApp) -> None:
    at = _run(
        run_app,
        "v = st.slider('Day', date(2024, 1, 1), date(2024, 12, 31), date(2024, 6, 1))\n"
        "st.text(repr(v))",
    )
    at.slider[0].set_value(date(2024, 7, 4)).run()
    assert at.text[0].value == "datetime.date(2024, 7, 4)"
    assert at.slider[0].props["value"] == to_micros(date(2024, 7, 4), "date")


def test_moving_a_datetime_range_keeps_the_zone(run_app: RunApp) -> None:
    at = _run(
        run_app,
        "v = st.slider('When', value=(datetime(2024, 3, 1, tzinfo=TOKYO), "
        "datetime(2024, 3, 5, tzinfo=TOKYO)), step=timedelta(hours=1))\nst.text(repr(v))",
    )
    lower, upper = datetime(2024, 3, 2, 5, tzinfo=TOKYO), datetime(2024, 3, 4, tzinfo=TOKYO)
    at.slider[0].set_range(lower, upper).run()
    assert at.text[0].value == repr((lower, upper))


def test_key_session_state_and_on_change(run_app: RunApp) -> None:
    at = _run(
        run_app,
        "def changed():\n    st.session_state.log = repr(st.session_state.t)\n"
        "v = st.slider('Alarm', value=time(8), key='t', on_change=changed)\n"
        "st.text(st.session_state.get('log', '-'))\nst.text(repr(v))",
    )
    assert [t.value for t in at.text] == ["-", "datetime.time(8, 0)"]
    at.slider[0].set_value(time(10, 15)).run()
    assert [t.value for t in at.text] == ["datetime.time(10, 15)", "datetime.time(10, 15)"]
    assert at.session_state["t"] == time(10, 15)


def test_a_value_set_through_the_key_is_what_the_slider_shows(run_app: RunApp) -> None:
    at = _run(
        run_app,
        "st.session_state.d = date(2024, 1, 20)\n"
        "v = st.slider('d', date(2024, 1, 1), date(2024, 2, 1), key='d')\nst.text(repr(v))",
    )
    assert at.text[0].value == "datetime.date(2024, 1, 20)"
    assert at.slider[0].props["value"] == to_micros(date(2024, 1, 20), "date")


def test_a_range_in_session_state_makes_a_slider_without_value_a_range(run_app: RunApp) -> None:
    at = _run(
        run_app,
        "if 'd' not in st.session_state:\n"
        "    st.session_state.d = (date(2024, 1, 3), date(2024, 1, 9))\n"
        "v = st.slider('d', date(2024, 1, 1), date(2024, 2, 1), key='d')\nst.text(repr(v))",
    )
    assert at.text[0].value == repr((date(2024, 1, 3), date(2024, 1, 9)))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        pytest.param(
            "st.slider('d', date(2024, 1, 1), date(2024, 1, 1))",
            "The `min_value` and `max_value` parameters are both set to 2024-01-01 00:00:00. "
            "They must not be equal.",
            id="equal-dates",
        ),
        pytest.param(
            "st.slider('t', time(1), time(1))",
            "The `min_value` and `max_value` parameters are both set to 2000-01-01 01:00:00. "
            "They must not be equal.",
            id="equal-times",
        ),
        pytest.param(
            "st.slider('d', date(2024, 1, 1), 10, date(2024, 1, 5), step=timedelta(days=1))",
            "Invalid `value` type. Expected one of: matching numeric types, matching date/time "
            "types. Provided type: min_value=date, max_value=int, step=timedelta.",
            id="date-and-int-bounds",
        ),
        pytest.param(
            # an empty range is an int slider's, as in Streamlit
            "st.slider('s', date(2024, 1, 1), date(2024, 1, 9), value=())",
            "Invalid `value` type. Expected one of: matching numeric types, matching date/time "
            "types. Provided type: min_value=date, max_value=date, step=int.",
            id="empty-range-of-dates",
        ),
        pytest.param(
            "st.slider('d', value=date(2024, 1, 5), step=1)",
            "Invalid `value` type. Expected one of: matching numeric types, matching date/time "
            "types. Provided type: min_value=date, max_value=date, step=int.",
            id="int-step",
        ),
        pytest.param(
            "st.slider('d', value=date(2024, 1, 5), step=timedelta(0))",
            "Invalid `step` value. Supported values: a timedelta. Zero is not allowed.",
            id="zero-step",
        ),
        pytest.param(
            "st.slider('d', value=(date(2024, 1, 1), time(1)))",
            "Invalid `value` type. Expected one of: list or tuple containing values of the same "
            "type. Provided type: date, time.",
            id="mixed-range",
        ),
        pytest.param(
            "st.slider('d', value=(1, 2, 3))",
            "Invalid `value` value. Supported values: int, float, date, time, datetime, a list "
            "containing up to two such values, a tuple containing up to two such values.",
            id="three-values",
        ),
        pytest.param(
            "st.slider('d', value='a')",
            "Invalid `value` type. Expected one of: int, float, date, time, datetime, list, "
            "tuple. Provided type: str.",
            id="str-value",
        ),
        pytest.param(
            "st.slider('d', date(1, 1, 1), date(2024, 1, 1))",
            "`min_value` is too far from 1970 for Streamlit to represent exactly. Use a value "
            "between 1684-07-29 and 2255-06-04.",
            id="too-far",
        ),
    ],
)
def test_streamlits_errors(run_app: RunApp, call: str, message: str) -> None:
    at = run_app(HEADER + call + "\n")
    (exc,) = at.exception
    assert exc.value == message
