//! `mindops oncall check`: is every role covered by exactly one person, and is the load fair?

use anyhow::Result;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use comfy_table::Cell;
use serde::Serialize;

use super::stored_overrides;
use crate::cli::{CheckArgs, Format};
use crate::output::Out;
use crate::rotation::{double_roles, load, Override, Rotation};
use crate::time::{human, rfc3339};
use crate::{exit, Context};

#[derive(Serialize)]
pub(crate) struct Problem {
    kind: &'static str,
    message: String,
}

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

/// Overrides that no longer apply because rotation.yaml changed since they were made.
fn stale(rotation: &Rotation, overrides: &[Override]) -> Vec<Problem> {
    let mut out = Vec::new();
    for o in overrides {
        if rotation.role_index(&o.role).is_none() {
            out.push(Problem {
                kind: "unknown_role",
                message: format!(
                    "override {} is for role \"{}\", which rotation.yaml no longer has; it is ignored. \
                     Remove it with `mindops oncall override remove {}`",
                    o.id, o.role, o.id
                ),
            });
        } else if rotation.member(&o.person).is_none() {
            out.push(Problem {
                kind: "unknown_person",
                message: format!(
                    "override {} gives {} to \"{}\", who is not in rotation.yaml",
                    o.id, o.role, o.person
                ),
            });
        }
    }
    out
}

/// Everything `oncall check` finds wrong over `[from, to)`.
pub(crate) fn problems(
    rotation: &Rotation,
    overrides: &[Override],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    zone: Tz,
) -> Vec<Problem> {
    let mut problems = stale(rotation, overrides);
    for d in double_roles(rotation, overrides, from, to) {
        problems.push(Problem {
            kind: "double_role",
            message: format!(
                "{} holds {} at once from {} to {}",
                d.person,
                d.roles.join(" and "),
                human(d.from, zone),
                human(d.to, zone)
            ),
        });
    }
    problems
}

pub fn run(ctx: &Context, args: CheckArgs) -> Result<u8> {
    let rotation = ctx.rotation()?.rotation;
    let zone = ctx.zone(&rotation);
    let from = ctx.clock.now().max(rotation.handoff(0));
    let to = from + Duration::weeks(i64::from(args.weeks));
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
