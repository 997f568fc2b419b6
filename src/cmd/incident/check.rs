//! `mindops incident check`: what cron runs every minute.

use anyhow::Result;
use serde::Serialize;

use super::{describe, send};
use crate::cli::Format;
use crate::ops::incidents::{check_all, Checked};
use crate::rules::incident::sla;
use crate::util::output::{note, Out};
use crate::util::time::rfc3339;
use crate::{exit, Context};

#[derive(Serialize)]
struct Done {
    incident: i64,
    at: String,
    kind: &'static str,
    what: String,
}

#[derive(Serialize)]
struct CheckJson {
    checked: usize,
    breaching: Vec<i64>,
    done: Vec<Done>,
}

pub fn run(ctx: &Context, format: Format) -> Result<u8> {
    let mut desk = ctx.desk()?;
    let now = desk.now;
    let outcome = check_all(&mut desk)?;
    for (name, id) in crate::ops::serve::missing_heartbeats(&mut desk)? {
        note(format!("heartbeat {name} is missing: incident {id}"));
    }
    desk.store.record_beat("mindops:incident_check", now)?;
    send(&mut desk, true)?;
    for inc in &outcome.unknown_severity {
        note(format!(
            "incident {}: severity {} is no longer in thresholds.yaml; not escalated",
            inc.id, inc.severity
        ));
    }
    let unclosed = outcome.checked.len() + outcome.unknown_severity.len();
    let mut done = Vec::new();
    let mut breaching = Vec::new();
    for Checked { incident, events } in &outcome.checked {
        if sla(incident, now).breaching() {
            breaching.push(incident.id);
        }
        done.extend(events.iter().map(|e| Done {
            incident: incident.id,
            at: rfc3339(e.at),
            kind: e.kind.as_str(),
            what: describe(e, (format != Format::Json).then_some(desk.zone)),
        }));
    }
    let mut out = Out::stdout();
    match format {
        Format::Json => out.json(&CheckJson {
            checked: unclosed,
            breaching: breaching.clone(),
            done,
        })?,
        _ => {
            for d in &done {
                out.line(format!("incident {}: {}", d.incident, d.what))?;
            }
            if format == Format::Table {
                note(format!(
                    "{} open incident(s), {} in breach",
                    unclosed,
                    breaching.len()
                ));
            }
        }
    }
    out.flush()?;
    Ok(if breaching.is_empty() {
        exit::SUCCESS
    } else {
        exit::PROBLEM
    })
}
