"""The quiz's bilingual UI strings (Korean and English), in one place.

``t(key, lang, **values)`` formats one string; unknown languages fall back to English.
Generated question texts live with their generators; this module is only the UI around them.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # asking
    "question": {"en": "Question {i}/{n}", "ko": "문제 {i}/{n}"},
    "review": {"en": "review", "ko": "복습"},
    "new": {"en": "new", "ko": "새 문제"},
    "hint-choice": {"en": "type 1-{n}, ? if unsure", "ko": "1-{n} 중 번호 입력, 모르면 ?"},
    "hint-truefalse": {
        "en": "type t (true) or f (false), ? if unsure",
        "ko": "참이면 o 또는 t, 거짓이면 x 또는 f, 모르면 ?",
    },
    "hint-numeric": {
        "en": "type a number (0.5 or 0,5), ? if unsure",
        "ko": "숫자 입력 (0.5 또는 0,5), 모르면 ?",
    },
    "invalid-choice": {
        "en": "Not one of the choices: type a number from 1 to {n}.",
        "ko": "보기에 없는 답입니다. 1부터 {n}까지의 번호를 입력하세요.",
    },
    "invalid-truefalse": {
        "en": "Please answer t (true) or f (false).",
        "ko": "o/t(참) 또는 x/f(거짓)로 답하세요.",
    },
    "invalid-numeric": {
        "en": "That is not a number. Type digits, e.g. 42 or 0.75.",
        "ko": "숫자가 아닙니다. 42 또는 0.75처럼 입력하세요.",
    },
    "true": {"en": "true", "ko": "참"},
    "false": {"en": "false", "ko": "거짓"},
    # verdicts
    "right": {"en": "Right.", "ko": "[O] 정답입니다."},
    "wrong": {"en": "Wrong.", "ko": "[X] 틀렸습니다."},
    "you-answered": {"en": "You answered: {given}", "ko": "내 답: {given}"},
    "answer-is": {"en": "Answer: {answer}", "ko": "정답: {answer}"},
    "why-not": {"en": "Why not: {why}", "ko": "오답 이유: {why}"},
    "worked": {
        "en": "{solution}; you answered {given}.",
        "ko": "{solution}. 내 답: {given}.",
    },
    "worked-slip": {
        "en": "{solution}; you answered {given}: {slip}",
        "ko": "{solution}. 내 답 {given}: {slip}",
    },
    "dont-know": {"en": "Not known yet: here is the answer.", "ko": "모름: 정답을 보여 드립니다."},
    "solution": {"en": "Solution: {text}", "ko": "풀이: {text}"},
    "explanation": {"en": "Explanation: {text}", "ko": "설명: {text}"},
    "lesson": {
        "en": "Lesson: {lesson} (open it with: rnntui --lesson {lesson})",
        "ko": "관련 레슨: {lesson} (열기: rnntui --lesson {lesson})",
    },
    "stopped-eof": {"en": "Input ended; stopping the quiz.", "ko": "입력이 끝나 퀴즈를 마칩니다."},
    "stopped-interrupt": {"en": "Quiz stopped.", "ko": "퀴즈를 중단했습니다."},
    "review-next": {
        "en": "To review: {lessons} (read the lesson again, then: rnntui quiz --topic {topic}).",
        "ko": "다시 볼 레슨: {lessons} (레슨을 다시 읽은 뒤: rnntui quiz --topic {topic}).",
    },
    "due-now-count": {
        "en": "Reviews due now: {n}. Run rnntui quiz again to do them.",
        "ko": "지금 복습할 문항: {n}개. rnntui quiz를 다시 실행해 복습하세요.",
    },
    "next-review": {
        "en": "Next review: {when}. Come back then: rnntui quiz.",
        "ko": "다음 복습: {when}. 그때 rnntui quiz로 다시 오세요.",
    },
    "score": {"en": "Score: {right}/{total}", "ko": "점수: {right}/{total}"},
    # saving
    "busy": {
        "en": "another rnntui session is active; this answer was not saved",
        "ko": "다른 rnntui 세션이 사용 중이라 이 답은 저장되지 않았습니다",
    },
    "save-failed": {
        "en": "progress could not be saved ({error}); the quiz goes on",
        "ko": "진행 상황을 저장하지 못했습니다 ({error}). 퀴즈는 계속됩니다",
    },
    "unsafe": {
        "en": "Progress is not saved in this session: {error}",
        "ko": "이번 세션에서는 진행 상황을 저장하지 않습니다: {error}",
    },
    # damaged progress file (storage notices)
    "notice-empty": {
        "en": "The progress file {path} was empty; it was moved to {moved}.",
        "ko": "진행 파일 {path}이(가) 비어 있어 {moved}(으)로 옮겼습니다.",
    },
    "notice-corrupt": {
        "en": "The progress file {path} was damaged; it was moved to {moved}.",
        "ko": "진행 파일 {path}이(가) 손상되어 {moved}(으)로 옮겼습니다.",
    },
    "notice-wrong-shape": {
        "en": "The progress file {path} was not in rnntui's format; it was moved to {moved}.",
        "ko": "진행 파일 {path}의 형식이 rnntui 형식이 아니어서 {moved}(으)로 옮겼습니다.",
    },
    "notice-newer": {
        "en": "The progress file {path} was written by a newer rnntui; it was moved to {moved}. "
        "Upgrade rnntui and move it back to keep that history.",
        "ko": "진행 파일 {path}은(는) 더 새로운 rnntui가 만든 것이라 {moved}(으)로 옮겼습니다. "
        "rnntui를 업그레이드한 뒤 되돌려 놓으면 기록을 이어 쓸 수 있습니다.",
    },
    "notice-restored": {
        "en": "Restored your progress from the backup {moved}.",
        "ko": "백업 {moved}에서 진행 상황을 복구했습니다.",
    },
    "notice-fresh": {
        "en": "No usable backup; starting with empty progress.",
        "ko": "쓸 수 있는 백업이 없어 빈 진행 상황으로 시작합니다.",
    },
    "notice-busy": {
        "en": "Another rnntui session is repairing {path}; progress starts empty for now.",
        "ko": "다른 rnntui 세션이 {path}을(를) 복구하는 중이라 지금은 빈 진행 상황으로 시작합니다.",
    },
    # setup problems
    "unknown-topic": {
        "en": "Unknown lesson {topic!r}. Give a lesson id or number (1 = the first lesson): "
        "{known}",
        "ko": "없는 레슨입니다: {topic!r}. 레슨 id나 번호(1 = 첫 레슨)를 쓰세요: {known}",
    },
    "error": {"en": "error: {text}", "ko": "오류: {text}"},
    "did-you-mean": {"en": "Did you mean {topic}?", "ko": "{topic}을(를) 뜻하셨나요?"},
    "no-questions": {
        "en": "There are no questions to ask.",
        "ko": "낼 문제가 없습니다.",
    },
    "lesson-problems": {
        "en": "{n} lesson file(s) skipped; run `rnntui check` on your lesson folder.",
        "ko": "레슨 파일 {n}개를 건너뛰었습니다. 레슨 폴더에 `rnntui check`를 실행해 보세요.",
    },
    # progress command
    "progress-title": {"en": "Quiz progress", "ko": "퀴즈 진행 상황"},
    "col-lesson": {"en": "Lesson", "ko": "레슨"},
    "col-items": {"en": "Tried", "ko": "푼 문항"},
    "col-reviews": {"en": "Reviews", "ko": "풀이 수"},
    "col-accuracy": {"en": "Right", "ko": "정답률"},
    "col-due": {"en": "Due", "ko": "복습"},
    "col-next": {"en": "Next due (UTC)", "ko": "다음 복습 (UTC)"},
    "col-next-local": {"en": "Next due", "ko": "다음 복습"},
    "times-local": {
        "en": "Due: reviews waiting now. Times in local time ({zone}).",
        "ko": "복습: 지금 복습할 문항 수. 시각은 이 컴퓨터의 시간대({zone})입니다.",
    },
    "tried-of": {"en": "{tried} of {total}", "ko": "{total}개 중 {tried}개"},
    "lessons-started": {
        "en": "{started}/{total} lessons started.",
        "ko": "레슨 {total}개 중 {started}개를 시작했습니다.",
    },
    "total": {"en": "Total", "ko": "합계"},
    "generated": {"en": "generated", "ko": "생성 문제"},
    "no-progress": {
        "en": "No progress yet. Run `rnntui quiz` to start.",
        "ko": "아직 기록이 없습니다. `rnntui quiz`로 시작하세요.",
    },
    "progress-file": {"en": "File: {path}", "ko": "파일: {path}"},
    "reset-ask": {
        "en": "Erase all quiz progress in {path}? [y/N] ",
        "ko": "{path}의 퀴즈 진행 상황을 모두 지울까요? [y/N] ",
    },
    "reset-done": {
        "en": "Progress erased (a copy of the old records is kept in {kept}).",
        "ko": "진행 상황을 지웠습니다 (이전 기록의 사본은 {kept}에 남아 있습니다).",
    },
    "reset-empty": {"en": "Progress erased.", "ko": "진행 상황을 지웠습니다."},
    "reset-cancelled": {"en": "Nothing erased.", "ko": "아무것도 지우지 않았습니다."},
    "exported": {
        "en": "Progress for {n} item(s) written to {file}.",
        "ko": "문항 {n}개의 진행 상황을 {file}에 저장했습니다.",
    },
    "imported": {
        "en": "Merged {n} item(s) from {file}.",
        "ko": "{file}에서 문항 {n}개를 합쳤습니다.",
    },
    "import-bad": {
        "en": "Cannot import {file}: {error}",
        "ko": "{file}을(를) 가져올 수 없습니다: {error}",
    },
    "export-bad": {
        "en": "Cannot export to {file}: {error}",
        "ko": "{file}(으)로 내보낼 수 없습니다: {error}",
    },
    "never": {"en": "-", "ko": "-"},
    "due-now": {"en": "now", "ko": "지금"},
}


def t(key: str, lang: str | None, **values: object) -> str:
    """The string ``key`` in ``lang`` (English if missing), formatted with ``values``."""
    entry = STRINGS[key]
    text = entry.get(lang or "en", entry["en"])
    return text.format(**values) if values else text


def notice_text(kind: str, lang: str | None, path: object, moved: object = None) -> str:
    """A storage ``Notice`` as a sentence for the student."""
    return t(f"notice-{kind}", lang, path=path, moved=moved)
