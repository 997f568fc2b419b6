//! On-call overrides.

use anyhow::Result;
use chrono::{DateTime, Utc};
use postgres::GenericClient;

use super::{Postgres, Session};
use crate::rules::rotation::Override;
use crate::store::rows::{self, OVERRIDE_COLUMNS};

impl Postgres {
    pub fn overrides_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Override>> {
        self.read(|s| overlapping(s, from, to))
    }

    pub fn overrides(&self, all: bool, now: DateTime<Utc>) -> Result<Vec<Override>> {
        self.read(|s| {
            s.read_all(
                &format!(
                    "SELECT {OVERRIDE_COLUMNS} FROM overrides
                      WHERE $1 OR (removed_at IS NULL AND ends_at > $2)
                      ORDER BY starts_at, id"
                ),
                &[&all, &now.timestamp()],
                rows::override_,
            )
        })
    }

    pub fn override_by_id(&self, id: i64) -> Result<Option<Override>> {
        self.read(|s| {
            s.read_opt(
                &format!("SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE id = $1"),
                &[&id],
                rows::override_,
            )
        })
    }
}

/// The overrides in place that overlap `[from, to)`.
pub(super) fn overlapping<C: GenericClient>(
    s: &mut Session<'_, C>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Override>> {
    s.read_all(
        &format!(
            "SELECT {OVERRIDE_COLUMNS} FROM overrides
              WHERE removed_at IS NULL AND ends_at > $1 AND starts_at < $2
              ORDER BY starts_at, id"
        ),
        &[&from.timestamp(), &to.timestamp()],
        rows::override_,
    )
}
