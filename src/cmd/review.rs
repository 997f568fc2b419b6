//! `mindops review note|agenda`: what a review meeting decided, under the seed's agenda.

use anyhow::{bail, Result};
use comfy_table::Cell;

use crate::cli::{Format, ReviewCommand};
use crate::ops::report::agenda;
use crate::rules::agenda::{kind_of, topic};
use crate::rules::period::Period;
use crate::util::output::{note, Out};
use crate::util::time::{human, rfc3339};
use crate::{exit, Context};

/// The period a label names, whatever its level.
fn period(label: &str) -> Result<Period> {
    let Some(kind) = kind_of(label) else {
        bail!("\"{label}\" is not a review period; write a week (2024-W32), a month (2024-08) or a quarter (2024-Q3)");
    };
    Period::parse(kind, label).map_err(anyhow::Error::msg)
}

pub fn run(ctx: &Context, command: ReviewCommand) -> Result<u8> {
    match command {
        ReviewCommand::Note {
            period: label,
            topic: wanted,
            text,
            by,
        } => {
            let period = period(&label)?;
            let topic = topic(period.kind, &wanted).map_err(anyhow::Error::msg)?;
            if text.trim().is_empty() {
                bail!("a review note needs text: what was decided");
            }
            let author = ctx.actor(by.by.as_deref());
            let id = ctx.store()?.add_review_note(
                &period.label,
                topic.key,
                text.trim(),
                &author,
                ctx.clock.now(),
            )?;
            let mut out = Out::stdout();
            out.line(format!(
                "review note {id}: {} {} by {author}",
                period.label, topic.key
            ))?;
            out.flush()?;
        }
        ReviewCommand::Agenda {
            period: label,
            format,
        } => {
            let period = period(&label)?;
            let items = agenda(&ctx.existing_store()?, &period)?;
            let zone = ctx.zone(&ctx.rotation()?.rotation);
            let mut out = Out::stdout();
            match format {
                Format::Json => out.json(&items)?,
                Format::Csv => {
                    out.csv(&["topic", "title", "at", "author", "text"])?;
                    for i in &items {
                        for n in &i.notes {
                            out.csv(&[i.topic, i.title, &rfc3339(n.at), &n.author, &n.text])?;
                        }
                    }
                }
                Format::Plain => {
                    for i in &items {
                        for n in &i.notes {
                            out.line(format!("{}\t{}", i.topic, n.text))?;
                        }
                    }
                }
                Format::Table => {
                    out.line(format!("{} review {}", period.kind.as_str(), period.label))?;
                    let mut table = ctx.style.table(&["Topic", "Agenda item", "Notes"]);
                    for i in &items {
                        let notes: Vec<String> = i
                            .notes
                            .iter()
                            .map(|n| format!("{} ({}, {})", n.text, n.author, human(n.at, zone)))
                            .collect();
                        table.add_row(vec![
                            Cell::new(i.topic),
                            Cell::new(i.title),
                            Cell::new(if notes.is_empty() {
                                "-".to_string()
                            } else {
                                notes.join("\n")
                            }),
                        ]);
                    }
                    out.table(&table)?;
                    if items.iter().all(|i| i.notes.is_empty()) {
                        note(format!(
                            "no notes yet; `mindops review note --period {} --topic {} \"...\"` adds one",
                            period.label, items[0].topic
                        ));
                    }
                }
            }
            out.flush()?;
        }
    }
    Ok(exit::SUCCESS)
}
