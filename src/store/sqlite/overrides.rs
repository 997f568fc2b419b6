//! On-call overrides.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{instant, Sqlite};
use crate::rules::rotation::Override;

impl Sqlite {
    /// Overrides not removed that overlap `[from, to)`.
    pub fn overrides_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Override>> {
        overlapping(&self.conn, from, to)
    }

    /// Overrides still to end after `now`, or every one ever made with `all`.
    pub fn overrides(&self, all: bool, now: DateTime<Utc>) -> Result<Vec<Override>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM overrides
              WHERE ?1 OR (removed_at IS NULL AND ends_at > ?2)
              ORDER BY starts_at, id",
        )?;
        let rows = stmt.query_map(params![all, now.timestamp()], override_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn override_by_id(&self, id: i64) -> Result<Option<Override>> {
        Ok(self
            .conn
            .query_row("SELECT * FROM overrides WHERE id = ?1", [id], override_row)
            .optional()?)
    }
}

/// The overrides in place that overlap `[from, to)`.
pub(super) fn overlapping(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Override>> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM overrides
          WHERE removed_at IS NULL AND ends_at > ?1 AND starts_at < ?2
          ORDER BY starts_at, id",
    )?;
    let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], override_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn override_row(row: &Row) -> rusqlite::Result<Override> {
    Ok(Override {
        id: row.get("id")?,
        role: row.get("role")?,
        person: row.get("person")?,
        from: instant(row.get("starts_at")?)?,
        to: instant(row.get("ends_at")?)?,
        reason: row.get("reason")?,
        created_by: row.get("created_by")?,
        created_at: instant(row.get("created_at")?)?,
        removed_by: row.get("removed_by")?,
        removed_at: row
            .get::<_, Option<i64>>("removed_at")?
            .map(instant)
            .transpose()?,
    })
}
