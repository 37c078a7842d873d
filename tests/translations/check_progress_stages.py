#!/usr/bin/env python3
"""Fails when a job stage reported in the sources is not listed for translation.

analysis/ has no Qt, so its stage names (the literal of progress.report(fraction, "stage"), in
analysis/ and model/) cannot be marked where they are written; model/ProgressStages.cpp lists
them with QT_TRANSLATE_NOOP, and Translations.Complete checks that what is listed is
translated. This check closes the gap between the two: every literal stage must be listed.

usage: check_progress_stages.py SOURCE_DIR
"""
import re
import sys
from pathlib import Path

REPORT = re.compile(r'\breport\(([^;]*?),\s*"((?:[^"\\]|\\.)+)"\s*\)', re.S)
LISTED = re.compile(r'QT_TRANSLATE_NOOP\("synthscope::analysis::Progress",\s*"((?:[^"\\]|\\.)+)"\)')


def main() -> int:
    root = Path(sys.argv[1])
    listed = set(LISTED.findall((root / "model" / "ProgressStages.cpp").read_text()))
    missing = []
    for folder in ("analysis", "model"):
        for path in sorted((root / folder).glob("*.[ch]*")):
            if path.name == "ProgressStages.cpp":
                continue
            for match in REPORT.finditer(path.read_text()):
                if match.group(2) not in listed:
                    line = path.read_text()[: match.start()].count("\n") + 1
                    missing.append(f"{path.relative_to(root)}:{line}: stage {match.group(2)!r}")
    if not listed:
        print("model/ProgressStages.cpp lists no stage")
        return 1
    for m in missing:
        print(m)
    if missing:
        print(f"{len(missing)} stage(s) not in model/ProgressStages.cpp: add them there, run the "
              "update_translations target and translate them")
        return 1
    print(f"{len(listed)} stages listed; every reported stage among them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
