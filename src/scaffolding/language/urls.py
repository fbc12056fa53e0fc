from django.urls import path

from . import views

app_name = "language"

urlpatterns = [
    path("check/", views.check, name="check"),
    path("suggest/", views.suggest, name="suggest"),
    path("api/check", views.api_check, name="api_check"),
    path("glossary/", views.glossary, name="glossary"),
    path("glossary/add/", views.rule_add, name="rule_add"),
    path("glossary/<slug:rule_id>/change/", views.rule_edit, name="rule_edit"),
    path("glossary/<slug:rule_id>/reset/", views.rule_reset, name="rule_reset"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/stop/", views.token_revoke, name="token_revoke"),
    path("indicator/", views.indicator_page, name="indicator"),
]
