//! `mindops notify flush|test|list`.

use anyhow::{bail, Context as _, Result};
use comfy_table::Cell;
use serde::Serialize;

use crate::cli::{Format, NotifyCommand};
use crate::config::notify::{Notify, Topic};
use crate::ops::incidents::Desk;
use crate::ops::notify::{addressee, fan_out, message_json, message_line, Body, Recipient};
use crate::store::{Delivery, MessageFilter};
use crate::util::output::{note, Out};
use crate::util::time::rfc3339;
use crate::{exit, Context};

/// How many failures `notify flush` names one by one.
const FAILED_SHOWN: usize = 10;

/// How long `notify flush` sends before it leaves the rest for the next run.
const FLUSH_BUDGET: std::time::Duration = std::time::Duration::from_secs(60);

pub fn run(ctx: &Context, command: NotifyCommand) -> Result<u8> {
    match command {
        NotifyCommand::Flush { budget, format } => flush(ctx, budget.as_deref(), format),
        NotifyCommand::Test { target } => test(ctx, &target),
        NotifyCommand::List {
            failed,
            incident,
            limit,
            format,
        } => list(ctx, failed, incident, limit, format),
    }
}

/// The desk with a notify config, or an error saying how to add one.
fn desk(ctx: &Context) -> Result<(Desk, Notify)> {
    let (rotation, thresholds) = ctx.config()?;
    let Some(notify) = rotation.notify.clone() else {
        bail!(
            "rotation.yaml has no notify: section, so mindops sends nothing; the README's \
             \"Paging\" section has an example for each channel"
        );
    };
    Ok((ctx.desk_with(rotation, thresholds)?, notify))
}

#[derive(Serialize)]
struct FlushJson {
    sent: usize,
    retrying: usize,
    unfinished: usize,
    failed: Vec<FailedJson>,
}

#[derive(Serialize)]
struct FailedJson {
    id: i64,
    channel: String,
    recipient: Option<String>,
    error: String,
}

fn flush(ctx: &Context, budget: Option<&str>, format: Format) -> Result<u8> {
    let budget = match budget {
        Some(text) => crate::rules::duration::parse(text)
            .map_err(anyhow::Error::msg)
            .context("--budget")?
            .to_std()
            .unwrap_or_default(),
        None => FLUSH_BUDGET,
    };
    let (mut desk, _) = desk(ctx)?;
    let d = desk.flush(Some(budget))?.unwrap_or_default();
    let mut out = Out::stdout();
    match format {
        Format::Json => out.json(&FlushJson {
            sent: d.sent,
            retrying: d.retrying,
            unfinished: d.unfinished,
            failed: d
                .failed
                .iter()
                .map(|(m, error)| FailedJson {
                    id: m.id,
                    channel: m.channel.clone(),
                    recipient: m.recipient.clone(),
                    error: error.clone(),
                })
                .collect(),
        })?,
        _ => {
            out.line(format!(
                "sent {}, retrying later {}, failed {}{}",
                d.sent,
                d.retrying,
                d.failed.len(),
                if d.unfinished > 0 {
                    format!(", left for the next run {}", d.unfinished)
                } else {
                    String::new()
                }
            ))?;
            // A cron mail names the first few; `notify list --failed` has them all.
            for (m, error) in d.failed.iter().take(FAILED_SHOWN) {
                out.line(format!(
                    "failed: message {} to {}: {error}",
                    m.id,
                    addressee(m)
                ))?;
            }
            if d.failed.len() > FAILED_SHOWN {
                out.line(format!(
                    "… and {} more (mindops notify list --failed)",
                    d.failed.len() - FAILED_SHOWN
                ))?;
            }
        }
    }
    out.flush()?;
    Ok(if d.failed.is_empty() {
        exit::SUCCESS
    } else {
        exit::PROBLEM
    })
}

