//! Heartbeats: the last time each job reported in.

use anyhow::Result;
use chrono::{DateTime, Utc};

use super::{instant, instant_opt, Postgres};

impl Postgres {
    pub fn record_beat(&mut self, name: &str, at: DateTime<Utc>) -> Result<()> {
        self.write(|s| {
            s.exec(
                "INSERT INTO beats (name, at, count) VALUES ($1, $2, 1)
                 ON CONFLICT (name) DO UPDATE
                    SET at = greatest(beats.at, excluded.at), count = beats.count + 1",
                &[&name, &at.timestamp()],
            )
        })?;
        Ok(())
    }

    pub fn beats(&self) -> Result<Vec<(String, DateTime<Utc>)>> {
        self.read(|s| {
            s.all("SELECT name, at FROM beats ORDER BY name", &[])?
                .iter()
                .map(|r| Ok((r.try_get(0)?, instant(r.try_get(1)?)?)))
                .collect()
        })
    }

    pub fn oldest_due_message(&self) -> Result<Option<DateTime<Utc>>> {
        self.read(|s| {
            let row = s.one(
                "SELECT min(next_at) FROM outbox WHERE state IN ('queued', 'sending')",
                &[],
            )?;
            instant_opt(row.try_get(0)?)
        })
    }

    pub fn last_page_at(&self) -> Result<Option<DateTime<Utc>>> {
        self.read(|s| {
            let row = s.one(
                "SELECT max(at) FROM incident_events WHERE kind = 'paged'",
                &[],
            )?;
            instant_opt(row.try_get(0)?)
        })
    }

    pub fn pages_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(DateTime<Utc>, String)>> {
        self.read(|s| {
            s.all(
                "SELECT at, new_value FROM incident_events
                  WHERE kind = 'paged' AND at >= $1 AND at < $2 AND new_value IS NOT NULL
                  ORDER BY at, id",
                &[&from.timestamp(), &to.timestamp()],
            )?
            .iter()
            .map(|r| Ok((instant(r.try_get(0)?)?, r.try_get(1)?)))
            .collect()
        })
    }
}
