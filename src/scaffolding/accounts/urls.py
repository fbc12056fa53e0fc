from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views
from .forms import PasswordResetForm

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.sign_in, name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            form_class=PasswordResetForm,
            success_url=reverse_lazy("accounts:password_reset_done"),
            extra_context={"page_title": "Reset your password"},
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(extra_context={"page_title": "Check your email"}),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password_reset_complete"),
            extra_context={"page_title": "Choose a new password"},
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            extra_context={"page_title": "Your password is changed"}
        ),
        name="password_reset_complete",
    ),
    path("two-step/set-up/", views.two_factor_setup, name="two_factor_setup"),
    path("two-step/", views.two_factor_verify, name="two_factor_verify"),
    path("two-step/backup-codes/", views.backup_codes, name="backup_codes"),
    path("partnership/sign-in/", views.sign_in_settings, name="sign_in_settings"),
    path("partnership/", views.partnership, name="partnership"),
    path("partnership/organisations/<int:pk>/", views.organisation, name="organisation"),
    path("partnership/teams/<int:pk>/", views.team, name="team"),
    path("partnership/organisations/new/", views.organisation_form, name="organisation_create"),
    path(
        "partnership/organisations/<int:pk>/change/",
        views.organisation_form,
        name="organisation_edit",
    ),
    path(
        "partnership/organisations/<int:organisation_pk>/teams/new/",
        views.team_form,
        name="team_create",
    ),
    path(
        "partnership/organisations/<int:organisation_pk>/teams/<int:pk>/change/",
        views.team_form,
        name="team_edit",
    ),
    path("accounts/", views.account_list, name="account_list"),
    path("accounts/new/", views.account_create, name="account_create"),
    path("accounts/<int:pk>/", views.account_edit, name="account_edit"),
    path(
        "accounts/<int:pk>/reset-two-step/",
        views.account_reset_two_factor,
        name="account_reset_two_factor",
    ),
    path("email/confirm/<str:token>/", views.email_confirm, name="email_confirm"),
    path("accounts/<int:pk>/unlock/", views.account_unlock, name="account_unlock"),
    path("accounts/<int:pk>/welcome/", views.account_welcome, name="account_welcome"),
    path("change-history/", views.audit_log, name="audit_log"),
]
