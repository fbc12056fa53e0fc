"""Literal words every match of a pattern must start with, found from the parsed regex.

The checker searches for these plain strings (fast, in C) and tries a pattern only
where one of them occurs, instead of running every pattern at every position.
A pattern with no usable prefix (too short, or starting with a character class)
is simply run over the whole text.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parser's node types (3.11+)
from re import _parser as sre_parse

MAX_PREFIXES = 48
SMALL_CHARACTER_SET = 4

# A list of (text so far, whether the text is the whole of what the nodes can match).
Options = list[tuple[str, bool]]


def literal_prefixes(regex: str, *, case_sensitive: bool, min_length: int) -> list[str] | None:
    """Strings one of which starts every match of ``regex``; None when there is no useful set.

    Case-insensitive prefixes are returned in lowercase, to be found in lowercased text.
    """
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        parsed = sre_parse.parse(regex, flags)
    except re.error:
        return None
    options = _sequence(list(parsed), case_sensitive)
    if options is None:
        return None
    prefixes = {text if case_sensitive else text.lower() for text, _ in options}
    if not prefixes or min(len(prefix) for prefix in prefixes) < min_length:
        return None
    return sorted(_drop_covered(prefixes))


def _drop_covered(prefixes: set[str]) -> set[str]:
    # "kicking" is found wherever "kick" is, so searching for "kick" alone is enough.
    return {
        prefix
        for prefix in prefixes
        if not any(other != prefix and prefix.startswith(other) for other in prefixes)
    }


def _sequence(items: list, case_sensitive: bool) -> Options | None:
    results: Options = [("", True)]
    for op, argument in items:
        if not any(whole for _, whole in results):
            break
        options = _node(op, argument, case_sensitive)
        if options is None:
            # Unknown from here on: what we have so far is still a valid prefix.
            return [(text, False) for text, _ in results]
        extended: Options = []
        for text, whole in results:
            if not whole:
                extended.append((text, False))
                continue
            extended.extend((text + more, more_whole) for more, more_whole in options)
        if len(extended) > MAX_PREFIXES:
            return [(text, False) for text, _ in results]
        results = extended
    return results


def _node(op, argument, case_sensitive: bool) -> Options | None:
    if op is sre.LITERAL:
        return [(chr(argument), True)]
    if op is sre.AT:
        return [("", True)]  # \b and friends match no characters
    if op is sre.IN:
        characters = [chr(value) for kind, value in argument if kind is sre.LITERAL]
        if len(characters) != len(argument) or len(characters) > SMALL_CHARACTER_SET:
            return None
        return [(character, True) for character in characters]
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, body = argument
        if (add_flags | del_flags) & re.IGNORECASE:
            return None  # a change of case rules inside: stop rather than guess
        return _sequence(list(body), case_sensitive)
    if op is sre.BRANCH:
        combined: Options = []
        for branch in argument[1]:
            options = _sequence(list(branch), case_sensitive)
            if options is None:
                return None
            combined.extend(options)
        return combined
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, high, body = argument
        options = _sequence(list(body), case_sensitive)
        if options is None:
            return None
        exactly_once_at_most = high == 1
        repeated = [(text, whole and exactly_once_at_most) for text, whole in options]
        return ([("", True)] + repeated) if low == 0 else repeated
    return None
