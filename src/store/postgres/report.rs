//! Aggregates for reports and the status screen, computed by the server over indexed ranges.
//! Each returns exactly what the SQLite backend does: integer counts as bigint, means as
//! double precision (PostgreSQL's `avg` and `sum` of bigint are numeric, hence the casts).

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};

use super::{instant, instant_opt, Postgres};
use crate::rules::incident::Kind;
use crate::store::settle;
use crate::store::{CountBy, MetricSummary, PageAnswer, TrendPoint};

/// As on SQLite: a stretch between two samples counts toward the earlier one's state up to
/// this long.
const MAX_SAMPLE_GAP: i64 = 3600;

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

// Deadlines follow crate::rules::deadline: done in time is `done < due`, and a deadline has
// passed at `now` when `due <= now`.
impl Postgres {
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
        self.read(|s| {
            s.all(
                &format!(
                    "SELECT coalesce({by}, ''), count(*) FROM incident_events
                      WHERE kind = $1 AND at >= $2 AND at < $3 GROUP BY 1 ORDER BY 2 DESC, 1"
                ),
                &[&kind.as_str(), &from.timestamp(), &to.timestamp()],
            )?
            .iter()
            .map(|r| Ok((r.try_get(0)?, count(r.try_get(1)?))))
            .collect()
        })
    }

    pub fn actions_open(&self, at: DateTime<Utc>, day: NaiveDate) -> Result<(u64, u64)> {
        self.read(|s| {
            let row = s.one(
                "SELECT count(*), count(*) FILTER (WHERE due < $2) FROM incident_actions
                  WHERE created_at < $1 AND (done_at IS NULL OR done_at >= $1)",
                &[&at.timestamp(), &day.to_string()],
            )?;
            Ok((count(row.try_get(0)?), count(row.try_get(1)?)))
        })
    }

    pub fn metric_summary(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<MetricSummary> {
        let (f, t) = (from.timestamp(), to.timestamp());
        self.read(|s| {
            let r = s.one(
                "SELECT count(*), avg(value), min(value), max(value),
                        count(*) FILTER (WHERE state = 'OK'),
                        coalesce(sum(least(coalesce(next, $3), at + $4) - at)
                                 FILTER (WHERE state = 'WARNING'), 0)::bigint,
                        coalesce(sum(least(coalesce(next, $3), at + $4) - at)
                                 FILTER (WHERE state = 'CRITICAL'), 0)::bigint
                   FROM (SELECT value, state, at, lead(at) OVER (ORDER BY at) AS next
                           FROM metric_samples WHERE metric = $1 AND at >= $2 AND at < $3) s",
                &[&metric, &f, &t, &MAX_SAMPLE_GAP],
            )?;
            let mut summary = MetricSummary {
                samples: count(r.try_get(0)?),
                mean: r.try_get::<_, Option<f64>>(1)?.map(settle),
                min: r.try_get(2)?,
                max: r.try_get(3)?,
                ok: count(r.try_get(4)?),
                warning_seconds: r.try_get(5)?,
                critical_seconds: r.try_get(6)?,
                latest: None,
            };
            if summary.samples > 0 {
                summary.latest = s
                    .opt(
                        "SELECT value FROM metric_samples WHERE metric = $1 AND at >= $2 AND at < $3
                          ORDER BY at DESC LIMIT 1",
                        &[&metric, &f, &t],
                    )?
                    .and_then(|r| r.get(0));
            }
            Ok(summary)
        })
    }

    pub fn metric_mean(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Option<f64>> {
        self.read(|s| {
            let mean: Option<f64> = s
                .one(
                    "SELECT avg(value) FROM metric_samples
                      WHERE metric = $1 AND at >= $2 AND at < $3",
                    &[&metric, &from.timestamp(), &to.timestamp()],
                )?
                .try_get(0)?;
            Ok(mean.map(settle))
        })
    }

    pub fn page_answers(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<PageAnswer>> {
        self.read(|s| {
            s.all(
                "SELECT e.at, least(i.acked_at, i.closed_at)
                   FROM incident_events e JOIN incidents i ON i.id = e.incident_id
                  WHERE e.kind = 'paged' AND e.at >= $1 AND e.at < $2
                  ORDER BY e.at, e.id",
                &[&from.timestamp(), &to.timestamp()],
            )?
            .iter()
            .map(|r| {
                Ok(PageAnswer {
                    paged_at: instant(r.try_get(0)?)?,
                    answered_at: instant_opt(r.try_get(1)?)?,
                })
            })
            .collect()
        })
    }

    pub fn metric_trend(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        buckets: i64,
    ) -> Result<Vec<Option<TrendPoint>>> {
        let span = (to - from).num_seconds().max(1);
        let mut out = vec![None; buckets.max(1) as usize];
        let rows = self.read(|s| {
            s.all(
                "SELECT (at - $2) * $4 / $5, avg(value), min(value), max(value)
                   FROM metric_samples
                  WHERE metric = $1 AND at >= $2 AND at < $3 AND value IS NOT NULL GROUP BY 1",
                &[&metric, &from.timestamp(), &to.timestamp(), &buckets, &span],
            )
        })?;
        for r in rows {
            let b: i64 = r.try_get(0)?;
            if let Some(slot) = usize::try_from(b).ok().and_then(|b| out.get_mut(b)) {
                *slot = Some(TrendPoint {
                    mean: settle(r.try_get(1)?),
                    min: r.try_get(2)?,
                    max: r.try_get(3)?,
                });
            }
        }
        Ok(out)
    }

    pub fn first_and_last(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Option<(f64, f64)>> {
        self.read(|s| {
            let mut pick = |order: &str| -> Result<Option<f64>> {
                Ok(s.opt(
                    &format!(
                        "SELECT value FROM metric_samples WHERE metric = $1 AND at >= $2 AND at < $3
                           AND value IS NOT NULL ORDER BY at {order}, id {order} LIMIT 1"
                    ),
                    &[&metric, &from.timestamp(), &to.timestamp()],
                )?
                .map(|r| r.get(0)))
            };
            let first = pick("ASC")?;
            let last = pick("DESC")?;
            Ok(first.zip(last))
        })
    }

    pub fn handover_counts(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(String, u64)>> {
        self.read(|s| {
            s.all(
                "SELECT author, count(*) FROM handover_notes WHERE at >= $1 AND at < $2
                  GROUP BY author ORDER BY 2 DESC, 1",
                &[&from.timestamp(), &to.timestamp()],
            )?
            .iter()
            .map(|r| Ok((r.try_get(0)?, count(r.try_get(1)?))))
            .collect()
        })
    }

    pub fn holds_data(&self) -> Result<bool> {
        self.read(|s| {
            Ok(s.one(
                "SELECT EXISTS (SELECT 1 FROM incidents) OR EXISTS (SELECT 1 FROM metric_checks)
                     OR EXISTS (SELECT 1 FROM checklist_ticks) OR EXISTS (SELECT 1 FROM handover_notes)
                     OR EXISTS (SELECT 1 FROM overrides)",
                &[],
            )?
            .try_get(0)?)
        })
    }
}
