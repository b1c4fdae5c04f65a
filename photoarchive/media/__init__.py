"""Reading images: format sniffing, metadata (EXIF, XMP, IPTC, PNG text), thumbnails and face detection.

Import-light on purpose: OpenCV and pillow-heif are imported only when first needed.
Entry points: ``formats.sniff_format``, ``metadata.read_metadata``, ``analyse.analyse_image``.
"""
