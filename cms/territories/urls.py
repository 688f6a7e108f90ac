from django.urls import path

from . import views

urlpatterns = [
    path("villes/", views.town_list, name="town-list"),
    path("villes/<slug:slug>/", views.town_detail, name="town-detail"),
    path("carte/", views.town_map, name="town-map"),
]
