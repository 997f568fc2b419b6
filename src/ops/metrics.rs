//! A metrics check as cron and `serve` run it: each metric's value read and judged (`for:`
//! holds, freshness of earlier values), recorded, and incidents opened or noted for CRITICAL
//! metrics and their recovery. `metrics check` prints what this returns.

use std::collections::HashMap;

use anyhow::Result;
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::config::{Metric, Thresholds};
use crate::ops::incidents::{open_incident, Desk};
use crate::rules::incident::{self, Event, Kind};
use crate::rules::metrics::{
    self, admissible, evaluate, freshness, hold, stale_reason, Freshness, Reading, State,
};
use crate::rules::units;
use crate::sources::Given;
use crate::store::{NewSample, Opened, Sample, Store};

/// A metric's value read in its unit and judged; no value or an unreadable one is UNKNOWN.
pub fn read(metric: &Metric, given: &Given) -> Reading {
    let (parsed, why) = match given {
        Given::Failed(why) => (Err(why.clone()), None),
        Given::Number(v) => (Ok(*v), None),
        Given::Text(text) => (units::parse_value(text, &metric.unit), None),
        Given::Down(why) => (
            units::parse_value("failed", &metric.unit),
            Some(why.clone()),
        ),
    };
    match parsed.and_then(|v| admissible(metric, v)) {
        Ok(v) => {
            let raw = evaluate(metric, v);
            Reading {
                value: Some(v),
                raw,
                state: raw,
                pending: false,
                reason: why,
                as_of: None,
            }
        }
        Err(why) => unknown(None, why),
    }
}

/// [`read`], then `for:`: a CRITICAL value counts only once the breach has held long enough.
pub fn judge(store: &Store, metric: &Metric, given: &Given, now: DateTime<Utc>) -> Result<Reading> {
    let mut reading = read(metric, given);
    if metric.hold.is_some() && reading.raw == State::Critical {
        let since = store.critical_since(&metric.name)?;
        (reading.state, reading.pending) = hold(reading.raw, metric.hold, since, now);
    }
    Ok(reading)
}

/// A reading as the store keeps it.
pub fn sample<'a>(metric: &'a Metric, reading: &Reading) -> NewSample<'a> {
    NewSample {
        metric: &metric.name,
        value: reading.value,
        state: reading.state,
        raw: reading.raw,
    }
}

pub fn unknown(value: Option<f64>, reason: String) -> Reading {
    Reading {
        value,
        raw: State::Unknown,
        state: State::Unknown,
        pending: false,
        reason: Some(reason),
        as_of: None,
    }
}

/// The check interval `at` falls in, counted so that its boundaries lie halfway between the
/// minutes cron fires on: two hosts whose clocks differ by a few seconds land in the same one.
pub fn check_slot(at: DateTime<Utc>, interval: chrono::Duration) -> i64 {
    let step = interval.num_seconds().max(1);
    (at.timestamp() + step / 2).div_euclid(step)
}

/// A metric with no value this run, judged on its latest recorded value while that is fresher
/// than its `max_age`, and UNKNOWN after.
pub fn on_record(store: &Store, metric: &Metric, now: DateTime<Utc>) -> Result<Reading> {
    let latest = store.latest_value(&metric.name)?;
    Ok(
        match (
            freshness(latest.as_ref().map(|s| s.at), metric.max_age, now),
            latest,
        ) {
            (
                Freshness::Fresh,
                Some(Sample {
                    at, value: Some(v), ..
                }),
            ) => {
                let mut reading = read(metric, &Given::Number(v));
                reading.as_of = Some(at);
                reading
            }
            (Freshness::Stale(age), _) => unknown(None, stale_reason(age, metric.max_age)),
            _ => unknown(None, "no value".into()),
        },
    )
}

#[derive(Debug, Serialize)]
pub struct IncidentAction {
    pub metric: String,
    pub incident: i64,
    pub action: &'static str,
}

impl IncidentAction {
    /// What an opening for `metric` did: a new incident, or the open one triggered again.
    pub fn opened(metric: String, outcome: Opened) -> Self {
        match outcome {
            Opened::New(incident) => IncidentAction {
                metric,
                incident,
                action: "opened",
            },
            Opened::Again { id, .. } => IncidentAction {
                metric,
                incident: id,
                action: "triggered_again",
            },
        }
    }
}

