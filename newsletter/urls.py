from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("merci/", views.thanks, name="thanks"),
    path("confirmation/<str:token>/", views.confirm, name="confirm"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("archives/", views.archive, name="archive"),
    path("archives/rss/", views.archive_feed, name="archive-feed"),
    path("archives/<slug:slug>/", views.archive_issue, name="archive-issue"),
]
