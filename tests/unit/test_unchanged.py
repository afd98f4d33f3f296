"""Render messages leave out the large props the page already has
(runtime_wasm/_unchanged.py); the page's half is tests/browser/test_render.py."""

from __future__ import annotations

import json
import random
from typing import Any

from runtime_wasm._unchanged import LARGE_PROPS, EncodedList, RenderEncoder


def _tree(*main: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "root",
        "kind": "root",
        "props": {},
        "children": [{"id": "main", "kind": "main", "props": {}, "children": list(main)}],
    }


def _table(id: str, rows: int) -> dict[str, Any]:
    return {"id": id, "kind": "dataframe", "props": {"rows": [[str(i)] * 3 for i in range(rows)]}}


class _Page:
    """What js/render.mjs does with `same`: the props this kind and id had last time."""

    def __init__(self) -> None:
        self.last: dict[tuple[str, str], Any] = {}

    def receive(self, text: str) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(text)
        seen: dict[tuple[str, str], Any] = {}

        def walk(node: dict[str, Any]) -> None:
            key = (node["kind"], node["id"])
            if node.pop("same", False):
                node["props"] = self.last[key]
            seen[key] = node["props"]
            for child in node.get("children", []):
                walk(child)

        walk(message["tree"])
        self.last = seen
        return message


def _main(message: dict[str, Any]) -> list[dict[str, Any]]:
    children: list[dict[str, Any]] = message["tree"]["children"][0]["children"]
    return children


def test_a_large_element_is_sent_once_while_it_does_not_change() -> None:
    encoder = RenderEncoder()
    big, small = _table("main/0", 200), {"id": "main/1", "kind": "text", "props": {"body": "x"}}
    first = json.loads(encoder.encode({"type": "render", "tree": _tree(big, small)}))
    assert _main(first) == [big, small]
    second = json.loads(encoder.encode({"type": "render", "tree": _tree(big, small)}))
    assert _main(second) == [{"id": "main/0", "kind": "dataframe", "same": True}, small]
    changed = _table("main/0", 201)
    third = json.loads(encoder.encode({"type": "render", "tree": _tree(changed, small)}))
    assert _main(third) == [changed, small]


def test_same_refers_only_to_the_previous_message() -> None:
    # An element missing from one message (a partial render) is sent in full after it.
    encoder, big = RenderEncoder(), _table("main/0", 200)
    encoder.encode({"type": "render", "tree": _tree(big)})
    encoder.encode({"type": "render", "tree": _tree()})
    back = json.loads(encoder.encode({"type": "render", "tree": _tree(big)}))
    assert _main(back) == [big]
    # The same props under another kind or id are not the same element.
    moved = json.loads(encoder.encode({"type": "render", "tree": _tree(_table("main/1", 200))}))
    assert "props" in _main(moved)[0]


def test_the_page_rebuilds_every_tree_exactly() -> None:
    chooser = random.Random(16)
    encoder, page = RenderEncoder(), _Page()
    for _ in range(200):
        nodes = []
        for i in range(chooser.randrange(6)):
            size = chooser.choice([1, 5, LARGE_PROPS, LARGE_PROPS * 3])
            nodes.append(
                {"id": f"main/{i}", "kind": chooser.choice(["text", "dataframe"]),
                 "props": {"body": chooser.choice("ab") * size}}
            )  # fmt: skip
        tree = _tree(*nodes)
        message = page.receive(encoder.encode({"type": "render", "run": 1, "tree": tree}))
        assert message == {"type": "render", "run": 1, "tree": tree}


def test_app_text_that_looks_like_a_placeholder_stays_text() -> None:
    encoder = RenderEncoder()
    sly = "\x00stc-props-0000000000000000-0\x00"
    tree = _tree(
        {"id": "main/0", "kind": "text", "props": {"body": sly}},
        {"id": "main/1", "kind": "text", "props": {"body": sly + "y" * LARGE_PROPS}},
    )
    assert json.loads(encoder.encode({"type": "render", "tree": tree}))["tree"] == tree


def test_other_messages_are_plain_json() -> None:
    message = {"type": "query", "search": "?a=1"}
    assert RenderEncoder().encode(message) == json.dumps(message, separators=(",", ":"))


def test_props_are_written_as_json_dumps_writes_them() -> None:
    """The encoder's one reused C encoder (``_dumps``) writes what ``json.dumps`` would."""
    import datetime
    import json

    from runtime_wasm._unchanged import _dumps

    values = [
        {"body": "héllo \u2028 <b>", "n": 1, "x": 0.1, "big": 10**30, "nan": float("nan")},
        {"nested": [{"a": None, "b": True}, [1.5e-7, -0.0]], "when": datetime.date(2026, 12, 6)},
        [],
        "plain",
    ]
    for value in values:
        assert _dumps(value) == json.dumps(value, separators=(",", ":"), default=str)


def _encoded_table(id: str, rows: int, name: str = "big") -> dict[str, Any]:
    data = EncodedList([[str(i), name] for i in range(rows)])
    return {"id": id, "kind": "dataframe", "props": {"columns": ["a", "b"], "rows": data}}


def test_encoded_lists_go_out_as_plain_json_and_are_encoded_once() -> None:
    encoder, page = RenderEncoder(), _Page()
    table = _encoded_table("main/0", 50)
    rows = table["props"]["rows"]
    plain = {**table, "props": {"columns": ["a", "b"], "rows": list(rows)}}
    first = page.receive(encoder.encode({"type": "render", "tree": _tree(table)}))
    assert _main(first) == [plain]
    text = rows.json
    second = json.loads(encoder.encode({"type": "render", "tree": _tree(table)}))
    assert _main(second) == [{"id": "main/0", "kind": "dataframe", "same": True}]
    assert rows.json is text  # not encoded again

    # Other props of the element still count: a new height is a new props object.
    resized = {**table, "props": {**table["props"], "height": 300}}
    third = page.receive(encoder.encode({"type": "render", "tree": _tree(resized)}))
    assert _main(third)[0]["props"] == {**plain["props"], "height": 300}
    # So do the list's contents: equal-looking lists with other rows are sent.
    other = _encoded_table("main/0", 50, name="other")
    other["props"]["height"] = 300
    fourth = page.receive(encoder.encode({"type": "render", "tree": _tree(other)}))
    assert _main(fourth)[0]["props"]["rows"][0] == ["0", "other"]


def test_an_encoded_list_carrying_a_token_lookalike_stays_text() -> None:
    encoder = RenderEncoder()
    sly = encoder._token + "0\x00"
    table = {"id": "main/0", "kind": "dataframe", "props": {"rows": EncodedList([[sly]])}}
    message = json.loads(encoder.encode({"type": "render", "tree": _tree(table)}))
    assert _main(message)[0]["props"] == {"rows": [[sly]]}
