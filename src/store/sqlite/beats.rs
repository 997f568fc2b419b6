//! Heartbeats: the last time each job reported in.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{instant, Sqlite};

impl Sqlite {
    pub fn record_beat(&mut self, name: &str, at: DateTime<Utc>) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO beats (name, at, count) VALUES (?1, ?2, 1)
                 ON CONFLICT (name) DO UPDATE SET at = max(at, excluded.at), count = count + 1",
            )?
            .execute(params![name, at.timestamp()])?;
        Ok(())
    }

    pub fn beats(&self) -> Result<Vec<(String, DateTime<Utc>)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, at FROM beats ORDER BY name")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, instant(r.get(1)?)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn oldest_due_message(&self) -> Result<Option<DateTime<Utc>>> {
        let at: Option<i64> = self
            .conn
            .query_row(
                "SELECT min(next_at) FROM outbox WHERE state IN ('queued', 'sending')",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        at.map(instant).transpose().map_err(Into::into)
    }

    /// When the last page was recorded, if any was.
    pub fn last_page_at(&self) -> Result<Option<DateTime<Utc>>> {
        let at: Option<i64> = self
            .conn
            .query_row(
                "SELECT max(at) FROM incident_events WHERE kind = 'paged'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        at.map(instant).transpose().map_err(Into::into)
    }

    /// Every page in `[from, to)`: when, and to whom.
    pub fn pages_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(DateTime<Utc>, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, new_value FROM incident_events
              WHERE kind = 'paged' AND at >= ?1 AND at < ?2 AND new_value IS NOT NULL
              ORDER BY at, id",
        )?;
        let rows = stmt.query_map(rusqlite::params![from.timestamp(), to.timestamp()], |r| {
            Ok((instant(r.get(0)?)?, r.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
