#!/usr/bin/env python3
"""Generate the image fixtures under assets/ used by conformance cases 11+.

Deterministic (a small LCG instead of random). Needs Pillow (pip install pillow);
the 16-bit PNG is written by hand because Pillow cannot write 16-bit RGB(A).
Run from the conformance folder:  python3 make-assets.py
blocks16.png (case 10) is not made here.
"""
import io
import math
import struct
import zlib

from PIL import Image, ImageDraw

OUT = 'assets/'


class LCG:
    def __init__(self, seed):
        self.s = seed

    def next(self):
        self.s = (self.s * 1103515245 + 12345) & 0x7fffffff
        return self.s / 0x7fffffff


def photo():
    """128x96 photo-like scene: sky gradient, sun, hills, a house, grain noise."""
    w, h = 128, 96
    im = Image.new('RGB', (w, h))
    px = im.load()
    for y in range(h):
        for x in range(w):
            t = y / (h - 1)
            px[x, y] = (int(40 + 120 * t), int(110 + 90 * t), int(230 - 60 * t))
    d = ImageDraw.Draw(im)
    d.ellipse((88, 8, 116, 36), fill=(255, 214, 90))
    d.polygon([(0, 70), (30, 48), (60, 66), (95, 40), (128, 62), (128, 96), (0, 96)], fill=(46, 120, 52))
    d.polygon([(0, 84), (40, 72), (80, 86), (128, 76), (128, 96), (0, 96)], fill=(30, 84, 36))
    d.rectangle((20, 58, 44, 80), fill=(200, 60, 40))
    d.polygon([(16, 58), (32, 44), (48, 58)], fill=(90, 40, 30))
    d.rectangle((28, 68, 35, 80), fill=(60, 40, 20))
    r = LCG(7)
    for y in range(h):
        for x in range(w):
            n = int((r.next() - 0.5) * 24)
            p = px[x, y]
            px[x, y] = tuple(max(0, min(255, c + n)) for c in p)
    im.save(OUT + 'photo128x96.jpg', quality=85)   # default 4:2:0 chroma subsampling, baseline


def alpha_png():
    """64x64 RGBA: radial alpha falloff, an opaque ring, a half-transparent bar, fully clear corners."""
    w = h = 64
    im = Image.new('RGBA', (w, h))
    px = im.load()
    for y in range(h):
        for x in range(w):
            dx, dy = x - 31.5, y - 31.5
            dist = math.hypot(dx, dy)
            a = max(0, min(255, int(255 * (1 - dist / 32))))
            px[x, y] = (255, int(4 * x), int(4 * y), a)
    d = ImageDraw.Draw(im)
    d.ellipse((14, 14, 49, 49), outline=(0, 0, 160, 255), width=4)
    d.rectangle((0, 28, 63, 35), fill=(0, 160, 0, 128))
    im.save(OUT + 'alpha64.png')


def palette_png():
    """32x32 palette (colour type 3) with 8 colours; index 0 is fully transparent via tRNS."""
    w = h = 32
    pal = [0, 0, 0, 230, 25, 75, 60, 180, 75, 255, 225, 25, 0, 130, 200, 245, 130, 48, 145, 30, 180, 255, 255, 255]
    im = Image.new('P', (w, h))
    im.putpalette(pal)
    px = im.load()
    for y in range(h):
        for x in range(w):
            px[x, y] = 0 if (x - 16) ** 2 + (y - 16) ** 2 > 15 ** 2 else 1 + ((x // 4 + y // 4) % 7)
    im.save(OUT + 'palette32.png', transparency=0)


def png16():
    """48x32 16-bit-per-channel RGBA PNG (colour type 6, depth 16), written by hand.
    Smooth 16-bit ramps: an 8-bit decoder must reduce each sample to 8 bits (x * 255 / 65535, rounded)."""
    w, h = 48, 32
    raw = bytearray()
    for y in range(h):
        raw.append(0)
        for x in range(w):
            r = int(65535 * x / (w - 1))
            g = int(65535 * y / (h - 1))
            b = 65535 - r
            a = 65535 if x < w // 2 else int(65535 * (0.25 + 0.75 * y / (h - 1)))
            raw += struct.pack('>HHHH', r, g, b, a)

    def chunk(t, data):
        return struct.pack('>I', len(data)) + t + data + struct.pack('>I', zlib.crc32(t + data) & 0xffffffff)
    png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 16, 6, 0, 0, 0)) + \
        chunk(b'IDAT', zlib.compress(bytes(raw), 9)) + chunk(b'IEND', b'')
    open(OUT + 'deep16.png', 'wb').write(png)


