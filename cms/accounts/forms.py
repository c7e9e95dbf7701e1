import re

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.municipalities.models import Municipality

from .models import User

# Arabic letters (base block, supplement, presentation forms), marks, spaces,
# hyphen, dot and apostrophe: what an Arabic personal name may contain.
ARABIC_NAME_RE = re.compile(r"^[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF\s.'\-]+$")
# Latin letters with accents, spaces, hyphen, dot and apostrophe.
LATIN_NAME_RE = re.compile(r"^[A-Za-z\u00C0-\u024F\s.'\-]+$")


def clean_name_ar(value: str) -> str:
    value = " ".join(value.split())
    if value and not ARABIC_NAME_RE.match(value):
        raise forms.ValidationError(_("Write this name in Arabic letters only."))
    return value


def clean_name_latin(value: str) -> str:
    value = " ".join(value.split())
    if value and not LATIN_NAME_RE.match(value):
        raise forms.ValidationError(_("Write this name in Latin letters only."))
    return value


class MunicipalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Municipality) -> str:
        return obj.label()


class NameFieldsMixin:
    def clean_name_ar(self):
        return clean_name_ar(self.cleaned_data.get("name_ar", ""))

    def clean_name_latin(self):
        return clean_name_latin(self.cleaned_data.get("name_latin", ""))


class SignupExtraForm(NameFieldsMixin, forms.Form):
    """Extra fields allauth adds to its sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    name_ar = forms.CharField(label=_("Full name in Arabic script"), max_length=150, required=False)
    name_latin = forms.CharField(
        label=_("Full name in Latin script"), max_length=150, required=False
    )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (cleaned.get("name_ar") or cleaned.get("name_latin")):
            raise forms.ValidationError(_("Give your full name in Arabic or in Latin script."))
        return cleaned

    def signup(self, request, user: User) -> None:
        user.name_ar = self.cleaned_data["name_ar"]
        user.name_latin = self.cleaned_data["name_latin"]
        language = get_language()
        if language in dict(User._meta.get_field("preferred_language").choices):
            user.preferred_language = language
        user.save(update_fields=["name_ar", "name_latin", "preferred_language"])


class ProfileForm(NameFieldsMixin, forms.ModelForm):
    municipality = MunicipalityChoiceField(
        queryset=Municipality.objects.order_by("country", "name_ar"),
        required=False,
        label=_("Municipality"),
    )

    class Meta:
        model = User
        fields = [
            "name_ar",
            "name_latin",
            "municipality",
            "position",
            "organisation_type",
            "gender",
            "preferred_language",
        ]
