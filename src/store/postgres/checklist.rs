//! Checklist days and ticks, handover notes and review notes.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use postgres::{GenericClient, Row};

use super::{bad_row, instant, instant_opt, Postgres, Session, LOCK_CHECKLIST_DAY};
use crate::config::Checklist;
use crate::rules::checklist::Tick;
use crate::store::{HandoverNote, NewMessage, ReviewNote, TickDecision};

impl Postgres {
    pub fn checklist_day(&self, day: NaiveDate) -> Result<Option<Checklist>> {
        self.read(|s| kept_list(s, day))
    }

    pub fn tick(
        &mut self,
        day: NaiveDate,
        list: &Checklist,
        at: DateTime<Utc>,
        decide: &mut TickDecision<'_>,
    ) -> Result<Vec<Tick>> {
        self.write(|s| {
            // Ticks of one day take turns, so two people ticking the same item at once store
            // one tick, and the day's list is kept once.
            s.lock_text(LOCK_CHECKLIST_DAY, &day.to_string())?;
            let kept = match kept_list(s, day)? {
                Some(kept) => kept,
                None => list.clone(),
            };
            let so_far: Vec<Tick> = ticks_between(s, day, day)?
                .into_iter()
                .map(|(_, t)| t)
                .collect();
            let new = decide(&kept, &so_far)?;
            if new.is_empty() {
                return Ok(new);
            }
            s.exec(
                "INSERT INTO checklist_days (day, items, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT (day) DO NOTHING",
                &[
                    &day.to_string(),
                    &serde_json::to_string(&kept)?,
                    &at.timestamp(),
                ],
            )?;
            for t in &new {
                s.exec(
                    "INSERT INTO checklist_ticks (day, item, done, actor, at, note)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    &[
                        &day.to_string(),
                        &t.item,
                        &t.done,
                        &t.by,
                        &t.at.timestamp(),
                        &t.note,
                    ],
                )?;
            }
            Ok(new)
        })
    }

    pub fn ticks(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, Tick)>> {
        self.read(|s| ticks_between(s, from, to))
    }

    pub fn add_handover(
        &mut self,
        at: DateTime<Utc>,
        author: &str,
        text: &str,
        messages: &dyn Fn(i64) -> Vec<NewMessage>,
    ) -> Result<i64> {
        self.write(|s| {
            let id: i64 = s
                .one(
                    "INSERT INTO handover_notes (at, author, text) VALUES ($1, $2, $3) RETURNING id",
                    &[&at.timestamp(), &author, &text],
                )?
                .get(0);
            super::outbox::insert_messages(s, at, &messages(id))?;
            Ok(id)
        })
    }

    pub fn add_review_note(
        &mut self,
        period: &str,
        topic: &str,
        text: &str,
        author: &str,
        at: DateTime<Utc>,
    ) -> Result<i64> {
        self.write(|s| {
            Ok(s.one(
                "INSERT INTO review_notes (period, topic, text, author, at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
                &[&period, &topic, &text, &author, &at.timestamp()],
            )?
            .get(0))
        })
    }

    pub fn review_notes(&self, period: &str) -> Result<Vec<ReviewNote>> {
        self.read(|s| {
            s.all(
                "SELECT id, period, topic, text, author, at FROM review_notes
                  WHERE period = $1 ORDER BY id",
                &[&period],
            )?
            .iter()
            .map(|r| {
                Ok(ReviewNote {
                    id: r.try_get(0)?,
                    period: r.try_get(1)?,
                    topic: r.try_get(2)?,
                    text: r.try_get(3)?,
                    author: r.try_get(4)?,
                    at: instant(r.try_get(5)?)?,
                })
            })
            .collect()
        })
    }

    pub fn handovers(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<HandoverNote>> {
        self.read(|s| {
            s.all(
                "SELECT id, at, author, text FROM handover_notes
                  WHERE at >= $1 AND at < $2 ORDER BY at, id",
                &[&from.timestamp(), &to.timestamp()],
            )?
            .iter()
            .map(handover_row)
            .collect()
        })
    }

    pub fn latest_handover(&self) -> Result<Option<HandoverNote>> {
        self.read(|s| {
            s.opt(
                "SELECT id, at, author, text FROM handover_notes ORDER BY at DESC, id DESC LIMIT 1",
                &[],
            )?
            .as_ref()
            .map(handover_row)
            .transpose()
        })
    }

    pub fn first_check(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        self.read(|s| {
            instant_opt(
                s.one(
                    "SELECT min(at) FROM metric_checks WHERE at >= $1 AND at < $2",
                    &[&from.timestamp(), &to.timestamp()],
                )?
                .try_get(0)?,
            )
        })
    }

    pub fn first_ok(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        self.read(|s| {
            instant_opt(
                s.one(
                    "SELECT min(at) FROM metric_samples
                      WHERE metric = $1 AND at >= $2 AND at < $3 AND value = 1",
                    &[&metric, &from.timestamp(), &to.timestamp()],
                )?
                .try_get(0)?,
            )
        })
    }
}

fn handover_row(r: &Row) -> Result<HandoverNote> {
    Ok(HandoverNote {
        id: r.try_get(0)?,
        at: instant(r.try_get(1)?)?,
        author: r.try_get(2)?,
        text: r.try_get(3)?,
    })
}

fn kept_list<C: GenericClient>(
    s: &mut Session<'_, C>,
    day: NaiveDate,
) -> Result<Option<Checklist>> {
    let text: Option<String> = s
        .opt(
            "SELECT items FROM checklist_days WHERE day = $1",
            &[&day.to_string()],
        )?
        .map(|r| r.get(0));
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| {
            anyhow::anyhow!("the checklist kept for {day} in the database cannot be read: {e}")
        })
    })
    .transpose()
}

fn ticks_between<C: GenericClient>(
    s: &mut Session<'_, C>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, Tick)>> {
    s.all(
        "SELECT day, item, done, actor, at, note, id FROM checklist_ticks
          WHERE day >= $1 AND day <= $2 ORDER BY day, id",
        &[&from.to_string(), &to.to_string()],
    )?
    .iter()
    .map(|r| {
        let day: String = r.try_get(0)?;
        let id: i64 = r.try_get(6)?;
        let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|_| {
            bad_row(
                "checklist_ticks",
                id,
                format!("day \"{day}\" is not a date"),
            )
        })?;
        Ok((
            day,
            Tick {
                item: r.try_get(1)?,
                done: r.try_get(2)?,
                by: r.try_get(3)?,
                at: instant(r.try_get(4)?)?,
                note: r.try_get(5)?,
            },
        ))
    })
    .collect()
}
