//! `mindops db status|copy`: what the store is and holds, and moving a history between stores.

use anyhow::Result;
use comfy_table::Cell;

use crate::cli::{DbCommand, Format};
use crate::store::{copy, Location, Store};
use crate::util::output::{note, Out};
use crate::{exit, Context};

pub fn run(ctx: &Context, command: DbCommand) -> Result<u8> {
    match command {
        DbCommand::Status { format } => {
            let described = Store::describe(&ctx.db()?)?;
            let mut out = Out::stdout();
            let schema = described.schema.map_or_else(
                || "none (nothing recorded yet)".to_string(),
                |v| v.to_string(),
            );
            match format {
                Format::Json => out.json(&serde_json::json!({
                    "backend": described.backend,
                    "location": described.location,
                    "schema": described.schema,
                    "latest_schema": described.latest_schema,
                    "rows": described.rows.iter()
                        .map(|(t, n)| (t.to_string(), serde_json::Value::from(*n)))
                        .collect::<serde_json::Map<_, _>>(),
                }))?,
                Format::Csv => {
                    out.csv(&["table", "rows"])?;
                    for (table, n) in &described.rows {
                        out.csv(&[table.to_string(), n.to_string()])?;
                    }
                }
                Format::Plain => {
                    for (table, n) in &described.rows {
                        out.line(format!("{table} {n}"))?;
                    }
                }
                Format::Table => {
                    out.line(format!("backend   {}", described.backend))?;
                    out.line(format!("location  {}", described.location))?;
                    out.line(format!(
                        "schema    {schema} (this mindops: {})",
                        described.latest_schema
                    ))?;
                    if !described.rows.is_empty() {
                        let mut table = ctx.style.table(&["table", "rows"]);
                        for (name, n) in &described.rows {
                            table.add_row([Cell::new(name), Cell::new(n)]);
                        }
                        out.line("")?;
                        out.table(&table)?;
                    }
                }
            }
        }
        DbCommand::Backup { to } => {
            let location = ctx.db()?;
            let started = std::time::Instant::now();
            let Some(pages) = Store::backup(&location, &to)? else {
                anyhow::bail!(
                    "db backup copies a SQLite store; back up PostgreSQL with pg_dump (the \
                     README's \"Backups\"), or copy it into a SQLite file with `mindops db copy \
                     --to FILE`"
                );
            };
            let bytes = std::fs::metadata(&to).map_or(0, |m| m.len());
            note(format!(
                "backed up {} to {}: {pages} pages, {} KiB, integrity ok, in {} ms",
                location,
                to.display(),
                bytes / 1024,
                started.elapsed().as_millis()
            ));
        }
        DbCommand::Copy { from, to, replace } => {
            let from = match from {
                Some(from) => Location::parse(from),
                None => ctx.db()?,
            };
            let copied = copy(&from, &Location::parse(to), replace)?;
            let total: u64 = copied.rows.iter().map(|(_, n)| n).sum();
            let parts: Vec<String> = copied
                .rows
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(t, n)| format!("{n} {t}"))
                .collect();
            note(format!(
                "copied {total} rows from {} to {}{}",
                copied.from,
                copied.to,
                if parts.is_empty() {
                    String::new()
                } else {
                    format!(": {}", parts.join(", "))
                }
            ));
        }
    }
    Ok(exit::SUCCESS)
}
