"""Command line: `python -m standoff check-data [DATA_DIR]` and friends."""

from __future__ import annotations

import argparse
import sys

from . import labsettings, links, timelinejs
from .data import check, data_dir_in_use


def check_data(data_dir: str | None) -> int:
    """Print every problem in the data and return 1, or a one-line summary and return 0."""
    folder = data_dir_in_use(data_dir)
    problems, rows = check(folder)
    if problems:
        print(f"check-data: {len(problems)} problem(s) in {folder}:")
        for problem in problems:
            print(f"  - {problem}")
        print("Fix these rows (the row numbers count the header as row 1) and run check-data again.")
        return 1
    counts = ", ".join(f"{name} {len(r)}" for name, r in rows.items())
    print(f"check-data: OK — {counts}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m standoff", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check-data", help="validate the data folder")
    check_cmd.add_argument("data_dir", nargs="?", help="folder with the CSV files (default: data/)")
    commands.add_parser("install-lab-settings",
                        help="turn off JupyterLab's news and update checks in this environment")
    export = commands.add_parser("export-timelinejs", help="write the timeline as TimelineJS JSON")
    export.add_argument("out", nargs="?", default="timeline.json", help="file to write")
    hub = commands.add_parser("hub-link", help="print an nbgitpuller link for a JupyterHub")
    hub.add_argument("hub_url", help="the hub's address, e.g. https://hub.school.example")
    hub.add_argument("--notebook", default="00_start_here.ipynb")
    hub.add_argument("--branch", default="main")
    site = commands.add_parser("build-site", help="build the static reading edition")
    site.add_argument("out", nargs="?", default="site", help="folder to write (default: site)")
    slides = commands.add_parser("build-slides", help="build reveal.js slide decks of the lessons")
    slides.add_argument("out", nargs="?", default="slides", help="folder to write (default: slides)")
    args = parser.parse_args(argv)
    if args.command == "check-data":
        return check_data(args.data_dir)
    if args.command == "export-timelinejs":
        print(f"wrote {timelinejs.export(args.out)}")
    elif args.command == "build-site":
        from . import site as static_site  # nbconvert is only needed here

        print(f"wrote {static_site.build(args.out)}")
    elif args.command == "build-slides":
        from . import slides as decks

        for path in decks.build(args.out):
            print(f"wrote {path}")
    elif args.command == "hub-link":
        print(links.hub_link(args.hub_url, args.notebook, args.branch))
    else:
        for path in labsettings.install():
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
