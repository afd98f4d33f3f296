"""Options, defaults and numbers given as NumPy or pandas values (or tuples, sets, dict
keys…), as Streamlit takes them through ``convert_anything_to_list``,
``check_python_comparable`` and ``numbers.Integral``: what each widget returns, with its
type, and the errors it raises. The expected values are what Streamlit 1.67 returns
(the differential suite runs several of these scripts against it)."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from runtime_wasm.streamlit import column_config
from runtime_wasm.streamlit.elements.lib._options import default_indices, to_list, to_options
from runtime_wasm.streamlit.elements.widgets._data_editor import column_props
from runtime_wasm.testing import AppTest

RunApp = Callable[[str], AppTest]


class Colour(enum.StrEnum):
    RED = "r"
    BLUE = "b"


class Size(enum.Enum):
    S = 1
    L = 2


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param(None, [], id="none"),
        pytest.param("abc", ["abc"], id="str-is-one-item"),
        pytest.param(3, [3], id="int-is-one-item"),
        pytest.param((1, 2), [1, 2], id="tuple"),
        pytest.param({"a": 1, "b": 2}, ["a", "b"], id="dict-keys"),
        pytest.param({"a": 1}.keys(), ["a"], id="keys-view"),
        pytest.param(range(3), [0, 1, 2], id="range"),
        pytest.param(Colour, ["r", "b"], id="str-enum-values"),
        pytest.param(Size, [Size.S, Size.L], id="enum-members"),
        pytest.param(np.array([1, 2]), [1, 2], id="numpy-array"),
        pytest.param(np.array([[1, 2], [3, 4]]), [1, 3], id="numpy-2d-first-column"),
        pytest.param(np.int64(7), [7], id="numpy-scalar"),
        pytest.param(pd.Series([1.5, 2.5]), [1.5, 2.5], id="series"),
        pytest.param(pd.Index(["x", "y"]), ["x", "y"], id="index"),
        pytest.param(pd.DataFrame({"c": ["x", "y"], "d": [1, 2]}), ["x", "y"], id="dataframe"),
        pytest.param(pd.DataFrame(), [], id="empty-dataframe"),
        pytest.param((c for c in "ab"), ["a", "b"], id="generator"),
        pytest.param(
            np.array(["2024-01-01"], dtype="datetime64[D]"),
            [pd.Timestamp("2024-01-01")],
            id="datetime64-as-timestamps",  # as Streamlit's DataFrame makes them
        ),
    ],
)
def test_to_list_is_streamlits_convert_anything_to_list(given: Any, expected: list[Any]) -> None:
    got = to_list(given)
    assert got == expected
    # NumPy and pandas values come back as Python scalars, as from Streamlit's DataFrame
    assert [type(x) for x in got] == [type(x) for x in expected]


def test_to_options_refuses_options_that_do_not_compare() -> None:
    with pytest.raises(Exception, match=r"(?s)Options must be comparable.*\*\*ndarray\*\*"):
        to_options([np.array([1, 2])])
    assert to_options([]) == []


def test_default_indices_convert_the_default_and_name_a_missing_value() -> None:
    assert default_indices([1, 2, 3], np.array([3, 1])) == [2, 0]
    assert default_indices(["a", "b"], "b") == [1]
    assert default_indices(["a"], None) == []
    with pytest.raises(Exception, match="The default value '9' is not part of the options"):
        default_indices([1, 2], np.int64(9))


def _returned(run_app: RunApp, call: str) -> Any:
    at = run_app(
        "import numpy as np\nimport pandas as pd\nimport streamlit as st\n"
        f"st.session_state.out = {call}\n"
    )
    assert not at.exception, at.exception[0].value
    return at.session_state["out"]


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        pytest.param(
            "st.pills('p', ['a', 'b', 'c'], selection_mode='multi', default=np.array(['a', 'c']))",
            ["a", "c"],
            id="pills-numpy-default",
        ),
        pytest.param("st.pills('p', ['a', 'b'], default=np.array(['b']))", "b", id="pills-one"),
        pytest.param(
            "st.pills('p', np.array([1, 2, 3]), default=np.int64(2))", 2, id="pills-numpy-options"
        ),
        pytest.param(
            "st.segmented_control('s', pd.Series(['x', 'y']), default=pd.Series(['y']))",
            "y",
            id="segmented-series",
        ),
        pytest.param(
            "st.multiselect('m', np.array([1, 2, 3]), default=np.array([1, 3]))",
            [1, 3],
            id="multiselect-numpy",
        ),
        pytest.param(
            "st.multiselect('m', [1, 2, 3], default=np.int64(2))", [2], id="multiselect-np-scalar"
        ),
        pytest.param(
            "st.multiselect('m', {'a': 1, 'b': 2}, default={'b': 2}.keys())",
            ["b"],
            id="multiselect-dict-keys",
        ),
        pytest.param("st.multiselect('m', ('a', 'b'), default={'b'})", ["b"], id="multi-set"),
        pytest.param("st.selectbox('s', np.array([1.5, 2.5]), index=1)", 2.5, id="selectbox"),
        pytest.param("st.selectbox('s', np.array([[1, 2], [3, 4]]))", 1, id="selectbox-2d"),
        pytest.param("st.radio('r', pd.Index([10, 20]))", 10, id="radio-index"),
        pytest.param(
            "st.select_slider('s', np.array([1, 2, 3]), value=np.int64(2))", 2, id="select-slider"
        ),
        pytest.param(
            "st.select_slider('s', np.array([1, 2, 3]), value=(np.int64(3), np.int64(1)))",
            (1, 3),
            id="select-slider-range",
        ),
        pytest.param("st.slider('s', np.int64(0), np.int64(10), np.int64(5))", 5, id="slider"),
        pytest.param("st.slider('s', 0, 10, np.int32(5))", 5, id="slider-np-value"),
        pytest.param("st.number_input('n', value=np.int64(5))", 5, id="number-input"),
        pytest.param(
            "st.number_input('n', 0, 10, np.int32(5), step=np.int64(2))", 5, id="number-input-step"
        ),
    ],
)
def test_numpy_and_pandas_values_return_what_streamlit_returns(
    run_app: RunApp, call: str, expected: Any
) -> None:
    got = _returned(run_app, call)
    assert got == expected
    assert type(got) is type(expected)
    if isinstance(got, list | tuple):
        assert [type(x) for x in got] == [type(x) for x in expected]


def test_a_float_slider_keeps_a_numpy_float_it_was_given(run_app: RunApp) -> None:
    # Streamlit hands back the default it was given until the page sends a number.
    got = _returned(run_app, "st.slider('s', np.float64(0), np.float64(1), np.float64(0.5))")
    assert type(got) is np.float64 and got == 0.5


def test_numpy_bounds_reach_the_page_as_numbers(run_app: RunApp) -> None:
    at = run_app(
        "import numpy as np\nimport streamlit as st\n"
        "st.slider('s', np.int64(0), np.int64(10), np.int64(5), step=np.int64(2))\n"
        "st.number_input('n', np.int64(0), np.int64(9), np.int64(3))\n"
    )
    for node in (at.slider[0], at.number_input[0]):
        props = node.props
        assert [type(props[k]) for k in ("min", "max", "step", "value")] == [int] * 4


@pytest.mark.parametrize(
    ("call", "message"),
    [
        pytest.param(
            "st.pills('p', ['a', 'c'], default=np.array(['a', 'c']))",
            "The default argument to `st.pills` must be a single value when "
            "`selection_mode='single'`.",
            id="pills-single-two-defaults",
        ),
        pytest.param(
            "st.radio('r', [np.array([1, 2])])",
            "Invalid option type provided. Options must be comparable, returning a boolean "
            "when used with *==*. \n\nGot **ndarray**, which cannot be compared. Refactor your "
            "code to use elements of comparable types as options, e.g. use indices instead.",
            id="incomparable-options",
        ),
        pytest.param(
            "st.selectbox('s', ['a', 'b', 'c'], index=np.int64(2))",
            "Invalid `index` type. Expected one of: int, None. Provided type: int64.",
            id="numpy-index",  # Streamlit asks for an int, not a numbers.Integral
        ),
        pytest.param(
            "st.number_input('n', value=np.float32(1.5))",
            "All numerical arguments must be of the same type.\n`value` has float32 type.",
            id="number-input-float32",  # Streamlit's floats are float (np.float64), only
        ),
        pytest.param(
            "st.multiselect('m', np.array([1, 2]), default=np.array([5]))",
            "The default value '5' is not part of the options. Please make sure that every "
            "default value also exists in the options.",
            id="numpy-default-not-in-options",
        ),
    ],
)
def test_numpy_argument_errors(run_app: RunApp, call: str, message: str) -> None:
    at = run_app(f"import numpy as np\nimport streamlit as st\n{call}\n")
    (exc,) = at.exception
    assert exc.value == message


@pytest.mark.parametrize(
    "spec", ["np.int64(2)", "np.array([1, 2])", "[np.float64(0.5), np.int32(2)]"]
)
def test_columns_take_numpy_numbers(run_app: RunApp, spec: str) -> None:
    at = run_app(f"import numpy as np\nimport streamlit as st\na, b = st.columns({spec})\n")
    assert not at.exception, at.exception[0].value
    weights = [c.props["weight"] for c in at.get("column")]
    assert len(weights) == 2 and all(type(w) in (int, float) for w in weights)


def test_grid_takes_numpy_ints(run_app: RunApp) -> None:
    at = run_app(
        "import numpy as np\nimport streamlit as st\n"
        "st.grid(np.int64(3), min_column_width=np.int32(100), height=np.int64(200))\n"
    )
    assert not at.exception, at.exception[0].value
    props = at.get("grid")[0].props
    assert [type(props[k]) for k in ("columns", "min_column_width", "height")] == [int] * 3


def test_column_config_sends_numpy_values_as_json_values() -> None:
    select = column_config.SelectboxColumn(options=np.array(["x", "y"]), default=np.str_("x"))
    assert select["type_config"]["options"] == ["x", "y"]
    assert type(select["default"]) is str
    number = column_config.NumberColumn(min_value=np.int64(0), max_value=np.float64(5))
    assert [type(number["type_config"][k]) for k in ("min_value", "max_value")] == [int, float]
    multi = column_config.MultiselectColumn(options=pd.Series(["a"]), format_func=str.upper)
    assert multi["type_config"]["options"] == [{"value": "a", "label": "A"}]


def test_a_column_of_numpy_arrays_is_a_list_column() -> None:
    rows = [[np.array([1, 2])], [None], [np.array(["x"])]]
    (col,) = column_props(["a"], rows, None, None)
    assert col["type"] == "list"


def test_data_editor_takes_a_frame_of_numpy_arrays(run_app: RunApp) -> None:
    at = run_app(
        "import numpy as np\nimport pandas as pd\nimport streamlit as st\n"
        "df = pd.DataFrame({'a': [np.array([1, 2]), np.array([3])]})\n"
        "out = st.data_editor(df, column_config={'a': st.column_config.ListColumn()})\n"
        "st.text(type(out['a'][0]).__name__)\n"
    )
    assert not at.exception, at.exception[0].value
    assert at.get("data_editor")[0].props["rows"] == [[[1, 2]], [[3]]]
    assert at.text[0].value == "ndarray"  # the data comes back as it was given
