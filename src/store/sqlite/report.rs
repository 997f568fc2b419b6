//! Aggregates for reports and the status screen, computed in SQL over indexed ranges so a
//! quarter of a large history is never loaded whole.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{instant, Sqlite};
use crate::rules::incident::Kind;
use crate::store::settle;
use crate::store::{
    Breach, CountBy, Limit, MetricSummary, PageAnswer, Reached, SeverityCounts, Spread, TrendPoint,
};

/// A stretch between two samples counts toward the earlier one's state up to this long; a
/// longer gap means nobody was measuring.
const MAX_SAMPLE_GAP: i64 = 3600;

// Deadlines follow crate::rules::deadline: done in time is `done < due`, and a deadline has
// passed at `now` when `due <= now`.
impl Sqlite {
    pub fn severity_counts(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Vec<SeverityCounts>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT severity, count(*),
                    sum(acked_at IS NOT NULL OR ack_due <= ?3),
                    sum(acked_at IS NOT NULL AND acked_at < ack_due),
                    sum(closed_at IS NOT NULL OR resolve_due <= ?3),
                    sum(closed_at IS NOT NULL AND closed_at < resolve_due)
               FROM incidents WHERE opened_at >= ?1 AND opened_at < ?2
              GROUP BY severity ORDER BY severity",
        )?;
        let rows = stmt.query_map(
            params![from.timestamp(), to.timestamp(), now.timestamp()],
            |r| {
                Ok(SeverityCounts {
                    severity: r.get(0)?,
                    opened: r.get(1)?,
                    ack_judged: r.get(2)?,
                    ack_met: r.get(3)?,
                    resolve_judged: r.get(4)?,
                    resolve_met: r.get(5)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Time from opening to `column` (`acked_at` or `closed_at`) for incidents opened in the
    /// period that got there.
    pub fn spread(
        &self,
        reached: Reached,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Spread> {
        let column = match reached {
            Reached::Acknowledged => "acked_at",
            Reached::Closed => "closed_at",
        };
        let base = format!(
            "FROM incidents WHERE opened_at >= ?1 AND opened_at < ?2 AND {column} IS NOT NULL"
        );
        let (count, mean): (u64, Option<f64>) = self.conn.query_row(
            &format!("SELECT count(*), avg({column} - opened_at) {base}"),
            params![from.timestamp(), to.timestamp()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        // Nearest-rank percentiles, one row fetched each.
        let rank = |p: f64| -> Result<Option<i64>> {
            if count == 0 {
                return Ok(None);
            }
            let offset = ((p * count as f64).ceil() as u64).clamp(1, count) - 1;
            Ok(self
                .conn
                .query_row(
                    &format!(
                        "SELECT {column} - opened_at AS d {base} ORDER BY d LIMIT 1 OFFSET ?3"
                    ),
                    params![from.timestamp(), to.timestamp(), offset],
                    |r| r.get(0),
                )
                .optional()?)
        };
        Ok(Spread {
            count,
            mean,
            median: rank(0.5)?,
            p90: rank(0.9)?,
        })
    }

    /// Breaches of incidents opened in the period, oldest first, at most `limit`; and how many
    /// there are in all.
    pub fn breaches(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<(Vec<Breach>, u64)> {
        let mut out = Vec::new();
        let mut total = 0;
        for (kind, done, due) in [
            (Limit::Acknowledge, "acked_at", "ack_due"),
            (Limit::Resolve, "closed_at", "resolve_due"),
        ] {
            let filter = format!(
                "FROM incidents WHERE opened_at >= ?1 AND opened_at < ?2
                   AND (({done} IS NOT NULL AND {done} >= {due}) OR ({done} IS NULL AND {due} <= ?3))"
            );
            let n: u64 = self.conn.query_row(
                &format!("SELECT count(*) {filter}"),
                params![from.timestamp(), to.timestamp(), now.timestamp()],
                |r| r.get(0),
            )?;
            total += n;
            let mut stmt = self.conn.prepare(&format!(
                "SELECT id, severity, title, {due}, {done} {filter} ORDER BY opened_at, id LIMIT ?4"
            ))?;
            let rows = stmt.query_map(
                params![from.timestamp(), to.timestamp(), now.timestamp(), limit],
                |r| {
                    let due_at: i64 = r.get(3)?;
                    let done_at: Option<i64> = r.get(4)?;
                    Ok(Breach {
                        id: r.get(0)?,
                        severity: r.get(1)?,
                        title: r.get(2)?,
                        limit: kind,
                        due: instant(due_at)?,
                        done: done_at.map(instant).transpose()?,
                        late_by: done_at.unwrap_or(now.timestamp()) - due_at,
                    })
                },
            )?;
            for row in rows {
                out.push(row?);
            }
        }
        out.sort_by(|a, b| a.due.cmp(&b.due).then(a.id.cmp(&b.id)));
        out.truncate(limit as usize);
        Ok((out, total))
    }

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

    /// Incidents opened before `at` and not closed by then.
    pub fn open_at(&self, at: DateTime<Utc>) -> Result<u64> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM incidents WHERE opened_at < ?1)
                  - (SELECT count(*) FROM incidents WHERE closed_at IS NOT NULL AND closed_at < ?1)",
            [at.timestamp()],
            |r| r.get::<_, i64>(0),
        )?
        .max(0) as u64)
    }

    /// Incidents closed in the period that never reached the review phase.
    pub fn closed_without_review(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM incidents WHERE closed_at >= ?1 AND closed_at < ?2 AND phase <> 'review' ORDER BY closed_at, id",
        )?;
        let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], |r| r.get(0))?;
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

    /// Incidents opened per severity per stretch of `bucket` seconds from `from`.
    pub fn incidents_per_bucket(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        bucket: i64,
    ) -> Result<Vec<(i64, String, u64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT (opened_at - ?1) / ?3, severity, count(*) FROM incidents
              WHERE opened_at >= ?1 AND opened_at < ?2 GROUP BY 1, 2 ORDER BY 1, 2",
        )?;
        let rows = stmt.query_map(
            params![from.timestamp(), to.timestamp(), bucket.max(1)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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
