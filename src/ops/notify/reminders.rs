//! What a cron run sends besides incident news: a reminder before a shift starts, a reminder
//! while an incident stays acknowledged and unresolved, and the week's summary of the coming
//! shifts. Each has an idempotency key naming its occasion, and the outbox queues a key once,
//! so however many cron runs (or hosts) see the occasion, it is sent once.

use anyhow::Result;
use chrono::DateTime;
use chrono::{Datelike, Duration, Utc};

use super::{fan_out, Body, Planner, Recipient};
use crate::config::notify::Topic;
use crate::ops::checklist::Sheet;
use crate::rules::checklist::overdue;
use crate::rules::incident::{Kind, Status};
use crate::rules::rotation::{holders_at, takeovers};
use crate::store::{IncidentFilter, NewMessage, Store};
use crate::util::time::ago;
use crate::util::time::{earlier, human, later, local_date, local_to_utc, rfc3339};

/// How many shifts ahead the weekly summary lists.
const SUMMARY_SHIFTS: u64 = 2;

pub fn reminders(
    planner: &Planner,
    store: &Store,
    sheet: &Sheet,
    now: DateTime<Utc>,
) -> Result<Vec<NewMessage>> {
    let mut out = shift_reminders(planner, store, now)?;
    out.extend(acked_reminders(planner, store, now)?);
    out.extend(checklist_reminders(planner, store, sheet, now)?);
    out.extend(weekly_summary(planner, store, now)?);
    out.extend(super::rota::file_time_off_messages(planner, store, now)?);
    Ok(out)
}

fn shift_reminders(
    planner: &Planner,
    store: &Store,
    now: DateTime<Utc>,
) -> Result<Vec<NewMessage>> {
    let mut out = Vec::new();
    let notify = &planner.notify;
    let rotation = &planner.rotation;
    let body =
        |event: Topic, summary: String, next: Option<String>| Body::new(event, now, summary, next);
    // Whoever takes up a role within the lead time: at a handoff, and where an override begins
    // or ends, as the overrides stand now. An override made after a reminder went out reminds
    // its new holder on the next run; the key names the person, so each is reminded once.
    if let Some(lead) = notify.reminders.shift {
        let horizon = later(now, lead);
        let overrides = store.overrides_between(now, later(horizon, Duration::seconds(1)))?;
        for takeover in takeovers(rotation, &overrides, now, horizon) {
            let role = &rotation.roles[takeover.role];
            let Some(member) = rotation.member(&takeover.person) else {
                continue;
            };
            let (when, until) = (human(takeover.at, planner.zone), ago(takeover.at - now));
            let summary = match (&takeover.previous, takeover.scheduled) {
                (Some(previous), false) => format!(
                    "{}: you take over {role} from {previous} at {when} (in {until})",
                    member.name
                ),
                _ => format!(
                    "{}: your {role} shift starts {when} (in {until})",
                    member.name
                ),
            };
            let key = format!(
                "mindops:shift:{}:{role}:{}",
                rfc3339(takeover.at),
                member.name
            );
            out.extend(fan_out(
                notify,
                &key,
                None,
                &body(
                    Topic::ShiftReminder,
                    summary,
                    Some(format!(
                        "mindops oncall --date {}",
                        local_date(planner.zone, takeover.at)
                    )),
                ),
                &[Recipient::of(member, Some(role))],
            ));
        }
    }

    Ok(out)
}

/// An acknowledged incident left unresolved, brought back up every `acked` interval.
fn acked_reminders(
    planner: &Planner,
    store: &Store,
    now: DateTime<Utc>,
) -> Result<Vec<NewMessage>> {
    let mut out = Vec::new();
    let notify = &planner.notify;
    let rotation = &planner.rotation;
    let body =
        |event: Topic, summary: String, next: Option<String>| Body::new(event, now, summary, next);
    if let Some(every) = notify.reminders.acked {
        let open = store.incidents(&IncidentFilter::default())?;
        for inc in open.iter().filter(|i| i.status == Status::Acknowledged) {
            let Some(acked_at) = inc.acked_at else {
                continue;
            };
            let since = now.signed_duration_since(acked_at);
            let Some(round) = since.num_seconds().checked_div(every.num_seconds()) else {
                continue;
            };
            if round < 1 {
                continue;
            }
            let acker = store
                .incident(inc.id)?
                .and_then(|(_, events)| {
                    events
                        .iter()
                        .rev()
                        .find(|e| e.kind == Kind::Acknowledged)
                        .map(|e| e.actor.clone())
                })
                .unwrap_or_default();
            let people: Vec<Recipient> = rotation
                .member(&acker)
                .map(|m| Recipient::of(m, None))
                .into_iter()
                .collect();
            let mut message = body(
                Topic::AckedReminder,
                format!(
                    "{}: acknowledged {} ago by {acker} and not resolved. {}",
                    planner.headline(inc),
                    ago(since),
                    planner.resolve_clause(inc, now)
                ),
                Some(format!(
                    "mindops incident close {} --resolution TEXT",
                    inc.id
                )),
            );
            message.incident = Some(planner.incident_body(inc));
            let key = format!("mindops:acked:{}:{round}", inc.id);
            out.extend(fan_out(
                notify,
                &key,
                Some(&inc.severity),
                &message,
                &people,
            ));
        }
    }

    Ok(out)
}