/// An incident per CRITICAL metric (one per metric while it stays open, by its dedup key), and
/// a note, or with `auto_resolve` a close, when the metric comes back within its target.
pub fn incidents_for(
    desk: &mut Desk,
    thresholds: &Thresholds,
    checked: &[&Metric],
    readings: &[Reading],
    previous: &Before,
) -> Result<Vec<IncidentAction>> {
    let by = incident::SYSTEM_ACTOR;
    let mut actions = Vec::new();
    for (m, r) in checked.iter().zip(readings) {
        let key = format!("metric:{}", m.name);
        match r.state {
            State::Critical => {
                let Some(severity) = m
                    .severity
                    .as_ref()
                    .and_then(|k| thresholds.severities.iter().find(|s| s.key == *k))
                else {
                    continue;
                };
                let title = format!("{} CRITICAL: {}", m.label, metrics::describe(m, r));
                let outcome = open_incident(
                    desk,
                    severity,
                    &title,
                    m.description.as_deref(),
                    Some(&key),
                    by,
                )?;
                actions.push(IncidentAction::opened(m.name.clone(), outcome));
            }
            State::Ok if previous.get(m.name.as_str()).copied().flatten() != Some(State::Ok) => {
                let value = r.value.map(|v| units::show(v, &m.unit)).unwrap_or_default();
                let text = format!("{} back within target: {value}", m.name);
                if let Some(id) = resolve_by_key(desk, &key, &text, m.auto_resolve)? {
                    actions.push(IncidentAction {
                        metric: m.name.clone(),
                        incident: id,
                        action: if m.auto_resolve {
                            "closed"
                        } else {
                            "noted_recovery"
                        },
                    });
                }
            }
            _ => {}
        }
    }
    Ok(actions)
}

/// The unclosed incident holding `key`, if any, given a note that says `text`, and with
/// `closing` closed as resolved automatically, in one transaction; its id.
pub fn resolve_by_key(
    desk: &mut Desk,
    key: &str,
    text: &str,
    closing: bool,
) -> Result<Option<i64>> {
    let Some(id) = desk.store.unclosed_incident_with_key(key)? else {
        return Ok(None);
    };
    let (now, by) = (desk.now, incident::SYSTEM_ACTOR);
    desk.store.modify_incident(id, |inc, history| {
        let mut events = vec![Event::new(now, by, Kind::Note).text(Some(text.to_string()))];
        if closing {
            events.extend(incident::close(
                inc,
                history,
                now,
                by,
                &format!("resolved automatically: {text}"),
            )?);
        }
        Ok((events, ()))
    })?;
    Ok(Some(id))
}

/// A check's metrics, their readings and this run's own values.
pub type Run<'a, 'b> = (&'b [&'a Metric], &'b [Reading], &'b HashMap<String, Given>);

/// Records a check: only this run's own values (a value standing in from an earlier run is
/// not measured again, and a stale metric adds no row, so a quiet metric stays quiet).
/// Values `measured` from the metrics' own sources are recorded once an interval, whichever
/// host (or serve replica) measured them; values given by hand or in a file are data, recorded
/// every time.
pub fn record(
    store: &mut Store,
    now: DateTime<Utc>,
    state: State,
    (checked, readings, given): Run,
    measured: bool,
    interval: chrono::Duration,
) -> Result<()> {
    let samples: Vec<NewSample> = checked
        .iter()
        .zip(readings)
        .filter(|(m, _)| given.contains_key(&m.name))
        .map(|(m, r)| sample(m, r))
        .collect();
    if measured && !samples.is_empty() {
        let slot = check_slot(now, interval);
        store
            .record_measured(now, state, &samples, slot)
            .map(|_| ())
    } else {
        store.record_check(now, state, &samples)
    }
}

/// Each metric's state before a check, by name: a recovery is a change from it.
pub type Before<'a> = HashMap<&'a str, Option<State>>;

/// Each checked metric judged: on this run's value when it has one, else on its latest
/// recorded value while fresh. With `incidents`, also each metric's state before this check,
/// to tell a recovery.
pub fn judge_all<'a>(
    store: &Store,
    checked: &[&'a Metric],
    given: &HashMap<String, Given>,
    now: DateTime<Utc>,
    incidents: bool,
) -> Result<(Vec<Reading>, Before<'a>)> {
    let mut readings = Vec::with_capacity(checked.len());
    let mut previous = HashMap::new();
    for m in checked {
        let reading = match given.get(&m.name) {
            Some(value) => judge(store, m, value, now)?,
            None => on_record(store, m, now)?,
        };
        if incidents {
            previous.insert(m.name.as_str(), store.last_state(&m.name)?);
        }
        readings.push(reading);
    }
    Ok((readings, previous))
}

/// Cron's `metrics check` for `serve`: every metric's own source asked, the values judged, the
/// check recorded once per interval (whichever replica ran it), and with `incidents: true`
/// incidents opened and recoveries noted.
pub fn check_sources(desk: &mut Desk) -> Result<State> {
    let now = desk.now;
    let thresholds = desk.thresholds.clone();
    let request = crate::sources::Request {
        values: &[],
        input: None,
        run_sources: true,
        now,
        max_bytes: 64 * 1024 * 1024,
    };
    let given = crate::sources::gather(&thresholds, &request)?;
    let checked: Vec<&Metric> = thresholds.metrics.iter().collect();
    let (readings, previous) = judge_all(&desk.store, &checked, &given, now, thresholds.incidents)?;
    let state = metrics::worst(readings.iter().map(|r| r.state));
    record(
        &mut desk.store,
        now,
        state,
        (&checked, &readings, &given),
        true,
        thresholds.check_interval,
    )?;
    let judged = crate::ops::slo::judge_all(&desk.store, &thresholds, now)?;
    if thresholds.incidents {
        incidents_for(desk, &thresholds, &checked, &readings, &previous)?;
        crate::ops::slo::incidents_for(desk, &thresholds, &judged)?;
    }
    Ok(metrics::worst(
        std::iter::once(state).chain(judged.iter().map(|j| j.state())),
    ))
}

