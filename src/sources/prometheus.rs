//! The Prometheus text exposition format, read for the series that thresholds.yaml selects:
//! `# HELP` / `# TYPE` and other comments, label values with `\\`, `\"` and `\n` escapes,
//! exponents, `NaN`, `+Inf`, `-Inf` and optional timestamps. Every line is checked, as promtool
//! checks it; only the lines a selector wants have their labels built.

use std::collections::HashMap;

pub use crate::rules::selector::Selector;
use crate::rules::selector::{quoted, valid_label, valid_name};

/// FNV-1a for the names of one scrape: SipHash's defence against chosen keys buys nothing
/// for a file read once, and hashing every sample's name was a tenth of reading it.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Names<'a, V> = HashMap<&'a str, V, std::hash::BuildHasherDefault<Fnv>>;

/// A sample value: a float, `NaN`, `+Inf` or `-Inf`.
fn value(text: &str) -> Option<f64> {
    match text {
        "NaN" => Some(f64::NAN),
        "+Inf" | "Inf" => Some(f64::INFINITY),
        "-Inf" => Some(f64::NEG_INFINITY),
        t => t.parse().ok(),
    }
}

/// The value of the sample each selector matches, `None` where none does. Every line is read,
/// as promtool would: one that cannot be read makes the whole input unreadable, named by its
/// line number, and so does a selector that two series match. Lines no selector wants are
/// checked without building their labels, which keeps a 50,000-line scrape fast.
pub fn scan(text: &str, selectors: &[Selector]) -> Result<Vec<Option<f64>>, String> {
    let mut wanted: Names<Vec<usize>> = Names::default();
    for (i, s) in selectors.iter().enumerate() {
        wanted.entry(s.name.as_str()).or_default().push(i);
    }
    // The value each selector found, and on which line.
    let mut found: Vec<Option<(f64, usize)>> = vec![None; selectors.len()];
    // The line of each family's `# TYPE`: a family is typed once, as promtool requires.
    let mut typed: Names<usize> = Names::default();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let line = line.trim_start();
        let bad = |why: &str| format!("line {number}: {why}: {line}");
        if let Some(comment) = line.strip_prefix('#') {
            let mut words = comment.split_ascii_whitespace();
            if words.next() == Some("TYPE") {
                let (Some(family), Some(kind)) = (words.next(), words.next()) else {
                    return Err(bad("a # TYPE line names a metric and its type"));
                };
                if !valid_name(family) {
                    return Err(bad("# TYPE names no valid metric"));
                }
                if !["counter", "gauge", "histogram", "summary", "untyped"].contains(&kind) {
                    return Err(bad(
                        "the type is none of counter, gauge, histogram, summary, untyped",
                    ));
                }
                if let Some(first) = typed.insert(family, number) {
                    return Err(bad(&format!(
                        "a second # TYPE for {family} (the first is on line {first})"
                    )));
                }
            }
            continue;
        }
        if line.is_empty() {
            continue;
        }
        // Bytes, not chars: a name is ASCII, and a byte that is not ends it as invalid.
        let name_end = line
            .bytes()
            .position(|b| b == b'{' || b.is_ascii_whitespace())
            .unwrap_or(line.len());
        let name = &line[..name_end];
        if !valid_name(name) {
            return Err(bad("this is not a sample (a metric name, labels, a value)"));
        }
        let candidates = wanted.get(name);
        let (labels, rest) = match (line[name_end..].starts_with('{'), candidates) {
            (false, _) => (Vec::new(), &line[name_end..]),
            (true, Some(_)) => {
                labels(&line[name_end..]).ok_or_else(|| bad("labels cannot be read"))?
            }
            (true, None) => (
                Vec::new(),
                skip_labels(&line[name_end..]).ok_or_else(|| bad("labels cannot be read"))?,
            ),
        };
        let sample = sample(rest).map_err(|why| bad(&why))?;
        for &i in candidates.into_iter().flatten() {
            if !selectors[i].matches(&labels) {
                continue;
            }
            if let Some((_, first)) = found[i] {
                return Err(format!(
                    "lines {first} and {number} are both series the selector for {} matches; \
                     add labels to its selector so that it names one",
                    selectors[i].name
                ));
            }
            found[i] = Some((sample, number));
        }
    }
    Ok(found.into_iter().map(|f| f.map(|(v, _)| v)).collect())
}

