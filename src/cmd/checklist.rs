//! `mindops checklist`: the day's items, ticks, overdue status and history.

use anyhow::{bail, Result};
use chrono::NaiveDate;
use comfy_table::Cell;
use serde::Serialize;

use crate::cli::{ChecklistArgs, ChecklistCommand, Format};
use crate::ops::checklist::{Completion, Sheet};
use crate::rules::checklist::{deadline, overdue, Entry};
use crate::util::output::{note, Out};
use crate::util::time::{human, local_date, parse_date, rfc3339};
use crate::{exit, Context};

pub fn run(ctx: &Context, args: ChecklistArgs) -> Result<u8> {
    let (config, thresholds) = ctx.config()?;
    let sheet = Sheet::new(
        &config,
        &thresholds,
        ctx.clock.now(),
        ctx.zone(&config.rotation),
    );
    match args.command {
        None => show(
            ctx,
            &sheet,
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
            &sheet,
            &items,
            date.as_deref(),
            true,
            note,
            by.by.as_deref(),
        ),
        Some(ChecklistCommand::Undo { items, date, by }) => tick(
            ctx,
            &sheet,
            &items,
            date.as_deref(),
            false,
            None,
            by.by.as_deref(),
        ),
        Some(ChecklistCommand::Status { date, format }) => {
            status(ctx, &sheet, date.as_deref(), format)
        }
        Some(ChecklistCommand::History { from, to, format }) => {
            history(ctx, &sheet, from.as_deref(), to.as_deref(), format)
        }
    }
}

fn day_of(sheet: &Sheet, date: Option<&str>) -> Result<NaiveDate> {
    match date {
        Some(d) => parse_date(d).map_err(anyhow::Error::msg),
        None => Ok(local_date(sheet.config.rotation.zone, sheet.now)),
    }
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
    sheet: &Sheet,
    date: Option<&str>,
    slot: Option<&str>,
    format: Format,
) -> Result<u8> {
    let store = ctx.existing_store()?;
    let day = sheet.day(&store, day_of(sheet, date)?)?;
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
    let all = day.entries();
    let late: Vec<&str> = overdue(&all, day.date, sheet.config.rotation.zone, sheet.now)
        .iter()
        .map(|e| e.item.id.as_str())
        .collect();
    let shown: Vec<&Entry> = all
        .iter()
        .filter(|e| slot.is_none_or(|s| e.slot.name == s.to_lowercase()))
        .collect();
    let view = View {
        day: &day,
        all: &all,
        shown,
        late,
        who: sheet.responsible(&store, day.date)?,
    };
    let mut out = Out::stdout();
    match format {
        Format::Json => out.json(&view.json(sheet.config.rotation.zone))?,
        Format::Csv => {
            out.csv(&[
                "number", "id", "slot", "text", "done", "by", "at", "overdue",
            ])?;
            for e in &view.shown {
                out.csv(&[
                    e.number.to_string(),
                    e.item.id.clone(),
                    e.slot.name.clone(),
                    e.item.text.clone(),
                    e.done.is_some().to_string(),
                    e.done.as_ref().map(|d| d.by.clone()).unwrap_or_default(),
                    e.done.as_ref().map(|d| rfc3339(d.at)).unwrap_or_default(),
                    view.late.contains(&e.item.id.as_str()).to_string(),
                ])?;
            }
        }
        Format::Plain => {
            for e in &view.shown {
                out.line(format!(
                    "{}\t{}\t{}",
                    if e.done.is_some() { "x" } else { " " },
                    e.item.id,
                    e.item.text
                ))?;
            }
        }
        Format::Table => {
            let (title, table) = view.table(ctx, sheet.zone);
            out.line(title)?;
            out.table(&table)?;
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}

/// A day's list as `checklist` shows it: every entry, those shown (one slot's, or all), which
/// are overdue, and who answers for the day.
struct View<'a> {
    day: &'a crate::ops::checklist::Day,
    all: &'a [Entry<'a>],
    shown: Vec<&'a Entry<'a>>,
    late: Vec<&'a str>,
    who: Option<(String, String)>,
}

