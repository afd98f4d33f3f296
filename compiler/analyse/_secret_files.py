"""Recognise secrets among the app's files, by name and by content, so none ships.

Everything in a static site is public. A file is left out when its *name* says it
holds credentials (``secrets.toml``, ``.env*``, SSH and TLS keys, cloud and package
index credential files) wherever it sits in the tree, or when its *content* holds a
credential in a well-known format (private-key blocks, cloud, GitHub, Slack,
Stripe, OpenAI… tokens, ``scheme://user:password@host`` URLs, bcrypt password hashes).

The content rules are detect-secrets' own (Yelp's maintained scanner): the
format-based plugins only. Its entropy and keyword plugins guess, and flag data
files and ordinary code; a guess must not stop a build. Its plugins are run with
``analyze_string``, never ``analyze_line``, which may verify a token against the
network. Each plugin's regular expressions first sweep the whole text (C speed, so a
large CSV costs milliseconds), and only lines they hit go through the plugin, which
also applies its own format checks (a JWT must decode). A line carrying detect-
secrets' ``pragma: allowlist secret`` comment is the user's word that it is no secret.

One rule is stc's own: a bcrypt hash (``$2b$12$`` and 53 characters), the password
hashes of streamlit-authenticator's ``config.yaml``. A hash is not a password, but
a downloaded one can be cracked offline at leisure, so it never ships; the
analysis ships such a file redacted when the app's logins read it
(:mod:`compiler.analyse._redact`), and stc proxy checks the passwords.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from detect_secrets.plugins.base import RegexBasedDetector

__all__ = ["SecretFound", "scan_text", "secret_by_name"]

# (pattern on the file name, why it is left out)
_NAMES: tuple[tuple[str, str], ...] = (
    ("secrets.toml", "Streamlit secrets"),
    (".env", "environment variables"),
    (".env.*", "environment variables"),
    ("*.env", "environment variables"),
    (".envrc", "environment variables"),
    ("id_rsa", "an SSH private key"),
    ("id_dsa", "an SSH private key"),
    ("id_ecdsa", "an SSH private key"),
    ("id_ed25519", "an SSH private key"),
    ("*.pem", "a key or certificate (PEM)"),
    ("*.key", "a private key"),
    ("*.p12", "a key store (PKCS #12)"),
    ("*.pfx", "a key store (PKCS #12)"),
    ("*.jks", "a Java key store"),
    ("*.keystore", "a key store"),
    ("*.ppk", "a PuTTY private key"),
    ("*.asc", "a PGP key or signature"),
    ("*.gpg", "a PGP file"),
    (".netrc", "login credentials (.netrc)"),
    ("_netrc", "login credentials (.netrc)"),
    (".pypirc", "package index credentials (.pypirc)"),
    (".npmrc", "package registry credentials (.npmrc)"),
    (".git-credentials", "git credentials"),
    (".pgpass", "PostgreSQL passwords (.pgpass)"),
    (".my.cnf", "MySQL credentials (.my.cnf)"),
    ("credentials", "cloud credentials (~/.aws/credentials)"),
    ("credentials.json", "cloud or OAuth credentials"),
    ("client_secret*.json", "an OAuth client secret"),
    ("service-account*.json", "a cloud service account key"),
    ("service_account*.json", "a cloud service account key"),
    ("application_default_credentials.json", "Google Cloud credentials"),
    ("*.tfstate", "Terraform state (holds secrets)"),
    ("*.tfvars", "Terraform variables"),
    ("*.kdbx", "a KeePass database"),
    ("htpasswd", "password hashes"),
    (".htpasswd", "password hashes"),
    ("kubeconfig", "Kubernetes credentials"),
)

# detect-secrets plugins that guess from entropy or from a keyword near a value (IBM's
# and SoftLayer's are keyword rules too, and the slowest: 10x the others on a CSV; Artifactory's
# takes any long capitalised word starting "APE"), or
# that find what is no secret (public IP addresses)
_GUESSING = frozenset({
    "Base64HighEntropyString", "HexHighEntropyString", "KeywordDetector", "IPPublicDetector",
    "IbmCloudIamDetector", "IbmCosHmacDetector", "SoftlayerDetector", "CloudantDetector",
    "ArtifactoryDetector",
})  # fmt: skip
_ALLOWLIST = "pragma: allowlist secret"


class _BcryptHash(RegexBasedDetector):
    """Password hashes in bcrypt's modular crypt format (``$2a$``, ``$2b$``, ``$2y$``):
    the cost, ``$``, then 22 characters of salt and 31 of hash. detect-secrets has no
    rule for them."""

    secret_type = "bcrypt password hash"
    denylist = (re.compile(r"\$2[aby]\$[0-9]{2}\$[./A-Za-z0-9]{53}"),)


@dataclass(frozen=True, kw_only=True)
class SecretFound:
    """A credential in a file: where (1-based) and of what kind, never the value."""

    line: int
    col: int
    kind: str


def secret_by_name(name: str) -> str | None:
    """Why a file called *name* (no folder) holds secrets, or ``None``."""
    lowered = name.lower()
    for pattern, why in _NAMES:
        if fnmatch.fnmatchcase(lowered, pattern):
            return why
    return None


def scan_text(text: str) -> SecretFound | None:
    """The first credential detect-secrets' format rules find in *text*, or ``None``."""
    found: list[SecretFound] = []
    for plugin in _plugins():
        for hit in _hits(plugin, text):
            found.append(hit)
            break
    return min(found, key=lambda f: (f.line, f.col)) if found else None


def _hits(plugin: RegexBasedDetector, text: str) -> Iterator[SecretFound]:
    for regex in plugin.denylist:
        for match in regex.finditer(text):
            start = text.rfind("\n", 0, match.start()) + 1
            end = text.find("\n", match.end())
            line = text[start : end if end >= 0 else len(text)]
            if _ALLOWLIST in line:
                continue
            for value in plugin.analyze_string(line):
                offset = line.find(value)
                yield SecretFound(
                    line=text.count("\n", 0, start) + 1,
                    col=(offset if offset >= 0 else match.start() - start) + 1,
                    kind=str(plugin.secret_type),
                )
                return


@cache
def _plugins() -> tuple[RegexBasedDetector, ...]:
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class

    classes: list[type[Any]] = list(get_mapping_from_secret_type_to_class().values())
    classes.append(_BcryptHash)
    return tuple(
        cls()
        for cls in sorted(classes, key=lambda c: c.__name__)
        if issubclass(cls, RegexBasedDetector) and cls.__name__ not in _GUESSING
    )
