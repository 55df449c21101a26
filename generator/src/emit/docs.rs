//! Spec prose → `#[doc]` attributes that rustdoc renders and never runs.

use proc_macro2::TokenStream;
use quote::quote;

/// Lines of `text` as doc attributes; empty for no text.
pub fn attrs(text: Option<&str>) -> TokenStream {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return TokenStream::new();
    };
    let lines = sanitize(text);
    quote! { #(#[doc = #lines])* }
}

/// `` `POST /v5/{project_id}/common/task`: Create a task ``.
pub fn operation_title(op: &crate::ir::Operation) -> String {
    match &op.summary {
        Some(summary) => format!("`{} {}`: {summary}", op.method, op.path),
        None => format!("`{} {}`", op.method, op.path),
    }
}

/// Doc attributes for several paragraphs, skipping empty ones.
pub fn paragraphs(parts: &[Option<&str>]) -> TokenStream {
    let text: Vec<&str> = parts
        .iter()
        .flatten()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if text.is_empty() {
        return TokenStream::new();
    }
    attrs(Some(&text.join("\n\n")))
}

/// Keeps spec prose from becoming doctests: fenced blocks are marked `text`
/// and indentation that would open an indented code block is reduced.
fn sanitize(text: &str) -> Vec<String> {
    let mut in_fence = false;
    // A lone carriage return is not allowed in doc comments.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<String> = text
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                let fence = &trimmed[..3];
                let line = if in_fence {
                    fence.to_owned()
                } else {
                    format!("{fence}text")
                };
                in_fence = !in_fence;
                return format!(" {line}");
            }
            if in_fence {
                return format!(" {line}");
            }
            let indent = (line.len() - trimmed.len()).min(3);
            format!(" {}{}", " ".repeat(indent), trimmed.trim_end())
        })
        .collect();
    if in_fence {
        lines.push(" ```".to_owned());
    }
    lines
        .into_iter()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                l
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn fences_become_text() {
        let lines = sanitize("Example:\n```json\n{}\n```");
        assert_eq!(lines, vec![" Example:", " ```text", " {}", " ```"]);
    }

    #[test]
    fn deep_indentation_is_capped() {
        let lines = sanitize("a\n\n        code?");
        assert_eq!(lines, vec![" a", "", "    code?"]);
    }
}
