//! A review of one period against the one before: the model every format renders, gathered
//! from the store's aggregates so a quarter of a large history is never loaded whole.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::config::{Metric, Role, RotationConfig, Thresholds};
use crate::ops::checklist::{HistoryDay, HistoryPerson, Sheet};
use crate::rules::deadline::{in_time, passed};
use crate::rules::incident::Incident;
use crate::rules::incident::Kind as EventKind;
use crate::rules::metrics::{freshness, sparkline, Freshness};
use crate::rules::period::{Kind, Period};
use crate::rules::stats::Spread;
use crate::rules::threshold::Threshold;
use crate::store::{CountBy, ReviewNote, Store};
use crate::util::pct;
use crate::util::time::{local_to_utc, rfc3339};

/// Breaches listed by name; the count covers them all.
const BREACHES_LISTED: usize = 50;
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
    /// The SLOs over the metrics' checks: what the period spent of their budgets.
    pub slos: Vec<SloRow>,
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

/// Incidents opened in one ISO week of the period, by severity as it stood at the period's end.
#[derive(Debug, Serialize)]
pub struct WeekCount {
    /// `2024-W32`.
    pub week: String,
    /// The week's Monday.
    pub week_start: String,
    /// Part of the week lies outside the period (a month rarely starts on a Monday): its count
    /// covers only the days inside.
    pub partial: bool,
    pub by_severity: BTreeMap<String, u64>,
}

/// Which of an incident's two limits a breach is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Limit {
    Acknowledge,
    Resolve,
}

impl Limit {
    pub fn as_str(self) -> &'static str {
        match self {
            Limit::Acknowledge => "acknowledge",
            Limit::Resolve => "resolve",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breach {
    pub id: i64,
    pub severity: String,
    pub title: String,
    pub limit: Limit,
    #[serde(serialize_with = "crate::util::time::serde_rfc3339")]
    pub due: DateTime<Utc>,
    /// When it happened, or null if it had not by the report's instant.
    #[serde(serialize_with = "crate::util::time::serde_rfc3339_opt")]
    pub done: Option<DateTime<Utc>>,
    /// How late, in seconds (until the report's instant when it had not happened).
    pub late_by: i64,
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
    /// Overrides that gave them a role in the period, and days off they took in it.
    pub overrides: u64,
    pub days_off: f64,
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
    /// The largest share of hours on call over the smallest; 1.0 is even.
    pub fairness: Option<f64>,
    pub pages: Vec<Count>,
    /// Pages between 22:00 and 07:00 in each person's zone.
    pub pages_at_night: Vec<Count>,
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
    // finished week reads the same whenever it is run; the previous period's block is that
    // period's own report, by the same function.
    let (incidents, seen) = incident_stats(thresholds, store, &this, now)?;
    let (previous_incidents, _) = incident_stats(thresholds, store, &before, now)?;

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

    let incidents_per_week = per_week(thresholds, period, &seen, config.rotation.zone);

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
        slos: slo_rows(store, thresholds, config.rotation.zone, &this, now)?,
        growth,
        support,
        team: team(store, sheet, period, &this)?,
        agenda: agenda(store, period)?,
    })
}

/// An SLO in a review: the share of one window's budget the period spent, what was left at
/// its end, and what was left at the end of each day (the burn-down chart).
#[derive(Debug, Serialize)]
pub struct SloRow {
    pub name: String,
    pub objective: f64,
    pub window: String,
    /// 0.69 for 69 % of a window's budget; null without checks in the period.
    pub spent: Option<f64>,
    /// The budget left over the window ending at the period's end.
    pub left_at_end: Option<f64>,
    /// (day, budget left over the window ending that day's end), for each day of the period.
    pub burn_down: Vec<(String, Option<f64>)>,
}

/// Each SLO over a metric's checks, as it stood at the period's end (or now): from one pass
/// over its checks, kept per hour, the period and the window before it. Ratio SLOs count
/// Prometheus's events, which the store does not hold: `slo status` shows those.
fn slo_rows(
    store: &Store,
    thresholds: &Thresholds,
    zone: Tz,
    this: &Span,
    now: DateTime<Utc>,
) -> Result<Vec<SloRow>> {
    use crate::ops::slo::settle;
    use crate::rules::slo::{promql_range, Indicator, Steps};
    let end = this.to.min(now).max(this.from);
    let hour = chrono::Duration::hours(1);
    let mut rows = Vec::new();
    for slo in &thresholds.slos {
        let Indicator::Metric { metric, good } = &slo.indicator else {
            continue;
        };
        let span = end - this.from;
        let n = ((span + slo.window).num_seconds() / 3600 + 1).max(1) as usize;
        let steps = Steps::new(hour, n, store.sli_steps(metric, good, end, hour, n)?);
        let left = |back: usize| {
            slo.spent(steps.window_at(back, slo.window), thresholds.check_interval)
                .map(|spent| 1.0 - spent)
        };
        let whole_step = span.max(chrono::Duration::seconds(1));
        let whole = store.sli_steps(metric, good, end, whole_step, 1)?;
        let mut burn_down = Vec::new();
        let mut day = crate::util::time::local_date(zone, this.from);
        loop {
            let day_end =
                local_to_utc(zone, day.succ_opt().unwrap_or(day).and_time(NaiveTime::MIN));
            if day_end > end {
                break;
            }
            let back = ((end - day_end).num_seconds() / 3600).max(0) as usize;
            burn_down.push((day.to_string(), left(back).map(settle)));
            day = day.succ_opt().unwrap_or(day);
        }
        rows.push(SloRow {
            name: slo.name.clone(),
            objective: slo.objective,
            window: promql_range(slo.window),
            spent: slo
                .spent(
                    Steps::new(whole_step, 1, whole).window_at(0, whole_step),
                    thresholds.check_interval,
                )
                .map(settle),
            left_at_end: left(0).map(settle),
            burn_down,
        });
    }
    Ok(rows)
}

