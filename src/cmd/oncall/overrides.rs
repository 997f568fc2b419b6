//! `mindops oncall override add|list|remove`.

use anyhow::Result;
use comfy_table::Cell;
use serde::Serialize;

use super::{known_member, known_role};
use crate::cli::{Format, OffArgs, OverrideAddArgs, OverrideCommand, SwapArgs};
use crate::ops::notify::undelivered;
use crate::rules::coverage::gap_message;
use crate::rules::rotation::{double_roles, gaps, holders_at, time_off, Override};
use crate::store::NewOverride;
use crate::util::output::{note, Out};
use crate::util::time::{human, parse_date, parse_instant, rfc3339};
use crate::{exit, Context};

pub fn run(ctx: &Context, command: OverrideCommand) -> Result<u8> {
    match command {
        OverrideCommand::Add(args) => add(ctx, args),
        OverrideCommand::List { all, format } => list(ctx, all, format),
        OverrideCommand::Remove { id, by } => remove(ctx, id, by.as_deref()),
    }
}

fn add(ctx: &Context, args: OverrideAddArgs) -> Result<u8> {
    let mut desk = ctx.desk()?;
    let rotation = desk.rotation.clone();
    let now = desk.now;
    let (_, role) = known_role(&rotation, &args.role)?;
    let person = known_member(&rotation, &args.person)?;
    let parse = |flag: &str, text: &str| {
        parse_instant(text, rotation.zone, now).map_err(|e| anyhow::anyhow!("--{flag}: {e}"))
    };
    let from = parse("from", &args.from)?;
    let to = parse("to", &args.to)?;
    if to <= from {
        anyhow::bail!(
            "--to ({}) must be after --from ({})",
            rfc3339(to),
            rfc3339(from)
        );
    }
    let by = ctx.actor(args.by.as_deref());
    let new = NewOverride {
        role,
        person,
        from,
        to,
        reason: args.reason.as_deref(),
        by: &by,
        at: now,
    };
    let zone = ctx.zone(&rotation);
    let ids = desk.add_overrides(std::slice::from_ref(&new), |existing| {
        if args.force {
            return Ok(());
        }
        let mut all = existing.to_vec();
        all.push(new.stored(i64::MAX));
        let clash = double_roles(&rotation, &all, from, to)
            .into_iter()
            .find(|d| d.person == person);
        match clash {
            Some(d) => anyhow::bail!(
                "{person} would hold {} at once from {} to {}; nothing was stored. Override the \
                 other role too, or pass --force to allow it",
                d.roles.join(" and "),
                human(d.from, zone),
                human(d.to, zone)
            ),
            None => Ok(()),
        }
    })?;
    let id = ids.first().copied().unwrap_or_default();
    Out::stdout().line(format!(
        "override {id}: {person} holds {role} from {} until {}",
        human(from, zone),
        human(to, zone)
    ))?;
    for line in desk.send(None)?.iter().flat_map(undelivered) {
        note(line);
    }
    Ok(exit::SUCCESS)
}

/// `mindops oncall off PERSON --from --to`: time off, stored as an override with no role.
pub fn off(ctx: &Context, args: OffArgs) -> Result<u8> {
    let mut desk = ctx.desk()?;
    let rotation = desk.rotation.clone();
    let person = known_member(&rotation, &args.person)?;
    let day =
        |flag: &str, text: &str| parse_date(text).map_err(|e| anyhow::anyhow!("--{flag}: {e}"));
    let (first, last) = (day("from", &args.from)?, day("to", &args.to)?);
    if last < first {
        anyhow::bail!(
            "--to ({last}) is before --from ({first}); --to is the last day off, included"
        );
    }
    let by = ctx.actor(args.by.as_deref());
    let entry = time_off(
        0,
        person,
        first,
        last,
        rotation.zone,
        args.reason.clone(),
        &by,
    );
    let new = NewOverride {
        role: "",
        person,
        from: entry.from,
        to: entry.to,
        reason: args.reason.as_deref(),
        by: &by,
        at: desk.now,
    };
    let ids = desk.add_overrides(std::slice::from_ref(&new), |_| Ok(()))?;
    let id = ids.first().copied().unwrap_or_default();
    Out::stdout().line(format!(
        "time off {id}: {person} is off from {first} to {last}, both included"
    ))?;
    // What the cover rule leaves empty, said now rather than at the first page.
    let zone = ctx.zone(&rotation);
    let overrides = desk.store.overrides_between(new.from, new.to)?;
    for gap in gaps(&rotation, &overrides, new.from, new.to) {
        note(format!("warning: {}", gap_message(&rotation, &gap, zone)));
    }
    for line in desk.send(None)?.iter().flat_map(undelivered) {
        note(line);
    }
    Ok(exit::SUCCESS)
}

