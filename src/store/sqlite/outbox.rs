//! The outbox on SQLite. Claims run in an IMMEDIATE transaction: one writer at a time, so two
//! senders never claim the same message.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, TransactionBehavior};

use super::{all, Sqlite};
use crate::store::outbox::{Message, MessageCounts, MessageFilter, Outcome, MESSAGE_COLUMNS};
use crate::store::rows;

impl Sqlite {
    pub fn claim_messages(
        &mut self,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        claim: &str,
        limit: u32,
    ) -> Result<Vec<Message>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut claimed = all(
            &tx,
            &format!(
                "UPDATE outbox SET state = 'sending', next_at = ?2, claim = ?4
                  WHERE id IN (SELECT id FROM outbox
                                WHERE state IN ('queued', 'sending') AND next_at <= ?1
                                ORDER BY next_at, id LIMIT ?3)
                  RETURNING {MESSAGE_COLUMNS}"
            ),
            params![now.timestamp(), until.timestamp(), limit, claim],
            rows::message,
        )?;
        tx.commit()?;
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
        let changed = self.conn.prepare_cached(
            "UPDATE outbox SET state = ?2, attempts = attempts + CASE WHEN ?6 THEN 1 ELSE 0 END,
                    next_at = ?3, sent_at = ?4, last_error = coalesce(?5, last_error), claim = NULL
              WHERE id = ?1 AND state = 'sending' AND claim = ?7",
        )?
        .execute(params![
            id,
            f.state.as_str(),
            f.next_at,
            f.sent_at,
            f.error,
            f.attempt,
            claim
        ])?;
        Ok(changed == 1)
    }

    pub fn messages(&self, filter: &MessageFilter) -> Result<Vec<Message>> {
        let mut out = all(
            &self.conn,
            &format!(
                "SELECT {MESSAGE_COLUMNS} FROM outbox
                  WHERE (?1 = 0 OR state = 'failed') AND (?2 IS NULL OR incident_id = ?2)
                  ORDER BY id DESC LIMIT ?3"
            ),
            params![filter.failed_only, filter.incident, filter.limit],
            rows::message,
        )?;
        out.reverse();
        Ok(out)
    }

    pub fn message_counts(&self) -> Result<MessageCounts> {
        Ok(self.conn.query_row(
            "SELECT count(*) FILTER (WHERE state IN ('queued', 'sending')),
                    count(*) FILTER (WHERE state = 'failed')
               FROM outbox WHERE state <> 'sent'",
            [],
            |r| {
                Ok(MessageCounts {
                    pending: r.get(0)?,
                    failed: r.get(1)?,
                })
            },
        )?)
    }
}
