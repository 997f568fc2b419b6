//! The outbox on PostgreSQL. Claims take due rows `FOR UPDATE SKIP LOCKED`: two cron hosts
//! flushing at once each take different messages and neither waits for the other.

use anyhow::Result;
use chrono::{DateTime, Utc};

use super::Postgres;
use crate::store::outbox::{Message, MessageCounts, MessageFilter, Outcome, MESSAGE_COLUMNS};
use crate::store::rows;

/// Queues messages inside the caller's transaction; a key already queued is left as it is.
impl Postgres {
    pub fn claim_messages(
        &mut self,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        claim: &str,
        limit: u32,
    ) -> Result<Vec<Message>> {
        let mut claimed = self.write(|s| {
            s.all(
                &format!(
                    "UPDATE outbox SET state = 'sending', next_at = $2, claim = $4
                      WHERE id IN (SELECT id FROM outbox
                                    WHERE state IN ('queued', 'sending') AND next_at <= $1
                                    ORDER BY next_at, id LIMIT $3
                                    FOR UPDATE SKIP LOCKED)
                      RETURNING {MESSAGE_COLUMNS}"
                ),
                &[
                    &now.timestamp(),
                    &until.timestamp(),
                    &i64::from(limit),
                    &claim,
                ],
            )?
            .iter()
            .map(|r| rows::message(r))
            .collect::<Result<Vec<_>>>()
        })?;
        claimed.sort_by_key(|m| m.id);
        Ok(claimed)
    }

    pub fn finish_message(
        &mut self,
        at: DateTime<Utc>,
        claim: &str,
        id: i64,
        outcome: &Outcome,
    ) -> Result<bool> {
        let f = outcome.stored(at);
        let changed = self.write(|s| {
            s.exec(
                "UPDATE outbox SET state = $2,
                        attempts = attempts + CASE WHEN $6 THEN 1 ELSE 0 END,
                        next_at = $3, sent_at = $4, last_error = coalesce($5, last_error),
                        claim = NULL
                  WHERE id = $1 AND state = 'sending' AND claim = $7",
                &[
                    &id,
                    &f.state.as_str(),
                    &f.next_at,
                    &f.sent_at,
                    &f.error,
                    &f.attempt,
                    &claim,
                ],
            )
        })?;
        Ok(changed == 1)
    }

    pub fn messages(&self, filter: &MessageFilter) -> Result<Vec<Message>> {
        let mut out = self.read(|s| {
            s.all(
                &format!(
                    "SELECT {MESSAGE_COLUMNS} FROM outbox
                      WHERE (NOT $1 OR state = 'failed')
                        AND ($2::bigint IS NULL OR incident_id = $2)
                      ORDER BY id DESC LIMIT $3"
                ),
                &[
                    &filter.failed_only,
                    &filter.incident,
                    &i64::from(filter.limit),
                ],
            )?
            .iter()
            .map(|r| rows::message(r))
            .collect::<Result<Vec<_>>>()
        })?;
        out.reverse();
        Ok(out)
    }

    pub fn message_counts(&self) -> Result<MessageCounts> {
        self.read(|s| {
            let row = s.one(
                "SELECT count(*) FILTER (WHERE state IN ('queued', 'sending')),
                        count(*) FILTER (WHERE state = 'failed')
                   FROM outbox WHERE state <> 'sent'",
                &[],
            )?;
            let count = |i: usize| u64::try_from(row.get::<_, i64>(i)).unwrap_or(0);
            Ok(MessageCounts {
                pending: count(0),
                failed: count(1),
            })
        })
    }
}
