"""System checks of the courses app."""

from django.core.checks import Warning, register


@register()
def check_font_subsetting(app_configs, **kwargs):
    from .certificates.pdf import subset_fonts

    if subset_fonts():
        return []
    return [
        Warning(
            "WeasyPrint cannot subset fonts with HarfBuzz: each certificate PDF takes "
            "seconds instead of milliseconds.",
            hint="Install Debian's libharfbuzz-subset0 (HarfBuzz-Subset 4.1 or newer).",
            id="markaz.W001",
        )
    ]
