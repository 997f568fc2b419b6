//! Delivery: claim due messages, send them (several at once), record each outcome as soon as
//! it is known. A failure that may pass later is retried with exponential backoff and jitter,
//! honouring the receiver's `Retry-After`, until the message's attempts or age run out.

use std::hash::{BuildHasher, Hasher};
use std::sync::mpsc;
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

/// Requests in flight at once, and so the most messages one sender holds: a sender killed
/// mid-run leaves at most this many that a later run may send again.
const PARALLEL: usize = 8;
/// The first retry waits this long, each next one twice as long, up to [`LONGEST_WAIT`].
const FIRST_WAIT: i64 = 30;
const LONGEST_WAIT: i64 = 3600;
/// How long past its channel's timeout a claim is kept: a live sender has finished by then.
const CLAIM_SLACK: Duration = Duration::seconds(60);

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
///
/// Messages are claimed a few at a time, never more than can be in flight, each claim lapsing
/// a channel timeout (plus slack) after the moment it is taken; each outcome is written as
/// soon as it is known, and only while this run still holds the claim (its token). So a run of
/// any length keeps what it claims, and one killed mid-run leaves at most [`PARALLEL`]
/// messages that may reach their receiver twice.
pub fn deliver(
    store: &mut Store,
    notify: &Notify,
    now: DateTime<Utc>,
    budget: StdDuration,
) -> Result<Delivered> {
    let started = Instant::now();
    // The clock as this run goes on: `now` (which a test may pin) plus the time spent.
    let current = || {
        later(
            now,
            Duration::from_std(started.elapsed()).unwrap_or_default(),
        )
    };
    let lapse = notify
        .channels
        .iter()
        .map(|c| c.timeout)
        .max()
        .unwrap_or(Duration::seconds(10))
        + CLAIM_SLACK;
    let claim = claim_token();
    let clients = Clients::default();
    let mut done = Delivered::default();
    let work = Mutex::new(None::<mpsc::Receiver<Message>>);
    std::thread::scope(|scope| -> Result<()> {
        let (to_send, queue) = mpsc::channel::<Message>();
        *work
            .lock()
            .map_err(|_| anyhow::anyhow!("a sender thread failed"))? = Some(queue);
        let (report, outcomes) = mpsc::channel::<(Message, Outcome)>();
        let mut workers = 0;
        let mut in_flight = 0;
        let mut drained = false;
        loop {
            let wanted = PARALLEL - in_flight;
            if !drained && wanted > 0 && started.elapsed() < budget {
                let at = current();
                let batch = store.claim_messages(at, later(at, lapse), &claim, wanted as u32)?;
                drained = batch.len() < wanted;
                for message in batch {
                    in_flight += 1;
                    if workers < in_flight {
                        workers += 1;
                        let (work, report, clients) = (&work, report.clone(), &clients);
                        scope.spawn(move || loop {
                            let next = work
                                .lock()
                                .ok()
                                .and_then(|q| q.as_ref().and_then(|q| q.recv().ok()));
                            let Some(message) = next else { break };
                            let left = budget.saturating_sub(started.elapsed());
                            let outcome = attempt(&message, notify, current, left, clients);
                            if report.send((message, outcome)).is_err() {
                                break;
                            }
                        });
                    }
                    // The queue outlives every worker, so this cannot fail while we hold it.
                    let _ = to_send.send(message);
                }
            }
            if in_flight == 0 {
                break;
            }
            let Ok((message, outcome)) = outcomes.recv() else {
                break;
            };
            in_flight -= 1;
            if !store.finish_message(current(), &claim, message.id, &outcome)? {
                // Another sender took the message over after our claim lapsed: its record
                // stands, whatever ours was.
                continue;
            }
            match outcome {
                Outcome::Sent => done.sent += 1,
                Outcome::Retry { .. } => done.retrying += 1,
                Outcome::Release => done.unfinished += 1,
                Outcome::Failed { error } => done.failed.push((message, error)),
            }
        }
        // Closing the queue ends the workers.
        drop(to_send);
        Ok(())
    })?;
    Ok(done)
}

/// A token naming this run's claims: unique among the senders of a store, not secret.
fn claim_token() -> String {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    format!("{:016x}", hasher.finish())
}

fn attempt(
    message: &Message,
    notify: &Notify,
    current: impl Fn() -> DateTime<Utc>,
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
    let own = channel.timeout.to_std().unwrap_or(left);
    let timeout = own.min(left);
    let tried = Instant::now();
    // The signature's timestamp is the moment of sending, not of the run's start.
    let sent_at = current();
    match channels::send(
        channel,
        &body,
        &message.payload,
        timeout,
        sent_at.timestamp(),
        clients,
    )
    .map_err(|mut failure| {
        // A receiver's URL with credentials in it never reaches the outbox or a person.
        failure.text = crate::net::http::redact(&failure.text);
        failure
    }) {
        Ok(()) => Outcome::Sent,
        // Cut short by the command's budget rather than the channel's own timeout: not the
        // receiver's failure. It stays due at once, for `notify flush` to send with the
        // channel's full timeout.
        Err(failure)
            if timeout < own
                && failure.retry
                && tried.elapsed() + StdDuration::from_millis(50) >= timeout =>
        {
            Outcome::Release
        }
        Err(failure) => after(message, notify, current(), failure),
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
