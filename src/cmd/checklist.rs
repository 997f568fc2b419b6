//! `mindops checklist`: the day's items, ticks, overdue status and history.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use comfy_table::Cell;
use serde::Serialize;

use crate::checklist::{self, deadline, entries, find, overdue, Entry, Proof, Tick};
use crate::cli::{ChecklistArgs, ChecklistCommand, Format};
use crate::config::{Checklist, Evidence, RotationConfig};
use crate::output::{note, Out};
use crate::rotation::{holders_at, Rotation};
use crate::store::Store;
use crate::time::{human, local_date, local_to_utc, parse_date, rfc3339};
use crate::{exit, Context};

pub fn run(ctx: &Context, args: ChecklistArgs) -> Result<u8> {
    let config = ctx.rotation()?;
    match args.command {
        None => show(
            ctx,
            &config,
            args.date.as_deref(),
            args.slot.as_deref(),
            args.format,
        ),
        Some(ChecklistCommand::Done {
            items,
            date,
            note,
            by,
        }) => tick(
            ctx,
            &config,
            &items,
            date.as_deref(),
            true,
            note,
            by.by.as_deref(),
        ),
        Some(ChecklistCommand::Undo { items, date, by }) => tick(
            ctx,
            &config,
            &items,
            date.as_deref(),
            false,
            None,
            by.by.as_deref(),
        ),
        Some(ChecklistCommand::Status { date, format }) => {
            status(ctx, &config, date.as_deref(), format)
        }
        Some(ChecklistCommand::History { from, to, format }) => {
            history(ctx, &config, from.as_deref(), to.as_deref(), format)
        }
    }
}

/// A calendar day in the rotation's zone, with the list it is kept with.
struct Day {
    date: NaiveDate,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    list: Checklist,
}

impl Day {
    fn new(config: &RotationConfig, store: Option<&Store>, date: NaiveDate) -> Result<Self> {
        let zone = config.rotation.zone;
        let midnight = |d: NaiveDate| local_to_utc(zone, d.and_time(NaiveTime::MIN));
        let kept = match store {
            Some(s) => s
                .checklist_day(date)?
                .and_then(|t| checklist::from_snapshot(&t)),
            None => None,
        };
        Ok(Day {
            date,
            start: midnight(date),
            end: midnight(date.succ_opt().unwrap_or(date)),
            list: kept.unwrap_or_else(|| config.checklist.clone()),
        })
    }
}

fn day_of(ctx: &Context, rotation: &Rotation, date: Option<&str>) -> Result<NaiveDate> {
    match date {
        Some(d) => parse_date(d).map_err(anyhow::Error::msg),
        None => Ok(local_date(rotation.zone, ctx.clock.now())),
    }
}

/// What proves each evidence rule on the day, from the store and the rotation.
///
/// `unacked` are the stretches in which incidents stood unacknowledged, fetched once when many
/// days are looked at; without them the store is asked for this day's.
fn proofs(
    ctx: &Context,
    rotation: &Rotation,
    store: Option<&Store>,
    day: &Day,
    unacked: Option<&[(i64, i64)]>,
) -> Result<BTreeMap<&'static str, Proof>> {
    let now = ctx.clock.now();
    let zone = ctx.zone(rotation);
    // Records up to and including this second count: a check cron just ran proves the item.
    let until = (now + Duration::seconds(1)).min(day.end);
    let mut out = BTreeMap::new();
    let wanted: Vec<Evidence> = day
        .list
        .slots
        .iter()
        .flat_map(|s| &s.items)
        .filter_map(|i| i.evidence)
        .collect();
    let time = |t: DateTime<Utc>| t.with_timezone(&zone).format("%H:%M").to_string();
    for evidence in wanted {
        let proof: Proof = if until < day.start {
            None // a day still to come proves nothing yet
        } else {
            match evidence {
                Evidence::MetricsChecked => store
                    .map(|s| s.first_check(day.start, until))
                    .transpose()?
                    .flatten()
                    .map(|at| (at, format!("metrics checked at {}", time(at)))),
                Evidence::BackupOk => store
                    .map(|s| s.first_ok("backup_status", day.start, until))
                    .transpose()?
                    .flatten()
                    .map(|at| (at, format!("backup_status recorded ok at {}", time(at)))),
                Evidence::NoUnackedIncidents => {
                    let t = until.timestamp();
                    let fetched;
                    let spans = match (unacked, store) {
                        (Some(spans), _) => spans,
                        (None, Some(s)) => {
                            fetched = s.unacked_spans(until, until)?;
                            &fetched
                        }
                        (None, None) => &[][..],
                    };
                    let open = spans
                        .iter()
                        .filter(|(from, to)| *from <= t && t < *to)
                        .count();
                    (open == 0).then(|| (until, "no open incident is unacknowledged".to_string()))
                }
                Evidence::RotationOk => {
                    let to = until + Duration::weeks(4);
                    let overrides = match store {
                        Some(s) => s.overrides_between(until, to)?,
                        None => Vec::new(),
                    };
                    let found =
                        super::oncall::check::problems(rotation, &overrides, until, to, zone);
                    found.is_empty().then(|| {
                        (
                            until,
                            "oncall check finds no problem for the next 4 weeks".to_string(),
                        )
                    })
                }
                Evidence::HandoverWritten => store
                    .map(|s| s.handovers(day.start, day.end))
                    .transpose()?
                    .and_then(|notes| notes.into_iter().next())
                    .map(|n| {
                        (
                            n.at,
                            format!("handover note by {} at {}", n.author, time(n.at)),
                        )
                    }),
            }
        };
        out.insert(evidence.as_str(), proof);
    }
    Ok(out)
}

