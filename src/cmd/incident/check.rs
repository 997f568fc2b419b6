//! `mindops incident check`: what cron runs every minute.

use anyhow::Result;
use serde::Serialize;

use super::{describe, desk};
use crate::cli::Format;
use crate::ops::incidents::Desk;
use crate::rules::incident::{self, sla};
use crate::store::IncidentFilter;
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
    let mut desk = desk(ctx)?;
    let now = desk.now;
    let unclosed = desk.store.incidents(&IncidentFilter::default())?;
    let mut done = Vec::new();
    let mut breaching = Vec::new();
    for inc in &unclosed {
        let Ok(severity) = desk.severity(&inc.severity).cloned() else {
            note(format!(
                "incident {}: severity {} is no longer in thresholds.yaml; not escalated",
                inc.id, inc.severity
            ));
            continue;
        };
        let Desk {
            store,
            rotation,
            overrides,
            ..
        } = &mut desk;
        let roster = incident::Roster {
            rotation,
            overrides,
        };
        let (events, after) = store.modify_incident(inc.id, |inc, history| {
            let events = incident::check(inc, history, &severity, &roster, now);
            Ok((events.clone(), (events, inc.clone())))
        })?;
        if sla(&after, now).breaching() {
            breaching.push(after.id);
        }
        done.extend(events.iter().map(|e| Done {
            incident: after.id,
            at: rfc3339(e.at),
            kind: e.kind.as_str(),
            what: describe(e),
        }));
    }
    let mut out = Out::stdout();
    match format {
        Format::Json => out.json(&CheckJson {
            checked: unclosed.len(),
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
                    unclosed.len(),
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
