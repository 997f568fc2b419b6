//! Checklist days and ticks, handover notes, and the records that tick items by evidence.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::{all, first, instant, Sqlite};
use crate::config::Checklist;
use crate::rules::checklist::Tick;
use crate::store::rows::{self, HANDOVER_COLUMNS, REVIEW_NOTE_COLUMNS, TICK_COLUMNS};
use crate::store::{HandoverNote, ReviewNote};

impl Sqlite {
    pub fn checklist_day(&self, day: NaiveDate) -> Result<Option<Checklist>> {
        kept_list(&self.conn, day)
    }

    pub fn ticks(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, Tick)>> {
        ticks_between(&self.conn, from, to)
    }

    pub fn review_notes(&self, period: &str) -> Result<Vec<ReviewNote>> {
        all(
            &self.conn,
            &format!(
                "SELECT {REVIEW_NOTE_COLUMNS} FROM review_notes WHERE period = ?1 ORDER BY id"
            ),
            [period],
            rows::review_note,
        )
    }

    /// Notes written in `[from, to)`, oldest first.
    pub fn handovers(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<HandoverNote>> {
        all(
            &self.conn,
            &format!(
                "SELECT {HANDOVER_COLUMNS} FROM handover_notes
                  WHERE at >= ?1 AND at < ?2 ORDER BY at, id"
            ),
            params![from.timestamp(), to.timestamp()],
            rows::handover,
        )
    }

    pub fn latest_handover(&self) -> Result<Option<HandoverNote>> {
        first(
            &self.conn,
            &format!(
                "SELECT {HANDOVER_COLUMNS} FROM handover_notes ORDER BY at DESC, id DESC LIMIT 1"
            ),
            [],
            rows::handover,
        )
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

pub(super) fn kept_list(conn: &Connection, day: NaiveDate) -> Result<Option<Checklist>> {
    let text: Option<String> = conn
        .query_row(
            "SELECT items FROM checklist_days WHERE day = ?1",
            [day.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    rows::kept_list(day, text)
}

/// Days are stored as `YYYY-MM-DD`, which sorts as the dates do.
pub(super) fn ticks_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, Tick)>> {
    all(
        conn,
        &format!(
            "SELECT {TICK_COLUMNS} FROM checklist_ticks
              WHERE day >= ?1 AND day <= ?2 ORDER BY day, id"
        ),
        [from.to_string(), to.to_string()],
        rows::tick,
    )
}
