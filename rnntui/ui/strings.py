"""Every UI string in English and Korean (NFC, no emoji, no East-Asian-ambiguous symbols)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # key: (English, Korean)
    "app.title": ("rnntui", "rnntui"),
    "key.quit": ("Quit", "종료"),
    "key.help": ("Help", "도움말"),
    "key.lessons": ("Lessons", "목록"),
    "key.lang": ("한국어", "English"),
    "key.switch": ("Text/Panel", "본문/패널"),
    "key.next": ("Next", "다음"),
    "key.prev": ("Prev", "이전"),
    "key.quiz": ("Quiz", "퀴즈"),
    "key.theme": ("Contrast", "대비"),
    "key.step": ("Step", "조절"),
    "key.big": ("Big step", "크게"),
    "key.type": ("Type", "입력"),
    "key.close": ("Close", "닫기"),
    "key.cell": ("Cell", "칸"),
    "step.hint": (
        "-/+ or Left/Right, PgUp/PgDn, Enter to type",
        "-/+ 또는 Left/Right, PgUp/PgDn, Enter로 입력",
    ),
    "num.empty": ("Type a number, e.g. 0.5", "숫자를 입력하세요 (예: 0.5)"),
    "num.not_a_number": (
        "'{text}' is not a number. Type e.g. 0.5 or -1",
        "'{text}'은(는) 숫자가 아닙니다. 예: 0.5 또는 -1",
    ),
    "num.range": (
        "{name}: {value} is outside {lo} .. {hi}",
        "{name}: {value}은(는) {lo} .. {hi} 범위 밖입니다",
    ),
    "num.integer": ("{name} must be a whole number", "{name}은(는) 정수여야 합니다"),
    "num.edit_hint": ("Enter: set, empty Enter: cancel", "Enter: 적용, 빈 칸 Enter: 취소"),
    "panel.missing": (
        "The '{name}' panel is not available yet.",
        "'{name}' 패널은 아직 준비되지 않았습니다.",
    ),
    "panel.error": (
        "The '{name}' panel could not start: {error}",
        "'{name}' 패널을 시작할 수 없습니다: {error}",
    ),
    "panel.bad_preset": (
        "Preset value '{name}' ignored: {error}",
        "프리셋 값 '{name}'을(를) 무시했습니다: {error}",
    ),
    "help.title": ("Help", "도움말"),
    "help.keys": ("Keys", "키"),
    "help.app": ("Keys that work everywhere", "어디서나 쓰는 키"),
    "help.close": (
        "Press F1, q or Escape to close. Borders or Korean look wrong? Press d.",
        "F1, q 또는 Escape로 닫습니다. 테두리나 한글이 깨져 보이면 d를 누르세요.",
    ),
    "loading": ("loading lessons", "레슨을 불러오는 중"),
    "lessons.title": ("Lessons", "레슨"),
    "lessons.problems": (
        "{n} lesson file(s) skipped; run: rnntui check",
        "레슨 파일 {n}개를 건너뛰었습니다. 확인: rnntui check",
    ),
    "lessons.none": ("No lessons found.", "레슨을 찾을 수 없습니다."),
    "lesson.missing": (
        "Lesson '{id}' not found; opened the first lesson.",
        "'{id}' 레슨이 없어 첫 레슨을 열었습니다.",
    ),
    "palette.open": ("Open lesson", "레슨 열기"),
    "palette.help": ("Show help for the focused panel", "현재 패널의 도움말 보기"),
    "palette.display": ("Display check: borders and Korean text", "화면 점검: 테두리와 한글"),
    "palette.search": ("Search for commands...", "명령 검색..."),
    "quiz.title": ("Quiz", "퀴즈"),
    "quiz.this": ("Quiz: this lesson", "퀴즈: 이 레슨"),
    "quiz.all": ("Quiz: all lessons", "퀴즈: 모든 레슨"),
    "quiz.keys.choice": ("Press 1-{n} to answer.", "1-{n} 번호 키로 답하세요."),
    "quiz.keys.truefalse": (
        "Press t or o for true, f or x for false.",
        "참이면 o 또는 t, 거짓이면 x 또는 f를 누르세요.",
    ),
    "quiz.keys.numeric": (
        "Type a number (0.5 or 0,5) and press Enter.",
        "숫자를 입력하고 Enter를 누르세요 (0.5 또는 0,5).",
    ),
    "quiz.lesson": ("Lesson: {title}  (l: open it)", "관련 레슨: {title}  (l: 열기)"),
    "quiz.next": ("Space: next question", "Space: 다음 문제"),
    "quiz.last": ("Space: see your score", "Space: 점수 보기"),
    "quiz.done": ("Quiz finished.", "퀴즈를 마쳤습니다."),
    "quiz.review": ("To review: {lessons}", "복습할 레슨: {lessons}"),
    "quiz.saved": (
        "Every answer is saved in your progress (see: rnntui progress).",
        "모든 답은 진행 상황에 저장되었습니다 (확인: rnntui progress).",
    ),
    "quiz.end_keys": (
        "r: another quiz   F2 or b: back to the lessons   q: quit",
        "r: 새 퀴즈   F2 또는 b: 레슨으로 돌아가기   q: 종료",
    ),
    "quiz.paused": (
        "Quiz paused at question {i}/{n}: F7 returns to it.",
        "퀴즈를 문제 {i}/{n}에서 멈췄습니다. F7로 돌아갑니다.",
    ),
    "quiz.lang": (
        "Switch the language after the quiz: F2 (back to the lessons), then F3.",
        "언어는 퀴즈를 마친 뒤 바꿀 수 있습니다: F2로 레슨으로 돌아가서 F3.",
    ),
    "quiz.loading": (
        "The lessons are still loading; try again in a moment.",
        "레슨을 아직 불러오는 중입니다. 잠시 뒤 다시 시도하세요.",
    ),
    "settings.unsaved": ("Could not save settings: {error}", "설정을 저장하지 못했습니다: {error}"),
    "lang.now": ("Language: English", "언어: 한국어"),
    "theme.now": ("Theme: {name}", "테마: {name}"),
}


def tr(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` ("ko" or "en"), formatted with ``values``."""
    en, ko = STRINGS.get(key, (key, key))
    text = ko if lang == "ko" else en
    return text.format(**values) if values else text


def control_label(key: str, lang: str) -> str:
    """A control label (a ``Setting.label`` key) in ``lang``: ``rnntui.lab.specs.LABELS``, the
    one table of control labels in both languages (docs/terms.md terms)."""
    from rnntui.lab.specs import label

    return label(key, lang)
