"""The REST methods of the emulated Flickr, with the arguments, responses and error codes Flickr documents.

Each method is registered with the permission it needs (``none``/``read``/``write``/``delete``); the
server checks the token's permission before calling it and answers 99 when it is too low.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import LICENSES, PERM_LEVELS, UNSETTABLE_LICENSES, EmulatorState, Photo, Photoset, User, now
from .responses import ApiError, Node
from .tags import MAX_TAGS_PER_PHOTO, parse_machine_tag_query, parse_tag, parse_tag_string


@dataclass
class Call:
    """One authenticated (or anonymous) REST call as a method sees it."""

    params: dict[str, str]
    user: User | None
    perms: str  # "none" when the call carries no token
    token: str | None
    state: EmulatorState

    def arg(self, name: str, default: str | None = None) -> str | None:
        value = self.params.get(name)
        return default if value is None or value == "" else value

    def require(self, name: str, code: int, message: str) -> str:
        value = self.arg(name)
        if value is None:
            raise ApiError(code, message)
        return value


Handler = Callable[[Call], list[Node]]


@dataclass(frozen=True)
class Method:
    name: str
    handler: Handler
    perms: str
    # Top-level response tags always rendered as JSON arrays (getAllContexts' set/pool).
    json_list_tags: tuple[str, ...] = ()


METHODS: dict[str, Method] = {}


def method(name: str, perms: str = "none", json_list_tags: tuple[str, ...] = ()):
    def register(fn: Handler) -> Handler:
        METHODS[name] = Method(name, fn, perms, json_list_tags)
        return fn

    return register


def perms_allow(granted: str, needed: str) -> bool:
    return PERM_LEVELS[granted] >= PERM_LEVELS[needed]


# --- helpers ---------------------------------------------------------------------------------------


def _int_arg(
    call: Call, name: str, default: int, minimum: int | None = None, maximum: int | None = None
) -> int:
    raw = call.arg(name)
    try:
        value = int(raw) if raw is not None else default
    except ValueError:
        value = default
    if minimum is not None and value < minimum:
        value = default if value <= 0 else minimum
    if maximum is not None and value > maximum:
        value = maximum
    return value


def _flag(value: str | None, default: int = 0) -> int:
    if value is None or value == "":
        return default
    return 1 if value.strip() not in ("0", "false", "") else 0


def _own_photo(call: Call, photo_id: str | None, code: int = 1, message: str = "Photo not found") -> Photo:
    photo = call.state.photos.get(photo_id or "")
    if photo is None or call.user is None or photo.owner != call.user.nsid:
        raise ApiError(code, message)
    return photo


def _visible_photo(call: Call, photo_id: str | None) -> Photo:
    photo = call.state.photos.get(photo_id or "")
    if photo is None or not _can_see(call, photo):
        raise ApiError(1, "Photo not found")
    return photo


def _can_see(call: Call, photo: Photo) -> bool:
    if photo.is_public:
        return True
    return call.user is not None and call.user.nsid == photo.owner and perms_allow(call.perms, "read")


def _own_photoset(call: Call, photoset_id: str | None) -> Photoset:
    photoset = call.state.photosets.get(photoset_id or "")
    if photoset is None or call.user is None or photoset.owner != call.user.nsid:
        raise ApiError(1, "Photoset not found")
    return photoset


def _any_photoset(call: Call, photoset_id: str | None) -> Photoset:
    photoset = call.state.photosets.get(photoset_id or "")
    if photoset is None:
        raise ApiError(1, "Photoset not found")
    return photoset


def _id_list(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _touch(photo: Photo) -> None:
    photo.last_update = now()


def _user_by_arg(call: Call, user_id: str | None, unknown_code: int) -> User | None:
    """Resolve ``user_id`` (an NSID or ``me``); None when the argument is absent."""
    if user_id is None:
        return None
    if user_id == "me":
        if call.user is None:
            raise ApiError(unknown_code, "Unknown user")
        return call.user
    user = call.state.users.get(user_id)
    if user is None:
        raise ApiError(unknown_code, "Unknown user")
    return user


def _photo_summary(
    call: Call, photo: Photo, extras: set[str], extra_attrs: dict[str, str | int] | None = None
) -> Node:
    attrs: dict[str, str | int] = {
        "id": photo.id,
        "owner": photo.owner,
        "secret": photo.secret,
        "server": photo.server,
        "farm": photo.farm,
        "title": photo.title,
        "ispublic": photo.is_public,
        "isfriend": photo.is_friend,
        "isfamily": photo.is_family,
    }
    if extra_attrs:
        attrs.update(extra_attrs)
    node = Node("photo", attrs)
    owner = call.state.users.get(photo.owner)
    if "license" in extras:
        attrs["license"] = str(photo.license)
    if "date_upload" in extras:
        attrs["dateupload"] = str(photo.date_uploaded)
    if "last_update" in extras:
        attrs["lastupdate"] = str(photo.last_update)
    if "owner_name" in extras:
        attrs["ownername"] = owner.username if owner else ""
    if "original_format" in extras:
        attrs["originalsecret"] = photo.original_secret
        attrs["originalformat"] = photo.filetype
    if "tags" in extras:
        attrs["tags"] = " ".join(t.clean for t in photo.tags if not t.machine)
    if "machine_tags" in extras:
        attrs["machine_tags"] = " ".join(t.clean for t in photo.tags if t.machine)
    if "media" in extras:
        attrs["media"] = "photo"
        attrs["media_status"] = "ready"
    if "url_o" in extras:
        attrs["url_o"] = _photo_url(photo, original=True)
    if "description" in extras:
        node.add(Node("description", text=photo.description))
    return node


def _photo_url(photo: Photo, original: bool = False) -> str:
    if original:
        return f"https://live.staticflickr.com/{photo.server}/{photo.id}_{photo.original_secret}_o.{photo.filetype}"
    return f"https://live.staticflickr.com/{photo.server}/{photo.id}_{photo.secret}.jpg"


def _extras(call: Call) -> set[str]:
    return {part.strip() for part in (call.arg("extras") or "").split(",") if part.strip()}


def _paged(items: list, page: int, per_page: int) -> tuple[list, int, int]:
    total = len(items)
    pages = max(1, -(-total // per_page)) if total else 0
    start = (page - 1) * per_page
    return items[start : start + per_page], pages, total


# --- test / auth -----------------------------------------------------------------------------------


@method("flickr.test.echo")
def test_echo(call: Call) -> list[Node]:
    echoed = [Node("method", text="flickr.test.echo")]
    return echoed + [
        Node(key, text=value) for key, value in call.params.items() if key not in ("format", "nojsoncallback")
    ]


@method("flickr.test.login", perms="read")
def test_login(call: Call) -> list[Node]:
    assert call.user is not None
    user = Node("user", {"id": call.user.nsid, "path_alias": ""})
    user.add(Node("username", text=call.user.username))
    return [user]


@method("flickr.test.null", perms="read")
def test_null(call: Call) -> list[Node]:
    return []


@method("flickr.auth.oauth.checkToken")
def auth_oauth_check_token(call: Call) -> list[Node]:
    token_value = call.require("oauth_token", 98, "Invalid token")
    token = call.state.access_tokens.get(token_value)
    if token is None or token.revoked:
        raise ApiError(98, "Invalid token")
    user = call.state.users[token.user_nsid]
    oauth = Node("oauth")
    oauth.add(Node("token", text=token.token))
    oauth.add(Node("perms", text=token.perms))
    oauth.add(Node("user", {"nsid": user.nsid, "username": user.username, "fullname": user.fullname}))
    return [oauth]


# --- photos ----------------------------------------------------------------------------------------

_SEARCH_CRITERIA = (
    "user_id",
    "tags",
    "machine_tags",
    "text",
    "min_upload_date",
    "max_upload_date",
    "group_id",
    "privacy_filter",
)


def _search(call: Call, owner: User | None, require_criteria: bool) -> list[Node]:
    if require_criteria and not any(call.arg(name) for name in _SEARCH_CRITERIA):
        raise ApiError(
            3, "Parameterless searches have been disabled. Please use flickr.photos.getRecent instead."
        )
    clock = call.state.clock()
    photos = [p for p in call.state.photos.values() if _can_see(call, p) and p.searchable_at <= clock]
    if owner is not None:
        photos = [p for p in photos if p.owner == owner.nsid]
    # hidden=2 keeps a photo out of public searches; its owner still finds it.
    photos = [p for p in photos if p.hidden != 2 or (call.user is not None and call.user.nsid == p.owner)]

    tag_terms = [c for c in (parse_tag(t) for t in _id_list(call.arg("tags"))) if c is not None]
    if tag_terms:
        if len(tag_terms) > 20 and call.arg("tag_mode") == "all":
            raise ApiError(1, "Too many tags in ALL query")
        wanted = [t.clean for t in tag_terms]
        mode_all = (call.arg("tag_mode") or "any").lower() == "all"
        photos = [p for p in photos if (all if mode_all else any)(w in p.clean_tags for w in wanted)]

    machine_arg = call.arg("machine_tags")
    if machine_arg:
        terms = _id_list(machine_arg)
        if len(terms) > 16:
            raise ApiError(12, "Exceeded maximum allowable machine tags")
        queries = [q for q in (parse_machine_tag_query(t) for t in terms) if q is not None]
        if not queries:
            raise ApiError(11, "No valid machine tags")
        mode_all = (call.arg("machine_tag_mode") or "any").lower() == "all"

        def matches(photo: Photo) -> bool:
            machine_tags = [t.parts for t in photo.tags if t.parts is not None]
            hits = [any(q.matches(mt) for mt in machine_tags) for q in queries]
            return all(hits) if mode_all else any(hits)

        photos = [p for p in photos if matches(p)]

    text = call.arg("text")
    if text:
        needle = text.lower()
        photos = [
            p
            for p in photos
            if needle in p.title.lower()
            or needle in p.description.lower()
            or needle in " ".join(p.clean_tags)
        ]

    min_upload = call.arg("min_upload_date")
    if min_upload and min_upload.isdigit():
        photos = [p for p in photos if p.date_uploaded >= int(min_upload)]
    max_upload = call.arg("max_upload_date")
    if max_upload and max_upload.isdigit():
        photos = [p for p in photos if p.date_uploaded <= int(max_upload)]

    privacy = call.arg("privacy_filter")
    if privacy:
        wanted_perms = {"1": (1, 0, 0), "2": (0, 1, 0), "3": (0, 0, 1), "4": (0, 1, 1), "5": (0, 0, 0)}.get(
            privacy
        )
        if wanted_perms:
            photos = [p for p in photos if (p.is_public, p.is_friend, p.is_family) == wanted_perms]

    sort = (call.arg("sort") or "date-posted-desc").lower()
    reverse = not sort.endswith("-asc")
    photos.sort(key=lambda p: p.upload_seq, reverse=reverse)

    per_page = _int_arg(call, "per_page", 100, 1, 500)
    page = _int_arg(call, "page", 1, 1)
    items, pages, total = _paged(photos, page, per_page)
    extras = _extras(call)
    node = Node(
        "photos",
        {"page": page, "pages": pages, "perpage": per_page, "total": total},
        list_children=("photo",),
    )
    for photo in items:
        node.add(_photo_summary(call, photo, extras))
    return [node]


@method("flickr.photos.search")
def photos_search(call: Call) -> list[Node]:
    owner = _user_by_arg(call, call.arg("user_id"), 2)
    return _search(call, owner, require_criteria=True)


@method("flickr.people.getPhotos", perms="none")
def people_get_photos(call: Call) -> list[Node]:
    owner = _user_by_arg(call, call.require("user_id", 2, "Unknown user"), 2)
    return _search(call, owner, require_criteria=False)


@method("flickr.photos.getInfo")
def photos_get_info(call: Call) -> list[Node]:
    photo = _visible_photo(call, call.arg("photo_id"))
    owner = call.state.users.get(photo.owner)
    node = Node(
        "photo",
        {
            "id": photo.id,
            "secret": photo.secret,
            "server": photo.server,
            "farm": photo.farm,
            "dateuploaded": str(photo.date_uploaded),
            "isfavorite": 0,
            "license": str(photo.license),
            "safety_level": str(photo.safety_level - 1 if photo.safety_level > 0 else 0),
            "rotation": 0,
            "originalsecret": photo.original_secret,
            "originalformat": photo.filetype,
            "views": "0",
            "media": "photo",
        },
    )
    node.add(
        Node(
            "owner",
            {
                "nsid": photo.owner,
                "username": owner.username if owner else "",
                "realname": owner.fullname if owner else "",
                "location": "",
                "iconserver": "0",
                "iconfarm": 0,
                "path_alias": "",
            },
        )
    )
    node.add(Node("title", text=photo.title))
    node.add(Node("description", text=photo.description))
    node.add(
        Node(
            "visibility",
            {"ispublic": photo.is_public, "isfriend": photo.is_friend, "isfamily": photo.is_family},
        )
    )
    node.add(
        Node(
            "dates",
            {
                "posted": str(photo.date_uploaded),
                "taken": "",
                "takengranularity": 0,
                "takenunknown": "1",
                "lastupdate": str(photo.last_update),
            },
        )
    )
    is_owner = call.user is not None and call.user.nsid == photo.owner
    if is_owner:
        node.add(Node("permissions", {"permcomment": photo.perm_comment, "permaddmeta": photo.perm_addmeta}))
    node.add(Node("editability", {"cancomment": int(is_owner), "canaddmeta": int(is_owner)}))
    node.add(Node("comments", text="0"))
    tags = node.add(Node("tags", list_children=("tag",)))
    for tag in photo.tags:
        author = call.state.users.get(tag.author)
        tags.add(
            Node(
                "tag",
                {
                    "id": tag.id,
                    "author": tag.author,
                    "authorname": author.username if author else "",
                    "raw": tag.raw,
                    "machine_tag": int(tag.machine),
                },
                text=tag.clean,
            )
        )
    urls = node.add(Node("urls", list_children=("url",)))
    urls.add(
        Node("url", {"type": "photopage"}, text=f"https://www.flickr.com/photos/{photo.owner}/{photo.id}/")
    )
    return [node]


@method("flickr.photos.setMeta", perms="write")
def photos_set_meta(call: Call) -> list[Node]:
    photo = _own_photo(call, call.arg("photo_id"))
    if "title" not in call.params and "description" not in call.params:
        raise ApiError(2, "At least one of title or description must be set")
    if "title" in call.params:
        photo.title = call.params["title"]
    if "description" in call.params:
        photo.description = call.params["description"]
    _touch(photo)
    return []


def _apply_tags(call: Call, photo: Photo, text: str, replace: bool) -> None:
    parsed = parse_tag_string(text)
    existing = [] if replace else list(photo.tags)
    known = {t.clean for t in existing}
    new = [p for p in parsed if p.clean not in known]
    if len(existing) + len(new) > MAX_TAGS_PER_PHOTO:
        raise ApiError(2, "Maximum number of tags reached")
    assert call.user is not None
    photo.tags = existing + [call.state.make_tag(p, photo.id, call.user.nsid) for p in new]
    _touch(photo)


@method("flickr.photos.setTags", perms="write")
def photos_set_tags(call: Call) -> list[Node]:
    photo = _own_photo(call, call.arg("photo_id"))
    _apply_tags(call, photo, call.params.get("tags", ""), replace=True)
    return []


@method("flickr.photos.addTags", perms="write")
def photos_add_tags(call: Call) -> list[Node]:
    photo = _own_photo(call, call.arg("photo_id"))
    _apply_tags(call, photo, call.params.get("tags", ""), replace=False)
    return []


@method("flickr.photos.removeTag", perms="write")
def photos_remove_tag(call: Call) -> list[Node]:
    tag_id = call.arg("tag_id")
    for photo in call.state.photos.values():
        for tag in photo.tags:
            if tag.id == tag_id and call.user is not None and call.user.nsid in (photo.owner, tag.author):
                photo.tags.remove(tag)
                _touch(photo)
                return []
    raise ApiError(1, "Tag not found")


@method("flickr.photos.setPerms", perms="write")
def photos_set_perms(call: Call) -> list[Node]:
    photo = _own_photo(call, call.arg("photo_id"))
    if any(call.arg(name) is None for name in ("is_public", "is_friend", "is_family")):
        raise ApiError(2, "Required arguments missing")
    photo.is_public = _flag(call.arg("is_public"))
    photo.is_friend = _flag(call.arg("is_friend"))
    photo.is_family = _flag(call.arg("is_family"))
    if call.arg("perm_comment") is not None:
        photo.perm_comment = _int_arg(call, "perm_comment", photo.perm_comment)
    if call.arg("perm_addmeta") is not None:
        photo.perm_addmeta = _int_arg(call, "perm_addmeta", photo.perm_addmeta)
    _touch(photo)
    return [Node("photoid", {"secret": photo.secret, "originalsecret": photo.original_secret}, text=photo.id)]


@method("flickr.photos.delete", perms="delete")
def photos_delete(call: Call) -> list[Node]:
    photo = _own_photo(call, call.arg("photo_id"))
    delete_photo(call.state, photo.id)
    return []


def delete_photo(state: EmulatorState, photo_id: str) -> None:
    """Delete a photo the way Flickr does: it leaves every album and pool; an emptied album is deleted."""
    state.photos.pop(photo_id, None)
    state.deleted_photo_ids.append(photo_id)
    for photoset in list(state.photosets.values()):
        if photo_id in photoset.photo_ids:
            _remove_from_set(state, photoset, photo_id)
    for group in state.groups.values():
        if photo_id in group.pool:
            group.pool.remove(photo_id)
        if photo_id in group.pending:
            group.pending.remove(photo_id)


@method("flickr.photos.licenses.getInfo")
def licenses_get_info(call: Call) -> list[Node]:
    node = Node("licenses", list_children=("license",))
    for license_id, (name, url) in LICENSES.items():
        node.add(Node("license", {"id": license_id, "name": name, "url": url}))
    return [node]


@method("flickr.photos.licenses.setLicense", perms="write")
def licenses_set_license(call: Call) -> list[Node]:
    photo = _own_photo(call, call.arg("photo_id"))
    license_arg = call.arg("license_id")
    if license_arg is None or not license_arg.isdigit() or int(license_arg) not in LICENSES:
        raise ApiError(2, "License not found")
    if int(license_arg) in UNSETTABLE_LICENSES:
        raise ApiError(4, "License not available")
    photo.license = int(license_arg)
    _touch(photo)
    return []


@method("flickr.photos.getAllContexts", json_list_tags=("set", "pool"))
def photos_get_all_contexts(call: Call) -> list[Node]:
    photo = _visible_photo(call, call.arg("photo_id"))
    nodes = []
    for photoset in call.state.photosets.values():
        if photo.id in photoset.photo_ids:
            nodes.append(
                Node(
                    "set",
                    {
                        "id": photoset.id,
                        "title": photoset.title,
                        "primary": photoset.primary,
                        "secret": photoset.secret,
                        "server": "65535",
                        "farm": 66,
                        "view_count": 0,
                        "comment_count": 0,
                        "count_photo": len(photoset.photo_ids),
                        "count_video": 0,
                    },
                )
            )
    for group in call.state.groups.values():
        if photo.id in group.pool:
            nodes.append(Node("pool", {"id": group.id, "title": group.name}))
    return nodes


# --- photosets -------------------------------------------------------------------------------------


def _photoset_node(call: Call, photoset: Photoset, tag: str = "photoset") -> Node:
    owner = call.state.users.get(photoset.owner)
    attrs: dict[str, str | int] = {
        "id": photoset.id,
        "owner": photoset.owner,
        "username": owner.username if owner else "",
        "primary": photoset.primary,
        "secret": photoset.secret,
        "server": "65535",
        "farm": 66,
        "photos": len(photoset.photo_ids),
        "videos": 0,
        "count_views": "0",
        "count_comments": "0",
        "count_photos": len(photoset.photo_ids),
        "count_videos": 0,
        "can_comment": 1,
        "date_create": str(photoset.date_create),
        "date_update": str(photoset.date_update),
    }
    node = Node(tag, attrs)
    node.add(Node("title", text=photoset.title))
    node.add(Node("description", text=photoset.description))
    return node


@method("flickr.photosets.create", perms="write")
def photosets_create(call: Call) -> list[Node]:
    title = call.arg("title")
    if title is None:
        raise ApiError(1, "No title specified")
    primary = _own_photo(call, call.arg("primary_photo_id"), 2, "Photo not found")
    assert call.user is not None
    photoset = Photoset(
        id=call.state.next_photoset_id(),
        owner=call.user.nsid,
        title=title,
        description=call.params.get("description", ""),
        primary=primary.id,
        photo_ids=[primary.id],
        date_create=now(),
        date_update=now(),
    )
    call.state.photosets[photoset.id] = photoset
    call.state.photoset_order.setdefault(call.user.nsid, []).insert(0, photoset.id)
    url = f"https://www.flickr.com/photos/{call.user.nsid}/sets/{photoset.id}/"
    return [Node("photoset", {"id": photoset.id, "url": url})]


@method("flickr.photosets.addPhoto", perms="write")
def photosets_add_photo(call: Call) -> list[Node]:
    photoset = _own_photoset(call, call.arg("photoset_id"))
    photo = _own_photo(call, call.arg("photo_id"), 2, "Photo not found")
    if photo.id in photoset.photo_ids:
        raise ApiError(3, "Photo already in set")
    photoset.photo_ids.append(photo.id)
    photoset.date_update = now()
    return []


def _remove_from_set(state: EmulatorState, photoset: Photoset, photo_id: str) -> None:
    photoset.photo_ids.remove(photo_id)
    photoset.date_update = now()
    if not photoset.photo_ids:
        # Flickr has no empty albums: removing the last photo deletes the album.
        _delete_photoset(state, photoset)
    elif photoset.primary == photo_id:
        photoset.primary = photoset.photo_ids[0]


def _delete_photoset(state: EmulatorState, photoset: Photoset) -> None:
    state.photosets.pop(photoset.id, None)
    order = state.photoset_order.get(photoset.owner, [])
    if photoset.id in order:
        order.remove(photoset.id)


@method("flickr.photosets.removePhoto", perms="write")
def photosets_remove_photo(call: Call) -> list[Node]:
    photoset = _own_photoset(call, call.arg("photoset_id"))
    photo = _own_photo(call, call.arg("photo_id"), 2, "Photo not found")
    if photo.id not in photoset.photo_ids:
        raise ApiError(3, "Photo not in set")
    _remove_from_set(call.state, photoset, photo.id)
    return []


@method("flickr.photosets.removePhotos", perms="write")
def photosets_remove_photos(call: Call) -> list[Node]:
    photoset = _own_photoset(call, call.arg("photoset_id"))
    ids = _id_list(call.arg("photo_ids"))
    if not ids:
        raise ApiError(2, "Photo not found")
    for photo_id in ids:
        _own_photo(call, photo_id, 2, "Photo not found")
        if photo_id not in photoset.photo_ids:
            raise ApiError(3, "Photo not in set")
    for photo_id in ids:
        if call.state.photosets.get(photoset.id) is photoset and photo_id in photoset.photo_ids:
            _remove_from_set(call.state, photoset, photo_id)
    return []


@method("flickr.photosets.reorderPhotos", perms="write")
def photosets_reorder_photos(call: Call) -> list[Node]:
    photoset = _own_photoset(call, call.arg("photoset_id"))
    ids = _id_list(call.arg("photo_ids"))
    for photo_id in ids:
        if photo_id not in photoset.photo_ids:
            raise ApiError(2, "Photo not found")
    # Listed photos come first in the given order; the others keep their relative order after them.
    listed = list(dict.fromkeys(ids))
    photoset.photo_ids = listed + [p for p in photoset.photo_ids if p not in listed]
    photoset.date_update = now()
    return []


@method("flickr.photosets.editPhotos", perms="write")
def photosets_edit_photos(call: Call) -> list[Node]:
    photoset = _own_photoset(call, call.arg("photoset_id"))
    ids = list(dict.fromkeys(_id_list(call.arg("photo_ids"))))
    primary_id = call.arg("primary_photo_id")
    if not ids:
        raise ApiError(5, "Empty photos list")
    _own_photo(call, primary_id, 3, "Primary photo not found")
    for photo_id in ids:
        _own_photo(call, photo_id, 2, "Photo not found")
    if primary_id not in ids:
        raise ApiError(4, "Primary photo not in list")
    photoset.photo_ids = ids
    photoset.primary = primary_id or ids[0]
    photoset.date_update = now()
    return []


@method("flickr.photosets.editMeta", perms="write")
def photosets_edit_meta(call: Call) -> list[Node]:
    photoset = _own_photoset(call, call.arg("photoset_id"))
    title = call.arg("title")
    if title is None:
        raise ApiError(2, "No title specified")
    photoset.title = title
    if "description" in call.params:
        photoset.description = call.params["description"]
    photoset.date_update = now()
    return []


@method("flickr.photosets.setPrimaryPhoto", perms="write")
def photosets_set_primary_photo(call: Call) -> list[Node]:
    photoset = _own_photoset(call, call.arg("photoset_id"))
    photo = _own_photo(call, call.arg("photo_id"), 2, "Photo not found")
    if photo.id not in photoset.photo_ids:
        raise ApiError(3, "Photo not in set")
    photoset.primary = photo.id
    photoset.date_update = now()
    return []


@method("flickr.photosets.delete", perms="write")
def photosets_delete(call: Call) -> list[Node]:
    photoset = _own_photoset(call, call.arg("photoset_id"))
    _delete_photoset(call.state, photoset)
    return []


@method("flickr.people.getUploadStatus", perms="read")
def people_get_upload_status(call: Call) -> list[Node]:
    """As https://www.flickr.com/services/api/flickr.people.getUploadStatus.html shows it."""
    assert call.user is not None
    user = call.user
    node = Node("user", {"id": user.nsid, "ispro": int(user.pro)})
    node.add(Node("username", text=user.username))
    node.add(
        Node(
            "bandwidth",
            {"maxbytes": 0, "maxkb": 0, "usedbytes": 0, "usedkb": 0, "remainingbytes": 0, "remainingkb": 0},
        )
    )
    node.add(Node("filesize", {"maxbytes": user.max_file_bytes, "maxkb": user.max_file_bytes // 1024}))
    node.add(
        Node("sets", {"created": len(call.state.photoset_order.get(user.nsid, [])), "remaining": "lots"})
    )
    node.add(Node("videos", {"uploaded": 0, "remaining": "lots" if user.pro else 2}))
    return [node]


@method("flickr.photosets.getList")
def photosets_get_list(call: Call) -> list[Node]:
    owner = _user_by_arg(call, call.arg("user_id"), 1) or call.user
    if owner is None:
        raise ApiError(1, "User not found")
    order = call.state.photoset_order.get(owner.nsid, [])
    sets = [call.state.photosets[i] for i in order if i in call.state.photosets]
    wanted_photos = _id_list(call.arg("photo_ids"))
    if wanted_photos:
        sets = [s for s in sets if any(p in s.photo_ids for p in wanted_photos)]
    # Without page/per_page Flickr returns every album on one page.
    paging = call.arg("page") is not None or call.arg("per_page") is not None
    per_page = _int_arg(call, "per_page", 500, 1, 500) if paging else max(1, len(sets))
    # The docs warn that returning every album on one page "may change": a cap shows who pages.
    if call.state.getlist_page_cap:
        per_page = min(per_page, call.state.getlist_page_cap)
    page = _int_arg(call, "page", 1, 1)
    items, pages, total = _paged(sets, page, per_page)
    node = Node(
        "photosets",
        {"page": page, "pages": pages, "perpage": per_page, "total": total, "cancreate": 1},
        list_children=("photoset",),
    )
    for photoset in items:
        node.add(_photoset_node(call, photoset))
    return [node]


@method("flickr.photosets.getInfo")
def photosets_get_info(call: Call) -> list[Node]:
    photoset = _any_photoset(call, call.arg("photoset_id"))
    return [_photoset_node(call, photoset)]


@method("flickr.photosets.getPhotos")
def photosets_get_photos(call: Call) -> list[Node]:
    photoset = _any_photoset(call, call.arg("photoset_id"))
    user_id = call.arg("user_id")
    if user_id is not None and user_id not in (photoset.owner, "me"):
        raise ApiError(1, "Photoset not found")
    photos = [call.state.photos[i] for i in photoset.photo_ids if i in call.state.photos]
    photos = [p for p in photos if _can_see(call, p)]
    per_page = _int_arg(call, "per_page", 500, 1, 500)
    page = _int_arg(call, "page", 1, 1)
    items, pages, total = _paged(photos, page, per_page)
    owner = call.state.users.get(photoset.owner)
    node = Node(
        "photoset",
        {
            "id": photoset.id,
            "primary": photoset.primary,
            "owner": photoset.owner,
            "ownername": owner.username if owner else "",
            "page": page,
            "per_page": per_page,
            "perpage": per_page,
            "pages": pages,
            "title": photoset.title,
            "total": total,
        },
        list_children=("photo",),
    )
    extras = _extras(call)
    for photo in items:
        summary = _photo_summary(call, photo, extras, {"isprimary": int(photo.id == photoset.primary)})
        summary.attrs.pop("owner", None)
        node.add(summary)
    return [node]


# --- groups ----------------------------------------------------------------------------------------


@method("flickr.groups.pools.add", perms="write")
def groups_pools_add(call: Call) -> list[Node]:
    photo = _own_photo(call, call.arg("photo_id"), 1, "Photo not found")
    group = call.state.groups.get(call.arg("group_id") or "")
    assert call.user is not None
    if group is None or (group.members is not None and call.user.nsid not in group.members):
        raise ApiError(2, "Group not found")
    if photo.id in group.pool:
        raise ApiError(3, "Photo already in pool")
    if group.moderated:
        if photo.id in group.pending:
            raise ApiError(7, "Your Photo has already been added to the Pending Queue for this Pool")
        group.pending.append(photo.id)
        raise ApiError(6, "Your Photo has been added to the Pending Queue for this Pool")
    group.pool.append(photo.id)
    return []


@method("flickr.groups.pools.remove", perms="write")
def groups_pools_remove(call: Call) -> list[Node]:
    group = call.state.groups.get(call.arg("group_id") or "")
    if group is None:
        raise ApiError(1, "Group not found")
    photo_id = call.arg("photo_id") or ""
    if photo_id not in group.pool:
        raise ApiError(2, "Photo not in pool")
    photo = call.state.photos.get(photo_id)
    if photo is None or call.user is None or photo.owner != call.user.nsid:
        raise ApiError(3, "Insufficient permission to remove photo")
    group.pool.remove(photo_id)
    return []


@method("flickr.groups.pools.getPhotos")
def groups_pools_get_photos(call: Call) -> list[Node]:
    group = call.state.groups.get(call.arg("group_id") or "")
    if group is None:
        raise ApiError(1, "Group not found")
    photos = [call.state.photos[i] for i in reversed(group.pool) if i in call.state.photos]
    photos = [p for p in photos if _can_see(call, p)]
    per_page = _int_arg(call, "per_page", 100, 1, 500)
    page = _int_arg(call, "page", 1, 1)
    items, pages, total = _paged(photos, page, per_page)
    node = Node(
        "photos",
        {"page": page, "pages": pages, "perpage": per_page, "total": total},
        list_children=("photo",),
    )
    extras = _extras(call)
    for photo in items:
        node.add(_photo_summary(call, photo, extras))
    return [node]


@method("flickr.photos.upload.checkTickets")
def photos_upload_check_tickets(call: Call) -> list[Node]:
    node = Node("uploader", list_children=("ticket",))
    for ticket_id in _id_list(call.arg("tickets")):
        photo_id = call.state.tickets.get(ticket_id)
        if photo_id is None:
            node.add(Node("ticket", {"id": ticket_id, "invalid": 1}))
        else:
            node.add(
                Node("ticket", {"id": ticket_id, "complete": 1, "photoid": photo_id, "imported": str(now())})
            )
    return [node]


@method("flickr.photos.getPerms", perms="read")
def photos_get_perms(call: Call) -> list[Node]:
    photo = _own_photo(call, call.arg("photo_id"))
    return [
        Node(
            "perms",
            {
                "id": photo.id,
                "ispublic": photo.is_public,
                "isfriend": photo.is_friend,
                "isfamily": photo.is_family,
                "permcomment": photo.perm_comment,
                "permaddmeta": photo.perm_addmeta,
            },
        )
    ]


@method("flickr.photosets.orderSets", perms="write")
def photosets_order_sets(call: Call) -> list[Node]:
    assert call.user is not None
    order = call.state.photoset_order.setdefault(call.user.nsid, [])
    ids = _id_list(call.arg("photoset_ids"))
    for photoset_id in ids:
        if photoset_id not in order:
            raise ApiError(1, "Set not found")
    listed = list(dict.fromkeys(ids))
    # Flickr: sets not in the list go to the end, ordered by their ids.
    order[:] = listed + sorted((i for i in order if i not in listed), key=int)
    return []


@method("flickr.reflection.getMethods")
def reflection_get_methods(call: Call) -> list[Node]:
    node = Node("methods", list_children=("method",))
    for name in sorted(METHODS):
        node.add(Node("method", text=name))
    return [node]
