"""Errors a user can cause with bad input. Each carries one line that says what to fix."""


class ScaletuiError(Exception):
    """Bad input: the message is one line, naming the file and the problem."""

    exit_code = 2


class CorpusError(ScaletuiError):
    """A corpus folder, article or sources.toml that cannot be used."""


class TimelineFileError(ScaletuiError):
    """A timeline .toml that is not ours, is malformed, or is from a newer version."""


class SaveConflict(ScaletuiError):
    """The file on disk changed since it was opened; saving would overwrite someone's work."""
