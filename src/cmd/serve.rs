//! `mindops serve`: alerts in (Alertmanager, the Events API, heartbeats), acknowledgements back
//! (signed links), and cron's periodic work, over the same config and store as every command.
//! `mindops heartbeat NAME`: a beat without a server.
//!
//! Every route is listed in [`App::route`]; each handler parses, calls `ops/`, and answers.
//! Errors become status codes in [`failure`].

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration as StdDuration, Instant};

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde_json::json;

use crate::cli::ServeArgs;
use crate::config::serve::{Serve, DEFAULT_LISTEN};
use crate::config::{RotationConfig, Thresholds};
use crate::net::server::{self, same_secret, Request, Response, Served};
use crate::ops::incidents::{check_all, Desk};
use crate::ops::serve::{act, apply, beat, missing_heartbeats, Applied, UnknownSeverity};
use crate::rules::intake::{self, AlertmanagerPayload, EventsPayload, SeverityMap};
use crate::rules::links::{self, LinkAction};
use crate::store::{IncidentFilter, Location, Store};
use crate::util::clock::Clock;
use crate::util::output::{html_escape as esc, note};
use crate::{exit, Context};

/// Requests answered at once: each worker holds its own store connection.
const WORKERS: usize = 8;
/// How often the periodic work runs (`incident check`, `notify flush`), as cron would.
const EVERY: StdDuration = StdDuration::from_secs(15);
/// How long a periodic flush may send: short, so that a stop is never long in coming.
const FLUSH_BUDGET: StdDuration = StdDuration::from_secs(5);
/// The names `serve`'s own work records its runs under, beside the configured heartbeats.
const RAN_CHECK: &str = "mindops:incident_check";
const RAN_FLUSH: &str = "mindops:notify_flush";
const RAN_METRICS: &str = "mindops:metrics_check";

pub fn heartbeat(ctx: &Context, name: &str) -> Result<u8> {
    let mut desk = ctx.desk()?;
    known_heartbeat(&desk, name)?;
    let resolved = beat(&mut desk, name)?;
    desk.send(None)?;
    // Quiet when all is well: cron mails whatever a job prints.
    if let Some(id) = resolved {
        note(format!("heartbeat {name} recorded; incident {id} resolved"));
    }
    Ok(exit::SUCCESS)
}

fn known_heartbeat(desk: &Desk, name: &str) -> Result<()> {
    if desk.heartbeats.iter().any(|h| h.name == name) {
        return Ok(());
    }
    let names: Vec<&str> = desk.heartbeats.iter().map(|h| h.name.as_str()).collect();
    anyhow::bail!(
        "no heartbeat \"{name}\" under heartbeats: in rotation.yaml{}",
        if names.is_empty() {
            "; add one, e.g. `heartbeats: {cron-a: {every: 5m, grace: 2m, severity: P2}}`"
                .to_string()
        } else {
            format!("; heartbeats: {}", names.join(", "))
        }
    )
}

/// The secrets `serve` needs, read once at its start: a missing one stops it before it
/// listens, rather than failing the first request.
struct Keys {
    link: Option<Vec<u8>>,
    viewer: Option<String>,
    alertmanager: Option<String>,
    events: Option<String>,
    heartbeats: Option<String>,
}

impl Keys {
    fn read(serve: &Serve) -> Result<Self> {
        let read = |what: &str, secret: &Option<crate::config::Secret>| {
            secret
                .as_ref()
                .map(|s| s.read().map_err(|e| anyhow::anyhow!("serve: {what}: {e}")))
                .transpose()
        };
        Ok(Keys {
            link: read("the link key", &serve.link_secret)?.map(String::into_bytes),
            viewer: read("the viewer token", &serve.viewer_token)?,
            alertmanager: read(
                "intake.alertmanager's token",
                &serve.alertmanager.as_ref().map(|a| a.token.clone()),
            )?,
            events: read("intake.events's token", &serve.events)?,
            heartbeats: read("intake.heartbeats's token", &serve.heartbeat_token)?,
        })
    }
}

