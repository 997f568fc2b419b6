//! What the server does to the store, shared with the commands that do the same from cron:
//! alerts from outside applied to incidents, heartbeats recorded and judged, and the actions
//! of signed links. Each works at a [`Desk`] and returns plain data for a handler to answer.

use anyhow::Result;
use chrono::{DateTime, Utc};

use crate::ops::incidents::{open_incident, Desk};
use crate::rules::incident::{self, Event, Kind, Status, SYSTEM_ACTOR};
use crate::rules::intake::{Action, Intake};
use crate::rules::links::{Claim, LinkAction};
use crate::store::Opened;
use crate::util::time::rfc3339;

/// What an intake did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    Opened(i64),
    /// A repeat of an alert whose incident is open: counted on it, nobody paged again.
    Again {
        id: i64,
        count: u32,
    },
    Acknowledged(i64),
    Resolved(i64),
    /// The source says resolved, but a person has taken the incident over: noted, left open.
    LeftFor {
        id: i64,
        person: String,
    },
    /// Nothing open holds the key (already resolved, or never opened).
    NothingOpen,
}

impl Applied {
    pub fn incident(&self) -> Option<i64> {
        match self {
            Applied::Opened(id)
            | Applied::Again { id, .. }
            | Applied::Acknowledged(id)
            | Applied::Resolved(id)
            | Applied::LeftFor { id, .. } => Some(*id),
            Applied::NothingOpen => None,
        }
    }
}

/// The severity an intake names is not in thresholds.yaml: the config, not the sender, must
/// change, so the server answers 422 and Alertmanager does not retry.
#[derive(Debug, thiserror::Error)]
#[error("severity \"{0}\" is not in thresholds.yaml; map the source's severities to its keys")]
pub struct UnknownSeverity(pub String);

/// Applies an intake as `by` (`alertmanager`, `events`).
pub fn apply(desk: &mut Desk, intake: &Intake, by: &str) -> Result<Applied> {
    let now = desk.now;
    match &intake.action {
        Action::Trigger {
            severity,
            title,
            description,
        } => {
            let severity = desk
                .thresholds
                .severities
                .iter()
                .find(|s| s.key == *severity)
                .cloned()
                .ok_or_else(|| UnknownSeverity(severity.clone()))?;
            let description = (!description.is_empty()).then_some(description.as_str());
            Ok(
                match open_incident(
                    desk,
                    &severity,
                    title,
                    description,
                    Some(&intake.dedup_key),
                    by,
                )? {
                    Opened::New(id) => Applied::Opened(id),
                    Opened::Again { id, count } => Applied::Again { id, count },
                },
            )
        }
        Action::Acknowledge => {
            let Some(id) = desk.store.unclosed_incident_with_key(&intake.dedup_key)? else {
                return Ok(Applied::NothingOpen);
            };
            desk.store.modify_incident(id, |inc, history| {
                Ok((incident::acknowledge(inc, history, now, by)?, ()))
            })?;
            Ok(Applied::Acknowledged(id))
        }
        Action::Resolve { note } => {
            let Some(id) = desk.store.unclosed_incident_with_key(&intake.dedup_key)? else {
                return Ok(Applied::NothingOpen);
            };
            desk.store.modify_incident(id, |inc, history| {
                // Acknowledged and written on by a person: theirs to close, not the source's.
                let taker = inc.acked_at.and_then(|_| {
                    history
                        .iter()
                        .find(|e| e.kind == Kind::Acknowledged)
                        .map(|e| e.actor.clone())
                        .filter(|_| {
                            history.iter().any(|e| {
                                e.kind == Kind::Note && e.actor != by && e.actor != SYSTEM_ACTOR
                            })
                        })
                });
                match taker {
                    Some(person) => {
                        let text = format!(
                            "{by} reports it resolved ({note}); left open for {person}, who has \
                             taken it over"
                        );
                        Ok((
                            vec![Event::new(now, by, Kind::Note).text(Some(text))],
                            Applied::LeftFor { id, person },
                        ))
                    }
                    None => Ok((
                        incident::close(inc, history, now, by, note)?,
                        Applied::Resolved(id),
                    )),
                }
            })
        }
    }
}

/// The dedup key of a heartbeat's incident.
pub fn heartbeat_key(name: &str) -> String {
    format!("heartbeat:{name}")
}

