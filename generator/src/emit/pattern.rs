//! Strings for a schema's `pattern`, for examples: a spec's example is kept
//! when it matches, else the shortest plain string the pattern describes is
//! made from its syntax tree. Patterns Rust's regex syntax cannot read
//! (look-around, back-references) give nothing.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Longest string made, and most repetitions of one part.
const MAX_LEN: usize = 256;
const MAX_REPEAT: u32 = 64;

/// Whether `text` matches `pattern` (searched, as JSON Schema does).
pub fn matches(pattern: &str, text: &str) -> bool {
    regex::RegexBuilder::new(pattern)
        .size_limit(1 << 20)
        .build()
        .is_ok_and(|re| re.is_match(text))
}

/// A string that matches `pattern`, when one can be made.
pub fn string_for(pattern: &str) -> Option<String> {
    let hir = regex_syntax::ParserBuilder::new()
        .nest_limit(64)
        .build()
        .parse(pattern)
        .ok()?;
    let mut out = String::new();
    write(&hir, &mut out)?;
    matches(pattern, &out).then_some(out)
}

fn write(hir: &Hir, out: &mut String) -> Option<()> {
    if out.len() > MAX_LEN {
        return None;
    }
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(literal) => out.push_str(std::str::from_utf8(&literal.0).ok()?),
        HirKind::Class(Class::Unicode(class)) => {
            let ranges = class.ranges();
            let has = |c: char| ranges.iter().any(|r| r.start() <= c && c <= r.end());
            let pick = ['a', '0', 'A', '-', '_', '.']
                .into_iter()
                .find(|c| has(*c))
                .or_else(|| {
                    ranges
                        .iter()
                        .flat_map(|r| [r.start(), r.end()])
                        .find(|c| !c.is_control() && !c.is_whitespace())
                })
                .or_else(|| ranges.first().map(|r| r.start()))?;
            out.push(pick);
        }
        HirKind::Class(Class::Bytes(class)) => {
            let byte = class
                .ranges()
                .iter()
                .map(|r| r.start())
                .find(u8::is_ascii)?;
            out.push(char::from(byte));
        }
        HirKind::Repetition(repetition) => {
            let times = repetition
                .min
                .max(1)
                .min(repetition.max.unwrap_or(u32::MAX))
                .min(MAX_REPEAT);
            for _ in 0..times {
                write(&repetition.sub, out)?;
            }
        }
        HirKind::Capture(capture) => write(&capture.sub, out)?,
        HirKind::Concat(parts) => parts.iter().try_for_each(|p| write(p, out))?,
        HirKind::Alternation(branches) => write(branches.first()?, out)?,
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_strings_match_their_patterns() {
        for pattern in [
            "^[a-z0-9-]{3,63}$",
            r"^\d{4}-\d{2}-\d{2}$",
            "^(foo|bar)+$",
            r"^[A-Z][a-z]*\s[0-9]?x$",
            "^$",
            "abc",
            r"^\+?[1-9]\d{1,14}$",
            r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
        ] {
            let made = string_for(pattern).expect(pattern);
            assert!(matches(pattern, &made), "{pattern}: {made:?}");
        }
        assert_eq!(string_for("^[a-z]{2}$").as_deref(), Some("aa"));
        // Look-around is not Rust regex syntax: nothing is made.
        assert_eq!(string_for("^(?!x)a$"), None);
        assert_eq!(string_for(r"^(a)\1$"), None);
    }
}
