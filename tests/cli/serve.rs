//! `mindops serve` against real parts: Debian's Alertmanager posting its webhook, Chromium
//! pressing the button of a link from an email that aiosmtpd captured, promtool reading
//! `/metrics`, and kill -9 and SIGTERM in the middle of a burst of posts.

use std::io::{BufRead, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::{json, run, Env};
use crate::servers::{free_port, Answer, Http};

/// Whether a program a test needs is here. In CI (`CI` set) its absence fails the test, so a
/// server that was not installed can never pass unrun; elsewhere the test says it skipped.
pub fn have(path: &str, package: &str) -> bool {
    if std::path::Path::new(path).exists() {
        return true;
    }
    crate::common::skipped(path, &format!("Debian's {package}"));
    false
}

/// One HTTP/1.1 exchange with `Connection: close`: (status, body).
pub fn http(method: &str, url: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
    try_http(method, url, headers, body).unwrap_or_else(|e| panic!("{method} {url}: {e}"))
}

/// [`http`], or why no answer came; status 0 for a connection closed before one.
fn try_http(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> std::io::Result<(u16, String)> {
    let rest = url.strip_prefix("http://").expect("an http URL");
    let (host, path) = rest
        .split_once('/')
        .map_or((rest, "/".to_string()), |(h, p)| (h, format!("/{p}")));
    let mut stream = TcpStream::connect(host)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nhost: {host}\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes())?;
    // Read the head, then as much body as it announces: a server that keeps the connection
    // open (chromedriver does) must not cost a read timeout.
    let mut reader = std::io::BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let length = head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.eq_ignore_ascii_case("content-length")
            .then(|| v.trim().parse::<usize>().ok())
            .flatten()
    });
    let mut body = Vec::new();
    match length {
        Some(n) => {
            body.resize(n, 0);
            reader.read_exact(&mut body)?;
        }
        None => {
            reader.read_to_end(&mut body)?;
        }
    }
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

/// Polls `test` every 100 ms for at most `secs`; whether it came true.
fn eventually(secs: u64, mut test: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < deadline {
        if test() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    test()
}

/// A running `mindops serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    pub url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const TOKENS: [(&str, &str); 4] = [
    ("MINDOPS_LINK_SECRET", "link-key"),
    ("MINDOPS_ALERTMANAGER_TOKEN", "am-token"),
    ("MINDOPS_EVENTS_KEY", "events-key"),
    ("MINDOPS_HEARTBEAT_TOKEN", "hb-token"),
];

/// Appends a `serve:` section (with `public_url` at `port`) and `extra` to rotation.yaml.
fn configure(env: &Env, port: u16, extra: &str) {
    let text = env.read("work/rotation.yaml");
    env.write(
        "work/rotation.yaml",
        &format!(
            "{text}\nserve:\n  listen: 127.0.0.1:{port}\n  public_url: http://127.0.0.1:{port}\n  \
             link_secret_env: MINDOPS_LINK_SECRET\n  intake:\n    alertmanager:\n      \
             token_env: MINDOPS_ALERTMANAGER_TOKEN\n    events:\n      token_env: MINDOPS_EVENTS_KEY\n    \
             heartbeats:\n      token_env: MINDOPS_HEARTBEAT_TOKEN\nheartbeats:\n  cron-a: {{every: 5m, grace: 2m, severity: P2}}\n{extra}"
        ),
    );
}

/// Starts `serve` on `db` with the real clock, and waits until it answers.
fn start(env: &Env, db: &str, port: u16) -> Server {
    let mut cmd = env.process_on(db);
    cmd.env_remove("MINDOPS_NOW")
        .envs(TOKENS)
        .arg("serve")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let child = cmd.spawn().expect("start mindops serve");
    let url = format!("http://127.0.0.1:{port}");
    let mut server = Server { child, url };
    if !eventually(10, || TcpStream::connect(("127.0.0.1", port)).is_ok()) {
        let _ = server.child.kill();
        let mut said = String::new();
        let _ = server
            .child
            .stderr
            .take()
            .map(|mut e| e.read_to_string(&mut said));
        panic!("serve did not listen on {port}: {said}");
    }
    assert_eq!(
        http("GET", &format!("{}/healthz", server.url), &[], "").0,
        200
    );
    server
}

