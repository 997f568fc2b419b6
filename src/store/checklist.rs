//! Checklist days and ticks, handover notes, and the records that tick items by evidence.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::{instant, Store};
use crate::checklist::Tick;

#[derive(Debug, Clone, PartialEq)]
pub struct HandoverNote {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub author: String,
    pub text: String,
}

impl Store {
    /// The list a day was kept with, if it has been used.
    pub fn checklist_day(&self, day: NaiveDate) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT items FROM checklist_days WHERE day = ?1",
                [day.to_string()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Keeps a day's list unless it is kept already, and adds ticks to it, in one transaction.
    /// Returns the list the day is kept with.
    pub fn tick(
        &mut self,
        day: NaiveDate,
        list: &str,
        at: DateTime<Utc>,
        ticks: &[Tick],
    ) -> Result<String> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT OR IGNORE INTO checklist_days (day, items, created_at) VALUES (?1, ?2, ?3)",
            params![day.to_string(), list, at.timestamp()],
        )?;
        let kept: String = tx.query_row(
            "SELECT items FROM checklist_days WHERE day = ?1",
            [day.to_string()],
            |r| r.get(0),
        )?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO checklist_ticks (day, item, done, actor, at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for t in ticks {
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
        Ok(kept)
    }

    pub fn ticks(&self, day: NaiveDate) -> Result<Vec<Tick>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT item, done, actor, at, note FROM checklist_ticks WHERE day = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([day.to_string()], |r| {
            Ok(Tick {
                item: r.get(0)?,
                done: r.get(1)?,
                by: r.get(2)?,
                at: instant(r.get(3)?),
                note: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_handover(&mut self, at: DateTime<Utc>, author: &str, text: &str) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO handover_notes (at, author, text) VALUES (?1, ?2, ?3)",
            params![at.timestamp(), author, text],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Notes written in `[from, to)`, oldest first.
    pub fn handovers(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<HandoverNote>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, at, author, text FROM handover_notes WHERE at >= ?1 AND at < ?2 ORDER BY at, id",
        )?;
        let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], |r| {
            Ok(HandoverNote {
                id: r.get(0)?,
                at: instant(r.get(1)?),
                author: r.get(2)?,
                text: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn latest_handover(&self) -> Result<Option<HandoverNote>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, at, author, text FROM handover_notes ORDER BY at DESC, id DESC LIMIT 1",
                [],
                |r| {
                    Ok(HandoverNote {
                        id: r.get(0)?,
                        at: instant(r.get(1)?),
                        author: r.get(2)?,
                        text: r.get(3)?,
                    })
                },
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
        Ok(at.map(instant))
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
        Ok(at.map(instant))
    }
}
