//! Every place a 3.0-shaped document holds a schema, handed to [`schema`].

use serde_json::Value;

use super::{schema, Context, METHODS};
use crate::diag::pointer;

/// Deepest nesting the front end follows; parsers stop documents at 128.
pub const MAX_DEPTH: usize = 256;

/// Normalizes every schema of the document in place.
pub fn schemas(doc: &mut Value, cx: &mut Context) {
    if let Some(Value::Object(paths)) = doc.get_mut("paths") {
        for (path, item) in paths.iter_mut() {
            let at = pointer::join("#/paths", path);
            path_item(item, &at, cx);
        }
    }
    let Some(Value::Object(components)) = doc.get_mut("components") else {
        return;
    };
    for (section, entries) in components.iter_mut() {
        let section_at = pointer::join("#/components", section);
        let Some(entries) = entries.as_object_mut() else {
            continue;
        };
        for (name, entry) in entries.iter_mut() {
            let at = pointer::join(&section_at, name);
            match section.as_str() {
                "schemas" => schema::normalize(entry, &at, cx),
                "parameters" | "headers" => parameter(entry, &at, cx),
                "requestBodies" | "responses" => body(entry, &at, cx),
                "pathItems" => path_item(entry, &at, cx),
                _ => {}
            }
        }
    }
}

fn path_item(item: &mut Value, at: &str, cx: &mut Context) {
    let Some(item) = item.as_object_mut() else {
        return;
    };
    for (key, value) in item.iter_mut() {
        let here = pointer::join(at, key);
        if key == "parameters" {
            parameters(value, &here, cx);
        } else if METHODS.contains(&key.as_str()) {
            operation(value, &here, cx);
        }
    }
}

fn operation(op: &mut Value, at: &str, cx: &mut Context) {
    let Some(op) = op.as_object_mut() else {
        return;
    };
    for (key, value) in op.iter_mut() {
        let here = pointer::join(at, key);
        match key.as_str() {
            "parameters" => parameters(value, &here, cx),
            "requestBody" => body(value, &here, cx),
            "responses" => {
                for (code, response) in value.as_object_mut().into_iter().flatten() {
                    body(response, &pointer::join(&here, code), cx);
                }
            }
            // Requests the API sends back: their schemas are read like any.
            "callbacks" => {
                for (name, callback) in value.as_object_mut().into_iter().flatten() {
                    let callback_at = pointer::join(&here, name);
                    for (expression, item) in callback.as_object_mut().into_iter().flatten() {
                        path_item(item, &pointer::join(&callback_at, expression), cx);
                    }
                }
            }
            _ => {}
        }
    }
}

fn parameters(list: &mut Value, at: &str, cx: &mut Context) {
    for (i, p) in list.as_array_mut().into_iter().flatten().enumerate() {
        parameter(p, &pointer::join(at, &i.to_string()), cx);
    }
}

/// A parameter or header: `schema`, or `content` with one media type.
fn parameter(p: &mut Value, at: &str, cx: &mut Context) {
    if let Some(s) = p.get_mut("schema") {
        schema::normalize(s, &pointer::join(at, "schema"), cx);
    }
    if let Some(content) = p.get_mut("content") {
        content_schemas(content, &pointer::join(at, "content"), cx);
    }
}

/// A request body or response: `content` and `headers`.
fn body(b: &mut Value, at: &str, cx: &mut Context) {
    let Some(b) = b.as_object_mut() else {
        return;
    };
    if let Some(content) = b.get_mut("content") {
        content_schemas(content, &pointer::join(at, "content"), cx);
    }
    for (name, header) in b
        .get_mut("headers")
        .and_then(Value::as_object_mut)
        .into_iter()
        .flatten()
    {
        parameter(
            header,
            &pointer::join(&pointer::join(at, "headers"), name),
            cx,
        );
    }
}

fn content_schemas(content: &mut Value, at: &str, cx: &mut Context) {
    for (media, entry) in content.as_object_mut().into_iter().flatten() {
        let media_at = pointer::join(at, media);
        for key in ["schema", "itemSchema"] {
            if let Some(s) = entry.get_mut(key) {
                schema::normalize(s, &pointer::join(&media_at, key), cx);
            }
        }
        for (name, encoding) in entry
            .get_mut("encoding")
            .and_then(Value::as_object_mut)
            .into_iter()
            .flatten()
        {
            let encoding_at = pointer::join(&pointer::join(&media_at, "encoding"), name);
            for (header, h) in encoding
                .get_mut("headers")
                .and_then(Value::as_object_mut)
                .into_iter()
                .flatten()
            {
                parameter(
                    h,
                    &pointer::join(&pointer::join(&encoding_at, "headers"), header),
                    cx,
                );
            }
        }
    }
}
