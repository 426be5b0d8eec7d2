"""Split a lesson into its ``---`` YAML header and Markdown body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from rnntui.content.model import Problem
from rnntui.content.report import KeyPath, LineMap, Reporter

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
        data = loader.construct_document(node)
        _Walker(loader, first_line, line_map, report).walk(node, ())
        return data
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = min(first_line + mark.line, close_line) if mark else first_line
        what = exc.problem or "invalid YAML"
        context = f" ({exc.context})" if exc.context else ""
        report.at(
            line,
            f"malformed YAML: {what}{context}; fix the syntax here "
            "(put text containing ': ', '#', '[' or '{' in double quotes)",
        )
    except yaml.YAMLError as exc:
        position = getattr(exc, "position", None)
        line = first_line + source.count("\n", 0, position) if position is not None else first_line
        report.at(line, f"malformed YAML: {exc}; remove the offending character")
    finally:
        loader.dispose()
    return None


class _Walker:
    """Record key and value lines for every node; flag keys repeated in one mapping."""

    def __init__(self, loader: Any, first_line: int, lines: LineMap, report: Reporter):
        self.loader = loader
        self.first_line = first_line
        self.lines = lines
        self.report = report
        self.seen: set[int] = set()

    def _line(self, node: Node) -> int:
        return self.first_line + node.start_mark.line

    def walk(self, node: Node, path: KeyPath) -> None:
        self.lines.values.setdefault(path, self._line(node))
        if id(node) in self.seen:  # an alias: walk each node once (no exponential blow-up)
            return
        self.seen.add(id(node))
        if isinstance(node, MappingNode):
            keys: set[Any] = set()
            for key_node, value_node in node.value:
                key = self._key(key_node)
                child = (*path, key)
                if key in keys:
                    self.report.at(
                        self._line(key_node),
                        f"key {key!r} appears twice in the same mapping; keep only one "
                        "(YAML would silently use the last)",
                    )
                keys.add(key)
                self.lines.keys.setdefault(child, self._line(key_node))
                self.walk(value_node, child)
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                self.walk(item, (*path, index))

    def _key(self, node: Node) -> Any:
        if isinstance(node, ScalarNode):
            if node.tag == "tag:yaml.org,2002:str":
                return node.value
            try:
                key = self.loader.construct_object(node)
            except yaml.YAMLError:
                return node.value
            return key if isinstance(key, str | int | float | bool) or key is None else node.value
        return f"<{node.id}>"
