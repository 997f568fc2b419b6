//! A metric as thresholds.yaml defines it (config parses into it), its states from values and
//! thresholds, and the formats monitoring systems read. Pure functions; the handler gathers
//! values, records and prints.

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;

use crate::rules::threshold::Threshold;
use crate::rules::{duration, units};
use crate::util::time::ago;

#[derive(Debug, Clone)]
pub struct Metric {
    pub name: String,
    pub label: String,
    pub group: String,
    pub unit: String,
    pub target: Option<Threshold>,
    /// The target and alert as written in thresholds.yaml (`< 4.0/5`), for showing.
    pub target_text: Option<String>,
    pub alert_text: Option<String>,
    pub alert: Option<Threshold>,
    pub severity: Option<String>,
    pub description: Option<String>,
    /// The Prometheus series this metric reads from an input file (default: the series named
    /// like the metric).
    pub selector: Option<crate::rules::selector::Selector>,
    pub source: Option<Source>,
    /// The environment variables passed on to a `command:` source, beyond the basic ones.
    pub env: Vec<String>,
    /// The unit a source's numbers are in, when not the metric's own.
    pub source_unit: Option<String>,
    pub timeout: Option<Duration>,
    /// How old the latest value may be and still stand for the metric when a check has none.
    pub max_age: Duration,
    /// How long a breach must hold before it counts at its full state (`for:`).
    pub hold: Option<Duration>,
    pub role: Option<Role>,
    /// The least and most a value can be, where the unit's natural bounds do not fit.
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub auto_resolve: bool,
}

/// Where a metric's value comes from when a check is not given it.
#[derive(Debug, Clone)]
pub enum Source {
    /// A shell command whose first line of output is the value.
    Command(String),
    /// An instant PromQL query.
    Query {
        expr: String,
        reduce: Option<Reduce>,
    },
    Probe(Probe),
}

/// How several series of one query become one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reduce {
    Max,
    Min,
    Avg,
    Sum,
}

/// An HTTP request whose answer is measured.
#[derive(Debug, Clone)]
pub struct Probe {
    /// May hold `${VAR}` and `${VAR:-default}`.
    pub url: String,
    /// The statuses that count as up; empty means any 2xx.
    pub status: Vec<u16>,
    /// Text the body must contain to count as up.
    pub body: Option<String>,
    pub measure: Measure,
    /// Follow up to ten redirects to http(s) URLs (`net::http::MAX_REDIRECTS`).
    pub follow_redirects: bool,
    pub trust: crate::util::trust::Trust,
}

/// Which of a probe's results is the metric's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Seconds until the whole answer arrived.
    Time,
    /// `ok` when the answer came with an expected status and body, else `failed`.
    Up,
    /// Time until the server's TLS certificate expires.
    CertExpiry,
}

/// What a metric stands for in the reviews and the checklist, so that those read a team's own
/// metric names rather than the sample's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The headline of the growth section (one metric at most).
    Users,
    /// Engagement trends in the monthly and quarterly reviews.
    Engagement,
    /// Feature adoption trends in the monthly and quarterly reviews.
    Adoption,
    /// Support trends in every review.
    Support,
    /// The backup whose `ok` ticks the `backup_ok` checklist evidence (one metric at most).
    Backup,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Users => "users",
            Role::Engagement => "engagement",
            Role::Adoption => "adoption",
            Role::Support => "support",
            Role::Backup => "backup",
        }
    }
}

/// Nagios states, with their plugin exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Ok,
    Warning,
    Critical,
    Unknown,
}

