"""photoarchive: the press office's photo archive.

Kept import-light on purpose: `photoarchive strip` must start fast, so nothing heavy
(Qt, SQLAlchemy, OpenCV) is imported here.
"""

__version__ = "0.1.0"
APP_NAME = "photoarchive"
