import pytest

from cms.core.templatetags.portal_tags import french_file_size


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (850, "850 octets"),
        (12_345, "12\u00a0ko"),
        (999_999, "1\u00a0Mo"),
        (1_400_000, "1,4\u00a0Mo"),
        (25_000_000, "25\u00a0Mo"),
    ],
)
def test_download_sizes_read_the_french_way(size, shown):
    assert french_file_size(size) == shown
