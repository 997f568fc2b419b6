//! Changes to one incident: ack, escalate, update, phase, step, note, close, reopen.

use anyhow::{bail, Result};

use super::{report_events, send};
use crate::cli::By;
use crate::config::Thresholds;
use crate::ops::incidents::{severity, Desk};
use crate::rules::incident::{self, Event, Incident, Kind};
use crate::util::output::note;
use crate::{exit, Context};

/// A change to one incident, as the command line asked for it.
pub enum Change {
    Ack,
    Escalate {
        sev: Option<String>,
        reason: Option<String>,
    },
    Update {
        sev: Option<String>,
        title: Option<String>,
        description: Option<String>,
        reason: Option<String>,
    },
    Phase {
        phase: String,
    },
    Step {
        step: String,
        note: Option<String>,
    },
    Note {
        text: String,
    },
    Close {
        resolution: String,
    },
    Reopen {
        reason: Option<String>,
    },
}

pub fn run(ctx: &Context, id: i64, by: &By, command: Change) -> Result<u8> {
    use Change as C;
    let mut desk = ctx.desk()?;
    let now = desk.now;
    let by = ctx.actor(by.by.as_deref());
    let by = by.as_str();
    // The store runs the closure inside its write transaction; what it needs is borrowed from
    // the desk apart from the store itself.
    let Desk {
        store,
        thresholds,
        rotation,
        overrides,
        zone,
        ..
    } = &mut desk;
    let roster = crate::rules::incident::Roster {
        rotation,
        overrides,
    };
    let (events, message) = store.modify_incident(id, |inc, history| {
        let apply = || -> Result<(Vec<Event>, Option<String>)> {
            let events = match command {
                C::Ack => {
                    let events = incident::acknowledge(inc, history, now, by)?;
                    if events.is_empty() {
                        let at = inc
                            .acked_at
                            .map(crate::util::time::rfc3339)
                            .unwrap_or_default();
                        return Ok((
                            events,
                            Some(format!(
                                "incident {id} was already acknowledged at {at}; nothing changed"
                            )),
                        ));
                    }
                    events
                }
                C::Escalate { sev: None, reason } => {
                    incident::escalate(inc, history, &roster, now, by, reason, false)?
                }
                C::Escalate {
                    sev: Some(key),
                    reason,
                } => {
                    let target = severity(thresholds, &key)?;
                    if rank(thresholds, &target.key) >= rank(thresholds, &inc.severity) {
                        bail!(
                            "{} is not more severe than {}; escalate raises the severity, \
                         `mindops incident update {id} --sev {}` changes it either way",
                            target.key,
                            inc.severity,
                            target.key
                        );
                    }
                    incident::set_severity(inc, history, target, &roster, now, by, reason)?
                }
                C::Update {
                    sev,
                    title,
                    description,
                    reason,
                } => update(
                    inc,
                    history,
                    thresholds,
                    &roster,
                    now,
                    by,
                    sev,
                    title,
                    description,
                    reason,
                )?,
                C::Phase { phase } => {
                    let events = change_phase(inc, thresholds, &phase, now, by)?;
                    if events.is_empty() {
                        return Ok((
                            events,
                            Some(format!(
                                "incident {id} is already in {phase}; nothing changed"
                            )),
                        ));
                    }
                    events
                }
                C::Step { step, note } => {
                    let step_id = find_step(thresholds, &step)?;
                    if history
                        .iter()
                        .any(|e| e.kind == Kind::Step && e.new_value.as_deref() == Some(&step_id))
                    {
                        return Ok((
                            Vec::new(),
                            Some(format!(
                                "step {step_id} is already done on incident {id}; nothing changed"
                            )),
                        ));
                    }
                    vec![Event::new(now, by, Kind::Step).value(step_id).text(note)]
                }
                C::Note { text } => {
                    if text.trim().is_empty() {
                        bail!("a note needs text");
                    }
                    vec![Event::new(now, by, Kind::Note).text(Some(text))]
                }
                C::Close { resolution } => incident::close(inc, history, now, by, &resolution)?,
                C::Reopen { reason } => incident::reopen(inc, now, by, reason)?,
            };
            Ok((events, None))
        };
        let (events, message) = apply()?;
        Ok((events.clone(), (events, message)))
    })?;
    if let Some(message) = message {
        note(message);
    }
    report_events(id, &events, *zone)?;
    send(&mut desk, false)?;
    Ok(exit::SUCCESS)
}