fn day_entries<'a>(
    day: &'a Day,
    ticks: &[Tick],
    proofs: &BTreeMap<&'static str, Proof>,
) -> Vec<Entry<'a>> {
    entries(&day.list, ticks, |e| {
        proofs.get(e.as_str()).cloned().flatten()
    })
}

/// The Primary on call (the chain's first role) at noon of the day.
fn responsible(
    rotation: &Rotation,
    store: Option<&Store>,
    date: NaiveDate,
) -> Result<Option<(String, String)>> {
    let noon = local_to_utc(
        rotation.zone,
        date.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN)),
    );
    if noon < rotation.handoff(0) {
        return Ok(None);
    }
    let overrides = match store {
        Some(s) => s.overrides_between(noon, noon + Duration::seconds(1))?,
        None => Vec::new(),
    };
    Ok(holders_at(rotation, &overrides, noon)
        .into_iter()
        .next()
        .map(|s| (rotation.roles[s.role].clone(), s.person)))
}

#[derive(Serialize)]
struct ItemJson {
    number: usize,
    id: String,
    text: String,
    done: bool,
    by: Option<String>,
    at: Option<String>,
    note: Option<String>,
    evidence: Option<String>,
    overdue: bool,
}

#[derive(Serialize)]
struct SlotJson {
    slot: String,
    due: String,
    items: Vec<ItemJson>,
}

#[derive(Serialize)]
struct Responsible {
    role: String,
    person: String,
}

#[derive(Serialize)]
struct DayJson {
    date: String,
    responsible: Option<Responsible>,
    done: usize,
    total: usize,
    slots: Vec<SlotJson>,
}

