"""Queries that every request runs, compiled to SQL once per process.

Django builds the SQL of a queryset anew each time it runs: for the site, the page walk or
the page served, that compile costs more CPU than PostgreSQL spends running the query
(1 to 2 ms each on the bench machine). A `CompiledShape` is such a query whose *shape*
never changes, only the values it compares with (a host name, page ids, slugs): its first
run in a process compiles it with stand-in values, notes where each value lands among the
SQL's parameters, and every later run puts the real values there and hands the same SQL to
Django, which reads the rows into model instances as usual (select_related, annotations,
prefetches, query logging included).

The shape is the builder's: it must depend on nothing but its `shape` arguments (part of
the key) and on how many values each sequence holds; each value must reach the SQL
unchanged (`=` and `IN` lookups on ids and slugs, not `LIKE` patterns). The first compile
checks the second rule and refuses a builder that breaks it; state that the builder could
read and that changes (the site's view restrictions) refuses to be read while it builds
(`compiling`): it is passed as a `shape` argument instead.
"""

import copy
import itertools
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.sql.compiler import SQLCompiler
from django.db.models.sql.query import Query

M = TypeVar("M", bound=Model)

Value = int | str
# One value, or several for an `IN` lookup (the SQL then has one parameter per item).
Argument = Value | Sequence[Value]

# How many shapes of one builder a process keeps compiled (the least recently used goes).
MAX_SHAPES = 32

_stand_in_counter = itertools.count(1)
# The attribute of a connection keeping the converters of each compiled shape it ran.
_CONVERTERS = "_compiled_shape_converters"
_compiling: ContextVar[bool] = ContextVar("compiling_a_shape", default=False)


def compiling() -> bool:
    """Whether a shape is being built: what a builder reads then must not be state that can
    change (the site's view restrictions…) unless it is one of its `shape` arguments."""
    return _compiling.get()


def _stand_in(kind: type) -> Value:
    """A value no builder would compare with, unique in the process. Numbers stay within
    a 32-bit integer column's range: Django drops a comparison with a value out of it."""
    number = next(_stand_in_counter)
    if kind is int:
        return 2_000_000_000 + number
    return f"\ufffecompiled-shape-{number}\ufffe"


class _CompiledSQLMixin:
    """A compiler whose SQL and parameters are already known (`ready`), and the converters
    of its columns once read for this connection (`converters`)."""

    ready: tuple[str, tuple[Any, ...]]
    converters: dict[int, Any] | None

    def as_sql(self, *args: Any, **kwargs: Any) -> tuple[str, tuple[Any, ...]]:
        return self.ready

    def get_converters(self, expressions: list[Any]) -> dict[int, Any]:
        if self.converters is None:
            self.converters = super().get_converters(expressions)  # type: ignore[misc]
        return self.converters


_ready_classes: dict[type, type] = {}


def _ready_class(compiler_class: type[SQLCompiler]) -> type:
    if compiler_class not in _ready_classes:
        _ready_classes[compiler_class] = type(
            f"Compiled{compiler_class.__name__}", (_CompiledSQLMixin, compiler_class), {}
        )
    return _ready_classes[compiler_class]


class _ReadyQuery(Query):
    """The query of one run: hands out its compiler as compiled. It holds the stand-in
    values, not the run's: nothing may be chained on it (it would find nothing)."""

    ready_compiler: SQLCompiler

    def get_compiler(self, *args: Any, **kwargs: Any) -> SQLCompiler:
        return self.ready_compiler

    def clone(self) -> Query:
        raise ImproperlyConfigured("A compiled shape's query cannot be chained: build another.")


@dataclass(frozen=True, eq=False)
class _Compiled:
    queryset: QuerySet
    compiler: SQLCompiler
    sql: str
    parameters: tuple[Any, ...]
    # For each value given to `rows` (flattened), the indexes of its parameters.
    slots: tuple[tuple[int, ...], ...]


def _flatten(values: Sequence[Argument]) -> list[Value]:
    flat: list[Value] = []
    for value in values:
        if isinstance(value, (str, int)):
            flat.append(value)
        else:
            flat.extend(value)
    return flat


def _substitutable(values: Sequence[Any]) -> bool:
    """Whether each value (each item of a sequence) is a string or a number, which Django
    sends as a parameter of its own: not None (`IS NULL`, or left out of an `IN` list) nor
    a boolean (a stand-in number would not stand for it)."""
    for value in values:
        items = value if isinstance(value, Sequence) and not isinstance(value, str) else [value]
        if not all(isinstance(item, (str, int)) and not isinstance(item, bool) for item in items):
            return False
    return True


