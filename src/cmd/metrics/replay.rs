//! `mindops metrics replay` and `mindops metrics import`.

use anyhow::{Context as _, Result};
use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use comfy_table::Cell;
use serde::Serialize;

use crate::cli::TableOrJson;
use crate::ops::replay::{replay, Subject};
use crate::rules::metrics::Episode;
use crate::util::output::{note, Out};
use crate::util::time::{local_to_utc, parse_date, rfc3339};
use crate::{exit, Context};

pub fn run(ctx: &Context, from: &str, to: Option<&str>, format: TableOrJson) -> Result<u8> {
    let (rotation, thresholds) = ctx.config()?;
    let zone = ctx.zone(&rotation.rotation);
    let day = |text: &str| parse_date(text).map_err(anyhow::Error::msg);
    let first = day(from)?;
    let last = match to {
        Some(text) => day(text)?,
        None => crate::util::time::local_date(zone, ctx.clock.now()),
    };
    if last < first {
        anyhow::bail!("--to {last} is before --from {first}; give the period's first day first");
    }
    let start = local_to_utc(zone, first.and_time(NaiveTime::MIN));
    let end = local_to_utc(
        zone,
        last.succ_opt().unwrap_or(last).and_time(NaiveTime::MIN),
    );
    let store = ctx.existing_store()?;
    let result = replay(&store, &thresholds, start, end).context("cannot replay the history")?;
    let would: usize = result.subjects.iter().map(|s| s.replayed.len()).sum();
    let recorded: usize = result.subjects.iter().map(|s| s.recorded.len()).sum();
    let incidents: usize = result.subjects.iter().map(|s| s.incidents.len()).sum();
    let mut out = Out::stdout();
    match format {
        TableOrJson::Json => out.json(&ReplayJson {
            from: rfc3339(start),
            to: rfc3339(end),
            would_open: would,
            recorded_critical: recorded,
            incidents_opened: incidents,
            subjects: &result.subjects,
            skipped_slos: &result.skipped,
        })?,
        TableOrJson::Table => {
            let mut table = ctx.style.table(&[
                "Metric or SLO",
                "Severity",
                "This config would open",
                "Recorded CRITICAL",
                "Incidents",
            ]);
            for s in &result.subjects {
                for (replayed, recorded) in side_by_side(s) {
                    table.add_row(vec![
                        Cell::new(&s.name),
                        Cell::new(&s.severity),
                        Cell::new(replayed.map_or_else(|| "-".into(), |e| stretch(e, zone))),
                        Cell::new(
                            recorded
                                .iter()
                                .map(|e| stretch(e, zone))
                                .collect::<Vec<_>>()
                                .join("\n"),
                        ),
                        Cell::new(
                            s.incidents
                                .iter()
                                .map(i64::to_string)
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                    ]);
                }
            }
            if !result.subjects.is_empty() {
                out.table(&table)?;
            }
            out.line(format!(
                "{first} to {last}: this config would have opened {would} incident{}; the \
                 recorded checks were CRITICAL {recorded} time{}, and {incidents} incident{} \
                 opened for them.",
                if would == 1 { "" } else { "s" },
                if recorded == 1 { "" } else { "s" },
                if incidents == 1 { " was" } else { "s were" },
            ))?;
        }
    }
    out.flush()?;
    for name in &result.skipped {
        note(format!(
            "mindops: SLO {name} counts Prometheus's events, not the store's: it is not replayed"
        ));
    }
    Ok(exit::SUCCESS)
}

/// Each replayed stretch beside the recorded ones it overlaps, then the recorded ones no
/// replayed stretch overlaps.
fn side_by_side(s: &Subject) -> Vec<(Option<&Episode>, Vec<&Episode>)> {
    let overlaps = |a: &Episode, b: &Episode| {
        a.from < b.to.unwrap_or(DateTime::<Utc>::MAX_UTC)
            && b.from < a.to.unwrap_or(DateTime::<Utc>::MAX_UTC)
    };
    let mut used = vec![false; s.recorded.len()];
    let mut rows: Vec<(Option<&Episode>, Vec<&Episode>)> = Vec::new();
    for r in &s.replayed {
        let mut mine = Vec::new();
        for (i, c) in s.recorded.iter().enumerate() {
            if overlaps(r, c) {
                used[i] = true;
                mine.push(c);
            }
        }
        rows.push((Some(r), mine));
    }
    for (i, c) in s.recorded.iter().enumerate() {
        if !used[i] {
            rows.push((None, vec![c]));
        }
    }
    if rows.is_empty() {
        rows.push((None, Vec::new()));
    }
    rows
}

/// `2026-11-03 14:05 → 15:10`, the end's day shown when it differs.
fn stretch(e: &Episode, zone: Tz) -> String {
    let from = e.from.with_timezone(&zone);
    let to = match e.to.map(|t| t.with_timezone(&zone)) {
        None => "still at the end".to_string(),
        Some(t) if t.date_naive() == from.date_naive() => t.format("%H:%M").to_string(),
        Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
    };
    format!("{} → {to}", from.format("%Y-%m-%d %H:%M"))
}

#[derive(Serialize)]
struct ReplayJson<'a> {
    from: String,
    to: String,
    would_open: usize,
    recorded_critical: usize,
    incidents_opened: usize,
    subjects: &'a [Subject],
    skipped_slos: &'a [String],
}

pub fn import(ctx: &Context, file: &str) -> Result<u8> {
    let (_, thresholds) = ctx.config()?;
    let input: Box<dyn std::io::BufRead> = if file == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(file).with_context(|| format!("cannot open {file}"))?,
        ))
    };
    let mut store = ctx.store()?;
    let name = if file == "-" { "standard input" } else { file };
    let done = crate::ops::metrics::import(&mut store, &thresholds, input, name)?;
    let mut out = Out::stdout();
    out.line(match (done.from, done.to) {
        (Some(from), Some(to)) => format!(
            "imported {} values in {} checks, {} to {}",
            done.samples,
            done.checks,
            rfc3339(from),
            rfc3339(to)
        ),
        _ => "imported nothing: the file holds no values".into(),
    })?;
    out.flush()?;
    Ok(exit::SUCCESS)
}
