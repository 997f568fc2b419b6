//! `mindops report weekly|monthly|quarterly`: a review of one period against the one before,
//! gathered from the store's aggregates and rendered as Markdown, JSON or HTML.

mod html;
mod markdown;

use std::collections::BTreeMap;

use anyhow::{Context as _, Result};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::Serialize;

use crate::cli::{ReportArgs, ReportFormat, ReportKind};
use crate::config::{Metric, RotationConfig, Thresholds};
use crate::metrics::sparkline;
use crate::period::{Kind, Period};
use crate::store::{Breach, SeverityCounts, Spread, Store};
use crate::threshold::Threshold;
use crate::time::{local_date, local_to_utc, rfc3339};
use crate::{exit, Context};

/// Breaches listed by name; the count covers them all.
const BREACHES_LISTED: u32 = 50;
/// Points in each metric's trend.
const TREND_POINTS: i64 = 24;

pub fn run(ctx: &Context, kind: ReportKind) -> Result<u8> {
    let (kind, args) = match kind {
        ReportKind::Weekly(a) => (Kind::Week, a),
        ReportKind::Monthly(a) => (Kind::Month, a),
        ReportKind::Quarterly(a) => (Kind::Quarter, a),
    };
    let (config, thresholds) = ctx.config()?;
    let period = match &args.period {
        Some(text) => Period::parse(kind, text).map_err(anyhow::Error::msg)?,
        None => Period::last_complete(kind, local_date(config.rotation.zone, ctx.clock.now())),
    };
    let store = ctx.existing_store()?;
    let report = gather(ctx, &config, &thresholds, store.as_ref(), &period)?;
    let text = match args.format {
        ReportFormat::Markdown => markdown::render(&report),
        ReportFormat::Json => serde_json::to_string_pretty(&report)? + "\n",
        ReportFormat::Html => html::render(&report),
    };
    write(&args, &text)?;
    Ok(exit::SUCCESS)
}

fn write(args: &ReportArgs, text: &str) -> Result<()> {
    match &args.out {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
        }
        None => {
            let mut out = crate::output::Out::stdout();
            out.raw(text)?;
            out.flush()?;
            Ok(())
        }
    }
}

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
    pub checklist_days: Vec<super::checklist::HistoryDay>,
    pub checklist_people: Vec<super::checklist::HistoryPerson>,
    pub handover_notes: Vec<Count>,
}

fn pct(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
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
        end: (p.end - chrono::Duration::days(1)).to_string(),
    }
}

pub fn gather(
    ctx: &Context,
    config: &RotationConfig,
    thresholds: &Thresholds,
    store: Option<&Store>,
    period: &Period,
) -> Result<Report> {
    let now = ctx.clock.now();
    let previous = period.previous();
    let (this, before) = (span(config, period), span(config, &previous));
    let incidents = incident_stats(thresholds, store, &this, now, true)?;
    let previous_incidents = incident_stats(thresholds, store, &before, now, false)?;

    let mut metrics = Vec::new();
    for m in &thresholds.metrics {
        metrics.push(metric_row(store, m, &this, &before)?);
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
    let growth = if period.kind == Kind::Week {
        None
    } else {
        let users = metrics.iter().find(|r| r.name == "active_users");
        let target = thresholds
            .metrics
            .iter()
            .find(|m| m.name == "active_users")
            .and_then(|m| lines(&m.target).first().copied());
        let first_last = match store {
            Some(s) => s.first_and_last("active_users", this.from, this.to)?,
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
            engagement: ["sessions_per_day", "avg_session_duration", "retention"]
                .iter()
                .filter_map(|n| trend_of(n))
                .collect(),
            feature_adoption: [
                "feature_usage_core",
                "feature_usage_advanced",
                "feature_usage_new",
            ]
            .iter()
            .filter_map(|n| trend_of(n))
            .collect(),
        })
    };
    let support = ["support_tickets", "ticket_resolution_time"]
        .iter()
        .filter_map(|n| trend_of(n))
        .collect();

    let per_week = match store {
        Some(s) => s.incidents_per_bucket(this.from, this.to, 7 * 86_400)?,
        None => Vec::new(),
    };
    let weeks = ((this.to - this.from).num_days() + 6) / 7;
    let incidents_per_week = (0..weeks)
        .map(|w| WeekCount {
            week_start: (period.start + chrono::Duration::weeks(w)).to_string(),
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
        team: team(ctx, config, store, period, &this)?,
    })
}