class CompiledShape(Generic[M]):
    """`build(*values, **shape)` → a queryset, run with its SQL compiled once per shape."""

    def __init__(self, build: Callable[..., QuerySet[M]]) -> None:
        self.build = build
        # Most recently used last.
        self._compiled: OrderedDict[Hashable, _Compiled] = OrderedDict()
        self._lock = threading.Lock()

    def rows(self, *values: Argument, using: str = "default", **shape: Hashable) -> list[M]:
        """The rows `build(*values, **shape)` reads, as `list(queryset)` would give them."""
        if not _substitutable(values):
            # `pk=None` is `IS NULL` in SQL, no parameter (a page being created has no id
            # yet: its preview): run as Django runs it.
            return list(self.build(*values, **shape).using(using))
        lengths = tuple(None if isinstance(v, (str, int)) else len(v) for v in values)
        key = (using, lengths, tuple(sorted(shape.items())))
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compile(values, using, shape)
            with self._lock:
                while len(self._compiled) >= MAX_SHAPES:
                    # The least recently used goes: shapes a URL decides (how many segments
                    # it has, a listing's filters and page…) must not fill the process, nor
                    # push out the few every request runs; those of view restrictions since
                    # changed (`hidden`) must not leave every new one run uncompiled.
                    self._compiled.popitem(last=False)
                self._compiled[key] = compiled
        else:
            with self._lock:
                if key in self._compiled:
                    self._compiled.move_to_end(key)
        parameters = list(compiled.parameters)
        for slots, value in zip(compiled.slots, _flatten(values), strict=True):
            for slot in slots:
                # Django may wrap a number in a subclass telling its SQL type (psycopg's Int4).
                kind = type(parameters[slot])
                parameters[slot] = value if type(value) is kind else kind(value)
        compiler = copy.copy(compiled.compiler)
        compiler.__class__ = _ready_class(type(compiled.compiler))
        compiler.ready = (compiled.sql, tuple(parameters))
        # The connection of this thread, not of the one that compiled.
        connection = compiler.connection = connections[using]
        # The columns' converters, kept by the connection itself: they may hold it (SQLite's
        # are its methods), and a server starting a thread per request (runserver) opens a
        # connection per thread, which must go with its thread.
        kept = connection.__dict__.get(_CONVERTERS)
        if kept is None:
            kept = connection.__dict__[_CONVERTERS] = weakref.WeakKeyDictionary()
        compiler.converters = kept.get(compiled)
        queryset = compiled.queryset._chain()
        query = queryset.query
        query.__class__ = _ReadyQuery
        query.ready_compiler = compiler
        rows = list(queryset)
        if compiler.converters is not None:
            kept[compiled] = compiler.converters
        return rows

    def _compile(
        self, values: Sequence[Argument], using: str, shape: dict[str, Hashable]
    ) -> _Compiled:
        stand_ins: list[Argument] = []
        for value in values:
            if isinstance(value, (str, int)):
                stand_ins.append(_stand_in(type(value)))
            else:
                stand_ins.append([_stand_in(type(item)) for item in value])
        token = _compiling.set(True)
        try:
            queryset = self.build(*stand_ins, **shape).using(using)
        finally:
            _compiling.reset(token)
        compiler = queryset.query.get_compiler(using=using)
        try:
            sql, parameters = compiler.as_sql()
        except EmptyResultSet as empty:
            # Django knew the stand-ins could match nothing (an empty `IN` list, a number
            # out of a column's range): the real values might not.
            raise ImproperlyConfigured(
                f"{self.build.__qualname__}: no SQL for these values (an empty list?)."
            ) from empty
        flat = _flatten(stand_ins)
        slots = []
        for stand_in in flat:
            found = [
                index
                for index, parameter in enumerate(parameters)
                if isinstance(parameter, type(stand_in)) and parameter == stand_in
            ]
            if not found:
                raise ImproperlyConfigured(
                    f"{self.build.__qualname__}: each value must reach the SQL as "
                    f"parameters, unchanged ({stand_in!r} not found)."
                )
            slots.append(tuple(found))
        placed = {index for found in slots for index in found}
        for index, parameter in enumerate(parameters):
            # A value also used transformed elsewhere (`title__icontains=value`: `%value%`)
            # would keep its stand-in there.
            transformed = isinstance(parameter, str) and any(
                isinstance(stand_in, str) and stand_in in parameter for stand_in in flat
            )
            if index not in placed and transformed:
                raise ImproperlyConfigured(
                    f"{self.build.__qualname__}: a value reaches the SQL transformed "
                    f"({parameter!r})."
                )
        if any(str(stand_in) in sql for stand_in in flat):
            raise ImproperlyConfigured(f"{self.build.__qualname__}: a value is inlined in the SQL.")
        if compiler.has_composite_fields([column for column, *_ in compiler.select]):
            raise ImproperlyConfigured(f"{self.build.__qualname__}: composite keys unsupported.")
        return _Compiled(queryset, compiler, sql, tuple(parameters), tuple(slots))
