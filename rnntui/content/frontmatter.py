"""Split a lesson into its ``---`` YAML header and Markdown body, keeping line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode  # type: ignore[import-untyped]

from rnntui.content.file_problems import KeyPath, LineMap, Reporter
from rnntui.content.model import Problem
from rnntui.content.safe_text import clip, find_controls, shown

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (about 10x faster), else pure Python."""

_OPEN = "---"
_CLOSE = ("---", "...")


@dataclass
class FrontMatter:
    """The parsed header (``data``), where each key sits (``lines``), and the body text."""

    data: Any
    lines: LineMap
    body: str
    body_line: int
    """File line of the first body line."""


def split_front_matter(text: str, path: Path) -> tuple[FrontMatter | None, list[Problem]]:
    """Parse the header of ``text`` with PyYAML's safe loader; None and problems if it fails."""
    report = Reporter(path)
    front = _split(text, report)
    return (front if report.ok else None), report.problems


def _split(text: str, report: Reporter) -> FrontMatter | None:
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if lines[first].rstrip() != _OPEN:
        report.at(
            first + 1,
            "no front matter: the file must start with a line `---`, then the YAML header "
            "(id, order, lang, title, panel, topics, quiz), then `---`",
        )
        return None
    close = next((i for i in range(first + 1, len(lines)) if lines[i].rstrip() in _CLOSE), None)
    if close is None:
        report.at(
            first + 1,
            "the front matter opened here is never closed; add a line `---` after the header",
        )
        return None
    yaml_first_line = first + 2  # file line (1-based) of the first YAML line
    source = "\n".join(lines[first + 1 : close])
    line_map = LineMap(start=first + 1)
    report.lines = line_map
    data = _load_yaml(source, yaml_first_line, close + 1, line_map, report)
    body = "\n".join(lines[close + 1 :])
    return FrontMatter(data=data, lines=line_map, body=body, body_line=close + 2)


def _load_yaml(
    source: str, first_line: int, close_line: int, line_map: LineMap, report: Reporter
) -> Any:
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        walker = _Walker(loader, first_line, line_map, report)
        walker.walk_all(node)
        if walker.refused:  # e.g. a 5,000-digit number: constructing it would raise
            return None
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        report.at(*_syntax_problem(exc, source, first_line, close_line))
    except yaml.YAMLError as exc:
        position = getattr(exc, "position", None)
        line = first_line + source.count("\n", 0, position) if position is not None else first_line
        report.at(line, f"malformed YAML: {clip(str(exc))}; remove the offending character")
    finally:
        loader.dispose()
    return None


def _syntax_problem(
    exc: yaml.MarkedYAMLError, source: str, first_line: int, close_line: int
) -> tuple[int, str]:
    """Where a YAML syntax error really starts, and what to do about it."""
    mark = exc.problem_mark or exc.context_mark
    line = min(first_line + mark.line, close_line) if mark else first_line
    what = clip(exc.problem or "invalid YAML")
    context = f" ({clip(exc.context)})" if exc.context else ""
    opened = _unclosed_quote(source, line - first_line)
    if opened is not None:
        quote_line = first_line + opened
        return quote_line, (
            f"malformed YAML: the quote opened on this line is not closed on it (YAML then read "
            f"on to line {line}: {what}); end the text with a matching quote"
        )
    return line, (
        f"malformed YAML: {what}{context}; fix the syntax here "
        "(put text containing ': ', '#', '[' or '{' in double quotes)"
    )


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s"'#][^:#]*:\s+)?(?P<q>["'])(?P<rest>.*)$""")


def _unclosed_quote(source: str, up_to: int) -> int | None:
    """0-based index of the first line up to ``up_to`` whose value opens a quote it never closes."""
    for index, line in enumerate(source.split("\n")[: up_to + 1]):
        found = _QUOTED_VALUE.match(line)
        if found is None:
            continue
        rest = found["rest"]
        if found["q"] == '"':
            closed = re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
        else:
            closed = "'" in rest.replace("''", "")
        if not closed:
            return index
    return None


MAX_DIGITS = 100
"""Whole numbers in a lesson header have at most this many digits (Python refuses to read
numbers of more than 4,300 digits, and no lesson needs more than a few)."""

_INT_TAG = "tag:yaml.org,2002:int"
_STR_TAG = "tag:yaml.org,2002:str"


class _Walker:
    """Record key and value lines for every node; flag keys repeated in one mapping, control
    characters in text values and numbers too long to read (``refused``: do not construct)."""

    def __init__(self, loader: Any, first_line: int, lines: LineMap, report: Reporter):
        self.loader = loader
        self.first_line = first_line
        self.lines = lines
        self.report = report
        self.seen: set[int] = set()
        self.refused = False

    def _line(self, node: Node) -> int:
        return self.first_line + node.start_mark.line

    def walk_all(self, root: Node) -> None:
        """Walk the document without recursion (a deeply nested one must not overflow)."""
        stack: list[tuple[Node, KeyPath]] = [(root, ())]
        while stack:
            node, path = stack.pop()
            stack.extend(reversed(self._visit(node, path)))

    def _visit(self, node: Node, path: KeyPath) -> list[tuple[Node, KeyPath]]:
        self.lines.values.setdefault(path, self._line(node))
        if id(node) in self.seen:  # an alias: walk each node once (no exponential blow-up)
            return []
        self.seen.add(id(node))
        if isinstance(node, ScalarNode):
            self._check_scalar(node)
            return []
        children: list[tuple[Node, KeyPath]] = []
        if isinstance(node, MappingNode):
            keys: set[Any] = set()
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    self._check_scalar(key_node)
                key = self._key(key_node)
                child = (*path, key)
                if key in keys:
                    self.report.at(
                        self._line(key_node),
                        f"key {shown(key)} appears twice in the same mapping; keep only one "
                        "(YAML would silently use the last)",
                    )
                keys.add(key)
                self.lines.keys.setdefault(child, self._line(key_node))
                children.append((value_node, child))
        elif isinstance(node, SequenceNode):
            children = [(item, (*path, index)) for index, item in enumerate(node.value)]
        return children

    def _check_scalar(self, node: ScalarNode) -> None:
        line = self._line(node)
        if node.tag == _INT_TAG:
            digits = sum(ch.isdigit() for ch in node.value)
            if digits > MAX_DIGITS:
                self.refused = True
                self.report.at(
                    line,
                    f"this number has {digits} digits; write at most {MAX_DIGITS} "
                    "(or put it in double quotes if it is text)",
                )
        elif node.tag == _STR_TAG and node.style == '"':  # escapes such as \e only live here
            for offset, message in find_controls(node.value):
                self.report.at(line + offset - 1, message)

    def _key(self, node: Node) -> Any:
        if isinstance(node, ScalarNode):
            if node.tag == _STR_TAG:
                return node.value
            if self.refused:
                return node.value
            try:
                key = self.loader.construct_object(node)
            except (yaml.YAMLError, ValueError):
                return node.value
            return key if isinstance(key, str | int | float | bool) or key is None else node.value
        return f"<{node.id}>"
