//! `mindops incident open`.

use anyhow::{bail, Result};

use super::{paged_list, send, IncidentJson};
use crate::cli::{Format, IncidentOpenArgs};
use crate::ops::incidents::open_incident;
use crate::rules::duration;
use crate::rules::incident::paged;
use crate::store::Opened;
use crate::util::output::{note, Out};
use crate::util::time::human;
use crate::{exit, Context};

pub fn run(ctx: &Context, args: IncidentOpenArgs) -> Result<u8> {
    let title = args.title.trim();
    if title.is_empty() {
        bail!("an incident needs a title: --title \"what is wrong\"");
    }
    let mut desk = ctx.desk()?;
    let severity = desk.severity(&args.sev)?.clone();
    let by = ctx.actor(args.by.by.as_deref());
    let now = desk.now;
    let key = args
        .dedup_key
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty());
    let outcome = open_incident(
        &mut desk,
        &severity,
        title,
        args.description.as_deref(),
        key,
        &by,
    )?;
    let (id, again) = match outcome {
        Opened::New(id) => (id, None),
        Opened::Again { id, count } => (
            id,
            Some(format!(
                "incident {id} is open with dedup key \"{}\": recorded as triggered again \
                 ({count} times in all); nothing new was opened and nobody was paged again",
                key.unwrap_or_default()
            )),
        ),
    };
    let Some((incident, events)) = desk.store.incident(id)? else {
        bail!("incident {id} vanished while being opened");
    };
    // The incident and its messages are committed: a receiver that is down or slow now costs
    // at most the notify budget, and what it did not take waits in the outbox.
    send(&mut desk, false)?;
    // What a script reads stays the incident; a person reading the table is told on stdout
    // that nothing new was opened, and the other formats say it on stderr.
    if let Some(again) = &again {
        if args.format == Format::Table {
            let mut out = Out::stdout();
            out.line(again)?;
            out.flush()?;
            return Ok(exit::SUCCESS);
        }
        note(again);
    }
    let pages = paged(&events);
    let mut out = Out::stdout();
    match args.format {
        Format::Plain => out.line(id.to_string())?,
        Format::Json => out.json(&IncidentJson::new(&incident, &pages, now))?,
        Format::Csv => {
            out.csv(&["id", "severity", "title", "ack_due", "resolve_due", "paged"])?;
            out.csv(&[
                id.to_string(),
                incident.severity.clone(),
                incident.title.clone(),
                crate::util::time::rfc3339(incident.ack_due),
                crate::util::time::rfc3339(incident.resolve_due),
                paged_list(&pages),
            ])?;
        }
        Format::Table => {
            let zone = desk.zone;
            out.line(format!(
                "incident {id} opened: {} {} · {}",
                incident.severity, severity.name, incident.title
            ))?;
            out.line(format!("paged: {}", paged_list(&pages)))?;
            out.line(format!(
                "acknowledge by {} ({}) · resolve by {} ({})",
                human(incident.ack_due, zone),
                duration::format(severity.response),
                human(incident.resolve_due, zone),
                duration::format(severity.resolution)
            ))?;
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}
