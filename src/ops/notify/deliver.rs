//! Delivery: claim due messages, send them (several at once), record each outcome. A failure
//! that may pass later is retried with exponential backoff and jitter, honouring the
//! receiver's `Retry-After`, until the message's attempts or age run out.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration as StdDuration, Instant};

use anyhow::Result;
use chrono::{DateTime, Duration, Utc};

use super::channels::{self, Failure};
use super::Body;
use crate::config::notify::{Notify, Topic};
use crate::net::http::Clients;
use crate::store::{Message, Outcome, Store};
use crate::util::time::later;

/// Messages claimed at a time: a batch's outcomes are written in one transaction.
const BATCH: u32 = 64;
/// Requests in flight at once.
const PARALLEL: usize = 8;
/// The first retry waits this long, each next one twice as long, up to [`LONGEST_WAIT`].
const FIRST_WAIT: i64 = 30;
const LONGEST_WAIT: i64 = 3600;

/// What one delivery run did.
#[derive(Debug, Default)]
pub struct Delivered {
    pub sent: usize,
    pub retrying: usize,
    /// Given up on in this run, with why.
    pub failed: Vec<(Message, String)>,
    /// Messages left due when the time ran out.
    pub unfinished: usize,
}

/// Sends every message due at `now` within `budget` of wall-clock time.
pub fn deliver(
    store: &mut Store,
    notify: &Notify,
    now: DateTime<Utc>,
    budget: StdDuration,
) -> Result<Delivered> {
    let started = Instant::now();
    let mut done = Delivered::default();
    // A sender that dies mid-batch leaves its claims; they are due again once no live sender
    // could still be working on them.
    let longest = notify
        .channels
        .iter()
        .map(|c| c.timeout)
        .max()
        .unwrap_or(Duration::seconds(10));
    let claim_until = later(now, longest + Duration::seconds(60));
    let clients = Clients::default();
    loop {
        if started.elapsed() >= budget {
            break;
        }
        let batch = store.claim_messages(now, claim_until, BATCH)?;
        if batch.is_empty() {
            break;
        }
        let next = AtomicUsize::new(0);
        let outcomes: Vec<Mutex<Option<Outcome>>> =
            batch.iter().map(|_| Mutex::new(None)).collect();
        std::thread::scope(|scope| {
            for _ in 0..PARALLEL.min(batch.len()) {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(message) = batch.get(i) else { break };
                    let left = budget.saturating_sub(started.elapsed());
                    let outcome = attempt(message, notify, now, left, &clients);
                    if let Ok(mut slot) = outcomes[i].lock() {
                        *slot = Some(outcome);
                    }
                });
            }
        });
        let mut results = Vec::with_capacity(batch.len());
        for (message, slot) in batch.into_iter().zip(outcomes) {
            let outcome = slot.into_inner().ok().flatten().unwrap_or(Outcome::Release);
            match &outcome {
                Outcome::Sent => done.sent += 1,
                Outcome::Retry { .. } => done.retrying += 1,
                Outcome::Release => done.unfinished += 1,
                Outcome::Failed { error } => done.failed.push((message.clone(), error.clone())),
            }
            results.push((message.id, outcome));
        }
        store.finish_messages(now, &results)?;
    }
    Ok(done)
}

fn attempt(
    message: &Message,
    notify: &Notify,
    now: DateTime<Utc>,
    left: StdDuration,
    clients: &Clients,
) -> Outcome {
    let Some(channel) = notify.channel(&message.channel) else {
        return Outcome::Failed {
            error: format!(
                "channel \"{}\" is no longer in rotation.yaml's notify.channels",
                message.channel
            ),
        };
    };
    let body: Body = match serde_json::from_str(&message.payload) {
        Ok(body) => body,
        Err(e) => {
            return Outcome::Failed {
                error: format!("the stored message cannot be read: {e}"),
            }
        }
    };
    if left.is_zero() {
        return Outcome::Release;
    }
    let timeout = channel.timeout.to_std().unwrap_or(left).min(left);
    match channels::send(
        channel,
        &body,
        &message.payload,
        timeout,
        now.timestamp(),
        clients,
    ) {
        Ok(()) => Outcome::Sent,
        Err(failure) => after(message, notify, now, failure),
    }
}

