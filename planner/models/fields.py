"""List-valued fields an editor ticks rather than types (months, weekdays, tags), and the
editors-only research notes."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

MONTH_CHOICES = [
    (1, _("Jan")), (2, _("Feb")), (3, _("Mar")), (4, _("Apr")), (5, _("May")), (6, _("Jun")),
    (7, _("Jul")), (8, _("Aug")), (9, _("Sep")), (10, _("Oct")), (11, _("Nov")), (12, _("Dec")),
]  # fmt: skip
WEEKDAY_CHOICES = [
    (0, _("Monday")), (1, _("Tuesday")), (2, _("Wednesday")), (3, _("Thursday")),
    (4, _("Friday")), (5, _("Saturday")), (6, _("Sunday")),
]  # fmt: skip
TAG_CHOICES = [
    ("great-wall", _("Great Wall")),
    ("mountain", _("mountain")),
    ("water", _("water")),
    ("lake", _("lake")),
    ("gorge", _("gorge")),
    ("waterfall", _("waterfall")),
    ("forest", _("forest")),
    ("temple", _("temple")),
    ("flowers", _("flowers")),
    ("autumn-leaves", _("autumn leaves")),
    ("ski", _("skiing")),
    ("camping", _("camping")),
    ("picking", _("fruit picking")),
    ("family", _("family")),
    ("adventure", _("adventure")),
    ("culture", _("culture")),
    ("museum", _("museum")),
    ("animals", _("animals")),
    ("film", _("film")),
]


class ChoiceListField(models.JSONField):
    """A JSON list whose items come from fixed choices; the admin shows one checkbox each."""

    def __init__(self, *args, item_choices=(), item_type=str, **kwargs):
        self.item_choices = list(item_choices)
        self.item_type = item_type
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        # Choices are code, not schema: keep migrations free of them.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.item_choices,
            coerce=self.item_type,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {choice for choice, _label in self.item_choices}
        if not isinstance(value, list) or any(item not in allowed for item in value):
            raise forms.ValidationError(_("Choose from the listed values."), code="invalid_choice")


def months_field(verbose_name, **kwargs):
    return ChoiceListField(verbose_name, item_choices=MONTH_CHOICES, item_type=int, **kwargs)


def weekdays_field(verbose_name, **kwargs):
    return ChoiceListField(verbose_name, item_choices=WEEKDAY_CHOICES, item_type=int, **kwargs)


def tags_field(verbose_name, **kwargs):
    return ChoiceListField(verbose_name, item_choices=TAG_CHOICES, item_type=str, **kwargs)


def research_notes_field():
    """Internal research notes: editors see them in the admin; they never reach a visitor."""
    return models.JSONField(
        _("research notes (editors only)"),
        default=list,
        blank=True,
        help_text=_("Never shown to visitors."),
    )
