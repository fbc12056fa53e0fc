from django.urls import path

from . import reports, views

app_name = "workforce"

urlpatterns = [
    path("people/", views.people, name="people"),
    path("people/add/", views.person_edit, name="person_add"),
    path("people/<int:pk>/", views.person, name="person"),
    path("people/<int:pk>/change/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/learning/add/", views.record_add, name="record_add"),
    path("people/<int:pk>/recognition/add/", views.recognition_add, name="recognition_add"),
    path("learning/records/<int:pk>/endorse/", views.record_endorse, name="record_endorse"),
    path("learning/evidence/<int:pk>/", views.evidence, name="evidence"),
    path("my-learning/", views.my_learning, name="my_learning"),
    path("my-learning/lived-experience/", views.lived_experience, name="lived_experience"),
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/add/", views.activity_edit, name="activity_add"),
    path("catalogue/<int:pk>/change/", views.activity_edit, name="activity_edit"),
    path("role-profiles/", views.role_profiles, name="role_profiles"),
    path("role-profiles/add/", views.role_profile_edit, name="role_profile_add"),
    path("role-profiles/<int:pk>/change/", views.role_profile_edit, name="role_profile_edit"),
    path("gaps/", reports.gap_report, name="gaps"),
    path("gaps/download/", reports.gap_download, name="gaps_download"),
    path("imports/", reports.import_start, name="import_start"),
    path("imports/<int:pk>/", reports.import_job, name="import_job"),
    path("imports/<int:pk>/progress/", reports.import_progress, name="import_progress"),
    path("imports/<int:pk>/save/", reports.import_save, name="import_save"),
    path("imports/<int:pk>/again/", reports.import_retry, name="import_retry"),
    path("exports/<str:kind>.<str:fmt>", reports.export, name="export"),
    path("imports/template/<str:kind>.<str:fmt>", reports.import_template, name="import_template"),
]
