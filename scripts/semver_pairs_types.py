"""Synthetic pairs, part 1: schemas, enums, unions and references
(mutations of tests/fixtures). Registered in scripts/semver_pairs.py's PAIRS
on import; see that module for what a pair is."""
from semver_pairs import pair, props, rename_refs, schema

# ---------------------------------------------------------------- schemas (optional.yaml)

@pair("add-optional-property", "optional", "compatible", "Record gains an optional string `added`")
def _(s):
    props(s, "Record")["added"] = {"type": "string"}


@pair("add-required-property", "optional", "breaking", "Record gains a required string `owner`")
def _(s):
    props(s, "Record")["owner"] = {"type": "string"}
    schema(s, "Record")["required"].append("owner")


@pair("remove-property", "optional", "breaking", "Record loses its optional `ratio`")
def _(s):
    del props(s, "Record")["ratio"]


@pair("change-property-type", "optional", "breaking", "Record.count: integer -> string")
def _(s):
    props(s, "Record")["count"] = {"type": "string"}


@pair("optional-to-required", "optional", "breaking", "Record.count becomes required")
def _(s):
    schema(s, "Record")["required"].append("count")


@pair("required-to-optional", "optional", "breaking", "Record.id is no longer required (String -> Option<String>)")
def _(s):
    schema(s, "Record")["required"].remove("id")


@pair("nullable-added", "optional", "breaking", "Record.id (required) becomes nullable: String -> Option<String>")
def _(s):
    props(s, "Record")["id"]["nullable"] = True


@pair("add-min-items", "bodies", "breaking", "Login.scopes gains minItems: 1 (tighter validation)")
def _(s):
    props(s, "Login")["scopes"]["minItems"] = 1


@pair("add-schema", "optional", "compatible", "a new schema Extra")
def _(s):
    s["components"]["schemas"]["Extra"] = {"type": "object", "properties": {"x": {"type": "string"}}}


@pair("remove-schema", "optional", "breaking", "the schema Open is removed")
def _(s):
    del s["components"]["schemas"]["Open"]


@pair("change-additional-properties", "optional", "breaking", "Open.additionalProperties: string -> integer")
def _(s):
    schema(s, "Open")["additionalProperties"] = {"type": "integer"}


@pair("schema-description-only", "optional", "docs-only", "Record gains a description")
def _(s):
    schema(s, "Record")["description"] = "A record, now described."


# ---------------------------------------------------------------- enums, unions, refs

@pair("add-enum-value", "enums", "compatible", "Color gains `purple` (string enums are #[non_exhaustive])")
def _(s):
    schema(s, "Color")["enum"].append("purple")


@pair("remove-enum-value", "enums", "breaking", "Color loses `green`")
def _(s):
    schema(s, "Color")["enum"].remove("green")


@pair("enum-description-only", "enums", "docs-only", "Color's description changes")
def _(s):
    schema(s, "Color")["description"] = "A colour of the palette."


@pair("change-default", "enums", "none",
      "Palette.mode default: light -> dark (the generated code does not use a property's default)")
def _(s):
    props(s, "Palette")["mode"]["default"] = "dark"


@pair("add-union-variant", "one_of", "compatible", "IdOrName gains a boolean variant (unions are #[non_exhaustive])")
def _(s):
    schema(s, "IdOrName")["oneOf"].append({"type": "boolean"})


@pair("add-discriminated-variant", "one_of", "compatible", "Shape gains a Triangle variant and a new schema Triangle")
def _(s):
    s["components"]["schemas"]["Triangle"] = {
        "type": "object", "required": ["kind", "base"],
        "properties": {"kind": {"type": "string"}, "base": {"type": "number"}}}
    shape = schema(s, "Shape")
    shape["oneOf"].append({"$ref": "#/components/schemas/Triangle"})
    shape["discriminator"]["mapping"]["triangle"] = "#/components/schemas/Triangle"


@pair("allof-add-property", "one_of", "compatible", "Combined's inline allOf member gains an optional `color`")
def _(s):
    schema(s, "Combined")["allOf"][1]["properties"]["color"] = {"type": "string"}


@pair("rename-schema", "refs", "breaking", "Tag is renamed Label (every $ref follows)")
def _(s):
    schemas = s["components"]["schemas"]
    schemas["Label"] = schemas.pop("Tag")
    rename_refs(s, "#/components/schemas/Tag", "#/components/schemas/Label")


@pair("tighten-min-length", "refs", "breaking", "IdTarget.minLength 3 -> 5")
def _(s):
    schema(s, "IdTarget")["minLength"] = 5


@pair("loosen-min-length", "refs", "compatible", "IdTarget.minLength 3 -> 1")
def _(s):
    schema(s, "IdTarget")["minLength"] = 1


@pair("rename-property", "keywords", "breaking", "Self.fooBar is renamed fooBaz")
def _(s):
    p = props(s, "Self")
    p["fooBaz"] = p.pop("fooBar")


@pair("widen-integer-format", "formats", "breaking", "Sample.small: int32 -> int64 (field type i32 -> i64)")
def _(s):
    props(s, "Sample")["small"]["format"] = "int64"
