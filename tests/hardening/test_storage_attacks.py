"""A shared machine (issue 18, items 14, 16, 17): no home directory, a careless umask, a state
dir that is a symlink, stale side-file symlinks."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from rnntui import paths, storage
from rnntui.quiz.progress import ProgressStore
from rnntui.quiz.session import store_notices

T0 = datetime(2030, 1, 1, tzinfo=timezone.utc)


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_missing_parents_are_created_0700_under_umask_000(tmp_path: Path, umask_000: None) -> None:
    leaf = tmp_path / "home" / ".local" / "state" / "rnntui"
    (tmp_path / "home").mkdir(mode=0o755)
    storage.atomic_write_json(leaf / "progress.json", {"schema_version": 1, "items": {}})
    for folder in (leaf, leaf.parent, leaf.parent.parent):
        assert mode(folder) == 0o700, folder
    assert mode(tmp_path / "home") == 0o755, "an existing parent is left alone"
    assert mode(leaf / "progress.json") == 0o600


def test_state_dir_symlink_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    public = tmp_path / "public"
    public.mkdir(mode=0o755)
    os.chmod(public, 0o755)
    link = tmp_path / "state-link"
    link.symlink_to(public, target_is_directory=True)
    monkeypatch.setenv("RNNTUI_STATE_DIR", str(link))
    store = ProgressStore().load()
    with pytest.raises(storage.UnsafePathError, match="symbolic link"):
        store.record("lstm/a", "lstm", True, T0)
    assert mode(public) == 0o755 and not list(public.iterdir())


@pytest.mark.parametrize("side", ["bak", "lock"])
def test_stale_side_symlink_is_moved_aside(tmp_path: Path, side: str) -> None:
    store = ProgressStore().load()
    store.record("lstm/a", "lstm", True, T0)
    target = paths.progress_path()
    stale = storage.backup_path(target) if side == "bak" else storage.lock_path(target)
    if stale.exists():
        stale.unlink()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text("not ours")
    stale.symlink_to(elsewhere)
    store.record("lstm/b", "lstm", True, T0)
    assert set(ProgressStore().load().items) == {"lstm/a", "lstm/b"}
    assert elsewhere.read_text() == "not ours"
    moved = list(target.parent.glob(f"{stale.name}.corrupt-*"))
    assert len(moved) == 1 and moved[0].is_symlink()
    said = store_notices(store, "en")
    assert any(stale.name in line and "moved to" in line for line in said), said


def test_dangling_bak_symlink_does_not_block_saves(tmp_path: Path) -> None:
    store = ProgressStore().load()
    store.record("lstm/a", "lstm", True, T0)
    bak = storage.backup_path(paths.progress_path())
    bak.unlink(missing_ok=True)
    bak.symlink_to(tmp_path / "nowhere")
    store.record("lstm/a", "lstm", False, T0)
    assert ProgressStore().load().items["lstm/a"]["reviews"] == 2
    assert json.loads(bak.read_text())["items"]["lstm/a"]["reviews"] == 1


NO_HOME = """
import os, pwd, sys
os.environ.pop("HOME", None)
for name in list(os.environ):
    if name.startswith(("XDG_", "RNNTUI_")):
        del os.environ[name]
def no_entry(uid):
    raise KeyError(uid)
pwd.getpwuid = no_entry  # a user with no passwd entry
sys.argv = ["rnntui", *sys.argv[1:]]
from rnntui.entry import main
main()
"""


@pytest.mark.parametrize("args", [["progress"], ["quiz", "--plain"], ["lessons"]])
def test_no_home_directory_says_what_to_set(args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", NO_HOME, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    if args == ["lessons"]:  # needs no per-user file: works with the defaults
        assert result.returncode == 0, result.stderr
        return
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "RNNTUI_STATE_DIR" in result.stderr and "HOME" in result.stderr


def test_paths_raise_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("RNNTUI_STATE_DIR")

    def no_home(_name: str) -> Path:
        raise RuntimeError("could not determine the home directory")

    monkeypatch.setattr(platformdirs, "user_state_path", no_home)
    with pytest.raises(paths.NoHomeError, match="RNNTUI_STATE_DIR"):
        paths.progress_path()
