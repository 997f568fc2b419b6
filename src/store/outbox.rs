//! The outbox: messages written in the same transaction as the event that causes them, then
//! claimed, sent and finished by whoever delivers (the command itself, `notify flush`).

use std::str::FromStr;

use chrono::{DateTime, Utc};

use crate::rules::incident::{Event, Incident};

/// A message about to be queued. `key` is its idempotency key: queuing the same key twice
/// queues it once, and receivers get it to drop a message delivered twice.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMessage {
    pub key: String,
    pub channel: String,
    pub topic: String,
    pub incident_id: Option<i64>,
    pub recipient: Option<String>,
    /// The message as JSON; each channel renders it its own way when it sends.
    pub payload: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: i64,
    pub key: String,
    pub channel: String,
    pub topic: String,
    pub incident_id: Option<i64>,
    pub recipient: Option<String>,
    pub payload: String,
    pub state: Delivery,
    pub attempts: u32,
    pub created_at: DateTime<Utc>,
    /// When it is due: its next attempt, or for one being sent, when its claim lapses.
    pub next_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Queued,
    /// Claimed by a sender until `next_at`; a sender that died leaves it due again then.
    Sending,
    Sent,
    /// Given up on.
    Failed,
}

impl Delivery {
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Queued => "queued",
            Delivery::Sending => "sending",
            Delivery::Sent => "sent",
            Delivery::Failed => "failed",
        }
    }
}

impl FromStr for Delivery {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        Ok(match text {
            "queued" => Delivery::Queued,
            "sending" => Delivery::Sending,
            "sent" => Delivery::Sent,
            "failed" => Delivery::Failed,
            other => return Err(format!("unknown delivery state \"{other}\"")),
        })
    }
}

/// How one attempt ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Sent,
    /// Not tried (the sender ran out of time): due again at once, no attempt counted.
    Release,
    Retry {
        next_at: DateTime<Utc>,
        error: String,
    },
    Failed {
        error: String,
    },
}

/// How an outcome is stored: the row's new state, when it is next due, when it was sent, the
/// error to keep (none keeps the last), and whether it counts as an attempt.
pub struct Finished<'a> {
    pub state: Delivery,
    pub next_at: i64,
    pub sent_at: Option<i64>,
    pub error: Option<&'a str>,
    pub attempt: bool,
}

impl Outcome {
    pub fn stored(&self, at: DateTime<Utc>) -> Finished<'_> {
        let (state, next_at, sent_at, error) = match self {
            Outcome::Sent => (Delivery::Sent, at, Some(at.timestamp()), None),
            Outcome::Release => (Delivery::Queued, at, None, None),
            Outcome::Retry { next_at, error } => (Delivery::Queued, *next_at, None, Some(error)),
            Outcome::Failed { error } => (Delivery::Failed, at, None, Some(error)),
        };
        Finished {
            state,
            next_at: next_at.timestamp(),
            sent_at,
            error: error.map(String::as_str),
            attempt: *self != Outcome::Release,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct MessageFilter {
    pub failed_only: bool,
    pub incident: Option<i64>,
    /// The newest this many.
    pub limit: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MessageCounts {
    /// Queued or being sent.
    pub pending: u64,
    pub failed: u64,
}

/// Turns an incident's new events into messages, inside the transaction that stores them.
/// Given by the layer that knows the routing config; the store only asks it.
pub trait Plan {
    /// `history`: the events before these; its length is the position of `events[0]` in the
    /// incident's story, a stable name for it in idempotency keys.
    fn plan(&self, incident: &Incident, history: &[Event], events: &[Event]) -> Vec<NewMessage>;
}

/// The columns every message query reads, in [`Message`]'s order.
pub const MESSAGE_COLUMNS: &str = "id, key, channel, topic, incident_id, recipient, payload, \
     state, attempts, created_at, next_at, sent_at, last_error";