struct App {
    rotation: RotationConfig,
    thresholds: Thresholds,
    serve: Serve,
    keys: Keys,
    location: Location,
    clock: Clock,
    zone: Tz,
    /// Requests served, by route and status, for `/metrics`.
    counts: Mutex<BTreeMap<(&'static str, u16), u64>>,
    /// Wakes the periodic work to send what a request queued.
    wake: Mutex<mpsc::Sender<()>>,
    /// Turns at writing, on SQLite (see [`App::writing`]).
    writes: Mutex<()>,
}

/// A worker's connection to the store, opened on its first request and kept while it works.
struct Worker {
    store: Option<Store>,
}

pub fn run(ctx: &Context, args: ServeArgs) -> Result<u8> {
    let (rotation, thresholds) = ctx.config()?;
    let serve = rotation.serve.clone().unwrap_or_else(Serve::default);
    let listen = args.listen.clone().unwrap_or_else(|| serve.listen.clone());
    let addr: SocketAddr = listen.parse().with_context(|| {
        format!("\"{listen}\" is not an address and port, e.g. {DEFAULT_LISTEN}")
    })?;
    let keys = Keys::read(&serve)?;
    let location = ctx.db()?;
    // The store is made ready (and migrated) before the first request.
    drop(Store::open(&location)?);
    let listener = TcpListener::bind(addr).with_context(|| {
        format!("cannot listen on {addr}; is another mindops serve running there? pass --listen")
    })?;
    let bound = listener.local_addr()?;
    let (wake, woken) = mpsc::channel();
    let app = Arc::new(App {
        zone: ctx.zone(&rotation.rotation),
        rotation,
        thresholds,
        serve,
        keys,
        location,
        clock: ctx.clock,
        counts: Mutex::new(BTreeMap::new()),
        wake: Mutex::new(wake),
        writes: Mutex::new(()),
    });
    let stop = Arc::new(AtomicBool::new(false));
    {
        let (stop, wake) = (stop.clone(), app.wake.lock().map(|w| w.clone()).ok());
        ctrlc::set_handler(move || {
            stop.store(true, Ordering::SeqCst);
            if let Some(w) = &wake {
                let _ = w.send(());
            }
            server::wake(bound);
        })
        .context("cannot catch SIGTERM and Ctrl-C")?;
    }
    note(format!("mindops serve: listening on http://{bound}"));
    let periodic = {
        let (app, stop) = (app.clone(), stop.clone());
        std::thread::spawn(move || app.periodic(&stop, &woken))
    };
    server::serve(
        listener,
        WORKERS,
        &stop,
        || Worker { store: None },
        |worker, request| app.route(worker, request),
        |served| app.served(served),
    );
    let _ = periodic.join();
    note("mindops serve: stopped");
    Ok(exit::SUCCESS)
}

/// An error as a status code: a severity the config lacks is the config's to fix (422, not
/// retried); anything else is the server's (500, which Alertmanager retries).
fn failure(route: &'static str, e: &anyhow::Error) -> Response {
    let status = if e.is::<UnknownSeverity>() { 422 } else { 500 };
    note(format!("mindops serve: {route}: {e:#}"));
    Response::text(route, status, format!("{e:#}"))
}

impl App {
    fn route(&self, w: &mut Worker, req: &Request) -> Response {
        let path = req.path.as_str();
        match (req.method.as_str(), path) {
            ("GET", "/healthz") => Response::text("/healthz", 200, "ok"),
            ("GET", "/readyz") => self.ready(w),
            ("POST", "/v1/alertmanager") => self.alertmanager(w, req),
            ("POST", "/v1/events") => self.events(w, req),
            ("GET", "/metrics") => self.metrics(w),
            ("GET", "/") => self.page(w, req),
            (method, p) if p.starts_with("/v1/heartbeat/") => match method {
                "POST" => self.heartbeat(w, req, &p["/v1/heartbeat/".len()..]),
                _ => Response::text("/v1/heartbeat/:name", 405, "POST a heartbeat"),
            },
            (method, p) if p.starts_with("/a/") => match method {
                "GET" => self.link(w, &p[3..], false),
                "POST" => self.link(w, &p[3..], true),
                _ => Response::text("/a/:token", 405, "GET or POST"),
            },
            (_, "/healthz" | "/readyz" | "/metrics" | "/" | "/v1/alertmanager" | "/v1/events") => {
                Response::text("-", 405, "method not allowed")
            }
            _ => Response::text("-", 404, "no such page"),
        }
    }