/// The store's incidents, closed ones too, as JSON.
fn incidents(env: &Env, db: &str) -> Vec<Value> {
    let (code, out, err) = run(env
        .cmd()
        .env("MINDOPS_DB", db)
        .env_remove("MINDOPS_NOW")
        .args(["incident", "list", "--all", "--format", "json"]));
    assert_eq!(code, 0, "{err}");
    json(&out).as_array().unwrap().clone()
}

fn sqlite(env: &Env) -> String {
    env.path("data/mindops.db").display().to_string()
}

#[test]
fn alertmanager_opens_one_incident_per_group_repeats_quietly_and_resolves_it() {
    if !have(
        "/usr/bin/prometheus-alertmanager",
        "prometheus-alertmanager",
    ) {
        return;
    }
    let env = Env::new();
    let port = free_port();
    let hook = Http::start(Answer::ok("ok"));
    configure(
        &env,
        port,
        &format!(
            "notify:\n  channels:\n    hook:\n      type: webhook\n      url: {}\n",
            hook.url("/")
        ),
    );
    let db = sqlite(&env);
    let server = start(&env, &db, port);
    let am_port = free_port();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("am.yml"),
        format!(
            "route:\n  receiver: mindops\n  group_by: [alertname]\n  group_wait: 1s\n  group_interval: 2s\n  \
             repeat_interval: 1h\nreceivers:\n  - name: mindops\n    webhook_configs:\n      - url: {}/v1/alertmanager\n        \
             send_resolved: true\n        http_config:\n          authorization:\n            credentials: am-token\n",
            server.url
        ),
    )
    .unwrap();
    let mut am = Command::new("/usr/bin/prometheus-alertmanager")
        .arg(format!(
            "--config.file={}",
            dir.path().join("am.yml").display()
        ))
        .arg(format!("--storage.path={}", dir.path().display()))
        .arg(format!("--web.listen-address=127.0.0.1:{am_port}"))
        .arg("--cluster.listen-address=")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start alertmanager");
    let am_url = format!("http://127.0.0.1:{am_port}");
    assert!(
        eventually(20, || try_http(
            "GET",
            &format!("{am_url}/-/ready"),
            &[],
            ""
        )
        .is_ok_and(|(code, _)| code == 200)),
        "Alertmanager did not start"
    );
    let alert = |instance: &str, ends: &str| {
        json!([{
            "labels": {"alertname": "HighLoad", "severity": "critical", "instance": instance},
            "annotations": {"summary": "Load is high"},
            "endsAt": ends,
        }])
        .to_string()
    };
    let later = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
    let post = |body: String| {
        let (code, text) = http(
            "POST",
            &format!("{am_url}/api/v2/alerts"),
            &[("content-type", "application/json")],
            &body,
        );
        assert_eq!(code, 200, "{text}");
    };
    post(alert("node-1", &later));
    assert!(
        eventually(20, || incidents(&env, &db).len() == 1),
        "no incident from Alertmanager"
    );
    let first = &incidents(&env, &db)[0];
    assert_eq!(
        (&first["severity"], &first["title"]),
        (&json!("P1"), &json!("Load is high"))
    );
    let pages = || {
        hook.seen
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.body.contains("\"event\":\"page\""))
            .count()
    };
    assert!(eventually(10, || pages() == 1), "the page went out once");
    // A second alert of the group: Alertmanager posts the group again, still one incident.
    post(alert("node-2", &later));
    assert!(eventually(15, || {
        let (_, out, _) = run(env
            .cmd()
            .env("MINDOPS_DB", &db)
            .env_remove("MINDOPS_NOW")
            .args(["incident", "show", "1", "--format", "json"]));
        out.contains("triggered_again")
    }));
    assert_eq!(incidents(&env, &db).len(), 1);
    assert_eq!(pages(), 1, "a repeat pages nobody");
    // Both alerts end: the group is resolved, and so is the incident.
    let now = chrono::Utc::now().to_rfc3339();
    post(alert("node-1", &now));
    post(alert("node-2", &now));
    assert!(
        eventually(25, || incidents(&env, &db)[0]["status"] == "closed"),
        "{:?}",
        incidents(&env, &db)
    );
    let _ = am.kill();
    let _ = am.wait();
}

