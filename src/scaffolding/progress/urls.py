from django.urls import path

from . import views

app_name = "progress"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("frameworks/", views.framework_list, name="framework_list"),
    path("frameworks/new/", views.framework_create, name="framework_create"),
    path("frameworks/import/", views.framework_import, name="framework_import"),
    path("frameworks/<int:pk>/", views.framework_detail, name="framework_detail"),
    path("frameworks/<int:pk>/edit/", views.framework_edit, name="framework_edit"),
    path("frameworks/<int:pk>/items/new/", views.item_create, name="item_create"),
    path("frameworks/<int:pk>/download.<str:fmt>", views.framework_export, name="framework_export"),
    path("items/<int:pk>/", views.item_detail, name="item_detail"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/assess/", views.assessment_create, name="assessment_create"),
    path("initiatives/", views.initiative_list, name="initiative_list"),
    path("initiatives/new/", views.initiative_create, name="initiative_create"),
    path("initiatives/<int:pk>/", views.initiative_detail, name="initiative_detail"),
    path("initiatives/<int:pk>/edit/", views.initiative_edit, name="initiative_edit"),
    path("evidence/", views.evidence, name="evidence"),
    path("evidence/measures/new/", views.measure_create, name="measure_create"),
    path("evidence/measures/<int:pk>/", views.measure_detail, name="measure_detail"),
    path("evidence/measures/<int:pk>/edit/", views.measure_edit, name="measure_edit"),
    path(
        "evidence/measures/<int:pk>/values/new/", views.measure_point_add, name="measure_point_add"
    ),
    path("evidence/stories/new/", views.story_create, name="story_create"),
    path(
        "evidence/stories/from-young-people/",
        views.stories_from_young_people,
        name="stories_from_young_people",
    ),
    path(
        "evidence/stories/from-young-people/<int:item_pk>/",
        views.story_from_item,
        name="story_from_item",
    ),
    path("evidence/stories/<int:pk>/", views.story_detail, name="story_detail"),
    path("evidence/stories/<int:pk>/edit/", views.story_edit, name="story_edit"),
    path("report/", views.report, name="report"),
    path("report.pdf", views.report_pdf, name="report_pdf"),
    path("report/pdf/new/", views.report_make, name="report_make"),
    path("report/pdf/progress/", views.report_progress, name="report_progress"),
    path("download/<slug:table>.<str:fmt>", views.export, name="export"),
]
