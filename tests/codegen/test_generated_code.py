"""The generated code, RUN in Keras 3 and in PyTorch for every panel and a few tweaks each.

All scripts of one framework run in ONE subprocess (tests/codegen/runner.py exec()s each in a
fresh namespace): importing Keras costs seconds. Each script ends by comparing its numbers,
computed by the real library, with the values rnntui showed; a tampered copy must fail.
Skipped when torch or keras is not installed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rnntui.codegen import MATCH_LINE, code_for
from tests.codegen.cases import CASES

RUNNER = Path(__file__).with_name("runner.py")
FRAMEWORKS = ("keras", "torch")

if importlib.util.find_spec("torch") is None or importlib.util.find_spec("keras") is None:
    pytest.skip("torch and keras are needed to run the generated code", allow_module_level=True)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _tamper(source: str) -> str:
    """The same script with one shown number changed by 0.01 (its check must fail)."""
    head, sep, tail = source.partition("shown_h = np.array([")
    assert sep, "the LSTM script holds shown_h"
    number, comma, rest = tail.lstrip("\n ").partition(",")
    value = float(number.strip("[ "))
    prefix = tail[: len(tail) - len(tail.lstrip("\n ["))]
    return head + sep + prefix + repr(value + 0.01) + comma + rest


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, object]]:
    """(case, framework) -> the runner's report; both frameworks' processes run at once."""
    folder = tmp_path_factory.mktemp("generated")
    paths: dict[str, list[str]] = {fw: [] for fw in FRAMEWORKS}
    names: dict[str, tuple[str, str]] = {}
    for k, (case, make) in enumerate(CASES.items()):
        lab = make()
        for fw in FRAMEWORKS:
            path = folder / f"{case}_{fw}.py"
            path.write_text(code_for(lab, fw, "ko" if k % 2 else "en"), encoding="utf-8")
            paths[fw].append(str(path))
            names[str(path)] = (case, fw)
            if case == "lstm-start":
                bad = folder / f"tampered_{fw}.py"
                bad.write_text(_tamper(path.read_text(encoding="utf-8")), encoding="utf-8")
                paths[fw].append(str(bad))
                names[str(bad)] = ("tampered", fw)
    env = {**os.environ, "KERAS_BACKEND": "torch"}
    procs = [
        subprocess.Popen(
            [sys.executable, str(RUNNER), *paths[fw]],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for fw in FRAMEWORKS
    ]
    out: dict[tuple[str, str], dict[str, object]] = {}
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr[-2000:]
        for line in stdout.splitlines():
            report = json.loads(line)
            out[names[report["path"]]] = report
    return out


@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("case", list(CASES))
def test_generated_code_runs_and_matches(results, case: str, framework: str) -> None:
    report = results[(case, framework)]
    assert report["ok"], report["error"]
    assert str(report["out"]).rstrip().endswith(MATCH_LINE)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_a_wrong_shown_value_fails_the_check(results, framework: str) -> None:
    report = results[("tampered", framework)]
    assert not report["ok"]
    assert "AssertionError" in str(report["error"])
    assert MATCH_LINE not in str(report["out"])
