//! `mindops incident list` and `incident show`.

use anyhow::{bail, Result};
use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use comfy_table::Cell;
use serde::Serialize;

use super::{describe, paged_list, IncidentJson};
use crate::cli::{Format, IncidentListArgs};
use crate::ops::incidents::severity;
use crate::rules::incident::{paged, sla, Action, Event, Incident, Kind, Paged};
use crate::store::IncidentFilter;
use crate::store::Store;
use crate::util::output::{note, Out, Table};
use crate::util::time::{human, local_to_utc, parse_date, rfc3339};
use crate::{exit, Context};

/// What `incident list` shows without `--limit` or `--all`: a screenful, newest first.
const PAGE: u32 = 50;
/// Incidents handed from the reading thread to the writing one at a time.
const BATCH: usize = 1000;

pub fn list(ctx: &Context, args: IncidentListArgs) -> Result<u8> {
    let (rotation, thresholds) = ctx.config()?;
    let zone = ctx.zone(&rotation.rotation);
    let now = ctx.clock.now();
    let limit = match (args.limit, args.all) {
        (Some(n), _) => Some(n),
        (None, true) => None,
        (None, false) => Some(PAGE),
    };
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
        // Breaching is judged here, not in SQL: the limit counts what is shown.
        limit: if args.breaching { None } else { limit },
    };
    let store = ctx.existing_store()?;
    let mut shown = 0u32;
    let mut more = false;
    let mut keep = |i: &Incident| {
        if args.breaching && !sla(i, now).breaching() {
            return false;
        }
        if limit.is_some_and(|l| shown >= l) {
            more = true;
            return false;
        }
        shown += 1;
        true
    };
    if args.format == Format::Json {
        stream_json(&store, &filter, now, &mut keep)?;
    } else {
        let mut list = Listing::new(ctx, args.format, now, zone);
        store.each_incident(&filter, false, &mut |i, _| {
            if keep(&i) {
                list.push(i)?;
            }
            Ok(())
        })?;
        list.finish()?;
    }
    // Only a person is told there are more; a full page asks the store for one more row.
    if args.format == Format::Table && Some(shown) == limit && !args.breaching {
        more = store
            .incidents(&IncidentFilter {
                limit: Some(shown.saturating_add(1)),
                ..filter
            })?
            .len()
            > shown as usize;
    }
    if args.format == Format::Table {
        if shown == 0 {
            note(if args.all {
                "no incidents"
            } else {
                "no open incidents (--all shows closed ones)"
            });
        } else if more {
            note(format!(
                "showing the {shown} newest; --limit N or --all shows more"
            ));
        }
    }
    Ok(exit::SUCCESS)
}

/// The JSON array written as the incidents are read, with who was paged on each: a hundred
/// thousand incidents never sit in memory at once. Reading and writing overlap: this thread
/// reads batches from the store while another turns the previous ones into JSON.
fn stream_json(
    store: &Store,
    filter: &IncidentFilter,
    now: DateTime<Utc>,
    keep: &mut dyn FnMut(&Incident) -> bool,
) -> Result<()> {
    let (batches, received) = std::sync::mpsc::sync_channel::<Vec<(Incident, Vec<Paged>)>>(2);
    // Written batches go back to be emptied and refilled here: memory is freed by the thread
    // that allocated it, so the two threads do not queue on the allocator's locks.
    let (give_back, given_back) = std::sync::mpsc::sync_channel::<Vec<(Incident, Vec<Paged>)>>(4);
    let writer = std::thread::spawn(move || -> Result<()> {
        use serde::ser::{SerializeSeq, Serializer as _};
        let mut out = Out::stdout();
        let mut json = serde_json::Serializer::pretty(out.writer());
        // As io errors, so that a closed pipe is recognised as the reader's choice.
        let mut seq = json.serialize_seq(None).map_err(std::io::Error::from)?;
        for batch in received {
            for (incident, paged) in &batch {
                seq.serialize_element(&IncidentJson::new(incident, paged, now))
                    .map_err(std::io::Error::from)?;
            }
            // A full return queue (the reader is done) drops it here instead.
            let _ = give_back.try_send(batch);
        }
        seq.end().map_err(std::io::Error::from)?;
        out.line("")?;
        out.flush()?;
        Ok(())
    });
    let mut batch: Vec<(Incident, Vec<Paged>)> = Vec::with_capacity(BATCH);
    let read = store.each_incident(filter, true, &mut |i, paged| {
        if keep(&i) {
            batch.push((i, paged));
            // A send fails only when the writer has stopped; its own error says why.
            if batch.len() >= BATCH {
                let next = match given_back.try_recv() {
                    Ok(mut used) => {
                        used.clear();
                        used
                    }
                    Err(_) => Vec::with_capacity(BATCH),
                };
                if batches.send(std::mem::replace(&mut batch, next)).is_err() {
                    anyhow::bail!(WriterStopped);
                }
            }
        }
        Ok(())
    });
    let sent = match read {
        Ok(()) => {
            let _ = batches.send(batch);
            Ok(())
        }
        Err(e) if e.is::<WriterStopped>() => Ok(()),
        Err(e) => Err(e),
    };
    drop(batches);
    let written = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the JSON writer stopped unexpectedly"))?;
    written.and(sent)
}