/// What an import loaded.
#[derive(Debug, Default, Serialize)]
pub struct Imported {
    pub checks: usize,
    pub samples: usize,
    #[serde(serialize_with = "crate::util::time::serde_rfc3339_opt")]
    pub from: Option<DateTime<Utc>>,
    #[serde(serialize_with = "crate::util::time::serde_rfc3339_opt")]
    pub to: Option<DateTime<Utc>>,
}

/// A history of values from CSV (`at,metric,value`, a header first, in time order), each value
/// judged as a check would have judged it then (`for:` across the file's own values), the
/// values of one instant recorded as one check. `source` names the input in errors, which give
/// its line. Nothing is written unless the whole file reads.
pub fn import(
    store: &mut Store,
    thresholds: &Thresholds,
    input: impl std::io::BufRead,
    source: &str,
) -> Result<Imported> {
    use crate::rules::metrics::rejudge;
    let mut rows: Vec<(DateTime<Utc>, usize, Option<f64>)> = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line = line.map_err(|e| anyhow::anyhow!("{source}: {e}"))?;
        let at_line = |why: String| anyhow::anyhow!("{source}:{}: {why}", i + 1);
        let line = line.trim();
        if line.is_empty() || (i == 0 && line.starts_with("at,")) {
            continue;
        }
        let mut fields = line.splitn(3, ',').map(str::trim);
        let (Some(at), Some(name), Some(value)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(at_line(format!(
                "\"{line}\" is not at,metric,value (e.g. 2026-11-01T10:00:00Z,uptime,100)"
            )));
        };
        let at = match at.parse::<i64>() {
            Ok(secs) => DateTime::from_timestamp(secs, 0)
                .ok_or_else(|| at_line(format!("{secs} is not a time")))?,
            Err(_) => DateTime::parse_from_rfc3339(at)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| {
                    at_line(format!(
                        "\"{at}\" is not a time; write RFC 3339 (2026-11-01T10:00:00Z) or epoch seconds"
                    ))
                })?,
        };
        let at = crate::util::time::checked_instant(at, &at.to_rfc3339()).map_err(at_line)?;
        if rows.last().is_some_and(|(last, _, _)| at < *last) {
            return Err(at_line(
                "the file goes back in time here; sort it by time (sort -t, -k1,1)".into(),
            ));
        }
        let Some(index) = thresholds.metrics.iter().position(|m| m.name == name) else {
            return Err(at_line(format!(
                "unknown metric \"{name}\"{}",
                crate::util::suggest::hint(
                    name,
                    thresholds.metrics.iter().map(|m| m.name.as_str())
                )
            )));
        };
        let metric = &thresholds.metrics[index];
        let value = units::parse_value(value, &metric.unit)
            .and_then(|v| admissible(metric, v))
            .map_err(|why| at_line(format!("{name}: {why}")))?;
        rows.push((at, index, Some(value)));
    }
    // Each metric's states, `for:` walked over its own values in time order.
    let mut by_metric: Vec<Vec<usize>> = vec![Vec::new(); thresholds.metrics.len()];
    for (r, row) in rows.iter().enumerate() {
        by_metric[row.1].push(r);
    }
    let mut states: Vec<(State, State)> = vec![(State::Unknown, State::Unknown); rows.len()];
    for (metric, mine) in thresholds.metrics.iter().zip(&by_metric) {
        let judged = rejudge(metric, mine.iter().map(|&r| (rows[r].0, rows[r].2)));
        for (&r, (_, state, raw)) in mine.iter().zip(judged) {
            states[r] = (state, raw);
        }
    }
    let mut checks: Vec<(DateTime<Utc>, State, Vec<NewSample>)> = Vec::new();
    for (r, (at, index, value)) in rows.iter().enumerate() {
        let (state, raw) = states[r];
        let sample = NewSample {
            metric: &thresholds.metrics[*index].name,
            value: *value,
            state,
            raw,
        };
        match checks.last_mut() {
            Some((last, worst_so_far, samples)) if last == at => {
                *worst_so_far = metrics::worst([*worst_so_far, state]);
                samples.push(sample);
            }
            _ => checks.push((*at, state, vec![sample])),
        }
    }
    let borrowed: Vec<(DateTime<Utc>, State, &[NewSample])> = checks
        .iter()
        .map(|(at, state, samples)| (*at, *state, samples.as_slice()))
        .collect();
    // One transaction: an import that fails leaves nothing half-loaded to be imported twice.
    store.record_checks(&borrowed)?;
    Ok(Imported {
        checks: checks.len(),
        samples: rows.len(),
        from: rows.first().map(|r| r.0),
        to: rows.last().map(|r| r.0),
    })
}
