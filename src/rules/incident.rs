//! The incident rules of the seed: due times from the severity, who is paged, the escalation
//! chain, timeouts, SLA state. Pure functions over an incident, its events and an explicit now;
//! every change they make is returned as events for the store to append.

use std::fmt;

use anyhow::{bail, Result};
use chrono::{DateTime, Duration, DurationRound, Utc};

use crate::rules::deadline::{in_time, passed};
use crate::rules::duration;
use crate::rules::rotation::{holders_at, Override, Rotation};
use crate::rules::severity::{Page, Severity};
use crate::util::time::later;

/// The actor of what mindops does by itself (timeout escalations, breach records).
pub const SYSTEM_ACTOR: &str = "mindops";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Open,
    Acknowledged,
    Closed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Acknowledged => "acknowledged",
            Status::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "open" => Some(Status::Open),
            "acknowledged" => Some(Status::Acknowledged),
            "closed" => Some(Status::Closed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    pub id: i64,
    pub title: String,
    pub description: Option<String>,
    /// The severity's key, `P1`.
    pub severity: String,
    pub status: Status,
    pub phase: String,
    pub opened_at: DateTime<Utc>,
    pub opened_by: String,
    pub acked_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub ack_due: DateTime<Utc>,
    pub resolve_due: DateTime<Utc>,
    pub escalation_level: u32,
    pub dedup_key: Option<String>,
    pub resolution: Option<String>,
}

/// What can happen to an incident. Stored by name; reports count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Opened,
    TriggeredAgain,
    Paged,
    Acknowledged,
    Escalated,
    TimeoutEscalated,
    SeverityChanged,
    PhaseChanged,
    Step,
    Note,
    Updated,
    Closed,
    Reopened,
    AckBreached,
    ResolveBreached,
    ActionAdded,
    ActionDone,
}

impl Kind {
    pub const ALL: [Kind; 17] = [
        Kind::Opened,
        Kind::TriggeredAgain,
        Kind::Paged,
        Kind::Acknowledged,
        Kind::Escalated,
        Kind::TimeoutEscalated,
        Kind::SeverityChanged,
        Kind::PhaseChanged,
        Kind::Step,
        Kind::Note,
        Kind::Updated,
        Kind::Closed,
        Kind::Reopened,
        Kind::AckBreached,
        Kind::ResolveBreached,
        Kind::ActionAdded,
        Kind::ActionDone,
    ];

    /// The stored name. A new kind does not compile until it has one.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Opened => "opened",
            Kind::TriggeredAgain => "triggered_again",
            Kind::Paged => "paged",
            Kind::Acknowledged => "acknowledged",
            Kind::Escalated => "escalated",
            Kind::TimeoutEscalated => "timeout_escalated",
            Kind::SeverityChanged => "severity_changed",
            Kind::PhaseChanged => "phase_changed",
            Kind::Step => "step",
            Kind::Note => "note",
            Kind::Updated => "updated",
            Kind::Closed => "closed",
            Kind::Reopened => "reopened",
            Kind::AckBreached => "ack_breached",
            Kind::ResolveBreached => "resolve_breached",
            Kind::ActionAdded => "action_added",
            Kind::ActionDone => "action_done",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// One line of an incident's timeline, which is also its audit log.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub kind: Kind,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub text: Option<String>,
}

impl Event {
    pub fn new(at: DateTime<Utc>, actor: &str, kind: Kind) -> Self {
        Event {
            at,
            actor: actor.to_string(),
            kind,
            old_value: None,
            new_value: None,
            text: None,
        }
    }

    pub fn change(mut self, old: impl ToString, new: impl ToString) -> Self {
        self.old_value = Some(old.to_string());
        self.new_value = Some(new.to_string());
        self
    }

    pub fn value(mut self, new: impl ToString) -> Self {
        self.new_value = Some(new.to_string());
        self
    }

    pub fn text(mut self, text: impl Into<Option<String>>) -> Self {
        self.text = text.into();
        self
    }
}

/// One page: a person reached in a role. Stored as a `paged` event (person as the new value,
/// role as the text).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Paged {
    pub role: String,
    pub person: String,
}