fn show(
    ctx: &Context,
    config: &RotationConfig,
    date: Option<&str>,
    slot: Option<&str>,
    format: Format,
) -> Result<u8> {
    let rotation = &config.rotation;
    let zone = ctx.zone(rotation);
    let now = ctx.clock.now();
    let store = ctx.existing_store()?;
    let day = Day::new(config, store.as_ref(), day_of(ctx, rotation, date)?)?;
    if let Some(wanted) = slot {
        if !day
            .list
            .slots
            .iter()
            .any(|s| s.name == wanted.to_lowercase())
        {
            let names: Vec<&str> = day.list.slots.iter().map(|s| s.name.as_str()).collect();
            bail!("unknown slot \"{wanted}\"; slots: {}", names.join(", "));
        }
    }
    let ticks = match &store {
        Some(s) => s.ticks(day.date)?,
        None => Vec::new(),
    };
    let proofs = proofs(ctx, rotation, store.as_ref(), &day, None)?;
    let all = day_entries(&day, &ticks, &proofs);
    let late: Vec<&str> = overdue(&all, day.date, rotation.zone, now)
        .iter()
        .map(|e| e.item.id.as_str())
        .collect();
    let shown: Vec<&Entry> = all
        .iter()
        .filter(|e| slot.is_none_or(|s| e.slot.name == s.to_lowercase()))
        .collect();
    let who = responsible(rotation, store.as_ref(), day.date)?;

    let mut out = Out::stdout();
    match format {
        Format::Json => out.json(&DayJson {
            date: day.date.to_string(),
            responsible: who.map(|(role, person)| Responsible { role, person }),
            done: all.iter().filter(|e| e.done.is_some()).count(),
            total: all.len(),
            slots: day
                .list
                .slots
                .iter()
                .filter(|s| shown.iter().any(|e| e.slot.name == s.name))
                .map(|s| SlotJson {
                    slot: s.name.clone(),
                    due: rfc3339(deadline(s, day.date, rotation.zone)),
                    items: shown
                        .iter()
                        .filter(|e| e.slot.name == s.name)
                        .map(|e| ItemJson {
                            number: e.number,
                            id: e.item.id.clone(),
                            text: e.item.text.clone(),
                            done: e.done.is_some(),
                            by: e.done.as_ref().map(|d| d.by.clone()),
                            at: e.done.as_ref().map(|d| rfc3339(d.at)),
                            note: e.done.as_ref().and_then(|d| d.note.clone()),
                            evidence: e.done.as_ref().and_then(|d| d.evidence.clone()),
                            overdue: late.contains(&e.item.id.as_str()),
                        })
                        .collect(),
                })
                .collect(),
        })?,
        Format::Csv => {
            out.csv(&[
                "number", "id", "slot", "text", "done", "by", "at", "overdue",
            ])?;
            for e in &shown {
                out.csv(&[
                    e.number.to_string(),
                    e.item.id.clone(),
                    e.slot.name.clone(),
                    e.item.text.clone(),
                    e.done.is_some().to_string(),
                    e.done.as_ref().map(|d| d.by.clone()).unwrap_or_default(),
                    e.done.as_ref().map(|d| rfc3339(d.at)).unwrap_or_default(),
                    late.contains(&e.item.id.as_str()).to_string(),
                ])?;
            }
        }
        Format::Plain => {
            for e in &shown {
                out.line(format!(
                    "{}\t{}\t{}",
                    if e.done.is_some() { "x" } else { " " },
                    e.item.id,
                    e.item.text
                ))?;
            }
        }
        Format::Table => {
            let done = all.iter().filter(|e| e.done.is_some()).count();
            let who = who.map_or(
                "nobody (before the rotation starts)".into(),
                |(role, person)| format!("{person} ({role})"),
            );
            out.line(format!(
                "Checklist {} · {done}/{} done · responsible: {who}",
                day.date,
                all.len()
            ))?;
            let mut table = ctx
                .style
                .table(&["Slot", "#", "Item", "ID", "Done by", "At", "Note"]);
            let mut last_slot = "";
            for e in &shown {
                let slot_cell = if e.slot.name == last_slot {
                    String::new()
                } else {
                    format!("{} (by {})", e.slot.name, e.slot.due.format("%H:%M"))
                };
                last_slot = &e.slot.name;
                let (by, at, note) = match &e.done {
                    Some(d) => (
                        Cell::new(&d.by),
                        Cell::new(human(d.at, zone)),
                        Cell::new(
                            d.evidence
                                .clone()
                                .or_else(|| d.note.clone())
                                .unwrap_or_default(),
                        ),
                    ),
                    None if late.contains(&e.item.id.as_str()) => {
                        (ctx.style.marked("OVERDUE"), Cell::new(""), Cell::new(""))
                    }
                    None => (Cell::new("-"), Cell::new(""), Cell::new("")),
                };
                table.add_row(vec![
                    Cell::new(slot_cell),
                    Cell::new(e.number),
                    Cell::new(&e.item.text),
                    Cell::new(&e.item.id),
                    by,
                    at,
                    note,
                ]);
            }
            out.table(&table)?;
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}

fn tick(
    ctx: &Context,
    config: &RotationConfig,
    wanted: &[String],
    date: Option<&str>,
    done: bool,
    note_text: Option<String>,
    by: Option<&str>,
) -> Result<u8> {
    let rotation = &config.rotation;
    let now = ctx.clock.now();
    let date = day_of(ctx, rotation, date)?;
    if date > local_date(rotation.zone, now) {
        bail!("{date} has not come yet; items can be ticked on the day or after it");
    }
    let mut store = ctx.store()?;
    let day = Day::new(config, Some(&store), date)?;
    // Every item is found before anything is written: one bad name writes nothing.
    let items = wanted
        .iter()
        .map(|w| find(&day.list, w).map_err(anyhow::Error::msg))
        .collect::<Result<Vec<_>>>()?;
    let ticks = store.ticks(date)?;
    let proofs = proofs(ctx, rotation, Some(&store), &day, None)?;
    let current = day_entries(&day, &ticks, &proofs);
    let by = ctx.actor(by);
    let mut new = Vec::new();
    for item in items {
        let is_done = current
            .iter()
            .any(|e| e.item.id == item.id && e.done.is_some());
        if is_done == done || new.iter().any(|t: &Tick| t.item == item.id) {
            note(format!(
                "{} is already {}; nothing changed",
                item.id,
                if done { "done" } else { "not done" }
            ));
            continue;
        }
        new.push(Tick {
            item: item.id.clone(),
            done,
            by: by.clone(),
            at: now,
            note: note_text.clone(),
        });
    }
    if !new.is_empty() {
        store.tick(date, &checklist::snapshot(&day.list), now, &new)?;
    }
    let mut out = Out::stdout();
    for t in &new {
        out.line(format!(
            "{} {} by {} ({date})",
            if done { "done:" } else { "undone:" },
            t.item,
            t.by
        ))?;
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}

fn status(
    ctx: &Context,
    config: &RotationConfig,
    date: Option<&str>,
    format: Format,
) -> Result<u8> {
    let rotation = &config.rotation;
    let zone = ctx.zone(rotation);
    let now = ctx.clock.now();
    let store = ctx.existing_store()?;
    let day = Day::new(config, store.as_ref(), day_of(ctx, rotation, date)?)?;
    let ticks = match &store {
        Some(s) => s.ticks(day.date)?,
        None => Vec::new(),
    };
    let proofs = proofs(ctx, rotation, store.as_ref(), &day, None)?;
    let all = day_entries(&day, &ticks, &proofs);
    let late = overdue(&all, day.date, rotation.zone, now);
    let mut out = Out::stdout();
    match format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = late
                .iter()
                .map(|e| serde_json::json!({"id": e.item.id, "text": e.item.text, "due": rfc3339(deadline(e.slot, day.date, rotation.zone))}))
                .collect();
            out.json(&serde_json::json!({"date": day.date.to_string(), "overdue": rows}))?;
        }
        _ => {
            for e in &late {
                out.line(format!(
                    "overdue: {} ({}) was due {}",
                    e.item.id,
                    e.item.text,
                    human(deadline(e.slot, day.date, rotation.zone), zone)
                ))?;
            }
            if late.is_empty() && format == Format::Table {
                note(format!("{}: nothing overdue", day.date));
            }
        }
    }
    out.flush()?;
    Ok(if late.is_empty() {
        exit::SUCCESS
    } else {
        exit::PROBLEM
    })
}

#[derive(Debug, Serialize)]
pub(crate) struct HistoryDay {
    pub date: String,
    pub done: usize,
    pub total: usize,
    pub rate: f64,
}

#[derive(Debug, Serialize)]
pub(crate) struct HistoryPerson {
    pub person: String,
    pub items: usize,
    pub share: f64,
}

pub(crate) fn rate(done: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        (done as f64 * 1000.0 / total as f64).round() / 10.0
    }
}

