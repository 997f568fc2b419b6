//! `mindops incident ...`: each handler loads what it needs, lets the core in
//! [`crate::rules::incident`] decide, and has the store append the events.

mod check;
mod lifecycle;
mod list;
mod open;
mod review;

use anyhow::Result;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::cli::IncidentCommand;
use crate::ops::incidents::Desk;
use crate::rules::incident::{sla, Event, Incident, Kind, Paged};
use crate::util::time::{human, rfc3339};
use crate::Context;

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

/// The config, the store and the clock, ready for a change to an incident.
fn desk(ctx: &Context) -> Result<Desk> {
    let (rotation, thresholds) = ctx.config()?;
    let zone = ctx.zone(&rotation.rotation);
    Desk::new(
        rotation.rotation,
        thresholds,
        ctx.store()?,
        ctx.clock.now(),
        zone,
    )
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
    let mut out = crate::util::output::Out::stdout();
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