pub fn paged(events: &[Event]) -> Vec<Paged> {
    events
        .iter()
        .filter(|e| e.kind == Kind::Paged)
        .map(|e| Paged {
            role: e.text.clone().unwrap_or_default(),
            person: e.new_value.clone().unwrap_or_default(),
        })
        .collect()
}

/// A follow-up action from a review.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub id: i64,
    pub incident_id: i64,
    pub text: String,
    pub owner: String,
    pub due: chrono::NaiveDate,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    pub done_at: Option<DateTime<Utc>>,
    pub done_by: Option<String>,
}

/// The rotation and its overrides: who to page at an instant.
pub struct Roster<'a> {
    pub rotation: &'a Rotation,
    pub overrides: &'a [Override],
}

impl Roster<'_> {
    /// Pages for the given roles that have not been paged yet on this incident.
    fn page(
        &self,
        roles: &[usize],
        already: &[Paged],
        at: DateTime<Utc>,
        actor: &str,
    ) -> Vec<Event> {
        let holders = holders_at(self.rotation, self.overrides, at);
        roles
            .iter()
            .filter(|r| !already.iter().any(|p| p.role == self.rotation.roles[**r]))
            .filter_map(|r| holders.iter().find(|s| s.role == *r))
            .map(|s| {
                Event::new(at, actor, Kind::Paged)
                    .value(&s.person)
                    .text(self.rotation.roles[s.role].clone())
            })
            .collect()
    }
}

/// The roles a severity pages, as indices into the rotation's chain.
pub fn roles_for(severity: &Severity, rotation: &Rotation) -> Vec<usize> {
    match &severity.page {
        Page::All => (0..rotation.roles.len()).collect(),
        Page::Roles(roles) => roles
            .iter()
            .filter_map(|r| rotation.role_index(r))
            .collect(),
    }
}

/// When an incident of `severity` starts paging, and so its limits start counting: when it
/// opened, or for a severity with hours, their next start.
pub fn paging_starts(inc: &Incident, severity: &Severity) -> DateTime<Utc> {
    crate::rules::hours::pages_from(severity.hours.as_ref(), inc.opened_at)
}

/// Due times count from when paging starts (`paging_starts`), whatever the severity has been
/// since.
pub fn due(opened_at: DateTime<Utc>, severity: &Severity) -> (DateTime<Utc>, DateTime<Utc>) {
    (
        later(opened_at, severity.response),
        later(opened_at, severity.resolution),
    )
}

/// The pages a new incident sends. A role nobody holds (its holder off, no cover) is not
/// waited out: the next role of the chain that someone holds is paged in its place.
pub fn open_pages(
    severity: &Severity,
    roster: &Roster,
    at: DateTime<Utc>,
    actor: &str,
) -> Vec<Event> {
    let holders = holders_at(roster.rotation, roster.overrides, at);
    let held = |r: usize| holders.iter().any(|h| h.role == r);
    let mut roles: Vec<usize> = Vec::new();
    for wanted in roles_for(severity, roster.rotation) {
        let pick = (wanted..roster.rotation.roles.len()).find(|r| held(*r) && !roles.contains(r));
        roles.extend(pick);
    }
    roster.page(&roles, &[], at, actor)
}

pub fn acknowledge(
    inc: &mut Incident,
    history: &[Event],
    now: DateTime<Utc>,
    actor: &str,
) -> Result<Vec<Event>> {
    refuse_closed(inc, "acknowledge")?;
    if inc.acked_at.is_some() {
        return Ok(Vec::new());
    }
    refuse_before_latest(inc, history, now, "acknowledge")?;
    inc.acked_at = Some(now);
    inc.status = Status::Acknowledged;
    let mut events = breaches(inc, history, now);
    events.push(Event::new(now, actor, Kind::Acknowledged));
    Ok(events)
}

