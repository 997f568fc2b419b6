//! The daily checklist as the store holds it: a day's list, its ticks and the records that
//! prove evidence items, read once for `checklist`, `status` and the reviews alike.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::config::{Checklist, Evidence, Role, RotationConfig, Thresholds};
use crate::rules::checklist::{entries, find, overdue, Entry, Proof, Tick};
use crate::rules::coverage::problems;
use crate::rules::deadline::in_time;
use crate::rules::rotation::{holders_at, Override};
use crate::store::{PageAnswer, Store};
use crate::util::pct;
use crate::util::time::{later, local_to_utc};

/// How far ahead the `rotation_ok` evidence looks for coverage problems.
const COVERAGE_AHEAD: Duration = Duration::weeks(4);

/// What evidence is judged against: the config, the clock, and the zone its times are shown in.
pub struct Sheet<'a> {
    pub config: &'a RotationConfig,
    /// The metric whose `ok` proves `backup_ok` (role `backup` in thresholds.yaml).
    pub backup_metric: Option<&'a str>,
    pub now: DateTime<Utc>,
    pub zone: Tz,
}

/// A calendar day in the rotation's zone, with the list it is kept with, its ticks and what
/// proved its evidence items.
pub struct Day {
    pub date: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub list: Checklist,
    ticks: Vec<Tick>,
    proofs: BTreeMap<Evidence, Proof>,
}

impl Day {
    /// The day's items in order, each with who or what did it.
    pub fn entries(&self) -> Vec<Entry<'_>> {
        entries(&self.list, &self.ticks, |e| {
            self.proofs.get(&e).cloned().flatten()
        })
    }
}

/// Today's progress for the status screen.
pub struct Progress {
    pub date: NaiveDate,
    pub done: usize,
    pub total: usize,
    pub overdue: usize,
}

#[derive(Debug, Serialize)]
pub struct HistoryDay {
    pub date: String,
    pub done: usize,
    pub total: usize,
    pub rate: f64,
    /// The day's record was corrected after the day: the date of the latest tick or untick
    /// recorded after it ended (`checklist done --date` for a past day).
    pub corrected_on: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct HistoryPerson {
    pub person: String,
    pub items: usize,
    pub share: f64,
}

/// Checklist completion per day and per person over a stretch of days. Items mindops ticked
/// from evidence count as done but belong to no person.
pub struct Completion {
    pub days: Vec<HistoryDay>,
    pub people: Vec<HistoryPerson>,
    pub done: usize,
    pub total: usize,
    pub by_evidence: usize,
}

/// What a tick or untick did, item by item.
pub struct Ticked {
    pub changed: Vec<Tick>,
    /// Items that were already as asked.
    pub unchanged: Vec<String>,
}

/// Records that a stretch of days shares, read once rather than per day.
struct Shared {
    ticks: Vec<(NaiveDate, Tick)>,
    /// Pages sent in the stretch, with when their incident was answered.
    pages: Vec<PageAnswer>,
    /// Every override ever made, removed ones too: a past day is judged by those in place then.
    overrides: Vec<Override>,
}

impl<'a> Sheet<'a> {
    pub fn new(
        config: &'a RotationConfig,
        thresholds: &'a Thresholds,
        now: DateTime<Utc>,
        zone: Tz,
    ) -> Self {
        Sheet {
            config,
            backup_metric: thresholds
                .with_role(Role::Backup)
                .next()
                .map(|m| m.name.as_str()),
            now,
            zone,
        }
    }

    fn midnight(&self, date: NaiveDate) -> DateTime<Utc> {
        local_to_utc(self.config.rotation.zone, date.and_time(NaiveTime::MIN))
    }

    /// Records up to and including this second count: a check cron just ran proves the item.
    fn until(&self, end: DateTime<Utc>) -> DateTime<Utc> {
        later(self.now, Duration::seconds(1)).min(end)
    }

