//! `mindops incident list` and `incident show`.

use anyhow::{bail, Result};
use chrono::{DateTime, NaiveTime, Utc};
use comfy_table::Cell;
use serde::Serialize;

use super::{describe, paged_list, severity, IncidentJson};
use crate::cli::{Format, IncidentListArgs};
use crate::config::rotation::slug;
use crate::incident::{paged, sla, Action, Event, Kind};
use crate::output::{note, Out};
use crate::store::IncidentFilter;
use crate::time::{human, local_to_utc, parse_date, rfc3339};
use crate::{exit, Context};

pub fn list(ctx: &Context, args: IncidentListArgs) -> Result<u8> {
    let (rotation, thresholds) = ctx.config()?;
    let zone = ctx.zone(&rotation.rotation);
    let now = ctx.clock.now();
    let filter = IncidentFilter {
        include_closed: args.all,
        severity: args
            .sev
            .as_deref()
            .map(|s| severity(&thresholds, s).map(|s| s.key.clone()))
            .transpose()?,
        since: args
            .since
            .as_deref()
            .map(|d| {
                parse_date(d)
                    .map(|d| local_to_utc(rotation.rotation.zone, d.and_time(NaiveTime::MIN)))
                    .map_err(anyhow::Error::msg)
            })
            .transpose()?,
        limit: args.limit,
    };
    let Some(store) = ctx.existing_store()? else {
        if args.format == Format::Table {
            note("no incidents yet");
        }
        return print_list(ctx, &[], &Default::default(), now, zone, args.format);
    };
    let mut incidents = store.incidents(&filter)?;
    if args.breaching {
        incidents.retain(|i| sla(i, now).breaching());
    }
    let ids: Vec<i64> = incidents.iter().map(|i| i.id).collect();
    let pages = if args.format == Format::Json {
        store.paged(&ids)?
    } else {
        Default::default()
    };
    if incidents.is_empty() && args.format == Format::Table {
        note(if args.all {
            "no incidents"
        } else {
            "no open incidents (--all shows closed ones)"
        });
        return Ok(exit::SUCCESS);
    }
    print_list(ctx, &incidents, &pages, now, zone, args.format)
}