/// Pages the next role of the chain not yet paged.
pub fn escalate(
    inc: &mut Incident,
    history: &[Event],
    roster: &Roster,
    now: DateTime<Utc>,
    actor: &str,
    reason: Option<String>,
    timeout: bool,
) -> Result<Vec<Event>> {
    refuse_closed(inc, "escalate")?;
    let already = paged(history);
    // Each escalation takes the next role of the chain not paged yet. One whose role nobody
    // held paged no one, and the next escalation goes past that role, so the chain ends after
    // at most one step per role however long nobody answers.
    // A role nobody holds now (its holder off, no cover) is skipped at once, not waited out.
    let holders = holders_at(roster.rotation, roster.overrides, now);
    let unpaged = (0..roster.rotation.roles.len())
        .filter(|r| !already.iter().any(|p| p.role == roster.rotation.roles[*r]))
        .filter(|r| holders.iter().any(|h| h.role == *r));
    let next = { unpaged }.nth(fruitless_escalations(history));
    let Some(next) = next else {
        bail!(
            "incident {} has paged every role of the chain ({}); there is no one left to escalate to",
            inc.id,
            roster.rotation.roles.join(", ")
        );
    };
    let old = inc.escalation_level;
    inc.escalation_level += 1;
    let kind = if timeout {
        Kind::TimeoutEscalated
    } else {
        Kind::Escalated
    };
    let mut events = vec![Event::new(now, actor, kind)
        .change(old, inc.escalation_level)
        .text(reason)];
    events.extend(roster.page(&[next], &already, now, actor));
    Ok(events)
}

/// Escalations that paged nobody: no page event follows the escalation in the same change.
fn fruitless_escalations(history: &[Event]) -> usize {
    history
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.kind, Kind::Escalated | Kind::TimeoutEscalated))
        .filter(|(i, e)| {
            !history
                .get(i + 1)
                .is_some_and(|next| next.kind == Kind::Paged && next.at == e.at)
        })
        .count()
}

/// Changes the severity (up through `escalate --sev`, either way through `update`): due times
/// are recomputed from the open time and roles the new severity names are paged.
pub fn set_severity(
    inc: &mut Incident,
    history: &[Event],
    severity: &Severity,
    roster: &Roster,
    now: DateTime<Utc>,
    actor: &str,
    reason: Option<String>,
) -> Result<Vec<Event>> {
    refuse_closed(inc, "change the severity of")?;
    if inc.severity == severity.key {
        bail!("incident {} is already {}", inc.id, severity.key);
    }
    let old = std::mem::replace(&mut inc.severity, severity.key.clone());
    (inc.ack_due, inc.resolve_due) = due(paging_starts(inc, severity), severity);
    let mut events = vec![Event::new(now, actor, Kind::SeverityChanged)
        .change(old, &severity.key)
        .text(reason)];
    events.extend(roster.page(
        &roles_for(severity, roster.rotation),
        &paged(history),
        now,
        actor,
    ));
    Ok(events)
}

pub fn close(
    inc: &mut Incident,
    history: &[Event],
    now: DateTime<Utc>,
    actor: &str,
    resolution: &str,
) -> Result<Vec<Event>> {
    if resolution.trim().is_empty() {
        bail!("a resolution is required: say what fixed it with --resolution TEXT");
    }
    refuse_closed(inc, "close")?;
    refuse_before_latest(inc, history, now, "close")?;
    let mut events = breaches(inc, history, now);
    inc.status = Status::Closed;
    inc.closed_at = Some(now);
    inc.resolution = Some(resolution.trim().to_string());
    events.push(Event::new(now, actor, Kind::Closed).text(inc.resolution.clone()));
    Ok(events)
}

pub fn reopen(
    inc: &mut Incident,
    now: DateTime<Utc>,
    actor: &str,
    reason: Option<String>,
) -> Result<Vec<Event>> {
    if inc.status != Status::Closed {
        bail!("incident {} is not closed", inc.id);
    }
    inc.status = if inc.acked_at.is_some() {
        Status::Acknowledged
    } else {
        Status::Open
    };
    inc.closed_at = None;
    // The resolution belonged to the closing now undone; the timeline keeps it.
    inc.resolution = None;
    Ok(vec![Event::new(now, actor, Kind::Reopened).text(reason)])
}

