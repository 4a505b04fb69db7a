"""The fast path of loading: YAML text parsed by libyaml, when the text is plainly acceptable.

:mod:`briefing.loading` reads every content file. libyaml parses it many times faster than
the pure-Python parser, which is kept for the text libyaml would read otherwise and for the
precise messages on what is wrong. Here the text is parsed once: the checks and the node
tree are made from the same events.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

#: Characters YAML takes for line breaks although editors (and ``\n`` counting) do not.
UNICODE_BREAKS = {"\u2028": "U+2028", "\u2029": "U+2029", "\x85": "U+0085"}
#: Text the fast path leaves to the pure-Python loader: characters it refuses or reads its
#: own way (control characters, Unicode line breaks, byte order marks, tabs).
_UNUSUAL = re.compile(
    f"{yaml.reader.Reader.NON_PRINTABLE.pattern}|[{''.join(UNICODE_BREAKS)}\ufeff\t]"
)
#: Resolves the tags of plain scalars (numbers, booleans, dates, null) as the safe loader does.
_RESOLVER = yaml.resolver.Resolver()


class _Composer:
    """Composes libyaml's events into a node tree, as libyaml's own composer does, counting
    the values and the depth as it goes."""

    def __init__(self, max_depth: int, max_nodes: int) -> None:
        self._max_depth, self._max_nodes = max_depth, max_nodes
        self.root: yaml.Node | None = None
        self._open: list[yaml.CollectionNode] = []
        self._keys: list[yaml.Node | None] = []  # per open mapping, the key awaiting its value
        self._nodes = 0

    def add(self, event: Any, kind: type) -> bool:
        """Add the node a scalar or a collection's start stands for; False past the limits."""
        self._nodes += 1
        if len(self._open) + 1 >= self._max_depth or self._nodes >= self._max_nodes:
            return False
        node: yaml.Node
        if kind is yaml.ScalarEvent:
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
        else:
            node_kind = yaml.MappingNode if kind is yaml.MappingStartEvent else yaml.SequenceNode
            tag = _RESOLVER.resolve(node_kind, None, event.implicit)
            node = node_kind(tag, [], event.start_mark, event.end_mark)
        if not self._open:
            self.root = node
        elif type(self._open[-1]) is yaml.SequenceNode:
            self._open[-1].value.append(node)
        elif self._keys[-1] is None:
            self._keys[-1] = node
        else:
            self._open[-1].value.append((self._keys[-1], node))
            self._keys[-1] = None
        if isinstance(node, yaml.CollectionNode):
            self._open.append(node)
            self._keys.append(None)
        return True

    def close(self) -> None:
        """End the innermost open collection."""
        self._open.pop()
        self._keys.pop()


_NODE_EVENTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
_END_EVENTS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def fast_node(text: str, max_depth: int, max_nodes: int) -> yaml.Node | None:
    """The node tree of ``text`` parsed by libyaml, when it is plainly acceptable; else None.

    It is used only for text the pure-Python loader would take as it is: no anchors,
    aliases or tags, at most ``max_depth`` deep and ``max_nodes`` values, no unusual
    characters, and one document that libyaml parses without complaint. Anything else
    (None) goes through the pure-Python loader, which says what is wrong.
    """
    if not yaml.__with_libyaml__ or _UNUSUAL.search(text):
        return None
    composer, documents = _Composer(max_depth, max_nodes), 0
    loader = yaml.CSafeLoader(text)
    try:
        while True:
            event: Any = loader.get_event()  # the stubs type it as a bare Event
            kind = type(event)
            if kind in _NODE_EVENTS:
                if event.anchor is not None or event.tag is not None:
                    return None
                if not composer.add(event, kind):
                    return None
            elif kind in _END_EVENTS:
                composer.close()
            elif kind is yaml.AliasEvent:
                return None
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    return None
            elif kind is yaml.StreamEndEvent:
                return composer.root
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
