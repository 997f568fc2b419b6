//! `mindops incident ...`: each handler loads what it needs, lets the core in
//! [`crate::rules::incident`] decide, and has the store append the events.

mod check;
mod lifecycle;
mod list;
mod open;
mod review;
mod simulate;

use anyhow::Result;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::cli::IncidentCommand;
use crate::ops::incidents::Desk;
use crate::rules::incident::{sla, Event, Incident, Kind, Paged, Sla};
use crate::util::time::{human, serde_rfc3339, serde_rfc3339_opt};
use crate::Context;
use lifecycle::Change;

pub fn run(ctx: &Context, command: IncidentCommand) -> Result<u8> {
    use IncidentCommand as C;
    match command {
        C::Open(args) => open::run(ctx, args),
        C::Simulate(args) => simulate::run(ctx, args),
        C::List(args) => list::list(ctx, args),
        C::Show { id, format } => list::show(ctx, id, format),
        C::Check { format } => check::run(ctx, format),
        C::Review { id } => review::review(ctx, id),
        C::Action { command } => review::action(ctx, command),
        C::Ack { id, by } => lifecycle::run(ctx, id, &by, Change::Ack),
        C::Escalate {
            id,
            sev,
            reason,
            by,
        } => lifecycle::run(ctx, id, &by, Change::Escalate { sev, reason }),
        C::Update {
            id,
            sev,
            title,
            description,
            reason,
            by,
        } => lifecycle::run(
            ctx,
            id,
            &by,
            Change::Update {
                sev,
                title,
                description,
                reason,
            },
        ),
        C::Phase { id, phase, by } => lifecycle::run(ctx, id, &by, Change::Phase { phase }),
        C::Step { id, step, note, by } => lifecycle::run(ctx, id, &by, Change::Step { step, note }),
        C::Note { id, text, by } => lifecycle::run(ctx, id, &by, Change::Note { text }),
        C::Close { id, resolution, by } => {
            lifecycle::run(ctx, id, &by, Change::Close { resolution })
        }
        C::Reopen { id, reason, by } => lifecycle::run(ctx, id, &by, Change::Reopen { reason }),
    }
}

/// Sends what the change queued, within the notify budget, and says on stderr what is left
/// for `notify flush`. `flush` also queues the reminders due (what cron's `incident check`
/// does).
fn send(desk: &mut Desk, flush: bool) -> Result<()> {
    let delivered = if flush {
        desk.flush(None)?
    } else {
        desk.send(None)?
    };
    for line in delivered.iter().flat_map(crate::ops::notify::undelivered) {
        crate::util::output::note(line);
    }
    Ok(())
}

/// The incident record as `--format json` prints it; field names are stable. It borrows the
/// incident, so listing a hundred thousand copies nothing.
#[derive(Debug, Serialize)]
struct IncidentJson<'a> {
    id: i64,
    title: &'a str,
    description: Option<&'a str>,
    severity: &'a str,
    status: &'static str,
    phase: &'a str,
    #[serde(serialize_with = "serde_rfc3339")]
    opened_at: DateTime<Utc>,
    opened_by: &'a str,
    #[serde(serialize_with = "serde_rfc3339_opt")]
    acked_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "serde_rfc3339_opt")]
    closed_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "serde_rfc3339")]
    ack_due: DateTime<Utc>,
    #[serde(serialize_with = "serde_rfc3339")]
    resolve_due: DateTime<Utc>,
    escalation_level: u32,
    paged: &'a [Paged],
    dedup_key: Option<&'a str>,
    resolution: Option<&'a str>,
    #[serde(serialize_with = "serde_display")]
    sla: Sla,
    breaching: bool,
}

impl<'a> IncidentJson<'a> {
    fn new(inc: &'a Incident, paged: &'a [Paged], now: DateTime<Utc>) -> Self {
        let state = sla(inc, now);
        IncidentJson {
            id: inc.id,
            title: &inc.title,
            description: inc.description.as_deref(),
            severity: &inc.severity,
            status: inc.status.as_str(),
            phase: &inc.phase,
            opened_at: inc.opened_at,
            opened_by: &inc.opened_by,
            acked_at: inc.acked_at,
            closed_at: inc.closed_at,
            ack_due: inc.ack_due,
            resolve_due: inc.resolve_due,
            escalation_level: inc.escalation_level,
            paged,
            dedup_key: inc.dedup_key.as_deref(),
            resolution: inc.resolution.as_deref(),
            breaching: state.breaching(),
            sla: state,
        }
    }
}

fn serde_display<S: serde::Serializer>(
    v: &impl std::fmt::Display,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
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
/// With a zone, for people: a due time in the text is shown as tables show times; without,
/// for JSON and CSV, it stays RFC 3339 as stored.
fn describe(e: &Event, zone: Option<Tz>) -> String {
    let old = e.old_value.as_deref().unwrap_or("");
    let stored = e.new_value.as_deref().unwrap_or("");
    let shown_due = match (e.kind, zone) {
        (Kind::AckBreached | Kind::ResolveBreached, Some(zone)) => {
            chrono::DateTime::parse_from_rfc3339(stored)
                .map(|t| human(t.with_timezone(&Utc), zone))
                .ok()
        }
        _ => None,
    };
    let new = shown_due.as_deref().unwrap_or(stored);
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
        Kind::Paged if crate::rules::incident::repeat_of(e).is_some() => {
            format!("paged {new} ({text}) again, {old}")
        }
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
            describe(e, Some(zone)),
            human(e.at, zone)
        ))?;
    }
    out.flush()?;
    Ok(())
}
