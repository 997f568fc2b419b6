//! Metric values from a file: `NAME=VALUE` lines, a JSON or YAML object, or (handled by
//! [`crate::sources::prometheus`]) a Prometheus scrape. Values stay text until the metric's unit reads
//! them.

/// How an input file is written: the value of `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// From the file name, else from the content
    Auto,
    /// NAME=VALUE lines
    Kv,
    Json,
    Yaml,
    /// The Prometheus text exposition format
    Prometheus,
}

/// The format of an input, from the file name when it says, else from the first line that
/// carries something.
pub fn detect(name: &str, text: &str) -> InputFormat {
    let lower = name.to_lowercase();
    if lower.ends_with(".json") {
        return InputFormat::Json;
    }
    if lower.ends_with(".yaml") || lower.ends_with(".yml") {
        return InputFormat::Yaml;
    }
    if lower.ends_with(".prom") {
        return InputFormat::Prometheus;
    }
    // Plain comments say nothing; HELP and TYPE lines say Prometheus.
    let says_something = |l: &str| {
        let comment = l.starts_with('#') && !l.starts_with("# HELP") && !l.starts_with("# TYPE");
        !l.is_empty() && !comment
    };
    let first = text.lines().map(str::trim).find(|l| says_something(l));
    match first {
        Some(l) if l.starts_with('{') => InputFormat::Json,
        Some(l) if l.starts_with("# HELP") || l.starts_with("# TYPE") => InputFormat::Prometheus,
        Some(l)
            if l.split_whitespace()
                .next()
                .is_some_and(|w| w.contains('=') && !w.contains('{')) =>
        {
            InputFormat::Kv
        }
        Some(l) if l.contains(": ") || l.ends_with(':') || l == "---" => InputFormat::Yaml,
        _ => InputFormat::Prometheus,
    }
}

/// `NAME=VALUE` pairs, one a line; blank lines and `#` comments are skipped.
pub fn key_values(text: &str) -> Result<Vec<(String, String)>, String> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            l.split_once('=')
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                .ok_or_else(|| format!("line {}: \"{l}\" is not NAME=VALUE", i + 1))
        })
        .collect()
}

/// A JSON object of metric names to numbers or strings.
pub fn json(text: &str) -> Result<Vec<(String, String)>, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let serde_json::Value::Object(map) = value else {
        return Err("JSON input must be an object of metric names to values".into());
    };
    map.into_iter()
        .map(|(k, v)| match v {
            serde_json::Value::String(s) => Ok((k, s)),
            serde_json::Value::Number(n) => Ok((k, n.to_string())),
            serde_json::Value::Bool(b) => Ok((k, b.to_string())),
            other => Err(format!(
                "{k}: {other} is not a value; give a number or a string such as \"1.2s\""
            )),
        })
        .collect()
}

/// A YAML mapping of metric names to numbers or strings.
pub fn yaml(text: &str) -> Result<Vec<(String, String)>, String> {
    let value: serde_yaml::Value =
        serde_yaml::from_str(text).map_err(|e| format!("not YAML: {e}"))?;
    let serde_yaml::Value::Mapping(map) = value else {
        return Err("YAML input must be a mapping of metric names to values".into());
    };
    map.into_iter()
        .map(|(k, v)| {
            let key = match k {
                serde_yaml::Value::String(s) => s,
                other => return Err(format!("{other:?} is not a metric name")),
            };
            match v {
                serde_yaml::Value::String(s) => Ok((key, s)),
                serde_yaml::Value::Number(n) => Ok((key, n.to_string())),
                serde_yaml::Value::Bool(b) => Ok((key, b.to_string())),
                _ => Err(format!(
                    "{key}: not a value; give a number or a string such as \"1.2s\""
                )),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart() {
        assert_eq!(detect("-", "response_time=1.2s\n"), InputFormat::Kv);
        assert_eq!(detect("-", "{\"a\": 1}"), InputFormat::Json);
        assert_eq!(detect("-", "a: 1\n"), InputFormat::Yaml);
        assert_eq!(detect("-", "# HELP x y\nx 1\n"), InputFormat::Prometheus);
        assert_eq!(detect("-", "x{a=\"b\"} 1\n"), InputFormat::Prometheus);
        assert_eq!(detect("-", "up 1\n"), InputFormat::Prometheus);
        assert_eq!(detect("m.json", "garbage"), InputFormat::Json);
    }

    #[test]
    fn each_format_gives_name_value_pairs() {
        assert_eq!(
            key_values("# c\na=1s\n\nb = 2\n").unwrap(),
            [("a".into(), "1s".into()), ("b".into(), "2".into())]
        );
        assert!(key_values("nonsense").unwrap_err().contains("line 1"));
        assert_eq!(
            json("{\"a\": 1.5, \"b\": \"ok\"}").unwrap(),
            [("a".into(), "1.5".into()), ("b".into(), "ok".into())]
        );
        assert_eq!(
            yaml("a: 1.5\nb: ok\n").unwrap(),
            [("a".into(), "1.5".into()), ("b".into(), "ok".into())]
        );
    }
}
