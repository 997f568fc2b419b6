//! The report's tables and sentences as text, shared by the Markdown and HTML renderings.

use crate::ops::report::{Count, Growth, MetricTrend, Report, Team};
use crate::rules::stats::Spread;
use crate::util::time::rfc3339;

/// `45s`, `7m`, `1h30m`; past a minute, seconds are noise in a review.
pub fn seconds(s: Option<f64>) -> String {
    s.map_or("-".into(), |s| {
        let s = s.round() as i64;
        let s = if s.abs() >= 60 {
            (s as f64 / 60.0).round() as i64 * 60
        } else {
            s
        };
        crate::rules::duration::format(chrono::Duration::seconds(s))
    })
}

/// A value in its unit, to the precision a person reads (`25596`, `61.4`, `1.104`); a dash for
/// nothing.
/// A mean in its unit; for a status metric (ok/failed) the share of checks that were ok
/// (`ok 50%`), never a mean rounded to a state.
pub fn mean(v: Option<f64>, unit: &str) -> String {
    match v {
        Some(share) if unit == crate::rules::units::STATUS_UNIT => {
            format!(
                "ok {}%",
                crate::rules::units::number((share * 1000.0).round() / 10.0)
            )
        }
        _ => value(v, unit),
    }
}

pub fn value(v: Option<f64>, unit: &str) -> String {
    v.map_or("-".into(), |v| {
        let digits = match v.abs() {
            a if a >= 1000.0 => 0,
            a if a >= 10.0 => 1,
            _ => 3,
        };
        let scale = 10f64.powi(digits);
        crate::rules::units::show((v * scale).round() / scale, unit)
    })
}

pub fn percent(v: Option<f64>) -> String {
    v.map_or("-".into(), |v| {
        format!("{}%", crate::rules::units::number(v))
    })
}

pub fn signed(v: Option<f64>) -> String {
    v.map_or("-".into(), |v| {
        format!(
            "{}{}%",
            if v > 0.0 { "+" } else { "" },
            crate::rules::units::number(v)
        )
    })
}

/// `Weekly`, from `weekly`.
pub fn title(r: &Report) -> String {
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
        seconds(s.median),
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

pub fn overview(r: &Report) -> Rows {
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

pub fn sla(r: &Report) -> Rows {
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

pub fn breaches(r: &Report) -> Rows {
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
                    b.limit.as_str().into(),
                    rfc3339(b.due),
                    b.done.map_or_else(|| "not yet".into(), rfc3339),
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

/// Each SLO's objective, the share of a window's budget the period spent, and what was left
/// at its end.
pub fn slo_table(r: &Report) -> Rows {
    let share = |v: Option<f64>| percent(v.map(|v| crate::rules::units::significant(v * 100.0, 3)));
    Rows::new(
        &[
            "SLO",
            "Objective",
            "Budget spent in the period",
            "Budget left at its end",
        ],
        r.slos
            .iter()
            .map(|s| {
                vec![
                    s.name.clone(),
                    format!(
                        "{}% over {}",
                        crate::rules::units::significant(s.objective, 6),
                        s.window
                    ),
                    share(s.spent),
                    share(s.left_at_end),
                ]
            })
            .collect(),
    )
}

pub fn metric_table(r: &Report, with_trend: bool) -> Rows {
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
                if m.stale {
                    format!("{} (stale)", value(m.latest, &m.unit))
                } else {
                    value(m.latest, &m.unit)
                },
                mean(m.mean, &m.unit),
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

pub fn trends(rows: &[MetricTrend]) -> Rows {
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
                    mean(t.mean, &t.unit),
                    mean(t.previous_mean, &t.unit),
                    signed(t.change_pct),
                    t.sparkline.clone(),
                ]
            })
            .collect(),
    )
}

pub fn shifts(t: &Team) -> Rows {
    let mut headers: Vec<&str> = vec!["Person"];
    headers.extend(t.roles.iter().map(String::as_str));
    headers.extend(["Hours", "Overrides", "Days off"]);
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
            row.push(crate::rules::units::number(s.hours));
            row.push(s.overrides.to_string());
            row.push(crate::rules::units::number(s.days_off));
            row
        })
        .collect();
    Rows::new(&headers, rows)
}

pub fn pages(t: &Team) -> Rows {
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
        &["Person", "Paged", "At night (22-07)", "Acknowledged"],
        people
            .iter()
            .map(|p| {
                vec![
                    p.to_string(),
                    count(&t.pages, p),
                    count(&t.pages_at_night, p),
                    count(&t.acks, p),
                ]
            })
            .collect(),
    )
}

pub fn checklist_days(t: &Team) -> Rows {
    Rows::new(
        &["Day", "Done", "Rate"],
        t.checklist_days
            .iter()
            .map(|d| {
                let mut date = d.date.clone();
                if let Some(on) = &d.corrected_on {
                    date.push_str(&format!(" (corrected on {on})"));
                }
                vec![
                    date,
                    format!("{}/{}", d.done, d.total),
                    format!("{}%", crate::rules::units::number(d.rate)),
                ]
            })
            .collect(),
    )
}

/// People's ticks, with what mindops ticked from its records in a row of its own.
pub fn checklist_people(t: &Team) -> Rows {
    let mut rows: Vec<Vec<String>> = t
        .checklist_people
        .iter()
        .map(|p| {
            vec![
                p.person.clone(),
                p.items.to_string(),
                format!("{}%", crate::rules::units::number(p.share)),
            ]
        })
        .collect();
    if t.checklist_by_evidence > 0 {
        rows.push(vec![
            "(by evidence)".into(),
            t.checklist_by_evidence.to_string(),
            "-".into(),
        ]);
    }
    Rows::new(&["Person", "Items", "Share"], rows)
}

pub fn handovers(t: &Team) -> Rows {
    Rows::new(
        &["Author", "Notes"],
        t.handover_notes
            .iter()
            .map(|c| vec![c.name.clone(), c.count.to_string()])
            .collect(),
    )
}

pub fn growth_line(g: &Growth) -> String {
    format!(
        "Active users: {} against a target of {} ({} of target); growth over the period: {}.",
        value(g.active_users, "users"),
        value(g.active_users_target, "users"),
        percent(g.target_pct),
        signed(g.growth_rate_pct)
    )
}

pub fn closed_without_review(r: &Report) -> String {
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

pub fn more_breaches(r: &Report) -> Option<String> {
    let listed = r.incidents.breaches.len() as u64;
    (r.incidents.breaches_total > listed).then(|| {
        format!(
            "… and {} more; the first {listed} are listed.",
            r.incidents.breaches_total - listed
        )
    })
}

pub fn meta(r: &Report) -> String {
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

/// One agenda topic as both renderings show it: its heading, where its figures are, and the
/// team's notes under it.
pub struct AgendaText {
    pub heading: String,
    pub figures: String,
    pub notes: Vec<String>,
}

pub fn agenda(r: &Report) -> Vec<AgendaText> {
    r.agenda
        .iter()
        .map(|item| AgendaText {
            heading: format!("{} ({})", item.title, item.topic),
            figures: format!("Figures: {}.", item.figures),
            notes: item
                .notes
                .iter()
                .map(|n| format!("{} — {}, {}", n.text, n.author, rfc3339(n.at)))
                .collect(),
        })
        .collect()
}

/// `Fairness: the largest share of hours is 1.25 times the smallest (1.00 is even).`
pub fn fairness(t: &Team) -> Option<String> {
    t.fairness.map(|f| {
        format!("Fairness: the largest share of hours on call is {f:.2} times the smallest (1.00 is even).")
    })
}
