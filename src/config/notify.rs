//! The `notify:` section of rotation.yaml: the channels messages go out on, which events go to
//! which channel, and the reminders a cron run sends. Secrets are named (an environment
//! variable or a file), never written in the YAML.

use std::path::PathBuf;

use chrono::{Duration, NaiveTime, Weekday};
use serde::Deserialize;

use super::serve::secret;
use super::{ordered_map, Problems, Secret};
use crate::util::time::parse_time_of_day;
use crate::util::trust::Trust;

/// PagerDuty's Events API v2.
pub const PAGERDUTY_EVENTS: &str = "https://events.pagerduty.com/v2/enqueue";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotifyFile {
    #[serde(deserialize_with = "ordered_map")]
    channels: Vec<(String, ChannelFile)>,
    #[serde(default)]
    routes: Option<Vec<RouteFile>>,
    budget: Option<String>,
    give_up_after: Option<String>,
    max_attempts: Option<u32>,
    #[serde(default)]
    reminders: RemindersFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, tag = "type", rename_all = "snake_case")]
enum ChannelFile {
    Webhook {
        url: String,
        secret_env: Option<String>,
        secret_file: Option<PathBuf>,
        timeout: Option<String>,
        ca_file: Option<PathBuf>,
    },
    Slack {
        url: String,
        timeout: Option<String>,
    },
    Email {
        server: String,
        from: String,
        #[serde(default)]
        tls: EmailTls,
        username: Option<String>,
        password_env: Option<String>,
        password_file: Option<PathBuf>,
        timeout: Option<String>,
        ca_file: Option<PathBuf>,
    },
    Command {
        command: String,
        timeout: Option<String>,
        /// Variables of mindops's environment the program may see (an API token).
        #[serde(default)]
        env: Vec<String>,
    },
    Pagerduty {
        routing_key_env: Option<String>,
        routing_key_file: Option<PathBuf>,
        url: Option<String>,
        timeout: Option<String>,
    },
    Ntfy {
        url: String,
        topic: String,
        token_env: Option<String>,
        token_file: Option<PathBuf>,
        timeout: Option<String>,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RouteFile {
    events: Vec<Topic>,
    #[serde(default)]
    severities: Vec<String>,
    channels: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RemindersFile {
    shift: Option<String>,
    acked: Option<String>,
    weekly: Option<String>,
}

pub use crate::net::smtp::EmailTls;

/// What a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Someone is paged: an incident opened, escalated (by hand, by timeout, by a failed
    /// page), or raised to a severity that pages more roles.
    Page,
    Acknowledged,
    Resolved,
    Reopened,
    /// An SLA limit passed.
    Breach,
    /// A reminder while an incident stays acknowledged and unresolved.
    AckedReminder,
    /// A shift starts soon.
    ShiftReminder,
    /// The coming shifts, once a week.
    WeeklySummary,
    /// Items of a checklist slot past their deadline, to the person responsible for the day.
    ChecklistOverdue,
    /// A new handover note, to whoever takes over from its author.
    Handover,
    /// Who holds a role changed (an override added or removed), to each person it gives a
    /// role to or takes one from.
    RotaChange,
    /// `notify test`.
    Test,
}

impl Topic {
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Page => "page",
            Topic::Acknowledged => "acknowledged",
            Topic::Resolved => "resolved",
            Topic::Reopened => "reopened",
            Topic::Breach => "breach",
            Topic::AckedReminder => "acked_reminder",
            Topic::ShiftReminder => "shift_reminder",
            Topic::WeeklySummary => "weekly_summary",
            Topic::ChecklistOverdue => "checklist_overdue",
            Topic::Handover => "handover",
            Topic::RotaChange => "rota_change",
            Topic::Test => "test",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Notify {
    pub channels: Vec<Channel>,
    /// `None`: every channel gets what its kind is for (see [`Channel::default_topics`]).
    pub routes: Option<Vec<Route>>,
    /// How long a command spends sending after its commit.
    pub budget: Duration,
    /// After this long undelivered, a message is failed.
    pub give_up_after: Duration,
    pub max_attempts: u32,
    pub reminders: Reminders,
}

#[derive(Debug, Clone)]
pub struct Channel {
    pub name: String,
    pub kind: ChannelKind,
    /// Per request (or per command run).
    pub timeout: Duration,
}

#[derive(Debug, Clone)]
pub enum ChannelKind {
    Webhook {
        url: String,
        secret: Option<Secret>,
        trust: Trust,
    },
    Slack {
        url: String,
    },
    Email {
        server: String,
        from: String,
        tls: EmailTls,
        username: Option<String>,
        password: Option<Secret>,
        trust: Trust,
    },
    Command {
        command: String,
        env: Vec<String>,
    },
    Pagerduty {
        routing_key: Secret,
        url: String,
    },
    /// ntfy (ntfy.sh or self-hosted): a push to a person's phone, its buttons the links.
    Ntfy {
        /// The server, may hold `${VAR}`.
        url: String,
        /// `{person}` stands for the person's name in lower case: one topic per person.
        topic: String,
        token: Option<Secret>,
    },
}

impl ChannelKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ChannelKind::Webhook { .. } => "webhook",
            ChannelKind::Slack { .. } => "slack",
            ChannelKind::Email { .. } => "email",
            ChannelKind::Command { .. } => "command",
            ChannelKind::Pagerduty { .. } => "pagerduty",
            ChannelKind::Ntfy { .. } => "ntfy",
        }
    }

