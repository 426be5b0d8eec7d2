"""Safe reads from a zip archive (``.keras``, ``.npz``): nothing is extracted to disk.

Members whose names point outside the archive (absolute, ``..``, drive letters) are refused,
as are archives with too many members and members larger than the limit once uncompressed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from rnntui.nn.loading.errors import MAX_FILE_BYTES, MAX_MEMBERS, LoadError, mb


def _outside(name: str) -> bool:
    """The member name would land outside the archive if it were extracted."""
    text = name.replace("\\", "/")
    parts = PurePosixPath(text).parts
    return text.startswith("/") or ".." in parts or (len(text) > 1 and text[1] == ":")


def open_zip(path: Path) -> zipfile.ZipFile:
    """The archive at ``path``, checked (LoadError if it is not a sound, sane zip)."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise LoadError(f"{path.name} is not a zip archive (or it is truncated)") from None
    except (OSError, ValueError, EOFError) as err:
        raise LoadError(f"Cannot read {path.name}: {err}") from None
    try:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise LoadError(f"{path.name} has more than {MAX_MEMBERS:,} members")
        for info in infos:
            if _outside(info.filename):
                raise LoadError(
                    f"{path.name} has a member outside the archive ({info.filename[:80]!r}), "
                    "refused"
                )
            if info.file_size > MAX_FILE_BYTES:
                raise LoadError(
                    f"{path.name}: member {info.filename[:80]!r} is {info.file_size:,} bytes "
                    f"uncompressed, more than the {mb(MAX_FILE_BYTES)} rnntui reads"
                )
    except LoadError:
        archive.close()
        raise
    return archive


def read_member(archive: zipfile.ZipFile, name: str, where: str) -> bytes:
    """One member's bytes (LoadError if missing, corrupt or truncated)."""
    try:
        with archive.open(name) as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except KeyError:
        raise LoadError(f"{where} has no {name!r}: it is not a Keras 3 .keras file") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
        raise LoadError(f"{where}: {name!r} is corrupt or truncated ({err})") from None
