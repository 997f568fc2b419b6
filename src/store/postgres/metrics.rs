//! Metric checks and samples.

use anyhow::Result;
use chrono::{DateTime, Utc};

use super::{instant_opt, Postgres};
use crate::rules::metrics::State;
use crate::rules::slo::{Counts, Good};
use crate::store::rows;
use crate::store::{NewSample, Sample};

impl Postgres {
    /// Three round trips however many checks and samples: ids first, then checks and samples
    /// as arrays.
    pub fn record_checks(&mut self, checks: &[(DateTime<Utc>, State, &[NewSample])]) -> Result<()> {
        if checks.is_empty() {
            return Ok(());
        }
        self.write(|s| {
            let ids: Vec<i64> = s
                .all(
                    "SELECT nextval(pg_get_serial_sequence('mindops.metric_checks', 'id'))
                       FROM generate_series(1, $1::bigint)",
                    &[&i64::try_from(checks.len())?],
                )?
                .iter()
                .map(|r| r.get(0))
                .collect();
            let ats: Vec<i64> = checks.iter().map(|(at, _, _)| at.timestamp()).collect();
            let check_states: Vec<&str> = checks.iter().map(|(_, st, _)| st.as_str()).collect();
            let sizes: Vec<i64> = checks
                .iter()
                .map(|(_, _, samples)| i64::try_from(samples.len()).unwrap_or(i64::MAX))
                .collect();
            s.exec(
                "INSERT INTO metric_checks (id, at, state, metrics)
                 SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[])",
                &[&ids, &ats, &check_states, &sizes],
            )?;
            let mut check_ids = Vec::new();
            let mut sample_ats = Vec::new();
            let mut metrics = Vec::new();
            let mut values = Vec::new();
            let mut states = Vec::new();
            let mut raws = Vec::new();
            for ((at, _, samples), id) in checks.iter().zip(&ids) {
                for sample in samples.iter() {
                    check_ids.push(*id);
                    sample_ats.push(at.timestamp());
                    metrics.push(sample.metric);
                    // Nothing that is not finite is stored, as on SQLite: an infinity would
                    // poison every mean a report takes.
                    values.push(sample.value.filter(|v| v.is_finite()));
                    states.push(sample.state.as_str());
                    raws.push(sample.raw.as_str());
                }
            }
            s.exec(
                "INSERT INTO metric_samples (check_id, metric, at, value, state, raw_state)
                 SELECT c, m, a, v, st, r
                   FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::float8[], $5::text[],
                               $6::text[]) WITH ORDINALITY AS u(c, m, a, v, st, r, n)
                  ORDER BY n",
                &[&check_ids, &metrics, &sample_ats, &values, &states, &raws],
            )?;
            Ok(())
        })
    }

    /// When the run of raw CRITICAL samples that ends with the latest sample began: the first
    /// sample after the latest one that was not CRITICAL.
    pub fn critical_since(&self, metric: &str) -> Result<Option<DateTime<Utc>>> {
        self.read(|s| {
            instant_opt(
                s.one(
                    "SELECT min(at) FROM metric_samples
                      WHERE metric = $1 AND at > coalesce(
                            (SELECT max(at) FROM metric_samples
                              WHERE metric = $1 AND raw_state <> 'CRITICAL'),
                            -9223372036854775808)",
                    &[&metric],
                )?
                .try_get(0)?,
            )
        })
    }

    pub fn last_state(&self, metric: &str) -> Result<Option<State>> {
        self.read(|s| {
            s.read_opt(
                "SELECT id, state FROM metric_samples WHERE metric = $1
                  ORDER BY at DESC, id DESC LIMIT 1",
                &[&metric],
                rows::sample_state,
            )
        })
    }

    pub fn recent_samples(&self, metric: &str, limit: u32) -> Result<Vec<Sample>> {
        let mut rows = self.read(|s| {
            s.all(
                "SELECT id, at, value, state FROM metric_samples WHERE metric = $1
                  ORDER BY at DESC, id DESC LIMIT $2",
                &[&metric, &i64::from(limit)],
            )?
            .iter()
            .map(|r| rows::sample(r))
            .collect::<Result<Vec<_>>>()
        })?;
        rows.reverse();
        Ok(rows)
    }

    pub fn latest_value(&self, metric: &str) -> Result<Option<Sample>> {
        self.read(|s| {
            s.opt(
                "SELECT id, at, value, state FROM metric_samples
                  WHERE metric = $1 AND value IS NOT NULL ORDER BY at DESC, id DESC LIMIT 1",
                &[&metric],
            )?
            .as_ref()
            .map(|r| rows::sample(r))
            .transpose()
        })
    }

    pub fn samples_since(&self, metric: &str, since: DateTime<Utc>) -> Result<Vec<Sample>> {
        self.read(|s| {
            s.all(
                "SELECT id, at, value, state FROM metric_samples WHERE metric = $1 AND at >= $2
                  ORDER BY at, id",
                &[&metric, &since.timestamp()],
            )?
            .iter()
            .map(|r| rows::sample(r))
            .collect()
        })
    }
}

impl Postgres {
    pub fn samples_between(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Sample>> {
        self.read(|s| {
            s.all(
                "SELECT id, at, value, state FROM metric_samples
                  WHERE metric = $1 AND at >= $2 AND at < $3 ORDER BY at, id",
                &[&metric, &from.timestamp(), &to.timestamp()],
            )?
            .iter()
            .map(|r| rows::sample(r))
            .collect()
        })
    }

    pub fn sli_steps(
        &self,
        metric: &str,
        good: &Good,
        end: DateTime<Utc>,
        step: chrono::Duration,
        steps: usize,
    ) -> Result<Vec<(usize, Counts)>> {
        let (end, step) = (end.timestamp(), step.num_seconds().max(1));
        let start = end.saturating_sub(step.saturating_mul(steps as i64));
        let sql = crate::store::sli_steps_sql(good);
        self.read(|s| {
            let rows = match good {
                Good::Compare { value, .. } => {
                    s.all(&sql, &[&metric, &end, &step, &start, value])?
                }
                Good::State => s.all(&sql, &[&metric, &end, &step, &start])?,
            };
            rows.iter().map(|r| rows::sli_step(r)).collect()
        })
    }

    pub fn sli_windows(
        &self,
        metric: &str,
        good: &Good,
        end: DateTime<Utc>,
        windows: &[chrono::Duration],
    ) -> Result<Vec<Counts>> {
        let sql = crate::store::sli_windows_sql(good, windows);
        let end = end.timestamp();
        self.read(|s| {
            let row = match good {
                Good::Compare { value, .. } => s.one(&sql, &[&metric, &end, value])?,
                Good::State => s.one(&sql, &[&metric, &end])?,
            };
            (0..windows.len())
                .map(|i| rows::counts(&row, 2 * i))
                .collect()
        })
    }
}
