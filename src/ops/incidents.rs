//! Changes to incidents that more than one command makes: opening one (by hand or for a
//! CRITICAL metric) and the desk every change works at.

use anyhow::Result;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use crate::config::notify::Notify;
use crate::config::{Checklist, RotationConfig, Severity, Thresholds};
use crate::ops::checklist::Sheet;
use crate::ops::notify::deliver::failed_first_pages;
use crate::ops::notify::rota::{override_messages, Change};
use crate::ops::notify::{deliver, handover_messages, reminders, Delivered, LinkSigner, Planner};
use crate::rules::deadline::passed;
use crate::rules::incident::{check, due, open_pages, Event, Incident, Kind, Roster};
use crate::rules::rotation::{Override, Rotation};
use crate::store::{IncidentFilter, NewIncident, NewOverride, Opened, Store};
use crate::util::suggest;
use crate::util::time::later;

/// Config, store, clock and the overrides in force now: what every change to an incident needs.
pub struct Desk {
    pub rotation: Rotation,
    /// The daily list, for the overdue-checklist reminders a flush sends.
    checklist: Checklist,
    pub thresholds: Thresholds,
    pub store: Store,
    pub now: DateTime<Utc>,
    pub zone: Tz,
    pub overrides: Vec<Override>,
    /// Where messages go; with it, every change queues its messages in its own transaction.
    pub notify: Option<Notify>,
    /// The server's config: its public address and link key sign the links in messages.
    pub serve: Option<crate::config::serve::Serve>,
    pub heartbeats: Vec<crate::config::serve::Heartbeat>,
}

impl Desk {
    pub fn new(
        config: RotationConfig,
        thresholds: Thresholds,
        store: Store,
        now: DateTime<Utc>,
        zone: Tz,
    ) -> Result<Self> {
        let overrides = store.overrides_between(now, later(now, Duration::seconds(1)))?;
        let mut desk = Desk {
            zone,
            rotation: config.rotation,
            checklist: config.checklist,
            thresholds,
            store,
            now,
            overrides,
            notify: config.notify,
            serve: config.serve,
            heartbeats: config.heartbeats,
        };
        if let Some(planner) = desk.planner() {
            desk.store.set_plan(Box::new(planner));
        }
        Ok(desk)
    }

    /// Sends what is due within `budget` (the notify config's, by default): after a change,
    /// the messages it queued. A page to the first role that could not be delivered at all is
    /// escalated to the next role, whose page is then sent too.
    pub fn send(&mut self, budget: Option<std::time::Duration>) -> Result<Option<Delivered>> {
        let Some(notify) = self.notify.clone() else {
            return Ok(None);
        };
        let budget = budget.unwrap_or_else(|| notify.budget.to_std().unwrap_or_default());
        let started = std::time::Instant::now();
        let mut delivered = deliver(&mut self.store, &notify, self.now, budget)?;
        let first_role = self.rotation.roles.first().cloned().unwrap_or_default();
        let failed: Vec<(i64, String)> = failed_first_pages(&delivered, &first_role)
            .map(|(id, person, channel, error)| {
                (
                    id,
                    format!("the page to {person} by {channel} failed: {error}"),
                )
            })
            .collect();
        if failed.is_empty() {
            return Ok(Some(delivered));
        }
        for (id, why) in failed {
            self.escalate_failed_page(id, why)?;
        }
        let more = deliver(
            &mut self.store,
            &notify,
            self.now,
            budget.saturating_sub(started.elapsed()),
        )?;
        delivered.sent += more.sent;
        delivered.retrying += more.retrying;
        delivered.unfinished = more.unfinished;
        delivered.failed.extend(more.failed);
        Ok(Some(delivered))
    }

    fn planner(&self) -> Option<Planner> {
        // A key that cannot be read leaves messages without links; `config check` says why.
        let links = self.serve.as_ref().and_then(|s| {
            Some(LinkSigner {
                base: s.public_url.clone()?,
                key: s.link_secret.as_ref()?.read().ok()?.into_bytes(),
                now: self.now,
            })
        });
        Some(Planner {
            notify: self.notify.clone()?,
            rotation: self.rotation.clone(),
            severities: self.thresholds.severities.clone(),
            zone: self.zone,
            links,
        })
    }

