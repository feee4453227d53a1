"""Damaged and hostile zip packages, made byte by byte as an attacker or a broken disk would make them."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

LOCAL_HEADER = b"PK\x03\x04"
CENTRAL_HEADER = b"PK\x01\x02"


def parts_of(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def packed(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A package of `parts`, the same bytes every time."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = compression
            archive.writestr(info, content)
    return buffer.getvalue()


def _central_record(package: bytes, name: str) -> int:
    """Where the central directory's record of `name` starts."""
    position = package.find(CENTRAL_HEADER)
    while position != -1:
        name_length = struct.unpack_from("<H", package, position + 28)[0]
        if package[position + 46 : position + 46 + name_length] == name.encode():
            return position
        position = package.find(CENTRAL_HEADER, position + 4)
    raise KeyError(name)


def _local_record(package: bytes, name: str) -> int:
    return struct.unpack_from("<I", package, _central_record(package, name) + 42)[0]


def with_flipped_bytes(package: bytes, name: str) -> bytes:
    """The part's deflate stream with bytes in its middle turned over: zlib cannot unpack it."""
    local = _local_record(package, name)
    name_length, extra_length = struct.unpack_from("<HH", package, local + 26)
    start = local + 30 + name_length + extra_length
    size = struct.unpack_from("<I", package, local + 18)[0]
    middle = start + size // 2
    damaged = bytearray(package)
    for offset in range(middle, min(middle + 16, start + size)):
        damaged[offset] ^= 0xFF
    return bytes(damaged)


def with_flags(package: bytes, name: str, flags: int) -> bytes:
    """The part marked with general-purpose flags (1: encrypted), in both of its headers."""
    damaged = bytearray(package)
    for position, offset in ((_local_record(package, name), 6), (_central_record(package, name), 8)):
        current = struct.unpack_from("<H", damaged, position + offset)[0]
        struct.pack_into("<H", damaged, position + offset, current | flags)
    return bytes(damaged)


def with_compression(package: bytes, name: str, method: int) -> bytes:
    """The part said to be packed with compression `method` (99: AES; 14: LZMA under another number)."""
    damaged = bytearray(package)
    for position, offset in ((_local_record(package, name), 8), (_central_record(package, name), 10)):
        struct.pack_into("<H", damaged, position + offset, method)
    return bytes(damaged)


def with_version_needed(package: bytes, name: str, version: int) -> bytes:
    """The part said to need zip version `version` (times ten) to unpack, in the central directory."""
    damaged = bytearray(package)
    struct.pack_into("<H", damaged, _central_record(package, name) + 6, version)
    return bytes(damaged)


def lying_bomb(path: Path, parts: dict[str, bytes], name: str, unpacked: int, claimed: int) -> None:
    """A package whose part `name` unpacks to `unpacked` zero bytes while both headers claim `claimed`, written
    without ever holding the part in memory."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            if part != name:
                archive.writestr(part, content)
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=False) as stream:
            chunk = b"\0" * (1 << 20)
            for _ in range(unpacked // len(chunk)):
                stream.write(chunk)
    package = bytearray(path.read_bytes())
    struct.pack_into("<I", package, _local_record(bytes(package), name) + 22, claimed)
    struct.pack_into("<I", package, _central_record(bytes(package), name) + 24, claimed)
    path.write_bytes(bytes(package))
