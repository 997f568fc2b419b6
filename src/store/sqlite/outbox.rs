//! The outbox on SQLite. Claims run in an IMMEDIATE transaction: one writer at a time, so two
//! senders never claim the same message.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, Row, TransactionBehavior};

use super::{bad_row, instant, Sqlite};
use crate::store::outbox::{Message, MessageCounts, MessageFilter, Outcome, MESSAGE_COLUMNS};

/// Queues messages inside the caller's transaction; a key already queued is left as it is.
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
        let mut claimed = {
            let mut stmt = tx.prepare_cached(&format!(
                "UPDATE outbox SET state = 'sending', next_at = ?2, claim = ?4
                  WHERE id IN (SELECT id FROM outbox
                                WHERE state IN ('queued', 'sending') AND next_at <= ?1
                                ORDER BY next_at, id LIMIT ?3)
                  RETURNING {MESSAGE_COLUMNS}"
            ))?;
            let rows = stmt.query_map(
                params![now.timestamp(), until.timestamp(), limit, claim],
                message_row,
            )?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
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
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MESSAGE_COLUMNS} FROM outbox
              WHERE (?1 = 0 OR state = 'failed') AND (?2 IS NULL OR incident_id = ?2)
              ORDER BY id DESC LIMIT ?3"
        ))?;
        let rows = stmt.query_map(
            params![filter.failed_only, filter.incident, filter.limit],
            message_row,
        )?;
        let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
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

fn message_row(r: &Row) -> rusqlite::Result<Message> {
    let id: i64 = r.get(0)?;
    let state: String = r.get(7)?;
    let attempts: i64 = r.get(8)?;
    Ok(Message {
        id,
        key: r.get(1)?,
        channel: r.get(2)?,
        topic: r.get(3)?,
        incident_id: r.get(4)?,
        recipient: r.get(5)?,
        payload: r.get(6)?,
        state: state.parse().map_err(|e| bad_row("outbox", id, e))?,
        attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
        created_at: instant(r.get(9)?)?,
        next_at: instant(r.get(10)?)?,
        sent_at: r.get::<_, Option<i64>>(11)?.map(instant).transpose()?,
        last_error: r.get(12)?,
    })
}
