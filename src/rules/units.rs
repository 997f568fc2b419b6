//! Values as people and tools write them, converted to a metric's unit: `1200ms` is `1.2s`,
//! `1.5MB/min`, `4.8/5`, `25,000`, `ok`. A value in a unit that does not convert is an error
//! naming both units.

/// The unit of a metric that is up or down: `ok` is 1, `failed` is 0.
pub const STATUS_UNIT: &str = "ok/failed";

#[derive(Debug, Clone, PartialEq)]
enum Dim {
    Time,
    Percent,
    Bytes,
    /// Bytes per time.
    Rate,
    /// A rating out of 5.
    Score,
    Status,
    /// A count of something named by a word (users, tickets): only that word, or none.
    Count(String),
}

#[derive(Debug, Clone, PartialEq)]
struct Unit {
    dim: Dim,
    /// How many base units (s, %, B, B/s, points of 5) one of this unit is.
    factor: f64,
}

fn time(unit: &str) -> Option<f64> {
    Some(match unit {
        "us" | "µs" => 0.000_001,
        "ms" => 0.001,
        "s" | "sec" => 1.0,
        "min" => 60.0,
        "h" => 3600.0,
        "d" => 86_400.0,
        _ => return None,
    })
}

fn bytes(unit: &str) -> Option<f64> {
    Some(match unit {
        "B" => 1.0,
        "KB" => 1e3,
        "MB" => 1e6,
        "GB" => 1e9,
        "TB" => 1e12,
        "KiB" => 1024.0,
        "MiB" => 1024.0 * 1024.0,
        "GiB" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    })
}

fn unit(text: &str) -> Unit {
    let t = text.trim();
    if let Some(f) = time(t) {
        return Unit {
            dim: Dim::Time,
            factor: f,
        };
    }
    if let Some(f) = bytes(t) {
        return Unit {
            dim: Dim::Bytes,
            factor: f,
        };
    }
    if let Some((b, per)) = t.split_once('/') {
        if let (Some(b), Some(per)) = (bytes(b), time(per)) {
            return Unit {
                dim: Dim::Rate,
                factor: b / per,
            };
        }
    }
    match t {
        "%" => Unit {
            dim: Dim::Percent,
            factor: 1.0,
        },
        "ratio" => Unit {
            dim: Dim::Percent,
            factor: 100.0,
        },
        "score" | "/5" => Unit {
            dim: Dim::Score,
            factor: 1.0,
        },
        STATUS_UNIT => Unit {
            dim: Dim::Status,
            factor: 1.0,
        },
        word => Unit {
            dim: Dim::Count(word.trim_end_matches('s').to_lowercase()),
            factor: 1.0,
        },
    }
}

/// A value for a metric in `metric_unit`, converted to that unit.
pub fn parse_value(text: &str, metric_unit: &str) -> Result<f64, String> {
    let target = unit(metric_unit);
    let t = text.trim();
    if target.dim == Dim::Status {
        return match t.to_lowercase().as_str() {
            // The sheet writes "Backup Status: ✅".
            "ok" | "true" | "1" | "up" | "pass" | "✅" | "✔" | "✔\u{fe0f}" => Ok(1.0),
            "failed" | "false" | "0" | "down" | "fail" | "❌" | "✘" | "✖" => Ok(0.0),
            _ => Err(format!(
                "\"{text}\" is not a status; write ok or failed (or true, false)"
            )),
        };
    }
    let (number, suffix) = split_number(t).ok_or_else(|| {
        format!(
            "\"{text}\" is not a number; write e.g. 1.2{}",
            unit_suffix(metric_unit)
        )
    })?;
    if !number.is_finite() {
        return Err(format!("\"{text}\" is not a finite number"));
    }
    if let Some(comma) = misplaced_comma(t) {
        return Err(format!(
            "\"{text}\" has a comma that is not a thousands separator (\"{comma}\"); write a \
             decimal point (1.2s) or commas between groups of three digits (25,000)"
        ));
    }
    if suffix.is_empty() {
        return Ok(number);
    }
    // `4.8/5` and `96/100`: a rating, scaled to 5.
    if target.dim == Dim::Score {
        if let Some(scale) = suffix.strip_prefix('/') {
            let scale: f64 = scale
                .trim()
                .parse()
                .map_err(|_| format!("\"{text}\" is not a rating; write e.g. 4.8/5"))?;
            if scale <= 0.0 {
                return Err(format!("\"{text}\" is not a rating; write e.g. 4.8/5"));
            }
            let rating = number * 5.0 / scale;
            return if rating.is_finite() {
                Ok(rating)
            } else {
                Err(format!("\"{text}\" is not a rating; write e.g. 4.8/5"))
            };
        }
    }
    let given = unit(suffix);
    if given.dim != target.dim {
        return Err(format!(
            "\"{text}\" is in {suffix}, which does not convert to {metric_unit}, the unit of this metric"
        ));
    }
    let converted = number * given.factor / target.factor;
    if !converted.is_finite() {
        return Err(format!(
            "\"{text}\" is too large to be a {metric_unit} value"
        ));
    }
    Ok(converted)
}

