"""Images for upload tests, made in memory."""

import io
import struct
import zlib

from PIL import Image


def png_header_only(width: int, height: int) -> bytes:
    """A PNG of `width` x `height` black-and-white pixels whose image data is a
    few bytes: only its header says how big it is, as in an image bomb (a small
    file that needs gigabytes once decoded). Made by hand, since Pillow would
    need all the pixels in memory to write it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def small_png(width: int = 40, height: int = 30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


# A PNG signature with nothing readable after it.
BROKEN_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