/// What a failed attempt leads to: another after a wait, or giving up.
fn after(message: &Message, notify: &Notify, now: DateTime<Utc>, failure: Failure) -> Outcome {
    let attempts = message.attempts.saturating_add(1);
    if !failure.retry {
        return Outcome::Failed {
            error: failure.text,
        };
    }
    let wait = backoff(attempts, message.id, failure.retry_after);
    let next_at = later(now, wait);
    if attempts >= notify.max_attempts || next_at > later(message.created_at, notify.give_up_after)
    {
        return Outcome::Failed {
            error: format!(
                "gave up after {attempts} attempt{}: {}",
                if attempts == 1 { "" } else { "s" },
                failure.text
            ),
        };
    }
    Outcome::Retry {
        next_at,
        error: failure.text,
    }
}

/// The wait before attempt `attempts + 1`: doubling from 30 s to at most an hour, spread by
/// ±20 % so that messages that failed together do not all come back together; never shorter
/// than the receiver's `Retry-After`.
pub fn backoff(attempts: u32, id: i64, retry_after: Option<StdDuration>) -> Duration {
    let doubling = FIRST_WAIT.saturating_mul(1i64 << attempts.saturating_sub(1).min(20));
    let base = doubling.min(LONGEST_WAIT);
    // A cheap, well-spread number from the message and attempt: jitter needs spread, not
    // secrecy.
    let spread =
        (id as u64 ^ u64::from(attempts).rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54; // 0..1023
    let factor = 0.8 + 0.4 * (spread as f64 / 1023.0);
    let wait = Duration::milliseconds((base as f64 * 1000.0 * factor) as i64);
    let asked = retry_after
        .and_then(|d| Duration::from_std(d).ok())
        .unwrap_or_else(Duration::zero)
        .min(Duration::seconds(LONGEST_WAIT * 24));
    wait.max(asked)
}

/// The failed pages a run gave up on that were meant for the first role of the chain: each
/// is escalated to the next role.
pub fn failed_first_pages<'a>(
    delivered: &'a Delivered,
    first_role: &str,
) -> impl Iterator<Item = (i64, &'a str, &'a str, &'a str)> + 'a {
    let first_role = first_role.to_string();
    delivered.failed.iter().filter_map(move |(m, error)| {
        let body: Body = serde_json::from_str(&m.payload).ok()?;
        let recipient = body.recipient?;
        (body.event == Topic::Page && recipient.role.as_deref() == Some(first_role.as_str()))
            .then_some((
                m.incident_id?,
                m.recipient.as_deref()?,
                m.channel.as_str(),
                error.as_str(),
            ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_within_its_spread_and_honours_retry_after() {
        for attempts in 1..=12u32 {
            let base = (30i64 << (attempts - 1)).min(3600) as f64;
            for id in 0..50 {
                let wait = backoff(attempts, id, None).num_milliseconds() as f64 / 1000.0;
                assert!(
                    wait >= base * 0.8 - 0.001 && wait <= base * 1.2 + 0.001,
                    "{attempts} {id} {wait}"
                );
            }
        }
        let spread: std::collections::HashSet<i64> = (0..50)
            .map(|id| backoff(1, id, None).num_milliseconds())
            .collect();
        assert!(spread.len() > 25, "jitter spreads messages: {spread:?}");
        assert_eq!(
            backoff(1, 7, Some(StdDuration::from_secs(600))),
            Duration::seconds(600)
        );
        assert!(backoff(u32::MAX, i64::MAX, Some(StdDuration::MAX)) <= Duration::days(1));
    }
}
