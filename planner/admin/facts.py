"""Inline rows for a record's sources, opening periods and highlights: text cleaned like the
record's own, and changed hours need the record's fresh verification date."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from planner.models import Highlight, OpeningPeriod, Source

from .forms import RECHECK_MESSAGE, CleanTextModelForm


class PeriodsFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        verified = getattr(self.instance, "_verification_updated", False)
        if self.instance.pk and self.has_changed() and not verified:
            raise ValidationError(RECHECK_MESSAGE)


class SourcesFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if getattr(self.instance, "is_published", False) and not kept:
            raise ValidationError(_("A published record needs at least one source."))


# Sources and highlights have one foreign key per kind of owner, so each inline finds the one
# that points at its page's model by itself.
class SourceInline(admin.TabularInline):
    model = Source
    form = CleanTextModelForm
    formset = SourcesFormSet
    extra = 0
    fields = ["position", "title", "url", "as_of", "supports", "editor_ref"]


class OpeningPeriodInline(admin.TabularInline):
    model = OpeningPeriod
    form = CleanTextModelForm
    formset = PeriodsFormSet
    extra = 0
    fields = ["position", "start_month", "start_day", "end_month", "end_day", "opens", "closes",
              "last_entry", "closed", "reason", "ticket_cny", "note_zh", "note_en"]  # fmt: skip


class HighlightInline(admin.StackedInline):
    model = Highlight
    form = CleanTextModelForm
    extra = 0
    fields = ["position", "months", ("text_zh", "text_en"),
              ("source_title", "source_url", "source_as_of")]  # fmt: skip
