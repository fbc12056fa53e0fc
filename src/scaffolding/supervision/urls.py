from django.urls import path

from . import views

app_name = "supervision"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("sessions/new/", views.session_new, name="session_new"),
    path("sessions/<int:pk>/", views.session, name="session"),
    path("sessions/<int:pk>/change/", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/agree/", views.session_agree, name="session_agree"),
    path("actions/<int:pk>/done/", views.action_done, name="action_done"),
    path("agreements/new/", views.agreement_new, name="agreement_new"),
    path("agreements/<int:pk>/", views.agreement, name="agreement"),
    path("reflections/", views.reflections, name="reflections"),
    path("reflections/<int:pk>/", views.reflection, name="reflection"),
    path("reflections/<int:pk>/change/", views.reflection_edit, name="reflection_edit"),
    path("reflections/<int:pk>/share/", views.reflection_share, name="reflection_share"),
    path("wellbeing/", views.check_in, name="check_in"),
    path("wellbeing/<int:pk>/", views.check_in_support, name="check_in_support"),
    path("support-contacts/", views.support_contacts, name="support_contacts"),
    path("support-contacts/<int:pk>/", views.support_contact, name="support_contact"),
    path("wellbeing/overview/", views.wellbeing_overview, name="wellbeing_overview"),
    path("due/", views.cadence_view, name="cadence"),
    path("groups/", views.groups, name="groups"),
    path("groups/new/", views.group_new, name="group_new"),
    path("groups/<int:pk>/", views.group, name="group"),
    path("training/", views.training, name="training"),
    path("provision/", views.provision_view, name="provision"),
    path("provision/export.<str:fmt>", views.provision_export, name="provision_export"),
]
