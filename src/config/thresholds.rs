//! thresholds.yaml: severities, the response protocol and the metrics, checked against the
//! roles of rotation.yaml.

use std::path::PathBuf;

use chrono::Duration;
use serde::Deserialize;

use super::{ordered_map, Problems, Secret};
pub use crate::rules::metrics::{Measure, Metric, Probe, Reduce, Role, Source};
use crate::rules::rotation::Rotation;
pub use crate::rules::severity::{Page, Repeat, Severity};
use crate::rules::slo::{self, Slo};
use crate::rules::threshold::Threshold;
use crate::util::suggest;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThresholdsFile {
    #[serde(deserialize_with = "ordered_map")]
    severities: Vec<(String, SeverityFile)>,
    #[serde(default)]
    protocol: Vec<PhaseFile>,
    #[serde(default)]
    incidents: bool,
    #[serde(default, deserialize_with = "ordered_map")]
    metrics: Vec<(String, MetricFile)>,
    prometheus: Option<PrometheusFile>,
    check_interval: Option<String>,
    /// Service level objectives over the metrics or over PromQL counts.
    #[serde(default, deserialize_with = "ordered_map")]
    slos: Vec<(String, SloFile)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SloFile {
    objective: f64,
    window: Option<String>,
    description: Option<String>,
    /// A metric mindops records: its checks are the events.
    from_metric: Option<String>,
    /// When a check of `from_metric` is good (`< 2s`); without it, when its state is OK.
    good: Option<String>,
    /// PromQL counting bad and all events over `$window`.
    errors: Option<String>,
    total: Option<String>,
    #[serde(default)]
    alerts: SloAlertsFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SloAlertsFile {
    page: Option<SloAlertFile>,
    ticket: Option<SloAlertFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SloAlertFile {
    severity: Option<String>,
    windows: Option<Vec<BurnRuleFile>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BurnRuleFile {
    long: String,
    short: String,
    burn: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PrometheusFile {
    url: String,
    token_env: Option<String>,
    token_file: Option<PathBuf>,
    timeout: Option<String>,
}

#[derive(Debug)]
enum ProbeFile {
    Url(String),
    Full(ProbeFull),
}

impl<'de> Deserialize<'de> for ProbeFile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::text_or(
            d,
            "a URL, or a map with url: and optionally status:, body:, measure:, ca_file:, \
             follow_redirects:",
            ProbeFile::Url,
            ProbeFile::Full,
        )
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProbeFull {
    url: String,
    status: Option<Statuses>,
    body: Option<String>,
    measure: Option<Measure>,
    ca_file: Option<PathBuf>,
    #[serde(default)]
    insecure: bool,
    follow_redirects: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Statuses {
    One(u16),
    Many(Vec<u16>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeverityFile {
    name: String,
    response: String,
    resolution: String,
    page: PageFile,
    description: Option<String>,
    repeat: Option<RepeatFile>,
    /// `business` (Monday to Friday, 09:00 to 17:00), or `{days: mon-fri, from, to}`.
    hours: Option<HoursFile>,
}

/// When a severity pages, in the rotation's zone.
#[derive(Debug)]
enum HoursFile {
    Named(String),
    Spec(HoursSpec),
}

impl<'de> Deserialize<'de> for HoursFile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::text_or(
            d,
            "business, or a map with days, from and to",
            HoursFile::Named,
            HoursFile::Spec,
        )
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HoursSpec {
    /// `mon-fri`, `mon,wed,fri`, `sat-sun`.
    days: String,
    from: String,
    to: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RepeatFile {
    every: String,
    times: u32,
}

#[derive(Debug)]
enum PageFile {
    Word(String),
    Roles(Vec<String>),
}

impl<'de> Deserialize<'de> for PageFile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::text_or(
            d,
            "`all` or a list of roles, e.g. [Primary, Secondary]",
            PageFile::Word,
            PageFile::Roles,
        )
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PhaseFile {
    phase: String,
    steps: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricFile {
    label: String,
    group: String,
    unit: String,
    target: Option<String>,
    alert: Option<String>,
    severity: Option<String>,
    description: Option<String>,
    selector: Option<String>,
    command: Option<String>,
    timeout: Option<String>,
    #[serde(rename = "for")]
    hold: Option<String>,
    #[serde(default)]
    auto_resolve: bool,
    role: Option<Role>,
    min: Option<f64>,
    max: Option<f64>,
    prometheus: Option<String>,
    reduce: Option<Reduce>,
    probe: Option<ProbeFile>,
    source_unit: Option<String>,
    max_age: Option<String>,
    /// Variables of mindops's environment that the `command:` may see.
    #[serde(default)]
    env: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Thresholds {
    /// Most severe first, as written.
    pub severities: Vec<Severity>,
    pub protocol: Vec<Phase>,
    /// Open incidents for CRITICAL metrics on every check.
    pub incidents: bool,
    pub metrics: Vec<Metric>,
    pub prometheus: PrometheusServer,
    /// How often cron (or `serve`) checks: a check from the metrics' own sources is recorded
    /// once per interval, whichever host ran it.
    pub check_interval: Duration,
    pub slos: Vec<Slo>,
}

/// How long a metric with a source may go without a value when no check interval is set.
const DEFAULT_CHECK_INTERVAL: Duration = Duration::minutes(5);
/// How long a value given by hand or by a daily job counts.
const DEFAULT_GIVEN_MAX_AGE: Duration = Duration::hours(36);
/// Where `prometheus:` queries go when thresholds.yaml names no server: Prometheus's own default.
pub const DEFAULT_PROMETHEUS: &str = "http://127.0.0.1:9090";

/// The Prometheus server that `prometheus:` metrics query.
#[derive(Debug, Clone)]
pub struct PrometheusServer {
    /// May hold `${VAR}` and `${VAR:-default}`, expanded when a check runs.
    pub url: String,
    pub token: Option<Secret>,
    pub timeout: Option<Duration>,
}

#[derive(Debug, Clone)]
pub struct Phase {
    pub name: String,
    pub steps: Vec<String>,
}

impl Phase {
    /// `detection.verify-incident`: how a step is named on the command line and in the store.
    pub fn step_id(&self, step: &str) -> String {
        format!("{}.{}", self.name, super::rotation::slug(step))
    }
}

impl Thresholds {
    /// The metrics that play a role, in the order written.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &Metric> {
        self.metrics.iter().filter(move |m| m.role == Some(role))
    }
}

impl ThresholdsFile {
    pub fn validate(self, rotation: &Rotation, problems: &mut Problems) -> Option<Thresholds> {
        if self.severities.is_empty() {
            problems.add("severities", "at least one severity is needed, e.g. P1");
        }
        // Every key written counts as known to the metrics, even one whose entry has a
        // mistake: that mistake is reported once, not again at every metric naming the key.
        let written: Vec<String> = self
            .severities
            .iter()
            .map(|(k, _)| k.trim().to_string())
            .collect();
        let severities: Vec<Severity> = self
            .severities
            .into_iter()
            .filter_map(|(key, s)| validate_severity(key, s, rotation, problems))
            .collect();
        let severity_keys: Vec<&str> = written.iter().map(String::as_str).collect();

        let mut protocol: Vec<Phase> = Vec::new();
        for (i, phase) in self.protocol.into_iter().enumerate() {
            let name = phase.phase.trim().to_lowercase();
            if name.is_empty() {
                problems.add(format!("protocol[{i}].phase"), "a phase needs a name");
            } else if protocol.iter().any(|p| p.name == name) {
                problems.add(
                    format!("protocol[{i}].phase"),
                    format!("phase \"{name}\" is listed twice"),
                );
            }
            protocol.push(Phase {
                name,
                steps: phase.steps,
            });
        }

        let interval = positive(problems, "check_interval", self.check_interval.as_deref())
            .unwrap_or(DEFAULT_CHECK_INTERVAL);
        let prometheus = match self.prometheus {
            None => PrometheusServer {
                url: DEFAULT_PROMETHEUS.to_string(),
                token: None,
                timeout: None,
            },
            Some(p) => {
                problems.check("prometheus.url", super::template(&p.url));
                let token = match (p.token_env, p.token_file) {
                    (Some(_), Some(_)) => {
                        problems.add("prometheus", "give token_env or token_file, not both");
                        None
                    }
                    (Some(name), None) => Some(Secret::Env(name)),
                    (None, Some(path)) => Some(Secret::File(path)),
                    (None, None) => None,
                };
                PrometheusServer {
                    url: p.url,
                    token,
                    timeout: positive(problems, "prometheus.timeout", p.timeout.as_deref()),
                }
            }
        };
        let metrics: Vec<Metric> = self
            .metrics
            .into_iter()
            .filter_map(|(name, m)| validate_metric(name, m, &severity_keys, interval, problems))
            .collect();
        for role in [Role::Users, Role::Backup] {
            let holders: Vec<&str> = metrics
                .iter()
                .filter(|m| m.role == Some(role))
                .map(|m| m.name.as_str())
                .collect();
            if let [_, second, ..] = holders[..] {
                problems.add(
                    format!("metrics.{second}.role"),
                    format!(
                        "{} metrics have role {}: {}; the report and checklist read one, so \
                         give the role to one of them",
                        holders.len(),
                        role.as_str(),
                        holders.join(", ")
                    ),
                );
            }
        }

        let slos = self
            .slos
            .into_iter()
            .filter_map(|(name, s)| validate_slo(name, s, &metrics, &severities, problems))
            .collect();

        Some(Thresholds {
            severities,
            protocol,
            incidents: self.incidents,
            metrics,
            prometheus,
            check_interval: interval,
            slos,
        })
        .filter(|_| problems.is_empty())
    }
}

fn validate_severity(
    key: String,
    s: SeverityFile,
    rotation: &Rotation,
    problems: &mut Problems,
) -> Option<Severity> {
    let here = format!("severities.{key}");
    let duration = |problems: &mut Problems, field: &str, text: &str| {
        let d = problems.check(
            format!("{here}.{field}"),
            crate::rules::duration::parse(text),
        )?;
        if d <= Duration::zero() {
            problems.add(format!("{here}.{field}"), "must be longer than zero");
            return None;
        }
        Some(d)
    };
    let response = duration(problems, "response", &s.response);
    let resolution = duration(problems, "resolution", &s.resolution);
    if let (Some(response), Some(resolution)) = (response, resolution) {
        if resolution < response {
            problems.add(
                format!("{here}.resolution"),
                format!(
                    "the resolution limit ({}) is shorter than the response limit ({})",
                    s.resolution, s.response
                ),
            );
        }
    }
    if s.name.trim().is_empty() {
        problems.add(format!("{here}.name"), "a severity needs a name, e.g. High");
    }
    let page = match s.page {
        PageFile::Word(word) if word.eq_ignore_ascii_case("all") => Page::All,
        PageFile::Word(word) => {
            problems.add(
                format!("{here}.page"),
                format!(
                    "\"{word}\" is neither `all` nor a list; write all or [{}]",
                    rotation.roles.join(", ")
                ),
            );
            return None;
        }
        PageFile::Roles(roles) => {
            if roles.is_empty() {
                problems.add(
                    format!("{here}.page"),
                    "pages nobody; name at least one role, or all",
                );
            }
            let mut known = Vec::new();
            for (i, role) in roles.iter().enumerate() {
                match rotation.role_index(role.trim()) {
                    Some(r) => known.push(rotation.roles[r].clone()),
                    None => problems.add(
                        format!("{here}.page[{i}]"),
                        format!(
                            "unknown role \"{role}\"{}; known roles: {}",
                            suggest::hint(role, rotation.roles.iter().map(String::as_str)),
                            rotation.roles.join(", ")
                        ),
                    ),
                }
            }
            Page::Roles(known)
        }
    };
    let repeat = match s.repeat {
        None => None,
        Some(r) => {
            let every = positive(problems, &format!("{here}.repeat.every"), Some(&r.every));
            if r.times == 0 || r.times > 100 {
                problems.add(
                    format!("{here}.repeat.times"),
                    format!("{} is not a number of repeats from 1 to 100", r.times),
                );
            }
            every.map(|every| Repeat {
                every,
                times: r.times.clamp(1, 100),
            })
        }
    };
    let hours = match s.hours {
        None => None,
        Some(hours) => problems.check(
            format!("{here}.hours"),
            validate_hours(hours, rotation.zone),
        ),
    };
    Some(Severity {
        key,
        name: s.name.trim().to_string(),
        response: response?,
        resolution: resolution?,
        page,
        description: s.description,
        repeat,
        hours,
    })
}

/// `business`, or days and a time span, in the rotation's zone.
fn validate_hours(
    hours: HoursFile,
    zone: chrono_tz::Tz,
) -> Result<crate::rules::hours::Hours, String> {
    use crate::util::time::parse_time_of_day;
    let (days, from, to) = match hours {
        HoursFile::Named(name) if name.trim().eq_ignore_ascii_case("business") => {
            ("mon-fri".to_string(), "09:00".to_string(), "17:00".to_string())
        }
        HoursFile::Named(name) => {
            return Err(format!(
                "\"{name}\" is not a set of hours; write business, or {{days: mon-fri, from: \"09:00\", to: \"17:00\"}}"
            ))
        }
        HoursFile::Spec(spec) => (spec.days, spec.from, spec.to),
    };
    let from = parse_time_of_day(&from)?;
    let to = parse_time_of_day(&to)?;
    if to <= from {
        return Err(format!(
            "hours from {} to {} end before they start; hours across midnight are not supported",
            from.format("%H:%M"),
            to.format("%H:%M")
        ));
    }
    Ok(crate::rules::hours::Hours {
        days: crate::rules::hours::parse_days(&days)?,
        from,
        to,
        zone,
    })
}

/// An SLO's objective, window, indicator and alerts; the alerts default to the Workbook's
/// table 5-8 at P1 (page) and P3 (ticket), or the first and last severities without them.
fn validate_slo(
    name: String,
    s: SloFile,
    metrics: &[Metric],
    severities: &[Severity],
    problems: &mut Problems,
) -> Option<Slo> {
    let here = format!("slos.{name}");
    let lowercase = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-';
    if !name.starts_with(|c: char| c.is_ascii_lowercase()) || !name.chars().all(lowercase) {
        problems.add(
            &here,
            format!(
                "SLO name \"{name}\" must be lowercase letters, digits, - and _, starting with \
                 a letter (it names the SLO's incidents and its Sloth and Pyrra exports)"
            ),
        );
    }
    if !(s.objective > 0.0 && s.objective < 100.0) {
        problems.add(
            format!("{here}.objective"),
            format!(
                "{} is not a percentage between 0 and 100 (exclusive); e.g. 99.9",
                s.objective
            ),
        );
    }
    let window = positive(problems, &format!("{here}.window"), s.window.as_deref())
        .unwrap_or(Duration::days(30));
    let written = (s.from_metric, s.good, s.errors, s.total);
    let indicator = slo_indicator(&here, written, metrics, problems)?;
    let fallback = |preferred: &str, at: fn(&[Severity]) -> Option<&Severity>| {
        if severities.iter().any(|s| s.key == preferred) {
            preferred.to_string()
        } else {
            at(severities).map(|s| s.key.clone()).unwrap_or_default()
        }
    };
    let page = slo_alert(
        &format!("{here}.alerts.page"),
        s.alerts.page,
        (fallback("P1", |s| s.first()), slo::default_page()),
        severities,
        problems,
    );
    let ticket = slo_alert(
        &format!("{here}.alerts.ticket"),
        s.alerts.ticket,
        (fallback("P3", |s| s.last()), slo::default_ticket()),
        severities,
        problems,
    );
    Some(Slo {
        name,
        objective: s.objective,
        window,
        indicator,
        page,
        ticket,
        description: s.description,
    })
}

/// What an SLO counts: a metric's checks (`from_metric:`, and `good:`), or PromQL counts
/// (`errors:` and `total:` with `$window`).
fn slo_indicator(
    here: &str,
    (from_metric, good, errors, total): (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    ),
    metrics: &[Metric],
    problems: &mut Problems,
) -> Option<slo::Indicator> {
    match (from_metric, errors, total) {
        (Some(metric), None, None) => {
            let Some(m) = metrics.iter().find(|m| m.name == metric.trim()) else {
                problems.add(
                    format!("{here}.from_metric"),
                    format!(
                        "unknown metric \"{metric}\"{}",
                        suggest::hint(&metric, metrics.iter().map(|m| m.name.as_str()))
                    ),
                );
                return None;
            };
            let good = match &good {
                None => slo::Good::State,
                // A mistake here is noted and the rest still read, so every one shows at once.
                Some(text) => problems
                    .check(format!("{here}.good"), slo::Good::parse(text, &m.unit))
                    .unwrap_or(slo::Good::State),
            };
            Some(slo::Indicator::Metric {
                metric: m.name.clone(),
                good,
            })
        }
        (None, Some(errors), Some(total)) => {
            if good.is_some() {
                problems.add(format!("{here}.good"), "good: is for from_metric: SLOs");
            }
            for (field, query) in [("errors", &errors), ("total", &total)] {
                if !query.contains("$window") && !query.contains("{{.window}}") {
                    problems.add(
                        format!("{here}.{field}"),
                        "the query needs $window where each alert window goes, e.g. \
                         sum(rate(http_requests_total[$window]))",
                    );
                }
            }
            Some(slo::Indicator::Ratio { errors, total })
        }
        (None, None, None) => {
            problems.add(
                here,
                "an SLO needs from_metric: (a metric mindops records) or errors: and total: \
                 (PromQL with $window)",
            );
            None
        }
        _ => {
            problems.add(
                here,
                "give from_metric:, or errors: and total: together, not a mix",
            );
            None
        }
    }
}

/// One alert level at `at` (`slos.NAME.alerts.page`): its severity and burn-rate windows as
/// written, else the defaults given.
fn slo_alert(
    at: &str,
    file: Option<SloAlertFile>,
    (severity, rules): (String, Vec<slo::BurnRule>),
    severities: &[Severity],
    problems: &mut Problems,
) -> slo::Alert {
    let file = file.unwrap_or(SloAlertFile {
        severity: None,
        windows: None,
    });
    let severity = file.severity.unwrap_or(severity);
    if !severities.iter().any(|s| s.key == severity) {
        problems.add(
            format!("{at}.severity"),
            format!(
                "unknown severity \"{severity}\"; known severities: {}",
                severities
                    .iter()
                    .map(|s| s.key.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    let Some(written) = file.windows else {
        return slo::Alert { severity, rules };
    };
    let rules = written
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let at = format!("{at}.windows[{i}]");
            let long = positive(problems, &format!("{at}.long"), Some(&r.long))?;
            let short = positive(problems, &format!("{at}.short"), Some(&r.short))?;
            if short >= long {
                problems.add(
                    format!("{at}.short"),
                    format!(
                        "the short window ({}) must be shorter than the long ({})",
                        r.short, r.long
                    ),
                );
            }
            if !(r.burn > 0.0 && r.burn.is_finite()) {
                problems.add(
                    format!("{at}.burn"),
                    format!("{} is not a burn rate above 0", r.burn),
                );
            }
            Some(slo::BurnRule {
                long,
                short,
                factor: r.burn,
            })
        })
        .collect();
    slo::Alert { severity, rules }
}

/// A duration longer than zero at `path`, when one is written.
fn positive(problems: &mut Problems, path: &str, text: Option<&str>) -> Option<Duration> {
    let d = problems.check(path, crate::rules::duration::parse(text?))?;
    if d <= Duration::zero() {
        problems.add(path, "must be longer than zero");
        return None;
    }
    Some(d)
}

/// A target or alert as the team wrote it (`< 4.0/5`, not `< 4/5`), with the metric's unit
/// added when a comparison's number stands alone (`> 90` of a metric in % reads `> 90%`).
fn as_written(text: &str, unit: &str) -> String {
    let text = text.trim();
    // Only a comparison: a Nagios range (`0.5:5`) is read as it stands.
    let bare = text.starts_with(['<', '>', '=']) && text.ends_with(|c: char| c.is_ascii_digit());
    match crate::rules::units::show(0.0, unit).strip_prefix('0') {
        Some(suffix) if bare && unit != crate::rules::units::STATUS_UNIT => {
            format!("{text}{suffix}")
        }
        _ => text.to_string(),
    }
}

fn validate_metric(
    name: String,
    m: MetricFile,
    severities: &[&str],
    interval: Duration,
    problems: &mut Problems,
) -> Option<Metric> {
    let here = format!("metrics.{name}");
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        || name.starts_with(|c: char| c.is_ascii_digit())
    {
        problems.add(
            &here,
            format!(
                "metric name \"{name}\" must be lowercase letters, digits and underscores, \
                 starting with a letter (it is used in scripts and Prometheus output)"
            ),
        );
    }
    let unit = m.unit.trim().to_string();
    let mut threshold = |field: &str, text: &Option<String>| -> Option<Threshold> {
        let text = text.as_ref()?;
        problems.check(format!("{here}.{field}"), Threshold::parse(text, &unit))
    };
    let target = threshold("target", &m.target);
    let alert = threshold("alert", &m.alert);
    if let Some(severity) = &m.severity {
        if !severities.iter().any(|k| k == severity) {
            problems.add(
                format!("{here}.severity"),
                format!(
                    "unknown severity \"{severity}\"{}; known severities: {}",
                    suggest::hint(severity, severities.iter().copied()),
                    severities.join(", ")
                ),
            );
        }
    }
    let timeout = positive(problems, &format!("{here}.timeout"), m.timeout.as_deref());
    let hold = m
        .hold
        .as_ref()
        .and_then(|t| problems.check(format!("{here}.for"), crate::rules::duration::parse(t)));
    let selector = m.selector.as_ref().and_then(|t| {
        problems.check(
            format!("{here}.selector"),
            crate::rules::selector::Selector::parse(t),
        )
    });
    match (m.min, m.max) {
        (Some(v), _) | (_, Some(v)) if !v.is_finite() => {
            problems.add(&here, "min and max are finite numbers")
        }
        (Some(min), Some(max)) if min >= max => problems.add(
            format!("{here}.min"),
            format!("min {min} is not below max {max}"),
        ),
        _ => {}
    }
    // A selector may stand beside a source: it says where an --input file holds the value,
    // which then comes first.
    let written: Vec<&str> = [
        ("command", m.command.is_some()),
        ("prometheus", m.prometheus.is_some()),
        ("probe", m.probe.is_some()),
    ]
    .into_iter()
    .filter_map(|(field, set)| set.then_some(field))
    .collect();
    if written.len() > 1 {
        problems.add(
            &here,
            format!(
                "a metric takes its value from one source; this one has {}",
                written.join(" and ")
            ),
        );
    }
    if m.reduce.is_some() && m.prometheus.is_none() {
        problems.add(
            format!("{here}.reduce"),
            "reduce: is for prometheus: queries",
        );
    }
    let source = if let Some(command) = m.command {
        Some(Source::Command(command))
    } else if let Some(expr) = m.prometheus {
        if expr.trim().is_empty() {
            problems.add(format!("{here}.prometheus"), "the query is empty");
        }
        Some(Source::Query {
            expr,
            reduce: m.reduce,
        })
    } else {
        m.probe
            .and_then(|p| validate_probe(&format!("{here}.probe"), p, &unit, problems))
            .map(Source::Probe)
    };
    if let Some(from) = &m.source_unit {
        if let Err(why) = crate::rules::units::convert(1.0, from, &unit) {
            problems.add(format!("{here}.source_unit"), why);
        }
    }
    let max_age = positive(problems, &format!("{here}.max_age"), m.max_age.as_deref()).unwrap_or(
        if source.is_some() || m.selector.is_some() {
            interval
        } else {
            DEFAULT_GIVEN_MAX_AGE
        },
    );
    Some(Metric {
        env: m.env,
        target_text: m.target.as_deref().map(|t| as_written(t, &unit)),
        alert_text: m.alert.as_deref().map(|t| as_written(t, &unit)),
        name,
        label: m.label,
        group: m.group.trim().to_lowercase(),
        unit,
        target,
        alert,
        severity: m.severity,
        description: m.description,
        selector,
        source,
        source_unit: m.source_unit,
        timeout,
        max_age,
        hold,
        auto_resolve: m.auto_resolve,
        role: m.role,
        min: m.min,
        max: m.max,
    })
}

fn validate_probe(here: &str, p: ProbeFile, unit: &str, problems: &mut Problems) -> Option<Probe> {
    let p = match p {
        ProbeFile::Url(url) => ProbeFull {
            url,
            status: None,
            body: None,
            measure: None,
            ca_file: None,
            insecure: false,
            follow_redirects: None,
        },
        ProbeFile::Full(full) => full,
    };
    problems.check(format!("{here}.url"), super::template(&p.url));
    let scheme_ok = ["http://", "https://", "${"]
        .iter()
        .any(|s| p.url.trim_start().starts_with(s));
    if !scheme_ok {
        problems.add(
            format!("{here}.url"),
            format!("\"{}\" is not an http:// or https:// URL", p.url),
        );
    }
    let is_time = crate::rules::units::convert(1.0, "s", unit).is_ok();
    let measure = match p.measure {
        Some(m) => m,
        None if is_time => Measure::Time,
        None if unit == crate::rules::units::STATUS_UNIT => Measure::Up,
        None => {
            problems.add(
                here,
                format!(
                    "a probe measures time (a unit like s or ms), up (unit ok/failed) or \
                     cert_expiry (a unit like d); unit \"{unit}\" is none of these"
                ),
            );
            return None;
        }
    };
    let fits = match measure {
        Measure::Time | Measure::CertExpiry => is_time,
        Measure::Up => unit == crate::rules::units::STATUS_UNIT,
    };
    if !fits {
        problems.add(
            format!("{here}.measure"),
            format!(
                "measure {} needs a unit of {}, not \"{unit}\"",
                match measure {
                    Measure::Time => "time",
                    Measure::Up => "up",
                    Measure::CertExpiry => "cert_expiry",
                },
                if measure == Measure::Up {
                    "ok/failed"
                } else {
                    "time (s, ms, h, d)"
                }
            ),
        );
    }
    let status = match p.status {
        None => Vec::new(),
        Some(Statuses::One(code)) => vec![code],
        Some(Statuses::Many(codes)) => codes,
    };
    if let Some(bad) = status.iter().find(|c| !(100..=599).contains(*c)) {
        problems.add(
            format!("{here}.status"),
            format!("{bad} is not an HTTP status"),
        );
    }
    Some(Probe {
        url: p.url,
        status,
        body: p.body,
        measure,
        // As the blackbox exporter does by default.
        follow_redirects: p.follow_redirects.unwrap_or(true),
        trust: crate::util::trust::Trust {
            ca_file: p.ca_file,
            insecure: p.insecure,
        },
    })
}
