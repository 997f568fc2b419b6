//! `mindops handover add|list`: notes for the next person on call.

use anyhow::{bail, Result};
use chrono::NaiveTime;
use comfy_table::Cell;

use crate::cli::{Format, HandoverCommand};
use crate::ops::notify::undelivered;
use crate::store::HandoverNote;
use crate::util::output::{note, Out};
use crate::util::time::later;
use crate::util::time::{human, local_to_utc, parse_date, rfc3339};
use crate::{exit, Context};

pub fn run(ctx: &Context, command: HandoverCommand) -> Result<u8> {
    let now = ctx.clock.now();
    match command {
        HandoverCommand::Add { text, by } => {
            if text.trim().is_empty() {
                bail!("a handover note needs text");
            }
            let author = ctx.actor(by.by.as_deref());
            let mut desk = ctx.desk()?;
            let id = desk.hand_over(&author, text.trim())?;
            Out::stdout().line(format!("handover note {id} by {author}"))?;
            for line in desk.send(None)?.iter().flat_map(undelivered) {
                note(line);
            }
        }
        HandoverCommand::List { since, format } => {
            let rotation = ctx.rotation()?.rotation;
            let from = match since {
                Some(d) => {
                    let day = parse_date(&d).map_err(anyhow::Error::msg)?;
                    local_to_utc(rotation.zone, day.and_time(NaiveTime::MIN))
                }
                None => rotation
                    .shift_at(now)
                    .map_or(rotation.handoff(0), |s| rotation.handover_since(&s)),
            };
            let notes = ctx
                .existing_store()?
                .handovers(from, later(now, chrono::Duration::seconds(1)))?;
            if notes.is_empty() && format == Format::Table {
                note(format!(
                    "no handover notes since {}",
                    human(from, ctx.zone(&rotation))
                ));
                return Ok(exit::SUCCESS);
            }
            print(ctx, &notes, format, ctx.zone(&rotation))?;
        }
    }
    Ok(exit::SUCCESS)
}

fn print(ctx: &Context, notes: &[HandoverNote], format: Format, zone: chrono_tz::Tz) -> Result<()> {
    let mut out = Out::stdout();
    match format {
        Format::Json => out.json(&notes)?,
        Format::Csv => {
            out.csv(&["id", "at", "author", "text"])?;
            for n in notes {
                out.csv(&[
                    n.id.to_string(),
                    rfc3339(n.at),
                    n.author.clone(),
                    n.text.clone(),
                ])?;
            }
        }
        Format::Plain => {
            for n in notes {
                out.line(&n.text)?;
            }
        }
        Format::Table => {
            let mut table = ctx.style.table(&["At", "By", "Note"]);
            for n in notes {
                table.add_row(vec![
                    Cell::new(human(n.at, zone)),
                    Cell::new(&n.author),
                    Cell::new(&n.text),
                ]);
            }
            out.table(&table)?;
        }
    }
    out.flush()?;
    Ok(())
}