/// The incident as it stood at `at`, from its events at or before then: its severity (and so
/// its due times), phase, first acknowledgement and close. `None` when it was not open yet.
/// A review of a finished period is computed from this, so events dated after the period
/// (a late acknowledgement, a severity changed a month on, a reopening) never change it.
pub fn as_of(
    inc: &Incident,
    history: &[Event],
    at: DateTime<Utc>,
    severities: &[Severity],
) -> Option<Incident> {
    if inc.opened_at > at {
        return None;
    }
    let upto: Vec<&Event> = history.iter().filter(|e| e.at <= at).collect();
    // What a field was before its first change is the change's old value.
    let first_old = |kind: Kind| {
        history
            .iter()
            .find(|e| e.kind == kind)
            .and_then(|e| e.old_value.clone())
    };
    let last_new = |kind: Kind| {
        upto.iter()
            .rev()
            .find(|e| e.kind == kind)
            .and_then(|e| e.new_value.clone())
    };
    let severity = last_new(Kind::SeverityChanged)
        .or_else(|| first_old(Kind::SeverityChanged))
        .unwrap_or_else(|| inc.severity.clone());
    let phase = last_new(Kind::PhaseChanged)
        .or_else(|| first_old(Kind::PhaseChanged))
        .unwrap_or_else(|| inc.phase.clone());
    let (ack_due, resolve_due) = match severities.iter().find(|s| s.key == severity) {
        Some(s) if severity != inc.severity => due(paging_starts(inc, s), s),
        _ => (inc.ack_due, inc.resolve_due),
    };
    let acked_at = upto
        .iter()
        .find(|e| e.kind == Kind::Acknowledged)
        .map(|e| e.at);
    let last_close = upto
        .iter()
        .rev()
        .find(|e| matches!(e.kind, Kind::Closed | Kind::Reopened));
    let closed_at = last_close.filter(|e| e.kind == Kind::Closed).map(|e| e.at);
    Some(Incident {
        status: match (closed_at, acked_at) {
            (Some(_), _) => Status::Closed,
            (None, Some(_)) => Status::Acknowledged,
            (None, None) => Status::Open,
        },
        resolution: closed_at.and(last_close.and_then(|e| e.text.clone())),
        severity,
        phase,
        acked_at,
        closed_at,
        ack_due,
        resolve_due,
        ..inc.clone()
    })
}

/// How many timeout escalations an unacknowledged incident is owed at `now`: one when `ack_due`
/// passes, and one more each further response limit.
pub fn timeouts_owed(inc: &Incident, response: Duration, now: DateTime<Utc>) -> u32 {
    if inc.acked_at.is_some() || inc.status == Status::Closed || !passed(inc.ack_due, now) {
        return 0;
    }
    let step = response.num_seconds().max(1);
    ((now - inc.ack_due).num_seconds() / step + 1).min(i64::from(u32::MAX)) as u32
}

/// `incident check` for one incident: timeout escalations owed and breaches not yet recorded.
/// Running it again at the same instant returns nothing.
pub fn check(
    inc: &mut Incident,
    history: &[Event],
    severity: &Severity,
    roster: &Roster,
    now: DateTime<Utc>,
) -> Vec<Event> {
    let mut events = breaches(inc, history, now);
    let mut seen: Vec<Event> = history.to_vec();
    // An incident held for its severity's hours pages once they begin.
    let held = crate::rules::hours::pages_from(severity.hours.as_ref(), inc.opened_at);
    if held > inc.opened_at
        && passed(held, now)
        && inc.acked_at.is_none()
        && inc.status != Status::Closed
        && !history.iter().any(|e| e.kind == Kind::Paged)
    {
        let pages = open_pages(severity, roster, now, SYSTEM_ACTOR);
        seen.extend(pages.iter().cloned());
        events.extend(pages);
    }
    let done = history
        .iter()
        .filter(|e| e.kind == Kind::TimeoutEscalated)
        .count() as u32;
    for _ in done..timeouts_owed(inc, severity.response, now) {
        match escalate(
            inc,
            &seen,
            roster,
            now,
            SYSTEM_ACTOR,
            Some("not acknowledged in time".into()),
            true,
        ) {
            Ok(more) => {
                seen.extend(more.iter().cloned());
                events.extend(more);
            }
            Err(_) => break, // the chain has ended; the breach stays on record
        }
    }
    events.extend(repeat(inc, &seen, severity, roster, now));
    events
}

