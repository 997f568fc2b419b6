//! Who holds which role when: the rotation rule of the seed, overrides on top of it, and the
//! checks on the result. Pure functions over plain data; every instant is passed in.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use crate::util::time::later;
use crate::util::time::local_to_utc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub area: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub chat: Option<String>,
    /// Where they sleep, when not in the rotation's zone: their night is counted in it.
    pub zone: Option<Tz>,
}

#[derive(Debug, Clone)]
pub struct Rotation {
    pub zone: Tz,
    /// The local date of the first handoff.
    pub start: NaiveDate,
    /// Wall-clock time of every handoff in `zone`.
    pub handoff_time: NaiveTime,
    pub shift_days: u32,
    /// In escalation order.
    pub roles: Vec<String>,
    /// Never fewer than roles (config validation sees to it), so nobody holds two at once.
    /// The team from the start; `later` holds the teams that follow it.
    pub members: Vec<Member>,
    /// Later versions of the team, each in force from its instant on, in order: who was on
    /// call before a change stays as it was.
    pub later: Vec<Era>,
    /// Time off written in rotation.yaml, as [`Override::is_time_off`] entries; the stored ones
    /// come with the overrides.
    pub time_off: Vec<Override>,
    /// How a role whose holder is off is filled.
    pub cover: Cover,
}

/// A version of the team, in force from `from` (a local midnight) until the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Era {
    pub from: DateTime<Utc>,
    pub members: Vec<Member>,
}

/// How a role whose holder is off is filled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Cover {
    /// The seed's order: each holder below the vacated role moves up one, and the lowest role
    /// stays empty.
    #[default]
    MoveUp,
    /// This person takes the vacated role, if not off and holding no other role then.
    Person(String),
}

/// One shift: `number` counts from 1 at the rotation start, so the seed's "Week 2" is 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    pub number: u64,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// A temporary change over `[from, to)`: `role` given to `person`, or, for time off (an empty
/// `role`), `person` holding no role at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub id: i64,
    pub role: String,
    pub person: String,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub reason: Option<String>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub removed_at: Option<DateTime<Utc>>,
    pub removed_by: Option<String>,
}

/// Time off for `person` over whole local days `from` to `to` (included) in `zone`.
pub fn time_off(
    id: i64,
    person: &str,
    from: NaiveDate,
    to: NaiveDate,
    zone: Tz,
    reason: Option<String>,
    by: &str,
) -> Override {
    let midnight = |d: NaiveDate| local_to_utc(zone, d.and_time(NaiveTime::MIN));
    Override {
        id,
        role: String::new(),
        person: person.to_string(),
        from: midnight(from),
        to: midnight(to.succ_opt().unwrap_or(NaiveDate::MAX)),
        reason,
        created_by: by.to_string(),
        created_at: DateTime::<Utc>::UNIX_EPOCH,
        removed_at: None,
        removed_by: None,
    }
}

impl Override {
    /// Time off: the person holds no role over `[from, to)`.
    pub fn is_time_off(&self) -> bool {
        self.role.is_empty()
    }
}

/// Who holds `role` over `[from, to)`, and whether an override put them there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub role: usize,
    pub person: String,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub shift: u64,
    pub override_id: Option<i64>,
    /// Why the holder is not the one scheduled because someone is off: `Felix is off
    /// (conference)`, `moved up`.
    pub cover: Option<String>,
}

/// Asked for a time before the first handoff.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("the rotation starts at {}; nobody is on call before it", crate::util::time::rfc3339(*.start))]
pub struct BeforeStart {
    pub start: DateTime<Utc>,
}

impl Rotation {
    /// The instant of handoff `index` (0 is the rotation start). Handoffs keep their wall-clock
    /// time in the zone, so a shift spanning a DST change is an hour longer or shorter.
    pub fn handoff(&self, index: u64) -> DateTime<Utc> {
        let days = index.saturating_mul(u64::from(self.shift_days));
        let date = self
            .start
            .checked_add_days(chrono::Days::new(days))
            .unwrap_or(NaiveDate::MAX);
        local_to_utc(self.zone, date.and_time(self.handoff_time))
    }