/// A period's incident figures, from each incident as it stood at the period's end (or now):
/// events dated later belong to later periods. Also the incidents opened in the period, as
/// they stood, for the per-week counts.
/// One of an incident's two limits: when it was met (if it was) and when it was due.
type Deadline = fn(&Incident) -> (Option<DateTime<Utc>>, DateTime<Utc>);

fn incident_stats(
    thresholds: &Thresholds,
    store: &Store,
    span: &Span,
    now: DateTime<Utc>,
) -> Result<(IncidentStats, Vec<Incident>)> {
    // Judged at the period's end, or now while it runs: the events counted are those before
    // the end (at its last second), deadlines are passed when due by the end.
    let at = now.min(span.to);
    let last_event = now.min(span.to - chrono::Duration::seconds(1));
    let seen: Vec<Incident> = store
        .histories(span.from, span.to)?
        .iter()
        .filter_map(|(inc, history)| {
            crate::rules::incident::as_of(inc, history, last_event, &thresholds.severities)
        })
        .collect();
    let opened: Vec<Incident> = seen
        .iter()
        .filter(|i| span.from <= i.opened_at && i.opened_at < span.to)
        .cloned()
        .collect();

    // Every configured severity gets a row, in the configured order, then any others found.
    let mut keys: Vec<(String, String)> = thresholds
        .severities
        .iter()
        .map(|s| (s.key.clone(), s.name.clone()))
        .collect();
    for i in &opened {
        if !keys.iter().any(|(k, _)| *k == i.severity) {
            keys.push((i.severity.clone(), String::new()));
        }
    }
    // An acknowledgement or resolution is judged once it happened or its due time passed.
    let judged = |done: Option<DateTime<Utc>>, due| done.is_some() || passed(due, at);
    let met = |done: Option<DateTime<Utc>>, due| done.is_some_and(|d| in_time(d, due));
    let by_severity = keys
        .into_iter()
        .map(|(key, name)| {
            let of: Vec<&Incident> = opened.iter().filter(|i| i.severity == key).collect();
            let share = |limit: Deadline| {
                let judged_ = of.iter().filter(|i| judged(limit(i).0, limit(i).1));
                let met_ = of.iter().filter(|i| met(limit(i).0, limit(i).1));
                pct(met_.count() as u64, judged_.count() as u64)
            };
            SeverityRow {
                opened: of.len() as u64,
                ack_sla_pct: share(|i| (i.acked_at, i.ack_due)),
                resolve_sla_pct: share(|i| (i.closed_at, i.resolve_due)),
                severity: key,
                name,
            }
        })
        .collect();
    let mut breaches: Vec<Breach> = opened
        .iter()
        .flat_map(|i| {
            [
                (Limit::Acknowledge, i.acked_at, i.ack_due),
                (Limit::Resolve, i.closed_at, i.resolve_due),
            ]
            .into_iter()
            .filter(|(_, done, due)| judged(*done, *due) && !met(*done, *due))
            .map(|(limit, done, due)| Breach {
                id: i.id,
                severity: i.severity.clone(),
                title: i.title.clone(),
                limit,
                due,
                done,
                late_by: (done.unwrap_or(at) - due).num_seconds(),
            })
        })
        .collect();
    breaches.sort_by(|a, b| a.due.cmp(&b.due).then(a.id.cmp(&b.id)));
    let breaches_total = breaches.len() as u64;
    breaches.truncate(BREACHES_LISTED);
    let seconds = |to: fn(&Incident) -> Option<DateTime<Utc>>| -> Vec<i64> {
        opened
            .iter()
            .filter_map(|i| Some((to(i)? - i.opened_at).num_seconds()))
            .collect()
    };
    let escalations = |kind: EventKind| -> Result<u64> {
        Ok(store
            .event_counts(kind, CountBy::Actor, span.from, span.to)?
            .iter()
            .map(|(_, n)| n)
            .sum())
    };
    let (actions_open, actions_overdue) = store.actions_open(span.to, span.end_day)?;
    let stats = IncidentStats {
        opened: opened.len() as u64,
        by_severity,
        time_to_acknowledge: Spread::of(seconds(|i| i.acked_at)),
        time_to_resolve: Spread::of(seconds(|i| i.closed_at)),
        breaches,
        breaches_total,
        escalations_manual: escalations(EventKind::Escalated)?,
        escalations_timeout: escalations(EventKind::TimeoutEscalated)?,
        open_at_end: seen.iter().filter(|i| i.closed_at.is_none()).count() as u64,
        closed_without_review: seen
            .iter()
            .filter(|i| {
                i.closed_at.is_some_and(|c| span.from <= c && c < span.to) && i.phase != "review"
            })
            .map(|i| i.id)
            .collect(),
        actions_open,
        actions_overdue,
    };
    Ok((stats, opened))
}

