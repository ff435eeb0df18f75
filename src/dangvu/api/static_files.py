"""Swagger UI's files from inside the django-ninja package, served as our static files.

Only the files the documentation page loads (and the source maps they name, which the
manifest storage must find): not ninja's ReDoc bundle, which would add 4 MB to every
`collectstatic` and its compression."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ninja
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

FOLDER = Path(ninja.__file__).parent / "static"
FILES = (
    "ninja/swagger-ui.css",
    "ninja/swagger-ui.css.map",
    "ninja/swagger-ui-bundle.js",
    "ninja/swagger-ui-bundle.js.map",
    "ninja/swagger-ui-init.js",
    "ninja/favicon.png",
)


class SwaggerUIFinder(BaseFinder):
    storage = FileSystemStorage(location=str(FOLDER))

    def check(self, **kwargs: Any) -> list[Any]:
        return []

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> Any:
        # Django 5.2 renamed `all` to `find_all`; accept both
        found = str(FOLDER / path) if path in FILES and (FOLDER / path).exists() else None
        if find_all or kwargs.get("all"):
            return [found] if found else []
        return found

    def list(self, ignore_patterns: Any) -> Any:
        for path in FILES:
            yield path, self.storage
