//! Aggregates for reports and the status screen, computed in SQL over indexed ranges so a
//! quarter of a large history is never loaded whole.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{instant, Sqlite};
use crate::rules::incident::Kind;
use crate::store::settle;
use crate::store::{CountBy, MetricSummary, PageAnswer, TrendPoint};

/// A stretch between two samples counts toward the earlier one's state up to this long; a
/// longer gap means nobody was measuring.
const MAX_SAMPLE_GAP: i64 = 3600;

// Deadlines follow crate::rules::deadline: done in time is `done < due`, and a deadline has
// passed at `now` when `due <= now`.
impl Sqlite {
    /// Events of a kind in the period, counted by `column` (`actor` or `new_value`).
    pub fn event_counts(
        &self,
        kind: Kind,
        by: CountBy,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(String, u64)>> {
        let by = match by {
            CountBy::Actor => "actor",
            CountBy::Value => "new_value",
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT coalesce({by}, ''), count(*) FROM incident_events
              WHERE kind = ?1 AND at >= ?2 AND at < ?3 GROUP BY 1 ORDER BY 2 DESC, 1"
        ))?;
        let rows = stmt.query_map(
            params![kind.as_str(), from.timestamp(), to.timestamp()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Follow-up actions made before `at` and not done by then; and how many of them were due
    /// before that day.
    pub fn actions_open(&self, at: DateTime<Utc>, day: chrono::NaiveDate) -> Result<(u64, u64)> {
        Ok(self.conn.query_row(
            "SELECT count(*), coalesce(sum(due < ?2), 0) FROM incident_actions
              WHERE created_at < ?1 AND (done_at IS NULL OR done_at >= ?1)",
            params![at.timestamp(), day.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// One pass over a metric's samples in the period (read from the covering index): counts,
    /// mean, extremes, and time in WARNING and CRITICAL, each sample counting until the next.
    pub fn metric_summary(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<MetricSummary> {
        let (f, t) = (from.timestamp(), to.timestamp());
        let mut summary = self.conn.query_row(
            "SELECT count(*), avg(value), min(value), max(value), coalesce(sum(state = 'OK'), 0),
                    coalesce(sum(CASE WHEN state = 'WARNING' THEN min(coalesce(next, ?3), at + ?4) - at END), 0),
                    coalesce(sum(CASE WHEN state = 'CRITICAL' THEN min(coalesce(next, ?3), at + ?4) - at END), 0)
               FROM (SELECT value, state, at, lead(at) OVER (ORDER BY at) AS next
                       FROM metric_samples WHERE metric = ?1 AND at >= ?2 AND at < ?3)",
            params![metric, f, t, MAX_SAMPLE_GAP],
            |r| {
                Ok(MetricSummary {
                    samples: r.get(0)?,
                    mean: r.get::<_, Option<f64>>(1)?.map(settle),
                    min: r.get(2)?,
                    max: r.get(3)?,
                    ok: r.get(4)?,
                    warning_seconds: r.get(5)?,
                    critical_seconds: r.get(6)?,
                    latest: None,
                })
            },
        )?;
        if summary.samples > 0 {
            summary.latest = self
                .conn
                .query_row(
                    "SELECT value FROM metric_samples WHERE metric = ?1 AND at >= ?2 AND at < ?3
                      ORDER BY at DESC LIMIT 1",
                    params![metric, f, t],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
        }
        Ok(summary)
    }

    /// A metric's mean over the period.
    pub fn metric_mean(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Option<f64>> {
        let mean: Option<f64> = self.conn.query_row(
            "SELECT avg(value) FROM metric_samples WHERE metric = ?1 AND at >= ?2 AND at < ?3",
            params![metric, from.timestamp(), to.timestamp()],
            |r| r.get(0),
        )?;
        Ok(mean.map(settle))
    }

    pub fn page_answers(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<PageAnswer>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.at, min(coalesce(i.acked_at, i.closed_at), coalesce(i.closed_at, i.acked_at))
               FROM incident_events e JOIN incidents i ON i.id = e.incident_id
              WHERE e.kind = 'paged' AND e.at >= ?1 AND e.at < ?2
              ORDER BY e.at, e.id",
        )?;
        let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], |r| {
            Ok(PageAnswer {
                paged_at: instant(r.get(0)?)?,
                answered_at: r.get::<_, Option<i64>>(1)?.map(instant).transpose()?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A metric's mean in each of `buckets` equal stretches of the period (None where empty).
    pub fn metric_trend(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        buckets: i64,
    ) -> Result<Vec<Option<TrendPoint>>> {
        let span = (to - from).num_seconds().max(1);
        let mut out = vec![None; buckets.max(1) as usize];
        let mut stmt = self.conn.prepare_cached(
            "SELECT (at - ?2) * ?4 / ?5, avg(value), min(value), max(value) FROM metric_samples
              WHERE metric = ?1 AND at >= ?2 AND at < ?3 AND value IS NOT NULL GROUP BY 1",
        )?;
        let rows = stmt.query_map(
            params![metric, from.timestamp(), to.timestamp(), buckets, span],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    TrendPoint {
                        mean: settle(r.get(1)?),
                        min: r.get(2)?,
                        max: r.get(3)?,
                    },
                ))
            },
        )?;
        for row in rows {
            let (b, point) = row?;
            if let Some(slot) = out.get_mut(b as usize) {
                *slot = Some(point);
            }
        }
        Ok(out)
    }

    /// The first and last recorded value of a metric in the period.
    pub fn first_and_last(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Option<(f64, f64)>> {
        let pick = |order: &str| -> Result<Option<f64>> {
            Ok(self
                .conn
                .query_row(
                    &format!(
                        "SELECT value FROM metric_samples WHERE metric = ?1 AND at >= ?2 AND at < ?3
                           AND value IS NOT NULL ORDER BY at {order}, id {order} LIMIT 1"
                    ),
                    params![metric, from.timestamp(), to.timestamp()],
                    |r| r.get(0),
                )
                .optional()?)
        };
        Ok(pick("ASC")?.zip(pick("DESC")?))
    }

    /// Handover notes written in the period, by author.
    pub fn handover_counts(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(String, u64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT author, count(*) FROM handover_notes WHERE at >= ?1 AND at < ?2 GROUP BY author ORDER BY 2 DESC, 1",
        )?;
        let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether anything at all has been recorded.
    pub fn holds_data(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM incidents) OR EXISTS (SELECT 1 FROM metric_checks)
                 OR EXISTS (SELECT 1 FROM checklist_ticks) OR EXISTS (SELECT 1 FROM handover_notes)
                 OR EXISTS (SELECT 1 FROM overrides)",
            [],
            |r| r.get(0),
        )?)
    }
}
