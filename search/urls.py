from django.urls import path

from .views import search

urlpatterns = [path("recherche/", search, name="search")]