fn checklist_reminders(
    planner: &Planner,
    store: &Store,
    sheet: &Sheet,
    now: DateTime<Utc>,
) -> Result<Vec<NewMessage>> {
    let mut out = Vec::new();
    let notify = &planner.notify;
    let rotation = &planner.rotation;
    let body =
        |event: Topic, summary: String, next: Option<String>| Body::new(event, now, summary, next);
    // Each slot with items past its deadline, once a day, to the person responsible.
    let date = local_date(planner.zone, now);
    let day = sheet.day(store, date)?;
    let entries = day.entries();
    let late = overdue(&entries, date, rotation.zone, now);
    let responsible = sheet.responsible(store, date)?;
    let member = responsible
        .as_ref()
        .and_then(|(_, person)| rotation.member(person));
    let mut slots: Vec<&str> = late.iter().map(|e| e.slot.name.as_str()).collect();
    slots.dedup();
    for slot in slots {
        let items: Vec<&str> = late
            .iter()
            .filter(|e| e.slot.name == slot)
            .map(|e| e.item.text.as_str())
            .collect();
        let due = late
            .iter()
            .find(|e| e.slot.name == slot)
            .map(|e| e.slot.due.format("%H:%M").to_string())
            .unwrap_or_default();
        let who = responsible.as_ref().map_or("nobody", |(_, p)| p.as_str());
        let message = body(
            Topic::ChecklistOverdue,
            format!(
                "{who}: the {slot} checklist is overdue (due {due}): {}",
                items.join(", ")
            ),
            Some("mindops checklist done ITEM".into()),
        );
        let key = format!("mindops:checklist:{date}:{slot}");
        let people: Vec<Recipient> = member
            .map(|m| Recipient::of(m, responsible.as_ref().map(|(role, _)| role.as_str())))
            .into_iter()
            .collect();
        out.extend(fan_out(notify, &key, None, &message, &people));
    }

    Ok(out)
}

/// The coming shifts, once a week, to the team's channels.
fn weekly_summary(planner: &Planner, store: &Store, now: DateTime<Utc>) -> Result<Vec<NewMessage>> {
    let mut out = Vec::new();
    let notify = &planner.notify;
    let rotation = &planner.rotation;
    let body =
        |event: Topic, summary: String, next: Option<String>| Body::new(event, now, summary, next);
    if let Some((day, time)) = notify.reminders.weekly {
        let today = local_date(planner.zone, now);
        let back = (7 + today.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
        let date = today - Duration::days(i64::from(back));
        let mut at = local_to_utc(planner.zone, date.and_time(time));
        if at > now {
            at = earlier(at, Duration::days(7));
        }
        // A cron run late by up to a day still sends it; a config that gains the summary
        // mid-week does not send last week's.
        if now.signed_duration_since(at) < Duration::days(1) {
            let first = match rotation.shift_at(now) {
                Ok(shift) => shift.number,
                Err(_) => 1,
            };
            let last = rotation.shift(first + SUMMARY_SHIFTS - 1);
            let overrides = store.overrides_between(rotation.shift(first).start, last.end)?;
            let mut lines = Vec::new();
            for number in first..first + SUMMARY_SHIFTS {
                let shift = rotation.shift(number);
                let who: Vec<String> = holders_at(rotation, &overrides, shift.start)
                    .iter()
                    .map(|h| format!("{} {}", rotation.roles[h.role], h.person))
                    .collect();
                lines.push(format!(
                    "from {}: {}",
                    human(shift.start, planner.zone),
                    who.join(", ")
                ));
            }
            let mut message = body(
                Topic::WeeklySummary,
                format!("On call {}", lines.join("; ")),
                Some("mindops oncall schedule".into()),
            );
            message.details = lines;
            let key = format!(
                "mindops:weekly:{}",
                at.with_timezone(&planner.zone).date_naive()
            );
            out.extend(fan_out(notify, &key, None, &message, &[]));
        }
    }
    Ok(out)
}
