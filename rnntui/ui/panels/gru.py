"""GRU panel: z, r (sigmoid) and the candidate hh (tanh), h_t, and LSTM vs GRU parameters."""

from __future__ import annotations

from typing import ClassVar

from rnntui.lab.gru import GRULab
from rnntui.ui.panels._recurrent import RecurrentPanel


class GRUPanel(RecurrentPanel):
    """One GRU layer; what-if forcing of z, r and the candidate."""

    NAME = "gru"
    LAB = GRULab
    HELP_TEXT: ClassVar[dict[str, str]] = {
        "en": """\
## GRU cell

A GRU keeps one state h and uses three blocks of weights (an LSTM uses four):

- z, the **update gate** (sigmoid): how much of the old h to keep
- r, the **reset gate** (sigmoid): how much of the old h the candidate may look at
- hh, the **candidate** (tanh): the proposed new state

h_t = z * h_{t-1} + (1 - z) * hh. In Keras, z weights the OLD state: force z to 1 and h is
copied unchanged; force z to 0 and h becomes the candidate.

The last line compares the parameter counts of LSTM and GRU with the same units and input.

| keys | what they do |
|---|---|
| Tab / shift+Tab | move between controls |
| Left/Right or -/+, PgUp/PgDn, Enter | change the focused number |
| on a force control: 0 / 1, Space, x | force value 0 / 1, cycle mode, stop forcing |
| arrows on the grid | pick a cell (unit, t; t=1 is the first step) |
| Enter or i on the grid or the inspect row | how the number was computed, term by term |
| Left/Right on the inspect row | choose z, pre_z, r, pre_r, h~ (the candidate hh), pre_h~ or h_t |
| w | the weights W, U, b (kernel, recurrent_kernel, bias, gate order z r h); Enter edits one |
| c | the cell drawn with the shown step's values (in the panel too from 120 columns) |
| r | back to the lesson's start: units, sequence, x_t, state edits, forcing, weights |
""",
        "ko": """\
## GRU 셀

GRU는 상태 h 하나와 가중치 블록 세 개를 씁니다(LSTM은 네 개).

- z, **업데이트 게이트** (sigmoid): 이전 h를 얼마나 유지할지
- r, **리셋 게이트** (sigmoid): 후보 값이 이전 h를 얼마나 볼지
- hh, **후보 값** (tanh): 새 상태의 제안

h_t = z * h_{t-1} + (1 - z) * hh. Keras에서 z는 이전 상태에 곱해집니다. z를 1로 고정하면 h가
그대로 복사되고, 0으로 고정하면 h가 후보 값이 됩니다.

마지막 줄은 같은 유닛 수와 입력에서 LSTM과 GRU의 파라미터 수를 비교합니다.

| 키 | 하는 일 |
|---|---|
| Tab / shift+Tab | 조절 항목 이동 |
| Left/Right 또는 -/+, PgUp/PgDn, Enter | 선택한 숫자 바꾸기 |
| 게이트 고정 칸에서 0 / 1, Space, x | 값 0 / 1 고정, 방식 순환, 고정 해제 |
| 표에서 화살표 | 칸 (유닛, t; t=1이 첫 스텝) 선택 |
| 표나 계산 보기 줄에서 Enter 또는 i | 그 숫자를 어떻게 계산했는지 항별로 보기 |
| 계산 보기 줄에서 Left/Right | z, pre_z, r, pre_r, h~(후보 값 hh), pre_h~, h_t 중 고르기 |
| w | 가중치 W, U, b (kernel, recurrent_kernel, bias, 게이트 순서 z r h) 보기, Enter로 하나 바꾸기 |
| c | 셀 그림: 보이는 스텝의 값이 선 위에 (120열 이상이면 패널 안에도) |
| r | 처음 상태로: 유닛 수, 입력 순서, x_t, 상태 수정, 고정, 가중치 |
""",
    }
