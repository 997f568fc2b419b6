//! The daily checklist: which items are done, by whom, what is overdue. Pure functions over a
//! day's list and its events; the evidence that lets mindops tick an item is gathered by the
//! handler and passed in.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::rules::deadline::passed;
use crate::util::time::local_to_utc;

/// What lets mindops tick a checklist item by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Ord, PartialOrd, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    MetricsChecked,
    BackupOk,
    NoUnackedIncidents,
    RotationOk,
    HandoverWritten,
}

impl Evidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::MetricsChecked => "metrics_checked",
            Evidence::BackupOk => "backup_ok",
            Evidence::NoUnackedIncidents => "no_unacked_incidents",
            Evidence::RotationOk => "rotation_ok",
            Evidence::HandoverWritten => "handover_written",
        }
    }
}

/// The daily list. Its serde form is the snapshot a day is kept with in the store, so renaming
/// a field here needs a migration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Checklist {
    pub slots: Vec<Slot>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slot {
    #[serde(rename = "slot")]
    pub name: String,
    #[serde(with = "hours_minutes")]
    pub due: NaiveTime,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// `slot.item`, e.g. `morning.verify-backups`: stable across edits of other items.
    pub id: String,
    pub text: String,
    pub evidence: Option<Evidence>,
}

/// `Verify backups` -> `verify-backups`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// `09:00`, as rotation.yaml writes a slot's time.
mod hours_minutes {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    const FORMAT: &str = "%H:%M";

    pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&t.format(FORMAT))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(&text, FORMAT).map_err(serde::de::Error::custom)
    }
}

/// A tick or an untick, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub item: String,
    pub done: bool,
    pub by: String,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
}

/// Who did an item and when; `evidence` when mindops ticked it from its own records.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    pub by: String,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
    pub evidence: Option<String>,
}

/// What proves an evidence rule on a day, as the handler found it in the store.
pub type Proof = Option<(DateTime<Utc>, String)>;

/// The actor shown for items ticked by evidence.
pub const BY_MINDOPS: &str = "mindops";

/// An item with its state on the day.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// 1-based, across the day.
    pub number: usize,
    pub slot: &'a Slot,
    pub item: &'a Item,
    pub done: Option<Done>,
}

/// The day's items in order, each done by its latest tick or, failing that, by evidence.
pub fn entries<'a>(
    checklist: &'a Checklist,
    ticks: &[Tick],
    proof: impl Fn(Evidence) -> Proof,
) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for slot in &checklist.slots {
        for item in &slot.items {
            let latest = ticks.iter().rev().find(|t| t.item == item.id);
            let done = match latest {
                Some(t) if t.done => Some(Done {
                    by: t.by.clone(),
                    at: t.at,
                    note: t.note.clone(),
                    evidence: None,
                }),
                // An explicit undo stands even where evidence would tick the item.
                Some(_) => None,
                None => item.evidence.and_then(&proof).map(|(at, why)| Done {
                    by: BY_MINDOPS.into(),
                    at,
                    note: None,
                    evidence: Some(why),
                }),
            };
            out.push(Entry {
                number: out.len() + 1,
                slot,
                item,
                done,
            });
        }
    }
    out
}

/// When a slot's items are due on a day.
pub fn deadline(slot: &Slot, day: NaiveDate, zone: Tz) -> DateTime<Utc> {
    local_to_utc(zone, day.and_time(slot.due))
}

/// Items not done whose slot deadline has passed at `now`.
pub fn overdue<'a>(
    entries: &'a [Entry<'a>],
    day: NaiveDate,
    zone: Tz,
    now: DateTime<Utc>,
) -> Vec<&'a Entry<'a>> {
    entries
        .iter()
        .filter(|e| e.done.is_none() && passed(deadline(e.slot, day, zone), now))
        .collect()
}

/// An item as a person names it: its id (`morning.verify-backups` or `verify-backups`), its
/// number in the day's list, or an unambiguous prefix of its text.
pub fn find<'a>(checklist: &'a Checklist, wanted: &str) -> Result<&'a Item, String> {
    let items: Vec<&Item> = checklist.slots.iter().flat_map(|s| &s.items).collect();
    let w = wanted.trim().to_lowercase();
    if let Ok(n) = w.parse::<usize>() {
        return items.get(n.wrapping_sub(1)).copied().ok_or_else(|| {
            format!(
                "there is no item {n}; the day has items 1 to {}",
                items.len()
            )
        });
    }
    if let Some(item) = items
        .iter()
        .find(|i| i.id == w || i.id.split_once('.').is_some_and(|(_, s)| s == w))
    {
        return Ok(item);
    }
    let matches: Vec<&&Item> = items
        .iter()
        .filter(|i| !w.is_empty() && i.text.to_lowercase().starts_with(&w))
        .collect();
    let list = |items: &[&&Item]| {
        items
            .iter()
            .map(|i| format!("{} ({})", i.id, i.text))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(format!(
            "no checklist item \"{wanted}\"; items: {}",
            list(&items.iter().collect::<Vec<_>>())
        )),
        many => Err(format!(
            "\"{wanted}\" matches several items: {}; give more of it",
            list(many)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn checklist() -> Checklist {
        let item = |slot: &str, text: &str, evidence| Item {
            id: format!("{slot}.{}", slug(text)),
            text: text.into(),
            evidence,
        };
        Checklist {
            slots: vec![
                Slot {
                    name: "morning".into(),
                    due: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
                    items: vec![
                        item("morning", "Review alerts", None),
                        item("morning", "Verify backups", Some(Evidence::BackupOk)),
                    ],
                },
                Slot {
                    name: "evening".into(),
                    due: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
                    items: vec![item("evening", "Review reports", None)],
                },
            ],
        }
    }

    #[test]
    fn items_are_found_by_id_number_or_prefix() {
        let c = checklist();
        assert_eq!(
            find(&c, "morning.verify-backups").unwrap().text,
            "Verify backups"
        );
        assert_eq!(find(&c, "verify-backups").unwrap().text, "Verify backups");
        assert_eq!(find(&c, "3").unwrap().text, "Review reports");
        assert_eq!(find(&c, "verify").unwrap().text, "Verify backups");
        assert!(find(&c, "review")
            .unwrap_err()
            .contains("matches several items"));
        assert!(find(&c, "9").unwrap_err().contains("items 1 to 3"));
        assert!(find(&c, "dance")
            .unwrap_err()
            .starts_with("no checklist item"));
    }

    #[test]
    fn the_latest_tick_wins_and_an_undo_beats_evidence() {
        let c = checklist();
        let at = DateTime::parse_from_rfc3339("2024-08-07T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let tick = |item: &str, done| Tick {
            item: item.into(),
            done,
            by: "a".into(),
            at,
            note: None,
        };
        let proof = |_| Some((at, "backup_status ok".to_string()));
        let e = entries(&c, &[], proof);
        assert_eq!(e[1].done.as_ref().unwrap().by, BY_MINDOPS);
        let e = entries(&c, &[tick("morning.verify-backups", false)], proof);
        assert!(e[1].done.is_none());
        let e = entries(
            &c,
            &[
                tick("morning.review-alerts", true),
                tick("morning.review-alerts", false),
                tick("morning.review-alerts", true),
            ],
            proof,
        );
        assert_eq!(e[0].done.as_ref().unwrap().by, "a");
    }
}
