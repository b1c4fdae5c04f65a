"""Reading images: format sniffing, metadata, thumbnails and the face check.

- ``formats.sniff_format(head)`` / ``sniff_file(path)``: the format from magic bytes.
- ``metadata.read_metadata(path) -> PhotoMetadata``: size, orientation, capture time, camera, press
  fields (EXIF via exifread; XMP, IPTC-IIM and PNG text parsed here), without decoding pixels.
- ``analyse.analyse_image(path, thumb_root, sha256)``: metadata + one reduced decode + both
  thumbnails (``thumbnails.thumbnail_path``) + faces (``faces.detect_faces`` / ``is_portrait``).

Import-light on purpose: OpenCV and pillow-heif are imported only when first needed.
"""