    /// One log line a request (never a token: routes name their parameters) and a count.
    fn served(&self, s: &Served) {
        note(format!(
            "{} {} {} {}ms",
            s.method,
            s.route,
            s.status,
            s.elapsed.as_millis()
        ));
        if let Ok(mut counts) = self.counts.lock() {
            *counts.entry((s.route, s.status)).or_default() += 1;
        }
    }

    /// Runs `f` at a desk on this worker's store connection, reopened after a failure.
    fn desk<T>(&self, w: &mut Worker, f: impl FnOnce(&mut Desk) -> Result<T>) -> Result<T> {
        let store = match w.store.take() {
            Some(store) => store,
            None => Store::open(&self.location)?,
        };
        let mut desk = Desk::new(
            self.rotation.clone(),
            self.thresholds.clone(),
            store,
            self.clock.now(),
            self.zone,
        )?;
        let out = f(&mut desk);
        if out.is_ok() {
            w.store = Some(desk.store);
        }
        out
    }

    /// [`App::desk`] for a change. On SQLite, which takes one writer at a time, the workers
    /// take turns here: waiting on a lock in the process is prompt, where SQLite's busy
    /// handler sleeps in growing steps and stretches the slowest answers.
    fn writing<T>(&self, w: &mut Worker, f: impl FnOnce(&mut Desk) -> Result<T>) -> Result<T> {
        let _turn = match self.location {
            Location::Sqlite(_) => Some(
                self.writes
                    .lock()
                    .map_err(|_| anyhow::anyhow!("a worker failed"))?,
            ),
            Location::Postgres(_) => None,
        };
        self.desk(w, f)
    }

    /// The periodic work wants to send what a change queued (when anything is sent at all).
    fn nudge(&self) {
        if self.rotation.notify.is_none() {
            return;
        }
        if let Ok(wake) = self.wake.lock() {
            let _ = wake.send(());
        }
    }

    fn authorized(
        &self,
        req: &Request,
        route: &'static str,
        expected: &Option<String>,
        given: Option<&str>,
    ) -> Option<Response> {
        let Some(expected) = expected else {
            return Some(Response::text(
                route,
                404,
                "this intake is not configured (serve.intake in rotation.yaml)",
            ));
        };
        match given {
            Some(token) if same_secret(token, expected) => None,
            _ => {
                note(format!(
                    "mindops serve: {route}: refused a request from {} with a wrong or no token",
                    req.peer.ip()
                ));
                Some(Response::text(route, 401, "wrong or missing token"))
            }
        }
    }

    fn ready(&self, w: &mut Worker) -> Response {
        match self.desk(w, |desk| desk.store.message_counts().map(|_| ())) {
            Ok(()) => Response::text("/readyz", 200, "ready"),
            Err(e) => Response::text("/readyz", 503, format!("the store does not answer: {e:#}")),
        }
    }

