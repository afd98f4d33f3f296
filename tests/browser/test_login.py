"""streamlit-authenticator in Chromium, with logins checked by a real ``stc proxy``
(issue 15): an unmodified app's login form, a wrong password, the right one (its
cookie set and a reload still logged in), a forged cookie refused, failed logins rate
limited, and a connection that answers only a logged-in visitor; the site's bytes
hold no password hash and no signing key. The account forms: a visitor registers,
logs in, changes their password, and only the new one logs in after that (the proxy
rewrote the app's config.yaml).

TEST-ONLY STAND-IN: the connection's rows become a DataFrame with
``standins/pandas.py`` (Pyodide's pandas is CDN-only; see test_connections.py).
"""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import bcrypt
import pytest
from playwright.sync_api import Page, expect

from compiler import BuildOptions, NullReporter, build, serving
from proxy import running
from tests.browser.conftest import PageGuard, wait_idle, wait_settled

PASSWORD = "correct horse"
HASH = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(4)).decode()
KEY = "canary-signing-key-4c1f0b8e2d7a9c3e5f6a1b2c"  # 32+ bytes, as the proxy wants
CONFIG = {
    "credentials": {
        "usernames": {
            "jsmith": {
                "email": "js@example.com",
                "name": "John Smith",
                "password": HASH,
                "roles": ["viewer"],
            },
        }
    },
    "cookie": {"expiry_days": 30, "key": KEY, "name": "stc_auth"},
}
APP = """\
import streamlit as st
import streamlit_authenticator as stauth

authenticator = stauth.Authenticate("config.yaml")
try:
    st.connection("pets_db").query("select count(*) as n from pets")
except Exception as error:
    st.write(f"anonymous: {error}")
authenticator.login()
if st.session_state["authentication_status"]:
    authenticator.logout()
    st.write(f'Welcome {st.session_state["name"]}')
    pets = st.connection("pets_db").query("select name from pets order by name")
    st.write("pets: " + ", ".join(pets["name"]))
elif st.session_state["authentication_status"] is False:
    st.error("Username/password is incorrect")
else:
    st.warning("Please enter your username and password")
if st.query_params.get("form") == "register":
    try:
        email, username, name = authenticator.register_user(captcha=False, roles=["viewer"])
        if email:
            st.success(f"registered {username} ({name})")
    except Exception as e:
        st.error(e)
if st.query_params.get("form") == "reset" and st.session_state["authentication_status"]:
    try:
        if authenticator.reset_password(st.session_state["username"]):
            st.success("Password modified successfully")
    except Exception as e:
        st.error(e)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("login")
    database = folder / "pets.db"
    with sqlite3.connect(database) as db:
        db.execute("create table pets (name text)")
        db.executemany("insert into pets values (?)", [("Rex",), ("Tom",), ("Kiki",)])
    db.close()
    app = folder / "app"
    (app / ".streamlit").mkdir(parents=True)
    (app / "app.py").write_text(APP)
    (app / "config.yaml").write_text(json.dumps(CONFIG))  # JSON is YAML
    (app / "requirements.txt").write_text("streamlit-authenticator\n")
    shutil.copy(Path(__file__).parent / "standins" / "pandas.py", app / "pandas.py")
    secrets = app / ".streamlit" / "secrets.toml"
    secrets.write_text(f'[connections.pets_db]\ntype = "sql"\nurl = "sqlite:///{database}"\n')
    port = _free_port()
    (app / "pyproject.toml").write_text(
        f'[tool.stc]\nproxy_url = "http://127.0.0.1:{port}"\n'
        '[tool.stc.login]\nrequired = ["pets_db"]\n'
    )
    out = folder / "site"
    build(BuildOptions(app=app / "app.py", out_dir=out), NullReporter())
    with serving(out) as url:
        arguments = [str(out), "--secrets", str(secrets), "--allow-origin", url.rstrip("/")]
        with running(arguments, port=port, stderr=subprocess.DEVNULL):
            yield url, out


def _log_in(page: Page, password: str) -> None:
    page.get_by_label("Username").fill("jsmith")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Login").click()
    wait_idle(page)


def test_the_site_holds_no_hash_and_no_key(site: tuple[str, Path]) -> None:
    _, out = site
    for file in out.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert HASH.encode() not in data and KEY.encode() not in data, file
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO((out / "stc" / "app.zip").read_bytes())) as archive:
        shipped = json.loads(archive.read("config.yaml"))  # redacted, the same shape
    assert shipped["credentials"]["usernames"] == {}
    assert shipped["cookie"]["name"] == "stc_auth"


def test_logging_in_through_the_proxy_and_staying_in(
    page: Page, guard: PageGuard, site: tuple[str, Path]
) -> None:
    url, _ = site
    page.goto(url)
    wait_settled(page)
    expect(page.get_by_text("Please enter your username and password")).to_be_visible()
    expect(page.get_by_text("anonymous: ")).to_contain_text("(login-required)")
    _log_in(page, "wrong")
    expect(page.get_by_text("Username/password is incorrect")).to_be_visible()
    _log_in(page, PASSWORD)
    expect(page.get_by_text("Welcome John Smith")).to_be_visible()
    expect(page.get_by_text("pets: Kiki, Rex, Tom")).to_be_visible()
    page.wait_for_function("document.cookie.includes('stc_auth=')", timeout=30_000)
    page.reload()
    expect(page.get_by_text("Welcome John Smith")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Logout").click()
    wait_idle(page)
    # the package deletes its cookie through CookieManager's frame, which takes a moment
    page.wait_for_function("!document.cookie.includes('stc_auth=')", timeout=30_000)
    page.reload()
    expect(page.get_by_text("Please enter your username and password")).to_be_visible(
        timeout=30_000
    )


def test_a_forged_cookie_is_refused(page: Page, guard: PageGuard, site: tuple[str, Path]) -> None:
    url, _ = site
    page.goto(url)
    wait_settled(page)
    page.evaluate(
        "document.cookie = 'stc_auth=eyJhbGciOiJub25lIn0.eyJzdWIiOiJqc21pdGgifQ.; path=/'"
    )
    page.reload()
    wait_idle(page)
    expect(page.get_by_text("Please enter your username and password")).to_be_visible()


def test_failed_logins_are_rate_limited(
    page: Page, guard: PageGuard, site: tuple[str, Path]
) -> None:
    url, _ = site
    page.goto(url)
    wait_settled(page)
    for _ in range(5):
        _log_in(page, "guess")
    _log_in(page, PASSWORD)  # blocked now, even with the right password
    expect(page.get_by_role("alert")).to_contain_text("rate-limited")


def test_a_visitor_registers_logs_in_and_changes_their_password(
    page: Page, guard: PageGuard, site: tuple[str, Path]
) -> None:
    url, out = site
    page.goto(url + "?form=register")
    wait_settled(page)
    form = page.locator('[data-stc-kind="form"]').last
    values = {"First name": "Ada", "Last name": "Lovelace", "Email": "ada@example.com",
              "Username": "ada", "Password": "An4lytical!", "Repeat password": "An4lytical!",
              "Password hint": "engine"}  # fmt: skip
    for label, value in values.items():
        form.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Register").click()
    wait_idle(page)
    expect(page.get_by_text("registered ada (Ada Lovelace)")).to_be_visible()

    page.goto(url)
    wait_settled(page)
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("An4lytical!")
    page.get_by_role("button", name="Login").click()
    wait_idle(page)
    expect(page.get_by_text("Welcome Ada Lovelace")).to_be_visible()
    # CookieManager sets the cookie through its frame, a moment after the welcome
    page.wait_for_function("document.cookie.includes('stc_auth=')", timeout=30_000)

    page.goto(url + "?form=reset")  # the cookie keeps Ada logged in
    wait_settled(page)
    page.get_by_label("Current password").fill("An4lytical!")
    page.get_by_label("New password").fill("N3w-secret!")
    page.get_by_label("Repeat password").fill("N3w-secret!")
    page.get_by_role("button", name="Reset").click()
    wait_idle(page)
    expect(page.get_by_text("Password modified successfully")).to_be_visible()

    page.get_by_role("button", name="Logout").click()
    page.wait_for_function("!document.cookie.includes('stc_auth=')", timeout=30_000)
    page.goto(url)
    wait_settled(page)
    for password, expected in [("An4lytical!", "Username/password is incorrect"),
                               ("N3w-secret!", "Welcome Ada Lovelace")]:  # fmt: skip
        page.get_by_label("Username").fill("ada")
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Login").click()
        wait_idle(page)
        expect(page.get_by_text(expected)).to_be_visible()
    assert b"ada@example.com" not in (out / "stc" / "app.zip").read_bytes()
