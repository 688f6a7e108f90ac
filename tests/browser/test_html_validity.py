"""The Nu HTML checker on the HTML the server sends for one page of each type."""

import pytest

from .html_check import describe, html_errors

pytestmark = pytest.mark.browser


def test_every_page_type_is_valid_html(page_audits, vnu_jar, tmp_path):
    errors = html_errors(page_audits, vnu_jar, tmp_path)
    assert not errors, describe(errors)
