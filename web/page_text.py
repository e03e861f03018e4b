"""Read what the browser test needs from a page Chromium dumped, or from its screenshot.

  page_text.py status PAGE.html   the text of #lactosim-status (what the window shows)
  page_text.py errors PAGE.html   the text of #lactosim-errors (errors the page met)
  page_text.py timing PAGE.html   the text of #lactosim-timing (first picture, longest frame)
  page_text.py picture SHOT.png   exit 0 if the picture is not blank (many colours, drawn widely)
  page_text.py same A B          exit 0 if sentences A and B are the same, word for word

Only Python's standard library: the CI machine installs nothing for it.
"""

import html
import re
import struct
import sys
import zlib


def element_text(page, element_id):
    found = re.search(r'<[a-z]+ id="%s"[^>]*>(.*?)</[a-z]+>' % re.escape(element_id), page, re.S)
    return html.unescape(found.group(1)).strip() if found else ""


def png_rows(path):
    """The rows of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, "an unexpected PNG"
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = previous[x]
            c = previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([bytes(line[i:i + 3]) for i in range(0, stride, bpp)])
        previous = line
    return rows


def drawn(path):
    """A drawn page: dozens of colours (text, curves, panels), in most of its rows."""
    rows = png_rows(path)
    colours = set()
    busy_rows = 0
    for row in rows[::4]:
        seen = set(row[::4])
        colours |= seen
        busy_rows += len(seen) > 1
    return len(colours) >= 20 and busy_rows >= len(rows[::4]) // 2


def same_sentence(a, b):
    """The same sentence, word for word and figure for figure: the model computes the same run to
    the bit in the browser and on the desktop (its maths from the `libm` crate on both,
    `src/same_math.rs`). Never an empty one."""
    return bool(a.strip()) and " ".join(a.split()) == " ".join(b.split())


if __name__ == "__main__":
    what, path = sys.argv[1], sys.argv[2]
    if what == "same":
        sys.exit(0 if same_sentence(path, sys.argv[3]) else 1)
    if what == "picture":
        sys.exit(0 if drawn(path) else 1)
    page = open(path, encoding="utf-8", errors="replace").read()
    ids = {"status": "lactosim-status", "errors": "lactosim-errors", "timing": "lactosim-timing"}
    print(element_text(page, ids[what]))