    /// Stores a handover note, with the message to whoever takes over from its author in the
    /// same transaction.
    pub fn hand_over(&mut self, author: &str, text: &str) -> Result<i64> {
        let planner = self.planner();
        let (now, overrides) = (self.now, &self.overrides);
        self.store
            .add_handover(self.now, author, text, &|id| match &planner {
                Some(planner) => handover_messages(planner, overrides, now, author, text, id),
                None => Vec::new(),
            })
    }

    /// Stores overrides (one, or the halves of a swap) once `accept` has seen those they
    /// overlap, telling each person they give a role to or take one from, once, in the same
    /// transaction. Their ids.
    pub fn add_overrides(
        &mut self,
        news: &[NewOverride],
        accept: impl FnOnce(&[Override]) -> Result<()>,
    ) -> Result<Vec<i64>> {
        let (planner, now) = (self.planner(), self.now);
        self.store.add_overrides(news, accept, &|added, others| {
            planner.as_ref().map_or_else(Vec::new, |p| {
                override_messages(p, added, others, Change::Added, now)
            })
        })
    }

    /// Removes an override, telling the people it moved back in the same transaction; false
    /// when it was not in place.
    pub fn remove_override(&mut self, id: i64, by: &str) -> Result<bool> {
        let (planner, now) = (self.planner(), self.now);
        self.store.remove_override(id, by, now, &|removed, others| {
            planner.as_ref().map_or_else(Vec::new, |p| {
                override_messages(p, removed, others, Change::Removed { by }, now)
            })
        })
    }

    /// Queues the reminders due now (each once, whoever runs this), then sends.
    pub fn flush(&mut self, budget: Option<std::time::Duration>) -> Result<Option<Delivered>> {
        let Some(planner) = self.planner() else {
            return Ok(None);
        };
        let config = RotationConfig {
            rotation: self.rotation.clone(),
            checklist: self.checklist.clone(),
            notify: None,
            serve: None,
            heartbeats: Vec::new(),
        };
        let sheet = Sheet::new(&config, &self.thresholds, self.now, self.zone);
        let due = reminders(&planner, &self.store, &sheet, self.now)?;
        if !due.is_empty() {
            self.store.enqueue(self.now, &due)?;
        }
        self.send(budget)
    }

    /// A page that could not reach the first role: noted, and the next role paged, unless
    /// someone has acknowledged or closed the incident meanwhile.
    fn escalate_failed_page(&mut self, id: i64, why: String) -> Result<()> {
        let (now, rotation, overrides) = (self.now, self.rotation.clone(), self.overrides.clone());
        self.store.modify_incident(id, |inc, history| {
            if inc.status != crate::rules::incident::Status::Open {
                return Ok((Vec::new(), ()));
            }
            let roster = Roster {
                rotation: &rotation,
                overrides: &overrides,
            };
            let by = crate::rules::incident::SYSTEM_ACTOR;
            let events = crate::rules::incident::escalate(
                inc,
                history,
                &roster,
                now,
                by,
                Some(why.clone()),
                false,
            )
            .unwrap_or_else(|_| vec![Event::new(now, by, Kind::Note).text(Some(why.clone()))]);
            Ok((events, ()))
        })
    }

    pub fn roster(&self) -> Roster<'_> {
        Roster {
            rotation: &self.rotation,
            overrides: &self.overrides,
        }
    }

    pub fn severity(&self, key: &str) -> Result<&Severity> {
        severity(&self.thresholds, key)
    }
}

/// A severity by key, case-insensitively, or an error that lists them.
pub fn severity<'a>(thresholds: &'a Thresholds, key: &str) -> Result<&'a Severity> {
    thresholds
        .severities
        .iter()
        .find(|s| s.key.eq_ignore_ascii_case(key.trim()))
        .ok_or_else(|| {
            let known: Vec<String> = thresholds
                .severities
                .iter()
                .map(|s| format!("{} ({})", s.key, s.name))
                .collect();
            anyhow::anyhow!(
                "unknown severity \"{key}\"{}; valid severities: {}",
                suggest::hint(key, thresholds.severities.iter().map(|s| s.key.as_str())),
                known.join(", ")
            )
        })
}