/// Checklist completion per day and per person over `[from, to]` (days inclusive).
pub(crate) struct Completion {
    pub days: Vec<HistoryDay>,
    pub people: Vec<HistoryPerson>,
    pub done: usize,
    pub total: usize,
}

pub(crate) fn completion(
    ctx: &Context,
    config: &RotationConfig,
    store: Option<&Store>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Completion> {
    let rotation = &config.rotation;
    let zone = rotation.zone;
    let midnight = |d: NaiveDate| local_to_utc(zone, d.and_time(NaiveTime::MIN));
    let unacked = match store {
        Some(s) => Some(s.unacked_spans(midnight(from), midnight(to.succ_opt().unwrap_or(to)))?),
        None => None,
    };
    let mut days = Vec::new();
    let mut people: BTreeMap<String, usize> = BTreeMap::new();
    let mut date = from;
    while date <= to {
        let day = Day::new(config, store, date)?;
        let ticks = match store {
            Some(s) => s.ticks(date)?,
            None => Vec::new(),
        };
        let proofs = proofs(ctx, rotation, store, &day, unacked.as_deref())?;
        let all = day_entries(&day, &ticks, &proofs);
        let done = all
            .iter()
            .filter_map(|e| e.done.as_ref())
            .inspect(|d| *people.entry(d.by.clone()).or_default() += 1)
            .count();
        days.push(HistoryDay {
            date: date.to_string(),
            done,
            total: all.len(),
            rate: rate(done, all.len()),
        });
        date = date.succ_opt().unwrap_or(NaiveDate::MAX);
        if date == NaiveDate::MAX {
            break;
        }
    }
    let ticked: usize = people.values().sum();
    let mut people: Vec<HistoryPerson> = people
        .into_iter()
        .map(|(person, items)| HistoryPerson {
            share: rate(items, ticked),
            person,
            items,
        })
        .collect();
    people.sort_by(|a, b| b.items.cmp(&a.items).then(a.person.cmp(&b.person)));
    let (done, total) = days
        .iter()
        .fold((0, 0), |(d, t), day| (d + day.done, t + day.total));

    Ok(Completion {
        days,
        people,
        done,
        total,
    })
}

fn history(
    ctx: &Context,
    config: &RotationConfig,
    from: Option<&str>,
    to: Option<&str>,
    format: Format,
) -> Result<u8> {
    let rotation = &config.rotation;
    let to = day_of(ctx, rotation, to)?;
    let from = match from {
        Some(d) => parse_date(d).map_err(anyhow::Error::msg)?,
        None => to - Duration::days(6),
    };
    if from > to {
        bail!("--from {from} is after --to {to}");
    }
    if (to - from).num_days() > 3660 {
        bail!("{from} to {to} is more than ten years; ask for a shorter stretch");
    }
    let store = ctx.existing_store()?;
    let Completion {
        days,
        people,
        done,
        total,
    } = completion(ctx, config, store.as_ref(), from, to)?;

    let mut out = Out::stdout();
    match format {
        Format::Json => out.json(&serde_json::json!({
            "from": from.to_string(), "to": to.to_string(),
            "done": done, "total": total, "rate": rate(done, total),
            "days": days, "people": people,
        }))?,
        Format::Csv => {
            out.csv(&["date", "done", "total", "rate"])?;
            for d in &days {
                out.csv(&[
                    d.date.clone(),
                    d.done.to_string(),
                    d.total.to_string(),
                    d.rate.to_string(),
                ])?;
            }
        }
        Format::Plain | Format::Table => {
            out.line(format!(
                "Checklist {from} → {to}: {done}/{total} done ({}%)",
                rate(done, total)
            ))?;
            let mut table = ctx.style.table(&["Date", "Done", "Total", "Rate"]);
            for d in &days {
                table.add_row(vec![
                    Cell::new(&d.date),
                    Cell::new(d.done),
                    Cell::new(d.total),
                    Cell::new(format!("{}%", d.rate)),
                ]);
            }
            out.table(&table)?;
            let mut table = ctx.style.table(&["Person", "Items", "Share"]);
            for p in &people {
                table.add_row(vec![
                    Cell::new(&p.person),
                    Cell::new(p.items),
                    Cell::new(format!("{}%", p.share)),
                ]);
            }
            out.table(&table)?;
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}

/// Today's progress for the status screen: items done, items in all, items overdue.
pub(crate) fn progress(
    ctx: &Context,
    config: &RotationConfig,
    store: Option<&Store>,
) -> Result<(NaiveDate, usize, usize, usize)> {
    let rotation = &config.rotation;
    let now = ctx.clock.now();
    let day = Day::new(config, store, local_date(rotation.zone, now))?;
    let ticks = match store {
        Some(s) => s.ticks(day.date)?,
        None => Vec::new(),
    };
    let proofs = proofs(ctx, rotation, store, &day, None)?;
    let all = day_entries(&day, &ticks, &proofs);
    let late = overdue(&all, day.date, rotation.zone, now).len();
    Ok((
        day.date,
        all.iter().filter(|e| e.done.is_some()).count(),
        all.len(),
        late,
    ))
}
