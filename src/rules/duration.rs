//! Durations as people write them in config: `5m`, `1h30m`, `24h`, `7d`, `1w`.

use chrono::Duration;

/// The longest duration config may give. Every limit, shift and timeout of an on-call team
/// fits in a year, and bounding them keeps every deadline computed from them on the calendar.
pub const LONGEST_DAYS: i64 = 366;

/// Parses a duration made of one or more `<number><unit>` parts, unit one of ms, s, m, h, d, w,
/// of at most [`LONGEST_DAYS`]. Milliseconds are for network timeouts (`500ms`).
pub fn parse(text: &str) -> Result<Duration, String> {
    let bad = || {
        format!("\"{text}\" is not a duration; write a number and a unit (s, m, h, d, w), e.g. 15m, 4h or 1h30m")
    };
    let mut total = Duration::zero();
    let mut rest = text.trim();
    if rest.is_empty() {
        return Err(bad());
    }
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
        if digits == 0 {
            return Err(bad());
        }
        let number: i64 = rest[..digits].parse().map_err(|_| bad())?;
        let unit_end = rest[digits..]
            .find(|c: char| c.is_ascii_digit())
            .map_or(rest.len(), |i| i + digits);
        let millis = match rest[digits..unit_end].trim() {
            "ms" => 1,
            "s" => 1000,
            "m" | "min" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            "w" => 604_800_000,
            _ => return Err(bad()),
        };
        let part = number
            .checked_mul(millis)
            .and_then(Duration::try_milliseconds)
            .ok_or_else(bad)?;
        total = total.checked_add(&part).ok_or_else(bad)?;
        if total > Duration::days(LONGEST_DAYS) {
            return Err(format!(
                "\"{}\" is longer than mindops takes; write at most {LONGEST_DAYS}d",
                text.trim()
            ));
        }
        rest = &rest[unit_end..];
    }
    Ok(total)
}

/// Shows a duration the short way people read it: `5m`, `1h30m`, `2d4h`, `1s500ms`.
pub fn format(d: Duration) -> String {
    let mut secs = d.num_seconds();
    let millis = d.subsec_millis().unsigned_abs();
    if secs == 0 && millis > 0 {
        return format!("{}{millis}ms", if d < Duration::zero() { "-" } else { "" });
    }
    if secs == 0 {
        return "0s".into();
    }
    let mut out = String::new();
    if secs < 0 {
        out.push('-');
        secs = secs.saturating_neg();
    }
    for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] {
        if secs >= size {
            out.push_str(&format!("{}{unit}", secs / size));
            secs %= size;
        }
    }
    if millis > 0 {
        out.push_str(&format!("{millis}ms"));
    }
    out
}

/// [`format`] for a standard-library duration (timeouts).
pub fn format_std(d: std::time::Duration) -> String {
    Duration::from_std(d).map_or_else(|_| format!("{}s", d.as_secs()), format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_single_and_compound_durations() {
        assert_eq!(parse("5m").unwrap(), Duration::minutes(5));
        assert_eq!(parse("24h").unwrap(), Duration::hours(24));
        assert_eq!(parse("1h30m").unwrap(), Duration::minutes(90));
        assert_eq!(parse("1w").unwrap(), Duration::days(7));
        assert_eq!(parse("15min").unwrap(), Duration::minutes(15));
    }

    #[test]
    fn rejects_what_is_not_a_duration() {
        for bad in ["", "5", "m", "5x", "-5m", "1.5h", "99999999999999999w"] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn caps_durations_at_a_year() {
        assert_eq!(parse("366d").unwrap(), Duration::days(366));
        assert_eq!(
            parse("100000000d").unwrap_err(),
            "\"100000000d\" is longer than mindops takes; write at most 366d"
        );
        assert!(parse("52w2d").is_ok());
        assert!(parse("53w").is_err());
    }

    #[test]
    fn formats_compactly() {
        assert_eq!(format(Duration::minutes(90)), "1h30m");
        assert_eq!(format(Duration::hours(169)), "7d1h");
        assert_eq!(format(Duration::zero()), "0s");
    }
}