/// A number given in `from`, in the metric's unit, or why it cannot be.
pub fn convert(value: f64, from: &str, metric_unit: &str) -> Result<f64, String> {
    let (source, to) = (unit(from), unit(metric_unit));
    if source.dim == to.dim && !matches!(source.dim, Dim::Count(_)) {
        Ok(value * source.factor / to.factor)
    } else {
        Err(format!(
            "the series is in {from}, which does not convert to {metric_unit}, the unit of this metric"
        ))
    }
}

/// The base unit a Prometheus series declares by its name's suffix, by the naming conventions.
/// A histogram's or summary's `_sum` is in the family's unit; its `_count` is a count.
pub fn prometheus_unit(series: &str) -> Option<&'static str> {
    let series = series.strip_suffix("_total").unwrap_or(series);
    let series = series.strip_suffix("_sum").unwrap_or(series);
    [("_seconds", "s"), ("_bytes", "B"), ("_ratio", "ratio")]
        .into_iter()
        .find(|(suffix, _)| series.ends_with(suffix))
        .map(|(_, unit)| unit)
}

/// The unit of measure Nagios performance data takes for values in `metric_unit`, and what
/// to multiply them by: the plugin guidelines know s, ms, us, %, B, KB, MB, TB and nothing else,
/// so hours become seconds, GB megabytes and MiB bytes; other units go without one.
pub fn nagios_uom(metric_unit: &str) -> (&'static str, f64) {
    let u = unit(metric_unit);
    match (u.dim, metric_unit.trim()) {
        (_, "s") => ("s", 1.0),
        (_, "ms") => ("ms", 1.0),
        (_, "us" | "µs") => ("us", 1.0),
        (Dim::Time, _) => ("s", u.factor),
        (_, "%") => ("%", 1.0),
        (_, "B") => ("B", 1.0),
        (_, "KB") => ("KB", 1.0),
        (_, "MB") => ("MB", 1.0),
        (_, "GB") => ("MB", 1000.0),
        (_, "TB") => ("TB", 1.0),
        (Dim::Bytes, _) => ("B", u.factor),
        _ => ("", 1.0),
    }
}

/// The least and most a value in this unit can be, whatever the metric: a percentage is 0 to
/// 100, a rating 0 to 5, a status 0 or 1, and durations, sizes, rates and counts are never
/// negative. A metric whose percentage can leave 0..100 (a growth rate) declares `min`/`max`.
pub fn natural_bounds(metric_unit: &str) -> (Option<f64>, Option<f64>) {
    match unit(metric_unit).dim {
        Dim::Percent => (Some(0.0), Some(100.0)),
        Dim::Score => (Some(0.0), Some(5.0)),
        Dim::Status => (Some(0.0), Some(1.0)),
        Dim::Time | Dim::Bytes | Dim::Rate | Dim::Count(_) => (Some(0.0), None),
    }
}