    pub fn shift(&self, number: u64) -> Shift {
        let number = number.max(1);
        Shift {
            number,
            start: self.handoff(number - 1),
            end: self.handoff(number),
        }
    }

    /// The shift in force at `t`.
    pub fn shift_at(&self, t: DateTime<Utc>) -> Result<Shift, BeforeStart> {
        let first = self.handoff(0);
        if t < first {
            return Err(BeforeStart { start: first });
        }
        // Whole local days since the start give the shift within one step either way; the exact
        // handoff instants settle it.
        let days = (crate::util::time::local_date(self.zone, t) - self.start).num_days();
        let mut number = (days.max(0) as u64) / u64::from(self.shift_days) + 1;
        // A step or two settles it; the bound keeps an instant at the edge of the calendar,
        // where handoffs stop growing, from looping.
        for _ in 0..4 {
            if number > 1 && t < self.handoff(number - 1) {
                number -= 1;
            } else if t >= self.handoff(number) {
                number += 1;
            } else {
                break;
            }
        }
        Ok(self.shift(number))
    }

    /// Where the handover notes a shift shows begin: the start of the shift before it. A note
    /// written late in a shift is for the person taking over, so it stays in view through the
    /// next shift, and drops out at the handoff after that.
    pub fn handover_since(&self, shift: &Shift) -> DateTime<Utc> {
        self.handoff(shift.number.saturating_sub(2))
    }

    /// The shift covering a calendar day: the one in force at local noon, which is the shift
    /// holding the larger part of the day when a handoff falls inside it.
    pub fn shift_on(&self, date: NaiveDate) -> Result<Shift, BeforeStart> {
        let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN);
        let t = local_to_utc(self.zone, date.and_time(noon)).max(self.handoff(0));
        if date < self.start {
            return Err(BeforeStart {
                start: self.handoff(0),
            });
        }
        self.shift_at(t)
    }

    /// The team in force at `t`: the latest version begun by then.
    pub fn members_at(&self, t: DateTime<Utc>) -> &[Member] {
        self.later
            .iter()
            .rev()
            .find(|era| era.from <= t)
            .map_or(&self.members, |era| &era.members)
    }

    /// The seed's rule: in shift w (0-based) role r is held by member (w + r) mod n, of the
    /// team in force at `t`. Shifts count from the rotation's start whatever the team, so a
    /// new version carries the rotation on rather than restarting it.
    pub fn scheduled(&self, shift_number: u64, role: usize, t: DateTime<Utc>) -> &Member {
        let members = self.members_at(t);
        let n = members.len().max(1) as u64;
        let w = shift_number.saturating_sub(1);
        let index = (w % n + role as u64 % n) % n;
        &members[(index as usize).min(members.len().saturating_sub(1))]
    }

    /// Shifts that overlap `[from, to)`.
    pub fn shifts_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Shift> {
        let mut shift = match self.shift_at(from) {
            Ok(s) => s,
            Err(_) => self.shift(1),
        };
        let mut out = Vec::new();
        while shift.start < to {
            out.push(shift);
            shift = self.shift(shift.number + 1);
        }
        out
    }

    pub fn role_index(&self, name: &str) -> Option<usize> {
        self.roles.iter().position(|r| r.eq_ignore_ascii_case(name))
    }

    /// A member by name, of any version of the team, the newest first (where their contact
    /// details are kept up to date).
    pub fn member(&self, name: &str) -> Option<&Member> {
        self.later
            .iter()
            .rev()
            .map(|era| &era.members)
            .chain(std::iter::once(&self.members))
            .flat_map(|members| members.iter())
            .find(|m| m.name.eq_ignore_ascii_case(name))
    }
}

/// The override for `role` in force at `t`; where overrides overlap the latest made wins.
fn override_at<'a>(
    overrides: &'a [Override],
    role: &str,
    t: DateTime<Utc>,
) -> Option<&'a Override> {
    overrides
        .iter()
        .filter(|o| o.removed_at.is_none() && o.role.eq_ignore_ascii_case(role))
        .filter(|o| o.from <= t && t < o.to)
        .max_by_key(|o| (o.created_at, o.id))
}

