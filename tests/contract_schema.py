"""The contract's JSON Schema (docs/contract.schema.json) and a validator for one of its definitions."""
from __future__ import annotations

import json
from functools import cache

import jsonschema

from conftest import ROOT

SCHEMA = json.loads((ROOT / "docs" / "contract.schema.json").read_text(encoding="utf-8"))


@cache
def validator(name: str = "") -> jsonschema.protocols.Validator:
    """A validator for one definition of the schema (`story`, `bulletin`, `cue_sheet`, `voices`), or for the whole
    schema (any of them). Made once: `jsonschema.validate` would check the schema itself again at every call,
    ten times the cost of validating a story."""
    return jsonschema.Draft202012Validator({"$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{name}"} if name else SCHEMA)