impl View<'_> {
    fn json(&self, rotation_zone: chrono_tz::Tz) -> DayJson {
        let day = self.day;
        DayJson {
            date: day.date.to_string(),
            responsible: self
                .who
                .clone()
                .map(|(role, person)| Responsible { role, person }),
            done: self.all.iter().filter(|e| e.done.is_some()).count(),
            total: self.all.len(),
            slots: day
                .list
                .slots
                .iter()
                .filter(|s| self.shown.iter().any(|e| e.slot.name == s.name))
                .map(|s| SlotJson {
                    slot: s.name.clone(),
                    due: rfc3339(deadline(s, day.date, rotation_zone)),
                    items: self
                        .shown
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
                            overdue: self.late.contains(&e.item.id.as_str()),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// The title line and the table, times in `zone`.
    fn table(&self, ctx: &Context, zone: chrono_tz::Tz) -> (String, crate::util::output::Table) {
        let done = self.all.iter().filter(|e| e.done.is_some()).count();
        let who = self.who.clone().map_or(
            "nobody (before the rotation starts)".into(),
            |(role, person)| format!("{person} ({role})"),
        );
        let title = format!(
            "Checklist {} · {done}/{} done · responsible: {who}",
            self.day.date,
            self.all.len()
        );
        let mut table = ctx
            .style
            .table(&["Slot", "#", "Item", "ID", "Done by", "At", "Note"]);
        // An id is what people type: it never breaks, and on a screen too narrow for it
        // beside whole words it gives way to the number, which `done` takes too.
        table.keep_whole(3).optional(3);
        let mut last_slot = "";
        for e in &self.shown {
            let slot_cell = if e.slot.name == last_slot {
                String::new()
            } else {
                format!(
                    "{} (by {})",
                    crate::util::output::title_case(&e.slot.name),
                    e.slot.due.format("%H:%M")
                )
            };
            last_slot = &e.slot.name;
            let (by, at, note) = match &e.done {
                Some(d) => (
                    Cell::new(&d.by),
                    // The day is in the title: a tick made that day shows its time.
                    Cell::new(if local_date(zone, d.at) == self.day.date {
                        d.at.with_timezone(&zone).format("%H:%M").to_string()
                    } else {
                        human(d.at, zone)
                    }),
                    Cell::new(
                        d.evidence
                            .clone()
                            .or_else(|| d.note.clone())
                            .unwrap_or_default(),
                    ),
                ),
                None if self.late.contains(&e.item.id.as_str()) => {
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
        (title, table)
    }
}

fn tick(
    ctx: &Context,
    sheet: &Sheet,
    names: &[String],
    date: Option<&str>,
    done: bool,
    note_text: Option<String>,
    by: Option<&str>,
) -> Result<u8> {
    let date = day_of(sheet, date)?;
    if date > local_date(sheet.config.rotation.zone, sheet.now) {
        bail!("{date} has not come yet; items can be ticked on the day or after it");
    }
    let by = ctx.actor(by);
    let mut store = ctx.store()?;
    let ticked = sheet.tick(&mut store, date, names, done, note_text.as_deref(), &by)?;
    for id in &ticked.unchanged {
        note(format!(
            "{id} is already {}; nothing changed",
            if done { "done" } else { "not done" }
        ));
    }
    let mut out = Out::stdout();
    for t in &ticked.changed {
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

fn status(ctx: &Context, sheet: &Sheet, date: Option<&str>, format: Format) -> Result<u8> {
    let rotation = &sheet.config.rotation;
    let (zone, now) = (sheet.zone, sheet.now);
    let store = ctx.existing_store()?;
    let day = sheet.day(&store, day_of(sheet, date)?)?;
    let all = day.entries();
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

fn history(
    ctx: &Context,
    sheet: &Sheet,
    from: Option<&str>,
    to: Option<&str>,
    format: Format,
) -> Result<u8> {
    let to = day_of(sheet, to)?;
    let from = match from {
        Some(d) => parse_date(d).map_err(anyhow::Error::msg)?,
        None => to.checked_sub_days(chrono::Days::new(6)).unwrap_or(to),
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
        by_evidence,
    } = sheet.completion(&store, from, to)?;

    let mut out = Out::stdout();
    match format {
        Format::Json => out.json(&serde_json::json!({
            "from": from.to_string(), "to": to.to_string(),
            "done": done, "total": total, "rate": rate(done, total),
            "by_evidence": by_evidence, "days": days, "people": people,
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
        Format::Plain => {
            for d in &days {
                out.line(format!("{}\t{}\t{}\t{}", d.date, d.done, d.total, d.rate))?;
            }
        }
        Format::Table => {
            out.line(format!(
                "Checklist {from} → {to}: {done}/{total} done ({}%), {by_evidence} of them by evidence",
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

/// Percent done, 0 for an empty list.
fn rate(done: usize, total: usize) -> f64 {
    crate::util::pct(done as u64, total as u64).unwrap_or(0.0)
}