/// Who holds `role` over `[from, to)`, split wherever a shift, an override or time off begins
/// or ends. Where someone is off, the rotation's [`Cover`] fills their role; a stretch that
/// nobody can hold has no segment: a gap.
pub fn segments(
    rotation: &Rotation,
    overrides: &[Override],
    role: usize,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Segment> {
    let from = from.max(rotation.handoff(0));
    if from >= to {
        return Vec::new();
    }
    let off: Vec<&Override> = rotation
        .time_off
        .iter()
        .chain(overrides)
        .filter(|o| o.is_time_off() && o.removed_at.is_none() && o.from < to && o.to > from)
        .collect();
    let role_name = &rotation.roles[role];
    let shifts = rotation.shifts_between(from, to);
    let mut cuts: Vec<DateTime<Utc>> = vec![from, to];
    cuts.extend(shifts.iter().map(|s| s.start));
    cuts.extend(rotation.later.iter().map(|era| era.from));
    // With someone off, who holds this role depends on every role's holder.
    for o in overrides.iter().chain(off.iter().copied()).filter(|o| {
        o.removed_at.is_none() && (!off.is_empty() || o.role.eq_ignore_ascii_case(role_name))
    }) {
        cuts.push(o.from);
        cuts.push(o.to);
    }
    cuts.retain(|t| *t >= from && *t <= to);
    cuts.sort();
    cuts.dedup();

    let mut out: Vec<Segment> = Vec::new();
    let mut shift_index = 0;
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        while shift_index + 1 < shifts.len() && shifts[shift_index].end <= start {
            shift_index += 1;
        }
        let shift = shifts[shift_index];
        let Some((person, override_id, cover)) =
            holder(rotation, overrides, &off, shift, role, start)
        else {
            continue;
        };
        match out.last_mut() {
            Some(last)
                if last.to == start
                    && last.person == person
                    && last.override_id == override_id
                    && last.shift == shift.number
                    && last.cover == cover =>
            {
                last.to = end;
            }
            _ => out.push(Segment {
                role,
                person,
                from: start,
                to: end,
                shift: shift.number,
                override_id,
                cover,
            }),
        }
    }
    out
}

/// Who holds `role` at `t` in `shift` (person, override, why covered), or None for a gap.
fn holder(
    rotation: &Rotation,
    overrides: &[Override],
    off: &[&Override],
    shift: Shift,
    role: usize,
    t: DateTime<Utc>,
) -> Option<(String, Option<i64>, Option<String>)> {
    let base = |r: usize| match override_at(overrides, &rotation.roles[r], t) {
        Some(o) => (o.person.clone(), Some(o.id)),
        None => (rotation.scheduled(shift.number, r, t).name.clone(), None),
    };
    if off.is_empty() {
        let (person, id) = base(role);
        return Some((person, id, None));
    }
    let away = |person: &str| {
        off.iter()
            .filter(|o| o.person.eq_ignore_ascii_case(person) && o.from <= t && t < o.to)
            .max_by_key(|o| (o.created_at, o.id))
            .copied()
    };
    let why = |person: &str, o: &Override| match o.reason.as_deref() {
        Some(reason) => format!("{person} is off ({reason})"),
        None => format!("{person} is off"),
    };
    let holders: Vec<(String, Option<i64>)> = (0..rotation.roles.len()).map(base).collect();
    let (scheduled, id) = &holders[role];
    match &rotation.cover {
        Cover::MoveUp => {
            // Those not off keep their order; each takes the highest role still open.
            let present: Vec<&(String, Option<i64>)> =
                holders.iter().filter(|(p, _)| away(p).is_none()).collect();
            let (person, id) = present.get(role)?;
            let cover = match away(scheduled) {
                Some(o) => Some(why(scheduled, o)),
                None if person != scheduled => Some("moved up".to_string()),
                None => None,
            };
            Some((person.clone(), *id, cover))
        }
        Cover::Person(cover) => {
            let Some(o) = away(scheduled) else {
                return Some((scheduled.clone(), *id, None));
            };
            let busy = holders.iter().any(|(p, _)| p.eq_ignore_ascii_case(cover));
            if away(cover).is_some() || busy {
                return None;
            }
            let member = rotation
                .member(cover)
                .map_or_else(|| cover.clone(), |m| m.name.clone());
            Some((member, None, Some(why(scheduled, o))))
        }
    }
}

