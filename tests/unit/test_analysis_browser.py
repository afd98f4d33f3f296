"""The browser and data-path visitors: what cannot work in a tab, and missing files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit._analysis import analyse_app, findings


def _codes(tmp_path: Path, source: str, *codes: str) -> list[tuple[str, int]]:
    files = {"app.py": source, "data/present.csv": "a\n1\n", "notes.txt": "x"}
    return [(code, line) for code, _, line in findings(analyse_app(tmp_path, files), *codes)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("import subprocess\n", [("STC201", 1)], id="subprocess"),
        pytest.param("from multiprocessing import Pool\n", [("STC201", 1)], id="from-import"),
        pytest.param("import concurrent.futures.process\n", [("STC201", 1)], id="submodule"),
        pytest.param("import tkinter.ttk as ttk\n", [("STC201", 1)], id="package-covers-sub"),
        pytest.param("import socket, signal, ctypes\n", [("STC201", 1)] * 3, id="several"),
        pytest.param(
            "try:\n    import webbrowser\nexcept ImportError:\n    pass\n",
            [("STC201", 2)],
            id="optional-is-a-warning",
        ),
        pytest.param("import os\nos.system('ls')\n", [("STC202", 2)], id="os-system"),
        pytest.param("from os import popen as p\np('ls')\n", [("STC202", 2)], id="aliased"),
        pytest.param("name = input('who? ')\n", [("STC202", 1)], id="input"),
        pytest.param(
            "import threading\nthreading.Thread(target=f).join()\n", [("STC202", 2)], id="join"
        ),
        pytest.param(
            "from threading import Thread\nt = Thread(target=f)\nt.start()\nt.join()\n",
            [("STC202", 4)],
            id="join-through-name",
        ),
        pytest.param(
            "import threading\nlock = threading.Lock()\nlock.acquire()\n",
            [("STC202", 3)],
            id="lock-acquire",
        ),
        pytest.param("import aiohttp\n", [("STC203", 1)], id="aiohttp"),
        pytest.param("from aiohttp import ClientSession\n", [("STC203", 1)], id="aiohttp-from"),
        pytest.param("import websockets.sync.client\n", [("STC203", 1)], id="websockets"),
        pytest.param("from websocket import create_connection\n", [("STC203", 1)], id="ws-client"),
        pytest.param("import pycurl\n", [("STC203", 1)], id="pycurl"),
        pytest.param("import smtplib, ftplib\n", [("STC203", 1)] * 2, id="mail-and-ftp"),
        # HTTP clients that go through the browser's fetch: urllib3 ships for them
        pytest.param("from urllib import request\n", [("STC204", 1)], id="urllib-request"),
        pytest.param("import urllib.request as r\n", [("STC204", 1)], id="urllib-request-as"),
        pytest.param("import httpx as h\n", [("STC204", 1)], id="httpx"),
        pytest.param("from http import client\n", [("STC204", 1)], id="http-client"),
        pytest.param(
            "import urllib\nurllib.request.urlopen(u)\n", [("STC204", 2)], id="urllib-attribute"
        ),
        # must not trigger
        pytest.param(
            "import threading\nimport os\nlock = threading.Lock()\nlock.release()\n"
            "os.path.join('a', 'b')\n",
            [],
            id="harmless",
        ),
        pytest.param("import urllib.parse\nimport json\n", [], id="urllib-parse"),
        pytest.param("import requests\n", [], id="requests"),
        pytest.param("import urllib3\n", [], id="urllib3"),
        pytest.param("import httpx\nimport requests\n", [], id="requests-brings-urllib3"),
        pytest.param("from http import HTTPStatus\n", [], id="http-status"),
        pytest.param("import websocket_server\n", [], id="other-name"),
        pytest.param("def input(x):\n    return x\ninput('a')\n", [], id="own-input"),
        pytest.param("class T:\n    def join(self): ...\nT().join()\n", [], id="own-join"),
    ],
)
def test_browser_rules(tmp_path: Path, source: str, expected: list[tuple[str, int]]) -> None:
    assert _codes(tmp_path, source, "STC2") == expected


def test_optional_unsupported_import_is_a_warning(tmp_path: Path) -> None:
    source = "try:\n    import tkinter\nexcept ImportError:\n    tkinter = None\n"
    (diagnostic,) = analyse_app(tmp_path, {"app.py": source}).diagnostics
    assert (diagnostic.code, diagnostic.severity) == ("STC201", "warning")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("open('missing.txt')\n", [("STC301", 1)], id="open"),
        pytest.param(
            "import pandas as pd\npd.read_csv('data/missing.csv')\n", [("STC301", 2)], id="pandas"
        ),
        pytest.param(
            "import pandas as pd\npd.read_excel(io='x.xlsx')\n", [("STC301", 2)], id="keyword"
        ),
        pytest.param(
            "import pandas\npandas.read_csv(filepath_or_buffer='nope.csv', sep=';')\n",
            [("STC301", 2)],
            id="filepath-keyword",
        ),
        pytest.param("import numpy as np\nnp.load('w.npy')\n", [("STC301", 2)], id="numpy"),
        pytest.param("from pathlib import Path\nPath('nope')\n", [("STC301", 2)], id="path"),
        pytest.param(
            "import json\njson.load(open('cfg.json'))\n", [("STC301", 2)], id="json-load-open"
        ),
        pytest.param(
            "import csv\ncsv.reader(open('rows.csv'))\n", [("STC301", 2)], id="csv-reader-open"
        ),
        pytest.param("open('../outside.txt')\n", [("STC301", 1)], id="outside-folder"),
        pytest.param("open('/etc/hosts')\n", [("STC302", 1)], id="absolute"),
        pytest.param("open('C:\\\\data\\\\x.csv')\n", [("STC302", 1)], id="windows-absolute"),
        pytest.param("open('~/x.csv')\n", [("STC302", 1)], id="home"),
        # must not trigger
        pytest.param("open('notes.txt')\n", [], id="present"),
        pytest.param("import pandas as pd\npd.read_csv('./data/present.csv')\n", [], id="dot"),
        pytest.param("from pathlib import Path\nPath('data')\n", [], id="present-folder"),
        pytest.param(
            "import pandas as pd\npd.read_csv('https://example.com/x.csv')\n", [], id="url"
        ),
        pytest.param("open('out.txt', 'w')\n", [], id="written"),
        pytest.param("open('out.txt', mode='a')\n", [], id="appended"),
        pytest.param("name = 'x.csv'\nopen(name)\nopen(f'{name}')\n", [], id="not-literal"),
        pytest.param("def open(p):\n    pass\nopen('missing.txt')\n", [], id="own-open"),
    ],
)
def test_data_paths(tmp_path: Path, source: str, expected: list[tuple[str, int]]) -> None:
    assert _codes(tmp_path, source, "STC3") == expected


def test_missing_path_points_at_the_literal(tmp_path: Path) -> None:
    analysis = analyse_app(tmp_path, {"app.py": "import pandas as pd\ndf = pd.read_csv('x.csv')\n"})
    (diagnostic,) = analysis.diagnostics
    span = diagnostic.span
    assert (span.line, span.col, span.end_col) == (2, 18, 25)
    assert diagnostic.message == "x.csv is not in the app folder, so the site will not have it"
