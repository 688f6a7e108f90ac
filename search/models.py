"""Index tables of the database backends, and search analytics."""

from django.db import models


class IndexEntry(models.Model):
    """One search document as the database backends store it.

    On PostgreSQL the table also has two generated columns the ORM does not see (created by
    migration 0002): `vector`, the weighted `french_unaccent` tsvector of the whole document
    (GIN-indexed, what matches), and `rank_vector`, the tsvector of title and summary only
    (small, stored inline: ranking it keeps a top-20 over tens of thousands of matches
    fast). On SQLite the row is mirrored in the `search_fts` FTS5 table of stems.
    """

    key = models.CharField(max_length=190, unique=True)
    type = models.CharField(max_length=40, db_index=True)
    title = models.CharField(max_length=500)
    title_key = models.CharField(max_length=500, db_index=True)
    url = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True)
    keywords = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True, db_index=True)
    audience = models.CharField(max_length=100, db_index=True)
    facets = models.JSONField(default=list)

    class Meta:
        db_table = "search_entry"
        verbose_name = "document indexé"
        verbose_name_plural = "documents indexés"

    def __str__(self) -> str:
        return self.title


class FacetLabel(models.Model):
    """The label shown for a facet value (« town:71076 » → « Chalon-sur-Saône »)."""

    facet = models.CharField(max_length=300, unique=True)
    label = models.CharField(max_length=300)

    def __str__(self) -> str:
        return self.label


class Term(models.Model):
    """Words of public documents with their document counts, for « vouliez-vous dire ».

    Only public documents contribute, so a suggestion never reveals restricted content.
    """

    word = models.CharField(max_length=60, unique=True)
    documents = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "search_term"

    def __str__(self) -> str:
        return self.word


class QueryLog(models.Model):
    """One search made on the site: what was asked and found (no personal data)."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    query = models.CharField("requête", max_length=200, db_index=True)
    filters = models.JSONField("filtres", default=dict, blank=True)
    results = models.PositiveIntegerField("résultats")
    page = models.PositiveIntegerField("page", default=1)

    class Meta:
        verbose_name = "recherche effectuée"
        verbose_name_plural = "recherches effectuées"

    def __str__(self) -> str:
        return self.query


class ResultClick(models.Model):
    """A result followed from a results page."""

    query_log = models.ForeignKey(QueryLog, on_delete=models.CASCADE, related_name="clicks")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    url = models.CharField(max_length=500)
    position = models.PositiveIntegerField()

    class Meta:
        verbose_name = "résultat consulté"
        verbose_name_plural = "résultats consultés"

    def __str__(self) -> str:
        return self.url
