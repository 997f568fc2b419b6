//! The seed's monitoring dashboard as data: who is on call, open incidents with their clocks,
//! each metric's latest state, today's checklist, the latest handover note. `mindops status`
//! draws it on a terminal and `mindops serve` as a web page.

use anyhow::Result;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::config::{RotationConfig, Thresholds};
use crate::ops::checklist::Sheet;
use crate::rules::incident::{sla, Incident};
use crate::rules::metrics::{freshness, sparkline, Freshness, State};
use crate::rules::rotation::holders_at;
use crate::rules::units;
use crate::store::{HandoverNote, IncidentFilter, Store};
use crate::util::time::rfc3339;

/// Recorded values the trend column draws.
pub const TREND: u32 = 20;

#[derive(Serialize)]
pub struct OnCall {
    pub role: String,
    pub person: String,
}

#[derive(Serialize)]
pub struct IncidentLine {
    pub id: i64,
    pub severity: String,
    pub status: &'static str,
    pub title: String,
    pub sla: String,
    pub breaching: bool,
}

#[derive(Serialize)]
pub struct MetricLine {
    pub name: String,
    pub group: String,
    pub value: Option<f64>,
    pub shown: Option<String>,
    pub state: &'static str,
    pub at: Option<String>,
    pub age_seconds: Option<i64>,
    /// The latest value is older than the metric's `max_age`: its state is UNKNOWN whatever
    /// it was then.
    pub stale: bool,
    pub trend: String,
}

#[derive(Serialize)]
pub struct SloLine {
    pub name: String,
    /// `OK`, `ticket`, `page`, or `UNKNOWN` when it could not be judged.
    pub state: &'static str,
    /// The metrics state it counts as, for colour: a page is CRITICAL, a ticket WARNING.
    pub severity_state: &'static str,
    /// The share of the budget left, 0.38 for 38 %; null without events.
    pub budget_left: Option<f64>,
    /// `budget 38% left`, or why it could not be judged.
    pub text: String,
}

#[derive(Serialize)]
pub struct ChecklistLine {
    pub date: String,
    pub done: usize,
    pub total: usize,
    pub overdue: usize,
}

#[derive(Serialize)]
pub struct HandoverLine {
    #[serde(skip)]
    pub when: DateTime<Utc>,
    pub at: String,
    pub author: String,
    pub text: String,
}

#[derive(Serialize)]
pub struct Status {
    /// What the screen shows times in, and when it was drawn: kept so that drawing needs no
    /// second read of the config.
    #[serde(skip)]
    pub zone: Tz,
    #[serde(skip)]
    pub now: DateTime<Utc>,
    pub at: String,
    pub shift: Option<u64>,
    pub oncall: Vec<OnCall>,
    /// Roles nobody holds now (someone is off and nobody is left to cover).
    pub gaps: Vec<String>,
    pub incidents: Vec<IncidentLine>,
    pub metrics: Vec<MetricLine>,
    pub slos: Vec<SloLine>,
    pub checklist: ChecklistLine,
    pub handover: Option<HandoverLine>,
    pub notifications: NotificationsLine,
}

#[derive(Serialize)]
pub struct NotificationsLine {
    /// Queued or being sent.
    pub pending: u64,
    /// Given up on: `notify list --failed` shows them.
    pub failed: u64,
}

/// The dashboard at `now`, times in `zone`.
pub fn gather(
    config: &RotationConfig,
    thresholds: &Thresholds,
    store: &Store,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<Status> {
    let rotation = &config.rotation;
    let overrides = store.overrides_between(
        now,
        crate::util::time::later(now, chrono::Duration::seconds(1)),
    )?;
    let oncall: Vec<OnCall> = holders_at(rotation, &overrides, now)
        .into_iter()
        .map(|s| OnCall {
            role: rotation.roles[s.role].clone(),
            person: s.person,
        })
        .collect();
    let gaps = rotation
        .roles
        .iter()
        .filter(|r| !oncall.iter().any(|o| &o.role == *r))
        .cloned()
        .collect();
    let incidents: Vec<Incident> = store.incidents(&IncidentFilter::default())?;
    let mut metrics = Vec::new();
    for m in &thresholds.metrics {
        let latest = store.latest_sample(&m.name)?;
        let values: Vec<f64> = store
            .recent_samples(&m.name, TREND)?
            .iter()
            .map(|x| x.value.unwrap_or(f64::NAN))
            .collect();
        let trend = sparkline(&values);
        let (at, value, mut state) = match latest {
            Some(s) => (Some(s.at), s.value, s.state),
            None => (None, None, State::Unknown),
        };
        let stale = matches!(freshness(at, m.max_age, now), Freshness::Stale(_));
        if stale {
            state = State::Unknown;
        }
        metrics.push(MetricLine {
            name: m.name.clone(),
            group: m.group.clone(),
            value,
            shown: value.map(|v| units::show(v, &m.unit)),
            state: state.as_str(),
            at: at.map(rfc3339),
            age_seconds: at.map(|t| (now - t).num_seconds()),
            stale,
            trend,
        });
    }
    let slos = crate::ops::slo::judge_all(store, thresholds, now)?
        .iter()
        .map(|j| SloLine {
            name: j.slo.name.clone(),
            state: if j.error.is_some() {
                "UNKNOWN"
            } else {
                j.judgement.level.as_str()
            },
            severity_state: j.state().as_str(),
            budget_left: j
                .budget
                .filter(|_| j.error.is_none())
                .and_then(|b| b.consumed)
                .map(|spent| 1.0 - spent),
            text: j.error.clone().unwrap_or_else(|| j.left()),
        })
        .collect();
    let sheet = Sheet::new(config, thresholds, now, zone);
    let progress = sheet.progress(store)?;
    let handover: Option<HandoverNote> = store.latest_handover()?;
    let messages = store.message_counts()?;
    Ok(Status {
        zone,
        now,
        at: rfc3339(now),
        shift: rotation.shift_at(now).ok().map(|s| s.number),
        oncall,
        gaps,
        incidents: incidents
            .iter()
            .map(|i| {
                let state = sla(i, now);
                IncidentLine {
                    id: i.id,
                    severity: i.severity.clone(),
                    status: i.status.as_str(),
                    title: i.title.clone(),
                    sla: state.to_string(),
                    breaching: state.breaching(),
                }
            })
            .collect(),
        metrics,
        slos,
        checklist: ChecklistLine {
            date: progress.date.to_string(),
            done: progress.done,
            total: progress.total,
            overdue: progress.overdue,
        },
        handover: handover.map(|n| HandoverLine {
            when: n.at,
            at: rfc3339(n.at),
            author: n.author,
            text: n.text,
        }),
        notifications: NotificationsLine {
            pending: messages.pending,
            failed: messages.failed,
        },
    })
}