/// Opens an incident now, paging the roles its severity names, or joins the unclosed one that
/// holds the same dedup key.
pub fn open_incident(
    desk: &mut Desk,
    severity: &Severity,
    title: &str,
    description: Option<&str>,
    dedup_key: Option<&str>,
    by: &str,
) -> Result<Opened> {
    let now = desk.now;
    // A severity with hours opened outside them waits for their start, and its limits count
    // from there; `incident check` pages then.
    let starts = crate::rules::hours::pages_from(severity.hours.as_ref(), now);
    let (ack_due, resolve_due) = due(starts, severity);
    let phase = desk
        .thresholds
        .protocol
        .first()
        .map_or("detection".to_string(), |p| p.name.clone());
    let mut first = vec![Event::new(now, by, Kind::Opened)
        .value(&severity.key)
        .text(Some(title.to_string()))];
    if starts > now {
        first.push(
            Event::new(now, crate::rules::incident::SYSTEM_ACTOR, Kind::Note).text(Some(format!(
                "{} pages in its hours: paging starts {}",
                severity.key,
                crate::util::time::human(starts, desk.zone)
            ))),
        );
    } else {
        first.extend(open_pages(severity, &desk.roster(), now, by));
    }
    desk.store.open_incident(
        &NewIncident {
            title,
            description,
            severity: &severity.key,
            phase: &phase,
            opened_at: now,
            opened_by: by,
            ack_due,
            resolve_due,
            dedup_key,
        },
        &first,
    )
}

/// One unclosed incident after `incident check`, with what the check did to it.
pub struct Checked {
    pub incident: Incident,
    pub events: Vec<Event>,
}

/// What `incident check` found: every unclosed incident it could judge, and those whose
/// severity thresholds.yaml no longer has.
pub struct CheckOutcome {
    pub checked: Vec<Checked>,
    pub unknown_severity: Vec<Incident>,
}

/// Escalations and breaches owed by every unclosed incident. The incidents are read first
/// without a lock; only those that owe something are changed, together in one write
/// transaction that decides again on what it reads, so cron runs that overlap cannot double
/// an escalation.
pub fn check_all(desk: &mut Desk) -> Result<CheckOutcome> {
    let now = desk.now;
    let unclosed = desk.store.incidents(&IncidentFilter::default())?;
    let mut checked = Vec::with_capacity(unclosed.len());
    let mut unknown_severity = Vec::new();
    let mut owed = Vec::new();
    for inc in unclosed {
        let Ok(severity) = desk.severity(&inc.severity) else {
            unknown_severity.push(inc);
            continue;
        };
        // Before its acknowledgement is due an incident owes nothing, unless it waits for its
        // severity's hours and they have begun.
        let starts = crate::rules::incident::paging_starts(&inc, severity);
        let held = starts > inc.opened_at && passed(starts, now);
        if held || passed(inc.ack_due.min(inc.resolve_due), now) {
            if let Some((mut probe, history)) = desk.store.incident(inc.id)? {
                if !check(&mut probe, &history, severity, &desk.roster(), now).is_empty() {
                    owed.push((checked.len(), inc.id));
                }
            }
        }
        checked.push(Checked {
            incident: inc,
            events: Vec::new(),
        });
    }
    if owed.is_empty() {
        return Ok(CheckOutcome {
            checked,
            unknown_severity,
        });
    }
    let ids: Vec<i64> = owed.iter().map(|(_, id)| *id).collect();
    let Desk {
        store,
        rotation,
        overrides,
        thresholds,
        ..
    } = desk;
    let roster = Roster {
        rotation,
        overrides,
    };
    let changed = store.modify_incidents(&ids, |inc, history| {
        let severity = severity(thresholds, &inc.severity)?;
        let events = check(inc, history, severity, &roster, now);
        Ok((events.clone(), (inc.clone(), events)))
    })?;
    for ((at, _), (incident, events)) in owed.into_iter().zip(changed) {
        checked[at] = Checked { incident, events };
    }
    Ok(CheckOutcome {
        checked,
        unknown_severity,
    })
}
