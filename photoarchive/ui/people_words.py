"""Consent and case words in the user's language (shared by the people page and the set notices)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "PeopleWords"

STATUS = {
    "given": QT_TRANSLATE_NOOP("PeopleWords", "given"),
    "pending": QT_TRANSLATE_NOOP("PeopleWords", "pending"),
    "withdrawn": QT_TRANSLATE_NOOP("PeopleWords", "withdrawn"),
    "not_needed": QT_TRANSLATE_NOOP("PeopleWords", "not needed"),
    "none": QT_TRANSLATE_NOOP("PeopleWords", "none recorded"),
}

USES = {
    "internal": QT_TRANSLATE_NOOP("PeopleWords", "internal"),
    "flickr": QT_TRANSLATE_NOOP("PeopleWords", "Flickr"),
    "press": QT_TRANSLATE_NOOP("PeopleWords", "press"),
}

# people.rules.ConsentProblem values: why a consent does not allow a use.
PROBLEMS = {
    "no_consent": QT_TRANSLATE_NOOP("PeopleWords", "no consent is recorded"),
    "pending": QT_TRANSLATE_NOOP("PeopleWords", "consent was asked for and is still pending"),
    "withdrawn": QT_TRANSLATE_NOOP("PeopleWords", "consent was withdrawn"),
    "expired": QT_TRANSLATE_NOOP("PeopleWords", "consent expired on {expires}"),
    "use_not_given": QT_TRANSLATE_NOOP("PeopleWords", "consent was given, but not for {use}"),
}

CASE_STATE = {
    "open": QT_TRANSLATE_NOOP("PeopleWords", "open"),
    "closed": QT_TRANSLATE_NOOP("PeopleWords", "closed"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def word(table: dict[str, str], key: str) -> str:
    return tr(table[key]) if key in table else key


def problem_in_words(problem: str, values: dict[str, str]) -> str:
    """Why a consent does not allow a use, in the user's language."""
    text = word(PROBLEMS, problem)
    use = values.get("use", "")
    return text.replace("{expires}", values.get("expires", "")).replace("{use}", word(USES, use))


_WHAT = {
    "change consent": QT_TRANSLATE_NOOP("PeopleWords", "change consent"),
    "close a case": QT_TRANSLATE_NOOP("PeopleWords", "close a case"),
    "reopen a case": QT_TRANSLATE_NOOP("PeopleWords", "reopen a case"),
    "schedule a case's take-down": QT_TRANSLATE_NOOP("PeopleWords", "schedule a case's take-down"),
    "decide on a case photo's retention": QT_TRANSLATE_NOOP(
        "PeopleWords", "decide on a case photo's retention"
    ),
}
_NOT_AN_EDITOR = QT_TRANSLATE_NOOP("PeopleWords", "Only editors ({editors}) may {what}; you are {user}.")
_NO_USES = QT_TRANSLATE_NOOP("PeopleWords", "Say what the consent is for (internal, Flickr, press).")
_NO_REASON = QT_TRANSLATE_NOOP("PeopleWords", "Say why these photos are kept past their retention time.")


def error_in_words(code: str, params: dict[str, str], english: str) -> str:
    """A people/cases error (code + parameters) in the user's language; the core's English otherwise."""
    if code == "people.not_an_editor":
        values = {**params, "what": word(_WHAT, params.get("what", ""))}
        text = tr(_NOT_AN_EDITOR)
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return text
    if code == "people.consent_invalid" and params.get("why") == "no_uses":
        return tr(_NO_USES)
    if code == "cases.refused" and params.get("why") == "no_reason":
        return tr(_NO_REASON)
    return english
