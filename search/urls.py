from django.urls import path

from . import views

urlpatterns = [
    path("recherche/", views.search, name="search"),
    path("recherche/api/resultats/", views.results_api, name="search-api"),
    path("recherche/api/suggestions/", views.autocomplete_api, name="search-autocomplete"),
    path("recherche/clic/", views.click, name="search-click"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
]
