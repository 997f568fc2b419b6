//! thresholds.yaml: severities, the response protocol and the metrics, checked against the
//! roles of rotation.yaml.

use chrono::Duration;
use serde::Deserialize;

use super::{ordered_map, Problems};
use crate::rules::rotation::Rotation;
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
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeverityFile {
    name: String,
    response: String,
    resolution: String,
    page: PageFile,
    description: Option<String>,
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
}

#[derive(Debug, Clone)]
pub struct Thresholds {
    /// Most severe first, as written.
    pub severities: Vec<Severity>,
    pub protocol: Vec<Phase>,
    /// Open incidents for CRITICAL metrics on every check.
    pub incidents: bool,
    pub metrics: Vec<Metric>,
}

#[derive(Debug, Clone)]
pub struct Severity {
    /// The short key people type: `P1`.
    pub key: String,
    pub name: String,
    /// Time allowed to acknowledge.
    pub response: Duration,
    /// Time allowed to close.
    pub resolution: Duration,
    pub page: Page,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// Every member of the team.
    All,
    /// These roles, by name as rotation.yaml spells them.
    Roles(Vec<String>),
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

impl Thresholds {
    /// The metrics that play a role, in the order written.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &Metric> {
        self.metrics.iter().filter(move |m| m.role == Some(role))
    }
}

#[derive(Debug, Clone)]
pub struct Metric {
    pub name: String,
    pub label: String,
    pub group: String,
    pub unit: String,
    pub target: Option<Threshold>,
    pub alert: Option<Threshold>,
    pub severity: Option<String>,
    pub description: Option<String>,
    /// The Prometheus series this metric reads (default: the series named like the metric).
    pub selector: Option<crate::sources::prometheus::Selector>,
    pub command: Option<String>,
    pub timeout: Option<Duration>,
    /// How long a breach must hold before it counts at its full state (`for:`).
    pub hold: Option<Duration>,
    pub role: Option<Role>,
    /// The least and most a value can be, where the unit's natural bounds do not fit.
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub auto_resolve: bool,
}

impl ThresholdsFile {
    pub fn validate(self, rotation: &Rotation, problems: &mut Problems) -> Option<Thresholds> {
        if self.severities.is_empty() {
            problems.add("severities", "at least one severity is needed, e.g. P1");
        }
        let severities: Vec<Severity> = self
            .severities
            .into_iter()
            .filter_map(|(key, s)| validate_severity(key, s, rotation, problems))
            .collect();
        let severity_keys: Vec<&str> = severities.iter().map(|s| s.key.as_str()).collect();

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

        let metrics: Vec<Metric> = self
            .metrics
            .into_iter()
            .filter_map(|(name, m)| validate_metric(name, m, &severity_keys, problems))
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

        Some(Thresholds {
            severities,
            protocol,
            incidents: self.incidents,
            metrics,
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
    Some(Severity {
        key,
        name: s.name.trim().to_string(),
        response: response?,
        resolution: resolution?,
        page,
        description: s.description,
    })
}

fn validate_metric(
    name: String,
    m: MetricFile,
    severities: &[&str],
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
    let timeout = m
        .timeout
        .as_ref()
        .and_then(|t| problems.check(format!("{here}.timeout"), crate::rules::duration::parse(t)));
    let hold = m
        .hold
        .as_ref()
        .and_then(|t| problems.check(format!("{here}.for"), crate::rules::duration::parse(t)));
    let selector = m.selector.as_ref().and_then(|t| {
        problems.check(
            format!("{here}.selector"),
            crate::sources::prometheus::Selector::parse(t),
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
    if m.selector.is_some() && m.command.is_some() {
        problems.add(
            &here,
            "a metric takes its value from a selector or a command, not both",
        );
    }
    Some(Metric {
        name,
        label: m.label,
        group: m.group.trim().to_lowercase(),
        unit,
        target,
        alert,
        severity: m.severity,
        description: m.description,
        selector,
        command: m.command,
        timeout,
        hold,
        auto_resolve: m.auto_resolve,
        role: m.role,
        min: m.min,
        max: m.max,
    })
}
