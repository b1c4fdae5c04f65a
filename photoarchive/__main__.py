import sys

from photoarchive.cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # The packaged app: let `strip`'s worker processes start (Windows spawns them from this exe).
        import multiprocessing

        multiprocessing.freeze_support()
    raise SystemExit(main())