/// The reading side's signal that the writing side has gone (a closed pipe, say).
#[derive(Debug, thiserror::Error)]
#[error("the output was closed")]
struct WriterStopped;

/// Incidents printed as they are read: CSV and plain rows at once, the table when complete (its
/// column widths need every row).
struct Listing<'a> {
    ctx: &'a Context,
    format: Format,
    now: DateTime<Utc>,
    zone: Tz,
    out: Out,
    table: Option<Table>,
    written: usize,
}

const CSV_HEADER: [&str; 7] = [
    "id",
    "severity",
    "status",
    "phase",
    "opened_at",
    "title",
    "sla",
];

impl<'a> Listing<'a> {
    fn new(ctx: &'a Context, format: Format, now: DateTime<Utc>, zone: Tz) -> Self {
        Listing {
            ctx,
            format,
            now,
            zone,
            out: Out::stdout(),
            table: (format == Format::Table).then(|| {
                ctx.style
                    .table(&["ID", "Sev", "Status", "Phase", "Opened", "Title", "SLA"])
            }),
            written: 0,
        }
    }

    fn push(&mut self, i: Incident) -> Result<()> {
        let now = self.now;
        if self.written == 0 && self.format == Format::Csv {
            self.out.csv(&CSV_HEADER)?;
        }
        self.written += 1;
        match self.format {
            Format::Csv => {
                self.out.csv(&[
                    i.id.to_string(),
                    i.severity.clone(),
                    i.status.as_str().to_string(),
                    i.phase.clone(),
                    rfc3339(i.opened_at),
                    i.title.clone(),
                    sla(&i, now).to_string(),
                ])?;
            }
            Format::Plain => self.out.line(i.id.to_string())?,
            Format::Json | Format::Table => {
                let state = sla(&i, now);
                let style = self.ctx.style;
                if let Some(table) = &mut self.table {
                    table.add_row(vec![
                        Cell::new(i.id),
                        Cell::new(&i.severity),
                        Cell::new(i.status.as_str()),
                        Cell::new(crate::util::output::title_case(&i.phase)),
                        Cell::new(human(i.opened_at, self.zone)),
                        Cell::new(&i.title),
                        if state.breaching() {
                            style.marked(state)
                        } else {
                            Cell::new(state)
                        },
                    ]);
                }
            }
        }
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        if self.written == 0 && self.format == Format::Csv {
            self.out.csv(&CSV_HEADER)?;
        }
        if let Some(table) = self.table.take().filter(|_| self.written > 0) {
            self.out.table(&table)?;
        }
        self.out.flush()?;
        Ok(())
    }
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
struct ShowJson<'a> {
    #[serde(flatten)]
    incident: IncidentJson<'a>,
    steps: Vec<StepJson>,
    actions: Vec<ActionJson>,
    timeline: Vec<EventJson>,
    notifications: Vec<crate::ops::notify::MessageJson<'a>>,
}

/// The protocol's steps with whether and when each was ticked on this incident.
pub(super) fn steps(thresholds: &crate::config::Thresholds, history: &[Event]) -> Vec<StepJson> {
    thresholds
        .protocol
        .iter()
        .flat_map(|p| {
            p.steps.iter().map(|text| {
                let id = p.step_id(text);
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
    let store = ctx.existing_store()?;
    let Some((inc, history)) = store.incident(id)? else {
        bail!("no incident {id}; `mindops incident list --all` shows them all");
    };
    let actions = store.actions(id)?;
    let messages = store.messages(&crate::store::MessageFilter {
        incident: Some(id),
        limit: 1000,
        ..Default::default()
    })?;
    let pages = paged(&history);
    let steps = steps(&thresholds, &history);
    let mut out = Out::stdout();
    match format {
        Format::Json => out.json(&ShowJson {
            incident: IncidentJson::new(&inc, &pages, now),
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
            notifications: messages
                .iter()
                .map(crate::ops::notify::message_json)
                .collect(),
        })?,
        Format::Csv => {
            out.csv(&["at", "actor", "kind", "what"])?;
            for e in &history {
                out.csv(&[
                    rfc3339(e.at),
                    e.actor.clone(),
                    e.kind.as_str().to_string(),
                    describe(e, None),
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
                    describe(e, Some(zone))
                ))?;
            }
            if !messages.is_empty() {
                out.line("\nNotifications:")?;
                for m in &messages {
                    out.line(format!("  {}", crate::ops::notify::message_line(m)))?;
                }
            }
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}
