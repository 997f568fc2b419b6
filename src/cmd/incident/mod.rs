//! `mindops incident ...`: each handler loads what it needs, lets the core in
//! [`crate::incident`] decide, and has the store append the events.

mod check;
mod lifecycle;
mod list;
mod open;
mod review;

pub(crate) use open::open_incident;

use anyhow::Result;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::cli::IncidentCommand;
use crate::config::{Severity, Thresholds};
use crate::incident::{sla, Event, Incident, Kind, Paged, Roster};
use crate::rotation::{Override, Rotation};
use crate::store::Store;
use crate::time::{human, rfc3339};
use crate::{suggest, Context};

pub fn run(ctx: &Context, command: IncidentCommand) -> Result<u8> {
    use IncidentCommand as C;
    match command {
        C::Open(args) => open::run(ctx, args),
        C::List(args) => list::list(ctx, args),
        C::Show { id, format } => list::show(ctx, id, format),
        C::Check { format } => check::run(ctx, format),
        C::Review { id } => review::review(ctx, id),
        C::Action { command } => review::action(ctx, command),
        other => lifecycle::run(ctx, other),
    }
}

/// Config, store, clock and the overrides in force now: what every change to an incident needs.
pub(crate) struct Desk {
    rotation: Rotation,
    thresholds: Thresholds,
    pub(crate) store: Store,
    now: DateTime<Utc>,
    zone: Tz,
    overrides: Vec<Override>,
}

impl Desk {
    fn new(ctx: &Context) -> Result<Self> {
        let (rotation, thresholds) = ctx.config()?;
        Self::with(ctx, rotation.rotation, thresholds, ctx.store()?)
    }

    /// For commands that have already loaded the config and opened the store.
    pub(crate) fn with(
        ctx: &Context,
        rotation: Rotation,
        thresholds: Thresholds,
        store: Store,
    ) -> Result<Self> {
        let now = ctx.clock.now();
        let overrides = store.overrides_between(now, now + Duration::seconds(1))?;
        Ok(Desk {
            zone: ctx.zone(&rotation),
            rotation,
            thresholds,
            store,
            now,
            overrides,
        })
    }

    fn roster(&self) -> Roster<'_> {
        Roster {
            rotation: &self.rotation,
            overrides: &self.overrides,
        }
    }

    fn severity(&self, key: &str) -> Result<&Severity> {
        severity(&self.thresholds, key)
    }
}

/// A severity by key, case-insensitively, or an error that lists them.
fn severity<'a>(thresholds: &'a Thresholds, key: &str) -> Result<&'a Severity> {
    thresholds
        .severities
        .iter()
        .find(|s| s.key.eq_ignore_ascii_case(key.trim()))
        .ok_or_else(|| {
            let known: Vec<String> = thresholds
                .severities
                .iter()
                .map(|s| format!("{} ({})", s.key, s.name))
                .collect();
            anyhow::anyhow!(
                "unknown severity \"{key}\"{}; valid severities: {}",
                suggest::hint(key, thresholds.severities.iter().map(|s| s.key.as_str())),
                known.join(", ")
            )
        })
}

/// The incident record as `--format json` prints it; field names are stable.
#[derive(Debug, Serialize)]
struct IncidentJson {
    id: i64,
    title: String,
    description: Option<String>,
    severity: String,
    status: &'static str,
    phase: String,
    opened_at: String,
    opened_by: String,
    acked_at: Option<String>,
    closed_at: Option<String>,
    ack_due: String,
    resolve_due: String,
    escalation_level: u32,
    paged: Vec<Paged>,
    dedup_key: Option<String>,
    resolution: Option<String>,
    sla: String,
    breaching: bool,
}

impl IncidentJson {
    fn new(inc: &Incident, paged: Vec<Paged>, now: DateTime<Utc>) -> Self {
        let state = sla(inc, now);
        IncidentJson {
            id: inc.id,
            title: inc.title.clone(),
            description: inc.description.clone(),
            severity: inc.severity.clone(),
            status: inc.status.as_str(),
            phase: inc.phase.clone(),
            opened_at: rfc3339(inc.opened_at),
            opened_by: inc.opened_by.clone(),
            acked_at: inc.acked_at.map(rfc3339),
            closed_at: inc.closed_at.map(rfc3339),
            ack_due: rfc3339(inc.ack_due),
            resolve_due: rfc3339(inc.resolve_due),
            escalation_level: inc.escalation_level,
            paged,
            dedup_key: inc.dedup_key.clone(),
            resolution: inc.resolution.clone(),
            sla: state.to_string(),
            breaching: state.breaching(),
        }
    }
}

/// `Felix (Primary), Iris (Secondary)`.
fn paged_list(pages: &[Paged]) -> String {
    if pages.is_empty() {
        return "nobody (no one is on call)".into();
    }
    pages
        .iter()
        .map(|p| format!("{} ({})", p.person, p.role))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One timeline entry in words.
fn describe(e: &Event) -> String {
    let old = e.old_value.as_deref().unwrap_or("");
    let new = e.new_value.as_deref().unwrap_or("");
    let text = e.text.as_deref().unwrap_or("");
    let with = |base: String| {
        if text.is_empty() {
            base
        } else {
            format!("{base}: {text}")
        }
    };
    match e.kind {
        Kind::Opened => format!("opened as {new}: {text}"),
        Kind::TriggeredAgain => format!("triggered again ({new} times in all)"),
        Kind::Paged => format!("paged {new} ({text})"),
        Kind::Acknowledged => "acknowledged".into(),
        Kind::Escalated | Kind::TimeoutEscalated => with(format!("escalated to level {new}")),
        Kind::SeverityChanged => with(format!("severity {old} → {new}")),
        Kind::PhaseChanged => format!("phase {old} → {new}"),
        Kind::Step => with(format!("step done: {new}")),
        Kind::Note => format!("note: {text}"),
        Kind::Updated => format!("{text} changed: \"{old}\" → \"{new}\""),
        Kind::Closed => format!("closed: {text}"),
        Kind::Reopened => with("reopened".into()),
        Kind::AckBreached => format!("acknowledgement overdue (was due {new})"),
        Kind::ResolveBreached => format!("resolution overdue (was due {new})"),
        Kind::ActionAdded => format!("action {new} added: {text}"),
        Kind::ActionDone => format!("action {new} done: {text}"),
    }
}

/// What a change did, one line per event, for the person who made it.
fn report_events(id: i64, events: &[Event], zone: Tz) -> Result<()> {
    let mut out = crate::output::Out::stdout();
    for e in events {
        out.line(format!(
            "incident {id}: {} ({})",
            describe(e),
            human(e.at, zone)
        ))?;
    }
    out.flush()?;
    Ok(())
}
