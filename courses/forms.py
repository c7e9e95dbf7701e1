from django import forms
from django.utils.translation import gettext_lazy as _

MAX_CSV_BYTES = 1024 * 1024


class EnrolForm(forms.Form):
    key = forms.CharField(label=_("Enrolment key"), max_length=64, required=False)


class ReflectionForm(forms.Form):
    block_id = forms.CharField(max_length=64, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Your answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write an answer before saving.")},
    )


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the learner (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BulkEnrolForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file of e-mail addresses"),
        help_text=_("One address per row, or a column named “email”. UTF-8, at most 1 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Upload a .csv file."))
        return upload


class LearnerFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    q = forms.CharField(label=_("Name, e-mail or municipality"), required=False, max_length=100)
    inactive = forms.TypedChoiceField(
        label=_("Inactive for"),
        required=False,
        coerce=int,
        empty_value=0,
        choices=[
            ("", _("Any time")),
            (7, _("7 days or more")),
            (14, _("14 days or more")),
            (30, _("30 days or more")),
        ],
    )

    def __init__(self, *args, **kwargs):
        from courses.models import EnrollmentStatus

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All")), *EnrollmentStatus.choices]
