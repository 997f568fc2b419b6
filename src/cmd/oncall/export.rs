//! `mindops oncall export --ics`: one event per shift and role, split where overrides apply.

use anyhow::Result;

use super::{area, View};
use crate::cli::ExportArgs;
use crate::rules::rotation::segments;
use crate::util::ics::{calendar, Event};
use crate::util::output::Out;
use crate::{exit, Context};

pub fn run(ctx: &Context, args: ExportArgs) -> Result<u8> {
    let view = View::new(ctx, &args.window, args.person.as_deref())?;
    let View {
        rotation,
        from,
        to,
        person,
        overrides,
    } = &view;
    let mut events = Vec::new();
    for shift in rotation.shifts_between(*from, *to) {
        for role in 0..rotation.roles.len() {
            let role_name = &rotation.roles[role];
            // Whole shifts, not clipped to the window: a calendar entry shows the real hours.
            for seg in segments(rotation, overrides, role, shift.start, shift.end) {
                if !view.wants(&seg) {
                    continue;
                }
                let slug = crate::config::rotation::slug(role_name);
                let uid = match seg.override_id {
                    Some(id) => format!("shift-{}-{slug}-override-{id}@mindops", shift.number),
                    None if seg.from == shift.start => {
                        format!("shift-{}-{slug}@mindops", shift.number)
                    }
                    None => format!(
                        "shift-{}-{slug}-{}@mindops",
                        shift.number,
                        seg.from.timestamp()
                    ),
                };
                let mut description = format!("Shift {} of the rotation", shift.number);
                let area = area(rotation, &seg.person);
                if !area.is_empty() {
                    description.push_str(&format!("\nArea: {area}"));
                }
                if let Some(o) = seg
                    .override_id
                    .and_then(|id| overrides.iter().find(|o| o.id == id))
                {
                    description.push_str(&format!("\nOverride {} by {}", o.id, o.created_by));
                    if let Some(reason) = &o.reason {
                        description.push_str(&format!(": {reason}"));
                    }
                }
                events.push(Event {
                    uid,
                    start: seg.from,
                    end: seg.to,
                    summary: format!(
                        "{role_name} on-call: {}{}",
                        seg.person,
                        if seg.override_id.is_some() {
                            " (override)"
                        } else {
                            ""
                        }
                    ),
                    description,
                });
            }
        }
    }
    let name = match person {
        Some(p) => format!("On-call: {p}"),
        None => "On-call rotation".to_string(),
    };
    let mut out = Out::stdout();
    out.document(&calendar(&name, &events, ctx.clock.now()))?;
    out.flush()?;
    Ok(exit::SUCCESS)
}
