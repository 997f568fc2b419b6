//! Each channel's form of a message, and sending it: the webhook body as stored (signed when
//! a secret is set), Slack's `{"text"}`, PagerDuty's Events API v2, an email, a program's
//! standard input.

use std::time::Duration;

use hmac::{Hmac, KeyInit, Mac};
use serde_json::json;
use sha2::Sha256;

use super::Body;
use crate::config::notify::{Channel, ChannelKind, Topic};
use crate::net::http::{Clients, Reply};
use crate::net::smtp;

/// Why an attempt failed, and whether a later one may pass.
#[derive(Debug)]
pub struct Failure {
    pub text: String,
    pub retry: bool,
    /// The receiver's own `Retry-After`.
    pub retry_after: Option<Duration>,
}

impl Failure {
    fn retry(text: String) -> Self {
        Failure {
            text,
            retry: true,
            retry_after: None,
        }
    }

    fn permanent(text: String) -> Self {
        Failure {
            text,
            retry: false,
            retry_after: None,
        }
    }
}

/// The header a signed webhook carries: `sha256=` and the hex HMAC-SHA256 of
/// `TIMESTAMP.BODY` under the channel's secret, TIMESTAMP being `X-Mindops-Timestamp`.
pub const SIGNATURE_HEADER: &str = "X-Mindops-Signature";
pub const TIMESTAMP_HEADER: &str = "X-Mindops-Timestamp";

pub fn sign(secret: &[u8], timestamp: i64, body: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(format!("{timestamp}.{body}").as_bytes());
    let digest = mac.finalize().into_bytes();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256={hex}")
}

pub fn send(
    channel: &Channel,
    body: &Body,
    payload: &str,
    timeout: Duration,
    now: i64,
    clients: &Clients,
) -> Result<(), Failure> {
    let out = Outgoing {
        body,
        payload,
        timeout,
        clients,
    };
    match &channel.kind {
        ChannelKind::Webhook { url, secret, trust } => {
            webhook(&out, &expand(url)?, secret.as_ref(), trust, now)
        }
        ChannelKind::Slack { url } => slack(&out, &expand(url)?),
        ChannelKind::Pagerduty { routing_key, url } => {
            let event = pagerduty(&read(routing_key, "the PagerDuty routing key")?, body);
            let headers = [("Content-Type", "application/json")];
            out.post(&Default::default(), url, &headers, event.as_bytes())
        }
        ChannelKind::Ntfy { url, topic, token } => {
            ntfy_push(&out, &expand(url)?, topic, token.as_ref())
        }
        ChannelKind::Email {
            server,
            from,
            tls,
            username,
            password,
            trust,
        } => {
            let login = match (username, password) {
                (Some(user), Some(password)) => {
                    Some((user.clone(), read(password, "the SMTP password")?))
                }
                _ => None,
            };
            email(&out, &expand(server)?, from, *tls, login, trust)
        }
        ChannelKind::Command { command, env } => {
            let mut vars = crate::sources::process::passed_on(env);
            vars.extend(described(body));
            crate::sources::process::run_with_input(
                command,
                payload.as_bytes().to_vec(),
                timeout,
                &vars,
            )
            .map_err(Failure::retry)
        }
    }
}

/// What every channel sends with: the message, its JSON, the time it may take, the clients.
struct Outgoing<'a> {
    body: &'a Body,
    payload: &'a str,
    timeout: Duration,
    clients: &'a Clients,
}

impl Outgoing<'_> {
    fn post(
        &self,
        trust: &crate::util::trust::Trust,
        url: &str,
        headers: &[(&str, &str)],
        bytes: &[u8],
    ) -> Result<(), Failure> {
        post(self.clients, trust, url, headers, bytes, self.timeout)
    }
}

/// A URL's `${VAR}`s from the environment; a missing one fails this message for good.
fn expand(url: &str) -> Result<String, Failure> {
    crate::config::expand_env(url).map_err(Failure::permanent)
}

/// A secret read when it is used; one that cannot be read fails the message for good.
fn read(secret: &crate::config::Secret, what: &str) -> Result<String, Failure> {
    secret
        .read()
        .map_err(|e| Failure::permanent(format!("{what}: {e}")))
}

