from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("figures/<str:kind>/refresh/", views.figures_refresh, name="figures_refresh"),
    path("figures/<str:kind>/progress/", views.figures_progress, name="figures_progress"),
]
