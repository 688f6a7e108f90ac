from django.urls import path

from . import views

urlpatterns = [
    path("groupes-de-travail/", views.group_list, name="group-list"),
    path("groupes-de-travail/<slug:slug>/", views.group_detail, name="group-detail"),
    path("groupes-de-travail/<slug:slug>/rejoindre/", views.join_group, name="group-join"),
    path("groupes-de-travail/<slug:slug>/quitter/", views.leave_group, name="group-leave"),
    path("groupes-de-travail/<slug:slug>/suivre/", views.follow_group, name="group-follow"),
    path(
        "groupes-de-travail/<slug:slug>/demandes/<int:pk>/",
        views.decide_request,
        name="group-decide",
    ),
    path("groupes-de-travail/<slug:slug>/appels/<int:pk>/", views.call_detail, name="call-detail"),
    path(
        "groupes-de-travail/<slug:slug>/appels/<int:pk>/reponses/",
        views.call_answers,
        name="call-answers",
    ),
    path(
        "groupes-de-travail/<slug:slug>/appels/<int:pk>/reponses.csv",
        views.call_answers_csv,
        name="call-answers-csv",
    ),
]