/// Incidents opened in each ISO week that the period touches, by severity; a week reaching
/// past either end of the period is marked partial.
fn per_week(
    thresholds: &Thresholds,
    period: &Period,
    opened: &[Incident],
    zone: chrono_tz::Tz,
) -> Vec<WeekCount> {
    use chrono::Datelike;
    let last = period.end.pred_opt().unwrap_or(period.end);
    let mut monday =
        period.start - chrono::Days::new(u64::from(period.start.weekday().num_days_from_monday()));
    let mut weeks = Vec::new();
    while monday <= last {
        let next = monday + chrono::Days::new(7);
        let week = monday.iso_week();
        let by_severity = thresholds
            .severities
            .iter()
            .map(|s| {
                let n = opened
                    .iter()
                    .filter(|i| i.severity == s.key)
                    .filter(|i| {
                        let day = i.opened_at.with_timezone(&zone).date_naive();
                        monday <= day && day < next
                    })
                    .count() as u64;
                (s.key.clone(), n)
            })
            .collect();
        weeks.push(WeekCount {
            week: format!("{}-W{:02}", week.year(), week.week()),
            week_start: monday.to_string(),
            partial: monday < period.start || next > period.end,
            by_severity,
        });
        monday = next;
    }
    weeks
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
        target: m.target_text.clone(),
        alert: m.alert_text.clone(),
        target_lines: lines(&m.target),
        alert_lines: lines(&m.alert),
    })
}

fn team(store: &Store, sheet: &Sheet, period: &Period, span: &Span) -> Result<Team> {
    let rotation = &sheet.config.rotation;
    let overrides = store.overrides_between(span.from, span.to)?;
    let acks = store.event_counts(EventKind::Acknowledged, CountBy::Actor, span.from, span.to)?;
    // Hours, overrides, days off and the pages between 22:00 and 07:00 on each person's
    // clock: the figure teams burn out on. `oncall load` shows the same.
    let loads = crate::rules::rotation::load(rotation, &overrides, span.from, span.to);
    let health = crate::rules::load::health(
        rotation,
        &loads,
        &overrides,
        &store.pages_between(span.from, span.to)?,
        &acks,
        span.from,
        span.to,
    );
    let shifts = loads
        .into_iter()
        .map(|l| {
            let h = health.iter().find(|h| h.person == l.person);
            ShiftRow {
                shifts: rotation.roles.iter().cloned().zip(l.shifts).collect(),
                hours: (l.hours * 10.0).round() / 10.0,
                overrides: h.map_or(0, |h| h.overrides_taken),
                days_off: h.map_or(0.0, |h| (h.days_off * 10.0).round() / 10.0),
                person: l.person,
            }
        })
        .collect();
    let counts = |rows: Vec<(String, u64)>| {
        rows.into_iter()
            .map(|(name, count)| Count { name, count })
            .collect::<Vec<_>>()
    };
    let pages = store.event_counts(EventKind::Paged, CountBy::Value, span.from, span.to)?;
    let at_night = health
        .iter()
        .filter(|h| h.pages_at_night > 0)
        .map(|h| (h.person.clone(), h.pages_at_night))
        .collect();
    let fairness = crate::rules::load::fairness(&health).map(|f| (f * 100.0).round() / 100.0);
    let last_day = period.end.pred_opt().unwrap_or(period.end);
    let checklist = sheet.completion(store, period.start, last_day)?;
    Ok(Team {
        roles: rotation.roles.clone(),
        shifts,
        fairness,
        pages: counts(pages),
        pages_at_night: counts(at_night),
        acks: counts(acks),
        checklist_rate: pct(checklist.done as u64, checklist.total as u64).unwrap_or(0.0),
        checklist_days: checklist.days,
        checklist_people: checklist.people,
        checklist_by_evidence: checklist.by_evidence,
        handover_notes: counts(store.handover_counts(span.from, span.to)?),
    })
}
