"""Small API descriptions and overrides for the generator's tests.

    spec = description(paths={...}, schemas={...})
    overrides = overrides_for(services=[("ThingsService", "things.proto", ["^/api/things"])])
"""

import plans
import spec as spec_mod


def ref(name):
    return {"$ref": "#/components/schemas/" + name}


def path_param(name, kind="string"):
    return {"in": "path", "name": name, "required": True, "schema": {"type": kind}}


def query_param(name, schema=None, required=False):
    out = {"in": "query", "name": name, "schema": schema or {"type": "string"}}
    if required:
        out["required"] = True
    return out


def json_body(schema):
    return {"content": {"application/json": {"schema": schema}}}


def answer(schema, content_type="application/json"):
    return {"content": {content_type: {"schema": schema}}}


def operation(operation_id, tags=("Things",), parameters=(), body=None, responses=None, **extra):
    out = {"operationId": operation_id, "tags": list(tags), "parameters": list(parameters),
           "responses": responses or {"204": {}}}
    if body is not None:
        out["requestBody"] = body
    out.update(extra)
    return out


def description(paths, schemas=None):
    return spec_mod.Spec({"openapi": "3.0.3", "paths": paths,
                          "components": {"schemas": schemas or {}}})


def overrides_for(services, **sections):
    data = {
        "scope": {"tags": ["Things"]},
        "exclusions": [],
        "services": [{"name": name, "file": file, "comment": [f"{name} of the tests."],
                      "paths": patterns} for name, file, patterns in services],
        "operations": {},
    }
    data.update(sections)
    return plans.Overrides(data)
