"""Small wording rules every surface shares."""

from django.utils.translation import get_language


def listing(items) -> str:
    """Items as a list in the active language: 长城、水库 in Chinese; Wall, lake in English."""
    separator = "、" if (get_language() or "").startswith("zh") else ", "
    return separator.join(str(item) for item in items)