#[test]
fn intake_events_heartbeats_and_refusals_on_both_backends() {
    let env = Env::new();
    let port = free_port();
    configure(&env, port, "");
    let mut backends = vec![sqlite(&env)];
    backends.extend(env.postgres().map(str::to_string));
    for db in backends {
        let server = start(&env, &db, port);
        let u = |p: &str| format!("{}{p}", server.url);
        let event = |action: &str, key: &str| {
            json!({"routing_key": "events-key", "event_action": action, "dedup_key": key,
                   "payload": {"summary": "disk full on db-1", "severity": "warning", "source": "db-1"}})
            .to_string()
        };
        let (code, body) = http("POST", &u("/v1/events"), &[], &event("trigger", "disk"));
        assert_eq!(code, 202, "{body}");
        let body = json(&body);
        assert_eq!(
            (&body["status"], &body["dedup_key"]),
            (&json!("success"), &json!("disk"))
        );
        assert_eq!(incidents(&env, &db)[0]["severity"], "P2");
        assert_eq!(
            http("POST", &u("/v1/events"), &[], &event("acknowledge", "disk")).0,
            202
        );
        assert_eq!(incidents(&env, &db)[0]["status"], "acknowledged");
        assert_eq!(
            http("POST", &u("/v1/events"), &[], &event("resolve", "disk")).0,
            202
        );
        assert_eq!(incidents(&env, &db)[0]["status"], "closed");
        // Refusals: a wrong key, a wrong token, no token, a body too large, a GET of a POST.
        let wrong = event("trigger", "x").replace("events-key", "guess");
        assert_eq!(http("POST", &u("/v1/events"), &[], &wrong).0, 401);
        let am = [("authorization", "Bearer nope")];
        assert_eq!(http("POST", &u("/v1/alertmanager"), &am, "{}").0, 401);
        assert_eq!(http("POST", &u("/v1/alertmanager"), &[], "{}").0, 401);
        // A body announced over 1 MiB is refused before it is read.
        let mut raw = TcpStream::connect(("127.0.0.1", port)).unwrap();
        raw.write_all(b"POST /v1/events HTTP/1.1\r\ncontent-length: 1048577\r\n\r\n")
            .unwrap();
        let mut answer = String::new();
        let _ = raw.read_to_string(&mut answer);
        assert!(answer.starts_with("HTTP/1.1 413 "), "{answer}");
        assert_eq!(http("GET", &u("/v1/events"), &[], "").0, 405);
        assert_eq!(http("GET", &u("/nothing"), &[], "").0, 404);
        // Heartbeats: a known one is recorded; an unknown one is 404.
        let hb = [("authorization", "Bearer hb-token")];
        assert_eq!(http("POST", &u("/v1/heartbeat/cron-a"), &hb, "").0, 200);
        assert_eq!(http("POST", &u("/v1/heartbeat/cron-b"), &hb, "").0, 404);
        let (code, metrics) = http("GET", &u("/metrics"), &[], "");
        assert_eq!(code, 200);
        assert!(
            metrics.contains("mindops_heartbeat_last_timestamp_seconds{heartbeat=\"cron-a\"}"),
            "{metrics}"
        );
        assert!(
            metrics.contains("mindops_http_requests_total{route=\"/v1/events\",code=\"202\"} 3"),
            "{metrics}"
        );
        assert_eq!(http("GET", &u("/readyz"), &[], "").0, 200);
        drop(server);
    }
}

#[test]
fn metrics_pass_promtool_and_the_status_page_is_served() {
    if !have("/usr/bin/promtool", "prometheus") {
        return;
    }
    let env = Env::new();
    let port = free_port();
    configure(&env, port, "");
    env.ok(&[
        "incident",
        "open",
        "--sev",
        "P1",
        "--title",
        "checkout down",
    ]);
    let db = sqlite(&env);
    let server = start(&env, &db, port);
    let (_, metrics) = http("GET", &format!("{}/metrics", server.url), &[], "");
    let mut promtool = Command::new("/usr/bin/promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    promtool
        .stdin
        .take()
        .unwrap()
        .write_all(metrics.as_bytes())
        .unwrap();
    let out = promtool.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}{}\n{metrics}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        metrics.contains("mindops_incidents_open{severity=\"P1\"} 1"),
        "{metrics}"
    );
    let (code, page) = http("GET", &format!("{}/", server.url), &[], "");
    assert_eq!(code, 200);
    assert!(
        page.contains("checkout down") && page.contains("On call"),
        "{page}"
    );
}

