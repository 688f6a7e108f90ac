"""axe-core (WCAG 2.0/2.1, levels A and AA) on one page of each type."""

import pytest

pytestmark = pytest.mark.browser


def test_every_page_type_passes_axe(page_audits):
    failures = [
        f"{audit.path}\n"
        + "\n".join(
            f"  - {violation['id']} ({violation['impact']}): {violation['help']}\n"
            + "\n".join(f"      {target}" for target in violation["targets"])
            for violation in audit.axe_violations
        )
        for audit in page_audits
        if audit.axe_violations
    ]
    assert not failures, f"{len(failures)} page(s) with violations:\n" + "\n".join(failures)
