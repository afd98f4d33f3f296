"""Loading a site's logins: streamlit-authenticator's credentials from the app's YAML
file or the secrets file, the signing key from either or from ``STC_PROXY_AUTH_KEY``,
and a clear refusal to start, naming file and key but never a hash or key, for each
way they can be wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from auth_harness import (
    HASHES,
    KEY,
    PASSWORDS,
    USERS,
    config_yaml,
    credentials,
    no_canary,
    write_app,
)

from proxy import ENV, ProxyConfigError, Settings, load_settings, settings_env, settings_from_env
from proxy._credentials import AUTH_KEY_ENV
from runtime_wasm.auth import AuthConfig, CredentialsSource

FILE = CredentialsSource(kind="file", path="config.yaml")


def load(tmp_path: Path, pets_sqlite: Path, **kwargs: Any) -> Settings:
    """load_settings over write_app's files (*kwargs*: write_app's, then
    load_settings'), with an empty environment unless one is given."""
    app_kwargs = {k: kwargs.pop(k) for k in ("config", "auth", "extra_secrets") if k in kwargs}
    site, secrets = write_app(tmp_path, pets_db=pets_sqlite, **app_kwargs)
    return load_settings(site=site, secrets=secrets, **{"environ": {}, **kwargs})


def refusal(tmp_path: Path, pets_sqlite: Path, pattern: str, **kwargs: Any) -> str:
    with pytest.raises(ProxyConfigError, match=pattern) as caught:
        load(tmp_path, pets_sqlite, **kwargs)
    message = str(caught.value)
    no_canary(message)
    return message


def test_credentials_from_the_apps_yaml_file(tmp_path: Path, pets_sqlite: Path) -> None:
    settings = load(tmp_path, pets_sqlite)
    auth = settings.auth
    assert auth is not None
    assert sorted(auth.users) == ["jsmith", "rbriggs"]
    assert auth.users["jsmith"].name == "John Smith"
    assert auth.users["jsmith"].roles == ("admin", "viewer")
    assert auth.users["rbriggs"].email == "rbriggs@gmail.com"
    assert auth.key == KEY
    assert set(auth.config.require) == {"pets_db", "admin_db", "API_KEY"}
    assert KEY in settings.secrets  # scrubbed from messages
    no_canary(repr(settings), repr(auth))


def test_user_names_are_lower_case_and_first_last_names_join(
    tmp_path: Path, pets_sqlite: Path
) -> None:
    jsmith = {"first_name": "John", "last_name": "Smith", "password": HASHES["jsmith"]}
    guest = {"email": "guest@x.org", "roles": None}
    table = {"usernames": {"JSmith": jsmith, "guest@x.org": guest}}
    config = yaml.safe_dump({"credentials": table, "cookie": {"key": KEY}})
    auth = load(tmp_path, pets_sqlite, config=config).auth
    assert auth is not None
    assert list(auth.users) == ["jsmith"]  # a guest (OAuth2) user has no password to check
    assert auth.users["jsmith"].name == "John Smith"


def test_credentials_and_key_from_the_secrets_file(tmp_path: Path, pets_sqlite: Path) -> None:
    lines = ["[auth.cookie]", f'key = "{KEY}"']
    for user, fields in USERS.items():
        lines += [f"[auth.credentials.usernames.{user}]", f'name = "{fields["name"]}"',
                  f'password = "{HASHES[user]}"', f"roles = {fields['roles']!r}"]  # fmt: skip
    source = CredentialsSource(kind="secrets", key="auth.credentials", cookie_key="auth.cookie.key")
    auth = AuthConfig(credentials=source, require=("pets_db",))
    settings = load(tmp_path, pets_sqlite, auth=auth, extra_secrets="\n".join(lines) + "\n")
    assert settings.auth is not None
    assert sorted(settings.auth.users) == ["jsmith", "rbriggs"]
    assert settings.auth.users["rbriggs"].roles == ("viewer",)


def test_key_from_the_environment(tmp_path: Path, pets_sqlite: Path) -> None:
    auth = AuthConfig(credentials=CredentialsSource(kind="file", path="config.yaml", cookie_key=""))
    settings = load(tmp_path, pets_sqlite, auth=auth, environ={AUTH_KEY_ENV: "e" * 40})
    assert settings.auth is not None and settings.auth.key == "e" * 40
    refusal(tmp_path, pets_sqlite, f"set {AUTH_KEY_ENV}", auth=auth)


def test_the_app_folder_is_an_option(tmp_path: Path, pets_sqlite: Path) -> None:
    elsewhere = tmp_path / "deploy"
    elsewhere.mkdir()
    (elsewhere / "users.yaml").write_text(config_yaml())
    auth = AuthConfig(credentials=CredentialsSource(kind="file", path="users.yaml"))
    message = refusal(tmp_path, pets_sqlite, r"users\.yaml.*--app DIR", auth=auth)
    assert str(tmp_path / "app") in message  # where it looked: the folder of .streamlit/
    settings = load(tmp_path, pets_sqlite, auth=auth, app=elsewhere)
    assert settings.auth is not None and "jsmith" in settings.auth.users


