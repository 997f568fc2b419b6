//! `mindops demo`: a realistic history, the same for the same seed, so that every report and
//! screen has something to show on a fresh clone. It goes through the same store methods and
//! incident rules as real use.

use anyhow::{bail, Result};
use chrono::{DateTime, Duration, NaiveTime, Timelike, Utc};

use crate::cli::DemoArgs;
use crate::config::{Metric, RotationConfig, Severity, Thresholds};
use crate::rules::checklist::{self, Tick};
use crate::rules::incident::{self, Event, Kind, Roster};
use crate::rules::metrics::{evaluate, worst, State};
use crate::rules::rotation::holders_at;
use crate::store::{NewAction, NewIncident, NewSample, Store};
use crate::util::output::note;
use crate::util::time::{earlier, later, local_to_utc};
use crate::{exit, Context};

/// SplitMix64: small, fast, and the same sequence for the same seed on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// How often operational metrics are checked; growth and quality figures come once a day.
const EVERY: i64 = 600;
const DAILY: [&str; 11] = [
    "user_satisfaction",
    "active_users",
    "growth_rate",
    "sessions_per_day",
    "avg_session_duration",
    "retention",
    "feature_usage_core",
    "feature_usage_advanced",
    "feature_usage_new",
    "support_tickets",
    "ticket_resolution_time",
];

pub fn run(ctx: &Context, args: DemoArgs) -> Result<u8> {
    let (config, thresholds) = ctx.config()?;
    let mut store = ctx.store()?;
    if store.holds_data()? && !args.force {
        bail!(
            "{} already holds data; the demo fills an empty database. Pass --db with a new file, \
             or --force to add the demo history beside what is there",
            ctx.db()?
        );
    }
    let now = ctx.clock.now();
    let start = earlier(now, Duration::days(i64::from(args.days)));
    let mut rng = Rng(args.seed);
    let samples = metrics(&mut store, &thresholds, &mut rng, start, now)?;
    let incidents = incidents(&mut store, &config, &thresholds, &mut rng, start, now)?;
    let (ticks, notes) = days(&mut store, &config, &mut rng, start, now)?;
    note(format!(
        "demo: {} days into {}: {samples} metric samples, {incidents} incidents, {ticks} checklist ticks, {notes} handover notes",
        args.days,
        ctx.db()?
    ));
    Ok(exit::SUCCESS)
}

/// A believable value for a metric at a moment: a daily rhythm, noise, slow drift, and the
/// odd bad hour (`trouble`).
fn value(m: &Metric, rng: &mut Rng, t: DateTime<Utc>, progress: f64, trouble: bool) -> f64 {
    let hour = f64::from(t.hour()) + f64::from(t.minute()) / 60.0;
    let daily = ((hour - 14.0) / 24.0 * std::f64::consts::TAU).cos();
    let v = match m.name.as_str() {
        "response_time" => {
            if trouble {
                rng.range(3.1, 4.5)
            } else {
                1.1 + 0.3 * daily + rng.range(-0.1, 0.1)
            }
        }
        "error_rate" => {
            if trouble {
                rng.range(0.6, 1.2)
            } else {
                (0.02 + 0.01 * daily + rng.range(-0.01, 0.01)).max(0.0)
            }
        }
        "user_satisfaction" => 4.75 + rng.range(-0.15, 0.1),
        "uptime" => {
            if trouble {
                99.6
            } else {
                100.0
            }
        }
        "load" => 30.0 + 15.0 * daily + rng.range(-5.0, 5.0),
        "memory" => 45.0 + 20.0 * progress + rng.range(-3.0, 3.0),
        "network" => 1.5 + 0.8 * daily + rng.range(-0.2, 0.2),
        "db_response_time" => {
            if trouble {
                rng.range(1.2, 2.4)
            } else {
                0.6 + 0.2 * daily + rng.range(-0.05, 0.05)
            }
        }
        "db_connection_pool" => 68.0 + 14.0 * daily + rng.range(-4.0, 4.0),
        "backup_status" | "replication" => {
            if trouble {
                0.0
            } else {
                1.0
            }
        }
        "active_users" => (22_000.0 * (1.0 + 0.2 * progress) + rng.range(-150.0, 150.0)).round(),
        "growth_rate" => 5.0 + rng.range(-1.5, 1.5),
        "sessions_per_day" => {
            (46_000.0 + 8_000.0 * progress + rng.range(-1_500.0, 1_500.0)).round()
        }
        "avg_session_duration" => 15.0 + rng.range(-1.5, 1.5),
        "retention" => 88.0 + rng.range(-2.0, 1.5),
        "feature_usage_core" => 95.0 + rng.range(-2.0, 2.0),
        "feature_usage_advanced" => 74.0 + rng.range(-3.0, 3.0),
        "feature_usage_new" => 45.0 + 20.0 * progress + rng.range(-3.0, 3.0),
        "support_tickets" => (50.0 + rng.range(-12.0, 15.0)).round(),
        "ticket_resolution_time" => 2.2 + rng.range(-0.8, 1.0),
        // A metric the sample does not know: near its target, as most values are.
        _ => {
            m.target
                .as_ref()
                .and_then(|t| match t {
                    crate::rules::threshold::Threshold::Compare { value, .. } => Some(*value),
                    _ => None,
                })
                .unwrap_or(1.0)
                * rng.range(0.85, 1.0)
        }
    };
    (v * 1000.0).round() / 1000.0
}

