//! Checklist days and ticks, handover notes, and the records that tick items by evidence.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::{bad_row, instant, Sqlite};
use crate::config::Checklist;
use crate::rules::checklist::Tick;
use crate::store::{HandoverNote, ReviewNote};

impl Sqlite {
    pub fn checklist_day(&self, day: NaiveDate) -> Result<Option<Checklist>> {
        kept_list(&self.conn, day)
    }

    pub fn ticks(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, Tick)>> {
        ticks_between(&self.conn, from, to)
    }

    pub fn review_notes(&self, period: &str) -> Result<Vec<ReviewNote>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, period, topic, text, author, at FROM review_notes WHERE period = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([period], |r| {
            Ok(ReviewNote {
                id: r.get(0)?,
                period: r.get(1)?,
                topic: r.get(2)?,
                text: r.get(3)?,
                author: r.get(4)?,
                at: instant(r.get(5)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Notes written in `[from, to)`, oldest first.
    pub fn handovers(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<HandoverNote>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, at, author, text FROM handover_notes WHERE at >= ?1 AND at < ?2 ORDER BY at, id",
        )?;
        let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], handover_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn latest_handover(&self) -> Result<Option<HandoverNote>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, at, author, text FROM handover_notes ORDER BY at DESC, id DESC LIMIT 1",
                [],
                handover_row,
            )
            .optional()?)
    }

    /// The first metrics check recorded in `[from, to)`.
    pub fn first_check(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        let at: Option<i64> = self.conn.query_row(
            "SELECT min(at) FROM metric_checks WHERE at >= ?1 AND at < ?2",
            params![from.timestamp(), to.timestamp()],
            |r| r.get(0),
        )?;
        Ok(at.map(instant).transpose()?)
    }

    /// The first time a status metric was recorded ok in `[from, to)`.
    pub fn first_ok(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        let at: Option<i64> = self.conn.query_row(
            "SELECT min(at) FROM metric_samples WHERE metric = ?1 AND at >= ?2 AND at < ?3 AND value = 1",
            params![metric, from.timestamp(), to.timestamp()],
            |r| r.get(0),
        )?;
        Ok(at.map(instant).transpose()?)
    }
}

fn handover_row(r: &rusqlite::Row) -> rusqlite::Result<HandoverNote> {
    Ok(HandoverNote {
        id: r.get(0)?,
        at: instant(r.get(1)?)?,
        author: r.get(2)?,
        text: r.get(3)?,
    })
}

pub(super) fn kept_list(conn: &Connection, day: NaiveDate) -> Result<Option<Checklist>> {
    let text: Option<String> = conn
        .query_row(
            "SELECT items FROM checklist_days WHERE day = ?1",
            [day.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| {
            anyhow::anyhow!("the checklist kept for {day} in the database cannot be read: {e}")
        })
    })
    .transpose()
}

/// Days are stored as `YYYY-MM-DD`, which sorts as the dates do.
pub(super) fn ticks_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, Tick)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT day, item, done, actor, at, note, id FROM checklist_ticks
          WHERE day >= ?1 AND day <= ?2 ORDER BY day, id",
    )?;
    let rows = stmt.query_map([from.to_string(), to.to_string()], |r| {
        let day: String = r.get(0)?;
        let id: i64 = r.get(6)?;
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
                item: r.get(1)?,
                done: r.get(2)?,
                by: r.get(3)?,
                at: instant(r.get(4)?)?,
                note: r.get(5)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
