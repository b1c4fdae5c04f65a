"""Reading images: format sniffing, metadata, thumbnails and the face check.

- ``formats.sniff_format(head)`` / ``sniff_file(path)``: the format from magic bytes.
- ``metadata.read_metadata(path) -> PhotoMetadata``: size, orientation, capture time, camera, press
  fields, without decoding pixels. EXIF/TIFF, XMP, IPTC-IIM and PNG chunks are read with the privacy
  scan's parsers (``photoarchive.privacy``): one reader per format for the catalog, ``inspect`` and strip.
- ``analyse.analyse_image(path, thumb_root, sha256)``: metadata + one reduced decode + thumbnails
  (``thumbnails.thumbnail_path``) + faces (``faces.detect_faces`` / ``is_portrait``);
  ``analyse.ensure_preview`` makes the 1600-px preview on first view when ingest did not.
- ``press_text.PressText``: the six press fields IPTC-IIM, XMP and published copies share.
- ``dates``: the one parser of capture dates (EXIF, XMP, IPTC text): the camera's wall-clock time, with
  its UTC offset where the file gives one; ``stages.StageTimes``: wall and CPU seconds per ingest stage.

Import-light on purpose: OpenCV and pillow-heif are imported only when first needed.
"""