    fn shared(&self, store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Shared> {
        let start = self.midnight(from);
        let end = self.midnight(to.succ_opt().unwrap_or(to));
        Ok(Shared {
            ticks: store.ticks(from, to)?,
            pages: store.page_answers(start, end)?,
            overrides: store.overrides(true, self.now)?,
        })
    }

    /// One day: its kept list (or today's config), its ticks and its evidence.
    pub fn day(&self, store: &Store, date: NaiveDate) -> Result<Day> {
        let shared = self.shared(store, date, date)?;
        self.day_with(store, date, &shared)
    }

    fn day_with(&self, store: &Store, date: NaiveDate, shared: &Shared) -> Result<Day> {
        let list = store
            .checklist_day(date)?
            .unwrap_or_else(|| self.config.checklist.clone());
        let mut day = Day {
            date,
            start: self.midnight(date),
            end: self.midnight(date.succ_opt().unwrap_or(date)),
            list,
            ticks: shared
                .ticks
                .iter()
                .filter(|(d, _)| *d == date)
                .map(|(_, t)| t.clone())
                .collect(),
            proofs: BTreeMap::new(),
        };
        day.proofs = self.proofs(store, &day, shared)?;
        Ok(day)
    }

    /// What proves each evidence rule the day's list uses: only records of that day, read as
    /// they stood at its end (or now, for today), and nothing before the rotation starts.
    fn proofs(
        &self,
        store: &Store,
        day: &Day,
        shared: &Shared,
    ) -> Result<BTreeMap<Evidence, Proof>> {
        let until = self.until(day.end);
        if day.end <= self.config.rotation.handoff(0) {
            return Ok(BTreeMap::new());
        }
        let time = |t: DateTime<Utc>| t.with_timezone(&self.zone).format("%H:%M").to_string();
        let mut out = BTreeMap::new();
        let wanted = day.list.slots.iter().flat_map(|s| &s.items);
        for evidence in wanted.filter_map(|i| i.evidence) {
            if out.contains_key(&evidence) {
                continue;
            }
            let proof: Proof = if until < day.start {
                None // a day still to come proves nothing yet
            } else {
                match evidence {
                    Evidence::MetricsChecked => store
                        .first_check(day.start, until)?
                        .map(|at| (at, format!("metrics checked at {}", time(at)))),
                    Evidence::BackupOk => match self.backup_metric {
                        Some(metric) => store
                            .first_ok(metric, day.start, until)?
                            .map(|at| (at, format!("{metric} recorded ok at {}", time(at)))),
                        None => None,
                    },
                    Evidence::NoUnackedIncidents => {
                        // The day's pages, each answered before the day was over: a quiet day
                        // proves nothing, so a person says it was checked.
                        let pages: Vec<Option<DateTime<Utc>>> = shared
                            .pages
                            .iter()
                            .filter(|p| day.start <= p.paged_at && p.paged_at < until)
                            .map(|p| p.answered_at.filter(|a| in_time(*a, until)))
                            .collect();
                        let answered: Option<Vec<DateTime<Utc>>> = pages.iter().copied().collect();
                        answered.and_then(|all| all.into_iter().max()).map(|last| {
                            (
                                last,
                                format!(
                                    "all {} page{} of the day answered by {}",
                                    pages.len(),
                                    if pages.len() == 1 { "" } else { "s" },
                                    time(last)
                                ),
                            )
                        })
                    }
                    Evidence::RotationOk => {
                        let to = until.checked_add_signed(COVERAGE_AHEAD).unwrap_or(until);
                        // The overrides in place then, not those made or removed since.
                        let overrides: Vec<Override> = shared
                            .overrides
                            .iter()
                            .filter(|o| o.created_at < until)
                            .filter(|o| o.removed_at.is_none_or(|r| r >= until))
                            .filter(|o| o.from < to && o.to > until)
                            .cloned()
                            .collect();
                        let found =
                            problems(&self.config.rotation, &overrides, until, to, self.zone);
                        found.is_empty().then(|| {
                            (
                                until,
                                "oncall check finds no problem for the next 4 weeks".to_string(),
                            )
                        })
                    }
                    Evidence::HandoverWritten => store
                        .handovers(day.start, day.end)?
                        .into_iter()
                        .next()
                        .map(|n| {
                            (
                                n.at,
                                format!("handover note by {} at {}", n.author, time(n.at)),
                            )
                        }),
                }
            };
            out.insert(evidence, proof);
        }
        Ok(out)
    }

    /// The Primary on call (the chain's first role) at noon of the day.
    pub fn responsible(&self, store: &Store, date: NaiveDate) -> Result<Option<(String, String)>> {
        let rotation = &self.config.rotation;
        let noon = local_to_utc(
            rotation.zone,
            date.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN)),
        );
        if noon < rotation.handoff(0) {
            return Ok(None);
        }
        let overrides = store.overrides_between(noon, later(noon, Duration::seconds(1)))?;
        Ok(holders_at(rotation, &overrides, noon)
            .into_iter()
            .next()
            .map(|s| (rotation.roles[s.role].clone(), s.person)))
    }

