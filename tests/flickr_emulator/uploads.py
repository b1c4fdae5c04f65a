"""The upload and replace endpoints: multipart parsing, file-type sniffing, Flickr's upload errors."""

from __future__ import annotations

import hashlib
import re
import secrets

from .model import FREE_PHOTO_LIMIT, EmulatorState, Photo, User, now
from .responses import ApiError, Node
from .tags import MAX_TAGS_PER_PHOTO, parse_tag_string

DEFAULT_MAX_PHOTO_BYTES = 200 * 1024 * 1024  # Flickr's limit for photos


class MultipartError(ValueError):
    pass


def parse_multipart(body: bytes, content_type: str) -> tuple[dict[str, str], dict[str, tuple[str, bytes]]]:
    """Split a multipart/form-data body into text fields and files (name -> (filename, bytes))."""
    match = re.search(r'boundary="?([^";]+)"?', content_type)
    if not match:
        raise MultipartError("multipart body without boundary")
    delimiter = b"--" + match.group(1).encode("latin-1")
    fields: dict[str, str] = {}
    files: dict[str, tuple[str, bytes]] = {}
    chunks = body.split(delimiter)
    # chunks[0] is the preamble; the last one starts with "--" (the closing delimiter).
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            break
        if chunk.startswith(b"\r\n"):
            chunk = chunk[2:]
        head, sep, content = chunk.partition(b"\r\n\r\n")
        if not sep:
            raise MultipartError("multipart part without header terminator")
        if content.endswith(b"\r\n"):
            content = content[:-2]
        headers = head.decode("utf-8", "replace")
        disposition = next(
            (line for line in headers.split("\r\n") if line.lower().startswith("content-disposition:")), ""
        )
        name_match = re.search(r'\bname="([^"]*)"', disposition)
        if not name_match:
            continue
        name = name_match.group(1)
        filename_match = re.search(r'\bfilename="([^"]*)"', disposition)
        if filename_match is not None:
            files[name] = (filename_match.group(1), content)
        else:
            fields[name] = content.decode("utf-8", "replace")
    return fields, files


def sniff_filetype(data: bytes) -> str | None:
    """The image format Flickr would recognise, by magic bytes; None for anything else."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if (
        len(data) >= 12
        and data[4:8] == b"ftyp"
        and data[8:12] in (b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1")
    ):
        return "heic"
    return None


def _check_file(
    files: dict[str, tuple[str, bytes]], max_bytes: int, accepted: tuple[str, ...]
) -> tuple[bytes, str]:
    if "photo" not in files:
        raise ApiError(2, "No photo specified")
    data = files["photo"][1]
    if not data:
        raise ApiError(4, "Filesize was zero")
    if len(data) > max_bytes:
        raise ApiError(8, "Filesize was too large")
    filetype = sniff_filetype(data)
    if filetype is None or filetype not in accepted:
        raise ApiError(5, "Filetype was not recognised")
    return data, filetype


def _flag(value: str | None, default: int) -> int:
    if value is None or value.strip() == "":
        return default
    return 0 if value.strip() in ("0", "false") else 1


def _level(value: str | None, default: int, allowed: range) -> int:
    try:
        number = int(value) if value else default
    except ValueError:
        return default
    return number if number in allowed else default


def create_photo(
    state: EmulatorState, user: User, fields: dict[str, str], data: bytes, filetype: str
) -> Photo:
    """Store an uploaded photo with the upload API's optional fields applied."""
    photo_id = state.next_photo_id()
    stamp = now()
    photo = Photo(
        id=photo_id,
        owner=user.nsid,
        title=fields.get("title", ""),
        description=fields.get("description", ""),
        tags=[],
        # Without is_* the account default applies; the emulated account defaults to public.
        is_public=_flag(fields.get("is_public"), 1),
        is_friend=_flag(fields.get("is_friend"), 0),
        is_family=_flag(fields.get("is_family"), 0),
        data=data,
        filetype=filetype,
        upload_seq=state.next_upload_seq(),
        date_uploaded=stamp,
        last_update=stamp,
        safety_level=_level(fields.get("safety_level"), 1, range(1, 4)),
        content_type=_level(fields.get("content_type"), 1, range(1, 4)),
        hidden=_level(fields.get("hidden"), 1, range(1, 3)),
        searchable_at=state.clock() + state.search_index_lag,
    )
    parsed = parse_tag_string(fields.get("tags", ""))[:MAX_TAGS_PER_PHOTO]
    photo.tags = [state.make_tag(p, photo_id, user.nsid) for p in parsed]
    state.photos[photo_id] = photo
    return photo


def handle_upload(
    state: EmulatorState,
    user: User,
    fields: dict[str, str],
    files: dict[str, tuple[str, bytes]],
    max_bytes: int,
    accepted: tuple[str, ...],
    tickets: dict[str, str],
) -> list[Node]:
    # Error codes as https://www.flickr.com/services/api/upload.api.html lists them.
    data, filetype = _check_file(files, min(max_bytes, user.max_file_bytes), accepted)
    if not user.pro and state.photo_count(user.nsid) >= FREE_PHOTO_LIMIT:
        raise ApiError(6, "Upload limit reached. For more info, visit flickr.com/pro")
    if fields.get("dedup_check") in ("1", "2"):
        # 9 "Duplicate photo/video detected", with duplicate_photo_id. The page does not say how Flickr
        # matches; the emulator matches identical bytes only.
        digest = hashlib.sha256(data).hexdigest()
        for other in state.photos_in_upload_order(user.nsid):
            if other.sha256 == digest:
                raise ApiError(
                    9,
                    "Duplicate photo/video detected",
                    {"duplicate_photo_id": other.id, "duplicate_photo_status": "1"},
                )
    photo = create_photo(state, user, fields, data, filetype)
    if _flag(fields.get("async"), 0):
        ticket_id = f"{len(tickets) + 1}-{photo.id}"
        tickets[ticket_id] = photo.id
        return [Node("ticketid", text=ticket_id)]
    return [Node("photoid", text=photo.id)]


def handle_replace(
    state: EmulatorState,
    user: User,
    fields: dict[str, str],
    files: dict[str, tuple[str, bytes]],
    max_bytes: int,
    accepted: tuple[str, ...],
    tickets: dict[str, str],
) -> list[Node]:
    # https://www.flickr.com/services/api/replace.api.html: error 1 is "Not a pro account".
    if not user.pro:
        raise ApiError(1, "Not a pro account")
    photo = state.photos.get(fields.get("photo_id", ""))
    if photo is None or photo.owner != user.nsid:
        # Not documented for replace; the REST methods answer a photo that is not there this way.
        raise ApiError(2, "Photo not found")
    data, filetype = _check_file(files, max_bytes, accepted)
    photo.data = data
    photo.filetype = filetype
    photo.secret = secrets.token_hex(5)
    photo.original_secret = secrets.token_hex(5)
    photo.replaced_count += 1
    photo.last_update = now()
    if _flag(fields.get("async"), 0):
        ticket_id = f"{len(tickets) + 1}-{photo.id}"
        tickets[ticket_id] = photo.id
        return [Node("ticketid", text=ticket_id)]
    return [Node("photoid", {"secret": photo.secret, "originalsecret": photo.original_secret}, text=photo.id)]