def test_settings_from_the_environment_read_the_app_and_key(
    tmp_path: Path, pets_sqlite: Path
) -> None:
    source = CredentialsSource(kind="file", path="config.yaml", cookie_key="")
    site, _ = write_app(tmp_path, pets_db=pets_sqlite, auth=AuthConfig(credentials=source))
    moved = tmp_path / "moved"
    (tmp_path / "app").rename(moved)
    settings = settings_from_env({"STC_PROXY_SITE": str(site), "STC_PROXY_APP": str(moved),
                                  "STC_PROXY_SECRETS": str(moved / ".streamlit/secrets.toml"),
                                  AUTH_KEY_ENV: "k" * 32})  # fmt: skip
    assert settings.auth is not None and settings.auth.key == "k" * 32


@pytest.mark.parametrize(
    ("config", "pattern"),
    [
        pytest.param(yaml.safe_dump({"cookie": {"key": KEY}}), r"no credentials table at "
                     r"'credentials\.usernames'", id="no-table"),
        pytest.param(yaml.safe_dump({"credentials": credentials()}), r"no signing key at "
                     r"'cookie\.key'", id="no-key"),
        pytest.param(yaml.safe_dump({"credentials": credentials(), "cookie": {"key": "short"}}),
                     r"shorter than 32 bytes", id="short-key"),
        pytest.param(yaml.safe_dump({"credentials": {"usernames": {}}, "cookie": {"key": KEY}}),
                     r"no user with a password", id="no-users"),
        pytest.param(config_yaml({**USERS, "JSMITH": USERS["jsmith"]}), r"two users are named "
                     r"'jsmith'", id="same-name-twice"),
        pytest.param(config_yaml({"jsmith": {**USERS["jsmith"], "roles": "admin"}}),
                     r"jsmith\.roles must be a list", id="roles-not-a-list"),
        pytest.param(f"credentials:\n  usernames: {{jsmith: {HASHES['jsmith']}: x\n",
                     r"config\.yaml at line 2, column \d+", id="not-yaml"),
    ],
)  # fmt: skip
def test_mistakes_stop_the_proxy_without_showing_a_secret(
    tmp_path: Path, pets_sqlite: Path, config: str, pattern: str
) -> None:
    refusal(tmp_path, pets_sqlite, pattern, config=config)


def test_a_plain_text_password_is_refused(tmp_path: Path, pets_sqlite: Path) -> None:
    table = credentials()
    table["usernames"]["rbriggs"]["password"] = PASSWORDS["rbriggs"]  # auto_hash's input
    config = yaml.safe_dump({"credentials": table, "cookie": {"key": KEY}})
    message = refusal(tmp_path, pets_sqlite, r"usernames\.rbriggs\.password is not a bcrypt hash",
                      config=config)  # fmt: skip
    assert "Hasher.hash" in message


def test_a_missing_credentials_file_names_the_login(tmp_path: Path, pets_sqlite: Path) -> None:
    source = CredentialsSource(kind="file", path="nowhere.yaml")
    auth = AuthConfig(credentials=source, where="app.py:12:5")
    pattern = r"cannot read the credentials file .*nowhere\.yaml.*\(the login at app\.py:12:5\)"
    refusal(tmp_path, pets_sqlite, pattern, auth=auth)


@pytest.mark.parametrize("days", [0, -1, float("nan"), float("inf")])
def test_max_expiry_days_must_be_a_number_of_days(
    tmp_path: Path, pets_sqlite: Path, days: float
) -> None:
    auth = AuthConfig(credentials=FILE, max_expiry_days=days)
    refusal(tmp_path, pets_sqlite, "max_expiry_days must be a positive number", auth=auth)


def test_a_site_with_only_logins(tmp_path: Path, pets_sqlite: Path) -> None:
    site, secrets = write_app(tmp_path, pets_db=pets_sqlite)
    (site / "stc" / "queries.json").unlink()
    (site / "stc" / "forward.json").unlink()
    settings = load_settings(site=site, secrets=secrets)
    assert settings.auth is not None and not settings.allowlist


def test_workers_get_the_app_folder_too(tmp_path: Path) -> None:
    """With --workers N, uvicorn's processes read the settings from the environment."""
    env = settings_env(secrets=tmp_path / "s.toml", site=tmp_path, allowlist=None,
                       allow_origins=[], app=tmp_path / "app")  # fmt: skip
    assert env[ENV["app"]] == str((tmp_path / "app").resolve())
    assert ENV["app"] not in settings_env(secrets=tmp_path, site=None, allowlist=None,
                                          allow_origins=[])  # fmt: skip
