//! A review of one period against the one before: the model every format renders, gathered
//! from the store's aggregates so a quarter of a large history is never loaded whole.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::Serialize;

use crate::config::{Metric, Role, RotationConfig, Thresholds};
use crate::ops::checklist::{HistoryDay, HistoryPerson, Sheet};
use crate::rules::incident::Kind as EventKind;
use crate::rules::metrics::{freshness, sparkline, Freshness};
use crate::rules::period::{Kind, Period};
use crate::rules::threshold::Threshold;
use crate::store::{Breach, CountBy, Reached, ReviewNote, SeverityCounts, Spread, Store};
use crate::util::pct;
use crate::util::time::{local_to_utc, rfc3339};

/// Breaches listed by name; the count covers them all.
const BREACHES_LISTED: u32 = 50;
/// Points in each metric's trend.
const TREND_POINTS: i64 = 24;

#[derive(Debug, Serialize)]
pub struct PeriodJson {
    pub label: String,
    pub start: String,
    pub end: String,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub kind: &'static str,
    pub period: PeriodJson,
    pub previous: PeriodJson,
    pub generated_at: String,
    /// The zone days and times are read in.
    pub zone: String,
    pub incidents: IncidentStats,
    pub previous_incidents: IncidentStats,
    pub incidents_per_week: Vec<WeekCount>,
    pub metrics: Vec<MetricRow>,
    pub growth: Option<Growth>,
    pub support: Vec<MetricTrend>,
    pub team: Team,
    /// The review's agenda from the seed, with the team's notes under each topic.
    pub agenda: Vec<AgendaItem>,
}

#[derive(Debug, Serialize)]
pub struct AgendaItem {
    pub topic: &'static str,
    pub title: &'static str,
    /// Where the report's figures for the topic are.
    pub figures: &'static str,
    pub notes: Vec<ReviewNote>,
}

/// A period's agenda with the notes under each of its topics. (Notes are only written under
/// a topic of their period's agenda: `review note` refuses any other.)
pub fn agenda(store: &Store, period: &Period) -> Result<Vec<AgendaItem>> {
    let notes = store.review_notes(&period.label)?;
    Ok(crate::rules::agenda::agenda(period.kind)
        .iter()
        .map(|t| AgendaItem {
            topic: t.key,
            title: t.title,
            figures: t.figures,
            notes: notes.iter().filter(|n| n.topic == t.key).cloned().collect(),
        })
        .collect())
}

