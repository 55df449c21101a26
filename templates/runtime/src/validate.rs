//! Constraint checks that generated code runs on every input before any I/O.

use super::error::InvalidInput;

/// Implemented by every generated model: checks the constraints of the API.
pub trait Validate {
    /// Checks `self`, naming offending values relative to `path`; values
    /// with nothing to check keep this default.
    fn validate(&self, path: &str) -> Result<(), InvalidInput> {
        let _ = path;
        Ok(())
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate(&self, path: &str) -> Result<(), InvalidInput> {
        self.as_ref().map_or(Ok(()), |value| value.validate(path))
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate(&self, path: &str) -> Result<(), InvalidInput> {
        for (i, item) in self.iter().enumerate() {
            item.validate(&index(path, i))?;
        }
        Ok(())
    }
}

impl<T: Validate> Validate for std::collections::BTreeMap<String, T> {
    fn validate(&self, path: &str) -> Result<(), InvalidInput> {
        for (key, item) in self {
            item.validate(&join(path, key))?;
        }
        Ok(())
    }
}

/// Checks the member `member` of the value at `path`.
pub fn member<T: Validate + ?Sized>(
    path: &str,
    member: &str,
    value: &T,
) -> Result<(), InvalidInput> {
    value.validate(&join(path, member))
}

impl<T: Validate> Validate for Box<T> {
    fn validate(&self, path: &str) -> Result<(), InvalidInput> {
        (**self).validate(path)
    }
}

/// Builds the error for `path`.
pub fn invalid(path: &str, problem: impl Into<String>) -> InvalidInput {
    InvalidInput {
        field: path.to_owned(),
        problem: problem.into(),
    }
}

/// Joins a field path and a member name: `body` + `task_id` → `body.task_id`.
pub fn join(path: &str, member: &str) -> String {
    // Built by hand: generated code joins paths on every call, valid or not.
    let mut out = String::with_capacity(path.len() + member.len() + 1);
    if !path.is_empty() {
        out.push_str(path);
        out.push('.');
    }
    out.push_str(member);
    out
}

/// The path of the item at `index`: `list` → `list[3]`.
pub fn index(path: &str, index: usize) -> String {
    let mut out = String::with_capacity(path.len() + 8);
    out.push_str(path);
    out.push('[');
    let digits = index.checked_ilog10().unwrap_or(0) + 1;
    for place in (0..digits).rev() {
        out.push(char::from(b'0' + (index / 10usize.pow(place) % 10) as u8));
    }
    out.push(']');
    out
}

/// Checks which properties are present together: each set lists its
/// properties' names with whether each is set; at least one set must be
/// complete, or exactly one where `exactly_one` (`anyOf`/`oneOf` of
/// `required` lists).
pub fn required_sets(
    path: &str,
    sets: &[&[(&str, bool)]],
    exactly_one: bool,
) -> Result<(), InvalidInput> {
    let complete = sets
        .iter()
        .filter(|set| set.iter().all(|(_, present)| *present))
        .count();
    if complete == 1 || (complete > 1 && !exactly_one) {
        return Ok(());
    }
    let mut wanted = String::new();
    for (i, set) in sets.iter().enumerate() {
        if i > 0 {
            wanted.push_str(" | ");
        }
        for (j, (name, _)) in set.iter().enumerate() {
            if j > 0 {
                wanted.push_str(" + ");
            }
            wanted.push_str(name);
        }
    }
    let how = if exactly_one {
        "exactly one"
    } else {
        "at least one"
    };
    Err(invalid(
        path,
        format!("needs {how} of these sets of properties set: {wanted}"),
    ))
}

/// Checks a string's length in characters.
pub fn length(
    path: &str,
    value: &str,
    min: Option<usize>,
    max: Option<usize>,
) -> Result<(), InvalidInput> {
    let len = value.chars().count();
    bounds(path, len, min, max, "characters")
}

/// Checks the number of items of an array or entries of a map.
pub fn items(
    path: &str,
    len: usize,
    min: Option<usize>,
    max: Option<usize>,
) -> Result<(), InvalidInput> {
    bounds(path, len, min, max, "items")
}

fn bounds(
    path: &str,
    len: usize,
    min: Option<usize>,
    max: Option<usize>,
    unit: &str,
) -> Result<(), InvalidInput> {
    if let Some(min) = min {
        if len < min {
            return Err(invalid(
                path,
                format!("has {len} {unit}, fewer than the minimum {min}"),
            ));
        }
    }
    if let Some(max) = max {
        if len > max {
            return Err(invalid(
                path,
                format!("has {len} {unit}, more than the maximum {max}"),
            ));
        }
    }
    Ok(())
}

/// Refuses NaN and the infinities, which JSON cannot carry (serde_json would
/// send `null` in their place).
pub fn finite<T: Into<f64> + Copy>(path: &str, value: T) -> Result<(), InvalidInput> {
    let value: f64 = value.into();
    if value.is_finite() {
        Ok(())
    } else {
        Err(invalid(
            path,
            format!("is {value}, must be a finite number"),
        ))
    }
}

/// Checks a number against inclusive or exclusive bounds.
pub fn range<T: PartialOrd + std::fmt::Display + Copy>(
    path: &str,
    value: T,
    min: Option<(T, bool)>,
    max: Option<(T, bool)>,
) -> Result<(), InvalidInput> {
    if let Some((min, exclusive)) = min {
        if value < min || (exclusive && value == min) {
            let relation = if exclusive {
                "greater than"
            } else {
                "at least"
            };
            return Err(invalid(
                path,
                format!("is {value}, must be {relation} {min}"),
            ));
        }
    }
    if let Some((max, exclusive)) = max {
        if value > max || (exclusive && value == max) {
            let relation = if exclusive { "less than" } else { "at most" };
            return Err(invalid(
                path,
                format!("is {value}, must be {relation} {max}"),
            ));
        }
    }
    Ok(())
}

/// Rejects a value of an enum that this client does not know.
pub fn known_variant(path: &str, value: &str, is_known: bool) -> Result<(), InvalidInput> {
    if is_known {
        Ok(())
    } else {
        Err(invalid(
            path,
            format!("has the value `{value}`, which the API does not define"),
        ))
    }
}

/// Rejects a missing required value.
pub fn required<T>(path: &str, value: Option<T>) -> Result<T, InvalidInput> {
    value.ok_or_else(|| invalid(path, "is required but was not set"))
}