    fn alertmanager(&self, w: &mut Worker, req: &Request) -> Response {
        const ROUTE: &str = "/v1/alertmanager";
        if let Some(refused) = self.authorized(req, ROUTE, &self.keys.alertmanager, req.bearer()) {
            return refused;
        }
        let Some(config) = &self.serve.alertmanager else {
            return Response::text(ROUTE, 404, "not configured");
        };
        let payload: AlertmanagerPayload = match serde_json::from_slice(&req.body) {
            Ok(p) => p,
            Err(e) => {
                return Response::text(ROUTE, 400, format!("not an Alertmanager webhook body: {e}"))
            }
        };
        if payload.version.as_deref().is_some_and(|v| v != "4") {
            return Response::text(ROUTE, 400, "mindops reads Alertmanager's webhook version 4");
        }
        let map = SeverityMap {
            label: &config.severity_label,
            map: &config.severities,
            unknown: &config.unknown,
        };
        let intake = intake::from_alertmanager(&payload, &map);
        match self.writing(w, |desk| apply(desk, &intake, "alertmanager")) {
            Ok(applied) => {
                self.nudge();
                Response::json(ROUTE, 200, &applied_json(&applied))
            }
            Err(e) => failure(ROUTE, &e),
        }
    }

    fn events(&self, w: &mut Worker, req: &Request) -> Response {
        const ROUTE: &str = "/v1/events";
        let payload: EventsPayload = match serde_json::from_slice(&req.body) {
            Ok(p) => p,
            Err(e) => {
                return Response::json(
                    ROUTE,
                    400,
                    &json!({"status": "invalid event", "message": e.to_string()}),
                )
            }
        };
        if let Some(refused) =
            self.authorized(req, ROUTE, &self.keys.events, Some(&payload.routing_key))
        {
            return refused;
        }
        let severities: Vec<String> = self
            .thresholds
            .severities
            .iter()
            .map(|s| s.key.clone())
            .collect();
        let now = self.clock.now();
        let intake = match intake::from_events(&payload, &severities, || {
            format!("{}-{}", now.timestamp_millis(), std::process::id())
        }) {
            Ok(i) => i,
            Err(why) => {
                return Response::json(
                    ROUTE,
                    400,
                    &json!({"status": "invalid event", "message": why}),
                )
            }
        };
        let dedup_key = intake.dedup_key["events:".len()..].to_string();
        match self.writing(w, |desk| apply(desk, &intake, "events")) {
            Ok(applied) => {
                self.nudge();
                let mut body = json!({
                    "status": "success",
                    "message": "Event processed",
                    "dedup_key": dedup_key,
                });
                body["incident"] = json!(applied.incident());
                Response::json(ROUTE, 202, &body)
            }
            Err(e) => failure(ROUTE, &e),
        }
    }

    fn heartbeat(&self, w: &mut Worker, req: &Request, name: &str) -> Response {
        const ROUTE: &str = "/v1/heartbeat/:name";
        if let Some(refused) = self.authorized(req, ROUTE, &self.keys.heartbeats, req.bearer()) {
            return refused;
        }
        let result = self.writing(w, |desk| {
            known_heartbeat(desk, name)?;
            beat(desk, name)
        });
        match result {
            Ok(resolved) => {
                self.nudge();
                Response::json(
                    ROUTE,
                    200,
                    &json!({"heartbeat": name, "resolved": resolved}),
                )
            }
            Err(e) if e.to_string().starts_with("no heartbeat") => {
                Response::text(ROUTE, 404, format!("{e:#}"))
            }
            Err(e) => failure(ROUTE, &e),
        }
    }