/// The message's JSON as it is, signed when the channel has a secret.
fn webhook(
    out: &Outgoing,
    url: &str,
    secret: Option<&crate::config::Secret>,
    trust: &crate::util::trust::Trust,
    now: i64,
) -> Result<(), Failure> {
    let stamp = now.to_string();
    let signature = match secret {
        Some(secret) => Some(sign(
            read(secret, "the webhook secret")?.as_bytes(),
            now,
            out.payload,
        )),
        None => None,
    };
    let mut headers = vec![
        ("Content-Type", "application/json"),
        ("Idempotency-Key", out.body.idempotency_key.as_str()),
        ("X-Mindops-Event", out.body.event.as_str()),
    ];
    if let Some(signature) = &signature {
        headers.push((TIMESTAMP_HEADER, stamp.as_str()));
        headers.push((SIGNATURE_HEADER, signature.as_str()));
    }
    out.post(trust, url, &headers, out.payload.as_bytes())
}

/// One line of text, the command to run next, and each person's links in Slack's markup.
fn slack(out: &Outgoing, url: &str) -> Result<(), Failure> {
    let body = out.body;
    let mut text = body.summary.clone();
    if let Some(next) = &body.next {
        text.push_str(&format!("\n`{next}`"));
    }
    for p in &body.links_for {
        text.push_str(&format!(
            "\n{}: <{}|acknowledge> · <{}|resolve> · <{}|escalate>",
            p.person, p.links.acknowledge, p.links.resolve, p.links.escalate
        ));
    }
    let slack = json!({ "text": text }).to_string();
    let headers = [
        ("Content-Type", "application/json"),
        ("Idempotency-Key", body.idempotency_key.as_str()),
    ];
    out.post(&Default::default(), url, &headers, slack.as_bytes())
}

/// A push to the recipient's own topic (`{person}` in the topic), with its bearer token.
fn ntfy_push(
    out: &Outgoing,
    url: &str,
    topic: &str,
    token: Option<&crate::config::Secret>,
) -> Result<(), Failure> {
    let person = out
        .body
        .recipient
        .as_ref()
        .map(|r| r.person.to_lowercase())
        .unwrap_or_default();
    let authorization = match token {
        Some(token) => Some(format!("Bearer {}", read(token, "the ntfy token")?)),
        None => None,
    };
    let push = ntfy(&topic.replace("{person}", &person), out.body);
    let mut headers = vec![("Content-Type", "application/json")];
    if let Some(auth) = &authorization {
        headers.push(("Authorization", auth.as_str()));
    }
    out.post(&Default::default(), url, &headers, push.as_bytes())
}

/// A plain-text mail to the recipient's address, its links spelled out.
fn email(
    out: &Outgoing,
    server: &str,
    from: &str,
    tls: crate::net::smtp::EmailTls,
    login: Option<(String, String)>,
    trust: &crate::util::trust::Trust,
) -> Result<(), Failure> {
    let body = out.body;
    let to = body
        .recipient
        .as_ref()
        .and_then(|r| r.email.clone())
        .ok_or_else(|| Failure::permanent("the recipient has no email address".into()))?;
    let mut text = format!("{}\n", body.summary);
    if let Some(next) = &body.next {
        text.push_str(&format!("\n    {next}\n"));
    }
    for line in &body.details {
        text.push_str(&format!("\n{line}\n"));
    }
    if let Some(links) = &body.links {
        text.push_str(&format!(
            "\nAcknowledge: {}\nResolve: {}\nEscalate now: {}\n",
            links.acknowledge, links.resolve, links.escalate
        ));
    }
    text.push_str(&format!("\n-- \nmindops, {}\n", body.idempotency_key));
    let subject: String = body.summary.chars().take(120).collect();
    smtp::send(&smtp::Mail {
        server,
        tls,
        login,
        ca_file: trust.ca_file.as_deref(),
        timeout: out.timeout,
        from,
        to: &to,
        subject: &subject,
        body: text,
        message_id: format!(
            "<{}@mindops>",
            body.idempotency_key.replace([':', ' '], ".")
        ),
    })
    .map_err(|e| Failure {
        text: e.text,
        retry: e.retry,
        retry_after: None,
    })
}