fn incident_stats(
    thresholds: &Thresholds,
    store: Option<&Store>,
    span: &Span,
    now: DateTime<Utc>,
    details: bool,
) -> Result<IncidentStats> {
    let Some(store) = store else {
        return Ok(IncidentStats {
            opened: 0,
            by_severity: Vec::new(),
            time_to_acknowledge: Spread::default(),
            time_to_resolve: Spread::default(),
            breaches: Vec::new(),
            breaches_total: 0,
            escalations_manual: 0,
            escalations_timeout: 0,
            open_at_end: 0,
            closed_without_review: Vec::new(),
            actions_open: 0,
            actions_overdue: 0,
        });
    };
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
    let escalations = |kind: &str| -> Result<u64> {
        Ok(store
            .event_counts(kind, "actor", span.from, span.to)?
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
        time_to_acknowledge: store.spread("acked_at", span.from, span.to)?,
        time_to_resolve: store.spread("closed_at", span.from, span.to)?,
        breaches,
        breaches_total,
        escalations_manual: escalations("escalated")?,
        escalations_timeout: escalations("timeout_escalated")?,
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

fn metric_row(store: Option<&Store>, m: &Metric, this: &Span, before: &Span) -> Result<MetricRow> {
    let (summary, previous_mean, trend) = match store {
        Some(s) => (
            s.metric_summary(&m.name, this.from, this.to)?,
            s.metric_mean(&m.name, before.from, before.to)?,
            s.metric_trend(&m.name, this.from, this.to, TREND_POINTS)?,
        ),
        None => Default::default(),
    };
    let spark: Vec<f64> = trend.iter().map(|v| v.unwrap_or(f64::NAN)).collect();
    Ok(MetricRow {
        name: m.name.clone(),
        label: m.label.clone(),
        group: m.group.clone(),
        unit: m.unit.clone(),
        samples: summary.samples,
        latest: summary.latest,
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
        target: m.target.as_ref().map(|t| t.show(&m.unit)),
        alert: m.alert.as_ref().map(|t| t.show(&m.unit)),
        target_lines: lines(&m.target),
        alert_lines: lines(&m.alert),
    })
}

fn team(
    ctx: &Context,
    config: &RotationConfig,
    store: Option<&Store>,
    period: &Period,
    span: &Span,
) -> Result<Team> {
    let rotation = &config.rotation;
    let overrides = match store {
        Some(s) => s.overrides_between(span.from, span.to)?,
        None => Vec::new(),
    };
    let shifts = crate::rotation::load(rotation, &overrides, span.from, span.to)
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
    let (pages, acks, handover_notes) = match store {
        Some(s) => (
            counts(s.event_counts("paged", "new_value", span.from, span.to)?),
            counts(s.event_counts("acknowledged", "actor", span.from, span.to)?),
            counts(s.handover_counts(span.from, span.to)?),
        ),
        None => (Vec::new(), Vec::new(), Vec::new()),
    };
    let last_day = period.end - chrono::Duration::days(1);
    let checklist = super::checklist::completion(ctx, config, store, period.start, last_day)?;
    Ok(Team {
        roles: rotation.roles.clone(),
        shifts,
        pages,
        acks,
        checklist_rate: super::checklist::rate(checklist.done, checklist.total),
        checklist_days: checklist.days,
        checklist_people: checklist.people,
        handover_notes,
    })
}

/// `45s`, `7m`, `1h30m`; past a minute, seconds are noise in a review.
pub(crate) fn seconds(s: Option<f64>) -> String {
    s.map_or("-".into(), |s| {
        let s = s.round() as i64;
        let s = if s.abs() >= 60 {
            (s as f64 / 60.0).round() as i64 * 60
        } else {
            s
        };
        crate::duration::format(chrono::Duration::seconds(s))
    })
}

/// A value in its unit, to the precision a person reads (`25596`, `61.4`, `1.104`); a dash for
/// nothing.
pub(crate) fn value(v: Option<f64>, unit: &str) -> String {
    v.map_or("-".into(), |v| {
        let digits = match v.abs() {
            a if a >= 1000.0 => 0,
            a if a >= 10.0 => 1,
            _ => 3,
        };
        let scale = 10f64.powi(digits);
        crate::units::show((v * scale).round() / scale, unit)
    })
}

pub(crate) fn percent(v: Option<f64>) -> String {
    v.map_or("-".into(), |v| format!("{}%", crate::units::number(v)))
}

pub(crate) fn signed(v: Option<f64>) -> String {
    v.map_or("-".into(), |v| {
        format!(
            "{}{}%",
            if v > 0.0 { "+" } else { "" },
            crate::units::number(v)
        )
    })
}

/// `Weekly`, from `weekly`.
pub(crate) fn title(r: &Report) -> String {
    let mut c = r.kind.chars();
    let kind = c
        .next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default();
    format!("{kind} review {}", r.period.label)
}

fn spread_text(s: &Spread) -> String {
    format!(
        "{} / {} / {}",
        seconds(s.mean),
        seconds(s.median.map(|v| v as f64)),
        seconds(s.p90.map(|v| v as f64))
    )
}

/// One table's headers and rows, rendered the same way by Markdown and HTML.
pub(crate) struct Rows {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Rows {
    fn new(headers: &[&str], rows: Vec<Vec<String>>) -> Self {
        Rows {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows,
        }
    }
}

pub(crate) fn overview(r: &Report) -> Rows {
    let (i, p) = (&r.incidents, &r.previous_incidents);
    Rows::new(
        &["", "This period", &r.previous.label],
        vec![
            vec!["Opened".into(), i.opened.to_string(), p.opened.to_string()],
            vec![
                "Time to acknowledge (mean / median / p90)".into(),
                spread_text(&i.time_to_acknowledge),
                spread_text(&p.time_to_acknowledge),
            ],
            vec![
                "Time to resolve (mean / median / p90)".into(),
                spread_text(&i.time_to_resolve),
                spread_text(&p.time_to_resolve),
            ],
            vec![
                "SLA breaches".into(),
                i.breaches_total.to_string(),
                p.breaches_total.to_string(),
            ],
            vec![
                "Escalations (manual / by timeout)".into(),
                format!("{} / {}", i.escalations_manual, i.escalations_timeout),
                format!("{} / {}", p.escalations_manual, p.escalations_timeout),
            ],
            vec![
                "Still open at period end".into(),
                i.open_at_end.to_string(),
                p.open_at_end.to_string(),
            ],
            vec![
                "Follow-up actions open (overdue)".into(),
                format!("{} ({})", i.actions_open, i.actions_overdue),
                format!("{} ({})", p.actions_open, p.actions_overdue),
            ],
        ],
    )
}

pub(crate) fn sla(r: &Report) -> Rows {
    Rows::new(
        &[
            "Severity",
            "Opened",
            "Acknowledged in time",
            "Resolved in time",
        ],
        r.incidents
            .by_severity
            .iter()
            .map(|s| {
                vec![
                    format!("{} {}", s.severity, s.name).trim().to_string(),
                    s.opened.to_string(),
                    percent(s.ack_sla_pct),
                    percent(s.resolve_sla_pct),
                ]
            })
            .collect(),
    )
}

pub(crate) fn breaches(r: &Report) -> Rows {
    Rows::new(
        &[
            "Incident", "Severity", "Title", "Limit", "Due", "Done", "Late by",
        ],
        r.incidents
            .breaches
            .iter()
            .map(|b| {
                vec![
                    format!("#{}", b.id),
                    b.severity.clone(),
                    b.title.clone(),
                    b.limit.into(),
                    b.due.clone(),
                    b.done.clone().unwrap_or_else(|| "not yet".into()),
                    seconds(Some(b.late_by as f64)),
                ]
            })
            .collect(),
    )
}

fn duration_or_dash(s: i64) -> String {
    if s == 0 {
        "-".into()
    } else {
        seconds(Some(s as f64))
    }
}

pub(crate) fn metric_table(r: &Report, with_trend: bool) -> Rows {
    let mut headers = vec![
        "Metric",
        "Samples",
        "Latest",
        "Mean",
        "Min",
        "Max",
        "Within target",
        "WARNING",
        "CRITICAL",
        "Change",
    ];
    if with_trend {
        headers.push("Trend");
    }
    let rows = r
        .metrics
        .iter()
        .map(|m| {
            let mut row = vec![
                m.label.clone(),
                m.samples.to_string(),
                value(m.latest, &m.unit),
                value(m.mean, &m.unit),
                value(m.min, &m.unit),
                value(m.max, &m.unit),
                percent(m.within_target_pct),
                duration_or_dash(m.warning_seconds),
                duration_or_dash(m.critical_seconds),
                signed(m.change_pct),
            ];
            if with_trend {
                row.push(m.sparkline.clone());
            }
            row
        })
        .collect();
    Rows::new(&headers, rows)
}

pub(crate) fn trends(rows: &[MetricTrend]) -> Rows {
    Rows::new(
        &[
            "Metric",
            "Latest",
            "Mean",
            "Previous mean",
            "Change",
            "Trend",
        ],
        rows.iter()
            .map(|t| {
                vec![
                    t.label.clone(),
                    value(t.latest, &t.unit),
                    value(t.mean, &t.unit),
                    value(t.previous_mean, &t.unit),
                    signed(t.change_pct),
                    t.sparkline.clone(),
                ]
            })
            .collect(),
    )
}

pub(crate) fn shifts(t: &Team) -> Rows {
    let mut headers: Vec<&str> = vec!["Person"];
    headers.extend(t.roles.iter().map(String::as_str));
    headers.push("Hours");
    let rows = t
        .shifts
        .iter()
        .map(|s| {
            let mut row = vec![s.person.clone()];
            row.extend(
                t.roles
                    .iter()
                    .map(|r| s.shifts.get(r).copied().unwrap_or(0).to_string()),
            );
            row.push(crate::units::number(s.hours));
            row
        })
        .collect();
    Rows::new(&headers, rows)
}

pub(crate) fn pages(t: &Team) -> Rows {
    let mut people: Vec<&str> = t
        .pages
        .iter()
        .chain(&t.acks)
        .map(|c| c.name.as_str())
        .collect();
    people.sort();
    people.dedup();
    let count = |list: &[Count], p: &str| {
        list.iter()
            .find(|c| c.name == p)
            .map_or(0, |c| c.count)
            .to_string()
    };
    Rows::new(
        &["Person", "Paged", "Acknowledged"],
        people
            .iter()
            .map(|p| vec![p.to_string(), count(&t.pages, p), count(&t.acks, p)])
            .collect(),
    )
}

pub(crate) fn checklist_days(t: &Team) -> Rows {
    Rows::new(
        &["Day", "Done", "Rate"],
        t.checklist_days
            .iter()
            .map(|d| {
                vec![
                    d.date.clone(),
                    format!("{}/{}", d.done, d.total),
                    format!("{}%", crate::units::number(d.rate)),
                ]
            })
            .collect(),
    )
}

pub(crate) fn checklist_people(t: &Team) -> Rows {
    Rows::new(
        &["Person", "Items", "Share"],
        t.checklist_people
            .iter()
            .map(|p| {
                vec![
                    p.person.clone(),
                    p.items.to_string(),
                    format!("{}%", crate::units::number(p.share)),
                ]
            })
            .collect(),
    )
}

pub(crate) fn handovers(t: &Team) -> Rows {
    Rows::new(
        &["Author", "Notes"],
        t.handover_notes
            .iter()
            .map(|c| vec![c.name.clone(), c.count.to_string()])
            .collect(),
    )
}

pub(crate) fn growth_line(g: &Growth) -> String {
    format!(
        "Active users: {} against a target of {} ({} of target); growth over the period: {}.",
        value(g.active_users, "users"),
        value(g.active_users_target, "users"),
        percent(g.target_pct),
        signed(g.growth_rate_pct)
    )
}

pub(crate) fn closed_without_review(r: &Report) -> String {
    let ids: Vec<String> = r
        .incidents
        .closed_without_review
        .iter()
        .map(|id| format!("#{id}"))
        .collect();
    format!(
        "Closed without a review: {}.",
        if ids.is_empty() {
            "none".into()
        } else {
            ids.join(", ")
        }
    )
}

pub(crate) fn more_breaches(r: &Report) -> Option<String> {
    let listed = r.incidents.breaches.len() as u64;
    (r.incidents.breaches_total > listed).then(|| {
        format!(
            "… and {} more; the first {listed} are listed.",
            r.incidents.breaches_total - listed
        )
    })
}

pub(crate) fn meta(r: &Report) -> String {
    format!(
        "{} to {}, compared with {} ({} to {}). Generated {} · times in {}.",
        r.period.start,
        r.period.end,
        r.previous.label,
        r.previous.start,
        r.previous.end,
        r.generated_at,
        r.zone
    )
}