fn test(ctx: &Context, target: &str) -> Result<u8> {
    let (mut desk, notify) = desk(ctx)?;
    let now = desk.now;
    let member = desk.rotation.member(target.trim()).cloned();
    let body = Body {
        actor: Some(ctx.actor(None)),
        ..Body::new(
            Topic::Test,
            now,
            format!(
                "mindops test message for {}: if you can read this, the channel works",
                target.trim()
            ),
            None,
        )
    };
    // Every test is its own message, even two in the same second.
    let key = format!(
        "mindops:test:{}:{}:{}",
        rfc3339(now),
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default()
    );
    let messages = match (&member, notify.channel(target.trim())) {
        (Some(member), _) => {
            let mut only_personal = notify.clone();
            only_personal.channels.retain(|c| c.kind.personal());
            only_personal.routes = None;
            let messages = fan_out(
                &only_personal,
                &key,
                None,
                &body,
                &[Recipient::of(member, None)],
            );
            if messages.is_empty() {
                bail!(
                    "no channel reaches {}: give them an email (for an email channel) or add a \
                     command channel",
                    member.name
                );
            }
            messages
        }
        (None, Some(channel)) if channel.kind.personal() => bail!(
            "channel \"{}\" reaches one person at a time; test it with a person's name, e.g. \
             `mindops notify test {}`",
            channel.name,
            desk.rotation
                .members
                .first()
                .map_or("NAME", |m| m.name.as_str())
        ),
        (None, Some(channel)) => {
            let mut one = notify.clone();
            one.channels.retain(|c| c.name == channel.name);
            one.routes = None;
            fan_out(&one, &key, None, &body, &[])
        }
        (None, None) => {
            let names: Vec<&str> = desk
                .rotation
                .members
                .iter()
                .map(|m| m.name.as_str())
                .chain(notify.channels.iter().map(|c| c.name.as_str()))
                .collect();
            bail!(
                "\"{target}\" is neither a member of rotation.yaml nor a channel{}; try one of: {}",
                crate::util::suggest::hint(target, names.iter().copied()),
                names.join(", ")
            );
        }
    };
    desk.store.enqueue(now, &messages)?;
    let longest = notify
        .channels
        .iter()
        .map(|c| c.timeout)
        .max()
        .and_then(|d| d.to_std().ok())
        .unwrap_or(FLUSH_BUDGET);
    desk.send(Some(longest + std::time::Duration::from_secs(1)))?;
    let keys: Vec<&str> = messages.iter().map(|m| m.key.as_str()).collect();
    let after = desk.store.messages(&MessageFilter {
        limit: 1000,
        ..Default::default()
    })?;
    let mut out = Out::stdout();
    let mut all_sent = true;
    for m in after.iter().filter(|m| keys.contains(&m.key.as_str())) {
        let result = match m.state {
            Delivery::Sent => "sent".to_string(),
            _ => {
                all_sent = false;
                format!(
                    "NOT sent ({}): {}",
                    m.state.as_str(),
                    m.last_error.as_deref().unwrap_or("no answer in time")
                )
            }
        };
        out.line(format!("{}: {result}", addressee(m)))?;
    }
    out.flush()?;
    Ok(if all_sent {
        exit::SUCCESS
    } else {
        exit::PROBLEM
    })
}

fn list(
    ctx: &Context,
    failed: bool,
    incident: Option<i64>,
    limit: u32,
    format: Format,
) -> Result<u8> {
    let store = ctx.existing_store()?;
    // One more than asked, to tell a person when there are more than shown.
    let mut messages = store.messages(&MessageFilter {
        failed_only: failed,
        incident,
        limit: limit.saturating_add(1),
    })?;
    let more = messages.len() > limit as usize;
    if more {
        messages.remove(0);
    }
    let mut out = Out::stdout();
    match format {
        Format::Json => {
            let rows: Vec<_> = messages.iter().map(message_json).collect();
            out.json(&rows)?;
        }
        Format::Csv => {
            out.csv(&[
                "id",
                "event",
                "incident",
                "channel",
                "recipient",
                "state",
                "attempts",
                "created_at",
                "last_error",
            ])?;
            for m in &messages {
                out.csv(&[
                    m.id.to_string(),
                    m.topic.clone(),
                    m.incident_id.map(|i| i.to_string()).unwrap_or_default(),
                    m.channel.clone(),
                    m.recipient.clone().unwrap_or_default(),
                    m.state.as_str().to_string(),
                    m.attempts.to_string(),
                    rfc3339(m.created_at),
                    m.last_error.clone().unwrap_or_default(),
                ])?;
            }
        }
        Format::Plain => {
            for m in &messages {
                out.line(message_line(m))?;
            }
        }
        Format::Table => {
            if messages.is_empty() {
                out.line(if failed {
                    "no failed messages"
                } else {
                    "the outbox is empty"
                })?;
            } else {
                let mut table = ctx.style.table(&[
                    "Id",
                    "Event",
                    "Incident",
                    "To",
                    "State",
                    "Tries",
                    "Last error",
                ]);
                for m in &messages {
                    let state = m.state.as_str();
                    table.add_row(vec![
                        Cell::new(m.id),
                        Cell::new(&m.topic),
                        Cell::new(m.incident_id.map(|i| i.to_string()).unwrap_or_default()),
                        Cell::new(addressee(m)),
                        if m.state == Delivery::Failed {
                            ctx.style.marked(state)
                        } else {
                            Cell::new(state)
                        },
                        Cell::new(m.attempts),
                        Cell::new(m.last_error.as_deref().unwrap_or("")),
                    ]);
                }
                out.table(&table)?;
                if more {
                    note(format!(
                        "showing the {} newest; --limit N shows more",
                        messages.len()
                    ));
                }
            }
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}
