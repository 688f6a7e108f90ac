"""`manage.py reindex`: rebuild the portal's search index from every registered source."""

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand

from search import indexing, registry
from search.backends import get_backend


class Command(BaseCommand):
    help = "Reconstruit l’index de recherche du portail (toutes les sources)."

    def handle(self, *args: Any, **options: Any) -> None:
        backend = get_backend()
        problems = backend.check()
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            sys.exit(1)
        started = time.perf_counter()
        sources = ", ".join(source.name for source in registry.sources())
        self.stdout.write(f"Moteur : {backend.name} ; sources : {sources}")
        count = indexing.rebuild(progress=self.progress)
        elapsed = time.perf_counter() - started
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"{count} documents indexés en {elapsed:.1f} s."))

    def progress(self, done: int) -> None:
        bar = "#" * min(40, done // 250) if done < 10000 else "#" * 40
        self.stdout.write(f"\r[{bar:<40}] {done} documents", ending="")
        self.stdout.flush()
