//! The `serve:` and `heartbeats:` sections of rotation.yaml: where `mindops serve` listens,
//! the address people reach it at, the key that signs action links, the token of each intake
//! source, and the heartbeats whose silence opens an incident. Tokens and keys are named (an
//! environment variable or a file), never written in the YAML.

use std::path::PathBuf;

use chrono::Duration;
use serde::Deserialize;

use super::{ordered_map, Problems, Secret};

/// Where `serve` listens when neither the config nor `--listen` says.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8787";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServeFile {
    listen: Option<String>,
    public_url: Option<String>,
    link_secret_env: Option<String>,
    link_secret_file: Option<PathBuf>,
    viewer_token_env: Option<String>,
    viewer_token_file: Option<PathBuf>,
    #[serde(default)]
    intake: IntakeFile,
    #[serde(default)]
    checks: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct IntakeFile {
    alertmanager: Option<AlertmanagerFile>,
    events: Option<TokenFile>,
    heartbeats: Option<TokenFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AlertmanagerFile {
    token_env: Option<String>,
    token_file: Option<PathBuf>,
    severity_label: Option<String>,
    #[serde(default, deserialize_with = "ordered_map")]
    severities: Vec<(String, String)>,
    /// The severity of an alert whose label is missing or not mapped.
    unknown: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenFile {
    token_env: Option<String>,
    token_file: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeartbeatFile {
    every: String,
    grace: Option<String>,
    severity: String,
    title: Option<String>,
}

/// What `mindops serve` does and who may talk to it.
#[derive(Debug, Clone)]
pub struct Serve {
    pub listen: String,
    /// The address people and Alertmanager reach, without a trailing slash; links need it.
    pub public_url: Option<String>,
    pub link_secret: Option<Secret>,
    /// Needed to see `/` from anywhere but this machine.
    pub viewer_token: Option<Secret>,
    pub alertmanager: Option<AlertmanagerIntake>,
    /// The routing key an Events API body must carry.
    pub events: Option<Secret>,
    pub heartbeat_token: Option<Secret>,
    /// Run `metrics check` from the metrics' own sources every `check_interval`, as cron's
    /// line does.
    pub checks: bool,
}

#[derive(Debug, Clone)]
pub struct AlertmanagerIntake {
    pub token: Secret,
    pub severity_label: String,
    /// Label value → severity key, as written.
    pub severities: Vec<(String, String)>,
    pub unknown: String,
}

impl Default for Serve {
    /// No `serve:` section: listen on loopback, no intake, no links.
    fn default() -> Self {
        Serve {
            listen: DEFAULT_LISTEN.to_string(),
            public_url: None,
            link_secret: None,
            viewer_token: None,
            alertmanager: None,
            events: None,
            heartbeat_token: None,
            checks: false,
        }
    }
}

/// A job that must report in every `every`; silent past `every + grace`, it opens an incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Heartbeat {
    pub name: String,
    pub every: Duration,
    pub grace: Duration,
    pub severity: String,
    pub title: Option<String>,
}

impl Heartbeat {
    /// How long it may stay silent.
    pub fn allowed(&self) -> Duration {
        self.every + self.grace
    }
}

/// A secret named by `FIELD_env` or `FIELD_file`, one of them, not both: the serve section's
/// and every channel's.
pub(super) fn secret(
    problems: &mut Problems,
    here: &str,
    field: &str,
    env: Option<String>,
    file: Option<PathBuf>,
) -> Option<Secret> {
    match (env, file) {
        (Some(_), Some(_)) => {
            problems.add(here, format!("give {field}_env or {field}_file, not both"));
            None
        }
        (Some(name), None) => Some(Secret::Env(name)),
        (None, Some(path)) => Some(Secret::File(path)),
        (None, None) => None,
    }
}

fn positive(problems: &mut Problems, here: &str, text: &str) -> Option<Duration> {
    let d = problems.check(here, crate::rules::duration::parse(text))?;
    if d <= Duration::zero() {
        problems.add(here, "must be more than zero");
        return None;
    }
    Some(d)
}

impl ServeFile {
    pub fn validate(self, problems: &mut Problems) -> Serve {
        let listen = self.listen.unwrap_or_else(|| DEFAULT_LISTEN.to_string());
        if listen.parse::<std::net::SocketAddr>().is_err() {
            problems.add(
                "serve.listen",
                format!(
                    "\"{listen}\" is not an address and port, e.g. 127.0.0.1:8787 or [::]:8787"
                ),
            );
        }
        let public_url = self.public_url.map(|u| u.trim_end_matches('/').to_string());
        if let Some(url) = &public_url {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                problems.add(
                    "serve.public_url",
                    format!("\"{url}\" is not an http:// or https:// URL"),
                );
            }
        }
        let link_secret = secret(
            problems,
            "serve",
            "link_secret",
            self.link_secret_env,
            self.link_secret_file,
        );
        if public_url.is_some() != link_secret.is_some() {
            problems.add(
                "serve",
                "action links need both public_url and a signing key (link_secret_env or \
                 link_secret_file); give both, or neither",
            );
        }
        let viewer_token = secret(
            problems,
            "serve",
            "viewer_token",
            self.viewer_token_env,
            self.viewer_token_file,
        );
        let alertmanager = self.intake.alertmanager.and_then(|a| {
            let here = "serve.intake.alertmanager";
            let Some(token) = secret(problems, here, "token", a.token_env, a.token_file) else {
                problems.add(
                    here,
                    "Alertmanager's posts need a bearer token: token_env or token_file (set the \
                     same in Alertmanager's http_config.authorization)",
                );
                return None;
            };
            let severities = if a.severities.is_empty() {
                [("critical", "P1"), ("warning", "P2"), ("info", "P3")]
                    .iter()
                    .map(|(l, s)| (l.to_string(), s.to_string()))
                    .collect()
            } else {
                a.severities
            };
            Some(AlertmanagerIntake {
                token,
                severity_label: a.severity_label.unwrap_or_else(|| "severity".into()),
                severities,
                unknown: a.unknown.unwrap_or_else(|| "P2".into()),
            })
        });
        let mut token_of = |here: &str, file: Option<TokenFile>| {
            let file = file?;
            let token = secret(problems, here, "token", file.token_env, file.token_file);
            if token.is_none() {
                problems.add(here, "needs a token: token_env or token_file");
            }
            token
        };
        let events = token_of("serve.intake.events", self.intake.events);
        let heartbeat_token = token_of("serve.intake.heartbeats", self.intake.heartbeats);
        Serve {
            listen,
            public_url,
            link_secret,
            viewer_token,
            alertmanager,
            events,
            heartbeat_token,
            checks: self.checks,
        }
    }
}

/// The `heartbeats:` map, in file order.
pub fn validate_heartbeats(
    file: Vec<(String, HeartbeatFile)>,
    problems: &mut Problems,
) -> Vec<Heartbeat> {
    file.into_iter()
        .filter_map(|(name, h)| {
            let here = format!("heartbeats.{name}");
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                problems.add(
                    &here,
                    "a heartbeat's name is letters, digits, - and _ (it is part of a URL)",
                );
            }
            let every = positive(problems, &format!("{here}.every"), &h.every);
            let grace = match &h.grace {
                Some(text) => problems
                    .check(format!("{here}.grace"), crate::rules::duration::parse(text))
                    .filter(|g| *g >= Duration::zero()),
                None => Some(Duration::zero()),
            };
            Some(Heartbeat {
                every: every?,
                grace: grace?,
                severity: h.severity.trim().to_string(),
                title: h.title,
                name,
            })
        })
        .collect()
}
