"""Real pip against PyPI (the few tests here need the network; the cache makes reruns fast)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler import AssetError
from compiler.resolve._wheels import NoPureWheel, PipWheels, UnknownPackage, read_wheel


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("stc-cache")


def test_pure_wheel_is_fetched_then_reused(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wheels = PipWheels(cache)
    wheel = wheels.fetch("humanize", "4.13.0")
    assert wheel.parent == cache / "wheels"
    assert wheel.name == "humanize-4.13.0-py3-none-any.whl"
    info = read_wheel(wheel)
    assert (info.name, info.version, info.tops) == ("humanize", "4.13.0", ("humanize",))

    def no_pip(*args: str) -> None:
        raise AssertionError("a pinned wheel in the cache must not ask pip")

    monkeypatch.setattr(PipWheels, "_pip", staticmethod(no_pip))
    assert wheels.fetch("humanize", "4.13.0") == wheel


def test_a_specifier_gets_the_newest_wheel_that_meets_it_cached_or_not(cache: Path) -> None:
    """Twice: the second time pip answers "File was already downloaded" for a newer
    wheel of the same project in the cache, and the one that meets the range wins."""
    wheels = PipWheels(cache)
    newest = wheels.fetch("humanize")
    for _ in range(2):
        older = wheels.fetch("humanize", specifier="<4.10")
        assert read_wheel(older).version.startswith("4.9."), older.name
    assert read_wheel(newest).version >= "4.13"


def test_binary_only_project(cache: Path) -> None:
    with pytest.raises(NoPureWheel):
        PipWheels(cache).fetch("uvloop")  # C extension: no py3-none-any wheel


def test_unknown_project(cache: Path) -> None:
    with pytest.raises(UnknownPackage):
        PipWheels(cache).fetch("stc-no-such-package-4c1d2")


def test_offline_is_an_asset_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIP_CONFIG_FILE", "/dev/null")
    monkeypatch.setenv("PIP_INDEX_URL", "http://127.0.0.1:9/simple")
    monkeypatch.setenv("PIP_FIND_LINKS", "")
    monkeypatch.delenv("PIP_EXTRA_INDEX_URL", raising=False)
    with pytest.raises(AssetError, match="could not reach the package index"):
        PipWheels(tmp_path).fetch("tabulate")


@pytest.mark.parametrize(
    ("name", "pin", "finding"),
    [
        pytest.param("a" * 200_000, None, UnknownPackage, id="200k-name"),
        pytest.param("a" * 257, None, UnknownPackage, id="257-characters"),
        pytest.param("-rfoo", None, UnknownPackage, id="option-like"),
        pytest.param("foo bar", None, UnknownPackage, id="space"),
        pytest.param("foo", "9" * 5000, NoPureWheel, id="5000-digit-pin"),
        pytest.param("foo", "1.0 --index-url=x", NoPureWheel, id="pin-with-options"),
    ],
)
def test_pip_never_sees_what_is_not_a_name_or_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, pin: str | None, finding: type
) -> None:
    def no_pip(*args: str) -> None:
        raise AssertionError(f"pip was asked about {args[-1][:40]}")

    monkeypatch.setattr(PipWheels, "_pip", staticmethod(no_pip))
    with pytest.raises(finding):
        PipWheels(tmp_path).fetch(name, pin)
