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
(columns, t=1 is the first step, as in the lesson: h_0 = 0 is the start); the bracketed cell
is the one explained below it.

| keys | what they do |
|---|---|
| Tab / shift+Tab | move between controls |
| arrows on the grid | pick a cell (unit, t) |
| t, unit controls | the same with -/+ |
| units | 1 to 64 units |
| x_t, h_{t-1} | change the input, or the state entering step t |
| sequence | type numbers from -5 to 5 (1 0.5 -1) or words (the cat sat: a tiny embedding), Enter |
| Enter or i on the grid or the inspect row | how the number was computed, term by term |
| w | the weights W, U, b (kernel, recurrent_kernel, bias); Enter there edits one |
| c | the cell drawn with the shown step's values (in the panel too from 120 columns) |
| e | load the lesson's worked example (W = 0.5, U = 0.8, b = 0) |
| r | back to the lesson's start: units, sequence, x_t, state edits, weights |
""",
        "ko": """\
## SimpleRNN

매 스텝마다 층은 새 입력과 이전 상태를 섞습니다.

h_t = tanh(x_t W + h_{t-1} U + b)

W(kernel)의 모양은 (입력 특성 수, 유닛 수), U(recurrent_kernel)는 (유닛 수, 유닛 수),
b(bias)는 (유닛 수)입니다. 모든 스텝에서 같은 W, U, b를 씁니다. 표는 모든 유닛(행)과
스텝(열)의 h를 보여 줍니다. 레슨처럼 t=1이 첫 스텝이고, h_0 = 0에서 시작합니다.
괄호로 표시된 칸의 계산이 아래에 나옵니다.

| 키 | 하는 일 |
|---|---|
| Tab / shift+Tab | 조절 항목 이동 |
| 표에서 화살표 | 칸 (유닛, t) 선택 |
| t, 유닛 조절 | -/+로 같은 선택 |
| 유닛 수 | 유닛 1개에서 64개 |
| x_t, h_{t-1} | 입력, 또는 스텝 t로 들어가는 상태 바꾸기 |
| 입력 순서 | -5에서 5 사이의 숫자(1 0.5 -1)나 단어(나는 오늘: 작은 임베딩)를 입력하고 Enter |
| 표나 계산 보기 줄에서 Enter 또는 i | 그 숫자를 어떻게 계산했는지 항별로 보기 |
| w | 가중치 W, U, b (kernel, recurrent_kernel, bias) 보기, 거기서 Enter로 하나 바꾸기 |
| c | 셀 그림: 보이는 스텝의 값이 선 위에 (120열 이상이면 패널 안에도) |
| e | 레슨의 예제 불러오기 (W = 0.5, U = 0.8, b = 0) |
| r | 처음 상태로: 유닛 수, 입력 순서, x_t, 상태 수정, 가중치 |
""",
    }
