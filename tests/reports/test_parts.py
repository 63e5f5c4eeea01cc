"""The report's parts: the domain apps register them, the builder names none of them."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from reportkit import parts
from reportkit import sections as S
from reportkit.parts import Part, parts_in_order, register_part

DOMAIN_APPS = {"holdings", "events", "catalogue", "digitization", "publications", "indicators"}


def _nothing(context, read):
    return []


def test_the_registered_parts_give_every_section_of_the_seed_once_in_its_order():
    codes = [code for part in parts_in_order() for code in part.sections]
    assert codes == [definition.code for definition in S.SECTIONS]


def test_the_parts_follow_the_seeds_order_not_the_order_the_apps_registered_them(monkeypatch):
    registered = parts_in_order()
    monkeypatch.setattr(parts, "_PARTS", {p.sections: p for p in reversed(registered)})
    assert parts_in_order() == registered


def test_a_section_no_app_gives_fails_the_build_by_its_name(monkeypatch):
    without_totals = {p.sections: p for p in parts_in_order() if S.TOTALS not in p.sections}
    monkeypatch.setattr(parts, "_PARTS", without_totals)
    with pytest.raises(LookupError, match="register_part"):
        parts_in_order()


def test_a_part_of_an_unknown_section_is_refused():
    with pytest.raises(ValueError, match="unknown sections"):
        register_part(Part(sections=("no-such-section",), build=_nothing))


def test_the_report_builder_imports_no_domain_app():
    """The sections come from the apps' parts, the notes from the registry of checks."""
    tree = ast.parse(Path(settings.BASE_DIR, "reports/builder.py").read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        imported |= {name for name in names if name.split(".")[0] in DOMAIN_APPS}
    assert imported == set()