/// What an incident opened at `at` would go through if nobody acknowledged it, or if someone
/// did `acked_after` it opened: its pages, timeout escalations, repeats and breaches, as
/// `incident check` run at every whole minute would record them, up to and including the
/// minute after the resolution limit or the last repeat, whichever is later. Nothing is read
/// or written: the roster says who holds each role when.
pub fn simulate(
    severity: &Severity,
    roster: &Roster,
    at: DateTime<Utc>,
    acked_after: Option<Duration>,
) -> Vec<Event> {
    const WHO: &str = "simulated";
    let starts = crate::rules::hours::pages_from(severity.hours.as_ref(), at);
    let (ack_due, resolve_due) = due(starts, severity);
    let mut inc = Incident {
        id: 0,
        title: String::new(),
        description: None,
        severity: severity.key.clone(),
        status: Status::Open,
        phase: String::new(),
        opened_at: at,
        opened_by: WHO.into(),
        acked_at: None,
        closed_at: None,
        ack_due,
        resolve_due,
        escalation_level: 0,
        dedup_key: None,
        resolution: None,
    };
    let mut history = vec![Event::new(at, WHO, Kind::Opened).value(&severity.key)];
    if starts <= at {
        history.extend(open_pages(severity, roster, at, WHO));
    }
    // Every role of the chain paged in turn, then every repeat: the last page any
    // unanswered incident can owe, so the walk below always ends.
    let times = |d: Duration, n: usize| d.checked_mul(i32::try_from(n).unwrap_or(i32::MAX));
    let chain = later(
        ack_due,
        times(severity.response, roster.rotation.roles.len()).unwrap_or(Duration::MAX),
    );
    let repeats = severity.repeat.map_or(chain, |r| {
        later(
            chain,
            times(r.every, r.times as usize).unwrap_or(Duration::MAX),
        )
    });
    let until = resolve_due.max(repeats);
    let acked_at = acked_after.map(|d| later(at, d));
    // From one instant at which something may change to the next, each taken at the whole
    // minute cron would see it, rather than every minute of a limit that may last days.
    let mut t = at;
    while let Some(next) = next_change(&inc, &history, severity, acked_at, t) {
        t = minute_at_or_after(next);
        if t > later(until, Duration::minutes(1)) {
            break;
        }
        if let Some(when) = acked_at.filter(|when| *when <= t && inc.acked_at.is_none()) {
            // Someone answers between two of cron's minutes; what was owed before then the
            // minutes before recorded.
            if let Ok(events) = acknowledge(&mut inc, &history, when, "someone") {
                history.extend(events);
            }
        }
        let events = check(&mut inc, &history, severity, roster, t);
        history.extend(events);
        t = later(t, Duration::seconds(1));
    }
    history
}

/// The first instant at or after `from` at which `check` may record something new: a timeout,
/// the resolution limit, the next repeat of the chain, or the acknowledgement to come.
fn next_change(
    inc: &Incident,
    history: &[Event],
    severity: &Severity,
    acked_at: Option<DateTime<Utc>>,
    from: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    // The first of `start + k * step` (k >= 0) at or after `from`.
    let next_of = |start: DateTime<Utc>, step: Duration| {
        if start >= from {
            return Some(start);
        }
        let step = step.num_seconds().max(1);
        let k = ((from - start).num_seconds() + step - 1) / step;
        Some(later(start, Duration::seconds(k.checked_mul(step)?)))
    };
    let mut candidates = Vec::new();
    if !history.iter().any(|e| e.kind == Kind::Paged) {
        candidates.extend(Some(paging_starts(inc, severity)).filter(|s| *s >= from));
    }
    if inc.acked_at.is_none() {
        candidates.extend(next_of(inc.ack_due, severity.response));
        candidates.extend(acked_at.filter(|a| *a >= from));
        if let Some(repeat) = severity.repeat {
            let last = history
                .iter()
                .filter(|e| e.kind == Kind::Paged && repeat_of(e).is_none())
                .map(|e| e.at)
                .max();
            candidates.extend(last.and_then(|l| next_of(l, repeat.every)));
        }
    }
    candidates.extend(Some(inc.resolve_due).filter(|d| *d >= from));
    candidates.into_iter().min()
}

/// The whole minute at or after `t`: when a cron job run every minute sees it.
fn minute_at_or_after(t: DateTime<Utc>) -> DateTime<Utc> {
    let minute = Duration::minutes(1);
    match t.duration_trunc(minute) {
        Ok(floor) if floor == t => t,
        Ok(floor) => later(floor, minute),
        Err(_) => t,
    }
}