/// Records a beat of a configured heartbeat, and resolves its incident if one is open.
pub fn beat(desk: &mut Desk, name: &str) -> Result<Option<i64>> {
    let now = desk.now;
    desk.store.record_beat(name, now)?;
    let Some(id) = desk
        .store
        .unclosed_incident_with_key(&heartbeat_key(name))?
    else {
        return Ok(None);
    };
    let text = format!("heartbeat {name} reported in at {}", rfc3339(now));
    desk.store.modify_incident(id, |inc, history| {
        Ok((incident::close(inc, history, now, name, &text)?, ()))
    })?;
    Ok(Some(id))
}

/// Heartbeats silent past `every + grace`, each with an incident opened for it (or already
/// open). A heartbeat is watched from its first beat.
pub fn missing_heartbeats(desk: &mut Desk) -> Result<Vec<(String, i64)>> {
    let now = desk.now;
    let beats = desk.store.beats()?;
    let mut opened = Vec::new();
    for h in desk.heartbeats.clone() {
        let Some((_, last)) = beats.iter().find(|(n, _)| *n == h.name) else {
            continue;
        };
        if !crate::rules::deadline::passed(crate::util::time::later(*last, h.allowed()), now) {
            continue;
        }
        let key = heartbeat_key(&h.name);
        if let Some(id) = desk.store.unclosed_incident_with_key(&key)? {
            opened.push((h.name.clone(), id));
            continue;
        }
        let severity = desk.severity(&h.severity)?.clone();
        let title = h.title.clone().unwrap_or_else(|| {
            format!(
                "heartbeat {} missing: last beat {}, expected every {}",
                h.name,
                crate::util::time::human(*last, desk.zone),
                crate::rules::duration::format(h.every)
            )
        });
        let id = match open_incident(desk, &severity, &title, None, Some(&key), SYSTEM_ACTOR)? {
            Opened::New(id) | Opened::Again { id, .. } => id,
        };
        opened.push((h.name.clone(), id));
    }
    Ok(opened)
}

/// What a link's action did, in a sentence for the person who pressed it.
pub fn act(desk: &mut Desk, claim: &Claim) -> Result<String> {
    let now = desk.now;
    let who = claim.person.as_str();
    let Desk {
        store,
        rotation,
        overrides,
        zone,
        ..
    } = desk;
    let roster = incident::Roster {
        rotation,
        overrides,
    };
    let zone = *zone;
    let time = |at: DateTime<Utc>| at.with_timezone(&zone).format("%H:%M").to_string();
    store.modify_incident(claim.incident, |inc, history| {
        let by_whom = |kind: Kind| {
            history
                .iter()
                .rev()
                .find(|e| e.kind == kind)
                .map(|e| format!("{} at {}", e.actor, time(e.at)))
                .unwrap_or_default()
        };
        if inc.status == Status::Closed {
            let text = format!(
                "incident {} is already resolved by {}",
                inc.id,
                by_whom(Kind::Closed)
            );
            return Ok((Vec::new(), text));
        }
        let done = match claim.action {
            LinkAction::Acknowledge if inc.acked_at.is_some() => {
                let text = format!(
                    "incident {} is already acknowledged by {}",
                    inc.id,
                    by_whom(Kind::Acknowledged)
                );
                return Ok((Vec::new(), text));
            }
            LinkAction::Acknowledge => (
                incident::acknowledge(inc, history, now, who)?,
                format!("incident {} acknowledged by {who} at {}", inc.id, time(now)),
            ),
            LinkAction::Resolve => (
                incident::close(
                    inc,
                    history,
                    now,
                    who,
                    &format!("resolved by {who} from a link"),
                )?,
                format!("incident {} resolved by {who} at {}", inc.id, time(now)),
            ),
            LinkAction::Escalate => {
                let events = incident::escalate(
                    inc,
                    history,
                    &roster,
                    now,
                    who,
                    Some("escalated from a link".into()),
                    false,
                )?;
                let paged: Vec<String> = events
                    .iter()
                    .filter(|e| e.kind == Kind::Paged)
                    .filter_map(|e| e.new_value.clone())
                    .collect();
                let text = format!(
                    "incident {} escalated by {who}: paged {}",
                    inc.id,
                    if paged.is_empty() {
                        "nobody more (every role has been paged)".to_string()
                    } else {
                        paged.join(", ")
                    }
                );
                (events, text)
            }
        };
        Ok(done)
    })
}