/// The first comma that is not between groups of three digits in the number at the start of
/// `text`, as the text around it: `1,2s` is not 12 seconds.
fn misplaced_comma(text: &str) -> Option<String> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.' || c == '-' || c == '+'))
        .unwrap_or(text.len());
    let number = &text[..end];
    if !number.contains(',') {
        return None;
    }
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let whole = whole.trim_start_matches(['-', '+']);
    let mut groups = whole.split(',');
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    let rest_ok = groups.all(|g| g.len() == 3);
    if first_ok && rest_ok && !fraction.contains(',') {
        None
    } else {
        Some(number.to_string())
    }
}

/// The number at the start of `text` (thousands separators allowed) and the unit after it.
fn split_number(text: &str) -> Option<(f64, &str)> {
    let lower = text.to_ascii_lowercase();
    for special in ["+inf", "-inf", "inf", "nan"] {
        if lower == special {
            return lower
                .replace("inf", "infinity")
                .parse()
                .ok()
                .map(|v| (v, ""));
        }
    }
    let end = text
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit()
                || c == '.'
                || c == ','
                || ((c == '-' || c == '+') && (i == 0 || text[..i].ends_with(['e', 'E'])))
                || ((c == 'e' || c == 'E')
                    && i > 0
                    && text[i + 1..]
                        .starts_with(|n: char| n.is_ascii_digit() || n == '-' || n == '+')))
        })
        .map_or(text.len(), |(i, _)| i);
    let digits: String = text[..end].chars().filter(|c| *c != ',').collect();
    let number: f64 = digits.parse().ok()?;
    Some((number, text[end..].trim()))
}

fn unit_suffix(metric_unit: &str) -> String {
    match unit(metric_unit).dim {
        Dim::Count(_) | Dim::Score | Dim::Status => String::new(),
        _ => metric_unit.to_string(),
    }
}

/// A number without float noise: `1.2`, `25000`, `0.01`.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN".into()
        } else if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    if v == v.trunc() && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    // Six significant digits past any leading zeros, so 0.000001073 keeps its digits.
    let leading = if v.abs() < 1.0 {
        (-v.abs().log10()).floor() as usize
    } else {
        0
    };
    let text = format!("{v:.*}", (6 + leading).min(17));
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A number for Nagios performance data: the shortest form that reads back as the same value
/// at 12 significant digits, so float noise (`4.500000000000001`) never reaches a graph.
pub fn perf_number(v: f64) -> String {
    if !v.is_finite() {
        return format!("{v}");
    }
    let rounded: f64 = format!("{v:.11e}").parse().unwrap_or(v);
    format!("{}", rounded + 0.0)
}

/// `v` to `digits` significant digits, for a value a person reads in a table.
pub fn significant(v: f64, digits: usize) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    format!("{v:.*e}", digits.saturating_sub(1))
        .parse()
        .unwrap_or(v)
}