    /// Reaches one person (an address, a phone) rather than the team's room.
    pub fn personal(&self) -> bool {
        matches!(
            self,
            ChannelKind::Email { .. } | ChannelKind::Command { .. } | ChannelKind::Ntfy { .. }
        )
    }
}

impl Channel {
    /// Without `routes:`: a person's channels carry what is for them; the team's channels carry
    /// the incident's story and the week ahead; PagerDuty what its Events API knows.
    pub fn default_topics(&self) -> &'static [Topic] {
        match self.kind {
            ChannelKind::Email { .. } | ChannelKind::Command { .. } | ChannelKind::Ntfy { .. } => {
                &[
                    Topic::Page,
                    Topic::Acknowledged,
                    Topic::Resolved,
                    Topic::AckedReminder,
                    Topic::ShiftReminder,
                    Topic::ChecklistOverdue,
                    Topic::Handover,
                    Topic::RotaChange,
                    Topic::Test,
                ]
            }
            ChannelKind::Webhook { .. } | ChannelKind::Slack { .. } => &[
                Topic::Page,
                Topic::Acknowledged,
                Topic::Resolved,
                Topic::Reopened,
                Topic::Breach,
                Topic::WeeklySummary,
                Topic::Test,
            ],
            ChannelKind::Pagerduty { .. } => &[
                Topic::Page,
                Topic::Acknowledged,
                Topic::Resolved,
                Topic::Test,
            ],
        }
    }
}

#[derive(Debug, Clone)]
pub struct Route {
    pub topics: Vec<Topic>,
    /// Empty: every severity (and messages about no incident).
    pub severities: Vec<String>,
    pub channels: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Reminders {
    /// How long before a shift starts its holder is reminded.
    pub shift: Option<Duration>,
    /// How often an acknowledged, unresolved incident is brought back up.
    pub acked: Option<Duration>,
    /// When the week's summary goes out, in the rotation's zone.
    pub weekly: Option<(Weekday, NaiveTime)>,
}

impl Notify {
    /// The channels a message on `topic` (about an incident of `severity`) goes out on.
    pub fn channels_for(&self, topic: Topic, severity: Option<&str>) -> Vec<&Channel> {
        self.channels
            .iter()
            .filter(|c| match &self.routes {
                None => c.default_topics().contains(&topic),
                Some(routes) => routes.iter().any(|r| {
                    r.topics.contains(&topic)
                        && r.channels.contains(&c.name)
                        && (r.severities.is_empty()
                            || severity.is_some_and(|s| r.severities.iter().any(|k| k == s)))
                }),
            })
            .collect()
    }

    pub fn channel(&self, name: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.name == name)
    }
}

const DEFAULT_BUDGET: Duration = Duration::seconds(3);
const DEFAULT_GIVE_UP: Duration = Duration::hours(24);
const DEFAULT_ATTEMPTS: u32 = 20;
const DEFAULT_TIMEOUT: Duration = Duration::seconds(10);

impl NotifyFile {
    pub fn validate(self, severities_known: Option<&[&str]>, problems: &mut Problems) -> Notify {
        let channels: Vec<Channel> = self
            .channels
            .into_iter()
            .filter_map(|(name, file)| channel(name, file, problems))
            .collect();
        let names: Vec<&str> = channels.iter().map(|c| c.name.as_str()).collect();
        let routes = self
            .routes
            .map(|routes| validate_routes(routes, &names, severities_known, problems));
        let weekly = self
            .reminders
            .weekly
            .as_deref()
            .and_then(|text| problems.check("notify.reminders.weekly", weekly_time(text)));
        Notify {
            routes,
            budget: duration(problems, "notify.budget".into(), self.budget.as_deref())
                .unwrap_or(DEFAULT_BUDGET),
            give_up_after: duration(
                problems,
                "notify.give_up_after".into(),
                self.give_up_after.as_deref(),
            )
            .unwrap_or(DEFAULT_GIVE_UP),
            max_attempts: self.max_attempts.unwrap_or(DEFAULT_ATTEMPTS).max(1),
            reminders: Reminders {
                shift: duration(
                    problems,
                    "notify.reminders.shift".into(),
                    self.reminders.shift.as_deref(),
                ),
                acked: duration(
                    problems,
                    "notify.reminders.acked".into(),
                    self.reminders.acked.as_deref(),
                )
                .filter(|d| *d > Duration::zero()),
                weekly,
            },
            channels,
        }
    }
}