fn metrics(
    store: &mut Store,
    thresholds: &Thresholds,
    rng: &mut Rng,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<usize> {
    let first =
        DateTime::from_timestamp(start.timestamp() / EVERY * EVERY + EVERY, 0).unwrap_or(start);
    let span = (now - start).num_seconds().max(1) as f64;
    // A few bad hours spread over the history, each hitting one operational metric.
    let operational: Vec<&Metric> = thresholds
        .metrics
        .iter()
        .filter(|m| !DAILY.contains(&m.name.as_str()))
        .collect();
    let troubles: Vec<(i64, i64, String)> = (0..((span / 86_400.0 / 12.0).ceil() as usize + 1))
        .filter(|_| !operational.is_empty())
        .map(|_| {
            let at = start.timestamp() + (rng.unit() * span) as i64;
            (
                at,
                at + rng.range(1800.0, 5400.0) as i64,
                rng.pick(&operational).name.clone(),
            )
        })
        .collect();
    let mut checks: Vec<(DateTime<Utc>, State, Vec<NewSample>)> = Vec::new();
    let mut count = 0;
    // Every EVERY seconds, and a last check at the demo's own now, as a cron job running every
    // minute would have left it: the dashboard's values are fresh, not stale.
    let mut times: Vec<DateTime<Utc>> =
        std::iter::successors(Some(first), |t| Some(later(*t, Duration::seconds(EVERY))))
            .take_while(|t| *t <= now)
            .collect();
    if times.last() != Some(&now) {
        times.push(now);
    }
    let last = times.len().saturating_sub(1);
    for (i, t) in times.into_iter().enumerate() {
        let daily = t.timestamp() % 86_400 < EVERY;
        let progress = (t - start).num_seconds() as f64 / span;
        let mut samples = Vec::new();
        for m in &thresholds.metrics {
            if DAILY.contains(&m.name.as_str()) && !daily {
                continue;
            }
            let trouble = troubles
                .iter()
                .any(|(from, to, name)| *name == m.name && (*from..*to).contains(&t.timestamp()));
            let v = value(m, rng, t, progress, trouble);
            let state = evaluate(m, v);
            samples.push(NewSample {
                metric: &m.name,
                value: Some(v),
                state,
                raw: state,
            });
        }
        let state = worst(samples.iter().map(|s| s.state));
        count += samples.len();
        checks.push((t, state, samples));
        // A day at a time: a long history is written without ever being held whole.
        if checks.len() as i64 >= 86_400 / EVERY || i == last {
            let borrowed: Vec<(DateTime<Utc>, State, &[NewSample])> = checks
                .iter()
                .map(|(t, s, v)| (*t, *s, v.as_slice()))
                .collect();
            store.record_checks(&borrowed)?;
            checks.clear();
        }
    }
    Ok(count)
}

const TITLES: [&str; 12] = [
    "Checkout requests failing",
    "Login latency above 3s",
    "Chat replies timing out",
    "Database connections exhausted",
    "Nightly backup did not finish",
    "Replica lagging behind primary",
    "Error rate spike after deploy",
    "Push notifications delayed",
    "Search returns stale results",
    "Memory climbing on api-2",
    "Certificate expires in 7 days",
    "Support inbox sync stuck",
];

const RESOLUTIONS: [&str; 6] = [
    "Rolled back the deploy",
    "Restarted the worker pool",
    "Raised the connection pool limit",
    "Re-ran the backup and verified the restore",
    "Failed over to the standby replica",
    "Fixed the misconfigured feature flag",
];

fn incidents(
    store: &mut Store,
    config: &RotationConfig,
    thresholds: &Thresholds,
    rng: &mut Rng,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<usize> {
    let rotation = &config.rotation;
    let roster = Roster {
        rotation,
        overrides: &[],
    };
    let weights = [0.06, 0.2, 0.34, 0.4];
    let mut count = 0;
    let mut t = later(start, Duration::hours(rng.range(2.0, 20.0) as i64));
    while t < earlier(now, Duration::minutes(30)) {
        let pick = rng.unit();
        let mut acc = 0.0;
        let index = weights.iter().position(|w| {
            acc += w;
            pick < acc
        });
        let severity: &Severity =
            &thresholds.severities[index.unwrap_or(0).min(thresholds.severities.len() - 1)];
        let opener = holder(rotation, t);
        let title = *rng.pick(&TITLES);
        let opened = open_at(
            store,
            thresholds,
            &roster,
            severity,
            t,
            &opener,
            (title, None, None),
        )?;
        let crate::store::Opened::New(id) = opened else {
            continue;
        };
        count += 1;
        let (acker, close_at) = live(store, thresholds, &roster, rng, (id, severity, t), now)?;
        if matches!(severity.key.as_str(), "P0" | "P1") && close_at <= now {
            follow_up(store, rng, id, &acker, close_at, now)?;
        }
        t = later(
            t,
            Duration::minutes(rng.range(6.0 * 60.0, 36.0 * 60.0) as i64),
        );
    }
    // One still waiting for an answer, so the status screen has a clock running.
    if let Some(severity) = thresholds
        .severities
        .get(2)
        .or(thresholds.severities.last())
    {
        let at = earlier(now, Duration::minutes(20));
        let what = (
            "Chat replies timing out",
            Some("p95 of chat replies above 5s since the 08:40 deploy"),
            Some("demo:chat-latency"),
        );
        open_at(store, thresholds, &roster, severity, at, "mindops", what)?;
        count += 1;
    }
    Ok(count)
}

/// Whoever held the first role at `at`, or mindops when nobody did.
fn holder(rotation: &crate::rules::rotation::Rotation, at: DateTime<Utc>) -> String {
    holders_at(rotation, &[], at)
        .first()
        .map_or("mindops".to_string(), |s| s.person.clone())
}

/// An incident opened at `at` as `incident open` would have: its limits and first pages.
fn open_at(
    store: &mut Store,
    thresholds: &Thresholds,
    roster: &Roster,
    severity: &Severity,
    at: DateTime<Utc>,
    opener: &str,
    (title, description, dedup_key): (&str, Option<&str>, Option<&str>),
) -> Result<crate::store::Opened> {
    let (ack_due, resolve_due) = incident::due(at, severity);
    let mut first = vec![Event::new(at, opener, Kind::Opened)
        .value(&severity.key)
        .text(Some(title.to_string()))];
    first.extend(incident::open_pages(severity, roster, at, opener));
    store.open_incident(
        &NewIncident {
            title,
            description,
            severity: &severity.key,
            phase: thresholds
                .protocol
                .first()
                .map_or("detection", |p| p.name.as_str()),
            opened_at: at,
            opened_by: opener,
            ack_due,
            resolve_due,
            dedup_key,
        },
        &first,
    )
}

/// An incident's life after it opened: the escalations cron would have made before anyone
/// answered, the acknowledgement (now and then late), the protocol's phases and steps, and the
/// close (now and then late) unless that is still to come. Who acknowledged, and when it
/// closes.
fn live(
    store: &mut Store,
    thresholds: &Thresholds,
    roster: &Roster,
    rng: &mut Rng,
    (id, severity, t): (i64, &Severity, DateTime<Utc>),
    now: DateTime<Utc>,
) -> Result<(String, DateTime<Utc>)> {
    // Now and then past the limit, mostly well within it.
    let mut after = |limit: Duration, late_chance: f64, late: (f64, f64), early: (f64, f64)| {
        let (lo, hi) = if rng.chance(late_chance) { late } else { early };
        later(
            t,
            Duration::seconds((limit.num_seconds() as f64 * rng.range(lo, hi)) as i64),
        )
    };
    let ack_at = after(
        severity.response.max(Duration::minutes(1)),
        0.15,
        (1.2, 3.0),
        (0.1, 0.9),
    );
    let close_at = after(severity.resolution, 0.12, (1.1, 2.0), (0.2, 0.9));
    let acker = holder(roster.rotation, ack_at);
    let steps: Vec<String> = thresholds
        .protocol
        .iter()
        .flat_map(|p| p.steps.iter().map(|s| p.step_id(s)))
        .collect();
    let phases: Vec<String> = thresholds.protocol.iter().map(|p| p.name.clone()).collect();
    let reviewed = rng.chance(0.7);
    let resolution = *rng.pick(&RESOLUTIONS);
    let still_open = close_at > now;
    store.modify_incident(id, |inc, history| {
        let mut events = Vec::new();
        let mut seen = history.to_vec();
        // Timeouts the cron job would have escalated before anyone answered.
        let mut check_at = inc.ack_due;
        while check_at < ack_at.min(now) {
            let more = incident::check(inc, &seen, severity, roster, check_at);
            seen.extend(more.iter().cloned());
            events.extend(more);
            // At least a minute a step: a zero limit must not stop the demo.
            check_at = later(check_at, severity.response.max(Duration::minutes(1)));
        }
        if ack_at <= now {
            let more = incident::acknowledge(inc, &seen, ack_at, &acker)?;
            seen.extend(more.iter().cloned());
            events.extend(more);
        }
        for (i, phase) in phases.iter().enumerate().skip(1) {
            let at = ack_at + Duration::minutes(5 * i as i64);
            if at > now.min(close_at) || (phase == "review" && !reviewed) {
                break;
            }
            let old = std::mem::replace(&mut inc.phase, phase.clone());
            events.push(Event::new(at, &acker, Kind::PhaseChanged).change(old, phase));
        }
        for step in steps.iter().take(if reviewed { steps.len() } else { 6 }) {
            let at = later(ack_at, Duration::minutes(2));
            if at <= now.min(close_at) {
                let note = step
                    .starts_with("review.analyze")
                    .then(|| "A deploy changed a timeout default".to_string());
                events.push(Event::new(at, &acker, Kind::Step).value(step).text(note));
            }
        }
        if !still_open {
            events.extend(incident::close(inc, &seen, close_at, &acker, resolution)?);
        }
        Ok((events, ()))
    })?;
    Ok((acker, close_at))
}

/// The follow-up a serious incident's review asks for, done within days more often than not.
fn follow_up(
    store: &mut Store,
    rng: &mut Rng,
    id: i64,
    owner: &str,
    close_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    let action = store.add_action(
        id,
        &NewAction {
            text: "Add an alert that would have caught this earlier",
            owner,
            due: later(close_at, Duration::days(7)).date_naive(),
            by: owner,
            at: close_at,
        },
    )?;
    let done_at = later(close_at, Duration::days(3));
    if rng.chance(0.6) && done_at < now {
        store.complete_action(action, owner, done_at)?;
    }
    Ok(())
}

const NOTES: [&str; 6] = [
    "Quiet shift. Backups verified, nothing pending.",
    "Error rate spiked after the 14:00 deploy; rolled back, watching it.",
    "DB failover drill tomorrow at 10:00; expect a short blip.",
    "Support queue is long after the newsletter; tickets triaged.",
    "Memory on api-2 creeping up; restart scheduled for the morning.",
    "Certificate renewal done; nothing else open.",
];

fn days(
    store: &mut Store,
    config: &RotationConfig,
    rng: &mut Rng,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(usize, usize)> {
    let rotation = &config.rotation;
    let zone = rotation.zone;
    let (mut ticks, mut notes) = (0, 0);
    let mut day = crate::util::time::local_date(zone, start);
    let today = crate::util::time::local_date(zone, now);
    while day <= today {
        let noon = local_to_utc(
            zone,
            day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN)),
        );
        let primary = holders_at(rotation, &[], noon)
            .first()
            .map_or("mindops".to_string(), |s| s.person.clone());
        let mut new = Vec::new();
        for slot in &config.checklist.slots {
            let due = checklist::deadline(slot, day, zone);
            for item in slot.items.iter().filter(|i| i.evidence.is_none()) {
                if rng.chance(0.06) {
                    continue; // forgotten
                }
                let late = rng.chance(0.08);
                let at = later(
                    due,
                    Duration::minutes(if late {
                        rng.range(10.0, 120.0)
                    } else {
                        -rng.range(15.0, 180.0)
                    } as i64),
                );
                if at > now {
                    continue;
                }
                let by = if rng.chance(0.15) {
                    rotation.members[(rng.next() % rotation.members.len() as u64) as usize]
                        .name
                        .clone()
                } else {
                    primary.clone()
                };
                new.push(Tick {
                    item: item.id.clone(),
                    done: true,
                    by,
                    at,
                    note: None,
                });
            }
        }
        if !new.is_empty() {
            ticks += new.len();
            let at = new[0].at;
            store.tick(day, &config.checklist, at, &mut |_, _| {
                Ok(std::mem::take(&mut new))
            })?;
        }
        let evening = later(
            local_to_utc(
                zone,
                day.and_time(NaiveTime::from_hms_opt(18, 0, 0).unwrap_or(NaiveTime::MIN)),
            ),
            Duration::minutes(rng.range(0.0, 150.0) as i64),
        );
        if evening <= now && rng.chance(0.85) {
            let note: &&str = rng.pick(&NOTES);
            store.add_handover(evening, &primary, note, &|_| Vec::new())?;
            notes += 1;
        }
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    Ok((ticks, notes))
}
