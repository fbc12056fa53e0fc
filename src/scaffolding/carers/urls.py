from django.urls import path

from . import views

app_name = "carers"

urlpatterns = [
    path("", views.home, name="home"),
    path("figures/", views.measures_view, name="measures"),
    path("time-away/new/", views.time_away_new, name="time_away_new"),
    path("young-people/<int:pk>/", views.young_person, name="young_person"),
    path("young-people/<int:pk>/agreement/new/", views.agreement_new, name="agreement_new"),
    path("young-people/<int:pk>/ask/", views.ask_new, name="ask_new"),
    path("young-people/<int:pk>/can-i/", views.can_i, name="can_i"),
    path("young-people/<int:pk>/short-breaks/new/", views.short_break_new, name="short_break_new"),
    path("agreements/<int:pk>/", views.agreement, name="agreement"),
    path("asks/<int:pk>/", views.ask, name="ask"),
    path("decisions/<int:pk>/", views.decision, name="decision"),
    path("decisions/<int:pk>/debrief/", views.decision_debrief, name="decision_debrief"),
]
