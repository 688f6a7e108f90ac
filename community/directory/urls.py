from django.urls import path

from . import views
from .feeds import ArrivalsFeed

urlpatterns = [
    path("annuaire/", views.entry_list, name="directory"),
    path("annuaire/rss/", ArrivalsFeed(), name="directory-feed"),
    path("annuaire/<slug:slug>/", views.entry_detail, name="directory-entry"),
    path("annuaire/<slug:slug>/vcard/", views.entry_vcard, name="directory-vcard"),
    path("annuaire/<slug:slug>/proposer/", views.propose_changes, name="directory-propose"),
]