/// Who holds each role at `t`, in role order.
pub fn holders_at(rotation: &Rotation, overrides: &[Override], t: DateTime<Utc>) -> Vec<Segment> {
    (0..rotation.roles.len())
        .filter_map(|role| {
            segments(rotation, overrides, role, t, later(t, Duration::seconds(1)))
                .into_iter()
                .next()
        })
        .collect()
}

/// A person taking up a role: at a handoff, or where an override begins or ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Takeover {
    pub at: DateTime<Utc>,
    pub role: usize,
    pub person: String,
    /// Who held the role until then; none at the rotation's first handoff.
    pub previous: Option<String>,
    /// Taken up at a handoff, as the seed's schedule has it, not by an override.
    pub scheduled: bool,
}

/// Every time within `(after, until]` someone takes up a role they did not hold just before,
/// in time order: whom the shift reminders go to.
pub fn takeovers(
    rotation: &Rotation,
    overrides: &[Override],
    after: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Vec<Takeover> {
    let mut out = Vec::new();
    for role in 0..rotation.roles.len() {
        let segs = segments(
            rotation,
            overrides,
            role,
            after,
            later(until, Duration::seconds(1)),
        );
        let mut previous: Option<&Segment> = None;
        for seg in &segs {
            let same = previous.is_some_and(|p| p.person.eq_ignore_ascii_case(&seg.person));
            if seg.from > after && !same {
                out.push(Takeover {
                    at: seg.from,
                    role,
                    person: seg.person.clone(),
                    previous: previous.map(|p| p.person.clone()),
                    scheduled: seg.override_id.is_none()
                        && seg.from == rotation.shift(seg.shift).start,
                });
            }
            previous = Some(seg);
        }
    }
    out.sort_by_key(|t| (t.at, t.role));
    out
}

/// A stretch of `[from, to)` in which a change to the overrides gives a role to someone else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handoff {
    pub role: usize,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Who held the role over the stretch before the change, and who holds it after; None
    /// for nobody (a gap).
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Where the holders of `role` over `[from, to)` under the overrides `before` differ from
/// those under `after`: the people a change to the overrides must tell.
pub fn handoffs(
    rotation: &Rotation,
    before: &[Override],
    after: &[Override],
    role: usize,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Handoff> {
    let was = segments(rotation, before, role, from, to);
    let is = segments(rotation, after, role, from, to);
    let mut cuts: Vec<DateTime<Utc>> = was.iter().chain(&is).flat_map(|s| [s.from, s.to]).collect();
    cuts.sort();
    cuts.dedup();
    let holder = |segs: &[Segment], t: DateTime<Utc>| {
        segs.iter()
            .find(|s| s.from <= t && t < s.to)
            .map(|s| s.person.clone())
    };
    let mut out: Vec<Handoff> = Vec::new();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let (before, after) = (holder(&was, start), holder(&is, start));
        let same = match (&before, &after) {
            (Some(b), Some(a)) => b.eq_ignore_ascii_case(a),
            (b, a) => b == a,
        };
        if same {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.to == start && last.before == before && last.after == after => {
                last.to = end;
            }
            _ => out.push(Handoff {
                role,
                from: start,
                to: end,
                before,
                after,
            }),
        }
    }
    out
}

/// A stretch in which a role (by name) is held by someone else under another config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub role: String,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Who holds it under the first config and under the second; None for nobody.
    pub now: Option<String>,
    pub then: Option<String>,
}

