"""Names: from the API description's JSON keys and operation ids to proto identifiers.

    snake_case("updateID")        -> "update_id"
    default_json_name("org_name") -> "orgName"   (what protoc derives when json_name is unset)
    pascal_case("tool_calls")     -> "ToolCalls"
    rpc_name("List_orgs_oidc_issuers") -> "ListOrgsOidcIssuers"
"""

import re

_WORD_BREAKS = (
    (re.compile(r"OAuth"), "Oauth"),  # one word, not O + Auth
    (re.compile(r"([A-Z]{2,})s(?=[A-Z0-9_]|$)"), r"\1S"),  # URIs, IDs: a plural acronym
    (re.compile(r"([a-z0-9])([A-Z])"), r"\1_\2"),  # orgName -> org_Name
    (re.compile(r"([A-Z]+)([A-Z][a-z])"), r"\1_\2"),  # UXPurpose -> UX_Purpose
)


def snake_case(key):
    """A lower_snake_case field name for a JSON key (`hasMFA` -> `has_mfa`, `__type` -> `type`)."""
    name = re.sub(r"[^A-Za-z0-9]+", "_", key)
    for pattern, replacement in _WORD_BREAKS:
        name = pattern.sub(replacement, name)
    name = re.sub(r"_+", "_", name).strip("_").lower()
    if not name:
        name = "value"
    if name[0].isdigit():
        name = "n" + name
    return name


def default_json_name(field_name):
    """The JSON name protoc gives a field without an explicit json_name (lowerCamelCase)."""
    out = []
    upper_next = False
    for ch in field_name:
        if ch == "_":
            upper_next = True
            continue
        out.append(ch.upper() if upper_next else ch)
        upper_next = False
    return "".join(out)


def pascal_case(text):
    """PascalCase from a key or snake name, keeping inner capitals (`tokenInfo` -> `TokenInfo`)."""
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", text) if p]
    name = "".join(p[0].upper() + p[1:] for p in parts) or "Value"
    if name[0].isdigit():
        name = "N" + name
    return name


def rpc_name(operation_id):
    """The default RPC name of an operation: its id in PascalCase, underscores dropped."""
    return pascal_case(operation_id)

