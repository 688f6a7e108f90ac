from django.urls import path

from . import views

urlpatterns = [
    path("axes/", views.topic_list, name="topic-list"),
    path("axes/<slug:slug>/", views.topic_detail, name="topic-detail"),
]
