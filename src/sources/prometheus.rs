//! The Prometheus text exposition format, read for the series that thresholds.yaml selects:
//! `# HELP` / `# TYPE` and other comments, label values with `\\`, `\"` and `\n` escapes,
//! exponents, `NaN`, `+Inf`, `-Inf` and optional timestamps. Lines whose metric name no selector
//! wants are skipped without parsing their labels, which keeps a 50,000-line scrape fast.

use std::collections::HashMap;

/// `name{label="value", other!="x"}`: one series, chosen by name and label matchers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector {
    pub name: String,
    matchers: Vec<Matcher>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Matcher {
    label: String,
    equal: bool,
    value: String,
}

impl Selector {
    /// Every series of one name.
    pub fn named(name: &str) -> Self {
        Selector {
            name: name.to_string(),
            matchers: Vec::new(),
        }
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let t = text.trim();
        let bad = |why: &str| {
            format!("selector \"{text}\" {why}; write e.g. http_request_duration_seconds{{quantile=\"0.99\"}}")
        };
        let (name, rest) = match t.find('{') {
            Some(i) => (&t[..i], &t[i..]),
            None => (t, ""),
        };
        if !valid_name(name) {
            return Err(bad("does not start with a metric name"));
        }
        let mut matchers = Vec::new();
        if !rest.is_empty() {
            let body = rest
                .strip_prefix('{')
                .and_then(|r| r.strip_suffix('}'))
                .ok_or_else(|| bad("has unbalanced braces"))?;
            let mut cursor = body.trim();
            while !cursor.is_empty() {
                let op_at = cursor
                    .find(['=', '!'])
                    .ok_or_else(|| bad("has a matcher without = or !="))?;
                let label = cursor[..op_at].trim();
                let equal = !cursor[op_at..].starts_with("!=");
                let after = &cursor[op_at + if equal { 1 } else { 2 }..];
                if after.starts_with('~') {
                    return Err(bad(
                        "uses a regular expression (=~), which is not supported; use = or !=",
                    ));
                }
                let (value, used) = quoted(after.trim_start())
                    .ok_or_else(|| bad("has a label value that is not quoted"))?;
                matchers.push(Matcher {
                    label: label.to_string(),
                    equal,
                    value,
                });
                cursor = after.trim_start()[used..].trim_start();
                cursor = cursor.strip_prefix(',').unwrap_or(cursor).trim_start();
            }
        }
        Ok(Selector {
            name: name.to_string(),
            matchers,
        })
    }

    fn matches(&self, labels: &[(String, String)]) -> bool {
        self.matchers.iter().all(|m| {
            let value = labels
                .iter()
                .find(|(l, _)| *l == m.label)
                .map_or("", |(_, v)| v.as_str());
            (value == m.value) == m.equal
        })
    }
}

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == ':')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
}

/// A double-quoted string with escapes at the start of `text`: its value and the bytes used.
fn quoted(text: &str) -> Option<(String, usize)> {
    let mut chars = text.char_indices();
    if chars.next()?.1 != '"' {
        return None;
    }
    let mut out = String::new();
    let mut escaped = false;
    for (i, c) in chars {
        if escaped {
            out.push(match c {
                'n' => '\n',
                other => other,
            });
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' {
            return Some((out, i + 1));
        } else {
            out.push(c);
        }
    }
    None
}

/// A sample value: a float, `NaN`, `+Inf` or `-Inf`.
fn value(text: &str) -> Option<f64> {
    match text {
        "NaN" => Some(f64::NAN),
        "+Inf" | "Inf" => Some(f64::INFINITY),
        "-Inf" => Some(f64::NEG_INFINITY),
        t => t.parse().ok(),
    }
}

