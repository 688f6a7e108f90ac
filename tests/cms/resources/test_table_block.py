"""The table block's markup, written in Python, is the one Wagtail's table template gave."""

from unittest import mock

from django.template import engines
from hypothesis import given
from hypothesis import strategies as st
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock

from cms.core.blocks.layout import TableBlock

# The template the block used to render with, as it was (cms/core/templates/blocks/table.html).
REFERENCE_TEMPLATE = """{% load table_block_tags %}<div class="fr-table fr-table--multiline fr-my-4w">
  <div class="fr-table__wrapper">{# Focusable so that keyboard users can scroll a wide table. #}<div class="fr-table__container" tabindex="0" role="region" aria-label="{{ table_caption }}"><div class="fr-table__content">
    <table>
      <caption>{{ table_caption }}</caption>
      {% if table_header %}
        <thead>
          <tr>
            {% for column in table_header %}{% cell_hidden 0 forloop.counter0 as is_hidden %}{% if not is_hidden %}<th scope="col" {% cell_span 0 forloop.counter0 %}>{{ column|default_if_none:""|linebreaksbr }}</th>{% endif %}{% endfor %}
          </tr>
        </thead>
      {% endif %}
      <tbody>
        {% for row in data %}{% with row_index=forloop.counter0 %}
          <tr>
            {% for cell in row %}{% cell_hidden row_index forloop.counter0 table_header as is_hidden %}{% if not is_hidden %}{% if first_col_is_header and forloop.first %}<th scope="row" {% cell_span row_index forloop.counter0 table_header %}>{{ cell|default_if_none:""|linebreaksbr }}</th>{% else %}<td {% cell_span row_index forloop.counter0 table_header %}>{{ cell|default_if_none:""|linebreaksbr }}</td>{% endif %}{% endif %}{% endfor %}
          </tr>
        {% endwith %}{% endfor %}
      </tbody>
    </table>
  </div></div></div>
</div>
"""


def reference_html(value: dict) -> str:
    """What Wagtail's table block rendered with the reference template."""
    template = engines["django"].from_string(REFERENCE_TEMPLATE)
    block = WagtailTableBlock(template="blocks/table.html")
    with mock.patch(
        "wagtail.contrib.table_block.blocks.render_to_string",
        lambda name, context: template.render(context),
    ):
        return block.render(value)


cell_text = st.one_of(st.none(), st.text(alphabet="ab <>&\"'\n€", max_size=6))


@st.composite
def tables(draw) -> dict:
    columns = draw(st.integers(min_value=1, max_value=4))
    rows = draw(st.lists(st.lists(cell_text, min_size=columns, max_size=columns), max_size=4))
    positions = st.tuples(st.integers(0, 4), st.integers(0, 4))
    value = {
        "data": rows,
        "table_caption": draw(st.one_of(st.none(), st.text(alphabet="ab <&\"'", max_size=6))),
        "first_row_is_table_header": draw(st.booleans()),
        "first_col_is_header": draw(st.booleans()),
    }
    if hidden := draw(st.lists(positions, max_size=3)):
        value["cell"] = [{"row": row, "col": col, "hidden": True} for row, col in hidden]
    if merged := draw(st.lists(positions, max_size=2)):
        value["mergeCells"] = [
            {"row": row, "col": col, "rowspan": 2, "colspan": 1} for row, col in merged
        ]
    return value


@given(tables())
def test_table_markup_is_the_one_the_template_gave(value):
    assert str(TableBlock().render(value)) == reference_html(value)


def test_the_demo_table_is_unchanged():
    value = {
        "data": [["Document", "Quand"], ["Avenant", "À l’issue\nde la phase"], [None, "x < y"]],
        "table_caption": "Calendrier",
        "first_row_is_table_header": True,
        "first_col_is_header": True,
        "mergeCells": [{"row": 1, "col": 1, "rowspan": 2, "colspan": 1}],
        "cell": [{"row": 2, "col": 1, "hidden": True}],
    }
    html = str(TableBlock().render(value))
    assert html == reference_html(value)
    assert '<td rowspan="2" colspan="1">À l’issue<br>de la phase</td>' in html
    assert '<th scope="row" ></th>' in html


def test_an_empty_table_renders_nothing():
    assert str(TableBlock().render(None)) == ""
