from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path("", include("scaffolding.core.urls")),
    path("", include("scaffolding.accounts.urls")),
    path("workforce/", include("scaffolding.workforce.urls")),
    path("language/", include("scaffolding.language.urls")),
    path("progress/", include("scaffolding.progress.urls")),
    path("supervision/", include("scaffolding.supervision.urls")),
    path("my/", include("scaffolding.voice.urls")),
    path("relationships/", include("scaffolding.relationships.urls")),
    path("carers/", include("scaffolding.carers.urls")),
]

handler500 = "scaffolding.core.errors.server_error"

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
