//! Threshold expressions from thresholds.yaml: comparisons (`< 2s`, `>= 25000`), Nagios ranges
//! with the monitoring-plugins semantics (`10`, `10:`, `~:10`, `10:20`, `@10:20`), and `ok` /
//! `failed` for status metrics.

use crate::rules::units::STATUS_UNIT;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
}

/// A Nagios range. It *alerts* when the value lies outside `start..=end` (both inclusive), or
/// inside when written with a leading `@`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub start: f64,
    pub end: f64,
    pub inside: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Threshold {
    Compare { op: Op, value: f64 },
    Range(Range),
    Status { ok: bool },
}

impl Range {
    pub fn alerts(&self, value: f64) -> bool {
        let within = self.start <= value && value <= self.end;
        within == self.inside
    }
}

impl Threshold {
    /// Parses `text` for a metric measured in `unit`. A number may carry the metric's unit as a
    /// suffix (`2s` for a metric in s); status metrics (unit `ok/failed`) take `ok` or `failed`.
    pub fn parse(text: &str, unit: &str) -> Result<Self, String> {
        let t = text.trim();
        if unit == STATUS_UNIT {
            return match t {
                "ok" => Ok(Threshold::Status { ok: true }),
                "failed" => Ok(Threshold::Status { ok: false }),
                _ => Err(format!(
                    "\"{text}\" is not a status; a metric in {STATUS_UNIT} takes ok or failed"
                )),
            };
        }
        for (symbol, op) in [
            ("<=", Op::Le),
            (">=", Op::Ge),
            ("==", Op::Eq),
            ("<", Op::Lt),
            (">", Op::Gt),
            ("=", Op::Eq),
        ] {
            if let Some(rest) = t.strip_prefix(symbol) {
                let value = number(rest, unit)?;
                return Ok(Threshold::Compare { op, value });
            }
        }
        parse_range(t, unit).map(Threshold::Range)
    }

    /// The value satisfies this threshold read as a target: the comparison holds, the range
    /// does not alert, or the status matches.
    pub fn met_by(&self, value: f64) -> bool {
        match self {
            Threshold::Compare { op, value: limit } => compare(*op, value, *limit),
            Threshold::Range(range) => !range.alerts(value),
            Threshold::Status { ok } => (value != 0.0) == *ok,
        }
    }

    /// The value crosses this threshold read as an alert line.
    pub fn crossed_by(&self, value: f64) -> bool {
        match self {
            Threshold::Range(range) => range.alerts(value),
            other => other.met_by(value),
        }
    }
}

fn compare(op: Op, value: f64, limit: f64) -> bool {
    match op {
        Op::Lt => value < limit,
        Op::Le => value <= limit,
        Op::Gt => value > limit,
        Op::Ge => value >= limit,
        Op::Eq => value == limit,
    }
}

/// A threshold's number, in the metric's unit or one that converts to it (`2000ms` for s).
fn number(text: &str, unit: &str) -> Result<f64, String> {
    crate::rules::units::parse_value(text, unit)
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| {
            format!(
                "\"{}\" is not a number in {unit}; write e.g. 2 or 2{unit}",
                text.trim()
            )
        })
}

fn parse_range(text: &str, unit: &str) -> Result<Range, String> {
    let bad = |why: &str| {
        format!(
            "\"{text}\" is not a threshold: {why}; write a comparison such as \"< 2\" or \">= 25000\", \
             or a Nagios range such as 10, 10:, ~:10, 10:20 or @10:20"
        )
    };
    let (inside, body) = match text.strip_prefix('@') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (start, end) = match body.split_once(':') {
        None => (0.0, number(body, unit).map_err(|e| bad(&e))?),
        Some((start, end)) => {
            let start = match start.trim() {
                "~" => f64::NEG_INFINITY,
                "" => 0.0,
                s => number(s, unit).map_err(|e| bad(&e))?,
            };
            let end = match end.trim() {
                "" => f64::INFINITY,
                e => number(e, unit).map_err(|e| bad(&e))?,
            };
            (start, end)
        }
    };
    if start > end {
        return Err(bad("its start is greater than its end"));
    }
    Ok(Range { start, end, inside })
}

