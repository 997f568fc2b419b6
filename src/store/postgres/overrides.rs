//! On-call overrides.

use anyhow::Result;
use chrono::{DateTime, Utc};
use postgres::{GenericClient, Row};

use super::{instant, instant_opt, Postgres, Session};
use crate::rules::rotation::Override;

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
            s.all(
                "SELECT * FROM overrides
                  WHERE $1 OR (removed_at IS NULL AND ends_at > $2)
                  ORDER BY starts_at, id",
                &[&all, &now.timestamp()],
            )?
            .iter()
            .map(override_row)
            .collect()
        })
    }

    pub fn override_by_id(&self, id: i64) -> Result<Option<Override>> {
        self.read(|s| {
            s.opt("SELECT * FROM overrides WHERE id = $1", &[&id])?
                .as_ref()
                .map(override_row)
                .transpose()
        })
    }
}

/// The overrides in place that overlap `[from, to)`.
pub(super) fn overlapping<C: GenericClient>(
    s: &mut Session<'_, C>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Override>> {
    s.all(
        "SELECT * FROM overrides
          WHERE removed_at IS NULL AND ends_at > $1 AND starts_at < $2
          ORDER BY starts_at, id",
        &[&from.timestamp(), &to.timestamp()],
    )?
    .iter()
    .map(override_row)
    .collect()
}

pub(super) fn override_row(row: &Row) -> Result<Override> {
    Ok(Override {
        id: row.try_get("id")?,
        role: row.try_get("role")?,
        person: row.try_get("person")?,
        from: instant(row.try_get("starts_at")?)?,
        to: instant(row.try_get("ends_at")?)?,
        reason: row.try_get("reason")?,
        created_by: row.try_get("created_by")?,
        created_at: instant(row.try_get("created_at")?)?,
        removed_by: row.try_get("removed_by")?,
        removed_at: instant_opt(row.try_get("removed_at")?)?,
    })
}
