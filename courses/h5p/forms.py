from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .services import h5p_import
from .validation import H5PValidationError, validate_package


class H5PContentForm(WagtailAdminModelForm):
    """Title plus the .h5p file; on edit, a new file replaces the activity in place."""

    package = forms.FileField(
        label=_("H5P package (.h5p)"),
        required=False,
        help_text=_("Exported from an H5P editor. Leave empty to keep the current package."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        if self.instance._state.adding:
            self.fields["package"].required = True
            self.fields["package"].help_text = _("Exported from an H5P editor.")

    def clean_package(self):
        upload = self.cleaned_data.get("package")
        if upload:
            if not upload.name.lower().endswith(".h5p"):
                raise forms.ValidationError(_("Choose a file ending in .h5p."))
            try:
                validate_package(upload, size=upload.size)
            except H5PValidationError as exc:
                raise forms.ValidationError(exc.errors) from exc
            upload.seek(0)
        return upload

    def save(self, commit=True):
        upload = self.cleaned_data.get("package")
        if not upload:
            return super().save(commit=commit)
        return h5p_import(
            source=upload,
            size=upload.size,
            title=self.cleaned_data.get("title", ""),
            user=self.for_user,
            replace=None if self.instance._state.adding else self.instance,
        )
