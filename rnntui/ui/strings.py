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
    "step.hint": ("-/+ or Left/Right, PgUp/PgDn, Enter to type",
                  "-/+ 또는 Left/Right, PgUp/PgDn, Enter로 입력"),
    "num.empty": ("Type a number, e.g. 0.5", "숫자를 입력하세요 (예: 0.5)"),
    "num.not_a_number": ("'{text}' is not a number. Type e.g. 0.5 or -1",
                         "'{text}'은(는) 숫자가 아닙니다. 예: 0.5 또는 -1"),
    "num.range": ("{name}: {value} is outside {lo} .. {hi}",
                  "{name}: {value}은(는) {lo} .. {hi} 범위 밖입니다"),
    "num.integer": ("{name} must be a whole number", "{name}은(는) 정수여야 합니다"),
    "num.edit_hint": ("Enter: set, empty Enter: cancel", "Enter: 적용, 빈 칸 Enter: 취소"),
    "panel.missing": ("The '{name}' panel is not available yet.",
                      "'{name}' 패널은 아직 준비되지 않았습니다."),
    "panel.error": ("The '{name}' panel could not start: {error}",
                    "'{name}' 패널을 시작할 수 없습니다: {error}"),
    "panel.bad_preset": ("Preset value '{name}' ignored: {error}",
                         "프리셋 값 '{name}'을(를) 무시했습니다: {error}"),
    "help.title": ("Help", "도움말"),
    "help.keys": ("Keys", "키"),
    "help.app": ("Keys that work everywhere", "어디서나 쓰는 키"),
    "help.close": ("Press F1, q or Escape to close.", "F1, q 또는 Escape로 닫습니다."),
    "loading": ("loading lessons", "강의를 불러오는 중"),
    "lessons.title": ("Lessons", "강의"),
    "lessons.problems": ("{n} lesson file(s) skipped; run: rnntui check",
                         "강의 파일 {n}개를 건너뛰었습니다. 확인: rnntui check"),
    "lessons.none": ("No lessons found.", "강의를 찾을 수 없습니다."),
    "lesson.missing": ("Lesson '{id}' not found; opened the first lesson.",
                       "'{id}' 강의가 없어 첫 강의를 열었습니다."),
    "palette.open": ("Open lesson", "강의 열기"),
    "palette.help": ("Show help for the focused panel", "현재 패널의 도움말 보기"),
    "quiz.later": ("The in-app quiz is coming soon. For now run: rnntui quiz",
                   "앱 안의 퀴즈는 곧 추가됩니다. 지금은 rnntui quiz 를 실행하세요"),
    "settings.unsaved": ("Could not save settings: {error}", "설정을 저장하지 못했습니다: {error}"),
    "lang.now": ("Language: English", "언어: 한국어"),
    "theme.now": ("Theme: {name}", "테마: {name}"),
}


def tr(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` ("ko" or "en"), formatted with ``values``."""
    en, ko = STRINGS.get(key, (key, key))
    text = ko if lang == "ko" else en
    return text.format(**values) if values else text


def pick(lang: str, en: str, ko: str) -> str:
    """Choose between an English and a Korean literal (for strings local to a panel)."""
    return ko if lang == "ko" else en
