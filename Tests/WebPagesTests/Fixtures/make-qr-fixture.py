#!/usr/bin/env python3
"""Writes qr-reference.json: QR symbols, block capacities and alignment positions from segno.

Run once after `python3 -m pip install segno`; the Swift tests only read the JSON it writes.
Byte mode and UTF-8 are forced and the correction level is not raised, because
QRCode(encoding:correction:) encodes every text as UTF-8 bytes at the level it is given.

segno 1.6.6 appends a whole zero byte when the data already ends on a byte boundary, where
ISO/IEC 18004 §7.4.10 starts the 0xEC 0x11 pad codewords (heuer/segno issues #123 and #148; some
decoders reject the result). Byte-mode data always ends on a boundary, so that one function is
replaced by the correction proposed in #148 before any symbol is made.
"""
import json
import os

import segno
from segno import consts, encoder


def _write_padding_bits(buff, version, length):
    if version not in (consts.VERSION_M1, consts.VERSION_M3):
        buff.extend([0] * (-length % 8))


encoder.write_padding_bits = _write_padding_bits

LEVELS = {"L": consts.ERROR_LEVEL_L, "M": consts.ERROR_LEVEL_M,
          "Q": consts.ERROR_LEVEL_Q, "H": consts.ERROR_LEVEL_H}

TOTP = ("otpauth://totp/Wayfinder:someone%40example.com"
        "?secret=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGH&issuer=Wayfinder")
LONG_TOTP = ("otpauth://totp/Wayfinder%20Careers:firstname.middlename.lastname%40a-rather-long-domain.example.com"
             "?secret=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRSTUVWX"
             "&issuer=Wayfinder%20Careers&algorithm=SHA1&digits=6&period=30&image=https%3A%2F%2Fwayfinder.example%2Flogo.png")
# Deterministic filler for the large versions: varied enough that every mask scores differently.
PROSE = " ".join(f"job-{n * 7919 % 10007}:{chr(65 + n % 26)}{n * n % 97}" for n in range(400))

CASES = [
    ("", "M"),
    ("HELLO WORLD", "M"),
    ("https://wayfinder.example/jobs?q=swift", "L"),
    (TOTP, "L"),
    (TOTP, "M"),
    (TOTP, "Q"),
    (TOTP, "H"),
    (LONG_TOTP, "M"),
    ("Café für Jürgen — 東京 ✓", "Q"),
    (PROSE[:640], "Q"),   # a version in the 20s, with 4 remainder bits
    (PROSE[:1270], "H"),  # the largest version, 40
]


def symbol(text, level):
    code = segno.make(text, error=level, mode="byte", encoding="utf-8", micro=False, boost_error=False)
    rows = ["".join("1" if module else "0" for module in row) for row in code.matrix]
    return {"text": text, "correction": level, "version": code.version, "mask": code.mask, "rows": rows}


def main():
    capacities = {name: [sum(block.num_blocks * block.num_data for block in consts.ECC[version][level])
                         for version in range(1, 41)]
                  for name, level in LEVELS.items()}
    fixture = {
        "generator": f"segno {segno.__version__}, padding as in heuer/segno#148",
        "dataCodewords": capacities,
        "alignmentCenters": [[]] + [list(positions) for positions in consts.ALIGNMENT_POS],
        "symbols": [symbol(text, level) for text, level in CASES],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "qr-reference.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(fixture, out, ensure_ascii=False, indent=1)
        out.write("\n")
    for case in fixture["symbols"]:
        print(len(case["text"].encode()), case["correction"], "version", case["version"], "mask", case["mask"])


if __name__ == "__main__":
    main()