/// A value in its metric's unit, as a person reads it: `1.2s`, `45MB`, `4.8/5`, `25000 users`.
pub fn show(v: f64, metric_unit: &str) -> String {
    match unit(metric_unit).dim {
        Dim::Status => (if v != 0.0 { "ok" } else { "failed" }).into(),
        Dim::Score => format!("{}/5", number(v)),
        Dim::Count(_) => format!("{} {metric_unit}", number(v)),
        _ => format!("{}{metric_unit}", number(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_values_read_in_their_units() {
        assert_eq!(parse_value("1.2s", "s"), Ok(1.2));
        assert!((parse_value("1200ms", "s").unwrap() - 1.2).abs() < 1e-12);
        assert_eq!(parse_value("0.01%", "%"), Ok(0.01));
        assert_eq!(parse_value("4.8/5", "score"), Ok(4.8));
        assert_eq!(parse_value("96/100", "score"), Ok(4.8));
        assert_eq!(parse_value("45MB", "MB"), Ok(45.0));
        assert_eq!(parse_value("1.5MB/min", "MB/min"), Ok(1.5));
        assert_eq!(parse_value("25,000", "users"), Ok(25000.0));
        assert_eq!(parse_value("25,000 users", "users"), Ok(25000.0));
        assert_eq!(parse_value("15min", "min"), Ok(15.0));
        assert_eq!(parse_value("2h", "h"), Ok(2.0));
        assert_eq!(parse_value("120min", "h"), Ok(2.0));
        assert_eq!(parse_value("ok", STATUS_UNIT), Ok(1.0));
        assert_eq!(parse_value("false", STATUS_UNIT), Ok(0.0));
        assert_eq!(parse_value("✅", STATUS_UNIT), Ok(1.0));
        assert_eq!(parse_value("✔", STATUS_UNIT), Ok(1.0));
        assert_eq!(parse_value("❌", STATUS_UNIT), Ok(0.0));
        assert_eq!(parse_value("✘", STATUS_UNIT), Ok(0.0));
        assert_eq!(parse_value("1.5e3", "s"), Ok(1500.0));
        assert_eq!(parse_value("25KB/s", "MB/min"), Ok(1.5));
    }

    #[test]
    fn prometheus_base_units_convert_to_the_metric() {
        assert_eq!(prometheus_unit("node_memory_Active_bytes"), Some("B"));
        assert_eq!(prometheus_unit("http_request_duration_seconds"), Some("s"));
        assert_eq!(prometheus_unit("cpu_seconds_total"), Some("s"));
        assert_eq!(prometheus_unit("node_load1"), None);
        assert_eq!(
            prometheus_unit("http_request_duration_seconds_sum"),
            Some("s")
        );
        assert_eq!(prometheus_unit("http_request_duration_seconds_count"), None);
        assert_eq!(convert(2.5e9, "B", "MB"), Ok(2500.0));
        assert_eq!(convert(0.0001, "ratio", "%"), Ok(0.01));
        assert_eq!(
            convert(0.25, "s", "%"),
            Err("the series is in s, which does not convert to %, the unit of this metric".into())
        );
    }

    #[test]
    fn units_that_do_not_convert_are_named() {
        let err = parse_value("3ms", "%").unwrap_err();
        assert_eq!(
            err,
            "\"3ms\" is in ms, which does not convert to %, the unit of this metric"
        );
        assert!(parse_value("12 sessions", "users").is_err());
        assert!(parse_value("fast", "s")
            .unwrap_err()
            .contains("is not a number"));
        assert!(parse_value("maybe", STATUS_UNIT).is_err());
    }

    #[test]
    fn commas_are_thousands_separators_only() {
        assert_eq!(parse_value("1,234,567", "users"), Ok(1_234_567.0));
        assert_eq!(parse_value("25,000.5", "users"), Ok(25_000.5));
        for bad in ["1,2s", "25,00", "1,2345", ",5", "12,34,567"] {
            let err = parse_value(bad, "s").unwrap_err();
            assert!(err.contains("not a thousands separator"), "{bad}: {err}");
        }
    }

    #[test]
    fn infinities_and_microseconds() {
        for bad in ["inf", "-inf", "+Inf", "NaN", "1e400"] {
            assert!(
                parse_value(bad, "s")
                    .unwrap_err()
                    .contains("not a finite number"),
                "{bad}"
            );
        }
        assert!((parse_value("250us", "ms").unwrap() - 0.25).abs() < 1e-12);
        assert!((parse_value("250µs", "ms").unwrap() - 0.25).abs() < 1e-12);
    }

    #[test]
    fn numbers_print_without_float_noise() {
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(25000.0), "25000");
        assert_eq!(number(1.073e-6), "0.000001073");
        assert_eq!(show(1.2, "s"), "1.2s");
        assert_eq!(show(4.8, "score"), "4.8/5");
        assert_eq!(show(0.0, STATUS_UNIT), "failed");
        assert_eq!(show(25000.0, "users"), "25000 users");
    }
}
