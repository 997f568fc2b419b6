//! `mindops incident review` (Markdown from the record) and follow-up actions.

use std::fmt::Write as _;

use anyhow::{bail, Result};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::{describe, paged_list};
use crate::cli::ActionCommand;
use crate::config::{Severity, Thresholds};
use crate::rules::deadline::{in_time, passed};
use crate::rules::duration;
use crate::rules::incident::{paged, Action, Event, Incident, Kind};
use crate::store::NewAction;
use crate::util::output::{note, Out};
use crate::util::time::{human, local_date, parse_date};
use crate::{exit, Context};

pub fn review(ctx: &Context, id: i64) -> Result<u8> {
    let (rotation, thresholds) = ctx.config()?;
    let zone = ctx.zone(&rotation.rotation);
    let store = ctx.existing_store()?;
    let Some((inc, history)) = store.incident(id)? else {
        bail!("no incident {id}; `mindops incident list --all` shows them all");
    };
    let actions = store.actions(id)?;
    let severity = thresholds.severities.iter().find(|s| s.key == inc.severity);
    let mut md = String::new();
    summary(&mut md, &inc, severity, &history, zone);
    limits(&mut md, &inc, severity, ctx.clock.now());
    phases(&mut md, &thresholds, &inc, &history, zone);
    timeline(&mut md, &history, zone);
    findings(&mut md, &history);
    follow_ups(&mut md, &actions, id, zone);
    let mut out = Out::stdout();
    out.document(&md)?;
    out.flush()?;
    Ok(exit::SUCCESS)
}

/// The title, severity, status, who opened it and who was paged, and what it was about.
fn summary(
    md: &mut String,
    inc: &Incident,
    severity: Option<&Severity>,
    history: &[Event],
    zone: Tz,
) {
    let _ = writeln!(md, "# Incident {}: {}\n", inc.id, inc.title);
    let _ = writeln!(md, "## Summary\n");
    let _ = writeln!(
        md,
        "- **Severity:** {}{}",
        inc.severity,
        severity.map_or(String::new(), |s| format!(" ({})", s.name))
    );
    let _ = writeln!(md, "- **Status:** {}", inc.status.as_str());
    let _ = writeln!(
        md,
        "- **Opened:** {} by {}",
        human(inc.opened_at, zone),
        inc.opened_by
    );
    if let Some(closed) = inc.closed_at {
        let _ = writeln!(md, "- **Closed:** {}", human(closed, zone));
    }
    let _ = writeln!(md, "- **Paged:** {}", paged_list(&paged(history)));
    let _ = writeln!(
        md,
        "- **Escalation level reached:** {}",
        inc.escalation_level
    );
    if let Some(d) = &inc.description {
        let _ = writeln!(md, "\n{d}");
    }
    if let Some(r) = &inc.resolution {
        let _ = writeln!(md, "\n**Resolution:** {r}");
    }
}

/// Time to acknowledge and to resolve against the severity's limits.
fn limits(md: &mut String, inc: &Incident, severity: Option<&Severity>, now: DateTime<Utc>) {
    let _ = writeln!(md, "\n## Response against the limits\n");
    let _ = writeln!(md, "| | Limit | Actual | |\n|---|---|---|---|");
    let limit = |d: Option<Duration>| d.map_or("-".into(), duration::format);
    let measured = |end: Option<DateTime<Utc>>, due| match end {
        Some(end) => (
            duration::format(Duration::minutes((end - inc.opened_at).num_minutes())),
            if in_time(end, due) { "met" } else { "missed" },
        ),
        None => (
            "not yet".into(),
            if !passed(due, now) { "open" } else { "missed" },
        ),
    };
    let (ack, ack_verdict) = measured(inc.acked_at, inc.ack_due);
    let (res, res_verdict) = measured(inc.closed_at, inc.resolve_due);
    let _ = writeln!(
        md,
        "| Time to acknowledge | {} | {ack} | {ack_verdict} |",
        limit(severity.map(|s| s.response))
    );
    let _ = writeln!(
        md,
        "| Time to resolve | {} | {res} | {res_verdict} |",
        limit(severity.map(|s| s.resolution))
    );
}