impl State {
    pub fn code(self) -> u8 {
        match self {
            State::Ok => 0,
            State::Warning => 1,
            State::Critical => 2,
            State::Unknown => 3,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            State::Ok => "OK",
            State::Warning => "WARNING",
            State::Critical => "CRITICAL",
            State::Unknown => "UNKNOWN",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [State::Ok, State::Warning, State::Critical, State::Unknown]
            .into_iter()
            .find(|s| s.as_str() == text)
    }

    /// How bad, for "the worst state wins": a known breach outranks not knowing, and not
    /// knowing outranks a warning, as Nagios ranks service states.
    fn rank(self) -> u8 {
        match self {
            State::Ok => 0,
            State::Warning => 1,
            State::Unknown => 2,
            State::Critical => 3,
        }
    }
}

pub fn worst(states: impl IntoIterator<Item = State>) -> State {
    states
        .into_iter()
        .max_by_key(|s| s.rank())
        .unwrap_or(State::Ok)
}

/// A value mindops will believe for a metric: finite, and within the metric's `min`/`max` or,
/// where it declares none, the natural bounds of its unit. Anything else is UNKNOWN with this
/// reason, and is never recorded.
pub fn admissible(metric: &Metric, value: f64) -> Result<f64, String> {
    if !value.is_finite() {
        return Err(format!("{} is not a finite number", units::number(value)));
    }
    let (low, high) = units::natural_bounds(&metric.unit);
    let (low, high) = (metric.min.or(low), metric.max.or(high));
    let shown = units::show(value, &metric.unit);
    if let Some(low) = low.filter(|l| value < *l) {
        return Err(format!(
            "{shown} is below {}, the least {} can be (min: in thresholds.yaml)",
            units::show(low, &metric.unit),
            metric.name
        ));
    }
    if let Some(high) = high.filter(|h| value > *h) {
        return Err(format!(
            "{shown} is above {}, the most {} can be (max: in thresholds.yaml)",
            units::show(high, &metric.unit),
            metric.name
        ));
    }
    Ok(value)
}

/// The state a value puts a metric in: CRITICAL past the alert line, WARNING short of the
/// target, OK otherwise; NaN cannot be judged.
pub fn evaluate(metric: &Metric, value: f64) -> State {
    if value.is_nan() {
        return State::Unknown;
    }
    if metric.alert.as_ref().is_some_and(|a| a.crossed_by(value)) {
        return State::Critical;
    }
    if metric.target.as_ref().is_some_and(|t| !t.met_by(value)) {
        return State::Warning;
    }
    State::Ok
}

/// With `for:`, a CRITICAL value counts as CRITICAL only once the breach has held that long
/// across recorded samples (`since`: when the current run of CRITICAL samples began, or now);
/// until then it is pending and counts as WARNING, as Prometheus does with `for`.
pub fn hold(
    raw: State,
    hold: Option<Duration>,
    since: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> (State, bool) {
    match (raw, hold) {
        (State::Critical, Some(hold)) if now.signed_duration_since(since.unwrap_or(now)) < hold => {
            (State::Warning, true)
        }
        _ => (raw, false),
    }
}

/// A stretch during which something stood CRITICAL: an incident's life as a replay sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Episode {
    #[serde(serialize_with = "crate::util::time::serde_rfc3339")]
    pub from: DateTime<Utc>,
    /// When it came back to OK; `None` while it still stood at the end.
    #[serde(serialize_with = "crate::util::time::serde_rfc3339_opt")]
    pub to: Option<DateTime<Utc>>,
}

/// The CRITICAL stretches of a series of states in time order: each opens at the first
/// CRITICAL and ends at the next OK (a WARNING or UNKNOWN in between keeps it open, as an
/// incident stays open until the metric is back within target).
pub fn episodes(states: impl IntoIterator<Item = (DateTime<Utc>, State)>) -> Vec<Episode> {
    let mut out: Vec<Episode> = Vec::new();
    let mut open: Option<DateTime<Utc>> = None;
    for (at, state) in states {
        match (state, open) {
            (State::Critical, None) => open = Some(at),
            (State::Ok, Some(from)) => {
                out.push(Episode { from, to: Some(at) });
                open = None;
            }
            _ => {}
        }
    }
    out.extend(open.map(|from| Episode { from, to: None }));
    out
}

/// A metric's recorded values judged again by `metric` as a check would have judged them
/// when they came, `for:` included: each value's state, in time order. Values the metric
/// would not admit are UNKNOWN. Each state comes with the raw one, before `for:`.
pub fn rejudge(
    metric: &Metric,
    values: impl IntoIterator<Item = (DateTime<Utc>, Option<f64>)>,
) -> Vec<(DateTime<Utc>, State, State)> {
    let mut since: Option<DateTime<Utc>> = None;
    values
        .into_iter()
        .map(|(at, value)| {
            let raw = value
                .and_then(|v| admissible(metric, v).ok())
                .map_or(State::Unknown, |v| evaluate(metric, v));
            since = if raw == State::Critical {
                since.or(Some(at))
            } else {
                None
            };
            (at, hold(raw, metric.hold, since, at).0, raw)
        })
        .collect()
}

/// One metric's result in this run.
#[derive(Debug, Clone)]
pub struct Reading {
    pub value: Option<f64>,
    /// The state from the value alone.
    pub raw: State,
    /// The state after `for:`.
    pub state: State,
    pub pending: bool,
    /// Why the state is UNKNOWN, or why a probe found the service down.
    pub reason: Option<String>,
    /// When the value was recorded, when it is not this run's own but the latest one still
    /// fresh enough to stand for the metric.
    pub as_of: Option<DateTime<Utc>>,
}

/// Whether a metric's latest recorded value may stand for it in a run that has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Within `max_age`.
    Fresh,
    /// Older: UNKNOWN, never judged OK on old news.
    Stale(Duration),
    /// Nothing recorded yet.
    Never,
}

