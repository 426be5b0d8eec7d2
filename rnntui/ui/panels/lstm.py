"""LSTM panel: f, i, o (sigmoid) and g (tanh) as bars with numbers, then c_t and h_t.

What-if: force any gate's value or pre-activation (forget gate 1 keeps the memory, 0 wipes
it) at every step, and watch c carry (or lose) information across the sequence.
"""

from __future__ import annotations

from typing import ClassVar

from rnntui.lab.lstm import LSTMLab
from rnntui.ui.panels._recurrent import RecurrentPanel


class LSTMPanel(RecurrentPanel):
    """One LSTM layer over the lesson's sequence, one step and one unit in detail."""

    NAME = "lstm"
    LAB = LSTMLab
    BAR_WIDTH = 7
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": """\
## LSTM cell

An LSTM keeps two states: the **cell state** c (long-term memory) and the **hidden state** h
(what it shows). At each step t four blocks read x_t and h_{t-1}:

- f, the **forget gate** (sigmoid, 0 to 1): how much of c_{t-1} to keep
- i, the **input gate** (sigmoid): how much of the candidate to write
- g, the **candidate** (tanh, -1 to 1): what could be written
- o, the **output gate** (sigmoid): how much of tanh(c_t) to show

c_t = f * c_{t-1} + i * g and h_t = o * tanh(c_t). Force f to 1 and c carries its value
from step to step; force f to 0 and c_t is only i * g: the memory is wiped.

| keys | what they do |
|---|---|
| Tab / shift+Tab | move between controls |
| Left/Right or -/+ | step the focused number; PgUp/PgDn: big step |
| Enter | type a number (0,5 or 0.5) |
| on a force control: 0 / 1 | force the gate's value to 0 or 1 |
| on a force control: Space | cycle off / value / pre-activation |
| on a force control: x | stop forcing |
| t control, or arrows on the grid | choose the time step (t=1 is the first) and unit |
| Enter or i on the grid or the inspect row | how the number was computed, term by term |
| Left/Right on the inspect row | choose f, pre_f, i, ..., c_t or h_t |
| w | the weights W, U, b (kernel, recurrent_kernel, bias, gate order i f c o); Enter edits one |
| c | the cell drawn with the shown step's values (in the panel too from 120 columns) |
| e | load the lesson's worked example (c_{t-1} = 0.8; sums 1.0, 0.2, 0.5, 0.4) |
| r | back to the lesson's start: units, sequence, x_t, state edits, forcing, weights |
""",
        "ko": """\
## LSTM 셀

LSTM은 두 가지 상태를 가집니다. **셀 상태** c(장기 기억)와
**은닉 상태** h(밖으로 내보내는 값)입니다.
각 스텝 t에서 네 블록이 x_t와 h_{t-1}을 읽습니다.

- f, **망각 게이트** (sigmoid, 0에서 1): c_{t-1}을 얼마나 남길지
- i, **입력 게이트** (sigmoid): 후보 값을 얼마나 쓸지
- g, **후보 값** (tanh, -1에서 1): 새로 쓸 수 있는 값
- o, **출력 게이트** (sigmoid): tanh(c_t)를 얼마나 내보낼지

c_t = f * c_{t-1} + i * g, h_t = o * tanh(c_t). f를 1로 고정하면 c가 스텝마다 값을 이어 가고,
f를 0으로 고정하면 c_t는 i * g뿐이라 기억이 지워집니다.

| 키 | 하는 일 |
|---|---|
| Tab / shift+Tab | 조절 항목 이동 |
| Left/Right 또는 -/+ | 선택한 숫자 조절, PgUp/PgDn: 크게 조절 |
| Enter | 숫자 입력 (0,5 또는 0.5) |
| 게이트 고정 칸에서 0 / 1 | 게이트 값을 0 또는 1로 고정 |
| 게이트 고정 칸에서 Space | 끔 / 값 / 활성화 전 값 순환 |
| 게이트 고정 칸에서 x | 고정 해제 |
| t 조절, 또는 표에서 화살표 | 스텝(t=1이 첫 스텝)과 유닛 선택 |
| 표나 계산 보기 줄에서 Enter 또는 i | 그 숫자를 어떻게 계산했는지 항별로 보기 |
| 계산 보기 줄에서 Left/Right | f, pre_f, i, ..., c_t, h_t 중 고르기 |
| w | 가중치 W, U, b (kernel 등, 게이트 순서 i f c o) 보기, Enter로 하나 바꾸기 |
| c | 셀 그림: 보이는 스텝의 값이 선 위에 (120열 이상이면 패널 안에도) |
| e | 레슨의 예제 불러오기 (c_{t-1} = 0.8, 합 1.0, 0.2, 0.5, 0.4) |
| r | 처음 상태로: 유닛 수, 입력 순서, x_t, 상태 수정, 고정, 가중치 |
""",
    }
