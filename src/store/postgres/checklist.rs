//! Checklist days and ticks, handover notes and review notes.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use postgres::GenericClient;

use super::{instant_opt, Postgres, Session};
use crate::config::Checklist;
use crate::rules::checklist::Tick;
use crate::store::rows::{self, HANDOVER_COLUMNS, REVIEW_NOTE_COLUMNS, TICK_COLUMNS};
use crate::store::{HandoverNote, ReviewNote};

impl Postgres {
    pub fn checklist_day(&self, day: NaiveDate) -> Result<Option<Checklist>> {
        self.read(|s| kept_list(s, day))
    }

    pub fn ticks(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, Tick)>> {
        self.read(|s| ticks_between(s, from, to))
    }

    pub fn review_notes(&self, period: &str) -> Result<Vec<ReviewNote>> {
        self.read(|s| {
            s.read_all(
                &format!(
                    "SELECT {REVIEW_NOTE_COLUMNS} FROM review_notes WHERE period = $1 ORDER BY id"
                ),
                &[&period],
                rows::review_note,
            )
        })
    }

    pub fn handovers(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<HandoverNote>> {
        self.read(|s| {
            s.read_all(
                &format!(
                    "SELECT {HANDOVER_COLUMNS} FROM handover_notes
                      WHERE at >= $1 AND at < $2 ORDER BY at, id"
                ),
                &[&from.timestamp(), &to.timestamp()],
                rows::handover,
            )
        })
    }

    pub fn latest_handover(&self) -> Result<Option<HandoverNote>> {
        self.read(|s| {
            s.read_opt(
                &format!(
                    "SELECT {HANDOVER_COLUMNS} FROM handover_notes ORDER BY at DESC, id DESC LIMIT 1"
                ),
                &[],
                rows::handover,
            )
        })
    }

    pub fn first_check(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        self.read(|s| {
            instant_opt(
                s.one(
                    "SELECT min(at) FROM metric_checks WHERE at >= $1 AND at < $2",
                    &[&from.timestamp(), &to.timestamp()],
                )?
                .try_get(0)?,
            )
        })
    }

    pub fn first_ok(
        &self,
        metric: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        self.read(|s| {
            instant_opt(
                s.one(
                    "SELECT min(at) FROM metric_samples
                      WHERE metric = $1 AND at >= $2 AND at < $3 AND value = 1",
                    &[&metric, &from.timestamp(), &to.timestamp()],
                )?
                .try_get(0)?,
            )
        })
    }
}

pub(super) fn kept_list<C: GenericClient>(
    s: &mut Session<'_, C>,
    day: NaiveDate,
) -> Result<Option<Checklist>> {
    let text: Option<String> = s
        .opt(
            "SELECT items FROM checklist_days WHERE day = $1",
            &[&day.to_string()],
        )?
        .map(|r| r.try_get(0))
        .transpose()?;
    rows::kept_list(day, text)
}

pub(super) fn ticks_between<C: GenericClient>(
    s: &mut Session<'_, C>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, Tick)>> {
    s.read_all(
        &format!(
            "SELECT {TICK_COLUMNS} FROM checklist_ticks
              WHERE day >= $1 AND day <= $2 ORDER BY day, id"
        ),
        &[&from.to_string(), &to.to_string()],
        rows::tick,
    )
}