/// The mark a repeated page carries (as the event's old value): `repeat 2 of 8`.
pub const REPEAT: &str = "repeat";

/// Which repeat of the chain a page is, if it is one.
pub fn repeat_of(e: &Event) -> Option<u32> {
    let text = e.old_value.as_deref()?.strip_prefix(REPEAT)?;
    text.trim().split(' ').next()?.parse().ok()
}

/// Once every role of the chain has been paged and nobody has acknowledged, the chain is
/// paged again every `repeat.every` after its last page, at most `repeat.times` times, each
/// role to whoever holds it then. A check that comes late pages once, as the repeat then due.
fn repeat(
    inc: &Incident,
    history: &[Event],
    severity: &Severity,
    roster: &Roster,
    now: DateTime<Utc>,
) -> Vec<Event> {
    let Some(repeat) = severity.repeat else {
        return Vec::new();
    };
    if inc.acked_at.is_some() || inc.status == Status::Closed {
        return Vec::new();
    }
    let ended = escalate(
        &mut inc.clone(),
        history,
        roster,
        now,
        SYSTEM_ACTOR,
        None,
        true,
    )
    .is_err();
    let first_pages: Vec<&Event> = history
        .iter()
        .filter(|e| e.kind == Kind::Paged && repeat_of(e).is_none())
        .collect();
    let Some(last) = first_pages.iter().map(|e| e.at).max().filter(|_| ended) else {
        return Vec::new();
    };
    let done = history.iter().filter_map(repeat_of).max().unwrap_or(0);
    let step = repeat.every.num_seconds().max(1);
    let owed = ((now - last).num_seconds() / step).clamp(0, i64::from(repeat.times)) as u32;
    if owed <= done {
        return Vec::new();
    }
    let mut roles: Vec<String> = Vec::new();
    for e in &first_pages {
        let role = e.text.clone().unwrap_or_default();
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    let holders = holders_at(roster.rotation, roster.overrides, now);
    roles
        .iter()
        .filter_map(|role| {
            let index = roster.rotation.role_index(role)?;
            let holder = holders.iter().find(|h| h.role == index)?;
            Some(
                Event::new(now, SYSTEM_ACTOR, Kind::Paged)
                    .change(
                        format!("{REPEAT} {owed} of {}", repeat.times),
                        &holder.person,
                    )
                    .text(role.clone()),
            )
        })
        .collect()
}

/// Breach events not yet recorded: acknowledgement or resolution later than due.
fn breaches(inc: &Incident, history: &[Event], now: DateTime<Utc>) -> Vec<Event> {
    let recorded = |kind| history.iter().any(|e| e.kind == kind);
    let mut out = Vec::new();
    let ack_late = inc
        .acked_at
        .map_or(passed(inc.ack_due, now), |at| !in_time(at, inc.ack_due));
    if ack_late && !recorded(Kind::AckBreached) && inc.status != Status::Closed {
        out.push(
            Event::new(now, SYSTEM_ACTOR, Kind::AckBreached)
                .value(crate::util::time::rfc3339(inc.ack_due)),
        );
    }
    if passed(inc.resolve_due, now)
        && !recorded(Kind::ResolveBreached)
        && inc.status != Status::Closed
    {
        out.push(
            Event::new(now, SYSTEM_ACTOR, Kind::ResolveBreached)
                .value(crate::util::time::rfc3339(inc.resolve_due)),
        );
    }
    out
}

/// An acknowledgement or closing stamped before what the incident already records would have
/// it answered before it happened (and reports would show negative times to acknowledge).
fn refuse_before_latest(
    inc: &Incident,
    history: &[Event],
    now: DateTime<Utc>,
    what: &str,
) -> Result<()> {
    let latest = history.iter().map(|e| e.at).max().unwrap_or(inc.opened_at);
    if now < latest.max(inc.opened_at) {
        bail!(
            "cannot {what} incident {} at {}: its latest event is at {}, and time does not run \
             backwards for an incident; check the clock (MINDOPS_NOW) or the time given",
            inc.id,
            crate::util::time::rfc3339(now),
            crate::util::time::rfc3339(latest.max(inc.opened_at))
        );
    }
    Ok(())
}

fn refuse_closed(inc: &Incident, what: &str) -> Result<()> {
    if inc.status == Status::Closed {
        bail!(
            "incident {} is closed; cannot {what} it. Reopen it first with `mindops incident reopen {}`",
            inc.id,
            inc.id
        );
    }
    Ok(())
}

/// Where an incident stands against its clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sla {
    AckDue(Duration),
    AckBreached(Duration),
    ResolveDue(Duration),
    ResolveBreached(Duration),
    Resolved { took: Duration, met: bool },
}