def gif():
    """40x40 single-frame GIF with a transparent background index and concentric squares."""
    w = h = 40
    im = Image.new('P', (w, h), 0)
    im.putpalette([255, 0, 255, 20, 20, 140, 250, 200, 0, 200, 30, 30, 255, 255, 255])
    d = ImageDraw.Draw(im)
    d.rectangle((4, 4, 35, 35), fill=1)
    d.rectangle((10, 10, 29, 29), fill=2)
    d.rectangle((16, 16, 23, 23), fill=3)
    d.line((4, 35, 35, 4), fill=4, width=3)
    im.save(OUT + 'squares40.gif', transparency=0)


def webps():
    """48x48 lossless WebP with alpha, and a 64x48 lossy WebP (no alpha)."""
    w = h = 48
    im = Image.new('RGBA', (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    for i in range(6):
        d.rectangle((i * 8, 0, i * 8 + 7, 47), fill=(40 * i, 255 - 40 * i, 120, 80 + 35 * i))
    d.ellipse((8, 8, 39, 39), fill=(255, 255, 255, 255))
    d.ellipse((16, 16, 31, 31), fill=(0, 0, 0, 0))
    im.save(OUT + 'lossless48.webp', lossless=True)
    w, h = 64, 48
    im = Image.new('RGB', (w, h))
    px = im.load()
    for y in range(h):
        for x in range(w):
            px[x, y] = (int(255 * x / (w - 1)), int(255 * y / (h - 1)), 160)
    d = ImageDraw.Draw(im)
    d.ellipse((20, 10, 44, 34), fill=(20, 20, 20))
    d.rectangle((4, 36, 60, 42), fill=(255, 255, 255))
    im.save(OUT + 'lossy64x48.webp', quality=80, method=6)


def bmp():
    """32x24 24-bit BMP (bottom-up rows, BI_RGB): colour bars with a diagonal."""
    w, h = 32, 24
    im = Image.new('RGB', (w, h))
    px = im.load()
    bars = [(255, 255, 255), (255, 255, 0), (0, 255, 255), (0, 255, 0), (255, 0, 255), (255, 0, 0), (0, 0, 255), (0, 0, 0)]
    for y in range(h):
        for x in range(w):
            px[x, y] = bars[x // 4] if y < 16 else (x * 8, x * 8, x * 8)
    for i in range(16):
        px[i * 2, i] = (255, 128, 0)
    im.save(OUT + 'bars32x24.bmp')


def exif6():
    """JPEG whose stored pixels are 64x40 (landscape) with EXIF Orientation=6: displays as 40x64,
    rotated 90 degrees clockwise. Stored pixels: red top band, blue left band, an arrow pointing right."""
    w, h = 64, 40
    im = Image.new('RGB', (w, h), (240, 240, 240))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, 63, 7), fill=(220, 30, 30))      # top band (stored)
    d.rectangle((0, 8, 9, 39), fill=(30, 60, 220))      # left band (stored)
    d.polygon([(18, 16), (44, 16), (44, 10), (58, 24), (44, 38), (44, 32), (18, 32)], fill=(20, 140, 40))
    ex = Image.Exif()
    ex[0x0112] = 6
    im.save(OUT + 'exif6.jpg', quality=92, subsampling=0, exif=ex.tobytes())


# --- ICC profiles (written by hand: Pillow can only make sRGB ones) -------

def _s15(v):
    return struct.pack('>i', int(round(v * 65536)))


def _matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]


