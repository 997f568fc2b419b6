//! rotation.yaml: its file shape and the checks that turn it into a [`Rotation`] and a
//! [`Checklist`].

use chrono::{NaiveTime, Weekday};
use serde::Deserialize;

use super::Problems;
pub use crate::rules::checklist::{slug, Checklist, Evidence, Item, Slot};
use crate::rules::rotation::{Cover, Era, Member, Override, Rotation};
use crate::util::time::{parse_date, parse_time_of_day, parse_zone};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RotationFile {
    timezone: String,
    start: String,
    handoff: HandoffFile,
    shift: String,
    roles: Vec<String>,
    members: Vec<MemberFile>,
    #[serde(default)]
    checklist: Vec<SlotFile>,
    notify: Option<super::notify::NotifyFile>,
    serve: Option<super::serve::ServeFile>,
    #[serde(default, deserialize_with = "super::ordered_map")]
    heartbeats: Vec<(String, super::serve::HeartbeatFile)>,
    /// Later versions of the team, each from a day: who was on call before stays as it was.
    #[serde(default)]
    rotation: Vec<VersionFile>,
    #[serde(default)]
    time_off: Vec<TimeOffFile>,
    /// `move_up` (the default), or the name of the member who takes a vacated role.
    cover: Option<String>,
}

/// `{from: 2024-10-01, members: [...]}`: the team from that day (in the rotation's zone) on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VersionFile {
    from: String,
    members: Vec<MemberFile>,
}

