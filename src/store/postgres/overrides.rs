//! On-call overrides.

use anyhow::Result;
use chrono::{DateTime, Utc};
use postgres::{GenericClient, Row};

use super::{instant, instant_opt, Postgres, Session, LOCK_OVERRIDES};
use crate::rules::rotation::Override;
use crate::store::{NewOverride, OverrideMessages};

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

    pub fn add_overrides(
        &mut self,
        news: &[NewOverride],
        accept: impl FnOnce(&[Override]) -> Result<()>,
        messages: &OverrideMessages<'_>,
    ) -> Result<Vec<i64>> {
        self.write(|s| {
            // The overlap is about rows that may not exist yet, so no row lock can hold it:
            // adds take turns on one advisory lock instead.
            s.lock(LOCK_OVERRIDES, 0)?;
            let (from, to) = crate::store::span(news);
            let overlapping = overlapping(s, from, to)?;
            accept(&overlapping)?;
            let mut stored = Vec::with_capacity(news.len());
            for new in news {
                let id: i64 = s.one(
                    "INSERT INTO overrides (role, person, starts_at, ends_at, reason, created_by, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                    &[
                        &new.role,
                        &new.person,
                        &new.from.timestamp(),
                        &new.to.timestamp(),
                        &new.reason,
                        &new.by,
                        &new.at.timestamp(),
                    ],
                )?
                .get(0);
                stored.push(new.stored(id));
            }
            if let Some(first) = news.first() {
                super::outbox::insert_messages(s, first.at, &messages(&stored, &overlapping))?;
            }
            Ok(stored.iter().map(|o| o.id).collect())
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

    pub fn remove_override(
        &mut self,
        id: i64,
        by: &str,
        at: DateTime<Utc>,
        messages: &OverrideMessages<'_>,
    ) -> Result<bool> {
        self.write(|s| {
            let Some(row) = s.opt(
                "UPDATE overrides SET removed_by = $2, removed_at = $3
                  WHERE id = $1 AND removed_at IS NULL RETURNING *",
                &[&id, &by, &at.timestamp()],
            )?
            else {
                return Ok(false);
            };
            let mut removed = override_row(&row)?;
            // The messages describe the override as it stood, in place.
            (removed.removed_at, removed.removed_by) = (None, None);
            let others = overlapping(s, removed.from, removed.to)?;
            super::outbox::insert_messages(
                s,
                at,
                &messages(std::slice::from_ref(&removed), &others),
            )?;
            Ok(true)
        })
    }
}

/// The overrides in place that overlap `[from, to)`.
fn overlapping<C: GenericClient>(
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

fn override_row(row: &Row) -> Result<Override> {
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
