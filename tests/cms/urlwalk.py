"""Every pattern of the URL configuration, for tests that must cover all of them."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLResolver, get_resolver

PROJECT_PACKAGES = ("cms", "courses", "community")


def in_project(module: str) -> bool:
    return module.split(".", 1)[0] in PROJECT_PACKAGES


@dataclass(frozen=True)
class Route:
    route: str  # the full route, with the active language's prefix: "ar/my/teaching/"
    name: str  # namespaced name ("courses:run"), or the route when the pattern has none
    callback: object
    urlconf: str  # the module that declares the pattern

    @property
    def view(self) -> str:
        return f"{self.callback.__module__}.{self.callback.__name__}"

    @property
    def is_project(self) -> bool:
        """Declared by the project's own URL modules, or served by one of its views
        (the admin URLs an app registers through a Wagtail hook)."""
        return in_project(self.urlconf) or in_project(self.callback.__module__)


def routes(patterns=None, prefix: str = "", namespace: str = "", urlconf: str = "") -> Iterator:
    if patterns is None:
        resolver = get_resolver()
        patterns, urlconf = resolver.url_patterns, str(resolver.urlconf_name)
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            # include("x.urls") holds the module; i18n_patterns and include([...]) a list,
            # whose patterns belong to the module that wrote the list.
            conf = getattr(pattern.urlconf_name, "__name__", None) or urlconf
            if isinstance(pattern.urlconf_name, str):
                conf = pattern.urlconf_name
            space = ":".join(part for part in (namespace, pattern.namespace) if part)
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern), space, conf)
        else:
            route = prefix + str(pattern.pattern)
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield Route(route=route, name=name or route, callback=pattern.callback, urlconf=urlconf)
