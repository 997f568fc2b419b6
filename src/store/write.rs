//! The writes that decide on what they read, written once over the primitives every backend
//! offers ([`Tx`]): each runs in one transaction, so two writers cannot both decide on the
//! same state.

use anyhow::{bail, Result};
use chrono::{DateTime, NaiveDate, Utc};

use super::backend::{Lock, Tx};
use super::*;

impl Store {
    /// Runs `work` in one write transaction with the plan of the messages incident events
    /// queue; committed when it returns Ok.
    fn write<T>(
        &mut self,
        work: impl FnOnce(&mut dyn Tx, Option<&dyn Plan>) -> Result<T>,
    ) -> Result<T> {
        let plan = self.plan.as_deref();
        let mut work = Some(work);
        let mut out = None;
        self.backend.write(&mut |tx| {
            // A backend calls the work once; were it called again, it would find it spent.
            if let Some(work) = work.take() {
                out = Some(work(tx, plan)?);
            }
            Ok(())
        })?;
        out.ok_or_else(|| anyhow::anyhow!("the store's write transaction did not run its work"))
    }

    /// Opens an incident with its first events, or, when an unclosed incident holds the same
    /// dedup key, records that it was triggered again. One write transaction: processes opening
    /// the same key at once end with one incident.
    pub fn open_incident(&mut self, new: &NewIncident, first: &[Event]) -> Result<Opened> {
        self.write(|tx, plan| {
            if let Some(key) = new.dedup_key {
                // Opens of one key take turns, so the loser of a race sees the winner's
                // incident instead of spending an id on a conflicting insert.
                tx.lock(Lock::DedupKey(key))?;
                if let Some(id) = tx.unclosed_with_key(key)? {
                    let before = tx.count_events(id, Kind::TriggeredAgain)?;
                    let count = u32::try_from(before + 2).unwrap_or(u32::MAX);
                    let again = Event::new(new.opened_at, new.opened_by, Kind::TriggeredAgain)
                        .value(count)
                        .text(Some(new.title.to_string()));
                    tx.insert_events(id, std::slice::from_ref(&again))?;
                    return Ok(Opened::Again { id, count });
                }
            }
            // The unique index on unclosed dedup keys is the last word: a writer that skipped
            // the lock still cannot make a second open incident with the key.
            let Some(id) = tx.insert_incident(new)? else {
                bail!(
                    "another open incident took dedup key {:?} at the same moment; run the \
                     command again to record it there",
                    new.dedup_key.unwrap_or_default()
                );
            };
            tx.insert_events(id, first)?;
            if let Some(plan) = plan {
                let messages = plan.plan(&new.stored(id), &[], first);
                tx.insert_messages(new.opened_at, &messages)?;
            }
            Ok(Opened::New(id))
        })
    }

    /// [`Store::modify_incident`] for several incidents in one write transaction, in order.
    pub fn modify_incidents<T>(
        &mut self,
        ids: &[i64],
        mut change: impl FnMut(&mut Incident, &[Event]) -> Result<(Vec<Event>, T)>,
    ) -> Result<Vec<T>> {
        self.write(|tx, plan| {
            let mut results = Vec::with_capacity(ids.len());
            for &id in ids {
                // Held until the commit: a second writer (another cron host's check, an ack
                // from a laptop) waits and then decides on what this one wrote.
                let Some(mut incident) = tx.incident(id)? else {
                    bail!(NotFound::Incident(id));
                };
                let history = tx.events(id)?;
                let (new_events, result) = change(&mut incident, &history)?;
                results.push(result);
                let Some(first) = new_events.first() else {
                    continue;
                };
                tx.update_incident(&incident)?;
                tx.insert_events(id, &new_events)?;
                if let Some(plan) = plan {
                    let messages = plan.plan(&incident, &history, &new_events);
                    tx.insert_messages(first.at, &messages)?;
                }
            }
            Ok(results)
        })
    }

    pub fn add_action(&mut self, incident_id: i64, new: &NewAction) -> Result<i64> {
        self.write(|tx, _| {
            if !tx.has_incident(incident_id)? {
                bail!(NotFound::Incident(incident_id));
            }
            let id = tx.insert_action(incident_id, new)?;
            let event = Event::new(new.at, new.by, Kind::ActionAdded)
                .value(id)
                .text(Some(format!(
                    "{} (owner {}, due {})",
                    new.text, new.owner, new.due
                )));
            tx.insert_events(incident_id, &[event])?;
            Ok(id)
        })
    }

