"""SQL queries and server time per page, in-process: `python -m bench.queries PATH...`
(run by the bench in the isolated site's environment). Prints one JSON object.

Each page is requested twice and the second request is measured, as the load test sees
pages once the caches of a worker are warm.
"""

import json
import os
import sys
import time
from collections import Counter


def main(paths: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coeurdeville.settings.production")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    report = {}
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
        tables = Counter(
            query["sql"].split(" FROM ", 1)[1].split()[0].strip('"')
            for query in queries.captured_queries
            if " FROM " in query["sql"]
        )
        report[path] = {
            "status": response.status_code,
            "queries": len(queries),
            "server_ms": round(elapsed, 1),
            "busiest_tables": tables.most_common(5),
        }
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1:])