    /// A link's page (GET: shows, changes nothing, as mail scanners fetch links) or its action
    /// (POST from the page's button).
    fn link(&self, w: &mut Worker, token: &str, acting: bool) -> Response {
        const ROUTE: &str = "/a/:token";
        let Some(key) = &self.keys.link else {
            return Response::text(ROUTE, 404, "action links are not configured");
        };
        let claim = match links::verify(key, token) {
            Ok(claim) => claim,
            Err(why) => {
                return page(
                    ROUTE,
                    404,
                    "Link not valid",
                    &format!("<p>{}</p>", esc(why)),
                )
            }
        };
        let now = self.clock.now();
        let result = self.writing(w, |desk| {
            let Some((inc, history)) = desk.store.incident(claim.incident)? else {
                return Ok(None);
            };
            if !links::still_works(claim.issued, inc.closed_at, now) {
                return Ok(Some((410, String::new())));
            }
            if acting {
                let said = act(desk, &claim)?;
                self.nudge();
                return Ok(Some((200, format!("<p class=done>{}</p>", esc(&said)))));
            }
            let mut html = format!(
                "<p><b>{} {}</b> · incident {} · {}</p><h2>{}</h2>",
                esc(&inc.severity),
                esc(&self.severity_name(&inc.severity)),
                inc.id,
                esc(inc.status.as_str()),
                esc(&inc.title)
            );
            if let Some(acker) = history
                .iter()
                .find(|e| e.kind == crate::rules::incident::Kind::Acknowledged)
            {
                let _ = write!(
                    html,
                    "<p>Held by {} since {}</p>",
                    esc(&acker.actor),
                    esc(&self.time(acker.at))
                );
            }
            html.push_str("<ul class=timeline>");
            for e in history.iter().rev().take(6) {
                let _ = write!(
                    html,
                    "<li>{} {} {}</li>",
                    esc(&self.time(e.at)),
                    esc(&e.actor),
                    esc(e.kind.as_str())
                );
            }
            html.push_str("</ul>");
            let label = match claim.action {
                LinkAction::Acknowledge => "Acknowledge",
                LinkAction::Resolve => "Resolve",
                LinkAction::Escalate => "Escalate now",
            };
            let _ = write!(
                html,
                "<form method=post><button type=submit>{label} as {}</button></form>",
                esc(&claim.person)
            );
            Ok(Some((200, html)))
        });
        match result {
            Ok(Some((200, html))) => page(ROUTE, 200, &format!("Incident {}", claim.incident), &html),
            Ok(Some(_)) => page(ROUTE, 410, "Link expired", "<p>This link has expired: links work for 7 days, and 24 hours after their incident is resolved.</p>"),
            Ok(None) => page(ROUTE, 404, "No such incident", "<p>The incident of this link is not in the store.</p>"),
            Err(e) => {
                let status = failure(ROUTE, &e).status;
                page(ROUTE, status, "Not done", &format!("<p>{}</p>", esc(&format!("{e:#}"))))
            }
        }
    }

    fn severity_name(&self, key: &str) -> String {
        self.thresholds
            .severities
            .iter()
            .find(|s| s.key == key)
            .map_or_else(String::new, |s| s.name.clone())
    }

    fn time(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.zone)
            .format("%Y-%m-%d %H:%M %Z")
            .to_string()
    }

    /// Prometheus's text exposition of mindops itself.
    fn metrics(&self, w: &mut Worker) -> Response {
        const ROUTE: &str = "/metrics";
        let now = self.clock.now();
        let gathered = self.desk(w, |desk| {
            let open = desk.store.incidents(&IncidentFilter::default())?;
            Ok((
                open,
                desk.store.message_counts()?,
                desk.store.oldest_due_message()?,
                desk.store.beats()?,
            ))
        });
        let (open, messages, oldest, beats) = match gathered {
            Ok(g) => g,
            Err(e) => return failure(ROUTE, &e),
        };
        let mut out = String::new();
        let mut family = |name: &str, kind: &str, help: &str, samples: Vec<(String, f64)>| {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
            for (labels, value) in samples {
                let _ = writeln!(out, "{name}{labels} {value}");
            }
        };
        let label = |k: &str, v: &str| format!("{{{k}=\"{}\"}}", prom_escape(v));
        family(
            "mindops_incidents_open",
            "gauge",
            "Incidents not closed, by severity.",
            self.thresholds
                .severities
                .iter()
                .map(|s| {
                    let n = open.iter().filter(|i| i.severity == s.key).count();
                    (label("severity", &s.key), n as f64)
                })
                .collect(),
        );
        family(
            "mindops_outbox_messages",
            "gauge",
            "Messages in the outbox not yet sent (pending) or given up on (failed).",
            vec![
                (label("state", "pending"), messages.pending as f64),
                (label("state", "failed"), messages.failed as f64),
            ],
        );
        family(
            "mindops_outbox_oldest_due_seconds",
            "gauge",
            "How long the longest-waiting undelivered message has been due; 0 when none waits.",
            vec![(
                String::new(),
                oldest.map_or(0.0, |at| (now - at).num_seconds().max(0) as f64),
            )],
        );
        let (own, heartbeats): (Vec<_>, Vec<_>) = beats
            .iter()
            .partition(|(name, _)| name.starts_with("mindops:"));
        family(
            "mindops_last_run_timestamp_seconds",
            "gauge",
            "When mindops last ran each periodic job (incident_check, notify_flush, metrics_check).",
            own.iter()
                .map(|(name, at)| {
                    (
                        label("job", &name["mindops:".len()..]),
                        at.timestamp() as f64,
                    )
                })
                .collect(),
        );
        family(
            "mindops_heartbeat_last_timestamp_seconds",
            "gauge",
            "When each heartbeat last reported in.",
            heartbeats
                .iter()
                .map(|(name, at)| (label("heartbeat", name), at.timestamp() as f64))
                .collect(),
        );
        let counts = self.counts.lock().map(|c| c.clone()).unwrap_or_default();
        family(
            "mindops_http_requests_total",
            "counter",
            "Requests this server answered, by route and status code.",
            counts
                .iter()
                .map(|((route, code), n)| {
                    (
                        format!("{{route=\"{}\",code=\"{code}\"}}", prom_escape(route)),
                        *n as f64,
                    )
                })
                .collect(),
        );
        Response::new(ROUTE, 200, "text/plain; version=0.0.4; charset=utf-8", out)
    }

