//! Checklist days and ticks, handover notes and review notes.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use postgres::{GenericClient, Row};

use super::{bad_row, instant, instant_opt, Postgres, Session};
use crate::config::Checklist;
use crate::rules::checklist::Tick;
use crate::store::{HandoverNote, ReviewNote};

impl Postgres {
    pub fn checklist_day(&self, day: NaiveDate) -> Result<Option<Checklist>> {
        self.read(|s| kept_list(s, day))
    }

    pub fn ticks(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, Tick)>> {
        self.read(|s| ticks_between(s, from, to))
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

pub(super) fn kept_list<C: GenericClient>(
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

pub(super) fn ticks_between<C: GenericClient>(
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
