"""Settings of a site whose app calls web APIs: ``stc/forward.json`` alone, beside
``stc/queries.json``, or neither; the secrets' values read from the top of the secrets
file (a dotted name is a key of a table); a missing key stops the proxy at start, and
no error or ``repr`` ever shows a value."""

from __future__ import annotations

from pathlib import Path

import pytest
from forward_harness import API_KEY, OPENAI, TOKEN, VALUES, secrets_toml, write_site
from proxy_harness import ORIGIN

from proxy import ENV, ProxyConfigError, load_settings, settings_from_env
from runtime_wasm.connections import AllowedQuery, dump_allowlist
from runtime_wasm.http import ForwardRules

RULES = ForwardRules(
    secrets={"API_KEY": ("api.example.com",), "openai.api_key": ("api.openai.com",)},
    hosts=("data.example.org",),
)


def test_a_site_with_only_forward_rules(tmp_path: Path) -> None:
    site, secrets = write_site(tmp_path, RULES)
    settings = load_settings(site=site, secrets=secrets, allow_origins=[ORIGIN])
    assert settings.forward == RULES
    assert settings.forward_secrets == {"API_KEY": API_KEY, "openai.api_key": OPENAI}
    assert (dict(settings.allowlist), dict(settings.connections)) == ({}, {})
    assert {API_KEY, OPENAI} <= settings.secrets  # error messages are scrubbed of them
    assert API_KEY not in repr(settings) and OPENAI not in repr(settings)


def test_a_site_with_queries_and_forward_rules(tmp_path: Path, pets_sqlite: Path) -> None:
    site, secrets = write_site(tmp_path, RULES)
    sql = "select name from pets"
    (site / "stc" / "queries.json").write_text(
        dump_allowlist([AllowedQuery(sql=sql, connection="pets_db")])
    )
    text = secrets.read_text() + f'[connections.pets_db]\nurl = "sqlite:///{pets_sqlite}"\n'
    secrets.write_text(text)
    settings = load_settings(site=site, secrets=secrets)
    assert len(settings.allowlist) == 1 and list(settings.connections) == ["pets_db"]
    assert settings.forward_secrets["API_KEY"] == API_KEY


def test_a_site_with_none_of_the_files_says_so(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(secrets_toml(VALUES))
    pattern = r"none of stc/queries\.json, stc/forward\.json, stc/auth\.json"
    with pytest.raises(ProxyConfigError, match=pattern):
        load_settings(site=tmp_path / "site", secrets=secrets)


def test_a_secret_the_file_lacks_is_named_and_no_value_shown(tmp_path: Path) -> None:
    rules = ForwardRules(secrets={"API_KEY": ("a.example",), "stripe.key": ("b.example",)})
    site, secrets = write_site(tmp_path, rules, {"API_KEY": API_KEY, "stripe.other": TOKEN})
    with pytest.raises(ProxyConfigError, match=r"has no key 'stripe\.key'") as caught:
        load_settings(site=site, secrets=secrets)
    assert API_KEY not in str(caught.value) and TOKEN not in str(caught.value)


@pytest.mark.parametrize(
    ("toml", "message"),
    [("API_KEY = 12345678", "must be a non-empty string"),
     ('API_KEY = ""', "must be a non-empty string"),
     ("[API_KEY]\nvalue = 'sk-x'", "must be a non-empty string"),
     ("API_KEY = 'unterminated", "cannot read secrets file")],
)  # fmt: skip
def test_a_value_that_is_not_a_string_stops_the_proxy(
    tmp_path: Path, toml: str, message: str
) -> None:
    site, secrets = write_site(tmp_path, ForwardRules(secrets={"API_KEY": ("a.example",)}))
    secrets.write_text(toml + "\n")
    with pytest.raises(ProxyConfigError, match=message):
        load_settings(site=site, secrets=secrets)


@pytest.mark.parametrize("text", ["{not json", '{"version": 99}', '{"version": 1, "hosts": {}}'])
def test_rules_that_are_not_ours_stop_the_proxy(tmp_path: Path, text: str) -> None:
    site, secrets = write_site(tmp_path, RULES)
    (site / "stc" / "forward.json").write_text(text)
    with pytest.raises(ProxyConfigError, match=r"forward\.json is not stc forward rules"):
        load_settings(site=site, secrets=secrets)


def test_settings_from_the_environment_for_a_forward_only_site(tmp_path: Path) -> None:
    site, secrets = write_site(tmp_path, RULES)
    settings = settings_from_env(
        {ENV["site"]: str(site), ENV["secrets"]: str(secrets), ENV["allow_origins"]: ORIGIN}
    )
    assert settings.forward == RULES and settings.forward_secrets["API_KEY"] == API_KEY