/// Where two configs (the one in force and a proposed one, with the same stored overrides)
/// give a role to different people over `[from, to)`, role by role in the first config's
/// order and then the second's new roles; adjacent stretches with the same change merged.
pub fn differences(
    now: &Rotation,
    then: &Rotation,
    overrides: &[Override],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Difference> {
    let mut names: Vec<&String> = now.roles.iter().collect();
    names.extend(then.roles.iter().filter(|r| now.role_index(r).is_none()));
    let held = |rotation: &Rotation, name: &str| -> Vec<Segment> {
        rotation
            .role_index(name)
            .map(|role| segments(rotation, overrides, role, from, to))
            .unwrap_or_default()
    };
    let mut out: Vec<Difference> = Vec::new();
    for name in names {
        let (a, b) = (held(now, name), held(then, name));
        let mut cuts: Vec<DateTime<Utc>> = vec![from, to];
        cuts.extend(a.iter().chain(&b).flat_map(|s| [s.from, s.to]));
        cuts.retain(|t| *t >= from && *t <= to);
        cuts.sort();
        cuts.dedup();
        let at = |segs: &[Segment], t: DateTime<Utc>| {
            segs.iter()
                .find(|s| s.from <= t && t < s.to)
                .map(|s| s.person.clone())
        };
        for pair in cuts.windows(2) {
            let (start, end) = (pair[0], pair[1]);
            let (x, y) = (at(&a, start), at(&b, start));
            let same = match (&x, &y) {
                (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
                (x, y) => x == y,
            };
            if same {
                continue;
            }
            match out.last_mut() {
                Some(last)
                    if last.role == *name
                        && last.to == start
                        && last.now == x
                        && last.then == y =>
                {
                    last.to = end;
                }
                _ => out.push(Difference {
                    role: name.clone(),
                    from: start,
                    to: end,
                    now: x,
                    then: y,
                }),
            }
        }
    }
    out.sort_by(|x, y| (x.from, &x.role).cmp(&(y.from, &y.role)));
    out
}

/// A stretch in which nobody holds a role: its holder is off and nobody can cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub role: usize,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

/// Every stretch of `[from, to)` (from the rotation's start) in which a role has no holder.
pub fn gaps(
    rotation: &Rotation,
    overrides: &[Override],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Gap> {
    let from = from.max(rotation.handoff(0));
    let mut out = Vec::new();
    for role in 0..rotation.roles.len() {
        let mut at = from;
        for seg in segments(rotation, overrides, role, from, to)
            .into_iter()
            .chain(std::iter::once(Segment {
                role,
                person: String::new(),
                from: to,
                to,
                shift: 0,
                override_id: None,
                cover: None,
            }))
        {
            if seg.from > at {
                out.push(Gap {
                    role,
                    from: at,
                    to: seg.from,
                });
            }
            at = at.max(seg.to);
        }
    }
    out.sort_by_key(|g| (g.from, g.role));
    out
}

/// One person holding two roles over `[from, to)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoubleRole {
    pub person: String,
    pub roles: Vec<String>,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

/// Every stretch of `[from, to)` in which someone holds more than one role.
pub fn double_roles(
    rotation: &Rotation,
    overrides: &[Override],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<DoubleRole> {
    let per_role: Vec<Vec<Segment>> = (0..rotation.roles.len())
        .map(|role| segments(rotation, overrides, role, from, to))
        .collect();
    let mut cuts: Vec<DateTime<Utc>> = per_role
        .iter()
        .flatten()
        .flat_map(|s| [s.from, s.to])
        .collect();
    cuts.sort();
    cuts.dedup();

    let mut out: Vec<DoubleRole> = Vec::new();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let holding: Vec<&Segment> = per_role
            .iter()
            .filter_map(|segs| segs.iter().find(|s| s.from <= start && start < s.to))
            .collect();
        for (i, seg) in holding.iter().enumerate() {
            if holding[..i]
                .iter()
                .any(|s| s.person.eq_ignore_ascii_case(&seg.person))
            {
                continue; // reported with the first role this person holds
            }
            let roles: Vec<String> = holding[i..]
                .iter()
                .filter(|s| s.person.eq_ignore_ascii_case(&seg.person))
                .map(|s| rotation.roles[s.role].clone())
                .collect();
            if roles.len() < 2 {
                continue;
            }
            match out
                .iter_mut()
                .find(|d| d.to == start && d.person == seg.person && d.roles == roles)
            {
                Some(open) => open.to = end,
                None => out.push(DoubleRole {
                    person: seg.person.clone(),
                    roles,
                    from: start,
                    to: end,
                }),
            }
        }
    }
    out
}

/// Hours and shifts each person holds each role for over a window.
#[derive(Debug, Clone, PartialEq)]
pub struct Load {
    pub person: String,
    /// Per role, in role order: shifts in which the person held the role at some point.
    pub shifts: Vec<u32>,
    pub hours: f64,
}

pub fn load(
    rotation: &Rotation,
    overrides: &[Override],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Load> {
    let mut people: Vec<Load> = rotation
        .members
        .iter()
        .map(|m| Load {
            person: m.name.clone(),
            shifts: vec![0; rotation.roles.len()],
            hours: 0.0,
        })
        .collect();
    for role in 0..rotation.roles.len() {
        let mut counted: Vec<(String, u64)> = Vec::new();
        for seg in segments(rotation, overrides, role, from, to) {
            let index = match people
                .iter()
                .position(|p| p.person.eq_ignore_ascii_case(&seg.person))
            {
                Some(i) => i,
                None => {
                    people.push(Load {
                        person: seg.person.clone(),
                        shifts: vec![0; rotation.roles.len()],
                        hours: 0.0,
                    });
                    people.len() - 1
                }
            };
            people[index].hours += (seg.to - seg.from).num_seconds() as f64 / 3600.0;
            let key = (people[index].person.clone(), seg.shift);
            if !counted.contains(&key) {
                counted.push(key);
                people[index].shifts[role] += 1;
            }
        }
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::time::utc;

    fn member(name: &str) -> Member {
        Member {
            name: name.into(),
            area: None,
            email: None,
            phone: None,
            chat: None,
            zone: None,
        }
    }

    fn seed() -> Rotation {
        Rotation {
            zone: chrono_tz::UTC,
            start: NaiveDate::from_ymd_opt(2024, 7, 29).unwrap(),
            handoff_time: NaiveTime::MIN,
            shift_days: 7,
            roles: ["Primary", "Secondary", "On-Call", "Backup"]
                .map(String::from)
                .to_vec(),
            members: ["Milo", "Felix", "Iris", "Tilda"].map(member).to_vec(),
            later: Vec::new(),
            time_off: Vec::new(),
            cover: Cover::MoveUp,
        }
    }

    fn names(rotation: &Rotation, overrides: &[Override], t: &str) -> Vec<String> {
        holders_at(rotation, overrides, utc(t))
            .into_iter()
            .map(|s| s.person)
            .collect()
    }

    #[test]
    fn the_seed_weeks() {
        let r = seed();
        assert_eq!(
            names(&r, &[], "2024-07-29T00:00:00Z"),
            ["Milo", "Felix", "Iris", "Tilda"]
        );
        assert_eq!(
            names(&r, &[], "2024-08-11T23:59:59Z"),
            ["Felix", "Iris", "Tilda", "Milo"]
        );
        assert_eq!(
            names(&r, &[], "2024-08-12T00:00:00Z"),
            ["Iris", "Tilda", "Milo", "Felix"]
        );
        assert_eq!(
            names(&r, &[], "2024-08-25T12:00:00Z"),
            ["Tilda", "Milo", "Felix", "Iris"]
        );
        assert_eq!(
            names(&r, &[], "2024-08-26T00:00:00Z"),
            ["Milo", "Felix", "Iris", "Tilda"]
        );
    }

    #[test]
    fn nobody_before_the_start() {
        assert!(seed().shift_at(utc("2024-07-28T23:59:59Z")).is_err());
        assert!(seed()
            .shift_on(NaiveDate::from_ymd_opt(2024, 7, 28).unwrap())
            .is_err());
    }

    #[test]
    fn a_later_override_wins_where_two_overlap() {
        let r = seed();
        let at = |id: i64, person: &str, from: &str, to: &str| Override {
            id,
            role: "Primary".into(),
            person: person.into(),
            from: utc(from),
            to: utc(to),
            reason: None,
            created_by: "t".into(),
            created_at: utc("2024-08-01T00:00:00Z") + Duration::seconds(id),
            removed_at: None,
            removed_by: None,
        };
        let overrides = [
            at(1, "Iris", "2024-08-06T00:00:00Z", "2024-08-09T00:00:00Z"),
            at(2, "Tilda", "2024-08-07T00:00:00Z", "2024-08-08T00:00:00Z"),
        ];
        let segs = segments(
            &r,
            &overrides,
            0,
            utc("2024-08-05T00:00:00Z"),
            utc("2024-08-12T00:00:00Z"),
        );
        let people: Vec<(&str, Option<i64>)> = segs
            .iter()
            .map(|s| (s.person.as_str(), s.override_id))
            .collect();
        assert_eq!(
            people,
            [
                ("Felix", None),
                ("Iris", Some(1)),
                ("Tilda", Some(2)),
                ("Iris", Some(1)),
                ("Felix", None)
            ]
        );
        let doubles = double_roles(
            &r,
            &overrides,
            utc("2024-08-05T00:00:00Z"),
            utc("2024-08-12T00:00:00Z"),
        );
        assert_eq!(doubles.len(), 3, "{doubles:?}");
        assert_eq!(doubles[1].person, "Tilda");
        assert_eq!(doubles[0].person, "Iris");
        assert_eq!(doubles[0].roles, ["Primary", "Secondary"]);
    }

    #[test]
    fn handoffs_name_who_gains_and_who_is_relieved() {
        let r = seed();
        // Primary across the handoff of 5 Aug: Felix's shift, then Iris's.
        let milo = Override {
            id: 7,
            role: "Primary".into(),
            person: "Milo".into(),
            from: utc("2024-08-11T12:00:00Z"),
            to: utc("2024-08-12T12:00:00Z"),
            reason: None,
            created_by: "t".into(),
            created_at: utc("2024-08-01T00:00:00Z"),
            removed_at: None,
            removed_by: None,
        };
        let (from, to) = (milo.from, milo.to);
        let added = handoffs(&r, &[], std::slice::from_ref(&milo), 0, from, to);
        let who: Vec<(&str, &str, DateTime<Utc>)> = added
            .iter()
            .map(|h| {
                (
                    h.before.as_deref().unwrap_or(""),
                    h.after.as_deref().unwrap_or(""),
                    h.from,
                )
            })
            .collect();
        assert_eq!(
            who,
            [
                ("Felix", "Milo", utc("2024-08-11T12:00:00Z")),
                ("Iris", "Milo", utc("2024-08-12T00:00:00Z"))
            ]
        );
        // Removing it is the same change the other way round.
        let removed = handoffs(&r, std::slice::from_ref(&milo), &[], 0, from, to);
        assert_eq!(removed.len(), 2);
        assert_eq!(
            (removed[0].before.as_deref(), removed[0].after.as_deref()),
            (Some("Milo"), Some("Felix"))
        );
        // An override to the person already scheduled changes nothing.
        let same = Override {
            person: "felix".into(),
            to: utc("2024-08-11T18:00:00Z"),
            ..milo.clone()
        };
        assert!(handoffs(&r, &[], &[same], 0, from, utc("2024-08-11T18:00:00Z")).is_empty());
    }

    #[test]
    fn takeovers_are_handoffs_and_override_edges() {
        let r = seed();
        let milo = Override {
            id: 7,
            role: "Primary".into(),
            person: "Milo".into(),
            from: utc("2024-08-07T14:00:00Z"),
            to: utc("2024-08-08T14:00:00Z"),
            reason: None,
            created_by: "t".into(),
            created_at: utc("2024-08-01T00:00:00Z"),
            removed_at: None,
            removed_by: None,
        };
        let all = takeovers(
            &r,
            std::slice::from_ref(&milo),
            utc("2024-08-07T00:00:00Z"),
            utc("2024-08-12T00:00:00Z"),
        );
        let brief: Vec<(String, &str, Option<&str>, bool)> = all
            .iter()
            .map(|t| {
                (
                    t.at.format("%d %H:%M").to_string(),
                    t.person.as_str(),
                    t.previous.as_deref(),
                    t.scheduled,
                )
            })
            .collect();
        assert_eq!(
            brief,
            [
                ("07 14:00".into(), "Milo", Some("Felix"), false),
                ("08 14:00".into(), "Felix", Some("Milo"), false),
                ("12 00:00".into(), "Iris", Some("Felix"), true),
                ("12 00:00".into(), "Tilda", Some("Iris"), true),
                ("12 00:00".into(), "Milo", Some("Tilda"), true),
                ("12 00:00".into(), "Felix", Some("Milo"), true),
            ]
        );
    }

    #[test]
    fn time_off_moves_the_chain_up_or_calls_the_cover() {
        let mut r = seed();
        let day = |d: u32| NaiveDate::from_ymd_opt(2024, 8, d).unwrap();
        // Week 3 (12 August): Iris, Tilda, Milo, Felix. Tilda is off Tuesday to Thursday.
        r.time_off = vec![time_off(
            -1,
            "Tilda",
            day(13),
            day(15),
            chrono_tz::UTC,
            Some("conference".into()),
            "t",
        )];
        let who = |r: &Rotation, t: &str| -> Vec<(String, Option<String>)> {
            holders_at(r, &[], utc(t))
                .into_iter()
                .map(|s| (format!("{} {}", r.roles[s.role], s.person), s.cover))
                .collect()
        };
        assert_eq!(who(&r, "2024-08-12T12:00:00Z").len(), 4);
        assert_eq!(
            who(&r, "2024-08-14T12:00:00Z"),
            [
                ("Primary Iris".into(), None),
                (
                    "Secondary Milo".into(),
                    Some("Tilda is off (conference)".into())
                ),
                ("On-Call Felix".into(), Some("moved up".into())),
            ],
            "Backup stays empty: a gap"
        );
        // The last day is included; the day after, all is as scheduled.
        assert_eq!(who(&r, "2024-08-15T23:59:00Z").len(), 3);
        assert_eq!(who(&r, "2024-08-16T00:00:00Z").len(), 4);
        assert_eq!(
            gaps(
                &r,
                &[],
                utc("2024-08-12T00:00:00Z"),
                utc("2024-08-19T00:00:00Z")
            ),
            [Gap {
                role: 3,
                from: utc("2024-08-13T00:00:00Z"),
                to: utc("2024-08-16T00:00:00Z")
            }]
        );
        // A named cover takes the vacated role, unless they hold one or are off too. With a
        // fifth member week 3 is Iris, Tilda, Ana, Milo, and Felix holds nothing.
        r.members.push(member("Ana"));
        r.cover = Cover::Person("Felix".into());
        assert_eq!(
            who(&r, "2024-08-14T12:00:00Z")[1],
            (
                "Secondary Felix".into(),
                Some("Tilda is off (conference)".into())
            )
        );
        let segs = segments(
            &r,
            &[],
            1,
            utc("2024-08-12T00:00:00Z"),
            utc("2024-08-19T00:00:00Z"),
        );
        let people: Vec<&str> = segs.iter().map(|s| s.person.as_str()).collect();
        assert_eq!(
            people,
            ["Tilda", "Felix", "Tilda"],
            "split where the time off begins and ends"
        );
        r.time_off.push(time_off(
            -2,
            "felix",
            day(14),
            day(14),
            chrono_tz::UTC,
            None,
            "t",
        ));
        assert_eq!(who(&r, "2024-08-14T12:00:00Z").len(), 3);
    }

    /// In every shift, for any team at least as large as its role list, every role is held and
    /// nobody holds two.
    #[test]
    fn property_every_role_held_by_distinct_people() {
        for members in 1..=9usize {
            for roles in 1..=members {
                let mut r = seed();
                r.members = (0..members).map(|i| member(&format!("m{i}"))).collect();
                r.roles = (0..roles).map(|i| format!("r{i}")).collect();
                for shift in 1..=(3 * members as u64 + 2) {
                    let mut held: Vec<&str> = (0..roles)
                        .map(|role| r.scheduled(shift, role, r.shift(shift).start).name.as_str())
                        .collect();
                    held.sort();
                    held.dedup();
                    assert_eq!(
                        held.len(),
                        roles,
                        "{members} members, {roles} roles, shift {shift}"
                    );
                }
            }
        }
    }

    #[test]
    fn dst_handoffs_keep_their_wall_clock_time() {
        let mut r = seed();
        r.zone = chrono_tz::Europe::Berlin;
        r.start = NaiveDate::from_ymd_opt(2024, 3, 25).unwrap();
        r.handoff_time = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        // 2024-10-21 09:00 CEST to 2024-10-28 09:00 CET spans the end of summer time.
        let s = r.shift_at(utc("2024-10-25T12:00:00Z")).unwrap();
        assert_eq!(s.start, utc("2024-10-21T07:00:00Z"));
        assert_eq!(s.end, utc("2024-10-28T08:00:00Z"));
        assert_eq!((s.end - s.start).num_hours(), 169);
    }
}
