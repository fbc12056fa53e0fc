"""The project's URLs plus two that fail on purpose, for the error page tests."""

from django.db import OperationalError
from django.urls import path

from scaffolding.urls import urlpatterns as project_urls


def fail(request):
    raise RuntimeError("a bug")


def database_down(request):
    raise OperationalError("connection refused")


urlpatterns = [
    path("boom/500/", fail),
    path("boom/database/", database_down),
    *project_urls,
]
handler500 = "scaffolding.core.errors.server_error"