pub fn freshness(
    latest: Option<DateTime<Utc>>,
    max_age: Duration,
    now: DateTime<Utc>,
) -> Freshness {
    match latest {
        None => Freshness::Never,
        Some(at) => {
            let age = now.signed_duration_since(at);
            if age <= max_age {
                Freshness::Fresh
            } else {
                Freshness::Stale(age)
            }
        }
    }
}

/// `stale: last value 3d ago (max_age 36h)`: the UNKNOWN reason of a metric gone quiet.
pub fn stale_reason(age: Duration, max_age: Duration) -> String {
    format!(
        "stale: last value {} ago (max_age {})",
        ago(age),
        duration::format(max_age)
    )
}

/// `response_time 3.4s > 3s`: what is wrong, in a few words.
pub fn describe(metric: &Metric, reading: &Reading) -> String {
    let Some(value) = reading.value.filter(|v| !v.is_nan()) else {
        return format!(
            "{} unknown: {}",
            metric.name,
            reading.reason.as_deref().unwrap_or("no value")
        );
    };
    let shown = units::show(value, &metric.unit);
    let line = match reading.raw {
        State::Critical => metric.alert_text.as_ref().map(|a| format!("alert {a}")),
        State::Warning => metric.target_text.as_ref().map(|t| format!("target {t}")),
        _ => None,
    };
    let pending = match (reading.pending, metric.hold) {
        (true, Some(hold)) => format!(" (pending: must hold for {})", duration::format(hold)),
        (true, None) => " (pending)".to_string(),
        _ => String::new(),
    };
    let why = reading
        .reason
        .as_deref()
        .map(|why| format!(" ({why})"))
        .unwrap_or_default();
    match line {
        Some(line) => format!("{} {shown}, {line}{pending}{why}", metric.name),
        None => format!("{} {shown}{why}", metric.name),
    }
}