/// What follows a series' name and labels: the value, an optional timestamp, nothing else.
fn sample(rest: &str) -> Result<f64, String> {
    // The format separates fields with spaces and tabs; other whitespace is part of a field,
    // which then does not read.
    let mut fields = rest.split_ascii_whitespace();
    let sample = fields
        .next()
        .and_then(value)
        .ok_or("the value is not a number")?;
    match fields.next() {
        None => return Ok(sample),
        Some(t) if t.starts_with('#') => return Err(exemplar()),
        Some(t) if t.parse::<i64>().is_ok() => {}
        Some(t) if t.parse::<f64>().is_ok() => {
            return Err(format!(
                "the timestamp {t} has a fraction, as OpenMetrics writes seconds; the Prometheus \
                 text format takes whole milliseconds (ask the exporter for text/plain)"
            ))
        }
        Some(_) => return Err("the timestamp is not an integer".into()),
    }
    match fields.next() {
        None => Ok(sample),
        Some(t) if t.starts_with('#') => Err(exemplar()),
        Some(_) => Err("there is more after the value and timestamp".into()),
    }
}

fn exemplar() -> String {
    "an OpenMetrics exemplar (# {...}) follows the value; the Prometheus text format has none \
     (ask the exporter for text/plain rather than OpenMetrics)"
        .into()
}

/// Past `{...}` at the start of `text`, checking its form without keeping the labels: each
/// label a valid name, `=`, a quoted value with only the format's escapes, commas between.
fn skip_labels(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut i = 1; // past '{'
    loop {
        while bytes.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        if bytes[i] == b'}' {
            return Some(&text[i + 1..]);
        }
        let start = i;
        while bytes.get(i)?.is_ascii_alphanumeric() || bytes[i] == b'_' {
            i += 1;
        }
        if !valid_label(&text[start..i]) {
            return None;
        }
        while bytes.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        if bytes[i] != b'=' {
            return None;
        }
        i += 1;
        while bytes.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        if bytes[i] != b'"' {
            return None;
        }
        i += 1;
        loop {
            match *bytes.get(i)? {
                b'\\' => {
                    if !matches!(bytes.get(i + 1)?, b'\\' | b'"' | b'n') {
                        return None;
                    }
                    i += 2;
                }
                b'"' => break,
                _ => i += 1,
            }
        }
        i += 1;
        while bytes.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        if bytes[i] == b',' {
            i += 1;
        }
    }
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
        if !valid_label(&label) {
            return None;
        }
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
    fn a_malformed_line_anywhere_is_an_error_naming_it() {
        let cases = [
            (
                "junk{{{ not parsed\n",
                "line 1: labels cannot be read: junk{{{ not parsed",
            ),
            (
                "ok 1\nup one\n",
                "line 2: the value is not a number: up one",
            ),
            (
                "9lives 1\n",
                "line 1: this is not a sample (a metric name, labels, a value): 9lives 1",
            ),
            (
                "a 1 2 3\n",
                "line 1: there is more after the value and timestamp: a 1 2 3",
            ),
            (
                "a 1 1712345678.5\n",
                "line 1: the timestamp 1712345678.5 has a fraction, as OpenMetrics writes seconds",
            ),
            (
                "a_total 5 # {trace_id=\"x\"} 1\n",
                "line 1: an OpenMetrics exemplar (# {...}) follows the value",
            ),
            (
                "# TYPE a gauge\na 1\n# TYPE a counter\n",
                "line 3: a second # TYPE for a (the first is on line 1): # TYPE a counter",
            ),
            ("# TYPE a widget\n", "line 1: the type is none of counter"),
            ("a{1a=\"x\"} 1\n", "line 1: labels cannot be read"),
            ("other{1a=\"x\"} 1\n", "line 1: labels cannot be read"),
            ("a{b=\"\\q\"} 1\n", "line 1: labels cannot be read"),
            ("other{b=\"\\q\"} 1\n", "line 1: labels cannot be read"),
            ("other{b=\"x\" c} 1\n", "line 1: labels cannot be read"),
        ];
        for (text, expected) in cases {
            let err = scan(text, &[sel("a")]).unwrap_err();
            assert!(err.starts_with(expected), "{text:?}: {err}");
        }
    }

    #[test]
    fn two_series_for_one_selector_are_an_error_naming_both_lines() {
        let err = scan(SCRAPE, &[sel("http_request_duration_seconds")]).unwrap_err();
        assert!(err.starts_with("lines 3 and 4 are both series"), "{err}");
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
