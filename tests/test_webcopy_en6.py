"""English copy and page furniture, session 6 (s6-i9-en): each rule with its published source noted."""
from __future__ import annotations

import pytest

from broadcast.parse import parse_text
from broadcast.parse.credits import find_credit


# The credit rule, settled once for every set: a name with a domain is an outlet's credit, a government's own
# site included (kt.kz copy ends `…, primeminister.kz reports.`); an office's name without one is not.
@pytest.mark.parametrize(
    "line, source",
    [
        ("At a Government session chaired by the Prime Minister, the heating season was reviewed, primeminister.kz reports.", "primeminister.kz"),
        ("The Head of State received the minister, Akorda.kz reports.", "Akorda.kz"),
    ],
)
def test_a_domain_is_an_outlet_s_credit_even_a_government_s_site(line, source):
    credit = find_credit(line, "en")
    assert credit is not None and credit.outlet and credit.source == source


def test_an_office_s_name_is_no_credit():
    credit = find_credit("The Head of State received the minister, Akorda reports.", "en")
    assert credit is None or not credit.outlet
    story = parse_text("The Head of State received the minister, Akorda reports.\n", "en")
    assert not story.source
