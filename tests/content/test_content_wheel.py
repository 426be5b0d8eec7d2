"""The built wheel ships the lessons as rnntui/lessons/{en,ko}/*.md, and they load from there."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

from rnntui.content.loader import load_lessons

REPO = Path(__file__).resolve().parents[2]


def _build_wheel(out: Path) -> Path:
    if importlib.util.find_spec("hatchling") is not None:
        command = [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)]
    else:  # pragma: no cover - pip fetches hatchling in an isolated build env
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(REPO)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = out.glob("rnntui-*.whl")
    return wheel


def test_wheel_contains_the_lessons(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        shipped = sorted(n for n in names if n.startswith("rnntui/lessons/"))
        archive.extractall(tmp_path / "unpacked", members=shipped)
    for lang in ("en", "ko"):
        source = sorted(p.name for p in (REPO / "lessons" / lang).glob("*.md"))
        assert source, f"no lessons/{lang}/*.md in the repo"
        inside = sorted(
            n.rsplit("/", 1)[1] for n in shipped if n.startswith(f"rnntui/lessons/{lang}/")
        )
        assert inside == source, lang
    lessons = load_lessons([tmp_path / "unpacked" / "rnntui" / "lessons"], include_packaged=False)
    assert [str(p) for p in lessons.problems] == []
    assert len(lessons.lessons) == len(shipped) - ("rnntui/lessons/README.md" in names)
