"""The message catalogue: every key in both languages, with the same placeholders."""

import string

import pytest

from simulator import messages


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(messages.MESSAGES))
def test_both_languages_and_same_placeholders(key):
    zh, en = messages.MESSAGES[key]
    assert zh.strip() and en.strip()
    assert _fields(zh) == _fields(en)


def test_switching_language():
    messages.set_lang("en")
    assert messages.t("grade.excellent") == "excellent"
    messages.set_lang("zh")
    assert messages.t("grade.excellent") == "优秀"
