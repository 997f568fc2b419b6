//! Notifications: which messages an event makes (the [`Planner`] the store asks inside the
//! event's own transaction), the reminders a cron run queues, and their delivery
//! ([`deliver`]). Each message is queued once per channel, and once per person on a channel
//! that reaches one person (email, a command); its idempotency key names the event, so a
//! receiver can drop a second delivery.

mod channels;
pub mod deliver;
mod reminders;
pub mod rota;

pub use deliver::{deliver, Delivered};
pub use reminders::reminders;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::config::notify::{Channel, Notify, Topic};
use crate::config::Severity;
use crate::rules::incident::{paged, repeat_of, Event, Incident, Kind, Paged};
use crate::rules::rotation::{Member, Rotation};
use crate::store::{Delivery, Message, NewMessage, Plan};
use crate::util::time::{human, rfc3339};

/// The version of the webhook body; a change to its fields that breaks a receiver raises it.
pub const BODY_VERSION: u32 = 1;

/// The message as stored in the outbox and sent as the webhook body (README: "Paging").
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Body {
    pub version: u32,
    pub idempotency_key: String,
    pub event: Topic,
    pub at: String,
    /// One line: what happened.
    pub summary: String,
    /// The command that answers it, when there is one.
    pub next: Option<String>,
    pub incident: Option<IncidentBody>,
    /// Who was paged by this event.
    pub paged: Vec<Paged>,
    pub actor: Option<String>,
    /// The person a personal channel (email, command) reaches.
    pub recipient: Option<Recipient>,
    /// More lines for channels with room (email, chat).
    pub details: Vec<String>,
    /// For a person, with `serve.public_url` set: links that act on the incident as them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
    /// On a team's channel (webhook, Slack, PagerDuty), a page's links for each person it
    /// pages, so whoever was woken can answer from the room too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links_for: Vec<PersonLinks>,
}

