#!/usr/bin/env python3
"""Fails when a committed .ts file is out of date or unfinished.

Runs lupdate (the same options as the update_translations target) on copies of
translations/*.ts and reports every message that is new (a string marked in the sources but
missing from the committed file), unfinished, or has an empty translation. Exit 0 when none.

usage: check_translations.py LUPDATE LST_FILE TS_DIR
  LST_FILE  lupdate's list file: -I<include dir> lines and one source file per line
"""
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

# Per .ts file: the lupdate options of translations/CMakeLists.txt.
OPTIONS = {
    "synthscope_en.ts": ["-pluralonly", "-target-language", "en"],
    "synthscope_zh_CN.ts": ["-target-language", "zh_CN"],
}
COMMON = ["-no-obsolete", "-locations", "none", "-source-language", "en"]


def problems(ts: Path) -> list[str]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            tr = message.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            text = (tr.text or "") if tr is not None else ""
            if tr is None or tr.get("type") == "unfinished":
                out.append(f"unfinished [{name}] {source!r}")
            elif message.get("numerus") == "yes" and (not forms or not all(f.strip() for f in forms)):
                out.append(f"empty plural form [{name}] {source!r}")
            elif message.get("numerus") != "yes" and not text.strip() and source.strip():
                out.append(f"empty translation [{name}] {source!r}")
    return out


def main() -> int:
    lupdate, lst, ts_dir = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name, options in OPTIONS.items():
            copy = Path(tmp) / name
            shutil.copy(ts_dir / name, copy)
            run = subprocess.run([lupdate, "@" + lst, *COMMON, *options, "-ts", str(copy)],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{name}: lupdate failed:\n{run.stdout}{run.stderr}")
                failed = True
                continue
            found = problems(copy)
            if found:
                failed = True
                print(f"{name}: {len(found)} string(s) to translate "
                      f"(cmake --build <dir> --target update_translations, then Qt Linguist):")
                for p in found[:40]:
                    print("  " + p)
            else:
                print(f"{name}: complete")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