impl Threshold {
    /// This threshold as a Nagios range for performance data, whose numbers are multiplied by
    /// `scale` (the perfdata unit may differ from the metric's). A Nagios range names what is
    /// *not* alerted, both ends included, so a target (what is fine) and an alert (what is
    /// not) turn into ranges differently. Numbers are written to 12 significant digits, the
    /// shortest form that reads back so (`~:2`, never `~:1.9999999999999998`): a strict `< 2`
    /// ends at 2 itself, which only that one value tells apart.
    pub fn nagios_range(&self, alerting: bool, scale: f64) -> Option<String> {
        let (low, high) = (f64::NEG_INFINITY, f64::INFINITY);
        let range = match *self {
            Threshold::Compare { op, value } => {
                let v = value * scale;
                let fine = match (op, alerting) {
                    (Op::Lt | Op::Le, false) | (Op::Gt | Op::Ge, true) => (low, v),
                    (Op::Gt | Op::Ge, false) | (Op::Lt | Op::Le, true) => (v, high),
                    (Op::Eq, false) => (v, v),
                    (Op::Eq, true) => {
                        let v = crate::rules::units::perf_number(v);
                        return Some(format!("@{v}:{v}"));
                    }
                };
                Range {
                    start: fine.0,
                    end: fine.1,
                    inside: false,
                }
            }
            Threshold::Range(r) => Range {
                start: r.start * scale,
                end: r.end * scale,
                inside: r.inside,
            },
            Threshold::Status { .. } => return None,
        };
        let end = |v: f64| {
            if v.is_infinite() {
                String::new()
            } else {
                crate::rules::units::perf_number(v)
            }
        };
        let text = match (range.start, range.end) {
            (s, e) if s == 0.0 && e.is_finite() && !range.inside => end(e),
            (s, e) if s.is_infinite() => format!("~:{}", end(e)),
            (s, e) => format!("{}:{}", end(s), end(e)),
        };
        Some(if range.inside {
            format!("@{text}")
        } else {
            text
        })
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Threshold::Compare { op, value } => {
                let symbol = match op {
                    Op::Lt => "<",
                    Op::Le => "<=",
                    Op::Gt => ">",
                    Op::Ge => ">=",
                    Op::Eq => "=",
                };
                write!(f, "{symbol} {}", crate::rules::units::number(*value))
            }
            Threshold::Range(r) => {
                let n = crate::rules::units::number;
                if r.inside {
                    f.write_str("@")?;
                }
                match (r.start, r.end) {
                    (s, e) if s == 0.0 && e.is_finite() => write!(f, "{}", n(e)),
                    (s, e) if s.is_infinite() && e.is_infinite() => f.write_str("~:"),
                    (s, e) if s.is_infinite() => write!(f, "~:{}", n(e)),
                    (s, e) if e.is_infinite() => write!(f, "{}:", n(s)),
                    (s, e) => write!(f, "{}:{}", n(s), n(e)),
                }
            }
            Threshold::Status { ok } => f.write_str(if *ok { "ok" } else { "failed" }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(text: &str) -> Range {
        match Threshold::parse(text, "").unwrap() {
            Threshold::Range(r) => r,
            other => panic!("{text} parsed as {other:?}"),
        }
    }

    #[test]
    fn perfdata_ranges_say_what_is_fine_to_twelve_digits() {
        let t = |text: &str| Threshold::parse(text, "").unwrap();
        assert_eq!(t(">= 99.9").nagios_range(false, 1.0).unwrap(), "99.9:");
        assert_eq!(t("< 2").nagios_range(false, 1.0).unwrap(), "~:2");
        assert_eq!(t("> 4.5").nagios_range(false, 1.0).unwrap(), "4.5:");
        assert_eq!(t("<= 2").nagios_range(false, 1.0).unwrap(), "~:2");
        assert_eq!(t("> 3").nagios_range(true, 1.0).unwrap(), "~:3");
        assert_eq!(t("< 20000").nagios_range(true, 1.0).unwrap(), "20000:");
        assert_eq!(t("= 1").nagios_range(true, 1.0).unwrap(), "@1:1");
        assert_eq!(
            t("@0:657.8210567").nagios_range(true, 1.0).unwrap(),
            "@0:657.8210567"
        );
        assert_eq!(t("0.5:5").nagios_range(false, 1.0).unwrap(), "0.5:5");
        assert_eq!(t("10").nagios_range(false, 1.0).unwrap(), "10");
        assert_eq!(t("< 2").nagios_range(false, 1000.0).unwrap(), "~:2000");
    }

    // The cases of the monitoring-plugins developer guidelines.
    #[test]
    fn nagios_ranges_alert_where_the_guidelines_say() {
        let ten = range("10");
        assert!(ten.alerts(-1.0) && ten.alerts(11.0));
        assert!(!ten.alerts(0.0) && !ten.alerts(10.0));

        let from_ten = range("10:");
        assert!(from_ten.alerts(9.9) && !from_ten.alerts(10.0) && !from_ten.alerts(1e9));

        let up_to_ten = range("~:10");
        assert!(!up_to_ten.alerts(-1e9) && up_to_ten.alerts(10.1));

        let band = range("10:20");
        assert!(band.alerts(9.0) && !band.alerts(10.0) && !band.alerts(20.0) && band.alerts(21.0));

        let inverted = range("@10:20");
        assert!(!inverted.alerts(9.0) && inverted.alerts(10.0) && inverted.alerts(20.0));

        let nonpositive = range("~:0");
        assert!(!nonpositive.alerts(0.0) && nonpositive.alerts(0.1));

        let one = range("@1:1");
        assert!(one.alerts(1.0) && !one.alerts(1.1));

        let exact = range("1:1");
        assert!(!exact.alerts(1.0) && exact.alerts(0.9));

        let wide = range("@0:657.8210567");
        assert!(wide.alerts(0.0) && wide.alerts(657.8210567) && !wide.alerts(657.9));
    }

    #[test]
    fn a_reversed_range_is_rejected() {
        let err = Threshold::parse("20:10", "").unwrap_err();
        assert!(err.contains("start is greater than its end"), "{err}");
    }

    #[test]
    fn comparisons_with_and_without_the_unit() {
        assert_eq!(
            Threshold::parse("< 2s", "s").unwrap(),
            Threshold::Compare {
                op: Op::Lt,
                value: 2.0
            }
        );
        assert_eq!(
            Threshold::parse(">=25000", "users").unwrap(),
            Threshold::Compare {
                op: Op::Ge,
                value: 25000.0
            }
        );
        assert_eq!(
            Threshold::parse("< 2000ms", "s").unwrap(),
            Threshold::Compare {
                op: Op::Lt,
                value: 2.0
            }
        );
        assert!(Threshold::parse("< 2%", "s").is_err());
        assert!(Threshold::parse("< two", "s").is_err());
    }

    #[test]
    fn targets_and_alerts_read_the_same_text_their_own_way() {
        let target = Threshold::parse("0.5:5", "MB/min").unwrap();
        assert!(target.met_by(1.5) && !target.met_by(6.0));
        assert!(target.crossed_by(6.0) && !target.crossed_by(1.5));
        let alert = Threshold::parse("> 3s", "s").unwrap();
        assert!(alert.crossed_by(3.4) && !alert.crossed_by(3.0));
    }

    #[test]
    fn status_metrics_take_ok_or_failed() {
        assert_eq!(
            Threshold::parse("ok", STATUS_UNIT).unwrap(),
            Threshold::Status { ok: true }
        );
        assert!(Threshold::parse("fine", STATUS_UNIT).is_err());
    }
}