    /// Marks an action done; the action as it was before, or an error when there is none.
    pub fn complete_action(
        &mut self,
        action_id: i64,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Action> {
        self.write(|tx, _| {
            let Some(action) = tx.action(action_id)? else {
                bail!(NotFound::Action(action_id));
            };
            if action.done_at.is_none() {
                tx.mark_action_done(action_id, by, at)?;
                let event = Event::new(at, by, Kind::ActionDone)
                    .value(action_id)
                    .text(Some(action.text.clone()));
                tx.insert_events(action.incident_id, &[event])?;
            }
            Ok(action)
        })
    }

    /// Stores overrides (one, or the two halves of a swap) once `accept` has seen the
    /// overrides they overlap, in one write transaction, so two people adding at once cannot
    /// both pass the check. `messages` makes, given the new overrides as stored and the others
    /// overlapping them, the messages queued in the same transaction. Their ids, in order.
    pub fn add_overrides(
        &mut self,
        news: &[NewOverride],
        accept: impl FnOnce(&[Override]) -> Result<()>,
        messages: &OverrideMessages<'_>,
    ) -> Result<Vec<i64>> {
        self.write(|tx, _| {
            tx.lock(Lock::Overrides)?;
            let (from, to) = span(news);
            let overlapping = tx.overlapping_overrides(from, to)?;
            accept(&overlapping)?;
            let mut stored = Vec::with_capacity(news.len());
            for new in news {
                stored.push(new.stored(tx.insert_override(new)?));
            }
            if let Some(first) = news.first() {
                tx.insert_messages(first.at, &messages(&stored, &overlapping))?;
            }
            Ok(stored.iter().map(|o| o.id).collect())
        })
    }

    /// Marks an override removed and queues the messages `messages` makes for it (given the
    /// override and the others overlapping it), in one transaction; false when there was none
    /// to remove.
    pub fn remove_override(
        &mut self,
        id: i64,
        by: &str,
        at: DateTime<Utc>,
        messages: &OverrideMessages<'_>,
    ) -> Result<bool> {
        self.write(|tx, _| {
            let Some(removed) = tx.remove_override(id, by, at)? else {
                return Ok(false);
            };
            let others = tx.overlapping_overrides(removed.from, removed.to)?;
            tx.insert_messages(at, &messages(std::slice::from_ref(&removed), &others))?;
            Ok(true)
        })
    }

    /// Keeps a day's list unless it is kept already, and adds ticks to it, in one transaction.
    /// `decide` sees the list the day is kept with and the ticks so far, and returns the ticks
    /// to add: two people ticking the same item at once store one tick.
    pub fn tick(
        &mut self,
        day: NaiveDate,
        list: &Checklist,
        at: DateTime<Utc>,
        decide: &mut TickDecision<'_>,
    ) -> Result<Vec<Tick>> {
        self.write(|tx, _| {
            tx.lock(Lock::ChecklistDay(day))?;
            let kept = match tx.kept_list(day)? {
                Some(kept) => kept,
                None => list.clone(),
            };
            let so_far = tx.day_ticks(day)?;
            let new = decide(&kept, &so_far)?;
            if !new.is_empty() {
                tx.keep_list(day, &kept, at)?;
                tx.insert_ticks(day, &new)?;
            }
            Ok(new)
        })
    }

    /// Stores a handover note and, in the same transaction, the messages `messages` makes
    /// for it given its id.
    pub fn add_handover(
        &mut self,
        at: DateTime<Utc>,
        author: &str,
        text: &str,
        messages: &dyn Fn(i64) -> Vec<NewMessage>,
    ) -> Result<i64> {
        self.write(|tx, _| {
            let id = tx.insert_handover(at, author, text)?;
            tx.insert_messages(at, &messages(id))?;
            Ok(id)
        })
    }

    /// Records a review decision under a period (`2024-Q3`) and agenda topic.
    pub fn add_review_note(
        &mut self,
        period: &str,
        topic: &str,
        text: &str,
        author: &str,
        at: DateTime<Utc>,
    ) -> Result<i64> {
        self.write(|tx, _| tx.insert_review_note(period, topic, text, author, at))
    }

    /// Queues messages; a key queued before is not queued again. How many were new.
    pub fn enqueue(&mut self, at: DateTime<Utc>, messages: &[NewMessage]) -> Result<usize> {
        self.write(|tx, _| tx.insert_messages(at, messages))
    }

    /// Records a check from the metrics' own sources unless one is recorded already in its
    /// interval `slot`, whoever made it; whether this one was.
    pub fn record_measured(
        &mut self,
        at: DateTime<Utc>,
        state: State,
        samples: &[NewSample],
        slot: i64,
    ) -> Result<bool> {
        self.write(|tx, _| {
            let Some(check) = tx.insert_slotted_check(at, state, samples.len(), slot)? else {
                return Ok(false);
            };
            tx.insert_samples(check, at, samples)?;
            Ok(true)
        })
    }
}
