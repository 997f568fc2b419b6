//! `metrics replay`: the stored values of a period judged again by a config (its thresholds,
//! `for:` holds and SLOs), beside what was recorded when they came. Reads only.

use anyhow::Result;
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::config::Thresholds;
use crate::rules::metrics::{episodes, rejudge, Episode};
use crate::rules::slo::{self, Indicator};
use crate::store::{IncidentFilter, Store};

/// One thing that would open incidents: a metric with a severity, or an SLO's alert level.
#[derive(Debug, Serialize)]
pub struct Subject {
    /// `response_time`, or `slo latency page`.
    pub name: String,
    /// The dedup key its incidents carry.
    pub key: String,
    pub severity: String,
    /// The stretches this config would have opened an incident for.
    pub replayed: Vec<Episode>,
    /// The CRITICAL stretches recorded at the time (none for an SLO: its alerts are judged
    /// now, not stored).
    pub recorded: Vec<Episode>,
    /// Incidents really opened under its key in the period.
    pub incidents: Vec<i64>,
}

#[derive(Debug, Serialize)]
pub struct Replay {
    pub subjects: Vec<Subject>,
    /// SLOs over PromQL: their history is Prometheus's, not the store's.
    pub skipped: Vec<String>,
}

pub fn replay(
    store: &Store,
    thresholds: &Thresholds,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Replay> {
    let mut incidents: Vec<(String, i64)> = Vec::new();
    store.each_incident(
        &IncidentFilter {
            include_closed: true,
            severity: None,
            since: Some(from),
            limit: None,
        },
        false,
        &mut |inc, _| {
            if let Some(key) = inc.dedup_key.filter(|_| inc.opened_at < to) {
                incidents.push((key, inc.id));
            }
            Ok(())
        },
    )?;
    let opened = |key: &str| -> Vec<i64> {
        let mut ids: Vec<i64> = incidents
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, id)| *id)
            .collect();
        ids.sort_unstable();
        ids
    };

    let mut subjects = Vec::new();
    for m in thresholds.metrics.iter() {
        let Some(severity) = &m.severity else {
            continue;
        };
        let samples = store.samples_between(&m.name, from, to)?;
        let judged = rejudge(m, samples.iter().map(|s| (s.at, s.value)));
        let replayed = episodes(judged.into_iter().map(|(at, state, _)| (at, state)));
        let recorded = episodes(samples.iter().map(|s| (s.at, s.state)));
        let key = format!("metric:{}", m.name);
        if replayed.is_empty() && recorded.is_empty() && opened(&key).is_empty() {
            continue;
        }
        subjects.push(Subject {
            name: m.name.clone(),
            incidents: opened(&key),
            key,
            severity: severity.clone(),
            replayed,
            recorded,
        });
    }

    let mut skipped = Vec::new();
    for s in &thresholds.slos {
        let Indicator::Metric { metric, good } = &s.indicator else {
            skipped.push(s.name.clone());
            continue;
        };
        let span = to - from;
        let steps = crate::ops::slo::metric_steps(store, s, metric, good, to, span)?;
        let first = (span.num_seconds() / steps.step.num_seconds()).max(0) as usize;
        let (page, ticket) = slo::replay(s, &steps, to, first);
        for (level, episodes, severity) in [
            ("page", page, &s.page.severity),
            ("ticket", ticket, &s.ticket.severity),
        ] {
            let key = format!("slo:{}:{level}", s.name);
            if episodes.is_empty() && opened(&key).is_empty() {
                continue;
            }
            subjects.push(Subject {
                name: format!("slo {} {level}", s.name),
                incidents: opened(&key),
                key,
                severity: severity.clone(),
                replayed: episodes,
                recorded: Vec::new(),
            });
        }
    }
    Ok(Replay { subjects, skipped })
}
