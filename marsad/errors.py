"""One exception hierarchy for the whole library.

Every error carries a stable code (``M1xx`` input, ``M2xx`` configuration and resources,
``M3xx`` storage, ``M4xx`` evaluation) so that users and tests can tell failures apart
without parsing messages, in the manner of spaCy's ``E###`` codes.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of every error marsad raises on purpose."""

    code = "M000"

    def __init__(self, message: str, *, path: str | None = None):
        self.path = path
        self.message = message
        where = f"{path}: " if path else ""
        super().__init__(f"[{self.code}] {where}{message}")


class InputError(MarsadError):
    """An input document cannot be read as Arabic news text."""

    code = "M100"


class EmptyInputError(InputError):
    code = "M101"


class BinaryInputError(InputError):
    code = "M102"


class EncodingInputError(InputError):
    code = "M103"


class InputTooLargeError(InputError):
    code = "M104"


class MalformedInputError(InputError):
    """A structured input (JSON Lines, HTML, feed) is broken."""

    code = "M105"


class ConfigError(MarsadError):
    """A pipeline configuration or a setting is wrong."""

    code = "M200"


class ResourceError(MarsadError):
    """A bundled data file (lexicon, model, gazetteer) is missing or malformed."""

    code = "M201"


class StoreError(MarsadError):
    code = "M300"


class EvaluationError(MarsadError):
    """A gold file or a scoring request is wrong."""

    code = "M400"
