#!/usr/bin/env python3
"""Regenerate Sources/SitegenKit/Resources/divisions.tsv, the gazetteer sitegen ships.

Source: adcodes.csv of the `cpca` package (MIT licence), itself the table of
administrative divisions of the National Bureau of Statistics of China (GB/T 2260).
Usage: python3 scripts/make-divisions.py [path/to/adcodes.csv]
(default: ../shared/bench/data/adcodes.csv; or unpack it from `pip download --no-deps cpca`).

Keeps province-, prefecture- and county-level divisions with six-digit codes, and drops
the table's placeholder rows (市辖区, 省直辖县级行政区划 …), which name no place.
"""
import csv
import os
import sys

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "shared", "bench", "data", "adcodes.csv")
TARGET = os.path.join(HERE, "..", "Sources", "SitegenKit", "Resources", "divisions.tsv")


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    rows = {}
    with open(source, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, name = row["adcode"][:6], row["name"].strip()
            if row["adcode"][6:].strip("0") or name in PLACEHOLDERS or not name:
                continue
            rows[code] = (name, row["longitude"] or "", row["latitude"] or "")
    with open(TARGET, "w", encoding="utf-8", newline="\n") as out:
        out.write("# China's administrative divisions: code, name, longitude, latitude.\n")
        out.write("# Data of the National Bureau of Statistics of China (GB/T 2260), as shipped in the\n")
        out.write("# adcodes.csv of the cpca package (MIT licence). Regenerate: python3 scripts/make-divisions.py\n")
        for code in sorted(rows):
            name, lon, lat = rows[code]
            out.write(f"{code}\t{name}\t{lon}\t{lat}\n")
    print(f"{len(rows)} divisions -> {os.path.relpath(TARGET)}", file=sys.stderr)


if __name__ == "__main__":
    main()
