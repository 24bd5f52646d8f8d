"""Where an expected text and an observed one differ, character by character.

Used by the terminal summary (``[-removed-]{+added+}``, as ``git diff --word-diff`` marks it),
report.html (``<del>``/``<ins>``) and the JUnit failure text.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from html import escape

SAME, ONLY_EXPECTED, ONLY_OBSERVED = "=", "-", "+"
# Below this similarity (difflib's ratio, 0..1) two texts are shown as wholly different.
MIN_RATIO = 0.5
MIN_COMMON = 3


def char_diff(expected: str, observed: str) -> list[tuple[str, str]]:
    """The two texts as runs of (kind, text): SAME, ONLY_EXPECTED or ONLY_OBSERVED.

    Texts that have little in common are one change (the whole of each): a character diff
    of two different sentences marks noise. Common bits shorter than ``MIN_COMMON``
    characters between two changes join them, for the same reason.
    """
    matcher = SequenceMatcher(None, expected, observed, autojunk=False)
    if matcher.ratio() < MIN_RATIO:
        return [(k, t) for k, t in ((ONLY_EXPECTED, expected), (ONLY_OBSERVED, observed)) if t]
    # Segments: ["=", text] or ["~", only expected, only observed].
    segments: list[list[str]] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append([SAME, expected[a1:a2]])
        else:
            segments.append(["~", expected[a1:a2], observed[b1:b2]])
    merged: list[list[str]] = []
    for index, segment in enumerate(segments):
        short = segment[0] == SAME and len(segment[1]) < MIN_COMMON
        between = 0 < index < len(segments) - 1 and segments[index + 1][0] == "~"
        if short and between and merged and merged[-1][0] == "~":
            merged[-1][1] += segment[1]
            merged[-1][2] += segment[1]
        elif segment[0] == "~" and merged and merged[-1][0] == "~":
            merged[-1][1] += segment[1]
            merged[-1][2] += segment[2]
        else:
            merged.append(list(segment))
    runs: list[tuple[str, str]] = []
    for segment in merged:
        if segment[0] == SAME:
            runs.append((SAME, segment[1]))
            continue
        if segment[1]:
            runs.append((ONLY_EXPECTED, segment[1]))
        if segment[2]:
            runs.append((ONLY_OBSERVED, segment[2]))
    return runs


def marked(expected: str, observed: str) -> str:
    """One line: the common text, ``[-only expected-]`` and ``{+only observed+}``."""
    parts = []
    for kind, text in char_diff(expected, observed):
        if kind == ONLY_EXPECTED:
            parts.append(f"[-{text}-]")
        elif kind == ONLY_OBSERVED:
            parts.append(f"{{+{text}+}}")
        else:
            parts.append(text)
    return "".join(parts)


def html_pair(expected: str, observed: str) -> tuple[str, str]:
    """Both texts as HTML: what only the expected has in <del>, only the observed in <ins>."""
    left, right = [], []
    for kind, text in char_diff(expected, observed):
        if kind == SAME:
            left.append(escape(text))
            right.append(escape(text))
        elif kind == ONLY_EXPECTED:
            left.append(f"<del>{escape(text)}</del>")
        else:
            right.append(f"<ins>{escape(text)}</ins>")
    return "".join(left), "".join(right)
