//! A Prometheus series selector as thresholds.yaml writes one (`name{label="value"}`), and
//! the pieces of the text format that both the selector and the reader of a scrape check:
//! names, and quoted label values with their escapes. Pure: the config parses selectors with
//! it, `sources::prometheus` reads scrapes with it.

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

    /// Whether a series with these labels is the one selected.
    pub fn matches(&self, labels: &[(String, String)]) -> bool {
        self.matchers.iter().all(|m| {
            let value = labels
                .iter()
                .find(|(l, _)| *l == m.label)
                .map_or("", |(_, v)| v.as_str());
            (value == m.value) == m.equal
        })
    }
}

/// A label's name: no colon, unlike a metric's.
pub fn valid_label(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
        && bytes.all(|c| c.is_ascii_alphanumeric() || c == b'_')
}

/// A metric's name: letters, digits, `_` and `:`, not starting with a digit.
pub fn valid_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_' || c == b':')
        && bytes.all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b':')
}

/// A double-quoted string with escapes at the start of `text`: its value and the bytes used.
/// The exposition format knows three escapes (`\\`, `\"`, `\n`); any other is unreadable.
pub fn quoted(text: &str) -> Option<(String, usize)> {
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
                '\\' | '"' => c,
                _ => return None,
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
