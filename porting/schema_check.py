"""A small JSON Schema validator for the subset that ``spec/vectors/schema.json`` uses.

The project does not depend on the ``jsonschema`` package; this validator
implements exactly these keywords of JSON Schema 2020-12 and refuses any
other keyword (so a schema edit cannot be silently ignored):

``type``, ``properties``, ``required``, ``additionalProperties`` (false or a
schema), ``items``, ``minItems``, ``enum``, ``pattern``, ``minimum``, ``oneOf``,
``$ref`` (local ``#/$defs/NAME`` only); the annotations ``$schema``, ``$id``,
``$defs``, ``title`` and ``description`` are accepted and ignored.
"""

import re

ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description"}
KEYWORDS = {
    "type", "properties", "required", "additionalProperties", "items", "minItems", "enum",
    "pattern", "minimum", "oneOf", "$ref",
}
TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


class SchemaError(ValueError):
    """The schema uses something this validator does not implement."""


def errors(instance, schema, root=None, path="$"):
    """Every violation of ``schema`` by ``instance``, as "path: message" strings."""
    root = schema if root is None else root
    unknown = set(schema) - KEYWORDS - ANNOTATIONS
    if unknown:
        raise SchemaError(f"unsupported schema keywords at {path}: {sorted(unknown)}")
    found = []
    if "$ref" in schema:
        ref = schema["$ref"]
        if not ref.startswith("#/$defs/"):
            raise SchemaError(f"only local #/$defs references are supported, got {ref!r}")
        found += errors(instance, root["$defs"][ref.removeprefix("#/$defs/")], root, path)
    if "type" in schema and not TYPES[schema["type"]](instance):
        return [*found, f"{path}: expected {schema['type']}, got {type(instance).__name__}"]
    if "enum" in schema and instance not in schema["enum"]:
        found.append(f"{path}: {instance!r} is not one of {schema['enum']}")
    if "pattern" in schema and isinstance(instance, str):
        if not re.search(schema["pattern"], instance):
            found.append(f"{path}: {instance!r} does not match {schema['pattern']}")
    if "minimum" in schema and TYPES["number"](instance) and instance < schema["minimum"]:
        found.append(f"{path}: {instance!r} < {schema['minimum']}")
    if isinstance(instance, list):
        if len(instance) < schema.get("minItems", 0):
            found.append(f"{path}: fewer than {schema['minItems']} items")
        if "items" in schema:
            for i, item in enumerate(instance):
                found += errors(item, schema["items"], root, f"{path}[{i}]")
    if isinstance(instance, dict):
        found += [f"{path}: missing {key!r}" for key in schema.get("required", ())
                  if key not in instance]
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, value in instance.items():
            if key in properties:
                found += errors(value, properties[key], root, f"{path}.{key}")
            elif extra is False:
                found.append(f"{path}: unexpected key {key!r}")
            elif isinstance(extra, dict):
                found += errors(value, extra, root, f"{path}.{key}")
    if "oneOf" in schema:
        results = [errors(instance, option, root, path) for option in schema["oneOf"]]
        matching = sum(1 for r in results if not r)
        if matching != 1:
            best = min(results, key=len)
            found.append(f"{path}: matches {matching} of the oneOf options; nearest: {best}")
    return found