    /// The status screen as a page, refreshed every 30 s. From anywhere but this machine it
    /// needs the viewer token (`?token=`), when one is set; without one, loopback only.
    fn page(&self, w: &mut Worker, req: &Request) -> Response {
        const ROUTE: &str = "/";
        if !req.peer.ip().is_loopback() {
            let given = req.param("token");
            let allowed = match (&self.keys.viewer, given) {
                (Some(expected), Some(given)) => same_secret(&given, expected),
                _ => false,
            };
            if !allowed {
                return page(
                    ROUTE,
                    401,
                    "Who is asking?",
                    "<p>Add ?token=VIEWER_TOKEN (serve.viewer_token_env).</p>",
                );
            }
        }
        let now = self.clock.now();
        let status = self.desk(w, |desk| {
            crate::ops::status::gather(
                &self.rotation,
                &self.thresholds,
                &desk.store,
                now,
                self.zone,
            )
        });
        let s = match status {
            Ok(s) => s,
            Err(e) => return failure(ROUTE, &e),
        };
        let mut html = String::new();
        let _ = write!(html, "<p>{}</p><h2>On call</h2><ul>", esc(&self.time(now)));
        for o in &s.oncall {
            let _ = write!(html, "<li><b>{}</b> {}</li>", esc(&o.role), esc(&o.person));
        }
        let _ = write!(
            html,
            "</ul><h2>Open incidents: {}</h2><ul>",
            s.incidents.len()
        );
        for i in &s.incidents {
            let _ = write!(
                html,
                "<li class={}><b>{}</b> #{} {} · {}</li>",
                if i.breaching { "bad" } else { "open" },
                esc(&i.severity),
                i.id,
                esc(&i.title),
                esc(&i.sla)
            );
        }
        html.push_str("</ul><h2>Metrics</h2><table>");
        for m in &s.metrics {
            let _ = write!(
                html,
                "<tr><td>{}</td><td class={}>{}</td><td>{}</td></tr>",
                esc(&m.name),
                m.state.to_lowercase(),
                m.state,
                esc(m.shown.as_deref().unwrap_or("-"))
            );
        }
        html.push_str("</table>");
        if !s.slos.is_empty() {
            html.push_str("<h2>Error budgets</h2><table>");
            for slo in &s.slos {
                let _ = write!(
                    html,
                    "<tr><td>{}</td><td class={}>{}</td><td>{}</td></tr>",
                    esc(&slo.name),
                    slo.severity_state.to_lowercase(),
                    esc(slo.state),
                    esc(&slo.text)
                );
            }
            html.push_str("</table>");
        }
        page(ROUTE, 200, "mindops status", &html).with("refresh", "30")
    }

