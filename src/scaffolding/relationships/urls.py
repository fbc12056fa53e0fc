from django.urls import path

from . import views

app_name = "relationships"

urlpatterns = [
    path("", views.home, name="home"),
    path("young-people/<int:pk>/", views.young_person, name="young_person"),
    path("young-people/<int:pk>/add/", views.add_person, name="add_person"),
    path("young-people/<int:pk>/moves/add/", views.record_move, name="record_move"),
    path("people/<int:pk>/", views.person, name="person"),
    path("people/<int:pk>/change/", views.edit_person, name="edit_person"),
    path("people/<int:pk>/before/", views.end_person, name="end_person"),
    path("people/<int:pk>/time-together/", views.add_time, name="add_time"),
    path("moves/<int:pk>/", views.move, name="move"),
    path("moves/<int:pk>/plan/", views.move_plan, name="move_plan"),
    path("moves/<int:pk>/review/", views.move_review, name="move_review"),
    path("brothers-and-sisters/", views.siblings, name="siblings"),
    path("staying-in-touch/", views.staying_in_touch, name="staying_in_touch"),
    path("staying-in-touch/<int:pk>/", views.plan, name="plan"),
    path("policies/", views.policies, name="policies"),
    path("policies/add/", views.policy_edit, name="policy_add"),
    path("policies/<int:pk>/change/", views.policy_edit, name="policy_edit"),
    path("policies/settings/", views.settings, name="settings"),
    path("figures/", views.figures, name="figures"),
]
