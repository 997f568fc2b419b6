//! Telling people that who holds a role changed: an override, time off or swap, added or
//! removed, tells each person it gives a role to or takes one from, once, on their personal
//! channels, so nobody learns of a changed shift from a page.

use chrono::{DateTime, Utc};

use super::{fan_out, Body, Planner, Recipient};
use crate::config::notify::Topic;
use crate::rules::rotation::{handoffs, Override};
use crate::store::{NewMessage, Store};
use crate::util::time::{human, local_date};

/// What happened to an override.
#[derive(Debug, Clone, Copy)]
pub enum Change<'a> {
    Added,
    Removed {
        by: &'a str,
    },
    /// Time off written in rotation.yaml, first seen by a cron run.
    InFile,
}

/// The messages for `changed` (an override, time off, or the two halves of a swap) being
/// added or removed, given the other overrides that overlap them. Only what is still to come
/// counts: what lies before `now` is history.
pub fn override_messages(
    planner: &Planner,
    changed: &[Override],
    others: &[Override],
    change: Change<'_>,
    now: DateTime<Utc>,
) -> Vec<NewMessage> {
    let rotation = &planner.rotation;
    let Some(first) = changed.first() else {
        return Vec::new();
    };
    // Every role is compared, not only the one an override names: where someone is off, the
    // cover rule may move the holders of the others too.
    let roles: Vec<usize> = (0..rotation.roles.len()).collect();
    let from = changed
        .iter()
        .map(|o| o.from)
        .min()
        .unwrap_or(first.from)
        .max(now);
    let to = changed.iter().map(|o| o.to).max().unwrap_or(first.to);
    if from >= to || roles.is_empty() {
        return Vec::new();
    }
    let mut with = others.to_vec();
    with.extend(changed.iter().cloned());
    let what = match (changed.len(), first.is_time_off()) {
        (1, true) => "time off",
        (1, false) => "override",
        _ => "swap",
    };
    let ids = changed
        .iter()
        .map(|o| o.id.to_string())
        .collect::<Vec<_>>()
        .join(" and ");
    let (before, after, cause, verb) = match change {
        Change::Added | Change::InFile => (
            others,
            &with[..],
            format!(
                "{}{}",
                match change {
                    Change::InFile => "time off in rotation.yaml".to_string(),
                    _ => format!("{what} {ids} by {}", first.created_by),
                },
                first
                    .reason
                    .as_deref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default()
            ),
            "added",
        ),
        Change::Removed { by } => (
            &with[..],
            others,
            format!("{what} {ids} removed by {by}"),
            "removed",
        ),
    };
    // Each person's stretches, in order, so that each hears once however many there are.
    let mut people: Vec<(String, Vec<String>)> = Vec::new();
    let mut tell = |person: &str, line: String| match people
        .iter_mut()
        .find(|(p, _)| p.eq_ignore_ascii_case(person))
    {
        Some((_, lines)) => lines.push(line),
        None => people.push((person.to_string(), vec![line])),
    };
    let moved = roles
        .iter()
        .flat_map(|role| handoffs(rotation, before, after, *role, from, to));
    for h in moved {
        let role_name = &rotation.roles[h.role];
        let span = format!(
            "from {} until {}",
            human(h.from, planner.zone),
            human(h.to, planner.zone)
        );
        match (&h.before, &h.after) {
            (Some(before), Some(after)) => {
                tell(
                    after,
                    format!("you hold {role_name} {span}, in place of {before}"),
                );
                tell(
                    before,
                    format!("{after} holds {role_name} {span}, in your place"),
                );
            }
            (Some(before), None) => tell(
                before,
                format!("you do not hold {role_name} {span}, and nobody does"),
            ),
            (None, Some(after)) => tell(after, format!("you hold {role_name} {span}")),
            (None, None) => {}
        }
    }
    let key = format!(
        "mindops:rota:override:{}:{verb}",
        changed
            .iter()
            .map(|o| o.id.to_string())
            .collect::<Vec<_>>()
            .join("+")
    );
    let actor = match change {
        Change::Added | Change::InFile => first.created_by.as_str(),
        Change::Removed { by } => by,
    };
    let mut out = Vec::new();
    for (person, lines) in people {
        let Some(member) = rotation.member(&person) else {
            continue;
        };
        let body = Body {
            actor: Some(actor.to_string()),
            details: lines.clone(),
            ..Body::new(
                Topic::RotaChange,
                now,
                format!("{}: {} ({cause})", member.name, lines.join("; ")),
                Some(format!(
                    "mindops oncall --date {}",
                    local_date(planner.zone, from)
                )),
            )
        };
        out.extend(fan_out(
            &planner.notify,
            &key,
            None,
            &body,
            &[Recipient::of(member, None)],
        ));
    }
    out
}

/// Time off written in rotation.yaml tells the people it moves once, as `oncall off` does: the
/// first cron run that sees an entry still to come queues the messages, keyed by the entry's
/// content (person and days), so editing its reason tells nobody twice and moving its days
/// tells them anew. Removing an entry from the file tells nobody: nothing records that it was.
pub fn file_time_off_messages(
    planner: &Planner,
    store: &Store,
    now: DateTime<Utc>,
) -> anyhow::Result<Vec<NewMessage>> {
    let mut out = Vec::new();
    for (i, entry) in planner.rotation.time_off.iter().enumerate() {
        if entry.to <= now {
            continue;
        }
        // The schedule without this entry is the one people were told of.
        let mut without = planner.clone();
        without.rotation.time_off.remove(i);
        let changed = Override {
            id: file_entry_id(entry),
            ..entry.clone()
        };
        out.extend(override_messages(
            &without,
            std::slice::from_ref(&changed),
            &store.overrides_between(entry.from, entry.to)?,
            Change::InFile,
            now,
        ));
    }
    Ok(out)
}

/// A negative id made from the entry's person and days: the same entry, the same id, in any
/// order in the file.
fn file_entry_id(entry: &Override) -> i64 {
    let text = format!(
        "{}:{}:{}",
        entry.person.to_lowercase(),
        entry.from.timestamp(),
        entry.to.timestamp()
    );
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    -((h >> 1) as i64) - 1
}