def _inverse(m):
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    return [[(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
            [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
            [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det]]


def _rgb_to_xyz_d50(primaries, white):
    """RGB->XYZ matrix of the primaries (xy) and white (xy), Bradford-adapted to D50 (as ICC wants)."""
    def xyz(x, y):
        return [x / y, 1.0, (1 - x - y) / y]
    cols = [xyz(*p) for p in primaries]
    m = [[cols[j][i] for j in range(3)] for i in range(3)]
    w = xyz(*white)
    s = [sum(r[k] * w[k] for k in range(3)) for r in _inverse(m)]
    m = [[m[i][j] * s[j] for j in range(3)] for i in range(3)]
    bradford = [[0.8951, 0.2664, -0.1614], [-0.7502, 1.7135, 0.0367], [0.0389, -0.0685, 1.0296]]
    d50 = [0.9642, 1.0, 0.8249]
    src = [sum(bradford[i][k] * w[k] for k in range(3)) for i in range(3)]
    dst = [sum(bradford[i][k] * d50[k] for k in range(3)) for i in range(3)]
    scale = [[dst[i] / src[i] if i == j else 0.0 for j in range(3)] for i in range(3)]
    chad = _matmul(_inverse(bradford), _matmul(scale, bradford))
    return _matmul(chad, m), chad


def icc_profile(name, primaries, para):
    """An ICC v4 display profile: D50-adapted colorants, one parametric curve (`para` = function
    type and its parameters) for all three channels, chad, wtpt, desc and cprt."""
    m, chad = _rgb_to_xyz_d50(primaries, (0.3127, 0.3290))

    def mluc(text):
        u = text.encode('utf-16-be')
        return b'mluc' + bytes(4) + struct.pack('>II', 1, 12) + b'enUS' + struct.pack('>II', len(u), 28) + u

    def xyz(v):
        return b'XYZ ' + bytes(4) + b''.join(_s15(c) for c in v)

    kind, params = para
    curve = b'para' + bytes(4) + struct.pack('>HH', kind, 0) + b''.join(_s15(p) for p in params)
    tags = [
        (b'desc', mluc(name)),
        (b'cprt', mluc('No copyright, use freely')),
        (b'wtpt', xyz([0.9642, 1.0, 0.8249])),
        (b'chad', b'sf32' + bytes(4) + b''.join(_s15(c) for row in chad for c in row)),
        (b'rXYZ', xyz([m[0][0], m[1][0], m[2][0]])),
        (b'gXYZ', xyz([m[0][1], m[1][1], m[2][1]])),
        (b'bXYZ', xyz([m[0][2], m[1][2], m[2][2]])),
        (b'rTRC', curve), (b'gTRC', curve), (b'bTRC', curve),
    ]
    table, data = b'', b''
    offset = 128 + 4 + 12 * len(tags)
    for sig, body in tags:
        table += sig + struct.pack('>II', offset + len(data), len(body))
        data += body + bytes(-len(body) % 4)
    size = offset + len(data)
    header = (struct.pack('>I', size) + bytes(4) + struct.pack('>I', 0x04300000) + b'mntrRGB XYZ '
              + struct.pack('>6H', 2026, 1, 1, 0, 0, 0) + b'acsp' + bytes(24) + struct.pack('>I', 0)
              + _s15(0.9642) + _s15(1.0) + _s15(0.8249) + bytes(48))
    assert len(header) == 128
    return header + struct.pack('>I', len(tags)) + table + data


SRGB_CURVE = (3, [2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045])
DISPLAY_P3 = ((0.680, 0.320), (0.265, 0.690), (0.150, 0.060))
ADOBE_RGB = ((0.64, 0.33), (0.21, 0.71), (0.15, 0.06))


def swatches(alpha):
    """64x48: twelve 16x16 swatches (saturated, skin and sky tones, greys), then a grey ramp row."""
    colours = [(230, 40, 40), (40, 200, 60), (40, 70, 220), (250, 200, 30),
               (220, 160, 130), (120, 180, 230), (160, 60, 200), (30, 200, 200),
               (255, 255, 255), (190, 190, 190), (100, 100, 100), (20, 20, 20)]
    w, h = 64, 48
    im = Image.new('RGBA' if alpha else 'RGB', (w, h))
    px = im.load()
    for y in range(h):
        for x in range(w):
            c = colours[(y // 16) * 4 + x // 16]
            if y >= 40:
                c = (x * 4, x * 4, x * 4)
            px[x, y] = c + ((255 - (x // 16) * 60,) if alpha else ())
    return im


def icc_images():
    """A Display P3 PNG (RGBA, four alpha levels) and an Adobe RGB (1998) JPEG (4:4:4, q95) of the
    same swatches: Chromium converts both to sRGB before drawing."""
    p3 = icc_profile('Display P3 (mpcanvas test)', DISPLAY_P3, SRGB_CURVE)
    adobe = icc_profile('Adobe RGB 1998 (mpcanvas test)', ADOBE_RGB, (0, [563 / 256]))
    swatches(True).save(OUT + 'p3-swatches.png', icc_profile=p3)
    swatches(False).save(OUT + 'adobergb-swatches.jpg', quality=95, subsampling=0, icc_profile=adobe)


ALL = [photo, alpha_png, palette_png, png16, gif, webps, bmp, exif6, icc_images]

if __name__ == '__main__':
    # With names, only those fixtures are made: python3 make-assets.py icc_images
    import sys
    wanted = sys.argv[1:]
    for make in ALL:
        if not wanted or make.__name__ in wanted:
            make()