    /// Cron's work: every [`EVERY`], `incident check` (escalations, breaches, heartbeats) and
    /// `notify flush` (reminders, then everything due); when a request queued messages, a send
    /// of what is due at once.
    fn periodic(&self, stop: &AtomicBool, woken: &mpsc::Receiver<()>) {
        let mut last_tick: Option<Instant> = None;
        let mut last_metrics: Option<Instant> = None;
        let metrics_every = self.thresholds.check_interval.to_std().unwrap_or(EVERY);
        let mut worker = Worker { store: None };
        while !stop.load(Ordering::SeqCst) {
            let tick = last_tick.is_none_or(|t| t.elapsed() >= EVERY);
            // Not in the workers' turns: a flush waits on receivers, and requests must not.
            let result = self.desk(&mut worker, |desk| {
                let now = desk.now;
                if !tick {
                    desk.send(Some(FLUSH_BUDGET))?;
                    return Ok(());
                }
                check_all(desk)?;
                missing_heartbeats(desk)?;
                desk.store.record_beat(RAN_CHECK, now)?;
                desk.flush(Some(FLUSH_BUDGET))?;
                desk.store.record_beat(RAN_FLUSH, now)?;
                Ok(())
            });
            if tick {
                last_tick = Some(Instant::now());
            }
            if let Err(e) = result {
                note(format!("mindops serve: periodic work: {e:#}"));
            }
            if self.serve.checks && last_metrics.is_none_or(|t| t.elapsed() >= metrics_every) {
                last_metrics = Some(Instant::now());
                let checked = self.desk(&mut worker, |desk| {
                    crate::ops::metrics::check_sources(desk)?;
                    desk.store.record_beat(RAN_METRICS, desk.now)?;
                    desk.send(Some(FLUSH_BUDGET))?;
                    Ok(())
                });
                if let Err(e) = checked {
                    note(format!("mindops serve: metrics check: {e:#}"));
                }
            }
            let wait = EVERY.saturating_sub(last_tick.map_or(EVERY, |t| t.elapsed()));
            // A request that queued messages wakes this at once; so does a stop.
            let _ = woken.recv_timeout(wait.max(StdDuration::from_millis(10)));
        }
    }
}

fn applied_json(applied: &Applied) -> serde_json::Value {
    let (action, extra) = match applied {
        Applied::Opened(_) => ("opened", json!(null)),
        Applied::Again { count, .. } => ("triggered_again", json!(count)),
        Applied::Acknowledged(_) => ("acknowledged", json!(null)),
        Applied::Resolved(_) => ("resolved", json!(null)),
        Applied::LeftFor { person, .. } => ("left_for_person", json!(person)),
        Applied::NothingOpen => ("nothing_open", json!(null)),
    };
    json!({"status": "ok", "action": action, "incident": applied.incident(), "detail": extra})
}

/// A label value as the exposition format writes it.
fn prom_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// A small page that reads on a phone.
fn page(route: &'static str, status: u16, title: &str, body: &str) -> Response {
    Response::html(
        route,
        status,
        format!(
            "<!doctype html><html><head><meta charset=utf-8>\
             <meta name=viewport content=\"width=device-width, initial-scale=1\">\
             <title>{t}</title><style>body{{font:16px system-ui,sans-serif;margin:1em;max-width:40em}}\
             button{{font-size:1.2em;padding:.6em 1.2em}}.bad{{color:#b00}}.critical{{color:#b00}}\
             .warning{{color:#a60}}.unknown{{color:#708}}.ok{{color:#070}}.done{{font-size:1.2em}}\
             td{{padding:.2em .6em}}</style></head><body><h1>{t}</h1>{body}</body></html>",
            t = esc(title)
        ),
    )
}
