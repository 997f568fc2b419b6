//! The one clock. Every "now" in mindops comes from here, so tests and replays can pin it with
//! `MINDOPS_NOW`.

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};

pub const ENV: &str = "MINDOPS_NOW";

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pinned: Option<DateTime<Utc>>,
}

impl Clock {
    pub fn from_env() -> Result<Self> {
        let pinned = match std::env::var(ENV) {
            Ok(text) if !text.trim().is_empty() => {
                let t = DateTime::parse_from_rfc3339(text.trim())
                    .map(|t| t.with_timezone(&Utc))
                    .with_context(|| {
                        format!("{ENV}={text:?} is not an RFC 3339 time; write e.g. 2024-08-07T10:00:00Z")
                    })?;
                Some(
                    crate::util::time::checked_instant(t, &text)
                        .map_err(|e| anyhow::anyhow!("{ENV}: {e}"))?,
                )
            }
            _ => None,
        };
        Ok(Clock { pinned })
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.pinned.unwrap_or_else(Utc::now)
    }
}
