//! `mindops oncall schedule`: the coming shifts, one row each, or one person's shifts.

use anyhow::Result;
use comfy_table::Cell;
use serde::Serialize;

use super::{Assignment, ShiftJson, View};
use crate::cli::{Format, ScheduleArgs};
use crate::rules::rotation::{segments, Segment, Shift};
use crate::util::output::Out;
use crate::util::time::{human, rfc3339};
use crate::{exit, Context};

#[derive(Serialize)]
struct ScheduleJson {
    from: String,
    to: String,
    shifts: Vec<ShiftRow>,
}

#[derive(Serialize)]
struct ShiftRow {
    #[serde(flatten)]
    shift: ShiftJson,
    assignments: Vec<Assignment>,
}

pub fn run(ctx: &Context, args: ScheduleArgs) -> Result<u8> {
    let view = View::new(ctx, &args.window, args.person.as_deref())?;
    let View {
        rotation,
        from,
        to,
        person,
        overrides,
    } = &view;
    let (rotation, from, to, person) = (rotation, *from, *to, person.as_deref());
    let zone = ctx.zone(rotation);
    let shifts: Vec<(Shift, Vec<Segment>)> = rotation
        .shifts_between(from, to)
        .into_iter()
        .map(|shift| {
            let held = (0..rotation.roles.len())
                .flat_map(|role| {
                    segments(
                        rotation,
                        overrides,
                        role,
                        shift.start.max(from),
                        shift.end.min(to),
                    )
                })
                .filter(|s| view.wants(s))
                .collect();
            (shift, held)
        })
        .filter(|(_, held): &(Shift, Vec<Segment>)| !held.is_empty())
        .collect();

    let mut out = Out::stdout();
    match args.format {
        Format::Json => out.json(&ScheduleJson {
            from: rfc3339(from),
            to: rfc3339(to),
            shifts: shifts
                .iter()
                .map(|(shift, held)| ShiftRow {
                    shift: ShiftJson {
                        number: shift.number,
                        start: rfc3339(shift.start),
                        end: rfc3339(shift.end),
                    },
                    assignments: held.iter().map(|s| Assignment::new(rotation, s)).collect(),
                })
                .collect(),
        })?,
        Format::Csv => {
            let mut header = vec!["shift"];
            header.extend(Assignment::CSV_HEADER);
            out.csv(&header)?;
            for (shift, held) in &shifts {
                for seg in held {
                    let mut row = vec![shift.number.to_string()];
                    row.extend(Assignment::new(rotation, seg).csv());
                    out.csv(&row)?;
                }
            }
        }
        Format::Plain => {
            for (shift, held) in &shifts {
                for seg in held {
                    out.line(format!(
                        "{}\t{}\t{}\t{}",
                        shift.number,
                        rfc3339(seg.from),
                        rotation.roles[seg.role],
                        seg.person
                    ))?;
                }
            }
        }
        Format::Table if person.is_some() => {
            let mut table = ctx.style.table(&["Shift", "Role", "From", "Until", "Note"]);
            for (shift, held) in &shifts {
                for seg in held {
                    table.add_row(vec![
                        Cell::new(shift.number),
                        Cell::new(&rotation.roles[seg.role]),
                        Cell::new(human(seg.from, zone)),
                        Cell::new(human(seg.to, zone)),
                        match seg.override_id {
                            Some(id) => ctx.style.marked(format!("override {id}")),
                            None => Cell::new(""),
                        },
                    ]);
                }
            }
            out.table(&table)?;
        }
        Format::Table => {
            let mut headers = vec!["Shift", "Start", "End"];
            headers.extend(rotation.roles.iter().map(String::as_str));
            let mut table = ctx.style.table(&headers);
            for (shift, held) in &shifts {
                let mut row = vec![
                    Cell::new(shift.number),
                    Cell::new(human(shift.start, zone)),
                    Cell::new(human(shift.end, zone)),
                ];
                for role in 0..rotation.roles.len() {
                    let mine: Vec<&Segment> = held.iter().filter(|s| s.role == role).collect();
                    let span = (shift.start.max(from), shift.end.min(to));
                    let text = holders_text(&mine, span, zone);
                    row.push(
                        if mine
                            .iter()
                            .any(|s| s.override_id.is_some() || s.cover.is_some())
                        {
                            ctx.style.marked(text)
                        } else {
                            Cell::new(text)
                        },
                    );
                }
                table.add_row(row);
            }
            out.table(&table)?;
            if shifts
                .iter()
                .flat_map(|(_, h)| h)
                .any(|s| s.override_id.is_some())
            {
                out.line("* override (mindops oncall override list)")?;
            }
            if shifts
                .iter()
                .flat_map(|(_, h)| h)
                .any(|s| s.cover.is_some())
            {
                out.line(
                    "~ covering for someone off (mindops oncall --date DAY says who and why)",
                )?;
            }
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}

/// `Felix`, or `Felix, Iris* 08-07 10:00–08-09 10:00` where an override takes part of a shift,
/// `Milo~ …` where someone covers for time off, and `nobody …` where the role is empty.
fn holders_text(
    held: &[&Segment],
    (start, end): (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>),
    zone: chrono_tz::Tz,
) -> String {
    let short =
        |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&zone).format("%m-%d %H:%M").to_string();
    let mut parts: Vec<String> = Vec::new();
    let mut push = |part: String| {
        if parts.last() != Some(&part) {
            parts.push(part);
        }
    };
    let mut at = start;
    for seg in held {
        if seg.from > at {
            push(format!("nobody {}–{}", short(at), short(seg.from)));
        }
        at = at.max(seg.to);
        push(match (seg.override_id, &seg.cover) {
            (_, Some(_)) => format!("{}~ {}–{}", seg.person, short(seg.from), short(seg.to)),
            (Some(_), None) => format!("{}* {}–{}", seg.person, short(seg.from), short(seg.to)),
            (None, None) => seg.person.clone(),
        });
    }
    if at < end {
        push(format!("nobody {}–{}", short(at), short(end)));
    }
    parts.join(", ")
}
