"""SimpleRNN panel: h as a units x time grid; any cell's h_t = tanh(x_t W + h_{t-1} U + b)."""

from __future__ import annotations

from typing import ClassVar

from rnntui.lab.simple_rnn import SimpleRNNLab
from rnntui.ui.panels._recurrent import RecurrentPanel


class SimpleRNNPanel(RecurrentPanel):
    """One SimpleRNN layer; pick a cell of the grid to see its formula with live numbers."""

    NAME = "simple_rnn"
    LAB = SimpleRNNLab
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": """\
## SimpleRNN

At every step the layer mixes the new input with its previous state:

h_t = tanh(x_t W + h_{t-1} U + b)

W (kernel) has shape (input dim, units), U (recurrent kernel) (units, units), b (units).
The same W, U, b are used at every step. The grid shows h for every unit (rows) and step
(columns); the bracketed cell is the one explained below it.

| keys | what they do |
|---|---|
| Tab / shift+Tab | move between controls |
| arrows on the grid | pick a cell (unit, t) |
| t, unit controls | the same with -/+ |
| units | 1 to 64 units |
| x_t, h_{t-1} | change the input, or the state entering step t |
| sequence | type numbers (1 0.5 -1) or words (the cat sat: a tiny embedding) and Enter |
| r | back to the lesson's start: units, sequence, x_t, state edits |
""",
        "ko": """\
## SimpleRNN

매 단계마다 층은 새 입력과 이전 상태를 섞습니다.

h_t = tanh(x_t W + h_{t-1} U + b)

W(커널)의 모양은 (입력 차원, 유닛 수), U(순환 커널)는 (유닛 수, 유닛 수), b는 (유닛 수)입니다.
모든 단계에서 같은 W, U, b를 씁니다. 표는 모든 유닛(행)과 단계(열)의 h를 보여 주고,
괄호로 표시된 칸의 계산이 아래에 나옵니다.

| 키 | 하는 일 |
|---|---|
| Tab / shift+Tab | 조절 항목 이동 |
| 표에서 화살표 | 칸 (유닛, t) 선택 |
| t, unit 조절 | -/+로 같은 선택 |
| units | 유닛 1개에서 64개 |
| x_t, h_{t-1} | 입력, 또는 단계 t로 들어가는 상태 바꾸기 |
| 입력 순서 | 숫자(1 0.5 -1)나 단어(the cat sat: 작은 임베딩)를 입력하고 Enter |
| r | 처음 상태로: 유닛 수, 입력 순서, x_t, 상태 수정 |
""",
    }
