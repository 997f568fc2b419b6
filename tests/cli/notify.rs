//! Notifications against real receivers on 127.0.0.1: a scripted HTTP server for webhooks,
//! Slack and PagerDuty, a program for the command channel, and Debian's aiosmtpd for email.
//! Each scenario runs once per backend; the receivers are checked, then emptied, in between.

use std::time::{Duration, Instant};

use hmac::{Hmac, KeyInit, Mac};
use serde_json::Value;
use sha2::Sha256;

use crate::common::{json, Env, On, NOW};
use crate::servers::{self, Answer, Http, Seen};

/// Appends a `notify:` section to rotation.yaml.
fn notify(env: &Env, yaml: &str) {
    let text = env.read("work/rotation.yaml");
    env.write("work/rotation.yaml", &format!("{text}\nnotify:\n{yaml}"));
}

/// Felix and Iris get addresses and phones.
fn contacts(env: &Env) {
    for (name, area) in [("Felix", "Frontend"), ("Iris", "Infrastructure")] {
        let lower = name.to_lowercase();
        env.edit(
            "rotation.yaml",
            &format!("  - name: {name}\n    area: {area}\n"),
            &format!(
                "  - name: {name}\n    area: {area}\n    email: {lower}@example.com\n    phone: \"+4930{}\"\n",
                name.len()
            ),
        );
    }
}

fn body(seen: &Seen) -> Value {
    json(&seen.body)
}

fn header<'a>(seen: &'a Seen, name: &str) -> Option<&'a str> {
    seen.headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn ok(on: &On, now: &str, args: &[&str]) -> String {
    let (code, out, err) = on.at(now, args);
    assert_eq!(
        (code, err.as_str()),
        (0, ""),
        "{args:?} on {}:\n{out}",
        on.name()
    );
    out
}

