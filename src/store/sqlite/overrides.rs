//! On-call overrides.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::{all, first, Sqlite};
use crate::rules::rotation::Override;
use crate::store::rows::{self, OVERRIDE_COLUMNS};

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
    pub fn overrides(&self, every: bool, now: DateTime<Utc>) -> Result<Vec<Override>> {
        all(
            &self.conn,
            &format!(
                "SELECT {OVERRIDE_COLUMNS} FROM overrides
                  WHERE ?1 OR (removed_at IS NULL AND ends_at > ?2)
                  ORDER BY starts_at, id"
            ),
            params![every, now.timestamp()],
            rows::override_,
        )
    }

    pub fn override_by_id(&self, id: i64) -> Result<Option<Override>> {
        first(
            &self.conn,
            &format!("SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE id = ?1"),
            [id],
            rows::override_,
        )
    }
}

/// The overrides in place that overlap `[from, to)`.
pub(super) fn overlapping(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Override>> {
    all(
        conn,
        &format!(
            "SELECT {OVERRIDE_COLUMNS} FROM overrides
              WHERE removed_at IS NULL AND ends_at > ?1 AND starts_at < ?2
              ORDER BY starts_at, id"
        ),
        params![from.timestamp(), to.timestamp()],
        rows::override_,
    )
}