/// Position in thresholds.yaml: 0 is the most severe.
fn rank(thresholds: &Thresholds, key: &str) -> usize {
    thresholds
        .severities
        .iter()
        .position(|s| s.key == key)
        .unwrap_or(usize::MAX)
}

#[allow(clippy::too_many_arguments)]
fn update(
    inc: &mut Incident,
    history: &[Event],
    thresholds: &Thresholds,
    roster: &incident::Roster,
    now: chrono::DateTime<chrono::Utc>,
    by: &str,
    sev: Option<String>,
    title: Option<String>,
    description: Option<String>,
    reason: Option<String>,
) -> Result<Vec<Event>> {
    if sev.is_none() && title.is_none() && description.is_none() {
        bail!("nothing to update: give --sev, --title or --description");
    }
    let mut events = Vec::new();
    if let Some(title) = title {
        if title.trim().is_empty() {
            bail!("an incident needs a title");
        }
        let old = std::mem::replace(&mut inc.title, title.trim().to_string());
        events.push(
            Event::new(now, by, Kind::Updated)
                .change(old, &inc.title)
                .text(Some("title".into())),
        );
    }
    if let Some(description) = description {
        let old = inc
            .description
            .replace(description.clone())
            .unwrap_or_default();
        events.push(
            Event::new(now, by, Kind::Updated)
                .change(old, description)
                .text(Some("description".into())),
        );
    }
    if let Some(key) = sev {
        let target = severity(thresholds, &key)?;
        events.extend(incident::set_severity(
            inc, history, target, roster, now, by, reason,
        )?);
    }
    Ok(events)
}

/// Phases only move forward through the protocol; skipping ahead is allowed.
fn change_phase(
    inc: &mut Incident,
    thresholds: &Thresholds,
    phase: &str,
    now: chrono::DateTime<chrono::Utc>,
    by: &str,
) -> Result<Vec<Event>> {
    let names: Vec<&str> = thresholds
        .protocol
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    let wanted = phase.trim().to_lowercase();
    let Some(to) = names.iter().position(|n| *n == wanted) else {
        bail!("unknown phase \"{phase}\"; phases: {}", names.join(", "));
    };
    let from = names.iter().position(|n| *n == inc.phase).unwrap_or(0);
    if to == from {
        return Ok(Vec::new());
    }
    if to < from {
        bail!(
            "incident {} is in {}; phases only move forward ({})",
            inc.id,
            inc.phase,
            names.join(" → ")
        );
    }
    let old = std::mem::replace(&mut inc.phase, names[to].to_string());
    Ok(vec![
        Event::new(now, by, Kind::PhaseChanged).change(old, &inc.phase)
    ])
}

/// A protocol step by its id (`detection.verify-incident` or `verify-incident`) or an
/// unambiguous prefix of its text.
pub fn find_step(thresholds: &Thresholds, wanted: &str) -> Result<String> {
    let steps: Vec<(String, &str)> = thresholds
        .protocol
        .iter()
        .flat_map(|p| p.steps.iter().map(|s| (p.step_id(s), s.as_str())))
        .collect();
    let w = wanted.trim().to_lowercase();
    if let Some((id, _)) = steps
        .iter()
        .find(|(id, _)| *id == w || id.split_once('.').is_some_and(|(_, s)| s == w))
    {
        return Ok(id.clone());
    }
    let matches: Vec<&(String, &str)> = steps
        .iter()
        .filter(|(id, text)| {
            !w.is_empty()
                && (text.to_lowercase().starts_with(&w)
                    || id.split_once('.').is_some_and(|(_, s)| s.starts_with(&w)))
        })
        .collect();
    match matches.as_slice() {
        [(id, _)] => Ok(id.clone()),
        [] => bail!(
            "unknown step \"{wanted}\"; steps: {}",
            steps
                .iter()
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        many => bail!(
            "\"{wanted}\" matches several steps: {}; give more of it",
            many.iter()
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