/// A duration that is not negative, when one is written.
fn duration(problems: &mut Problems, path: String, text: Option<&str>) -> Option<Duration> {
    let d = problems.check(path.clone(), crate::rules::duration::parse(text?))?;
    if d < Duration::zero() {
        problems.add(path, "must not be negative");
        return None;
    }
    Some(d)
}

/// One channel of `notify.channels`, its kind's keys checked; None when it cannot be used.
fn channel(name: String, file: ChannelFile, problems: &mut Problems) -> Option<Channel> {
    let here = format!("notify.channels.{name}");
    let url_ok = |problems: &mut Problems, url: &str| {
        problems.check(format!("{here}.url"), super::template(url));
    };
    let (kind, timeout) = match file {
        ChannelFile::Webhook {
            url,
            secret_env,
            secret_file,
            timeout,
            ca_file,
        } => {
            url_ok(problems, &url);
            let secret = secret(problems, &here, "secret", secret_env, secret_file);
            (
                ChannelKind::Webhook {
                    url,
                    secret,
                    trust: Trust {
                        ca_file,
                        insecure: false,
                    },
                },
                timeout,
            )
        }
        ChannelFile::Slack { url, timeout } => {
            url_ok(problems, &url);
            (ChannelKind::Slack { url }, timeout)
        }
        ChannelFile::Email {
            server,
            from,
            tls,
            username,
            password_env,
            password_file,
            timeout,
            ca_file,
        } => {
            problems.check(format!("{here}.server"), super::template(&server));
            if !from.contains('@') {
                problems.add(
                    format!("{here}.from"),
                    format!("\"{from}\" is not an address, e.g. mindops <oncall@example.com>"),
                );
            }
            let password = secret(problems, &here, "password", password_env, password_file);
            if password.is_some() != username.is_some() {
                problems.add(
                    &here,
                    "give username and a password (password_env or password_file) together",
                );
            }
            (
                ChannelKind::Email {
                    server,
                    from,
                    tls,
                    username,
                    password,
                    trust: Trust {
                        ca_file,
                        insecure: false,
                    },
                },
                timeout,
            )
        }
        ChannelFile::Command {
            command,
            timeout,
            env,
        } => (ChannelKind::Command { command, env }, timeout),
        ChannelFile::Pagerduty {
            routing_key_env,
            routing_key_file,
            url,
            timeout,
        } => {
            let Some(routing_key) = secret(
                problems,
                &here,
                "routing_key",
                routing_key_env,
                routing_key_file,
            ) else {
                problems.add(
                    &here,
                    "PagerDuty needs the integration's routing key: routing_key_env or routing_key_file",
                );
                return None;
            };
            (
                ChannelKind::Pagerduty {
                    routing_key,
                    url: url.unwrap_or_else(|| PAGERDUTY_EVENTS.to_string()),
                },
                timeout,
            )
        }
        ChannelFile::Ntfy {
            url,
            topic,
            token_env,
            token_file,
            timeout,
        } => {
            url_ok(problems, &url);
            let token = secret(problems, &here, "token", token_env, token_file);
            (ChannelKind::Ntfy { url, topic, token }, timeout)
        }
    };
    let timeout = duration(problems, format!("{here}.timeout"), timeout.as_deref())
        .filter(|d| *d > Duration::zero())
        .unwrap_or(DEFAULT_TIMEOUT);
    Some(Channel {
        name,
        kind,
        timeout,
    })
}

/// `notify.routes`, each naming channels that exist and severities thresholds.yaml knows.
fn validate_routes(
    routes: Vec<RouteFile>,
    names: &[&str],
    severities_known: Option<&[&str]>,
    problems: &mut Problems,
) -> Vec<Route> {
    routes
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            for (j, c) in r.channels.iter().enumerate() {
                if !names.contains(&c.as_str()) {
                    problems.add(
                        format!("notify.routes[{i}].channels[{j}]"),
                        format!(
                            "no channel \"{c}\"{}; channels: {}",
                            crate::util::suggest::hint(c, names.iter().copied()),
                            names.join(", ")
                        ),
                    );
                }
            }
            if let Some(known) = severities_known {
                for (j, s) in r.severities.iter().enumerate() {
                    if !known.contains(&s.as_str()) {
                        problems.add(
                            format!("notify.routes[{i}].severities[{j}]"),
                            format!("unknown severity \"{s}\"; known: {}", known.join(", ")),
                        );
                    }
                }
            }
            Route {
                topics: r.events,
                severities: r.severities,
                channels: r.channels,
            }
        })
        .collect()
}

/// `monday 09:00`.
fn weekly_time(text: &str) -> Result<(Weekday, NaiveTime), String> {
    let bad = || format!("\"{text}\" is not a weekday and time, e.g. monday 09:00");
    let (day, time) = text.trim().split_once(' ').ok_or_else(bad)?;
    let day: Weekday = day.trim().parse().map_err(|_| bad())?;
    let time = parse_time_of_day(time.trim()).map_err(|_| bad())?;
    Ok((day, time))
}
