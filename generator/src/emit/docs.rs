//! Spec prose → `#[doc]` attributes that rustdoc renders and never runs.
//!
//! Every piece of spec text that reaches documentation goes through here.
//! Descriptions are Markdown, so they are checked with the parser rustdoc
//! itself uses: a doc may hold no code block except fenced `text` ones (any
//! other would be compiled and run as a doctest) and no raw HTML.

use proc_macro2::TokenStream;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};
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
    let request = code(&format!("{} {}", op.method, op.path));
    match &op.summary {
        Some(summary) => format!("{request}: {}", one_line(summary)),
        None => request,
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

/// Spec text (a name, a value, a path) as one Markdown code span: on one
/// line, fenced with more backticks than it holds, so nothing escapes it.
pub fn code(text: &str) -> String {
    let text = one_line(text);
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    // A span that starts or ends with a backtick needs a space inside the fence.
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Text on one line, without control or direction-changing characters.
fn one_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drops control characters (but newlines and tabs) and the characters that
/// change the direction of text, which rustc refuses in comments.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .filter(|c| !crate::output::is_bidi_control(*c))
        .collect()
}

/// Doc lines (each with its leading space) that render `text` and run nothing.
fn sanitize(text: &str) -> Vec<String> {
    let text = clean(text);
    let lines = fence_as_text(&text);
    if is_inert(&lines) {
        return lines;
    }
    // Markup the line rules did not tame (code blocks in quotes or lists,
    // raw HTML): every line becomes plain text.
    let lines = plain(&text);
    if is_inert(&lines) {
        lines
    } else {
        vec![
            " (This description was left out: it holds markup that cannot be shown safely.)"
                .to_owned(),
        ]
    }
}

/// Fenced blocks are marked `text` and indentation that would open an
/// indented code block is reduced; `<` is written as an entity.
fn fence_as_text(text: &str) -> Vec<String> {
    let mut in_fence = false;
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
            let body = escape_html(trimmed.trim_end());
            format!(" {}{body}", " ".repeat(indent))
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

/// `<` outside code spans as `&lt;`, so no raw HTML reaches the page; code
/// spans (a run of backticks to the next run as long) show text as it is.
fn escape_html(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find(['`', '<']) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        if rest.starts_with('<') {
            out.push_str("&lt;");
            rest = &rest[1..];
            continue;
        }
        let run = rest.len() - rest.trim_start_matches('`').len();
        let fence = &rest[..run];
        let after = &rest[run..];
        // The span closes at the next run of exactly as many backticks.
        // Byte positions: a backtick is ASCII, so each match is a char boundary.
        let bytes = after.as_bytes();
        let close = (0..bytes.len()).find(|&i| {
            bytes[i..].starts_with(fence.as_bytes())
                && bytes.get(i + run) != Some(&b'`')
                && (i == 0 || bytes[i - 1] != b'`')
        });
        match close {
            Some(i) => {
                out.push_str(&rest[..run + i + run]);
                rest = &after[i + run..];
            }
            None => {
                out.push_str(fence);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every line as a plain paragraph line: no indentation, every ASCII
/// punctuation character escaped, so Markdown sees no structure at all.
fn plain(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let out = escape_punctuation(line.trim());
            if out.is_empty() {
                out
            } else {
                format!(" {out}")
            }
        })
        .collect()
}

/// Spec prose for a Markdown file that is also crate docs (a README): at
/// most `max` characters, with no code block that could run and no HTML.
pub fn markdown(text: &str, max: usize) -> String {
    let text: String = text.trim().chars().take(max).collect();
    let lines = sanitize(&text);
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    lines.join("\n")
}

/// Spec text (a title, a version) as one line of plain doc prose, at most
/// `max` characters before escaping: no markup, no HTML, nothing to run.
pub fn inline_text(text: &str, max: usize) -> String {
    let line: String = one_line(text).chars().take(max).collect();
    escape_punctuation(&line)
}

fn escape_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// True when rustdoc would find no doctest and no raw HTML in `lines`.
fn is_inert(lines: &[String]) -> bool {
    // rustdoc strips the common leading space of doc lines before parsing.
    let markdown: Vec<&str> = lines
        .iter()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let markdown = markdown.join("\n");
    Parser::new_ext(&markdown, Options::all()).all(|event| match event {
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => info.trim() == "text",
        Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => false,
        Event::Html(_) | Event::InlineHtml(_) => false,
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn code_hidden_in_quotes_and_lists_never_runs() {
        for hostile in [
            "> ```rust\n> std::process::exit(1);\n> ```",
            "- ```\n  std::process::exit(1);\n  ```",
            ">     std::process::exit(1);",
            "1. item\n\n        std::process::exit(1);",
            "<script>alert(1)</script>",
            "text <img src=x onerror=alert(1)>",
            "* ~~~rust\n  boom();\n  ~~~",
        ] {
            let lines = sanitize(hostile);
            assert!(is_inert(&lines), "{hostile:?} → {lines:?}");
            assert!(lines
                .iter()
                .any(|l| l.contains("exit") || l.contains("alert") || l.contains("boom")));
        }
    }

    /// Many generated texts from the characters Markdown cares about: none
    /// panics, none yields a doctest or raw HTML.
    #[test]
    fn any_text_is_inert() {
        const PIECES: &[&str] = &[
            "`", "```", "~~~", "<", ">", "> ", "- ", "* ", "1. ", "    ", "\t", "\n", "\r", "é",
            "…", "\u{202E}", "rust", "text", "a", " ", "&", "#", "\\", "<b>", "</b>", "[x]", "|",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut text = String::new();
            let len = (state % 24) as usize;
            for _ in 0..len {
                // xorshift: deterministic, no dependency.
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            let lines = sanitize(&text);
            assert!(is_inert(&lines), "{text:?} → {lines:?}");
            let span = code(&text);
            assert!(is_inert(&sanitize(&format!("x {span} y"))), "{text:?}");
            let title = format!(" Client for {}.", inline_text(&text, 200));
            assert!(
                is_inert(std::slice::from_ref(&title)),
                "{text:?} → {title:?}"
            );
            assert!(!title.contains(['\n', '\r', '\u{202E}']), "{title:?}");
        }
    }

    #[test]
    fn direction_and_control_characters_are_dropped() {
        let lines = sanitize("a\u{202E}b\rc\u{0007}d");
        assert_eq!(lines, vec![" ab", " cd"]);
    }

    #[test]
    fn html_is_escaped_outside_code_spans_only() {
        assert_eq!(escape_html("a <b> `Vec<T>` c<"), "a &lt;b> `Vec<T>` c&lt;");
        assert_eq!(escape_html("``x`<y``<"), "``x`<y``&lt;");
        assert_eq!(escape_html("`open <"), "`open &lt;");
        assert_eq!(escape_html("`é…` <"), "`é…` &lt;");
        assert_eq!(escape_html("…`x…"), "…`x…");
    }

    #[test]
    fn code_spans_hold_any_text() {
        assert_eq!(code("plain"), "`plain`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code("line\n```rust\nboom()"), "````line ```rust boom()````");
        for text in ["a`b", "`x", "x\n```rust\nboom()\n```", "<b>"] {
            let lines = sanitize(&format!("Sets {}.", code(text)));
            assert!(is_inert(&lines), "{text:?} → {lines:?}");
        }
    }
}
