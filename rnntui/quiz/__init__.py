"""Quiz logic: items, generated questions, scheduling, progress, plain runner (no Textual).

For a UI (the app's quiz screen, or ``rnntui quiz --plain``)::

    from rnntui.quiz.progress import ProgressStore
    from rnntui.quiz.session import open_session, QuizSetupError

    session = open_session(lessons=lesson_set.for_lang(lang), lang=lang, topic=None,
                           count=10, seed=None, store=ProgressStore().load())
    session.notices                  # messages to show first (damaged file moved aside, ...)
    q = session.next_question()      # Question | None; the same one until it is graded
    v = session.answer(text)         # Verdict: status right/wrong/ignored/invalid, why, ...
    session.score                    # (right, answered); session.score_line() "Score: X/Y"

Modules: ``question`` (Question, Verdict), ``numbers`` (the one lenient number reader, shared
with the UI), ``grading``, ``templates/`` (generated questions computed by the engine: ``base``,
one module per family, ``registry``), ``bank`` (lesson items and templates, lesson numbers),
``schedule`` (FSRS), ``progress`` (the per-user file), ``session``, ``report`` (per-lesson stats:
``lesson_stats``, ``due_count``), ``progress_table``, ``plain``, ``commands``, ``progress_cmd``,
``strings`` (Korean and English UI text).
"""
