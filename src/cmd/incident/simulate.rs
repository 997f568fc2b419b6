//! `mindops incident simulate`: the escalation policy run on paper. The pages an incident
//! would send, when, to whom and on which channels, through timeouts, repeats and breaches,
//! with the store only read (for overrides) and nothing sent.

use anyhow::{Context as _, Result};
use comfy_table::Cell;
use serde::Serialize;

use crate::cli::{IncidentSimulateArgs, ScreenFormat};
use crate::ops::incidents::severity;
use crate::ops::notify::page_channels;
use crate::rules::incident::{repeat_of, simulate, Event, Kind, Roster};
use crate::util::output::Out;
use crate::util::time::{human, later, parse_instant, rfc3339};
use crate::{exit, Context};

#[derive(Serialize)]
struct Step {
    at: String,
    after_minutes: i64,
    event: &'static str,
    person: Option<String>,
    role: Option<String>,
    repeat: Option<u32>,
    channels: Vec<String>,
}

pub fn run(ctx: &Context, args: IncidentSimulateArgs) -> Result<u8> {
    let (config, thresholds) = ctx.config()?;
    let rotation = &config.rotation;
    let now = ctx.clock.now();
    let at = match &args.at {
        Some(text) => {
            parse_instant(text, rotation.zone, now).map_err(|e| anyhow::anyhow!("--at: {e}"))?
        }
        None => now,
    };
    let acked_after = args
        .acked_after
        .as_deref()
        .map(crate::rules::duration::parse)
        .transpose()
        .map_err(|e| anyhow::anyhow!("--acked-after: {e}"))?;
    let severity = severity(&thresholds, &args.sev)?;
    // The overrides stored for the days the simulation may span; reading creates nothing.
    let overrides = ctx
        .existing_store()?
        .overrides_between(at, later(at, chrono::Duration::days(400)))
        .context("cannot read the overrides")?;
    let roster = Roster {
        rotation,
        overrides: &overrides,
    };
    let events = simulate(severity, &roster, at, acked_after);
    let steps: Vec<Step> = events
        .iter()
        .filter_map(|e| step(e, at, &severity.key, &config))
        .collect();
    let zone = ctx.zone(rotation);
    let mut out = Out::stdout();
    match args.format {
        ScreenFormat::Json => out.json(&steps)?,
        ScreenFormat::Table => {
            out.line(format!(
                "{} {} opened {}; {}. Nothing is stored or sent.",
                severity.key,
                severity.name,
                human(at, zone),
                match &args.acked_after {
                    Some(after) => format!("acknowledged {after} later"),
                    None => "nobody acknowledges".into(),
                }
            ))?;
            let mut table = ctx.style.table(&["At", "After", "What", "Who", "Channels"]);
            for s in &steps {
                let at = chrono::DateTime::parse_from_rfc3339(&s.at)
                    .map(|t| human(t.with_timezone(&chrono::Utc), zone))
                    .unwrap_or_else(|_| s.at.clone());
                let what = match (s.event, s.repeat) {
                    ("page", Some(n)) => format!("page, repeat {n}"),
                    (event, _) => event.replace('_', " "),
                };
                let who = match (&s.person, &s.role) {
                    (Some(p), Some(r)) => format!("{p} ({r})"),
                    (Some(p), None) => p.clone(),
                    _ => String::new(),
                };
                table.add_row(vec![
                    Cell::new(at),
                    Cell::new(format!("{}m", s.after_minutes)),
                    Cell::new(what),
                    Cell::new(who),
                    Cell::new(s.channels.join(", ")),
                ]);
            }
            table.keep_whole(0);
            out.table(&table)?;
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}

/// One event as a step of the dry run; events that do not page or mark a limit are left out.
fn step(
    e: &Event,
    opened: chrono::DateTime<chrono::Utc>,
    severity: &str,
    config: &crate::config::RotationConfig,
) -> Option<Step> {
    let event = match e.kind {
        Kind::Opened => "opened",
        Kind::Paged => "page",
        Kind::TimeoutEscalated => "escalated",
        Kind::Acknowledged => "acknowledged",
        Kind::AckBreached => "acknowledgement_overdue",
        Kind::ResolveBreached => "resolution_overdue",
        _ => return None,
    };
    let person = (e.kind == Kind::Paged)
        .then(|| e.new_value.clone())
        .flatten();
    let channels = match (&person, &config.notify) {
        (Some(person), Some(notify)) => config
            .rotation
            .member(person)
            .map(|m| {
                let (theirs, team) = page_channels(notify, severity, m);
                theirs.into_iter().chain(team).map(str::to_string).collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    Some(Step {
        at: rfc3339(e.at),
        after_minutes: (e.at - opened).num_minutes(),
        event,
        role: (e.kind == Kind::Paged).then(|| e.text.clone()).flatten(),
        repeat: repeat_of(e),
        person,
        channels,
    })
}
