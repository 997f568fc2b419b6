//! Telling people that who holds a role changed: an override added or removed tells each
//! person it gives a role to or takes one from, once, on their personal channels, so nobody
//! learns of a changed shift from a page.

use chrono::{DateTime, Utc};

use super::{fan_out, Body, Planner, Recipient};
use crate::config::notify::Topic;
use crate::rules::rotation::{handoffs, Override};
use crate::store::NewMessage;
use crate::util::time::{human, local_date};

/// What happened to an override.
#[derive(Debug, Clone, Copy)]
pub enum Change<'a> {
    Added,
    Removed { by: &'a str },
}

/// The messages for `changed` being added or removed, given the other overrides that overlap
/// it. Only what is still to come counts: the part of the override before `now` is history.
pub fn override_messages(
    planner: &Planner,
    changed: &Override,
    others: &[Override],
    change: Change<'_>,
    now: DateTime<Utc>,
) -> Vec<NewMessage> {
    let rotation = &planner.rotation;
    let Some(role) = rotation.role_index(&changed.role) else {
        return Vec::new();
    };
    let from = changed.from.max(now);
    if from >= changed.to {
        return Vec::new();
    }
    let mut with = others.to_vec();
    with.push(changed.clone());
    let (before, after, cause, verb) = match change {
        Change::Added => (
            others,
            &with[..],
            format!(
                "override {} by {}{}",
                changed.id,
                changed.created_by,
                changed
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
            format!("override {} removed by {by}", changed.id),
            "removed",
        ),
    };
    let role_name = &rotation.roles[role];
    // Each person's stretches, in order, so that each hears once however many there are.
    let mut people: Vec<(String, Vec<String>)> = Vec::new();
    let mut tell = |person: &str, line: String| match people
        .iter_mut()
        .find(|(p, _)| p.eq_ignore_ascii_case(person))
    {
        Some((_, lines)) => lines.push(line),
        None => people.push((person.to_string(), vec![line])),
    };
    for h in handoffs(rotation, before, after, role, from, changed.to) {
        let span = format!(
            "from {} until {}",
            human(h.from, planner.zone),
            human(h.to, planner.zone)
        );
        tell(
            &h.after,
            format!("you hold {role_name} {span}, in place of {}", h.before),
        );
        tell(
            &h.before,
            format!("{} holds {role_name} {span}, in your place", h.after),
        );
    }
    let key = format!("mindops:rota:override:{}:{verb}", changed.id);
    let actor = match change {
        Change::Added => changed.created_by.as_str(),
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
            &[Recipient::of(member, Some(role_name))],
        ));
    }
    out
}
