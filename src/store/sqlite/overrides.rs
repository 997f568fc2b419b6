//! On-call overrides.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};

use super::{instant, Sqlite};
use crate::rules::rotation::Override;
use crate::store::{NewOverride, OverrideMessages};

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

    /// Stores overrides (one, or the two halves of a swap) when `accept` agrees, given the
    /// overrides that overlap them; all in one write transaction with the messages, so two
    /// people adding at once cannot both pass the check. Their ids, in order.
    pub fn add_overrides(
        &mut self,
        news: &[NewOverride],
        accept: impl FnOnce(&[Override]) -> Result<()>,
        messages: &OverrideMessages<'_>,
    ) -> Result<Vec<i64>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (from, to) = super::super::span(news);
        let overlapping = overlapping(&tx, from, to)?;
        accept(&overlapping)?;
        let mut stored = Vec::with_capacity(news.len());
        for new in news {
            tx.execute(
                "INSERT INTO overrides (role, person, starts_at, ends_at, reason, created_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    new.role,
                    new.person,
                    new.from.timestamp(),
                    new.to.timestamp(),
                    new.reason,
                    new.by,
                    new.at.timestamp()
                ],
            )?;
            stored.push(new.stored(tx.last_insert_rowid()));
        }
        if let Some(first) = news.first() {
            super::outbox::insert_messages(&tx, first.at, &messages(&stored, &overlapping))?;
        }
        tx.commit()?;
        Ok(stored.iter().map(|o| o.id).collect())
    }

    pub fn override_by_id(&self, id: i64) -> Result<Option<Override>> {
        Ok(self
            .conn
            .query_row("SELECT * FROM overrides WHERE id = ?1", [id], override_row)
            .optional()?)
    }

    /// Marks an override removed; false when there is no such override still in place.
    pub fn remove_override(
        &mut self,
        id: i64,
        by: &str,
        at: DateTime<Utc>,
        messages: &OverrideMessages<'_>,
    ) -> Result<bool> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let Some(removed) = tx
            .query_row(
                "SELECT * FROM overrides WHERE id = ?1 AND removed_at IS NULL",
                [id],
                override_row,
            )
            .optional()?
        else {
            return Ok(false);
        };
        tx.execute(
            "UPDATE overrides SET removed_by = ?2, removed_at = ?3 WHERE id = ?1",
            params![id, by, at.timestamp()],
        )?;
        let others = overlapping(&tx, removed.from, removed.to)?;
        super::outbox::insert_messages(
            &tx,
            at,
            &messages(std::slice::from_ref(&removed), &others),
        )?;
        tx.commit()?;
        Ok(true)
    }
}

/// The overrides in place that overlap `[from, to)`.
fn overlapping(conn: &Connection, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Override>> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM overrides
          WHERE removed_at IS NULL AND ends_at > ?1 AND starts_at < ?2
          ORDER BY starts_at, id",
    )?;
    let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], override_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn override_row(row: &Row) -> rusqlite::Result<Override> {
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
