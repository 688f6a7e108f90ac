"""Where a page's time goes: `python -m bench --profile PATH...` runs this module in the
benchmark site's environment (`python -m bench.profile PATH...`).

For each page: the mean server time over warm requests, the templates included most often,
and the functions of the project and of Django/Wagtail that cost the most (cProfile).
"""

import cProfile
import io
import os
import pstats
import sys
import time
from collections import Counter

REQUESTS = 20
PROJECT_CODE = r"/(cms|site|search|community|newsletter)/"
FRAMEWORK_CODE = r"site-packages/(django|wagtail|modelcluster|taggit)/"


def main(paths: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coeurdeville.settings.production")
    import django

    django.setup()
    from django.template import loader_tags
    from django.test import Client

    includes: Counter[str] = Counter()
    render_include = loader_tags.IncludeNode.render

    def counting_render(node: loader_tags.IncludeNode, context: object) -> str:
        includes[str(getattr(node.template, "var", node.template))] += 1
        return render_include(node, context)

    loader_tags.IncludeNode.render = counting_render
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    for path in paths:
        for _ in range(3):
            client.get(path)
        includes.clear()
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        for _ in range(REQUESTS):
            status = client.get(path).status_code
        profiler.disable()
        mean = (time.perf_counter() - started) / REQUESTS * 1000
        print(f"\n=== {path}: HTTP {status}, {mean:.1f} ms per request under cProfile")
        print(
            "Includes per request:",
            ", ".join(f"{name} ×{count // REQUESTS}" for name, count in includes.most_common(6)),
        )
        for title, sort, restriction in (
            ("Project code, by cumulative time", "cumulative", PROJECT_CODE),
            ("Django and Wagtail, by cumulative time", "cumulative", FRAMEWORK_CODE),
            ("Everything, by own time", "tottime", ""),
        ):
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).sort_stats(sort)
            stats.print_stats(*([restriction] if restriction else []), 15)
            table = out.getvalue()
            print(f"--- {title}\n{table[table.find('   ncalls') :].rstrip()}")


if __name__ == "__main__":
    main(sys.argv[1:])
