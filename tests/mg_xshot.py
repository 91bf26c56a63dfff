# mg_xshot.py: the pixels of a window on the X display, for tests
#
# Reads a window's contents with Xlib's XGetImage through ctypes, so that a
# test pressing real keys can check what the window draws, with no tool
# beyond libX11, which GTK's X11 backend needs anyway.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ctypes
import ctypes.util
import struct
import zlib

Z_PIXMAP = 2


class _XImage(ctypes.Structure):
    _fields_ = [(name, ctypes.c_int) for name in ("width", "height", "xoffset", "format")] + \
        [("data", ctypes.c_void_p)] + \
        [(name, ctypes.c_int) for name in ("byte_order", "bitmap_unit", "bitmap_bit_order",
                                           "bitmap_pad", "depth", "bytes_per_line",
                                           "bits_per_pixel")]


class Shot:
    """A window's pixels: rows of width * 3 bytes, RGB."""

    def __init__(self, width, height, rows):
        self.width, self.height, self.rows = width, height, rows

    def region(self, x0, y0, x1, y1):
        """The pixels of a rectangle given in fractions of the size."""
        left, right = int(self.width * x0) * 3, int(self.width * x1) * 3
        return [row[left:right] for row in self.rows[int(self.height * y0):int(self.height * y1)]]

    def save_png(self, path):
        raw = b"".join(b"\0" + row for row in self.rows)

        def chunk(kind, data):
            return (struct.pack(">I", len(data)) + kind + data +
                    struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
                    chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _xlib():
    xlib = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xlib.XGetImage.restype = ctypes.POINTER(_XImage)
    xlib.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                               ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
    xlib.XDestroyImage.argtypes = [ctypes.POINTER(_XImage)]
    return xlib


def grab(window, width, height):
    """The pixels of X window @window (an id), @width by @height."""
    xlib = _xlib()
    display = xlib.XOpenDisplay(None)
    image = xlib.XGetImage(display, int(window), 0, 0, width, height, 0xffffffff, Z_PIXMAP)
    if not image:
        xlib.XCloseDisplay(display)
        return None
    stride = image.contents.bytes_per_line
    data = ctypes.string_at(image.contents.data, stride * height)
    rows = []
    for y in range(height):
        pixel = data[y * stride:y * stride + width * 4]
        row = bytearray(width * 3)
        row[0::3], row[1::3], row[2::3] = pixel[2::4], pixel[1::4], pixel[0::4]
        rows.append(bytes(row))
    xlib.XDestroyImage(image)
    xlib.XCloseDisplay(display)
    return Shot(width, height, rows)