/// `METRICS CRITICAL - response_time 3.4s, alert > 3s; memory: no value; 2 warnings`: the
/// worst state, then each metric that is critical, unknown (with why) or holding a breach
/// back for its `for:`, then how many more are short of target.
pub fn summary(metrics: &[&Metric], readings: &[Reading]) -> String {
    let state = worst(readings.iter().map(|r| r.state));
    let named = |wanted: &dyn Fn(&Reading) -> bool| -> Vec<String> {
        metrics
            .iter()
            .zip(readings)
            .filter(|(_, r)| wanted(r))
            .map(|(m, r)| describe(m, r))
            .collect()
    };
    let mut summary = named(&|r| r.state == State::Critical);
    // Unknown metrics grouped by their reason: twenty without a value are one entry.
    let mut unknown: Vec<(&str, Vec<&str>)> = Vec::new();
    for (m, r) in metrics.iter().zip(readings) {
        if r.state != State::Unknown {
            continue;
        }
        let why = r.reason.as_deref().unwrap_or("no value");
        match unknown.iter_mut().find(|(w, _)| *w == why) {
            Some((_, names)) => names.push(&m.name),
            None => unknown.push((why, vec![&m.name])),
        }
    }
    for (why, names) in unknown {
        let shown = match names.as_slice() {
            [a, b, c, _, ..] => format!("{a}, {b}, {c} and {} more", names.len() - 3),
            _ => names.join(", "),
        };
        summary.push(format!("{shown}: {why}"));
    }
    summary.extend(named(&|r| r.pending));
    let warnings = readings
        .iter()
        .filter(|r| r.state == State::Warning && !r.pending)
        .count();
    if warnings > 0 {
        summary.push(plural(warnings, "warning", "warnings"));
    }
    if summary.is_empty() {
        summary.push(format!(
            "{} within target",
            plural(readings.len(), "metric", "metrics")
        ));
    }
    format!("METRICS {} - {}", state.as_str(), summary.join("; "))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One monitoring-plugins line: the summary, then performance data for every metric with a
/// value, in units and range syntax the plugin guidelines define.
pub fn nagios(metrics: &[&Metric], readings: &[Reading]) -> String {
    let perf: Vec<String> = metrics
        .iter()
        .zip(readings)
        .filter_map(|(m, r)| {
            let (uom, scale) = units::nagios_uom(&m.unit);
            let v = r.value.filter(|v| v.is_finite())? * scale;
            let warn = m.target.as_ref().and_then(|t| t.nagios_range(false, scale));
            let crit = m.alert.as_ref().and_then(|a| a.nagios_range(true, scale));
            let min = if v >= 0.0 { "0" } else { "" };
            Some(format!(
                "'{}'={}{uom};{};{};{min}",
                m.name,
                units::perf_number(v),
                warn.unwrap_or_default(),
                crit.unwrap_or_default()
            ))
        })
        .collect();
    let summary = summary(metrics, readings);
    if perf.is_empty() {
        summary
    } else {
        format!("{summary} | {}", perf.join(" "))
    }
}

/// The text format for node_exporter's textfile collector: no timestamps, so the scrape time
/// is used.
pub fn prometheus(metrics: &[&Metric], readings: &[Reading]) -> String {
    let mut out = String::from(
        "# HELP mindops_metric_value Latest value checked by mindops, in the metric's unit.\n\
         # TYPE mindops_metric_value gauge\n",
    );
    for (m, r) in metrics.iter().zip(readings) {
        if let Some(v) = r.value {
            out.push_str(&format!(
                "mindops_metric_value{{metric=\"{}\",unit=\"{}\",group=\"{}\"}} {}\n",
                m.name,
                escape_label(&m.unit),
                escape_label(&m.group),
                prom_number(v)
            ));
        }
    }
    out.push_str(
        "# HELP mindops_metric_state State of the latest check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.\n\
         # TYPE mindops_metric_state gauge\n",
    );
    for (m, r) in metrics.iter().zip(readings) {
        out.push_str(&format!(
            "mindops_metric_state{{metric=\"{}\"}} {}\n",
            m.name,
            r.state.code()
        ));
    }
    out
}

fn prom_number(v: f64) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        }
    } else {
        format!("{v}")
    }
}

fn escape_label(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Recent values as a strip of block characters, oldest first.
pub fn sparkline(values: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let (Some(min), Some(max)) = (
        finite.iter().copied().reduce(f64::min),
        finite.iter().copied().reduce(f64::max),
    ) else {
        return String::new();
    };
    values
        .iter()
        .map(|v| {
            if !v.is_finite() {
                ' '
            } else if max == min {
                BARS[3]
            } else {
                BARS[(((v - min) / (max - min)) * 7.0).round() as usize]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worst_state_wins() {
        assert_eq!(worst([State::Ok, State::Warning]), State::Warning);
        assert_eq!(worst([State::Warning, State::Unknown]), State::Unknown);
        assert_eq!(
            worst([State::Unknown, State::Critical, State::Ok]),
            State::Critical
        );
        assert_eq!(worst([]), State::Ok);
    }

    #[test]
    fn a_held_breach_is_pending_until_it_has_lasted() {
        let now = DateTime::parse_from_rfc3339("2024-08-07T10:05:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let five = Some(Duration::minutes(5));
        assert_eq!(
            hold(State::Critical, five, None, now),
            (State::Warning, true)
        );
        assert_eq!(
            hold(State::Critical, five, Some(now - Duration::minutes(4)), now),
            (State::Warning, true)
        );
        assert_eq!(
            hold(State::Critical, five, Some(now - Duration::minutes(5)), now),
            (State::Critical, false)
        );
        assert_eq!(
            hold(State::Critical, None, None, now),
            (State::Critical, false)
        );
        assert_eq!(
            hold(State::Warning, five, None, now),
            (State::Warning, false)
        );
    }

    #[test]
    fn sparklines_scale_to_their_range() {
        assert_eq!(
            sparkline(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]),
            "▁▂▃▄▅▆▇█"
        );
        assert_eq!(sparkline(&[2.0, 2.0]), "▄▄");
        assert_eq!(sparkline(&[]), "");
    }
}
