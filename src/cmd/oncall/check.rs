//! `mindops oncall check`: is every role covered by exactly one person, and is the load fair?

use anyhow::Result;
use chrono::Duration;
use comfy_table::Cell;
use serde::Serialize;

use super::stored_overrides;
use crate::cli::{CheckArgs, Format};
use crate::rules::coverage::problems;
use crate::rules::coverage::Problem;
use crate::rules::rotation::load;
use crate::util::output::Out;
use crate::util::time::{human, rfc3339};
use crate::{exit, Context};

#[derive(Serialize)]
struct LoadJson {
    person: String,
    /// Shifts per role, by role name.
    shifts: serde_json::Map<String, serde_json::Value>,
    hours: f64,
}

#[derive(Serialize)]
struct CheckJson {
    from: String,
    to: String,
    ok: bool,
    problems: Vec<Problem>,
    load: Vec<LoadJson>,
}

pub fn run(ctx: &Context, args: CheckArgs) -> Result<u8> {
    let rotation = ctx.rotation()?.rotation;
    let zone = ctx.zone(&rotation);
    let from = ctx.clock.now().max(rotation.handoff(0));
    let to = crate::util::time::later(from, Duration::weeks(i64::from(args.weeks)));
    let overrides = stored_overrides(ctx, from, to)?;

    let problems = problems(&rotation, &overrides, from, to, zone);
    let loads = load(&rotation, &overrides, from, to);
    let failed = !problems.is_empty();

    let mut out = Out::stdout();
    match args.format {
        Format::Json => out.json(&CheckJson {
            from: rfc3339(from),
            to: rfc3339(to),
            ok: problems.is_empty(),
            load: loads
                .iter()
                .map(|l| LoadJson {
                    person: l.person.clone(),
                    shifts: rotation
                        .roles
                        .iter()
                        .zip(&l.shifts)
                        .map(|(r, n)| (r.clone(), (*n).into()))
                        .collect(),
                    hours: (l.hours * 10.0).round() / 10.0,
                })
                .collect(),
            problems,
        })?,
        Format::Csv => {
            out.csv(&["kind", "message"])?;
            for p in &problems {
                out.csv(&[p.kind, p.message.as_str()])?;
            }
        }
        Format::Plain => {
            for p in &problems {
                out.line(format!("{}\t{}", p.kind, p.message))?;
            }
        }
        Format::Table => {
            out.line(format!(
                "Coverage {} → {}: {}",
                human(from, zone),
                human(to, zone),
                if problems.is_empty() {
                    "every role held by one person at every moment".to_string()
                } else {
                    format!("{} problem(s)", problems.len())
                }
            ))?;
            for p in &problems {
                out.line(format!("  ✗ {}", p.message))?;
            }
            let mut headers = vec!["Person"];
            headers.extend(rotation.roles.iter().map(String::as_str));
            headers.push("Hours");
            let mut table = ctx.style.table(&headers);
            for l in &loads {
                let mut row = vec![Cell::new(&l.person)];
                row.extend(l.shifts.iter().map(Cell::new));
                row.push(Cell::new(format!("{:.0}", l.hours)));
                table.add_row(row);
            }
            out.line("Shifts per person and role:")?;
            out.table(&table)?;
        }
    }
    out.flush()?;
    Ok(if failed { exit::PROBLEM } else { exit::SUCCESS })
}
