"""The desktop app (PySide6). The only package that imports Qt; it drives the core, never SQL or HTTP."""
