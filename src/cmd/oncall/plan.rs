//! `mindops oncall plan --against DIR`: what a change to rotation.yaml would do to who is on
//! call, before it is merged. A CI job on a pull request runs it against the branch's folder.

use anyhow::Result;
use chrono::Duration;
use comfy_table::Cell;
use serde::Serialize;

use super::stored_overrides;
use crate::cli::{PlanArgs, PlanFormat};
use crate::config::ConfigDir;
use crate::rules::coverage::{problems, Problem};
use crate::rules::rotation::{differences, load};
use crate::util::output::Out;
use crate::util::time::{human, later, rfc3339};
use crate::{exit, Context};

#[derive(Serialize)]
struct ChangeJson {
    role: String,
    from: String,
    until: String,
    now: Option<String>,
    then: Option<String>,
}

#[derive(Serialize)]
struct HoursJson {
    person: String,
    now: f64,
    then: f64,
}

#[derive(Serialize)]
struct PlanJson {
    from: String,
    to: String,
    against: String,
    ok: bool,
    changes: Vec<ChangeJson>,
    hours: Vec<HoursJson>,
    problems: Vec<Problem>,
}

pub fn run(ctx: &Context, args: PlanArgs) -> Result<u8> {
    let now_config = ctx.rotation()?.rotation;
    let other = ConfigDir {
        path: args.against.clone(),
        is_cwd: false,
        given: true,
    };
    let then_config = other.load_rotation()?.rotation;
    let zone = ctx.zone(&now_config);
    let from = ctx
        .clock
        .now()
        .max(now_config.handoff(0).min(then_config.handoff(0)));
    let to = later(from, Duration::weeks(i64::from(args.weeks)));
    let overrides = stored_overrides(ctx, from, to)?;

    let changes = differences(&now_config, &then_config, &overrides, from, to);
    let mut hours: Vec<HoursJson> = Vec::new();
    for (side, rotation) in [(0, &now_config), (1, &then_config)] {
        for l in load(rotation, &overrides, from, to) {
            let at = match hours
                .iter()
                .position(|h| h.person.eq_ignore_ascii_case(&l.person))
            {
                Some(at) => at,
                None => {
                    hours.push(HoursJson {
                        person: l.person.clone(),
                        now: 0.0,
                        then: 0.0,
                    });
                    hours.len() - 1
                }
            };
            let row = &mut hours[at];
            *(if side == 0 {
                &mut row.now
            } else {
                &mut row.then
            }) += l.hours;
        }
    }
    let problems = problems(&then_config, &overrides, from, to, zone);
    let ok = problems.is_empty();
    let against = args.against.display().to_string();

    let mut out = Out::stdout();
    match args.format {
        PlanFormat::Json => out.json(&PlanJson {
            from: rfc3339(from),
            to: rfc3339(to),
            against,
            ok,
            changes: changes
                .iter()
                .map(|c| ChangeJson {
                    role: c.role.clone(),
                    from: rfc3339(c.from),
                    until: rfc3339(c.to),
                    now: c.now.clone(),
                    then: c.then.clone(),
                })
                .collect(),
            hours,
            problems,
        })?,
        PlanFormat::Markdown => {
            let nobody = |p: &Option<String>| p.clone().unwrap_or_else(|| "*nobody*".into());
            out.line(format!(
                "### On call under `{against}`, {} to {}\n",
                human(from, zone),
                human(to, zone)
            ))?;
            if changes.is_empty() {
                out.line("No one's shifts change.\n")?;
            } else {
                out.line("| Role | From | Until | Now | Then |\n|---|---|---|---|---|")?;
                for c in &changes {
                    out.line(format!(
                        "| {} | {} | {} | {} | {} |",
                        c.role,
                        human(c.from, zone),
                        human(c.to, zone),
                        nobody(&c.now),
                        nobody(&c.then)
                    ))?;
                }
                out.line("\n| Person | Hours now | Hours then |\n|---|---:|---:|")?;
                for h in hours.iter().filter(|h| h.now != h.then) {
                    out.line(format!("| {} | {:.0} | {:.0} |", h.person, h.now, h.then))?;
                }
                out.line("")?;
            }
            if ok {
                out.line("No gaps: every role is held by one person throughout.")?;
            } else {
                out.line("**Problems:**\n")?;
                for p in &problems {
                    out.line(format!("- {}", p.message))?;
                }
            }
        }
        PlanFormat::Table => {
            out.line(format!(
                "On call under {against}, {} to {}:",
                human(from, zone),
                human(to, zone)
            ))?;
            if changes.is_empty() {
                out.line("no one's shifts change")?;
            } else {
                let mut table = ctx.style.table(&["Role", "From", "Until", "Now", "Then"]);
                for c in &changes {
                    table.add_row(vec![
                        Cell::new(&c.role),
                        Cell::new(human(c.from, zone)),
                        Cell::new(human(c.to, zone)),
                        Cell::new(c.now.as_deref().unwrap_or("nobody")),
                        Cell::new(c.then.as_deref().unwrap_or("nobody")),
                    ]);
                }
                out.table(&table)?;
                let mut table = ctx.style.table(&["Person", "Hours now", "Hours then"]);
                for h in hours.iter().filter(|h| h.now != h.then) {
                    table.add_row(vec![
                        Cell::new(&h.person),
                        Cell::new(format!("{:.0}", h.now)),
                        Cell::new(format!("{:.0}", h.then)),
                    ]);
                }
                out.table(&table)?;
            }
            for p in &problems {
                out.line(format!("problem: {}", p.message))?;
            }
        }
    }
    out.flush()?;
    Ok(if ok { exit::SUCCESS } else { exit::PROBLEM })
}
