"""`/sante/`: tells a load balancer whether the database and the cache answer."""

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:
        checks["database"] = f"erreur : {error.__class__.__name__}"
    try:
        cache.set("health-check", "1", 5)
        checks["cache"] = "ok" if cache.get("health-check") == "1" else "erreur"
    except Exception as error:
        checks["cache"] = f"erreur : {error.__class__.__name__}"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"statut": "ok" if healthy else "dégradé", "verifications": checks},
        status=200 if healthy else 503,
    )