/// `mindops oncall swap A B --week W`: each takes the other's role for one shift.
pub fn swap(ctx: &Context, args: SwapArgs) -> Result<u8> {
    let mut desk = ctx.desk()?;
    let rotation = desk.rotation.clone();
    let first = known_member(&rotation, &args.first)?;
    let second = known_member(&rotation, &args.second)?;
    if first.eq_ignore_ascii_case(second) {
        anyhow::bail!("a swap needs two people; {first} was given twice");
    }
    let week = args.week.trim();
    let shift = match week.parse::<u64>() {
        Ok(number) if number >= 1 => rotation.shift(number),
        _ => {
            let day = parse_date(week).map_err(|e| {
                anyhow::anyhow!("--week: \"{week}\" is neither a shift number nor a day: {e}")
            })?;
            rotation.shift_on(day)?
        }
    };
    let overrides = desk.store.overrides_between(shift.start, shift.end)?;
    let holders = holders_at(&rotation, &overrides, shift.start);
    let role_of = |person: &str| {
        holders
            .iter()
            .find(|h| h.person.eq_ignore_ascii_case(person))
            .map(|h| rotation.roles[h.role].as_str())
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "{person} holds no role when shift {} starts; give a role with `mindops \
                     oncall override add`",
                    shift.number
                )
            })
    };
    let (first_role, second_role) = (role_of(first)?, role_of(second)?);
    let by = ctx.actor(args.by.as_deref());
    let reason = args
        .reason
        .clone()
        .unwrap_or_else(|| format!("swap of {first} and {second}"));
    let half = |role, person| NewOverride {
        role,
        person,
        from: shift.start,
        to: shift.end,
        reason: Some(reason.as_str()),
        by: by.as_str(),
        at: desk.now,
    };
    let news = [half(second_role, first), half(first_role, second)];
    let ids = desk.add_overrides(&news, |_| Ok(()))?;
    let zone = ctx.zone(&rotation);
    Out::stdout().line(format!(
        "swap (overrides {}): from {} until {}, {first} holds {second_role} and {second} holds \
         {first_role}",
        ids.iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(" and "),
        human(shift.start, zone),
        human(shift.end, zone)
    ))?;
    for line in desk.send(None)?.iter().flat_map(undelivered) {
        note(line);
    }
    Ok(exit::SUCCESS)
}

#[derive(Serialize)]
struct OverrideJson {
    id: i64,
    /// Empty for time off.
    role: String,
    time_off: bool,
    person: String,
    from: String,
    until: String,
    reason: Option<String>,
    created_by: String,
    created_at: String,
    removed_by: Option<String>,
    removed_at: Option<String>,
    state: &'static str,
}

fn state(o: &Override, now: chrono::DateTime<chrono::Utc>) -> &'static str {
    match () {
        _ if o.removed_at.is_some() => "removed",
        _ if o.to <= now => "ended",
        _ if o.from > now => "upcoming",
        _ => "active",
    }
}

fn list(ctx: &Context, all: bool, format: Format) -> Result<u8> {
    let now = ctx.clock.now();
    let overrides = ctx.existing_store()?.overrides(all, now)?;
    let mut out = Out::stdout();
    match format {
        Format::Json => {
            let rows: Vec<OverrideJson> = overrides
                .iter()
                .map(|o| OverrideJson {
                    id: o.id,
                    role: o.role.clone(),
                    time_off: o.is_time_off(),
                    person: o.person.clone(),
                    from: rfc3339(o.from),
                    until: rfc3339(o.to),
                    reason: o.reason.clone(),
                    created_by: o.created_by.clone(),
                    created_at: rfc3339(o.created_at),
                    removed_by: o.removed_by.clone(),
                    removed_at: o.removed_at.map(rfc3339),
                    state: state(o, now),
                })
                .collect();
            out.json(&rows)?;
        }
        Format::Csv => {
            out.csv(&[
                "id",
                "role",
                "person",
                "from",
                "until",
                "reason",
                "created_by",
                "state",
            ])?;
            for o in &overrides {
                out.csv(&[
                    o.id.to_string(),
                    o.role.clone(),
                    o.person.clone(),
                    rfc3339(o.from),
                    rfc3339(o.to),
                    o.reason.clone().unwrap_or_default(),
                    o.created_by.clone(),
                    state(o, now).to_string(),
                ])?;
            }
        }
        Format::Plain => {
            for o in &overrides {
                out.line(o.id.to_string())?;
            }
        }
        Format::Table => {
            if overrides.is_empty() {
                note("no overrides in place (--all shows ended and removed ones)");
            } else {
                let zone = ctx
                    .rotation()
                    .map(|c| ctx.zone(&c.rotation))
                    .unwrap_or(chrono_tz::UTC);
                let mut table = ctx.style.table(&[
                    "ID", "Role", "Person", "From", "Until", "State", "Reason", "By",
                ]);
                for o in &overrides {
                    table.add_row(vec![
                        Cell::new(o.id),
                        Cell::new(if o.is_time_off() { "(off)" } else { &o.role }),
                        Cell::new(&o.person),
                        Cell::new(human(o.from, zone)),
                        Cell::new(human(o.to, zone)),
                        Cell::new(state(o, now)),
                        Cell::new(o.reason.as_deref().unwrap_or("")),
                        Cell::new(&o.created_by),
                    ]);
                }
                out.table(&table)?;
            }
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}

fn remove(ctx: &Context, id: i64, by: Option<&str>) -> Result<u8> {
    let mut desk = ctx.desk()?;
    let Some(existing) = desk.store.override_by_id(id)? else {
        anyhow::bail!("no override {id}; `mindops oncall override list --all` shows them all");
    };
    if let (Some(at), Some(who)) = (existing.removed_at, &existing.removed_by) {
        note(format!(
            "override {id} was already removed by {who} at {}",
            rfc3339(at)
        ));
        return Ok(exit::SUCCESS);
    }
    desk.remove_override(id, &ctx.actor(by))?;
    note(if existing.is_time_off() {
        format!(
            "removed time off {id} ({}); it stays in `override list --all`",
            existing.person
        )
    } else {
        format!(
            "removed override {id} ({} as {}); it stays in `override list --all`",
            existing.person, existing.role
        )
    });
    for line in desk.send(None)?.iter().flat_map(undelivered) {
        note(line);
    }
    Ok(exit::SUCCESS)
}
