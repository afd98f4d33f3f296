"""Drive app scripts through an ``AppTest`` in a process of their own, and print what
they showed as JSON: ``python tests/unit/_scenario_driver.py stc|streamlit < plan.json``.

A process of its own lets a test give an app packages the test process must not import
(pydantic 1 beside pydantic 2) and run the same scenarios in real Streamlit's ``AppTest``
without the two runtimes sharing the app's imported modules. The plan is a list of
scenarios ``{"id", "app", "steps"}``; a step is ``{"run": true}`` (run, then record the
page as ``tests.differential.harness`` rows) or an interaction::

    {"kind": "text_input", "key": "k", "do": "input", "args": ["Ada"]}
    {"kind": "button", "label": "Submit", "do": "click"}

An argument ``{"date": "2025-01-02"}`` (or ``time``) is a ``datetime`` value and
``{"bytes": "text"}`` its UTF-8 bytes. The output maps each scenario id to
``{"rows": [rows after each run], "error": traceback or null}``; a failing scenario
does not stop the others.
"""

from __future__ import annotations

import datetime
import json
import logging
import sys
import traceback
from typing import Any


def _arg(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        (tag, text), *_ = value.items()
        if tag == "date":
            return datetime.date.fromisoformat(text)
        if tag == "time":
            return datetime.time.fromisoformat(text)
        if tag == "bytes":
            return str(text).encode()
    if isinstance(value, list):
        return [_arg(v) for v in value]
    return value


def _widget(at: Any, step: dict[str, Any]) -> Any:
    widgets = getattr(at, step["kind"])
    if "key" in step:
        return widgets(key=step["key"])
    matches = [w for w in widgets if w.label == step["label"]]
    if len(matches) != 1:
        raise LookupError(f"{len(matches)} {step['kind']} labelled {step['label']!r}")
    return matches[0]


def _play(app_test: Any, scenario: dict[str, Any], rows_after: Any) -> dict[str, Any]:
    runs: list[Any] = []
    try:
        at = app_test.from_file(scenario["app"], default_timeout=30)
        for step in scenario["steps"]:
            if step.get("run"):
                at.run()
                runs.append(rows_after(at))
                continue
            getattr(_widget(at, step), step["do"])(*[_arg(a) for a in step.get("args", [])])
    except Exception:
        return {"rows": runs, "error": traceback.format_exc()}
    return {"rows": runs, "error": None}


def main() -> None:
    framework = sys.argv[1]
    if framework == "streamlit":
        from streamlit.testing.v1 import AppTest

        logging.disable(logging.WARNING)  # "missing ScriptRunContext" and the like
    else:
        from runtime_wasm.testing import AppTest
    from tests.differential.harness import rows_after

    plan = json.load(sys.stdin)
    out, sys.stdout = sys.stdout, sys.stderr  # what apps print must not garble the JSON
    results = {s["id"]: _play(AppTest, s, rows_after) for s in plan}
    json.dump(results, out, default=str)


if __name__ == "__main__":
    main()