/// The value of the first sample each selector matches, `None` where none does. A selected
/// line that cannot be read is an error naming its line number.
pub fn scan(text: &str, selectors: &[Selector]) -> Result<Vec<Option<f64>>, String> {
    let mut wanted: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in selectors.iter().enumerate() {
        wanted.entry(s.name.as_str()).or_default().push(i);
    }
    let mut found: Vec<Option<f64>> = vec![None; selectors.len()];
    let mut open = selectors.len();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let name_end = line
            .find(|c: char| c == '{' || c.is_whitespace())
            .unwrap_or(line.len());
        let Some(candidates) = wanted.get(&line[..name_end]) else {
            continue;
        };
        if candidates.iter().all(|i| found[*i].is_some()) {
            continue;
        }
        let bad = |why: &str| format!("line {}: {why}: {line}", number + 1);
        let (labels, rest) = if line[name_end..].starts_with('{') {
            labels(&line[name_end..]).ok_or_else(|| bad("labels cannot be read"))?
        } else {
            (Vec::new(), &line[name_end..])
        };
        let mut fields = rest.split_whitespace();
        let sample = fields
            .next()
            .and_then(value)
            .ok_or_else(|| bad("the value is not a number"))?;
        if let Some(ts) = fields.next() {
            ts.parse::<i64>()
                .map_err(|_| bad("the timestamp is not an integer"))?;
        }
        for &i in candidates {
            if found[i].is_none() && selectors[i].matches(&labels) {
                found[i] = Some(sample);
                open -= 1;
            }
        }
        if open == 0 {
            break;
        }
    }
    Ok(found)
}

/// `{a="1",b="x\"y"}` at the start of `text`: the labels and what follows the closing brace.
fn labels(text: &str) -> Option<(Vec<(String, String)>, &str)> {
    let mut rest = text.strip_prefix('{')?.trim_start();
    let mut out = Vec::new();
    loop {
        if let Some(after) = rest.strip_prefix('}') {
            return Some((out, after));
        }
        let eq = rest.find('=')?;
        let label = rest[..eq].trim().to_string();
        let (value, used) = quoted(rest[eq + 1..].trim_start())?;
        let skipped = rest[eq + 1..].len() - rest[eq + 1..].trim_start().len();
        out.push((label, value));
        rest = rest[eq + 1 + skipped + used..].trim_start();
        rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCRAPE: &str = r#"# HELP http_request_duration_seconds A summary.
# TYPE http_request_duration_seconds summary
http_request_duration_seconds{quantile="0.5"} 0.25
http_request_duration_seconds{quantile="0.99"} 1.2e0 1712345678000
http_request_duration_seconds_sum 8953.332
weird{path="/a\"b\\c",code="500"} +Inf
up 1
nothing NaN
"#;

    fn sel(text: &str) -> Selector {
        Selector::parse(text).unwrap()
    }

    #[test]
    fn picks_each_selected_series() {
        let found = scan(
            SCRAPE,
            &[
                sel(r#"http_request_duration_seconds{quantile="0.99"}"#),
                sel("up"),
                sel(r#"weird{path="/a\"b\\c"}"#),
                sel("nothing"),
                sel("absent"),
                sel(r#"http_request_duration_seconds{quantile!="0.5"}"#),
            ],
        )
        .unwrap();
        assert_eq!(found[0], Some(1.2));
        assert_eq!(found[1], Some(1.0));
        assert_eq!(found[2], Some(f64::INFINITY));
        assert!(found[3].unwrap().is_nan());
        assert_eq!(found[4], None);
        assert_eq!(found[5], Some(1.2));
    }

    #[test]
    fn unselected_garbage_is_skipped_and_selected_garbage_is_an_error() {
        let text = "junk{{{ not parsed\nup one\n";
        assert_eq!(scan(text, &[sel("other")]).unwrap(), [None]);
        let err = scan(text, &[sel("up")]).unwrap_err();
        assert_eq!(err, "line 2: the value is not a number: up one");
    }

    #[test]
    fn selectors_are_checked() {
        assert!(Selector::parse("9bad").is_err());
        assert!(Selector::parse("x{a=~\"b\"}")
            .unwrap_err()
            .contains("not supported"));
        assert!(Selector::parse("x{a=b}").is_err());
    }
}