fn print_list(
    ctx: &Context,
    incidents: &[crate::incident::Incident],
    pages: &std::collections::HashMap<i64, Vec<crate::incident::Paged>>,
    now: DateTime<Utc>,
    zone: chrono_tz::Tz,
    format: Format,
) -> Result<u8> {
    let mut out = Out::stdout();
    match format {
        Format::Json => {
            let rows: Vec<IncidentJson> = incidents
                .iter()
                .map(|i| IncidentJson::new(i, pages.get(&i.id).cloned().unwrap_or_default(), now))
                .collect();
            out.json(&rows)?;
        }
        Format::Csv => {
            out.csv(&[
                "id",
                "severity",
                "status",
                "phase",
                "opened_at",
                "title",
                "sla",
            ])?;
            for i in incidents {
                out.csv(&[
                    i.id.to_string(),
                    i.severity.clone(),
                    i.status.as_str().to_string(),
                    i.phase.clone(),
                    rfc3339(i.opened_at),
                    i.title.clone(),
                    sla(i, now).to_string(),
                ])?;
            }
        }
        Format::Plain => {
            for i in incidents {
                out.line(i.id.to_string())?;
            }
        }
        Format::Table => {
            let mut table = ctx
                .style
                .table(&["ID", "Sev", "Status", "Phase", "Opened", "Title", "SLA"]);
            for i in incidents {
                let state = sla(i, now);
                table.add_row(vec![
                    Cell::new(i.id),
                    Cell::new(&i.severity),
                    Cell::new(i.status.as_str()),
                    Cell::new(&i.phase),
                    Cell::new(human(i.opened_at, zone)),
                    Cell::new(&i.title),
                    if state.breaching() {
                        ctx.style.marked(state)
                    } else {
                        Cell::new(state)
                    },
                ]);
            }
            out.table(&table)?;
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}

#[derive(Serialize)]
struct EventJson {
    at: String,
    actor: String,
    kind: &'static str,
    old_value: Option<String>,
    new_value: Option<String>,
    text: Option<String>,
}

#[derive(Serialize)]
pub(super) struct StepJson {
    id: String,
    pub(super) phase: String,
    pub(super) text: String,
    pub(super) done: bool,
    at: Option<String>,
    by: Option<String>,
    note: Option<String>,
}

#[derive(Serialize)]
pub(super) struct ActionJson {
    id: i64,
    text: String,
    owner: String,
    due: String,
    done_at: Option<String>,
    done_by: Option<String>,
}

#[derive(Serialize)]
struct ShowJson {
    #[serde(flatten)]
    incident: IncidentJson,
    steps: Vec<StepJson>,
    actions: Vec<ActionJson>,
    timeline: Vec<EventJson>,
}

/// The protocol's steps with whether and when each was ticked on this incident.
pub(super) fn steps(thresholds: &crate::config::Thresholds, history: &[Event]) -> Vec<StepJson> {
    thresholds
        .protocol
        .iter()
        .flat_map(|p| {
            p.steps.iter().map(|text| {
                let id = format!("{}.{}", p.name, slug(text));
                let done = history
                    .iter()
                    .find(|e| e.kind == Kind::Step && e.new_value.as_deref() == Some(id.as_str()));
                StepJson {
                    phase: p.name.clone(),
                    text: text.clone(),
                    done: done.is_some(),
                    at: done.map(|e| rfc3339(e.at)),
                    by: done.map(|e| e.actor.clone()),
                    note: done.and_then(|e| e.text.clone()),
                    id,
                }
            })
        })
        .collect()
}

pub(super) fn action_json(a: &Action) -> ActionJson {
    ActionJson {
        id: a.id,
        text: a.text.clone(),
        owner: a.owner.clone(),
        due: a.due.to_string(),
        done_at: a.done_at.map(rfc3339),
        done_by: a.done_by.clone(),
    }
}

pub fn show(ctx: &Context, id: i64, format: Format) -> Result<u8> {
    let (rotation, thresholds) = ctx.config()?;
    let zone = ctx.zone(&rotation.rotation);
    let now = ctx.clock.now();
    let found = match ctx.existing_store()? {
        Some(store) => store.incident(id)?.map(|(i, e)| (i, e, store.actions(id))),
        None => None,
    };
    let Some((inc, history, actions)) = found else {
        bail!("no incident {id}; `mindops incident list --all` shows them all");
    };
    let actions = actions?;
    let pages = paged(&history);
    let steps = steps(&thresholds, &history);
    let mut out = Out::stdout();
    match format {
        Format::Json => out.json(&ShowJson {
            incident: IncidentJson::new(&inc, pages, now),
            steps,
            actions: actions.iter().map(action_json).collect(),
            timeline: history
                .iter()
                .map(|e| EventJson {
                    at: rfc3339(e.at),
                    actor: e.actor.clone(),
                    kind: e.kind.as_str(),
                    old_value: e.old_value.clone(),
                    new_value: e.new_value.clone(),
                    text: e.text.clone(),
                })
                .collect(),
        })?,
        Format::Csv => {
            out.csv(&["at", "actor", "kind", "what"])?;
            for e in &history {
                out.csv(&[
                    rfc3339(e.at),
                    e.actor.clone(),
                    e.kind.as_str().to_string(),
                    describe(e),
                ])?;
            }
        }
        Format::Plain | Format::Table => {
            let severity_name = thresholds
                .severities
                .iter()
                .find(|s| s.key == inc.severity)
                .map_or("", |s| s.name.as_str());
            let when = |t: Option<DateTime<Utc>>| t.map_or("-".to_string(), |t| human(t, zone));
            out.line(format!(
                "Incident {} · {} {} · {} · phase {}",
                inc.id,
                inc.severity,
                severity_name,
                inc.status.as_str(),
                inc.phase
            ))?;
            let fields = [
                ("Title", inc.title.clone()),
                (
                    "Description",
                    inc.description.clone().unwrap_or_else(|| "-".into()),
                ),
                (
                    "Opened",
                    format!("{} by {}", human(inc.opened_at, zone), inc.opened_by),
                ),
                ("Acknowledged", when(inc.acked_at)),
                ("Closed", when(inc.closed_at)),
                ("Ack due", human(inc.ack_due, zone)),
                ("Resolve due", human(inc.resolve_due, zone)),
                ("SLA", sla(&inc, now).to_string()),
                ("Escalation", format!("level {}", inc.escalation_level)),
                ("Paged", paged_list(&pages)),
                (
                    "Dedup key",
                    inc.dedup_key.clone().unwrap_or_else(|| "-".into()),
                ),
                (
                    "Resolution",
                    inc.resolution.clone().unwrap_or_else(|| "-".into()),
                ),
            ];
            for (name, value) in fields {
                out.line(format!("{:<13} {value}", format!("{name}:")))?;
            }
            if !steps.is_empty() {
                out.line("\nProtocol:")?;
                for phase in &thresholds.protocol {
                    let marks: Vec<String> = steps
                        .iter()
                        .filter(|s| s.phase == phase.name)
                        .map(|s| format!("[{}] {}", if s.done { "x" } else { " " }, s.text))
                        .collect();
                    out.line(format!("  {:<11} {}", phase.name, marks.join("  ")))?;
                }
            }
            if !actions.is_empty() {
                out.line("\nActions:")?;
                for a in &actions {
                    out.line(format!(
                        "  {:>3} [{}] {} (owner {}, due {})",
                        a.id,
                        if a.done_at.is_some() { "x" } else { " " },
                        a.text,
                        a.owner,
                        a.due
                    ))?;
                }
            }
            out.line("\nTimeline:")?;
            for e in &history {
                out.line(format!(
                    "  {}  {:<10} {}",
                    human(e.at, zone),
                    e.actor,
                    describe(e)
                ))?;
            }
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}