#[test]
fn a_heartbeat_that_stops_opens_an_incident_and_the_next_beat_resolves_it() {
    let env = Env::new();
    configure(&env, free_port(), "");
    env.ok(&["heartbeat", "cron-a"]);
    let (code, _, err) = env.at("2024-08-07T10:06:00Z", &["incident", "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("missing"), "within every + grace: {err}");
    assert!(env
        .run(&["incident", "list"])
        .2
        .starts_with("no open incidents"));
    let (code, _, err) = env.at("2024-08-07T10:07:00Z", &["incident", "check"]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(
        err.contains("heartbeat cron-a is missing: incident 1"),
        "{err}"
    );
    let list = json(&env.ok(&["incident", "list", "--format", "json"]));
    assert_eq!(list[0]["severity"], "P2");
    assert!(list[0]["title"]
        .as_str()
        .unwrap()
        .starts_with("heartbeat cron-a missing"));
    // Still missing: the same incident, not a second.
    let (_, _, err) = env.at("2024-08-07T10:08:00Z", &["incident", "check"]);
    assert!(err.contains("incident 1"), "{err}");
    let (code, _, err) = env.at("2024-08-07T10:09:00Z", &["heartbeat", "cron-a"]);
    assert_eq!(code, 0);
    assert!(
        err.contains("heartbeat cron-a recorded; incident 1 resolved"),
        "{err}"
    );
    let err = env.fails(&["heartbeat", "cron-z"], 2);
    assert!(err.contains("no heartbeat \"cron-z\""), "{err}");
    // A heartbeat's severity is one thresholds.yaml has.
    env.edit("rotation.yaml", "severity: P2}", "severity: P9}");
    let err = env.fails(&["config", "check"], 2);
    assert!(
        err.contains("rotation.yaml: heartbeats.cron-a.severity: unknown severity \"P9\""),
        "{err}"
    );
}

#[test]
fn a_burst_of_posts_survives_kill_9_and_sigterm_ends_it_cleanly() {
    let env = Env::new();
    let port = free_port();
    configure(&env, port, "");
    let db = sqlite(&env);
    for signal in ["KILL", "TERM"] {
        let server = start(&env, &db, port);
        let url = format!("{}/v1/alertmanager", server.url);
        let accepted = std::sync::Mutex::new(Vec::new());
        let pid = server.child.id();
        let started = Instant::now();
        std::thread::scope(|scope| {
            for t in 0..4 {
                let (url, accepted) = (&url, &accepted);
                scope.spawn(move || {
                    for i in 0..50 {
                        let key = format!("{signal}-{t}-{i}");
                        let body = json!({"version": "4", "groupKey": key, "status": "firing",
                            "alerts": [{"status": "firing", "labels": {"alertname": key, "severity": "warning"}}],
                            "commonLabels": {"alertname": key}, "commonAnnotations": {}})
                        .to_string();
                        let auth = [("authorization", "Bearer am-token")];
                        match try_http("POST", url, &auth, &body) {
                            Ok((200, _)) => accepted.lock().unwrap().push(key),
                            Ok(_) => {}
                            Err(_) => break,
                        }
                    }
                });
            }
            std::thread::sleep(Duration::from_millis(300));
            let status = Command::new("kill")
                .arg(format!("-{signal}"))
                .arg(pid.to_string())
                .status();
            assert!(status.unwrap().success());
        });
        let mut server = server;
        let exit = server.child.wait().unwrap();
        if signal == "TERM" {
            assert_eq!(exit.code(), Some(0), "SIGTERM ends serve with 0");
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "{:?}",
                started.elapsed()
            );
            let mut log = String::new();
            server
                .child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut log)
                .unwrap();
            assert!(log.lines().any(|l| l == "mindops serve: stopped"), "{log}");
            assert!(!log.contains("am-token"), "a token reached the log");
        }
        let stored: Vec<String> = incidents(&env, &db)
            .iter()
            .map(|i| i["title"].as_str().unwrap().to_string())
            .collect();
        let accepted = accepted.into_inner().unwrap();
        assert!(
            !accepted.is_empty(),
            "some posts were answered before the {signal}"
        );
        for key in &accepted {
            assert!(
                stored.contains(key),
                "{key} got 200 but is not stored after {signal}"
            );
        }
    }
}

/// aiosmtpd without TLS or login, appending what it receives to a file.
pub const PLAIN_SMTP: &str = r#"
import sys
from aiosmtpd.controller import Controller
port, out = int(sys.argv[1]), sys.argv[2]
class Save:
    async def handle_DATA(self, server, session, envelope):
        with open(out, "ab") as f:
            f.write(envelope.content + b"\n.\n")
        return "250 OK"
c = Controller(Save(), hostname="127.0.0.1", port=port)
c.start()
print("ready", flush=True)
sys.stdin.read()
c.stop()
"#;

/// One WebDriver call to chromedriver: its `value`.
fn webdriver(base: &str, method: &str, path: &str, body: Value) -> Value {
    let body = if body.is_null() {
        String::new()
    } else {
        body.to_string()
    };
    let (code, text) = http(
        method,
        &format!("{base}{path}"),
        &[("content-type", "application/json")],
        &body,
    );
    assert_eq!(code, 200, "{method} {path}: {text}");
    json(&text)["value"].clone()
}

#[test]
fn a_link_from_an_email_pressed_in_chromium_acknowledges_and_stops_the_escalation() {
    if !have("/usr/bin/chromedriver", "chromium-driver") || !have("/usr/bin/chromium", "chromium") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let smtp_port = free_port();
    let mailbox = tmp.path().join("mailbox");
    let Some(mut smtp) = crate::servers::smtp(
        "the link from an email",
        PLAIN_SMTP,
        &[smtp_port.to_string().as_ref(), mailbox.as_ref()],
    ) else {
        return;
    };
    let env = Env::new();
    let hook = Http::start(Answer::ok("ok"));
    // On the real clock anyone may be Primary: everyone has an address.
    for name in ["Milo", "Felix", "Iris", "Tilda"] {
        env.edit(
            "rotation.yaml",
            &format!("  - name: {name}\n"),
            &format!(
                "  - name: {name}\n    email: {}@example.com\n",
                name.to_lowercase()
            ),
        );
    }
    let port = free_port();
    configure(
        &env,
        port,
        &format!(
            "notify:\n  budget: 20s\n  channels:\n    mail:\n      type: email\n      server: smtp://127.0.0.1:{smtp_port}\n      \
             tls: none\n      from: mindops <oncall@example.com>\n    hook:\n      type: webhook\n      url: {}\n",
            hook.url("/")
        ),
    );
    let db = sqlite(&env);
    let server = start(&env, &db, port);
    let (code, _, err) = run(env.cmd().env_remove("MINDOPS_NOW").envs(TOKENS).args([
        "incident",
        "open",
        "--sev",
        "P2",
        "--title",
        "search stale",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(eventually(10, || mailbox.exists()), "no mail: {err}");
    let mail = std::fs::read_to_string(&mailbox)
        .unwrap()
        .replace("=\r\n", "")
        .replace("\r\n", "\n");
    let person = mail
        .lines()
        .find_map(|l| l.strip_prefix("To: "))
        .and_then(|to| to.split('@').next())
        .map(|name| {
            let mut c = name.trim().chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .unwrap_or_else(|| panic!("no To: in\n{mail}"));
    let link = mail
        .lines()
        .find_map(|l| l.strip_prefix("Acknowledge: "))
        .unwrap_or_else(|| panic!("no link in\n{mail}"))
        .trim()
        .to_string();
    assert!(link.starts_with(&format!("{}/a/", server.url)), "{link}");
    // The team's webhook gets the page with each paged person's links, which work too.
    let page_body = hook
        .seen
        .lock()
        .unwrap()
        .iter()
        .find(|s| s.body.contains("\"event\":\"page\""))
        .map(|s| json(&s.body))
        .expect("the page on the webhook");
    let team_link = page_body["links_for"][0]["acknowledge"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(page_body["links_for"][0]["person"], json!(person));
    assert_eq!(http("GET", &team_link, &[], "").0, 200);
    // A GET (a mail scanner, a chat preview) shows the page and changes nothing.
    let (code, page) = http("GET", &link, &[], "");
    assert_eq!(code, 200);
    assert!(
        page.contains("search stale") && page.contains("<button"),
        "{page}"
    );
    assert_eq!(incidents(&env, &db)[0]["status"], "open");

    let driver_port = free_port();
    let mut driver = Command::new("/usr/bin/chromedriver")
        .arg(format!("--port={driver_port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{driver_port}");
    assert!(eventually(15, || try_http(
        "GET",
        &format!("{base}/status"),
        &[],
        ""
    )
    .is_ok_and(|(code, _)| code == 200)));
    let profile = tempfile::tempdir().unwrap();
    let session = webdriver(
        &base,
        "POST",
        "/session",
        json!({"capabilities": {"alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            format!("--user-data-dir={}", profile.path().display())]}}}}),
    );
    let id = session["sessionId"].as_str().unwrap().to_string();
    webdriver(
        &base,
        "POST",
        &format!("/session/{id}/url"),
        json!({"url": link}),
    );
    let button = webdriver(
        &base,
        "POST",
        &format!("/session/{id}/element"),
        json!({"using": "css selector", "value": "button"}),
    );
    let element = button
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    webdriver(
        &base,
        "POST",
        &format!("/session/{id}/element/{element}/click"),
        json!({}),
    );
    assert!(eventually(10, || {
        webdriver(&base, "GET", &format!("/session/{id}/source"), json!(null))
            .as_str()
            .is_some_and(|s| s.contains(&format!("acknowledged by {person}")))
    }));
    if let Ok(shot) = std::env::var("MINDOPS_SCREENSHOT") {
        let png = webdriver(
            &base,
            "GET",
            &format!("/session/{id}/screenshot"),
            json!(null),
        );
        use base64::Engine;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap())
            .unwrap();
        std::fs::write(shot, bytes).unwrap();
    }
    let _ = http("DELETE", &format!("{base}/session/{id}"), &[], "");
    let _ = driver.kill();
    let _ = driver.wait();
    assert_eq!(incidents(&env, &db)[0]["status"], "acknowledged");
    assert!(eventually(20, || hook
        .seen
        .lock()
        .unwrap()
        .iter()
        .any(|s| s.body.contains("\"event\":\"acknowledged\"")
            && s.body.contains(&format!("by {person}")))));
    // Acknowledged: the timeout escalation that was owed at 30 minutes never comes.
    let later = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
    let (code, out, err) = run(env
        .cmd()
        .env("MINDOPS_NOW", &later)
        .args(["incident", "check", "--format", "json"]));
    assert!(code == 0 || code == 1, "{err}");
    assert_eq!(json(&out)["done"], json!([]), "{out}");
    drop(smtp.stdin.take());
    let _ = smtp.wait();
}

#[test]
fn serve_runs_the_metrics_check_and_a_real_prometheus_scrapes_it() {
    if !have("/usr/bin/prometheus", "prometheus") {
        return;
    }
    let env = Env::new();
    let port = free_port();
    configure(&env, port, "");
    env.edit("rotation.yaml", "serve:\n", "serve:\n  checks: true\n");
    // One metric from a command, CRITICAL, with incidents opened for CRITICAL metrics.
    let sample = env.read("work/thresholds.yaml");
    let head = &sample[..sample.find("\nmetrics:").unwrap()];
    env.write(
        "work/thresholds.yaml",
        &format!(
            "{head}\nmetrics:\n  load:\n    label: Load\n    group: Technical\n    unit: \"%\"\n    alert: \"> 90%\"\n    severity: P2\n    command: echo 95\n"
        ),
    );
    env.edit("thresholds.yaml", "incidents: false", "incidents: true");
    let db = sqlite(&env);
    let server = start(&env, &db, port);
    assert!(
        eventually(20, || incidents(&env, &db).first().is_some_and(|i| i
            ["title"]
            .as_str()
            .unwrap_or("")
            .starts_with("Load CRITICAL"))),
        "serve's metrics check opened no incident"
    );
    let dir = tempfile::tempdir().unwrap();
    let prom_port = free_port();
    std::fs::write(
        dir.path().join("prometheus.yml"),
        format!(
            "global: {{scrape_interval: 1s}}\nscrape_configs:\n\
             - {{job_name: mindops, static_configs: [{{targets: ['127.0.0.1:{port}']}}]}}\n"
        ),
    )
    .unwrap();
    let mut prometheus = Command::new("/usr/bin/prometheus")
        .arg(format!(
            "--config.file={}",
            dir.path().join("prometheus.yml").display()
        ))
        .arg(format!(
            "--storage.tsdb.path={}",
            dir.path().join("data").display()
        ))
        .arg(format!("--web.listen-address=127.0.0.1:{prom_port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let query = format!(
        "http://127.0.0.1:{prom_port}/api/v1/query?query=mindops_incidents_open%7Bseverity%3D%22P2%22%7D"
    );
    let scraped = eventually(30, || {
        try_http("GET", &query, &[], "").is_ok_and(|(code, body)| {
            code == 200 && body.contains("\"value\":[") && body.contains("\"1\"]")
        })
    });
    let targets = try_http(
        "GET",
        &format!("http://127.0.0.1:{prom_port}/api/v1/targets"),
        &[],
        "",
    );
    let _ = prometheus.kill();
    let _ = prometheus.wait();
    assert!(
        scraped,
        "Prometheus never read mindops_incidents_open 1: {targets:?}"
    );
    let (_, metrics) = http("GET", &format!("{}/metrics", server.url), &[], "");
    assert!(
        metrics.contains("mindops_last_run_timestamp_seconds{job=\"metrics_check\"}"),
        "{metrics}"
    );
}

#[test]
fn a_client_that_sends_slowly_is_cut_and_holds_nobody_else_up() {
    let env = Env::new();
    let port = free_port();
    configure(&env, port, "");
    let db = sqlite(&env);
    let server = start(&env, &db, port);
    // Half a request, then silence: cut after the 10 s a request may take.
    let started = Instant::now();
    let mut slow = TcpStream::connect(("127.0.0.1", port)).unwrap();
    slow.write_all(b"POST /v1/events HTTP/1.1\r\ncontent-length: 100\r\n\r\n{\"rout")
        .unwrap();
    // Meanwhile others are answered at once.
    for _ in 0..5 {
        assert_eq!(
            http("GET", &format!("{}/healthz", server.url), &[], "").0,
            200
        );
    }
    assert!(started.elapsed() < Duration::from_secs(5));
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut answer = String::new();
    let _ = slow.read_to_string(&mut answer);
    let took = started.elapsed();
    assert!(answer.starts_with("HTTP/1.1 408 "), "{answer}");
    assert!(
        took >= Duration::from_secs(9) && took < Duration::from_secs(15),
        "{took:?}"
    );
}

#[test]
fn an_ntfy_push_carries_buttons_that_acknowledge_from_the_phone() {
    let env = Env::new();
    let ntfy = Http::start(Answer::ok("{}"));
    let port = free_port();
    configure(
        &env,
        port,
        &format!(
            "notify:\n  channels:\n    phone:\n      type: ntfy\n      url: {}\n      topic: \"mindops-{{person}}\"\n      token_env: NTFY_TOKEN\n",
            ntfy.url("/")
        ),
    );
    let db = sqlite(&env);
    let _server = start(&env, &db, port);
    let (code, _, err) = run(env
        .cmd()
        .env_remove("MINDOPS_NOW")
        .envs(TOKENS)
        .env("NTFY_TOKEN", "tk")
        .args([
            "incident",
            "open",
            "--sev",
            "P1",
            "--title",
            "checkout down",
        ]));
    assert_eq!((code, err.as_str()), (0, ""));
    let pushes = ntfy.take();
    assert_eq!(pushes.len(), 2, "P1 pages Primary and Secondary");
    let push = json(&pushes[0].body);
    assert!(
        push["topic"].as_str().unwrap().starts_with("mindops-"),
        "{push}"
    );
    assert_eq!(push["priority"], 4);
    assert_eq!(
        pushes[0]
            .headers
            .iter()
            .find(|(k, _)| k == "authorization")
            .map(|(_, v)| v.as_str()),
        Some("Bearer tk")
    );
    let actions = push["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 3, "{push}");
    assert_eq!(
        (&actions[0]["action"], &actions[0]["method"]),
        (&json!("http"), &json!("POST"))
    );
    // The phone's button POSTs to the link.
    let (code, page) = http("POST", actions[0]["url"].as_str().unwrap(), &[], "");
    assert_eq!(code, 200, "{page}");
    assert_eq!(incidents(&env, &db)[0]["status"], "acknowledged");
}