    /// Ticks (or unticks) the named items on a day. Every name is found before anything is
    /// written, and whether an item is already done is decided inside the write, so one bad
    /// name writes nothing and two people ticking at once store one tick.
    pub fn tick(
        &self,
        store: &mut Store,
        date: NaiveDate,
        names: &[String],
        done: bool,
        note: Option<&str>,
        by: &str,
    ) -> Result<Ticked> {
        let day = self.day(store, date)?;
        let wanted = names
            .iter()
            .map(|w| find(&day.list, w).map(|i| i.id.clone()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(anyhow::Error::msg)?;
        let mut unchanged = Vec::new();
        let now = self.now;
        let proofs = day.proofs.clone();
        let changed = store.tick(date, &day.list, now, &mut |list, ticks| {
            unchanged.clear();
            let current = entries(list, ticks, |e| proofs.get(&e).cloned().flatten());
            let mut new: Vec<Tick> = Vec::new();
            for id in &wanted {
                let is_done = current.iter().any(|e| e.item.id == *id && e.done.is_some());
                if is_done == done || new.iter().any(|t| t.item == *id) {
                    unchanged.push(id.clone());
                    continue;
                }
                new.push(Tick {
                    item: id.clone(),
                    done,
                    by: by.to_string(),
                    at: now,
                    note: note.map(str::to_string),
                });
            }
            Ok(new)
        })?;
        Ok(Ticked { changed, unchanged })
    }

    /// Completion per day and per person over `[from, to]` (days inclusive).
    pub fn completion(&self, store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Completion> {
        let shared = self.shared(store, from, to)?;
        let mut days = Vec::new();
        let mut people: BTreeMap<String, usize> = BTreeMap::new();
        let mut by_evidence = 0;
        let first = self.config.rotation.handoff(0);
        for date in from.iter_days().take_while(|d| *d <= to) {
            // Days before the rotation began are not days of the checklist.
            if self.midnight(date.succ_opt().unwrap_or(date)) <= first {
                continue;
            }
            let day = self.day_with(store, date, &shared)?;
            let corrected_on = day
                .ticks
                .iter()
                .filter(|t| t.at >= day.end)
                .map(|t| t.at)
                .max()
                .map(|at| at.with_timezone(&self.zone).date_naive().to_string());
            let all = day.entries();
            let done = all
                .iter()
                .filter_map(|e| e.done.as_ref())
                .inspect(|d| match d.evidence {
                    Some(_) => by_evidence += 1,
                    None => *people.entry(d.by.clone()).or_default() += 1,
                })
                .count();
            days.push(HistoryDay {
                date: date.to_string(),
                done,
                total: all.len(),
                rate: pct(done as u64, all.len() as u64).unwrap_or(0.0),
                corrected_on,
            });
        }
        let ticked: usize = people.values().sum();
        let mut people: Vec<HistoryPerson> = people
            .into_iter()
            .map(|(person, items)| HistoryPerson {
                share: pct(items as u64, ticked as u64).unwrap_or(0.0),
                person,
                items,
            })
            .collect();
        people.sort_by(|a, b| b.items.cmp(&a.items).then(a.person.cmp(&b.person)));
        let (done, total) = days
            .iter()
            .fold((0, 0), |(d, t), day| (d + day.done, t + day.total));
        Ok(Completion {
            days,
            people,
            done,
            total,
            by_evidence,
        })
    }

    /// Today's items done, in all, and overdue.
    pub fn progress(&self, store: &Store) -> Result<Progress> {
        let rotation = &self.config.rotation;
        let date = crate::util::time::local_date(rotation.zone, self.now);
        let day = self.day(store, date)?;
        let all = day.entries();
        Ok(Progress {
            date,
            done: all.iter().filter(|e| e.done.is_some()).count(),
            total: all.len(),
            overdue: overdue(&all, date, rotation.zone, self.now).len(),
        })
    }
}