pub fn sla(inc: &Incident, now: DateTime<Utc>) -> Sla {
    if let Some(closed) = inc.closed_at.filter(|_| inc.status == Status::Closed) {
        return Sla::Resolved {
            took: closed - inc.opened_at,
            met: in_time(closed, inc.resolve_due),
        };
    }
    if passed(inc.resolve_due, now) {
        return Sla::ResolveBreached(now - inc.resolve_due);
    }
    if inc.acked_at.is_none() {
        return if passed(inc.ack_due, now) {
            Sla::AckBreached(now - inc.ack_due)
        } else {
            Sla::AckDue(inc.ack_due - now)
        };
    }
    Sla::ResolveDue(inc.resolve_due - now)
}

impl Sla {
    pub fn breaching(self) -> bool {
        matches!(self, Sla::AckBreached(_) | Sla::ResolveBreached(_))
    }
}

/// Minutes are the finest grain that matters for an SLA; seconds only add noise.
fn minutes(d: Duration) -> String {
    duration::format(Duration::minutes(
        d.num_minutes()
            .max(if d > Duration::zero() { 1 } else { 0 }),
    ))
}

impl fmt::Display for Sla {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Sla::AckDue(d) => write!(f, "ack due in {}", minutes(d)),
            Sla::AckBreached(d) => write!(f, "ack BREACHED {} ago", minutes(d)),
            Sla::ResolveDue(d) => write!(f, "resolve due in {}", minutes(d)),
            Sla::ResolveBreached(d) => write!(f, "resolve BREACHED {} ago", minutes(d)),
            Sla::Resolved { took, met } => {
                write!(
                    f,
                    "resolved in {} ({})",
                    minutes(took),
                    if met { "met" } else { "missed" }
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_as_itself() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        let mut names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Kind::ALL.len());
    }
    use crate::util::time::utc;

    fn incident() -> Incident {
        let opened = utc("2024-08-07T10:00:00Z");
        Incident {
            id: 1,
            title: "t".into(),
            description: None,
            severity: "P1".into(),
            status: Status::Open,
            phase: "detection".into(),
            opened_at: opened,
            opened_by: "x".into(),
            acked_at: None,
            closed_at: None,
            ack_due: opened + Duration::minutes(15),
            resolve_due: opened + Duration::hours(4),
            escalation_level: 0,
            dedup_key: None,
            resolution: None,
        }
    }

    #[test]
    fn timeouts_come_once_per_response_limit() {
        let inc = incident();
        let r = Duration::minutes(15);
        assert_eq!(timeouts_owed(&inc, r, utc("2024-08-07T10:14:59Z")), 0);
        assert_eq!(timeouts_owed(&inc, r, utc("2024-08-07T10:15:00Z")), 1);
        assert_eq!(timeouts_owed(&inc, r, utc("2024-08-07T10:29:59Z")), 1);
        assert_eq!(timeouts_owed(&inc, r, utc("2024-08-07T10:30:00Z")), 2);
    }

    #[test]
    fn sla_reads_like_a_person_would_say_it() {
        let inc = incident();
        assert_eq!(
            sla(&inc, utc("2024-08-07T10:03:00Z")).to_string(),
            "ack due in 12m"
        );
        assert_eq!(
            sla(&inc, utc("2024-08-07T10:22:00Z")).to_string(),
            "ack BREACHED 7m ago"
        );
        let mut acked = incident();
        acked.acked_at = Some(utc("2024-08-07T10:05:00Z"));
        assert_eq!(
            sla(&acked, utc("2024-08-07T10:50:00Z")).to_string(),
            "resolve due in 3h10m"
        );
    }
}
