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
        raise LoadError("not_zip", name=path.name) from None
    except (OSError, ValueError, EOFError) as err:
        raise LoadError("cannot_read", path=path.name, error=err) from None
    try:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise LoadError("too_many_members", name=path.name, limit=MAX_MEMBERS)
        for info in infos:
            if _outside(info.filename):
                raise LoadError("member_outside", name=path.name, member=info.filename[:80])
            if info.file_size > MAX_FILE_BYTES:
                raise LoadError(
                    "member_too_large",
                    name=path.name,
                    member=info.filename[:80],
                    size=info.file_size,
                    limit=mb(MAX_FILE_BYTES),
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
        raise LoadError("member_missing", where=where, member=name) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
        raise LoadError("member_corrupt", where=where, member=name, error=err) from None
