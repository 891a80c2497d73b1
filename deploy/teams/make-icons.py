#!/usr/bin/env python3
"""Draws the Teams app icons: color.png (192x192) and outline.png (32x32, white on transparent).

The motif is three rising steps, for learning in small steps. Uses only the standard library.
"""
import struct
import zlib
from pathlib import Path

TEAL = (14, 110, 92, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def steps(x: float, y: float) -> bool:
    """Return True when the point (x, y), both in 0..1, lies on one of three rising steps."""
    for index in range(3):
        left = 0.18 + index * 0.22
        top = 0.62 - index * 0.18
        if left <= x < left + 0.2 and top <= y < 0.82:
            return True
    return False


def write_png(path: Path, size: int, background, foreground) -> None:
    rows = bytearray()
    for row in range(size):
        rows.append(0)
        for column in range(size):
            inside = steps((column + 0.5) / size, (row + 0.5) / size)
            rows.extend(foreground if inside else background)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    path.write_bytes(png)


if __name__ == "__main__":
    folder = Path(__file__).parent
    write_png(folder / "color.png", 192, TEAL, WHITE)
    write_png(folder / "outline.png", 32, CLEAR, WHITE)
