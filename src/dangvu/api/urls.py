from django.urls import path

from . import views
from .api import api
from .http import wrapped_urls

app_name = "api"
urlpatterns = [
    path("ma-truy-cap/", views.token_list, name="token_list"),
    path("ma-truy-cap/<int:pk>/thu-hoi/", views.token_revoke, name="token_revoke"),
    path("tai-lieu/", views.api_docs, name="api_docs"),
]

# The API itself is included from dangvu.urls, beside this app's pages (its own namespace).
api_v1_urls = wrapped_urls(api.urls)