/// Each phase the incident went through, from when, with its steps ticked or not.
fn phases(md: &mut String, thresholds: &Thresholds, inc: &Incident, history: &[Event], zone: Tz) {
    let _ = writeln!(md, "\n## Phases\n");
    let mut phase_start = vec![(
        inc.opened_at,
        thresholds
            .protocol
            .first()
            .map_or("detection".to_string(), |p| p.name.clone()),
    )];
    phase_start.extend(
        history
            .iter()
            .filter(|e| e.kind == Kind::PhaseChanged)
            .map(|e| (e.at, e.new_value.clone().unwrap_or_default())),
    );
    let steps = super::list::steps(thresholds, history);
    for (at, phase) in &phase_start {
        let done: Vec<String> = steps
            .iter()
            .filter(|s| s.phase == *phase)
            .map(|s| format!("[{}] {}", if s.done { "x" } else { " " }, s.text))
            .collect();
        let _ = writeln!(
            md,
            "- **{}** from {}: {}",
            crate::util::output::title_case(phase),
            human(*at, zone),
            done.join(", ")
        );
    }
}

fn timeline(md: &mut String, history: &[Event], zone: Tz) {
    let _ = writeln!(md, "\n## Timeline\n");
    let _ = writeln!(md, "| Time | Who | What |\n|---|---|---|");
    for e in history {
        let _ = writeln!(
            md,
            "| {} | {} | {} |",
            human(e.at, zone),
            e.actor,
            describe(e, Some(zone)).replace('|', "\\|")
        );
    }
}

/// The seed's review steps, each filled with the notes left when it was ticked.
fn findings(md: &mut String, history: &[Event]) {
    let notes = |step: &str| -> String {
        let found: Vec<&str> = history
            .iter()
            .filter(|e| e.kind == Kind::Step && e.new_value.as_deref() == Some(step))
            .filter_map(|e| e.text.as_deref())
            .collect();
        if found.is_empty() {
            "_To be written._".to_string()
        } else {
            found.join("\n\n")
        }
    };
    for (heading, step) in [
        ("Cause", "review.analyze-cause"),
        ("Procedures to update", "review.update-procedures"),
        ("Preventing recurrence", "review.prevent-recurrence"),
    ] {
        let _ = writeln!(md, "\n## {heading}\n\n{}", notes(step));
    }
}

fn follow_ups(md: &mut String, actions: &[Action], id: i64, zone: Tz) {
    let _ = writeln!(md, "\n## Follow-up actions\n");
    if actions.is_empty() {
        let _ = writeln!(
            md,
            "_None yet: `mindops incident action add {id} TEXT --owner NAME`._"
        );
        return;
    }
    let _ = writeln!(
        md,
        "| # | Action | Owner | Due | Status |\n|---|---|---|---|---|"
    );
    for a in actions {
        let status = match (&a.done_at, &a.done_by) {
            (Some(at), Some(by)) => format!("done {} by {by}", human(*at, zone)),
            _ => "open".into(),
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {status} |",
            a.id,
            a.text.replace('|', "\\|"),
            a.owner,
            a.due
        );
    }
}

pub fn action(ctx: &Context, command: ActionCommand) -> Result<u8> {
    let now = ctx.clock.now();
    match command {
        ActionCommand::Add {
            id,
            text,
            owner,
            due,
            by,
        } => {
            if text.trim().is_empty() || owner.trim().is_empty() {
                bail!("an action needs text and an --owner");
            }
            let rotation = ctx.rotation()?.rotation;
            let due: NaiveDate = match due {
                Some(d) => parse_date(&d).map_err(anyhow::Error::msg)?,
                None => {
                    let today = local_date(rotation.zone, now);
                    today
                        .checked_add_days(chrono::Days::new(7))
                        .unwrap_or(today)
                }
            };
            let by = ctx.actor(by.by.as_deref());
            let action_id = ctx.store()?.add_action(
                id,
                &NewAction {
                    text: text.trim(),
                    owner: owner.trim(),
                    due,
                    by: &by,
                    at: now,
                },
            )?;
            Out::stdout().line(format!(
                "action {action_id} on incident {id}: {} (owner {}, due {due})",
                text.trim(),
                owner.trim()
            ))?;
        }
        ActionCommand::Done { action_id, by } => {
            let by = ctx.actor(by.by.as_deref());
            let before = ctx.store()?.complete_action(action_id, &by, now)?;
            match before.done_at {
                Some(at) => note(format!(
                    "action {action_id} was already done at {}; nothing changed",
                    crate::util::time::rfc3339(at)
                )),
                None => Out::stdout().line(format!("action {action_id} done: {}", before.text))?,
            }
        }
    }
    Ok(exit::SUCCESS)
}