#[derive(Debug, Serialize)]
pub struct SeverityRow {
    pub severity: String,
    pub name: String,
    pub opened: u64,
    /// Share of acknowledgements in time, of those due or done; null when none was.
    pub ack_sla_pct: Option<f64>,
    pub resolve_sla_pct: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct IncidentStats {
    pub opened: u64,
    pub by_severity: Vec<SeverityRow>,
    /// Seconds from opening to the first explicit acknowledgement.
    pub time_to_acknowledge: Spread,
    /// Seconds from opening to closing.
    pub time_to_resolve: Spread,
    pub breaches: Vec<Breach>,
    pub breaches_total: u64,
    pub escalations_manual: u64,
    pub escalations_timeout: u64,
    pub open_at_end: u64,
    pub closed_without_review: Vec<i64>,
    pub actions_open: u64,
    pub actions_overdue: u64,
}

#[derive(Debug, Serialize)]
pub struct WeekCount {
    pub week_start: String,
    pub by_severity: BTreeMap<String, u64>,
}

#[derive(Debug, Serialize)]
pub struct MetricRow {
    pub name: String,
    pub label: String,
    pub group: String,
    pub unit: String,
    pub samples: u64,
    pub latest: Option<f64>,
    /// While the period runs: the latest value is older than the metric's `max_age`, so it no
    /// longer says how the metric stands.
    pub stale: bool,
    pub mean: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub within_target_pct: Option<f64>,
    pub warning_seconds: i64,
    pub critical_seconds: i64,
    pub previous_mean: Option<f64>,
    /// Change of the mean against the previous period, in percent.
    pub change_pct: Option<f64>,
    pub trend: Vec<Option<f64>>,
    /// The least and most value in each point's stretch: a spike the mean hides shows here.
    pub trend_min: Vec<Option<f64>>,
    pub trend_max: Vec<Option<f64>>,
    /// A status metric (ok/failed), drawn as a strip of states rather than a line.
    pub status: bool,
    pub sparkline: String,
    pub target: Option<String>,
    pub alert: Option<String>,
    /// The numbers the target and alert lines of a chart are drawn at.
    pub target_lines: Vec<f64>,
    pub alert_lines: Vec<f64>,
}

#[derive(Debug, Serialize)]
pub struct MetricTrend {
    pub name: String,
    pub label: String,
    pub unit: String,
    pub latest: Option<f64>,
    pub mean: Option<f64>,
    pub previous_mean: Option<f64>,
    pub change_pct: Option<f64>,
    pub sparkline: String,
}

#[derive(Debug, Serialize)]
pub struct Growth {
    pub active_users: Option<f64>,
    pub active_users_target: Option<f64>,
    /// Latest active users as a share of the target.
    pub target_pct: Option<f64>,
    /// From the first and last recorded active users of the period.
    pub growth_rate_pct: Option<f64>,
    pub engagement: Vec<MetricTrend>,
    pub feature_adoption: Vec<MetricTrend>,
}

#[derive(Debug, Serialize)]
pub struct ShiftRow {
    pub person: String,
    pub shifts: BTreeMap<String, u32>,
    pub hours: f64,
}

#[derive(Debug, Serialize)]
pub struct Count {
    pub name: String,
    pub count: u64,
}

#[derive(Debug, Serialize)]
pub struct Team {
    pub roles: Vec<String>,
    pub shifts: Vec<ShiftRow>,
    pub pages: Vec<Count>,
    pub acks: Vec<Count>,
    pub checklist_rate: f64,
    pub checklist_days: Vec<HistoryDay>,
    pub checklist_people: Vec<HistoryPerson>,
    /// Items mindops ticked from its own records, apart from people's.
    pub checklist_by_evidence: usize,
    pub handover_notes: Vec<Count>,
}

fn change(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    match (now, before) {
        (Some(n), Some(b)) if b != 0.0 => Some(((n - b) / b.abs() * 1000.0).round() / 10.0),
        _ => None,
    }
}

/// Where a chart draws a threshold: a comparison's number, a range's finite ends.
fn lines(t: &Option<Threshold>) -> Vec<f64> {
    match t {
        Some(Threshold::Compare { value, .. }) => vec![*value],
        Some(Threshold::Range(r)) => [r.start, r.end]
            .into_iter()
            .filter(|v| v.is_finite())
            .collect(),
        _ => Vec::new(),
    }
}

struct Span {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    end_day: NaiveDate,
}

fn span(config: &RotationConfig, period: &Period) -> Span {
    let zone = config.rotation.zone;
    Span {
        from: local_to_utc(zone, period.start.and_time(NaiveTime::MIN)),
        to: local_to_utc(zone, period.end.and_time(NaiveTime::MIN)),
        end_day: period.end,
    }
}

fn period_json(p: &Period) -> PeriodJson {
    PeriodJson {
        label: p.label.clone(),
        start: p.start.to_string(),
        end: p.end.pred_opt().unwrap_or(p.end).to_string(),
    }
}

/// The review of a period, from the store's aggregates. Incidents are judged as of the
/// period's end, or `sheet.now` while the period is still running.
pub fn gather(
    store: &Store,
    sheet: &Sheet,
    thresholds: &Thresholds,
    period: &Period,
) -> Result<Report> {
    let config = sheet.config;
    let now = sheet.now;
    let previous = period.previous();
    let (this, before) = (span(config, period), span(config, &previous));
    // A period is judged as it stood at its end (or now, while it runs), so the report of a
    // finished week reads the same whenever it is run.
    let incidents = incident_stats(thresholds, store, &this, now.min(this.to), true)?;
    let previous_incidents = incident_stats(thresholds, store, &before, now.min(before.to), false)?;

    let mut metrics = Vec::new();
    for m in &thresholds.metrics {
        metrics.push(metric_row(store, m, &this, &before, now)?);
    }
    let trend_of = |name: &str| -> Option<MetricTrend> {
        metrics
            .iter()
            .find(|r| r.name == name)
            .map(|r| MetricTrend {
                name: r.name.clone(),
                label: r.label.clone(),
                unit: r.unit.clone(),
                latest: r.latest,
                mean: r.mean,
                previous_mean: r.previous_mean,
                change_pct: r.change_pct,
                sparkline: r.sparkline.clone(),
            })
    };
    let trends = |role: Role| -> Vec<MetricTrend> {
        thresholds
            .with_role(role)
            .filter_map(|m| trend_of(&m.name))
            .collect()
    };
    let growth = if period.kind == Kind::Week {
        None
    } else {
        let users_metric = thresholds.with_role(Role::Users).next();
        let users = users_metric.and_then(|m| metrics.iter().find(|r| r.name == m.name));
        let target = users_metric.and_then(|m| lines(&m.target).first().copied());
        let first_last = match users_metric {
            Some(m) => store.first_and_last(&m.name, this.from, this.to)?,
            None => None,
        };
        let latest = users.and_then(|u| u.latest);
        Some(Growth {
            active_users: latest,
            active_users_target: target,
            target_pct: latest
                .zip(target)
                .filter(|(_, t)| *t > 0.0)
                .map(|(l, t)| (l / t * 1000.0).round() / 10.0),
            growth_rate_pct: first_last.and_then(|(first, last)| change(Some(last), Some(first))),
            engagement: trends(Role::Engagement),
            feature_adoption: trends(Role::Adoption),
        })
    };
    let support = trends(Role::Support);

    let per_week = store.incidents_per_bucket(this.from, this.to, 7 * 86_400)?;
    let weeks = ((this.to - this.from).num_days() + 6) / 7;
    let incidents_per_week = (0..weeks)
        .map(|w| WeekCount {
            week_start: period
                .start
                .checked_add_days(chrono::Days::new(7 * w.max(0) as u64))
                .unwrap_or(period.start)
                .to_string(),
            by_severity: thresholds
                .severities
                .iter()
                .map(|s| {
                    let n = per_week
                        .iter()
                        .find(|(b, sev, _)| *b == w && *sev == s.key)
                        .map_or(0, |(_, _, n)| *n);
                    (s.key.clone(), n)
                })
                .collect(),
        })
        .collect();

    Ok(Report {
        kind: period.kind.as_str(),
        period: period_json(period),
        previous: period_json(&previous),
        generated_at: rfc3339(now),
        zone: config.rotation.zone.name().to_string(),
        incidents,
        previous_incidents,
        incidents_per_week,
        metrics,
        growth,
        support,
        team: team(store, sheet, period, &this)?,
        agenda: agenda(store, period)?,
    })
}

fn incident_stats(
    thresholds: &Thresholds,
    store: &Store,
    span: &Span,
    now: DateTime<Utc>,
    details: bool,
) -> Result<IncidentStats> {
    let counts = store.severity_counts(span.from, span.to, now)?;
    // Every configured severity gets a row, in the configured order, then any others found.
    let mut by_severity: Vec<SeverityRow> = thresholds
        .severities
        .iter()
        .map(|s| {
            let c = counts
                .iter()
                .find(|c| c.severity == s.key)
                .cloned()
                .unwrap_or_default();
            severity_row(&s.key, &s.name, &c)
        })
        .collect();
    for c in counts
        .iter()
        .filter(|c| !thresholds.severities.iter().any(|s| s.key == c.severity))
    {
        by_severity.push(severity_row(&c.severity, "", c));
    }
    let escalations = |kind: EventKind| -> Result<u64> {
        Ok(store
            .event_counts(kind, CountBy::Actor, span.from, span.to)?
            .iter()
            .map(|(_, n)| n)
            .sum())
    };
    let (breaches, breaches_total) = if details {
        store.breaches(span.from, span.to, now, BREACHES_LISTED)?
    } else {
        (Vec::new(), store.breaches(span.from, span.to, now, 0)?.1)
    };
    let (actions_open, actions_overdue) = store.actions_open(span.to, span.end_day)?;
    Ok(IncidentStats {
        opened: counts.iter().map(|c| c.opened).sum(),
        by_severity,
        time_to_acknowledge: store.spread(Reached::Acknowledged, span.from, span.to)?,
        time_to_resolve: store.spread(Reached::Closed, span.from, span.to)?,
        breaches,
        breaches_total,
        escalations_manual: escalations(EventKind::Escalated)?,
        escalations_timeout: escalations(EventKind::TimeoutEscalated)?,
        open_at_end: store.open_at(span.to)?,
        closed_without_review: if details {
            store.closed_without_review(span.from, span.to)?
        } else {
            Vec::new()
        },
        actions_open,
        actions_overdue,
    })
}

fn severity_row(key: &str, name: &str, c: &SeverityCounts) -> SeverityRow {
    SeverityRow {
        severity: key.to_string(),
        name: name.to_string(),
        opened: c.opened,
        ack_sla_pct: pct(c.ack_met, c.ack_judged),
        resolve_sla_pct: pct(c.resolve_met, c.resolve_judged),
    }
}

fn metric_row(
    store: &Store,
    m: &Metric,
    this: &Span,
    before: &Span,
    now: DateTime<Utc>,
) -> Result<MetricRow> {
    let summary = store.metric_summary(&m.name, this.from, this.to)?;
    let stale = if this.from <= now && now < this.to {
        let at = store.latest_value(&m.name)?.map(|s| s.at);
        matches!(freshness(at, m.max_age, now), Freshness::Stale(_))
    } else {
        false
    };
    let previous_mean = store.metric_mean(&m.name, before.from, before.to)?;
    let points = store.metric_trend(&m.name, this.from, this.to, TREND_POINTS)?;
    let trend: Vec<Option<f64>> = points.iter().map(|p| p.map(|p| p.mean)).collect();
    let spark: Vec<f64> = trend.iter().map(|v| v.unwrap_or(f64::NAN)).collect();
    Ok(MetricRow {
        name: m.name.clone(),
        label: m.label.clone(),
        group: m.group.clone(),
        unit: m.unit.clone(),
        samples: summary.samples,
        latest: summary.latest,
        stale,
        mean: summary.mean,
        min: summary.min,
        max: summary.max,
        within_target_pct: pct(summary.ok, summary.samples),
        warning_seconds: summary.warning_seconds,
        critical_seconds: summary.critical_seconds,
        previous_mean,
        change_pct: change(summary.mean, previous_mean),
        sparkline: sparkline(&spark),
        trend,
        trend_min: points.iter().map(|p| p.map(|p| p.min)).collect(),
        trend_max: points.iter().map(|p| p.map(|p| p.max)).collect(),
        status: m.unit == crate::rules::units::STATUS_UNIT,
        target: m.target.as_ref().map(|t| t.show(&m.unit)),
        alert: m.alert.as_ref().map(|t| t.show(&m.unit)),
        target_lines: lines(&m.target),
        alert_lines: lines(&m.alert),
    })
}

fn team(store: &Store, sheet: &Sheet, period: &Period, span: &Span) -> Result<Team> {
    let rotation = &sheet.config.rotation;
    let overrides = store.overrides_between(span.from, span.to)?;
    let shifts = crate::rules::rotation::load(rotation, &overrides, span.from, span.to)
        .into_iter()
        .map(|l| ShiftRow {
            person: l.person,
            shifts: rotation.roles.iter().cloned().zip(l.shifts).collect(),
            hours: (l.hours * 10.0).round() / 10.0,
        })
        .collect();
    let counts = |rows: Vec<(String, u64)>| {
        rows.into_iter()
            .map(|(name, count)| Count { name, count })
            .collect::<Vec<_>>()
    };
    let pages = store.event_counts(EventKind::Paged, CountBy::Value, span.from, span.to)?;
    let acks = store.event_counts(EventKind::Acknowledged, CountBy::Actor, span.from, span.to)?;
    let last_day = period.end.pred_opt().unwrap_or(period.end);
    let checklist = sheet.completion(store, period.start, last_day)?;
    Ok(Team {
        roles: rotation.roles.clone(),
        shifts,
        pages: counts(pages),
        acks: counts(acks),
        checklist_rate: pct(checklist.done as u64, checklist.total as u64).unwrap_or(0.0),
        checklist_days: checklist.days,
        checklist_people: checklist.people,
        checklist_by_evidence: checklist.by_evidence,
        handover_notes: counts(store.handover_counts(span.from, span.to)?),
    })
}
