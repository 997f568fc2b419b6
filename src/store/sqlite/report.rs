//! Aggregates for reports and the status screen, over indexed ranges so a quarter of a large
//! history is never loaded whole: in SQL, or summed here as the rows stream where SQLite's
//! way (a window function, a grouping tree) costs more than the rows themselves.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{instant, Sqlite};
use crate::rules::incident::Kind;
use crate::rules::metrics::State;
use crate::store::settle;
use crate::store::{CountBy, MetricSummary, PageAnswer, TrendPoint};

/// A stretch between two samples counts toward the earlier one's state up to this long; a
/// longer gap means nobody was measuring.
const MAX_SAMPLE_GAP: i64 = 3600;

/// Adds the seconds a sample held its state to the summary's time in WARNING or CRITICAL (a
/// state mindops did not write counts nowhere, as SQL's comparisons had it).
fn count_held(summary: &mut MetricSummary, state: Option<State>, seconds: i64) {
    match state {
        Some(State::Warning) => summary.warning_seconds += seconds,
        Some(State::Critical) => summary.critical_seconds += seconds,
        _ => {}
    }
}

/// The mean, least and most of the values seen. The sum is compensated (Kahan-Babuska-
/// Neumaier) as SQLite's own `avg` is, so a mean is the one SQL gave.
#[derive(Debug, Clone, Copy, Default)]
struct Values {
    count: u64,
    sum: f64,
    compensation: f64,
    min: Option<f64>,
    max: Option<f64>,
}

impl Values {
    fn add(&mut self, value: Option<f64>) {
        let Some(v) = value else {
            return;
        };
        self.count += 1;
        let sum = self.sum + v;
        self.compensation += if self.sum.abs() >= v.abs() {
            (self.sum - sum) + v
        } else {
            (v - sum) + self.sum
        };
        self.sum = sum;
        self.min = Some(self.min.map_or(v, |m| m.min(v)));
        self.max = Some(self.max.map_or(v, |m| m.max(v)));
    }

    fn mean_min_max(&self) -> (Option<f64>, Option<f64>, Option<f64>) {
        let mean =
            (self.count > 0).then(|| settle((self.sum + self.compensation) / self.count as f64));
        (mean, self.min, self.max)
    }
}

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

    /// One pass over a metric's samples in the period, in time order from the covering index:
    /// counts, mean, extremes, the latest value, and time in WARNING and CRITICAL, each sample
    /// counting until the next. Summed here as the rows stream: SQLite's `lead()` window cost
    /// 25 ms a metric over a quarter of ten-minute checks, nine tenths of a quarterly report.
    pub fn metric_summary(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<MetricSummary> {
        let (f, t) = (from.timestamp(), to.timestamp());
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, value, state FROM metric_samples
              WHERE metric = ?1 AND at >= ?2 AND at < ?3 ORDER BY at",
        )?;
        let mut rows = stmt.query(params![metric, f, t])?;
        let mut summary = MetricSummary::default();
        let mut values = Values::default();
        // The previous sample's time and state, counted once the next one's time is known.
        let mut previous: Option<(i64, Option<State>)> = None;
        while let Some(row) = rows.next()? {
            let at: i64 = row.get(0)?;
            let value: Option<f64> = row.get(1)?;
            let held = State::parse(row.get_ref(2)?.as_str()?);
            if let Some((since, state)) = previous {
                count_held(&mut summary, state, at.min(since + MAX_SAMPLE_GAP) - since);
            }
            summary.samples += 1;
            summary.ok += u64::from(held == Some(State::Ok));
            values.add(value);
            summary.latest = value;
            previous = Some((at, held));
        }
        if let Some((since, state)) = previous {
            count_held(&mut summary, state, t.min(since + MAX_SAMPLE_GAP) - since);
        }
        (summary.mean, summary.min, summary.max) = values.mean_min_max();
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
    /// The rows come in time order, so each stretch is summed as they stream (a `GROUP BY`
    /// made SQLite sort them into a temporary tree).
    pub fn metric_trend(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        buckets: i64,
    ) -> Result<Vec<Option<TrendPoint>>> {
        let (f, t) = (from.timestamp(), to.timestamp());
        let span = (t - f).max(1);
        let buckets = buckets.max(1);
        let mut sums = vec![Values::default(); buckets as usize];
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, value FROM metric_samples
              WHERE metric = ?1 AND at >= ?2 AND at < ?3 AND value IS NOT NULL ORDER BY at",
        )?;
        let mut rows = stmt.query(params![metric, f, t])?;
        while let Some(row) = rows.next()? {
            let at: i64 = row.get(0)?;
            // As SQL's integer arithmetic puts it: which stretch of the period `at` falls in.
            let bucket = (at - f).saturating_mul(buckets) / span;
            if let Some(sum) = usize::try_from(bucket).ok().and_then(|b| sums.get_mut(b)) {
                sum.add(row.get(1)?);
            }
        }
        Ok(sums
            .iter()
            .map(|sum| match sum.mean_min_max() {
                (Some(mean), Some(min), Some(max)) => Some(TrendPoint { mean, min, max }),
                _ => None,
            })
            .collect())
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