/// `{person: Felix, from: 2024-08-12, to: 2024-08-16, reason: conference}`: whole days in the
/// rotation's zone, `to` included.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeOffFile {
    person: String,
    from: String,
    to: String,
    reason: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HandoffFile {
    day: Option<WeekdayName>,
    time: String,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum WeekdayName {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberFile {
    name: String,
    area: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    chat: Option<String>,
    /// Their IANA zone, when they live outside the rotation's.
    zone: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SlotFile {
    slot: String,
    due: String,
    items: Vec<ItemFile>,
}

/// An item is its text, or a map. Not `#[serde(untagged)]`: that would hide an error inside
/// the map (an unknown evidence rule) behind "did not match any variant".
#[derive(Debug)]
enum ItemFile {
    Text(String),
    Full(ItemSpec),
}

impl<'de> Deserialize<'de> for ItemFile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::text_or(
            d,
            "an item's text, or a map with text and optional id and evidence",
            ItemFile::Text,
            ItemFile::Full,
        )
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemSpec {
    text: String,
    id: Option<String>,
    evidence: Option<Evidence>,
}

#[derive(Debug, Clone)]
pub struct RotationConfig {
    pub rotation: Rotation,
    pub checklist: Checklist,
    /// Where messages go; `None` sends nothing.
    pub notify: Option<super::notify::Notify>,
    /// What `mindops serve` does; `None` when rotation.yaml has no `serve:` section.
    pub serve: Option<super::serve::Serve>,
    pub heartbeats: Vec<super::serve::Heartbeat>,
}

impl From<WeekdayName> for Weekday {
    fn from(day: WeekdayName) -> Self {
        match day {
            WeekdayName::Monday => Weekday::Mon,
            WeekdayName::Tuesday => Weekday::Tue,
            WeekdayName::Wednesday => Weekday::Wed,
            WeekdayName::Thursday => Weekday::Thu,
            WeekdayName::Friday => Weekday::Fri,
            WeekdayName::Saturday => Weekday::Sat,
            WeekdayName::Sunday => Weekday::Sun,
        }
    }
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

impl RotationFile {
    pub fn validate(self, problems: &mut Problems) -> Option<RotationConfig> {
        let zone = problems.check("timezone", parse_zone(&self.timezone));
        let start = problems.check("start", parse_date(&self.start));
        let handoff_time = problems.check("handoff.time", parse_time_of_day(&self.handoff.time));
        if let (Some(start), Some(day)) = (start, self.handoff.day) {
            let day = Weekday::from(day);
            if chrono::Datelike::weekday(&start) != day {
                problems.add(
                    "start",
                    format!(
                        "{start} is a {}, but handoff.day is {name}; move start to a {name} or \
                         change handoff.day",
                        start.format("%A"),
                        name = weekday_name(day),
                    ),
                );
            }
        }
        let shift_days = problems.check("shift", shift_days(&self.shift));

        check_names(problems, "roles", "", "role", &self.roles);
        let members = team(self.members, "members", self.roles.len(), problems);
        let mut later = Some(Vec::new());
        let mut previous = start;
        for (i, version) in self.rotation.into_iter().enumerate() {
            let here = format!("rotation[{i}]");
            let from = problems.check(format!("{here}.from"), parse_date(&version.from));
            if let (Some(from), Some(before)) = (from, previous) {
                if from <= before {
                    problems.add(
                        format!("{here}.from"),
                        format!(
                            "{from} is not after {before}: each version of the team starts after \
                             the start and the version before it"
                        ),
                    );
                }
            }
            previous = from.or(previous);
            let members = team(
                version.members,
                &format!("{here}.members"),
                self.roles.len(),
                problems,
            );
            match (from, zone, later.as_mut()) {
                (Some(from), Some(zone), Some(eras)) => eras.push(Era {
                    from: crate::util::time::local_to_utc(zone, from.and_time(NaiveTime::MIN)),
                    members,
                }),
                _ => later = None,
            }
        }

        let checklist = validate_checklist(self.checklist, problems);
        // Time off and cover may name anyone of any version of the team.
        let mut everyone = members.clone();
        for era in later.iter().flatten() {
            for m in &era.members {
                if !everyone
                    .iter()
                    .any(|e| e.name.eq_ignore_ascii_case(&m.name))
                {
                    everyone.push(m.clone());
                }
            }
        }
        let cover = match self.cover.as_deref().map(str::trim) {
            None | Some("move_up") => Some(Cover::MoveUp),
            Some(name) => match members
                .iter()
                .find(|m: &&Member| m.name.eq_ignore_ascii_case(name))
            {
                Some(m) => Some(Cover::Person(m.name.clone())),
                None => {
                    problems.add(
                        "cover",
                        unknown_member(name, &everyone, "move_up or a member"),
                    );
                    None
                }
            },
        };
        let time_off = validate_time_off(self.time_off, &everyone, zone, problems);
        let notify = self.notify.map(|n| n.validate(None, problems));
        let serve = self.serve.map(|s| s.validate(problems));
        let heartbeats = super::serve::validate_heartbeats(self.heartbeats, problems);
        Some(RotationConfig {
            notify,
            serve,
            heartbeats,
            rotation: Rotation {
                zone: zone?,
                start: start?,
                handoff_time: handoff_time?,
                shift_days: shift_days?,
                roles: self.roles.iter().map(|r| r.trim().to_string()).collect(),
                members,
                later: later?,
                time_off,
                cover: cover?,
            },
            checklist: checklist?,
        })
        .filter(|_| problems.is_empty())
    }
}

/// A list of members, checked (names unique, enough for the roles) and converted.
fn team(
    members: Vec<MemberFile>,
    path: &str,
    roles: usize,
    problems: &mut Problems,
) -> Vec<Member> {
    let names: Vec<String> = members.iter().map(|m| m.name.clone()).collect();
    check_names(problems, path, ".name", "member", &names);
    if !members.is_empty() && members.len() < roles {
        problems.add(
            path,
            format!(
                "{roles} roles need at least {roles} members so that nobody holds two roles at \
                 once; there are {}",
                members.len()
            ),
        );
    }
    members
        .into_iter()
        .enumerate()
        .map(|(i, m)| Member {
            name: m.name.trim().to_string(),
            area: m.area,
            email: m.email,
            phone: m.phone,
            chat: m.chat,
            zone: m
                .zone
                .and_then(|z| problems.check(format!("{path}[{i}].zone"), parse_zone(&z))),
        })
        .collect()
}

/// "unknown member" with a suggestion and the names there are.
fn unknown_member(name: &str, members: &[Member], also: &str) -> String {
    format!(
        "unknown member \"{name}\"{}; write {also}: {}",
        crate::util::suggest::hint(name, members.iter().map(|m| m.name.as_str())),
        members
            .iter()
            .map(|m| m.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Time off as whole local days, `to` included, into entries that hold from the first day's
/// midnight to the midnight after the last.
fn validate_time_off(
    entries: Vec<TimeOffFile>,
    members: &[Member],
    zone: Option<chrono_tz::Tz>,
    problems: &mut Problems,
) -> Vec<Override> {
    let mut out = Vec::new();
    for (i, entry) in entries.into_iter().enumerate() {
        let here = format!("time_off[{i}]");
        let person = members
            .iter()
            .find(|m| m.name.eq_ignore_ascii_case(entry.person.trim()));
        if person.is_none() {
            problems.add(
                format!("{here}.person"),
                unknown_member(&entry.person, members, "a member"),
            );
        }
        let from = problems.check(format!("{here}.from"), parse_date(&entry.from));
        let to = problems.check(format!("{here}.to"), parse_date(&entry.to));
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                problems.add(
                    format!("{here}.to"),
                    format!("{to} is before from ({from}); `to` is the last day off, included"),
                );
            }
        }
        let (Some(person), Some(from), Some(to), Some(zone)) = (person, from, to, zone) else {
            continue;
        };
        out.push(crate::rules::rotation::time_off(
            -(i as i64) - 1,
            &person.name,
            from,
            to,
            zone,
            entry.reason,
            "rotation.yaml",
        ));
    }
    out
}

fn shift_days(text: &str) -> Result<u32, String> {
    let d = crate::rules::duration::parse(text)?;
    let days = d.num_days();
    if days < 1 || d != chrono::Duration::days(days) || days > 366 {
        return Err(format!(
            "a shift lasts whole days or weeks (1d to 52w), not \"{text}\"; write e.g. 1w or 7d"
        ));
    }
    Ok(days as u32)
}

/// Names must be present, non-blank and unique regardless of case: people type them.
fn check_names(problems: &mut Problems, path: &str, field: &str, what: &str, names: &[String]) {
    if names.is_empty() {
        problems.add(path, format!("at least one {what} is needed"));
    }
    // A set, not a scan of the names before: a long list is checked in linear time.
    let mut seen = std::collections::HashSet::new();
    for (i, name) in names.iter().enumerate() {
        let here = format!("{path}[{i}]{field}");
        if name.trim().is_empty() {
            problems.add(&here, format!("a {what} needs a name"));
        } else if !seen.insert(name.trim().to_lowercase()) {
            problems.add(&here, format!("{what} \"{name}\" is listed twice"));
        }
    }
}

fn validate_checklist(slots: Vec<SlotFile>, problems: &mut Problems) -> Option<Checklist> {
    let mut out = Vec::new();
    let mut slot_names = std::collections::HashSet::new();
    for (s, slot) in slots.into_iter().enumerate() {
        let here = format!("checklist[{s}]");
        let name = slot.slot.trim().to_lowercase();
        if slug(&name) != name || name.is_empty() {
            problems.add(
                format!("{here}.slot"),
                format!(
                    "slot name \"{}\" must be one lowercase word, e.g. morning",
                    slot.slot
                ),
            );
        }
        if !slot_names.insert(name.clone()) {
            problems.add(
                format!("{here}.slot"),
                format!("slot \"{name}\" is listed twice"),
            );
        }
        let due = problems.check(format!("{here}.due"), parse_time_of_day(&slot.due));
        let mut items: Vec<Item> = Vec::new();
        let mut ids = std::collections::HashSet::new();
        for (i, item) in slot.items.into_iter().enumerate() {
            let (text, id, evidence) = match item {
                ItemFile::Text(text) => (text, None, None),
                ItemFile::Full(spec) => (spec.text, spec.id, spec.evidence),
            };
            let id = format!("{name}.{}", slug(id.as_deref().unwrap_or(&text)));
            if text.trim().is_empty() {
                problems.add(format!("{here}.items[{i}]"), "an item needs text");
            } else if !ids.insert(id.clone()) {
                problems.add(
                    format!("{here}.items[{i}]"),
                    format!("item id \"{id}\" is used twice in this slot; give one an `id`"),
                );
            }
            items.push(Item {
                id,
                text: text.trim().to_string(),
                evidence,
            });
        }
        out.push(Slot {
            name,
            due: due.unwrap_or(NaiveTime::MIN),
            items,
        });
    }
    Some(Checklist { slots: out })
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_lowercase_words_joined_by_dashes() {
        assert_eq!(slug("Verify backups"), "verify-backups");
        assert_eq!(slug("  Final status check! "), "final-status-check");
    }
}