fn outbox(on: &On, now: &str) -> Vec<Value> {
    json(&ok(on, now, &["notify", "list", "--format", "json"]))
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn pages_reach_the_webhook_signed_and_slack_once_each() {
    let env = Env::new();
    let hook = Http::start(Answer::ok("ok"));
    env.write("work/hook.secret", "s3cret\n");
    notify(
        &env,
        &format!(
            "  channels:\n    hook:\n      type: webhook\n      url: {}\n      secret_file: hook.secret\n    \
             chat:\n      type: slack\n      url: {}\n",
            hook.url("/hook"),
            hook.url("/slack")
        ),
    );
    env.each_backend(|on| {
        ok(
            on,
            NOW,
            &[
                "incident",
                "open",
                "--sev",
                "P1",
                "--title",
                "checkout down",
            ],
        );
        let mut seen = hook.take();
        seen.sort_by(|a, b| a.path.cmp(&b.path));
        assert_eq!(
            seen.iter().map(|s| s.path.as_str()).collect::<Vec<_>>(),
            ["/hook", "/slack"],
            "{}",
            on.name()
        );
        let (signed, slack) = (&seen[0], &seen[1]);
        let page = body(signed);
        assert_eq!(page["event"], "page");
        assert_eq!(page["incident"]["id"], 1);
        assert_eq!(page["incident"]["severity"], "P1");
        assert_eq!(page["incident"]["ack_due"], "2024-08-07T10:15:00Z");
        assert_eq!(page["next"], "mindops incident ack 1");
        assert_eq!(
            page["paged"],
            serde_json::json!([
                {"role": "Primary", "person": "Felix"},
                {"role": "Secondary", "person": "Iris"}
            ])
        );
        let key = page["idempotency_key"].as_str().unwrap();
        assert_eq!(key, "mindops:incident:1:1:page:hook");
        assert_eq!(header(signed, "idempotency-key"), Some(key));
        // The receiver's side of the signature: HMAC-SHA256 of "TIMESTAMP.BODY".
        let stamp = header(signed, "x-mindops-timestamp").unwrap();
        let mut mac = Hmac::<Sha256>::new_from_slice(b"s3cret").unwrap();
        mac.update(format!("{stamp}.{}", signed.body).as_bytes());
        let expected: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            header(signed, "x-mindops-signature"),
            Some(format!("sha256={expected}").as_str())
        );
        assert_eq!(
            stamp, "1723024800",
            "the signature is dated by mindops's clock"
        );
        let text = body(slack)["text"].as_str().unwrap().to_string();
        assert!(
            text.starts_with(
                "[P1 High] incident 1: checkout down. Paged Felix (Primary), Iris (Secondary)."
            ) && text.ends_with("`mindops incident ack 1`"),
            "{text}"
        );
        assert!(header(slack, "x-mindops-signature").is_none());

        ok(
            on,
            "2024-08-07T10:05:00Z",
            &["incident", "ack", "1", "--by", "Felix"],
        );
        ok(
            on,
            "2024-08-07T11:00:00Z",
            &[
                "incident",
                "close",
                "1",
                "--resolution",
                "rolled back",
                "--by",
                "Felix",
            ],
        );
        let events: Vec<String> = hook
            .take()
            .iter()
            .filter(|s| s.path == "/hook")
            .map(|s| body(s)["event"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(events, ["acknowledged", "resolved"]);
        let states: Vec<&str> = outbox(on, NOW)
            .iter()
            .map(|m| m["state"].as_str().unwrap())
            .map(|s| if s == "sent" { "sent" } else { "NOT SENT" })
            .collect();
        assert_eq!(states, ["sent"; 6]);
    });
}

#[test]
fn a_receiver_down_then_up_gets_the_message_from_flush_exactly_once() {
    let env = Env::new();
    let rotation = env.read("work/rotation.yaml");
    env.each_backend(|on| {
        // A port nothing listens on yet, for each backend's own receiver.
        let port = servers::free_port();
        env.write("work/rotation.yaml", &rotation);
        notify(
            &env,
            &format!("  channels:\n    hook:\n      type: webhook\n      url: http://127.0.0.1:{port}/hook\n"),
        );
        let (code, _, err) = on.at(NOW, &["incident", "open", "--sev", "P2", "--title", "disk full"]);
        assert_eq!(code, 0);
        assert!(err.contains("1 message(s) not delivered yet; `mindops notify flush` sends them"), "{err}");
        let queued = &outbox(on, NOW)[0];
        assert_eq!((&queued["state"], &queued["attempts"]), (&Value::from("queued"), &Value::from(1)));
        assert!(queued["last_error"].as_str().unwrap().contains("refused the connection"), "{queued}");

        let server = Http::start_on(port, Answer::ok("ok"));
        // Not due yet: the first retry waits about 30 s.
        assert_eq!(ok(on, NOW, &["notify", "flush"]), "sent 0, retrying later 0, failed 0\n");
        assert_eq!(ok(on, "2024-08-07T10:05:00Z", &["notify", "flush"]), "sent 1, retrying later 0, failed 0\n");
        assert_eq!(ok(on, "2024-08-07T10:30:00Z", &["notify", "flush"]), "sent 0, retrying later 0, failed 0\n");
        let seen = server.take();
        assert_eq!(seen.len(), 1, "{seen:?}");
        assert_eq!(body(&seen[0])["idempotency_key"], "mindops:incident:1:1:page:hook");
        assert_eq!(outbox(on, NOW)[0]["state"], "sent");
    });
}

#[test]
fn a_hanging_receiver_costs_the_budget_and_a_kill_9_loses_nothing() {
    let env = Env::new();
    let hook = Http::start(Answer {
        delay: Duration::from_secs(30),
        ..Answer::ok("ok")
    });
    notify(
        &env,
        &format!(
            "  budget: 1s\n  channels:\n    hook:\n      type: webhook\n      url: {}\n      timeout: 20s\n",
            hook.url("/hook")
        ),
    );
    env.each_backend(|on| {
        let started = Instant::now();
        let (code, out, err) = on.at(NOW, &["incident", "open", "--sev", "P2", "--title", "slow"]);
        let took = started.elapsed();
        assert_eq!(code, 0, "{out}{err}");
        assert!(
            took < Duration::from_secs(10),
            "the 1s budget took {took:?}"
        );
        assert!(err.contains("not delivered yet"), "{err}");
        // Cut by the command's 1 s budget, not by the channel's 20 s: not the receiver's
        // failure, so no attempt is counted and the message stays due at once for a flush.
        let message = &outbox(on, NOW)[0];
        assert_eq!(
            (
                &message["state"],
                &message["attempts"],
                &message["last_error"]
            ),
            (&Value::from("queued"), &Value::from(0), &Value::Null),
            "{message}"
        );
        hook.take();

        // A sender killed after the commit, in the middle of sending.
        let mut child = on
            .process_at("2024-08-07T10:05:00Z")
            .args(["notify", "flush"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        while hook.seen.lock().unwrap().is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        child.kill().unwrap();
        assert!(!child.wait().unwrap().success());
        assert_eq!(outbox(on, NOW)[0]["state"], "sending");

        hook.set(Answer::ok("ok"));
        // Its claim lapses once no live sender can still be on it (timeout + 60 s).
        assert_eq!(
            ok(on, "2024-08-07T10:05:30Z", &["notify", "flush"]),
            "sent 0, retrying later 0, failed 0\n"
        );
        assert_eq!(
            ok(on, "2024-08-07T10:07:00Z", &["notify", "flush"]),
            "sent 1, retrying later 0, failed 0\n"
        );
        let keys: Vec<Value> = hook
            .take()
            .iter()
            .map(|s| body(s)["idempotency_key"].clone())
            .collect();
        let key = Value::from("mindops:incident:1:1:page:hook");
        assert_eq!(keys, [key.clone(), key], "the killed try and the delivery");
        assert_eq!(outbox(on, NOW)[0]["state"], "sent");
        hook.set(Answer {
            delay: Duration::from_secs(30),
            ..Answer::ok("ok")
        });
    });
}

#[test]
fn two_flushes_at_once_send_each_message_once() {
    let env = Env::new();
    let hook = Http::start(Answer {
        delay: Duration::from_millis(20),
        ..Answer::ok("ok")
    });
    // Budget 0: the commands queue and leave all sending to the flushes.
    notify(
        &env,
        &format!(
            "  budget: 0s\n  channels:\n    hook:\n      type: webhook\n      url: {}\n",
            hook.url("/")
        ),
    );
    for i in 0..40 {
        env.ok(&[
            "incident",
            "open",
            "--sev",
            "P3",
            "--title",
            &format!("t{i}"),
            "--format",
            "plain",
        ]);
    }
    let flush = vec!["notify", "flush", "--format", "json"];
    env.race(&[flush.clone(), flush.clone(), flush], |results, on| {
        let mut sent = 0;
        for (code, out, err) in results {
            assert_eq!((code, err.as_str()), (&0, ""), "{out}");
            sent += json(out)["sent"].as_u64().unwrap();
        }
        assert_eq!(sent, 40, "on {}", on.name());
        let mut keys: Vec<String> = hook
            .take()
            .iter()
            .map(|s| body(s)["idempotency_key"].as_str().unwrap().to_string())
            .collect();
        keys.sort();
        let before = keys.len();
        keys.dedup();
        assert_eq!(
            (before, keys.len()),
            (40, 40),
            "each message once on {}",
            on.name()
        );
    });
}

#[test]
fn a_page_the_primary_cannot_get_goes_to_the_next_role() {
    let env = Env::new();
    contacts(&env);
    // The gateway refuses Felix's number; max_attempts 1 gives up at once.
    notify(
        &env,
        "  max_attempts: 1\n  channels:\n    sms:\n      type: command\n      \
         command: 'm=$(cat); case \"$m\" in *Felix*Primary*) echo number unreachable >&2; exit 3;; esac; \
         printf \"%s\\n\" \"$m\" >> sms.jsonl'\n",
    );
    env.each_backend(|on| {
        let _ = std::fs::remove_file(env.path("work/sms.jsonl"));
        let (code, _, err) = on.at(
            NOW,
            &["incident", "open", "--sev", "P2", "--title", "db slow"],
        );
        assert_eq!(code, 0);
        assert!(
            err.contains("to Felix by sms failed: gave up after 1 attempt: `"),
            "{err}"
        );
        assert!(
            err.contains("failed (exit status: 3): number unreachable"),
            "{err}"
        );
        let show = json(&ok(on, NOW, &["incident", "show", "1", "--format", "json"]));
        assert_eq!(
            show["paged"],
            serde_json::json!([
                {"role": "Primary", "person": "Felix"},
                {"role": "Secondary", "person": "Iris"}
            ])
        );
        let escalated = show["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == "escalated")
            .unwrap();
        assert!(escalated["text"]
            .as_str()
            .unwrap()
            .starts_with("the page to Felix by sms failed: "));
        let states: Vec<(String, String)> = show["notifications"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["recipient"].as_str().unwrap().to_string(),
                    m["state"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(
            states,
            [
                ("Felix".into(), "failed".into()),
                ("Iris".into(), "sent".into())
            ]
        );
        let delivered = json(
            std::fs::read_to_string(env.path("work/sms.jsonl"))
                .unwrap()
                .trim(),
        );
        assert_eq!(delivered["recipient"]["person"], "Iris");
        assert_eq!(delivered["recipient"]["phone"], "+49304");
        assert_eq!(delivered["recipient"]["role"], "Secondary");
        let failed = ok(
            on,
            NOW,
            &["notify", "list", "--failed", "--format", "plain"],
        );
        assert!(
            failed.starts_with("#1 page to Felix by sms: FAILED after 1 attempt(s): gave up"),
            "{failed}"
        );
        let status = ok(on, NOW, &["status"]);
        assert!(
            status.contains("Notifications: 1 failed, 0 waiting (mindops notify list --failed)"),
            "{status}"
        );
        let table = ok(on, NOW, &["incident", "show", "1"]);
        assert!(
            table.contains("\nNotifications:\n  #1 page to Felix by sms: FAILED"),
            "{table}"
        );
    });
}

#[test]
fn pagerduty_follows_the_incident_from_trigger_to_resolve() {
    let env = Env::new();
    let pd = Http::start(Answer {
        status: 202,
        ..Answer::ok(r#"{"status":"success"}"#)
    });
    env.write("work/pd.key", "R0UTINGKEY\n");
    notify(
        &env,
        &format!(
            "  channels:\n    pd:\n      type: pagerduty\n      routing_key_file: pd.key\n      url: {}\n",
            pd.url("/v2/enqueue")
        ),
    );
    env.each_backend(|on| {
        ok(
            on,
            NOW,
            &["incident", "open", "--sev", "P1", "--title", "api errors"],
        );
        ok(
            on,
            "2024-08-07T10:03:00Z",
            &["incident", "ack", "1", "--by", "Felix"],
        );
        ok(
            on,
            "2024-08-07T10:30:00Z",
            &[
                "incident",
                "close",
                "1",
                "--resolution",
                "fixed",
                "--by",
                "Felix",
            ],
        );
        let events: Vec<Value> = pd.take().iter().map(body).collect();
        let actions: Vec<&str> = events
            .iter()
            .map(|e| e["event_action"].as_str().unwrap())
            .collect();
        assert_eq!(actions, ["trigger", "acknowledge", "resolve"]);
        for e in &events {
            assert_eq!(e["routing_key"], "R0UTINGKEY");
            assert_eq!(e["dedup_key"], "mindops-incident-1");
        }
        assert_eq!(events[0]["payload"]["severity"], "error");
        assert_eq!(events[0]["payload"]["source"], "mindops");
        assert!(events[0]["payload"]["summary"]
            .as_str()
            .unwrap()
            .starts_with("[P1 High] incident 1: api errors"));
    });
}

#[test]
fn client_errors_are_not_retried_and_429_waits_for_retry_after() {
    let env = Env::new();
    let hook = Http::start(Answer {
        status: 400,
        ..Answer::ok("bad payload")
    });
    notify(
        &env,
        &format!(
            "  channels:\n    hook:\n      type: webhook\n      url: {}\n",
            hook.url("/")
        ),
    );
    env.each_backend(|on| {
        let (code, _, err) = on.at(NOW, &["incident", "open", "--sev", "P3", "--title", "a"]);
        assert_eq!(code, 0);
        assert!(err.contains("answered HTTP 400: bad payload"), "{err}");
        assert_eq!(outbox(on, NOW)[0]["state"], "failed");
        hook.set(Answer {
            status: 503,
            ..Answer::ok("busy")
        });
        on.did(NOW, &["incident", "open", "--sev", "P3", "--title", "b"]);
        let m = &outbox(on, NOW)[1];
        assert_eq!(m["state"], "queued");
        // 30 s give or take a fifth.
        let next: chrono::DateTime<chrono::Utc> = m["next_at"].as_str().unwrap().parse().unwrap();
        let wait = (next - NOW.parse::<chrono::DateTime<chrono::Utc>>().unwrap()).num_seconds();
        assert!((24..=36).contains(&wait), "{wait}");
        hook.set(Answer::ok("ok"));
        hook.take();
        hook.set(Answer {
            status: 400,
            ..Answer::ok("bad payload")
        });
    });
}

#[test]
fn reminders_go_out_once_per_occasion() {
    let env = Env::new();
    contacts(&env);
    let hook = Http::start(Answer::ok("ok"));
    notify(
        &env,
        &format!(
            "  reminders:\n    shift: 12h\n    acked: 1h\n    weekly: monday 09:00\n  channels:\n    \
             hook:\n      type: webhook\n      url: {}\n    sms:\n      type: command\n      \
             command: 'm=$(cat); printf \"%s\\n\" \"$m\" >> personal.jsonl'\n",
            hook.url("/")
        ),
    );
    let personal = || -> Vec<Value> {
        let text = std::fs::read_to_string(env.path("work/personal.jsonl")).unwrap_or_default();
        let _ = std::fs::remove_file(env.path("work/personal.jsonl"));
        text.lines().filter(|l| !l.is_empty()).map(json).collect()
    };
    env.each_backend(|on| {
        personal();
        hook.take();
        // Sunday 13:00: the shift of 12 August starts in 11 hours.
        let sunday = "2024-08-11T13:00:00Z";
        ok(on, sunday, &["notify", "flush"]);
        let sent = personal();
        let mut lines: Vec<&str> = sent
            .iter()
            .filter(|m| m["event"] == "shift_reminder")
            .map(|m| m["summary"].as_str().unwrap())
            .collect();
        lines.sort();
        assert_eq!(
            lines,
            [
                "Felix: your Backup shift starts 2024-08-12 00:00 UTC (in 11h)",
                "Iris: your Primary shift starts 2024-08-12 00:00 UTC (in 11h)",
                "Milo: your On-Call shift starts 2024-08-12 00:00 UTC (in 11h)",
                "Tilda: your Secondary shift starts 2024-08-12 00:00 UTC (in 11h)",
            ],
            "on {}",
            on.name()
        );
        ok(on, "2024-08-11T14:00:00Z", &["notify", "flush"]);
        assert!(
            !personal().iter().any(|m| m["event"] == "shift_reminder"),
            "once per shift"
        );

        // Monday 09:30: the weekly summary, to the team's channel, once.
        ok(on, "2024-08-12T09:30:00Z", &["incident", "check", "--format", "json"]);
        ok(on, "2024-08-12T10:30:00Z", &["notify", "flush"]);
        let weekly: Vec<Value> = hook.take().iter().map(body).collect();
        assert_eq!(weekly.len(), 1, "{weekly:?}");
        assert_eq!(weekly[0]["event"], "weekly_summary");
        assert_eq!(
            weekly[0]["summary"],
            "On call from 2024-08-12 00:00 UTC: Primary Iris, Secondary Tilda, On-Call Milo, \
             Backup Felix; from 2024-08-19 00:00 UTC: Primary Tilda, Secondary Milo, \
             On-Call Felix, Backup Iris"
        );

        // An incident acknowledged and left open: reminded each hour, once an hour.
        ok(on, "2024-08-12T11:00:00Z", &["incident", "open", "--sev", "P2", "--title", "slow"]);
        ok(on, "2024-08-12T11:05:00Z", &["incident", "ack", "1", "--by", "Iris"]);
        personal();
        hook.take();
        for at in ["2024-08-12T11:30:00Z", "2024-08-12T12:06:00Z", "2024-08-12T12:40:00Z", "2024-08-12T13:10:00Z"] {
            ok(on, at, &["notify", "flush"]);
        }
        let reminded: Vec<String> = personal()
            .iter()
            .filter(|m| m["event"] == "acked_reminder")
            .map(|m| format!("{} {}", m["recipient"]["person"].as_str().unwrap(), m["summary"].as_str().unwrap()))
            .collect();
        assert_eq!(
            reminded,
            [
                "Iris [P2 Medium] incident 1: slow: acknowledged 1h ago by Iris and not resolved. Resolve by 2024-08-12 19:00 UTC",
                "Iris [P2 Medium] incident 1: slow: acknowledged 2h ago by Iris and not resolved. Resolve by 2024-08-12 19:00 UTC",
            ]
        );
    });
}

/// An override tells the person it gives the role to and the person relieved, once each; the
/// shift reminders follow the schedule as it stands, overrides begun mid-shift included.
#[test]
fn overrides_tell_both_people_and_reminders_follow_them() {
    let env = Env::new();
    notify(
        &env,
        "  reminders:\n    shift: 12h\n  channels:\n    sms:\n      type: command\n      \
         command: 'm=$(cat); printf \"%s\\n\" \"$m\" >> personal.jsonl'\n",
    );
    let personal = |event: &str| -> Vec<String> {
        let text = std::fs::read_to_string(env.path("work/personal.jsonl")).unwrap_or_default();
        let _ = std::fs::remove_file(env.path("work/personal.jsonl"));
        let mut lines: Vec<String> = text
            .lines()
            .map(json)
            .filter(|m| m["event"] == event)
            .map(|m| m["summary"].as_str().unwrap_or_default().to_string())
            .collect();
        lines.sort();
        lines
    };
    env.each_backend(|on| {
        personal("");
        // Sunday 13:00: Iris is told her Primary shift starts at midnight.
        ok(on, "2024-08-11T13:00:00Z", &["notify", "flush"]);
        assert!(personal("shift_reminder")
            .contains(&"Iris: your Primary shift starts 2024-08-12 00:00 UTC (in 11h)".into()));
        // Then Milo takes Monday's Primary: both hear of it at once.
        let (code, out, err) = on.at(
            "2024-08-11T14:00:00Z",
            &[
                "oncall",
                "override",
                "add",
                "--role",
                "Primary",
                "--person",
                "Milo",
                "--from",
                "2024-08-12T00:00:00Z",
                "--to",
                "2024-08-13T00:00:00Z",
                "--reason",
                "swap",
                "--by",
                "Ana",
                "--force",
            ],
        );
        assert_eq!((code, err.as_str()), (0, ""), "{out}");
        assert_eq!(
            personal("rota_change"),
            [
                "Iris: Milo holds Primary from 2024-08-12 00:00 UTC until 2024-08-13 00:00 UTC, \
                 in your place (override 1 by Ana: swap)",
                "Milo: you hold Primary from 2024-08-12 00:00 UTC until 2024-08-13 00:00 UTC, \
                 in place of Iris (override 1 by Ana: swap)",
            ],
            "on {}",
            on.name()
        );
        // The next cron run reminds Milo of the role he now takes up, once.
        ok(on, "2024-08-11T14:05:00Z", &["notify", "flush"]);
        ok(on, "2024-08-11T14:10:00Z", &["notify", "flush"]);
        assert_eq!(
            personal("shift_reminder"),
            ["Milo: you take over Primary from Felix at 2024-08-12 00:00 UTC (in 9h)"]
        );
        // Iris takes Primary back mid-shift, when the override ends: reminded before it.
        ok(on, "2024-08-12T13:00:00Z", &["notify", "flush"]);
        assert_eq!(
            personal("shift_reminder"),
            ["Iris: you take over Primary from Milo at 2024-08-13 00:00 UTC (in 11h)"]
        );
        // Removing it mid-way tells both again, from now on.
        let (code, _, err) = on.at(
            "2024-08-12T18:00:00Z",
            &["oncall", "override", "remove", "1", "--by", "Ana"],
        );
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            personal("rota_change"),
            [
                "Iris: you hold Primary from 2024-08-12 18:00 UTC until 2024-08-13 00:00 UTC, \
                 in place of Milo (override 1 removed by Ana)",
                "Milo: Iris holds Primary from 2024-08-12 18:00 UTC until 2024-08-13 00:00 UTC, \
                 in your place (override 1 removed by Ana)",
            ]
        );
    });
}

#[test]
fn notify_test_reaches_a_person_or_a_channel_and_says_so() {
    let env = Env::new();
    contacts(&env);
    let hook = Http::start(Answer::ok("ok"));
    notify(
        &env,
        &format!(
            "  channels:\n    hook:\n      type: webhook\n      url: {}\n    sms:\n      type: command\n      \
             command: cat > last-test.json\n    down:\n      type: slack\n      url: http://127.0.0.1:9/\n",
            hook.url("/")
        ),
    );
    env.each_backend(|on| {
        assert_eq!(ok(on, NOW, &["notify", "test", "Felix"]), "Felix by sms: sent\n");
        let sent = json(&std::fs::read_to_string(env.path("work/last-test.json")).unwrap());
        assert_eq!(sent["event"], "test");
        assert_eq!(sent["recipient"]["email"], "felix@example.com");
        assert_eq!(ok(on, NOW, &["notify", "test", "hook"]), "hook: sent\n");
        assert_eq!(body(&hook.take()[0])["event"], "test");
        let (code, out, _) = on.at(NOW, &["notify", "test", "down"]);
        assert_eq!(code, 1);
        assert!(out.starts_with("down: NOT sent (queued): 127.0.0.1:9 refused the connection"), "{out}");
        let (code, _, err) = on.at(NOW, &["notify", "test", "Felx"]);
        assert_eq!(code, 2);
        assert!(err.contains("\"Felx\" is neither a member of rotation.yaml nor a channel (did you mean \"Felix\"?)"), "{err}");
        let (_, _, err) = on.at(NOW, &["notify", "test", "sms"]);
        assert!(err.contains("test it with a person's name, e.g. `mindops notify test Milo`"), "{err}");
    });
}

#[test]
fn without_a_notify_section_nothing_is_queued_and_notify_says_why() {
    let env = Env::new();
    env.ok(&["incident", "open", "--sev", "P1", "--title", "quiet"]);
    assert_eq!(env.ok(&["notify", "list"]), "the outbox is empty\n");
    let err = env.fails(&["notify", "flush"], 2);
    assert!(
        err.contains("rotation.yaml has no notify: section, so mindops sends nothing"),
        "{err}"
    );
}

#[test]
fn notify_config_errors_name_the_key() {
    let cases = [
        ("  channels:\n    pd:\n      type: pagerduty\n", "notify.channels.pd: PagerDuty needs the integration's routing key"),
        ("  channels:\n    x:\n      type: fax\n", "unknown variant `fax`"),
        (
            "  routes:\n    - events: [page]\n      channels: [hok]\n  channels:\n    hook:\n      type: webhook\n      url: http://x/\n",
            "notify.routes[0].channels[0]: no channel \"hok\" (did you mean \"hook\"?); channels: hook",
        ),
        (
            "  channels:\n    mail:\n      type: email\n      server: smtp://x\n      from: nobody\n",
            "notify.channels.mail.from: \"nobody\" is not an address",
        ),
        ("  reminders:\n    weekly: someday\n  channels: {}\n", "notify.reminders.weekly: \"someday\" is not a weekday and time"),
    ];
    for (yaml, expected) in cases {
        let env = Env::new();
        notify(&env, yaml);
        let err = env.fails(&["config", "check"], 2);
        assert!(err.contains(expected), "{yaml}\n{err}");
    }
}

/// Debian's aiosmtpd with STARTTLS required and a login, saving what it receives.
const SMTP_SERVER: &str = r#"
import ssl, sys
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
port, cert, key, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
class Save:
    async def handle_RCPT(self, server, session, envelope, address, options):
        if address == "nobody@example.com":
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"
    async def handle_DATA(self, server, session, envelope):
        with open(out, "ab") as f:
            f.write(("RCPT " + ",".join(envelope.rcpt_tos) + "\n").encode() + envelope.content + b"\n.\n")
        return "250 OK"
def login(server, session, envelope, mechanism, data):
    return AuthResult(success=isinstance(data, LoginPassword) and data.login == b"mindops" and data.password == b"pw")
tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
tls.load_cert_chain(cert, key)
c = Controller(Save(), hostname="127.0.0.1", port=port, tls_context=tls, require_starttls=True,
               authenticator=login, auth_require_tls=True)
c.start()
print("ready", flush=True)
sys.stdin.read()
c.stop()
"#;

#[test]
fn email_goes_through_starttls_and_a_login() {
    let tmp = tempfile::tempdir().unwrap();
    let (cert, key) = servers::self_signed(tmp.path(), 30);
    let port = servers::free_port();
    let mailbox = tmp.path().join("mailbox");
    let Some(mut server) = servers::smtp(
        "email",
        SMTP_SERVER,
        &[
            port.to_string().as_ref(),
            cert.as_ref(),
            key.as_ref(),
            mailbox.as_ref(),
        ],
    ) else {
        return;
    };
    let env = Env::new();
    contacts(&env);
    env.write("work/smtp.password", "pw\n");
    notify(
        &env,
        &format!(
            // A generous budget: the handshakes with a Python server on a busy test machine are
            // not what this test is about.
            "  budget: 20s\n  channels:\n    mail:\n      type: email\n      server: smtp://127.0.0.1:{port}\n      \
             from: mindops <oncall@example.com>\n      username: mindops\n      \
             password_file: smtp.password\n      ca_file: {}\n",
            cert.display()
        ),
    );
    env.each_backend(|on| {
        let _ = std::fs::remove_file(&mailbox);
        let (code, _, err) = on.at(NOW, &["incident", "open", "--sev", "P1", "--title", "checkout down"]);
        assert_eq!((code, err.as_str()), (0, ""), "{:#?}", outbox(on, NOW));
        let mail = std::fs::read_to_string(&mailbox).unwrap().replace("\r\n", "\n");
        // Sent at once, so in either order; headers unfolded.
        let mut mails: Vec<String> = mail
            .split("\n.\n")
            .filter(|m| !m.trim().is_empty())
            .map(|m| m.replace("\n ", " "))
            .collect();
        mails.sort();
        assert_eq!(mails.len(), 2, "{mail}");
        assert!(mails[0].starts_with("RCPT felix@example.com\n"), "{mail}");
        assert!(mails[1].starts_with("RCPT iris@example.com\n"), "{mail}");
        assert!(mails[0].contains("\nSubject: [P1 High] incident 1: checkout down. Paged Felix (Primary), Iris (Secondary). Acknowledge by 2024-08-07 10:15 UTC\n"), "{mail}");
        assert!(mails[0].contains("mindops incident ack 1"), "{mail}");
        assert!(mails[0].contains("Message-ID: <mindops.incident.1.1.page.mail.Felix@mindops>"), "{mail}");
    });
    // A mailbox the server refuses (5xx) is refused for good: no retry.
    env.edit("rotation.yaml", "felix@example.com", "nobody@example.com");
    env.each_backend(|on| {
        let (code, _, err) = on.at(NOW, &["incident", "open", "--sev", "P2", "--title", "b"]);
        assert_eq!(code, 0);
        assert!(
            err.contains("to Felix by mail failed: SMTP 127.0.0.1:"),
            "{err}"
        );
        assert!(err.contains("no such mailbox"), "{err}");
    });
    drop(server.stdin.take());
    let _ = server.wait();
}

#[test]
fn overdue_checklists_and_handover_notes_reach_the_person_concerned() {
    let env = Env::new();
    notify(
        &env,
        "  channels:\n    sms:\n      type: command\n      \
         command: 'm=$(cat); printf \"%s\\n\" \"$m\" >> personal.jsonl'\n",
    );
    let personal = || -> Vec<(String, String)> {
        let text = std::fs::read_to_string(env.path("work/personal.jsonl")).unwrap_or_default();
        let _ = std::fs::remove_file(env.path("work/personal.jsonl"));
        text.lines()
            .filter(|l| !l.is_empty())
            .map(json)
            .map(|m| {
                (
                    m["recipient"]["person"].as_str().unwrap().to_string(),
                    m["summary"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    env.each_backend(|on| {
        personal();
        // Iris holds Secondary this week; Tilda takes it over on Monday.
        assert_eq!(
            ok(
                on,
                NOW,
                &[
                    "handover",
                    "add",
                    "watch checkout\nthe deploy is at 18:00",
                    "--by",
                    "Iris"
                ]
            ),
            "handover note 1 by Iris\n"
        );
        assert_eq!(
            personal(),
            [(
                "Tilda".to_string(),
                "Handover note from Iris: watch checkout".to_string()
            )]
        );
        // The morning slot was due at 12:00; Felix is Primary today.
        ok(on, "2024-08-07T11:59:00Z", &["notify", "flush"]);
        assert!(personal().is_empty());
        ok(on, "2024-08-07T12:30:00Z", &["notify", "flush"]);
        ok(
            on,
            "2024-08-07T12:45:00Z",
            &["incident", "check", "--format", "json"],
        );
        let sent = personal();
        assert_eq!(sent.len(), 1, "once a day: {sent:?}");
        assert_eq!(sent[0].0, "Felix");
        assert!(
            sent[0]
                .1
                .starts_with("Felix: the morning checklist is overdue (due 12:00): ")
                && sent[0].1.ends_with("Update status"),
            "{}",
            sent[0].1
        );
    });
}

#[test]
fn a_missed_acknowledgement_pages_the_next_role_and_reports_the_breach() {
    let env = Env::new();
    let hook = Http::start(Answer::ok("ok"));
    notify(
        &env,
        &format!(
            "  channels:\n    hook:\n      type: webhook\n      url: {}\n",
            hook.url("/")
        ),
    );
    env.each_backend(|on| {
        ok(on, NOW, &["incident", "open", "--sev", "P2", "--title", "queue stuck"]);
        hook.take();
        // P2 must be acknowledged within 30 minutes; at 10:31 cron's check escalates.
        let (code, _, err) = on.at("2024-08-07T10:31:00Z", &["incident", "check", "--format", "json"]);
        assert_eq!((code, err.as_str()), (1, ""));
        let mut got: Vec<(String, String)> = hook
            .take()
            .iter()
            .map(body)
            .map(|b| (b["event"].as_str().unwrap().to_string(), b["summary"].as_str().unwrap().to_string()))
            .collect();
        got.sort();
        assert_eq!(
            got,
            [
                (
                    "breach".to_string(),
                    "[P2 Medium] incident 1: queue stuck: acknowledgement limit passed (due 2024-08-07 10:30 UTC)".to_string()
                ),
                (
                    "page".to_string(),
                    "[P2 Medium] incident 1: queue stuck. Paged Iris (Secondary). Acknowledgement overdue since 2024-08-07 10:30 UTC".to_string()
                ),
            ],
            "on {}",
            on.name()
        );
    });
}

#[test]
fn a_message_older_than_give_up_after_is_failed() {
    let env = Env::new();
    let hook = Http::start(Answer {
        status: 503,
        ..Answer::ok("busy")
    });
    notify(
        &env,
        &format!(
            "  give_up_after: 1m\n  channels:\n    hook:\n      type: webhook\n      url: {}\n",
            hook.url("/")
        ),
    );
    env.each_backend(|on| {
        ok_or_waiting(on, NOW, &["incident", "open", "--sev", "P3", "--title", "t"]);
        assert_eq!(outbox(on, NOW)[0]["state"], "queued");
        // The second try would wait past the minute the message may live.
        let (code, out, _) = on.at("2024-08-07T10:00:50Z", &["notify", "flush"]);
        assert_eq!(code, 1, "{out}");
        assert!(
            out.starts_with("sent 0, retrying later 0, failed 1\nfailed: message 1 to hook: gave up after 2 attempts: "),
            "{out}"
        );
        assert_eq!(outbox(on, NOW)[0]["state"], "failed");
        hook.take();
    });
}

/// Runs a command that succeeds but may leave messages queued (and say so on stderr).
fn ok_or_waiting(on: &On, now: &str, args: &[&str]) {
    let (code, _, err) = on.at(now, args);
    assert_eq!(code, 0, "{args:?}: {err}");
}

#[test]
fn the_people_paged_hear_who_answered_and_a_passed_due_time_is_never_to_come() {
    let env = Env::new();
    notify(
        &env,
        "  channels:\n    sms:\n      type: command\n      \
         command: 'm=$(cat); printf \"%s\\n\" \"$m\" >> personal.jsonl'\n",
    );
    let personal = || -> Vec<(String, String, String)> {
        let text = std::fs::read_to_string(env.path("work/personal.jsonl")).unwrap_or_default();
        let _ = std::fs::remove_file(env.path("work/personal.jsonl"));
        text.lines()
            .map(json)
            .map(|m| {
                (
                    m["recipient"]["person"].as_str().unwrap().to_string(),
                    m["event"].as_str().unwrap().to_string(),
                    m["summary"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    env.each_backend(|on| {
        personal();
        // P1 pages Felix (Primary) and Iris (Secondary); its resolution is due at 14:00.
        ok(
            on,
            NOW,
            &[
                "incident",
                "open",
                "--sev",
                "P1",
                "--title",
                "checkout down",
            ],
        );
        assert_eq!(personal().len(), 2);
        // Felix acknowledges after the resolution limit: Iris hears it, Felix does not.
        ok(
            on,
            "2024-08-07T16:15:00Z",
            &["incident", "ack", "1", "--by", "Felix"],
        );
        let sent = personal();
        assert_eq!(sent.len(), 1, "{sent:?}");
        assert_eq!(
            (sent[0].0.as_str(), sent[0].1.as_str()),
            ("Iris", "acknowledged")
        );
        assert!(
            sent[0]
                .2
                .ends_with("acknowledged by Felix. resolution overdue since 2024-08-07 14:00 UTC"),
            "{}",
            sent[0].2
        );
        ok(
            on,
            "2024-08-07T16:30:00Z",
            &[
                "incident",
                "close",
                "1",
                "--resolution",
                "rolled back",
                "--by",
                "Iris",
            ],
        );
        let sent = personal();
        assert_eq!(sent.len(), 1, "{sent:?}");
        assert_eq!(
            (sent[0].0.as_str(), sent[0].1.as_str()),
            ("Felix", "resolved")
        );
    });
}

#[test]
fn the_outbox_list_says_when_it_shows_only_the_newest() {
    let env = Env::new();
    notify(
        &env,
        "  budget: 0s\n  channels:\n    hook:\n      type: webhook\n      url: http://127.0.0.1:9/\n",
    );
    for i in 0..3 {
        env.ok(&[
            "incident",
            "open",
            "--sev",
            "P3",
            "--title",
            &format!("t{i}"),
            "--format",
            "plain",
        ]);
    }
    let (code, out, err) = env.run(&["notify", "list", "--limit", "2"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 4, "header, rule and two rows:\n{out}");
    assert_eq!(err, "showing the 2 newest; --limit N shows more\n");
    let (_, _, err) = env.run(&["notify", "list", "--limit", "3"]);
    assert_eq!(err, "");
}

#[test]
fn an_unanswered_chain_is_paged_again_until_someone_acknowledges() {
    let env = Env::new();
    notify(
        &env,
        "  channels:\n    sms:\n      type: command\n      \
         command: 'm=$(cat); printf \"%s\\n\" \"$m\" >> personal.jsonl'\n",
    );
    let pages = || -> Vec<String> {
        let text = std::fs::read_to_string(env.path("work/personal.jsonl")).unwrap_or_default();
        let _ = std::fs::remove_file(env.path("work/personal.jsonl"));
        text.lines()
            .map(json)
            .filter(|m| m["event"] == "page")
            .map(|m| m["summary"].as_str().unwrap().to_string())
            .collect()
    };
    // `incident check` exits 1 while an incident is in breach: that is what it found.
    let check = |on: &On, at: &str| {
        let (code, _, err) = on.at(at, &["incident", "check", "--format", "json"]);
        assert!(code == 0 || code == 1, "{at}: {err}");
    };
    env.each_backend(|on| {
        pages();
        // P1 pages Primary and Secondary; each response limit (15m) the next role; the chain
        // ends with Backup at 10:30; from then on, all four every 15 minutes.
        ok(
            on,
            NOW,
            &["incident", "open", "--sev", "P1", "--title", "silent"],
        );
        for at in ["10:15", "10:30", "10:44"] {
            check(on, &format!("2024-08-07T{at}:00Z"));
        }
        assert_eq!(pages().len(), 4, "two at the open, then On-Call and Backup");
        check(on, "2024-08-07T10:45:00Z");
        let again = pages();
        assert_eq!(again.len(), 4, "{again:?}");
        assert!(
            again.iter().all(|p| p.contains(" again (repeat 1 of 8)")),
            "{again:?}"
        );
        // A late check pages once, as the repeat then due; the same minute twice, nothing.
        check(on, "2024-08-07T11:31:00Z");
        check(on, "2024-08-07T11:31:00Z");
        let late = pages();
        assert_eq!(late.len(), 4, "{late:?}");
        assert!(late[0].contains("(repeat 4 of 8)"), "{late:?}");
        // Acknowledged: no more.
        ok(
            on,
            "2024-08-07T11:35:00Z",
            &["incident", "ack", "1", "--by", "Felix"],
        );
        check(on, "2024-08-07T12:30:00Z");
        assert!(pages().is_empty());
    });
}
