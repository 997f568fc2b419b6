//! Checklist days and ticks, handover notes, and the records that tick items by evidence.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{bad_row, instant, Sqlite};
use crate::config::Checklist;
use crate::rules::checklist::Tick;
use crate::store::{HandoverNote, NewMessage, ReviewNote, TickDecision};

impl Sqlite {
    pub fn checklist_day(&self, day: NaiveDate) -> Result<Option<Checklist>> {
        kept_list(&self.conn, day)
    }

    pub fn tick(
        &mut self,
        day: NaiveDate,
        list: &Checklist,
        at: DateTime<Utc>,
        decide: &mut TickDecision<'_>,
    ) -> Result<Vec<Tick>> {
        // The decision reads the day's ticks inside the write transaction: two people ticking
        // the same item at once store one tick.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let kept = match kept_list(&tx, day)? {
            Some(kept) => kept,
            None => list.clone(),
        };
        let so_far: Vec<Tick> = ticks_between(&tx, day, day)?
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        let new = decide(&kept, &so_far)?;
        if new.is_empty() {
            return Ok(new);
        }
        tx.execute(
            "INSERT OR IGNORE INTO checklist_days (day, items, created_at) VALUES (?1, ?2, ?3)",
            params![
                day.to_string(),
                serde_json::to_string(&kept)?,
                at.timestamp()
            ],
        )?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO checklist_ticks (day, item, done, actor, at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for t in &new {
                stmt.execute(params![
                    day.to_string(),
                    t.item,
                    t.done,
                    t.by,
                    t.at.timestamp(),
                    t.note
                ])?;
            }
        }
        tx.commit()?;
        Ok(new)
    }

    pub fn ticks(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, Tick)>> {
        ticks_between(&self.conn, from, to)
    }

    pub fn add_handover(
        &mut self,
        at: DateTime<Utc>,
        author: &str,
        text: &str,
        messages: &dyn Fn(i64) -> Vec<NewMessage>,
    ) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO handover_notes (at, author, text) VALUES (?1, ?2, ?3)",
            params![at.timestamp(), author, text],
        )?;
        let id = tx.last_insert_rowid();
        super::outbox::insert_messages(&tx, at, &messages(id))?;
        tx.commit()?;
        Ok(id)
    }

    pub fn add_review_note(
        &mut self,
        period: &str,
        topic: &str,
        text: &str,
        author: &str,
        at: DateTime<Utc>,
    ) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO review_notes (period, topic, text, author, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![period, topic, text, author, at.timestamp()],
        )?;
        Ok(self.conn.last_insert_rowid())
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

fn kept_list(conn: &Connection, day: NaiveDate) -> Result<Option<Checklist>> {
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
fn ticks_between(
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