/// The message in `MINDOPS_*` variables, for a program that would rather not parse JSON.
fn described(body: &Body) -> Vec<(String, String)> {
    let mut vars = vec![
        ("MINDOPS_EVENT", body.event.as_str().to_string()),
        ("MINDOPS_KEY", body.idempotency_key.clone()),
        ("MINDOPS_SUMMARY", body.summary.clone()),
    ];
    if let Some(incident) = &body.incident {
        vars.push(("MINDOPS_INCIDENT", incident.id.to_string()));
        vars.push(("MINDOPS_SEVERITY", incident.severity.clone()));
    }
    if let Some(links) = &body.links {
        vars.push(("MINDOPS_ACK_URL", links.acknowledge.clone()));
        vars.push(("MINDOPS_RESOLVE_URL", links.resolve.clone()));
        vars.push(("MINDOPS_ESCALATE_URL", links.escalate.clone()));
    }
    if let Some(r) = &body.recipient {
        vars.push(("MINDOPS_PERSON", r.person.clone()));
        vars.extend(r.phone.clone().map(|p| ("MINDOPS_PHONE", p)));
        vars.extend(r.email.clone().map(|e| ("MINDOPS_EMAIL", e)));
    }
    vars.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// ntfy's JSON publish: the headline as the title, the priority by severity (P0 and P1 urgent),
/// and the person's links as `http` buttons that POST to them.
fn ntfy(topic: &str, body: &Body) -> String {
    let priority = match body.incident.as_ref().map(|i| i.severity_rank) {
        Some(0) => 5,
        Some(1) => 4,
        Some(2) => 3,
        _ => 2,
    };
    let mut message = body.summary.clone();
    for line in &body.details {
        message.push_str(&format!("\n{line}"));
    }
    let actions: Vec<serde_json::Value> = body
        .links
        .iter()
        .flat_map(|l| {
            [
                ("Acknowledge", &l.acknowledge),
                ("Resolve", &l.resolve),
                ("Escalate", &l.escalate),
            ]
        })
        .map(|(label, url)| json!({"action": "http", "label": label, "url": url, "method": "POST", "clear": true}))
        .collect();
    json!({
        "topic": topic,
        "title": body.summary.chars().take(120).collect::<String>(),
        "message": message,
        "priority": priority,
        "tags": [body.event.as_str()],
        "actions": actions,
    })
    .to_string()
}

/// An Events API v2 event: the mindops incident is the dedup key, so PagerDuty's incident
/// follows it from trigger to acknowledge to resolve.
fn pagerduty(routing_key: &str, body: &Body) -> String {
    let action = match body.event {
        Topic::Acknowledged => "acknowledge",
        Topic::Resolved => "resolve",
        _ => "trigger",
    };
    let dedup = match &body.incident {
        Some(inc) => format!("mindops-incident-{}", inc.id),
        None => body.idempotency_key.clone(),
    };
    let severity = match body.incident.as_ref().map(|i| i.severity_rank) {
        Some(0) => "critical",
        Some(1) => "error",
        Some(2) => "warning",
        _ => "info",
    };
    let summary: String = body.summary.chars().take(1024).collect();
    json!({
        "routing_key": routing_key,
        "event_action": action,
        "dedup_key": dedup,
        "payload": {
            "summary": summary,
            "source": "mindops",
            "severity": severity,
            "custom_details": body,
        },
    })
    .to_string()
}

fn post(
    clients: &Clients,
    trust: &crate::net::http::Trust,
    url: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    timeout: Duration,
) -> Result<(), Failure> {
    let client = clients.get(trust).map_err(Failure::permanent)?;
    let reply = client
        .post(url, headers, body, timeout)
        .map_err(Failure::retry)?;
    judge(crate::net::http::host_of(url), &reply)
}

/// 2xx delivered; 408, 429 and 5xx may pass later (after `Retry-After` when given); any other
/// answer will not, however often it is sent.
fn judge(host: &str, reply: &Reply) -> Result<(), Failure> {
    if (200..300).contains(&reply.status) {
        return Ok(());
    }
    // A POST that is redirected is not delivered: following it would send a GET with no
    // body, perhaps to another host, and record the answer as delivery.
    if (300..400).contains(&reply.status) {
        let to = reply.location.as_deref().unwrap_or("nowhere (no Location)");
        return Err(Failure::permanent(format!(
            "{host} answered HTTP {}: the receiver redirected to {}; point the channel at it",
            reply.status,
            crate::net::http::redact(to)
        )));
    }
    // One line of what the receiver said: an HTML error page folds into a few words.
    let said: String = reply
        .body
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(160)
        .collect();
    let text = format!("{host} answered HTTP {}: {said}", reply.status);
    let retry = matches!(reply.status, 408 | 429 | 500..=599);
    Err(Failure {
        text,
        retry,
        retry_after: reply.retry_after,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_follow_the_documented_recipe() {
        // HMAC-SHA256("key", "1700000000.{}"), as `openssl dgst -sha256 -hmac key` gives it.
        assert_eq!(
            sign(b"key", 1_700_000_000, "{}"),
            "sha256=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae"
        );
    }
}
