//! Metric checks and samples.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, TransactionBehavior};

use super::{all, first, instant, Sqlite};
use crate::rules::metrics::State;
use crate::rules::slo::{Counts, Good};
use crate::store::rows::{self, SAMPLE_COLUMNS};
use crate::store::{NewSample, Sample};

/// A check's values. Nothing that is not finite is stored: SQLite has no NaN, and an infinity
/// would poison every mean a report takes.
pub(super) fn insert_samples(
    conn: &Connection,
    check_id: i64,
    at: DateTime<Utc>,
    samples: &[NewSample],
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO metric_samples (check_id, metric, at, value, state, raw_state)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for s in samples {
        stmt.execute(params![
            check_id,
            s.metric,
            at.timestamp(),
            s.value.filter(|v| v.is_finite()),
            s.state.as_str(),
            s.raw.as_str()
        ])?;
    }
    Ok(())
}

impl Sqlite {
    /// Many checks in one transaction (an import, a demo history).
    pub fn record_checks(&mut self, checks: &[(DateTime<Utc>, State, &[NewSample])]) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        {
            let mut check_stmt = tx.prepare_cached(
                "INSERT INTO metric_checks (at, state, metrics) VALUES (?1, ?2, ?3)",
            )?;
            for (at, state, samples) in checks {
                check_stmt.execute(params![at.timestamp(), state.as_str(), samples.len()])?;
                insert_samples(&tx, tx.last_insert_rowid(), *at, samples)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// When the run of raw CRITICAL samples that ends with the latest sample began; `None` when
    /// the latest sample was not CRITICAL (or there is none). Walks back from the newest sample,
    /// so it reads only the run itself.
    pub fn critical_since(&self, metric: &str) -> Result<Option<DateTime<Utc>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, raw_state FROM metric_samples WHERE metric = ?1 ORDER BY at DESC",
        )?;
        let mut rows = stmt.query([metric])?;
        let mut since = None;
        while let Some(row) = rows.next()? {
            let state: String = row.get(1)?;
            if state != State::Critical.as_str() {
                break;
            }
            since = Some(instant(row.get(0)?)?);
        }
        Ok(since)
    }

    /// The state of the latest recorded sample of a metric.
    pub fn last_state(&self, metric: &str) -> Result<Option<State>> {
        first(
            &self.conn,
            "SELECT id, state FROM metric_samples WHERE metric = ?1 ORDER BY at DESC, id DESC LIMIT 1",
            [metric],
            rows::sample_state,
        )
    }

    /// The latest `limit` samples of a metric, oldest first.
    pub fn recent_samples(&self, metric: &str, limit: u32) -> Result<Vec<Sample>> {
        let mut samples = all(
            &self.conn,
            &format!(
                "SELECT {SAMPLE_COLUMNS} FROM metric_samples
                  WHERE metric = ?1 ORDER BY at DESC, id DESC LIMIT ?2"
            ),
            params![metric, limit],
            rows::sample,
        )?;
        samples.reverse();
        Ok(samples)
    }

    /// The newest sample of a metric that holds a value.
    pub fn latest_value(&self, metric: &str) -> Result<Option<Sample>> {
        first(
            &self.conn,
            &format!(
                "SELECT {SAMPLE_COLUMNS} FROM metric_samples
                  WHERE metric = ?1 AND value IS NOT NULL ORDER BY at DESC, id DESC LIMIT 1"
            ),
            [metric],
            rows::sample,
        )
    }

    /// Samples of a metric from `since` on, oldest first.
    pub fn samples_since(&self, metric: &str, since: DateTime<Utc>) -> Result<Vec<Sample>> {
        all(
            &self.conn,
            &format!(
                "SELECT {SAMPLE_COLUMNS} FROM metric_samples
                  WHERE metric = ?1 AND at >= ?2 ORDER BY at, id"
            ),
            params![metric, since.timestamp()],
            rows::sample,
        )
    }
}

impl Sqlite {
    pub fn samples_between(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Sample>> {
        all(
            &self.conn,
            &format!(
                "SELECT {SAMPLE_COLUMNS} FROM metric_samples
                  WHERE metric = ?1 AND at >= ?2 AND at < ?3 ORDER BY at, id"
            ),
            params![metric, from.timestamp(), to.timestamp()],
            rows::sample,
        )
    }

    /// Read from the covering index alone: a 30-day window of minute checks is 43,200 index
    /// entries, counted without touching the table.
    pub fn sli_steps(
        &self,
        metric: &str,
        good: &Good,
        end: DateTime<Utc>,
        step: chrono::Duration,
        steps: usize,
    ) -> Result<Vec<(usize, Counts)>> {
        let step = step.num_seconds().max(1);
        let start = end
            .timestamp()
            .saturating_sub(step.saturating_mul(steps as i64));
        let mut stmt = self
            .conn
            .prepare_cached(&crate::store::sli_steps_sql(good))?;
        let end = end.timestamp();
        let mut named: Vec<(&str, &dyn rusqlite::ToSql)> =
            vec![("$1", &metric), ("$2", &end), ("$3", &step), ("$4", &start)];
        if let Good::Compare { value, .. } = good {
            named.push(("$5", value));
        }
        let mut found = stmt.query(named.as_slice())?;
        let mut out = Vec::new();
        while let Some(row) = found.next()? {
            out.push(rows::sli_step(row)?);
        }
        Ok(out)
    }

    pub fn sli_windows(
        &self,
        metric: &str,
        good: &Good,
        end: DateTime<Utc>,
        windows: &[chrono::Duration],
    ) -> Result<Vec<Counts>> {
        let mut stmt = self
            .conn
            .prepare_cached(&crate::store::sli_windows_sql(good, windows))?;
        let end = end.timestamp();
        let mut named: Vec<(&str, &dyn rusqlite::ToSql)> = vec![("$1", &metric), ("$2", &end)];
        if let Good::Compare { value, .. } = good {
            named.push(("$3", value));
        }
        let mut found = stmt.query(named.as_slice())?;
        // An aggregate without grouping: always one row.
        let row = found.next()?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
        (0..windows.len())
            .map(|i| rows::counts(row, 2 * i))
            .collect()
    }
}