impl Body {
    /// A message about no incident, with its key, recipient and links still to be filled in.
    pub fn new(event: Topic, at: DateTime<Utc>, summary: String, next: Option<String>) -> Self {
        Body {
            version: BODY_VERSION,
            idempotency_key: String::new(),
            event,
            at: rfc3339(at),
            summary,
            next,
            incident: None,
            paged: Vec::new(),
            actor: None,
            recipient: None,
            details: Vec::new(),
            links: None,
            links_for: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct PersonLinks {
    pub person: String,
    #[serde(flatten)]
    pub links: Links,
}

/// Signed links to `mindops serve`: each opens a page whose button acts as the person.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Links {
    pub acknowledge: String,
    pub resolve: String,
    pub escalate: String,
}

/// Makes the links of a person's messages: the server's public address and the link key.
#[derive(Debug, Clone)]
pub struct LinkSigner {
    pub base: String,
    pub key: Vec<u8>,
    pub now: DateTime<Utc>,
}

impl LinkSigner {
    fn links(&self, incident: i64, person: &str) -> Links {
        use crate::rules::links::{sign, Claim, LinkAction};
        let url = |action| {
            let claim = Claim {
                incident,
                person: person.to_string(),
                action,
                issued: self.now,
            };
            format!("{}/a/{}", self.base, sign(&self.key, &claim))
        };
        Links {
            acknowledge: url(LinkAction::Acknowledge),
            resolve: url(LinkAction::Resolve),
            escalate: url(LinkAction::Escalate),
        }
    }
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct IncidentBody {
    pub id: i64,
    pub title: String,
    pub severity: String,
    pub severity_name: String,
    /// Position of the severity in thresholds.yaml, most severe 0: PagerDuty's levels.
    pub severity_rank: usize,
    pub status: String,
    pub opened_at: String,
    pub ack_due: String,
    pub resolve_due: String,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Recipient {
    pub person: String,
    /// The role they were paged in, for a page.
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub chat: Option<String>,
}

impl Recipient {
    pub fn of(member: &Member, role: Option<&str>) -> Self {
        Recipient {
            person: member.name.clone(),
            role: role.map(str::to_string),
            email: member.email.clone(),
            phone: member.phone.clone(),
            chat: member.chat.clone(),
        }
    }
}

/// The channels a page about an incident of `severity` to `member` goes out on: theirs
/// (the personal channels that can reach them), then the team's.
pub fn page_channels<'a>(
    notify: &'a Notify,
    severity: &str,
    member: &Member,
) -> (Vec<&'a str>, Vec<&'a str>) {
    let recipient = Recipient::of(member, None);
    let channels = notify.channels_for(Topic::Page, Some(severity));
    let (personal, team): (Vec<&Channel>, Vec<&Channel>) =
        channels.into_iter().partition(|c| c.kind.personal());
    (
        personal
            .into_iter()
            .filter(|c| reaches(c, &recipient))
            .map(|c| c.name.as_str())
            .collect(),
        team.into_iter().map(|c| c.name.as_str()).collect(),
    )
}

/// Whether a personal channel can reach this person at all.
fn reaches(channel: &Channel, recipient: &Recipient) -> bool {
    match channel.kind {
        crate::config::notify::ChannelKind::Email { .. } => recipient.email.is_some(),
        _ => true,
    }
}

/// Makes the messages of one event on every channel routed for it: one per channel, and one
/// per person on a personal channel. `key` names the event; the channel (and person) are added.
pub fn fan_out(
    notify: &Notify,
    key: &str,
    severity: Option<&str>,
    body: &Body,
    people: &[Recipient],
) -> Vec<NewMessage> {
    fan_out_with(notify, key, severity, body, people, None)
}

/// [`fan_out`], each person's message of an incident carrying their action links.
fn fan_out_with(
    notify: &Notify,
    key: &str,
    severity: Option<&str>,
    body: &Body,
    people: &[Recipient],
    links: Option<&LinkSigner>,
) -> Vec<NewMessage> {
    let mut out = Vec::new();
    for channel in notify.channels_for(body.event, severity) {
        let mut one = |recipient: Option<&Recipient>| {
            let mut body = body.clone();
            body.idempotency_key = match recipient {
                Some(r) => format!("{key}:{}:{}", channel.name, r.person),
                None => format!("{key}:{}", channel.name),
            };
            body.recipient = recipient.cloned();
            if let (Some(signer), Some(inc)) = (links, &body.incident) {
                match recipient {
                    Some(r) => body.links = Some(signer.links(inc.id, &r.person)),
                    None if body.event == Topic::Page => {
                        body.links_for = body
                            .paged
                            .iter()
                            .map(|p| PersonLinks {
                                person: p.person.clone(),
                                links: signer.links(inc.id, &p.person),
                            })
                            .collect();
                    }
                    None => {}
                }
            }
            out.push(NewMessage {
                key: body.idempotency_key.clone(),
                channel: channel.name.clone(),
                topic: body.event.as_str().to_string(),
                incident_id: body.incident.as_ref().map(|i| i.id),
                recipient: recipient.map(|r| r.person.clone()),
                payload: serde_json::to_string(&body).unwrap_or_default(),
            });
        };
        if channel.kind.personal() {
            for r in people.iter().filter(|r| reaches(channel, r)) {
                one(Some(r));
            }
        } else {
            one(None);
        }
    }
    out
}

/// The messages a new handover note makes, given its id: to whoever takes over each role its
/// author holds at the next handoff, or to the next shift's first role when the author holds
/// none.
pub fn handover_messages(
    planner: &Planner,
    overrides: &[crate::rules::rotation::Override],
    now: DateTime<Utc>,
    author: &str,
    text: &str,
    id: i64,
) -> Vec<NewMessage> {
    let rotation = &planner.rotation;
    let next = match rotation.shift_at(now) {
        Ok(shift) => shift.end,
        Err(before) => before.start,
    };
    let held: Vec<usize> = crate::rules::rotation::holders_at(rotation, overrides, now)
        .into_iter()
        .filter(|h| h.person.eq_ignore_ascii_case(author))
        .map(|h| h.role)
        .collect();
    let roles = if held.is_empty() { vec![0] } else { held };
    let incoming = crate::rules::rotation::holders_at(rotation, overrides, next);
    let mut people: Vec<Recipient> = Vec::new();
    for role in roles {
        let Some(holder) = incoming.iter().find(|h| h.role == role) else {
            continue;
        };
        let Some(member) = rotation.member(&holder.person) else {
            continue;
        };
        if !member.name.eq_ignore_ascii_case(author)
            && !people.iter().any(|p| p.person == member.name)
        {
            people.push(Recipient::of(
                member,
                rotation.roles.get(role).map(String::as_str),
            ));
        }
    }
    let first_line = text.lines().next().unwrap_or_default();
    let body = Body {
        actor: Some(author.to_string()),
        details: text.lines().map(str::to_string).collect(),
        ..Body::new(
            Topic::Handover,
            now,
            format!("Handover note from {author}: {first_line}"),
            Some("mindops handover list".into()),
        )
    };
    fan_out(
        &planner.notify,
        &format!("mindops:handover:{id}"),
        None,
        &body,
        &people,
    )
}

/// What the store asks, inside an incident change's transaction, for the messages it makes.
#[derive(Clone)]
pub struct Planner {
    pub notify: Notify,
    pub rotation: Rotation,
    pub severities: Vec<Severity>,
    pub zone: Tz,
    /// Signs the action links of people's messages, when `serve` has a public address.
    pub links: Option<LinkSigner>,
}

impl Planner {
    pub fn incident_body(&self, inc: &Incident) -> IncidentBody {
        let rank = self
            .severities
            .iter()
            .position(|s| s.key == inc.severity)
            .unwrap_or(self.severities.len());
        IncidentBody {
            id: inc.id,
            title: inc.title.clone(),
            severity: inc.severity.clone(),
            severity_name: self
                .severities
                .get(rank)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            severity_rank: rank,
            status: inc.status.as_str().to_string(),
            opened_at: rfc3339(inc.opened_at),
            ack_due: rfc3339(inc.ack_due),
            resolve_due: rfc3339(inc.resolve_due),
        }
    }

    fn recipient(&self, person: &str, role: Option<&str>) -> Option<Recipient> {
        self.rotation.member(person).map(|m| Recipient::of(m, role))
    }

    /// `Resolve by 11:00`, or once that has passed at `at`, `resolution overdue since 11:00`:
    /// a message never shows a due time in the past as still to come.
    pub fn resolve_clause(&self, inc: &Incident, at: DateTime<Utc>) -> String {
        let due = human(inc.resolve_due, self.zone);
        if crate::rules::deadline::passed(inc.resolve_due, at) {
            format!("resolution overdue since {due}")
        } else {
            format!("Resolve by {due}")
        }
    }

    /// `[P1 High] incident 42: checkout down`.
    fn headline(&self, inc: &Incident) -> String {
        let name = self
            .severities
            .iter()
            .find(|s| s.key == inc.severity)
            .map(|s| format!(" {}", s.name))
            .unwrap_or_default();
        format!(
            "[{}{name}] incident {}: {}",
            inc.severity, inc.id, inc.title
        )
    }

    /// What a topic says, the command to run next, and whom it reaches beyond the team's
    /// channels; `None` for a topic that sends nothing.
    fn news(
        &self,
        topic: Topic,
        inc: &Incident,
        events: &[Event],
        pages: &[Paged],
        actor: &Option<String>,
        told: &dyn Fn(&Option<String>) -> Vec<Recipient>,
    ) -> Option<(String, Option<String>, Vec<Recipient>)> {
        let headline = self.headline(inc);
        let when = |t: DateTime<Utc>| human(t, self.zone);
        let by = actor.as_deref().unwrap_or("someone");
        Some(match topic {
            Topic::Page => {
                let who: Vec<String> = pages
                    .iter()
                    .map(|p| format!("{} ({})", p.person, p.role))
                    .collect();
                // An escalation after the limit says how late it is, not "by" a past time.
                let at = events.first().map_or(inc.opened_at, |e| e.at);
                let ack = if crate::rules::deadline::passed(inc.ack_due, at) {
                    format!("Acknowledgement overdue since {}", when(inc.ack_due))
                } else {
                    format!("Acknowledge by {}", when(inc.ack_due))
                };
                // A repeat of the whole chain says which.
                let again = events
                    .iter()
                    .find_map(|e| e.old_value.as_deref().filter(|_| repeat_of(e).is_some()))
                    .map(|r| format!(" again ({r})"))
                    .unwrap_or_default();
                (
                    format!("{headline}. Paged {}{again}. {ack}", who.join(", ")),
                    Some(format!("mindops incident ack {}", inc.id)),
                    pages
                        .iter()
                        .filter_map(|p| self.recipient(&p.person, Some(&p.role)))
                        .collect(),
                )
            }
            Topic::Acknowledged => (
                format!(
                    "{headline}: acknowledged by {by}. {}",
                    self.resolve_clause(inc, events.first().map_or(inc.opened_at, |e| e.at))
                ),
                Some(format!(
                    "mindops incident close {} --resolution TEXT",
                    inc.id
                )),
                told(actor),
            ),
            Topic::Resolved => (
                format!(
                    "{headline}: resolved by {by}{}",
                    inc.resolution
                        .as_deref()
                        .map(|r| format!(": {r}"))
                        .unwrap_or_default()
                ),
                None,
                told(actor),
            ),
            Topic::Reopened => (
                format!("{headline}: reopened by {by}"),
                Some(format!("mindops incident ack {}", inc.id)),
                Vec::new(),
            ),
            Topic::Breach => {
                let resolve = events.iter().any(|e| e.kind == Kind::ResolveBreached);
                let (what, due, next) = if resolve {
                    (
                        "resolution",
                        inc.resolve_due,
                        format!("mindops incident show {}", inc.id),
                    )
                } else {
                    (
                        "acknowledgement",
                        inc.ack_due,
                        format!("mindops incident ack {}", inc.id),
                    )
                };
                (
                    format!("{headline}: {what} limit passed (due {})", when(due)),
                    Some(next),
                    Vec::new(),
                )
            }
            _ => return None,
        })
    }
}

impl Plan for Planner {
    fn plan(&self, inc: &Incident, history: &[Event], events: &[Event]) -> Vec<NewMessage> {
        let mut out = Vec::new();
        let pages = paged(events);
        let everyone_paged = paged(history)
            .into_iter()
            .chain(pages.clone())
            .collect::<Vec<_>>();
        // Everyone paged about the incident but whoever acted hears that it was answered.
        let told = |actor: &Option<String>| -> Vec<Recipient> {
            let mut people: Vec<Recipient> = Vec::new();
            for p in &everyone_paged {
                if Some(&p.person) != actor.as_ref() && !people.iter().any(|r| r.person == p.person)
                {
                    people.extend(self.recipient(&p.person, Some(&p.role)));
                }
            }
            people
        };
        for (topic, ordinal) in topics(history.len(), events) {
            // Who did it: the actor of the topic's own event (a late acknowledgement comes
            // after the breach mindops records for it).
            let actor = events
                .get(ordinal - history.len())
                .or(events.first())
                .map(|e| e.actor.clone());
            let Some((summary, next, people)) =
                self.news(topic, inc, events, &pages, &actor, &told)
            else {
                continue;
            };
            // The team's channels name everyone paged so far; a person's channel reaches
            // those this event paged.
            let body = Body {
                version: BODY_VERSION,
                idempotency_key: String::new(),
                event: topic,
                at: rfc3339(events.first().map_or(inc.opened_at, |e| e.at)),
                summary,
                next,
                incident: Some(self.incident_body(inc)),
                paged: if topic == Topic::Page {
                    pages.clone()
                } else {
                    everyone_paged.clone()
                },
                actor: actor.clone(),
                recipient: None,
                details: inc.description.iter().cloned().collect(),
                links: None,
                links_for: Vec::new(),
            };
            let key = format!("mindops:incident:{}:{ordinal}:{}", inc.id, topic.as_str());
            out.extend(fan_out_with(
                &self.notify,
                &key,
                Some(&inc.severity),
                &body,
                &people,
                self.links.as_ref(),
            ));
        }
        out
    }
}

/// Who a message is for, as people read it: `Felix by mail`, or the channel.
pub fn addressee(m: &Message) -> String {
    match &m.recipient {
        Some(person) => format!("{person} by {}", m.channel),
        None => m.channel.clone(),
    }
}

/// What a command that sent messages tells its user about those it could not deliver.
pub fn undelivered(d: &Delivered) -> Vec<String> {
    let mut lines: Vec<String> = d
        .failed
        .iter()
        .take(10)
        .map(|(m, error)| {
            format!(
                "message {} ({}) to {} failed: {error}",
                m.id,
                m.topic,
                addressee(m)
            )
        })
        .collect();
    if d.failed.len() > 10 {
        lines.push(format!(
            "… and {} more failed (mindops notify list --failed)",
            d.failed.len() - 10
        ));
    }
    let waiting = d.retrying + d.unfinished;
    if waiting > 0 {
        lines.push(format!(
            "{waiting} message(s) not delivered yet; `mindops notify flush` sends them \
             (`mindops notify list` shows why)"
        ));
    }
    lines
}

/// A message as `--format json` prints it; field names are stable.
#[derive(Serialize)]
pub struct MessageJson<'a> {
    pub id: i64,
    pub key: &'a str,
    pub event: &'a str,
    pub incident: Option<i64>,
    pub channel: &'a str,
    pub recipient: Option<&'a str>,
    pub state: &'static str,
    pub attempts: u32,
    pub created_at: String,
    pub next_at: Option<String>,
    pub sent_at: Option<String>,
    pub last_error: Option<&'a str>,
}

pub fn message_json(m: &Message) -> MessageJson<'_> {
    MessageJson {
        id: m.id,
        key: &m.key,
        event: &m.topic,
        incident: m.incident_id,
        channel: &m.channel,
        recipient: m.recipient.as_deref(),
        state: m.state.as_str(),
        attempts: m.attempts,
        created_at: rfc3339(m.created_at),
        next_at: matches!(m.state, Delivery::Queued | Delivery::Sending)
            .then(|| rfc3339(m.next_at)),
        sent_at: m.sent_at.map(rfc3339),
        last_error: m.last_error.as_deref(),
    }
}

/// One line for a person: `#3 page to Felix by mail: FAILED after 2 attempt(s): …`.
pub fn message_line(m: &Message) -> String {
    let state = match m.state {
        Delivery::Sent => "sent".to_string(),
        Delivery::Failed => format!(
            "FAILED after {} attempt(s): {}",
            m.attempts,
            m.last_error.as_deref().unwrap_or("")
        ),
        Delivery::Queued | Delivery::Sending => match &m.last_error {
            Some(error) => format!(
                "queued, next try {} ({} attempt(s) so far; last: {error})",
                rfc3339(m.next_at),
                m.attempts
            ),
            None => "queued".to_string(),
        },
    };
    format!("#{} {} to {}: {state}", m.id, m.topic, addressee(m))
}

/// Each kind of news a change makes, once, named by where its first event stands in the
/// incident's story (`history_len` events came before these).
fn topics(history_len: usize, events: &[Event]) -> Vec<(Topic, usize)> {
    let mut topics: Vec<(Topic, usize)> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let topic = match e.kind {
            Kind::Paged => Topic::Page,
            Kind::Acknowledged => Topic::Acknowledged,
            Kind::Closed => Topic::Resolved,
            Kind::Reopened => Topic::Reopened,
            Kind::AckBreached | Kind::ResolveBreached => Topic::Breach,
            _ => continue,
        };
        if !topics.iter().any(|(t, _)| *t == topic) {
            topics.push((topic, history_len + i));
        }
    }
    topics
}
