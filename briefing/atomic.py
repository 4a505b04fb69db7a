"""Files written whole or not at all: new bytes go to a temporary file beside the target,
which is then renamed over it in one step.

An interrupted run leaves the previous file as it was, and at worst a hidden temporary file
``.<name>.<random>.part`` beside it (a build removes those in its output folders).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

#: Suffix of a file being written; such a file is never a finished output.
PARTIAL_SUFFIX = ".part"
#: Permissions of everything briefing writes: readable by all.
FILE_MODE = 0o644


@contextmanager
def replacing(target: Path, mode: int = FILE_MODE) -> Iterator[BinaryIO]:
    """A stream for ``target``'s new bytes. When the block ends without an error they
    replace ``target`` at once, with permissions ``mode``; otherwise they are let go of and
    ``target`` stays as it was. Its folder is made when missing."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=PARTIAL_SUFFIX, dir=target.parent
    )
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def replace_with(target: Path, data: bytes, mode: int = FILE_MODE) -> None:
    """Replace ``target`` with ``data`` at once (see :func:`replacing`)."""
    with replacing(target, mode) as stream:
        stream.write(data)
