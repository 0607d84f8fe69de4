"""Errors a user can cause with bad input. Each carries one line that says what to fix."""

from __future__ import annotations


def printable(text: str) -> str:
    """`text` safe to print on one terminal line: control characters, newlines and
    bidirectional overrides escaped, bytes a file name could not decode shown as \\xNN.

    File names and file contents end up in messages; an escape code in a file
    name must not reach the terminal, nor a newline split one message in two.
    """
    if text.isprintable():
        return text
    out = []
    for char in text:
        code = ord(char)
        if char.isprintable() or char == " ":
            out.append(char)
        elif 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
            out.append(f"\\x{code - 0xDC00:02x}")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        else:
            out.append(f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


class ScaletuiError(Exception):
    """Bad input: the message is one line, naming the file and the problem."""

    exit_code = 2

    def __init__(self, message: str = "") -> None:
        super().__init__(printable(str(message)))


class CorpusError(ScaletuiError):
    """A corpus folder, article or sources.toml that cannot be used."""


class TimelineFileError(ScaletuiError):
    """A timeline .toml that is not ours, is malformed, or is from a newer version."""


class SaveConflict(ScaletuiError):
    """The file on disk changed since it was opened; saving would overwrite someone's work."""
