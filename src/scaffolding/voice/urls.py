from django.urls import path

from . import views

app_name = "voice"

urlpatterns = [
    path("", views.home, name="home"),
    path("story/new/", views.item_new, name="item_new"),
    path("story/<int:pk>/", views.item, name="item"),
    path("story/<int:pk>/file/", views.item_file, name="item_file"),
    path("story/<int:pk>/data.json", views.item_api, name="item_api"),
    path("story/<int:pk>/who-can-see/", views.item_share, name="item_share"),
    path("story/<int:pk>/only-me/", views.item_withdraw, name="item_withdraw"),
    path("story/<int:pk>/reports/", views.item_reports, name="item_reports"),
    path("story/<int:pk>/open-for-protection/", views.override, name="override"),
    path("story/<int:pk>/decide/", views.decide, name="decide"),
    path("who-has-looked/", views.who_looked, name="who_looked"),
    path("about-me/", views.about_me, name="about_me"),
    path("about-me/new-worker/<int:pk>/", views.question, name="question"),
    path("views/", views.views_new, name="views_new"),
    path("views/<int:pk>/", views.views_detail, name="views"),
    path("i-dont-feel-safe/", views.unsafe, name="unsafe"),
    path("download/", views.download_all, name="download_all"),
    path("young-people/", views.young_people, name="young_people"),
    path("young-people/new/", views.young_person_new, name="young_person_new"),
    path("young-people/<int:pk>/", views.young_person, name="young_person"),
    path("young-people/<int:pk>/about/", views.profile, name="profile"),
    path("young-people/<int:pk>/invite/", views.invite, name="invite"),
    path("young-people/<int:pk>/link/", views.link_new, name="link_new"),
    path("links/<int:pk>/end/", views.link_end, name="link_end"),
    path("alerts/<int:pk>/", views.alert, name="alert"),
    path("protection-overrides/", views.override_counts, name="override_counts"),
    path("safety-settings/", views.safety_settings, name="safety_settings"),
    path("start/", views.start, name="start"),
    path("sign-in/", views.sign_in, name="sign_in"),
]
