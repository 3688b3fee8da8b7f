"""IsTextUnicode's guess: whether a buffer holds UTF-16 text, and which tests said so.

Windows documents the tests (``IS_TEXT_UNICODE_*`` flags) but not their thresholds; this
follows the behaviour Wine's tests pin (the reference where Microsoft's documentation is
silent): at most the first 256 characters are read, a trailing zero byte is ignored, and the
statistical test passes when more than half of the characters are below U+0100.
"""

from __future__ import annotations

__all__ = [
    "IS_TEXT_UNICODE_ASCII16", "IS_TEXT_UNICODE_CONTROLS", "IS_TEXT_UNICODE_NULL_BYTES",
    "IS_TEXT_UNICODE_ODD_LENGTH", "IS_TEXT_UNICODE_REVERSE_CONTROLS",
    "IS_TEXT_UNICODE_REVERSE_SIGNATURE", "IS_TEXT_UNICODE_SIGNATURE",
    "IS_TEXT_UNICODE_STATISTICS", "is_text_unicode",
]  # fmt: skip

IS_TEXT_UNICODE_ASCII16 = 0x1
IS_TEXT_UNICODE_STATISTICS = 0x2
IS_TEXT_UNICODE_CONTROLS = 0x4
IS_TEXT_UNICODE_SIGNATURE = 0x8
IS_TEXT_UNICODE_REVERSE_CONTROLS = 0x40
IS_TEXT_UNICODE_REVERSE_SIGNATURE = 0x80
IS_TEXT_UNICODE_ODD_LENGTH = 0x200
IS_TEXT_UNICODE_NULL_BYTES = 0x1000
_UNICODE_MASK, _REVERSE_MASK, _NOT_UNICODE_MASK, _NOT_ASCII_MASK = 0xF, 0xF0, 0xF00, 0xF000
_CONTROLS = frozenset({0x0D, 0x0A, 0x09, 0x20, 0x3000})
_REVERSE_CONTROLS = frozenset({0x0D00, 0x0A00, 0x0900, 0x2000, 0x0030})
_MAX_CHARACTERS = 256


def is_text_unicode(data: bytes | bytearray | memoryview, tests: int) -> tuple[bool, int]:
    """Guess whether ``data`` is UTF-16 (little-endian) text.

    Args:
        data: the bytes to look at.
        tests: the ``IS_TEXT_UNICODE_*`` tests to run (the byte-order marks and an odd
            length are always looked for).

    Returns:
        ``(verdict, passed)``: ``passed`` holds the flags of what was found. A reversed or
        non-Unicode finding (odd length, a byte-swapped mark...) says no; otherwise a
        Unicode finding says yes.
    """
    raw = bytes(data)
    length = len(raw)
    if length < 2:
        return False, 0
    found = IS_TEXT_UNICODE_ODD_LENGTH if length & 1 else 0
    if raw[-1] == 0:
        length -= 1  # a terminating zero byte is not a sign of UTF-16
    count = min(length // 2, _MAX_CHARACTERS)
    chars = [raw[2 * i] | raw[2 * i + 1] << 8 for i in range(count)]
    if chars and chars[0] == 0xFEFF:
        found |= IS_TEXT_UNICODE_SIGNATURE
    if chars and chars[0] == 0xFFFE:
        found |= IS_TEXT_UNICODE_REVERSE_SIGNATURE
    if tests & IS_TEXT_UNICODE_STATISTICS and sum(c <= 0xFF for c in chars) > count // 2:
        found |= IS_TEXT_UNICODE_STATISTICS
    if tests & IS_TEXT_UNICODE_NULL_BYTES and any(not c & 0xFF or not c >> 8 for c in chars):
        found |= IS_TEXT_UNICODE_NULL_BYTES
    if tests & IS_TEXT_UNICODE_CONTROLS and any(c in _CONTROLS for c in chars):
        found |= IS_TEXT_UNICODE_CONTROLS
    if tests & IS_TEXT_UNICODE_REVERSE_CONTROLS and any(c in _REVERSE_CONTROLS for c in chars):
        found |= IS_TEXT_UNICODE_REVERSE_CONTROLS
    if found & (_REVERSE_MASK | _NOT_UNICODE_MASK):
        return False, found
    return bool(found & (_NOT_ASCII_MASK | _UNICODE_MASK)), found
