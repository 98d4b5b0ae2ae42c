"""A public holiday's name in the visitor's language: the one mapping every surface uses.

The engine names holidays as its calendar packages do (`chinese-calendar`, or the `holidays`
package for years the first does not know yet), in English and not always alike
("Labour Day" / "Labor Day"); here each becomes one translated name.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

NEW_YEAR = gettext_noop("New Year's Day")
SPRING_FESTIVAL = gettext_noop("Spring Festival")
QINGMING = gettext_noop("Qingming Festival")
LABOUR_DAY = gettext_noop("Labour Day")
DRAGON_BOAT = gettext_noop("Dragon Boat Festival")
MID_AUTUMN = gettext_noop("Mid-Autumn Festival")
NATIONAL_DAY = gettext_noop("National Day")
VICTORY_DAY = gettext_noop("Victory Day")

# The packages' names (both spellings) → ours.
HOLIDAY_NAMES = {
    "New Year's Day": NEW_YEAR,
    "Spring Festival": SPRING_FESTIVAL,
    "Chinese New Year": SPRING_FESTIVAL,
    "Chinese New Year's Eve": SPRING_FESTIVAL,
    "Tomb-sweeping Day": QINGMING,
    "Tomb-Sweeping Day": QINGMING,
    "Labour Day": LABOUR_DAY,
    "Labor Day": LABOUR_DAY,
    "Dragon Boat Festival": DRAGON_BOAT,
    "Mid-autumn Festival": MID_AUTUMN,
    "Mid-Autumn Festival": MID_AUTUMN,
    "National Day": NATIONAL_DAY,
    "Anti-Fascist 70th Day": VICTORY_DAY,
}


def holiday_label(name: str) -> str:
    """ "National Day" → 国庆节 on a Chinese page; two holidays on one day ("Mid-Autumn
    Festival; National Day") are both named; a name we do not know is shown as given."""
    parts = [part.strip() for part in name.split(";") if part.strip()]
    return " / ".join(_(HOLIDAY_NAMES[part]) if part in HOLIDAY_NAMES else part for part in parts)
