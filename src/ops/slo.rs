//! SLOs judged at an instant: each window's events (a metric's recorded checks from the store,
//! or a ratio's counts from Prometheus), the budget left, the alerts that fire; and the
//! incidents a firing alert opens and its end resolves. `slo status`, `metrics check`,
//! `status` and `serve` share it.

pub mod export;

use anyhow::Result;
use chrono::{DateTime, Duration, Utc};

use crate::config::Thresholds;
use crate::ops::incidents::{open_incident, Desk};
use crate::ops::metrics::{resolve_by_key, IncidentAction};
use crate::rules::metrics::State;
use crate::rules::slo::{self, Budget, Counts, Good, Indicator, Judgement, Level, Slo, Steps};
use crate::rules::slo::{promql_range, BudgetUnit};
use crate::rules::units;
use crate::sources::prometheus_api::Server;
use crate::store::Store;
use serde::Serialize;

/// One window's events and how fast they burn the budget.
#[derive(Debug, Clone, Copy)]
pub struct Burn {
    pub window: Duration,
    pub counts: Counts,
    pub rate: Option<f64>,
}

/// An SLO as it stands at an instant.
#[derive(Debug, Clone)]
pub struct Judged<'a> {
    pub slo: &'a Slo,
    /// Every window the SLO and its alerts read, shortest first.
    pub burns: Vec<Burn>,
    pub budget: Option<Budget>,
    pub judgement: Judgement,
    /// Why the SLO could not be judged (Prometheus unreachable): it is then UNKNOWN.
    pub error: Option<String>,
}

impl Judged<'_> {
    /// The SLO as a metrics check counts it: a page is CRITICAL, a ticket WARNING.
    pub fn state(&self) -> State {
        match (&self.error, self.judgement.level) {
            (Some(_), _) => State::Unknown,
            (None, Level::Page) => State::Critical,
            (None, Level::Ticket) => State::Warning,
            (None, Level::Ok) => State::Ok,
        }
    }

    /// `budget 38% left`, as the Nagios line and `status` say it.
    pub fn left(&self) -> String {
        match (&self.error, self.budget.and_then(|b| b.consumed)) {
            (Some(_), _) => "budget unknown".into(),
            (None, None) => "no events yet".into(),
            (None, Some(spent)) => format!("budget {} left", percent(1.0 - spent)),
        }
    }
}

/// A share as a person reads it: `38%`, `-12%`, `99.5%`.
pub fn percent(share: f64) -> String {
    let p = share * 100.0;
    if (p - p.round()).abs() < 0.05 || p.abs() >= 10.0 {
        format!("{:.0}%", p)
    } else {
        format!("{:.1}%", p)
    }
}

/// Every SLO of the config at `now`. Prometheus is asked only when a ratio SLO needs it.
pub fn judge_all<'a>(
    store: &Store,
    thresholds: &'a Thresholds,
    now: DateTime<Utc>,
) -> Result<Vec<Judged<'a>>> {
    let mut server: Option<Result<Server, String>> = None;
    thresholds
        .slos
        .iter()
        .map(|slo| match &slo.indicator {
            Indicator::Metric { metric, good } => {
                judge_metric(store, slo, (metric, good), thresholds.check_interval, now)
            }
            Indicator::Ratio { errors, total } => {
                let server = server.get_or_insert_with(|| Server::new(&thresholds.prometheus));
                Ok(judge_ratio(server.as_ref(), slo, errors, total, now))
            }
        })
        .collect()
}

/// Each window of the SLO counted in one pass over its metric's checks.
fn judge_metric<'a>(
    store: &Store,
    slo: &'a Slo,
    (metric, good): (&str, &Good),
    interval: Duration,
    now: DateTime<Utc>,
) -> Result<Judged<'a>> {
    let windows = slo.windows();
    let counts = store.sli_windows(metric, good, now, &windows)?;
    let counted: Vec<(Duration, Counts)> = windows.into_iter().zip(counts).collect();
    Ok(judged(slo, &counted, interval))
}

/// The SLO's checks per step back from `end`, far enough back for every window `before` it.
pub fn metric_steps(
    store: &Store,
    slo: &Slo,
    metric: &str,
    good: &Good,
    end: DateTime<Utc>,
    before: Duration,
) -> Result<Steps> {
    let windows = slo.windows();
    let step = slo::step(&windows);
    let longest = windows.last().copied().unwrap_or(slo.window) + before;
    let n = (longest.num_seconds() / step.num_seconds()).max(1) as usize;
    let groups = store.sli_steps(metric, good, end, step, n)?;
    Ok(Steps::new(step, n, groups))
}

/// Each window's errors and total asked of Prometheus at `now`.
fn judge_ratio<'a>(
    server: Result<&Server, &String>,
    slo: &'a Slo,
    errors: &str,
    total: &str,
    now: DateTime<Utc>,
) -> Judged<'a> {
    let asked: Result<Vec<(Duration, Counts)>, String> =
        server.map_err(Clone::clone).and_then(|server| {
            slo.windows()
                .into_iter()
                .map(|w| {
                    let bad = server.count(&slo::with_window(errors, w), now)?;
                    let all = server.count(&slo::with_window(total, w), now)?;
                    Ok((
                        w,
                        Counts {
                            good: (all - bad).max(0.0),
                            bad: bad.max(0.0),
                        },
                    ))
                })
                .collect()
        });
    match asked {
        Ok(counted) => judged(slo, &counted, Duration::zero()),
        Err(why) => Judged {
            slo,
            burns: Vec::new(),
            budget: None,
            judgement: Judgement {
                level: Level::Ok,
                page: Vec::new(),
                ticket: Vec::new(),
            },
            error: Some(why),
        },
    }
}

/// The SLO judged from each of its windows' counts (a window not counted had no events).
fn judged<'a>(slo: &'a Slo, counted: &[(Duration, Counts)], interval: Duration) -> Judged<'a> {
    let counts = |w: Duration| {
        counted
            .iter()
            .find(|(at, _)| *at == w)
            .map_or_else(Counts::default, |(_, c)| *c)
    };
    let burns = counted
        .iter()
        .map(|&(window, c)| Burn {
            window,
            counts: c,
            rate: slo.burn_rate(c),
        })
        .collect();
    Judged {
        slo,
        burns,
        budget: Some(slo.budget(counts(slo.window), interval)),
        judgement: slo.judge(&counts),
        error: None,
    }
}

/// An incident per firing alert level (its dedup key names the SLO and the level), and when
/// the level's rules stop firing, its incident resolved, as `auto_resolve` does. A ticket does
/// not open while the page fires: the page says more.
pub fn incidents_for(
    desk: &mut Desk,
    thresholds: &Thresholds,
    judged: &[Judged],
) -> Result<Vec<IncidentAction>> {
    let by = crate::rules::incident::SYSTEM_ACTOR;
    let mut actions = Vec::new();
    for j in judged.iter().filter(|j| j.error.is_none()) {
        let slo = j.slo;
        for (level, alert, fired) in [
            (Level::Page, &slo.page, &j.judgement.page),
            (Level::Ticket, &slo.ticket, &j.judgement.ticket),
        ] {
            let key = format!("slo:{}:{}", slo.name, level.as_str());
            let name = format!("slo:{}", slo.name);
            if fired.is_empty() {
                let text = format!(
                    "SLO {} no longer burns its budget fast enough to {}",
                    slo.name,
                    level.as_str()
                );
                if let Some(id) = resolve_by_key(desk, &key, &text, true)? {
                    actions.push(IncidentAction {
                        metric: name,
                        incident: id,
                        action: "closed",
                    });
                }
                continue;
            }
            if j.judgement.level != level && desk.store.unclosed_incident_with_key(&key)?.is_none()
            {
                continue;
            }
            let Some(severity) = thresholds
                .severities
                .iter()
                .find(|s| s.key == alert.severity)
            else {
                continue;
            };
            let title = format!("SLO {} {}: {}", slo.name, level.as_str(), why(j, fired));
            let outcome = open_incident(
                desk,
                severity,
                &title,
                slo.description.as_deref(),
                Some(&key),
                by,
            )?;
            actions.push(IncidentAction::opened(name, outcome));
        }
    }
    Ok(actions)
}

/// `burning 16.7× over 1h and 200× over 5m (above 14.4×); budget 61% left`.
pub fn why(j: &Judged, fired: &[slo::BurnRule]) -> String {
    let rate = |w: Duration| {
        j.burns
            .iter()
            .find(|b| b.window == w)
            .and_then(|b| b.rate)
            .map_or_else(|| "-".to_string(), rate_text)
    };
    let rules: Vec<String> = fired
        .iter()
        .map(|r| {
            format!(
                "{} over {} and {} over {} (above {})",
                rate(r.long),
                slo::promql_range(r.long),
                rate(r.short),
                slo::promql_range(r.short),
                rate_text(r.factor)
            )
        })
        .collect();
    format!("burning {}; {}", rules.join(", "), j.left())
}

/// A burn rate to three significant digits: `16.7×`, `0.231×`, `1000×`.
pub fn rate_text(rate: f64) -> String {
    format!("{}×", crate::rules::units::significant(rate, 3))
}

#[derive(Serialize)]
pub struct SloJson<'a> {
    name: &'a str,
    objective: f64,
    window: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    from_metric: Option<&'a str>,
    /// `page`, `ticket` or `OK`; `UNKNOWN` when it could not be judged.
    state: &'static str,
    budget: Option<BudgetJson>,
    windows: Vec<WindowJson>,
    firing: Vec<FiringJson>,
    error: Option<&'a str>,
}

#[derive(Serialize)]
pub struct BudgetJson {
    unit: BudgetUnit,
    total: f64,
    remaining: f64,
    /// The share of the budget spent, 0.69 for 69 %; null without events.
    consumed: Option<f64>,
}

#[derive(Serialize)]
pub struct WindowJson {
    window: String,
    seconds: i64,
    good: f64,
    bad: f64,
    error_ratio: Option<f64>,
    burn_rate: Option<f64>,
}

#[derive(Serialize)]
pub struct FiringJson {
    level: &'static str,
    long: String,
    short: String,
    burn: f64,
}

/// Figures settled to 12 significant digits, as every mean the store gives: the same history
/// reads the same on any machine.
pub fn settle(v: f64) -> f64 {
    units::significant(v, 12)
}

pub fn json<'a>(j: &'a Judged<'a>) -> SloJson<'a> {
    let slo = j.slo;
    let firing = [("page", &j.judgement.page), ("ticket", &j.judgement.ticket)]
        .into_iter()
        .flat_map(|(level, rules)| {
            rules.iter().map(move |r| FiringJson {
                level,
                long: promql_range(r.long),
                short: promql_range(r.short),
                burn: r.factor,
            })
        })
        .collect();
    SloJson {
        name: &slo.name,
        objective: slo.objective,
        window: promql_range(slo.window),
        from_metric: match &slo.indicator {
            Indicator::Metric { metric, .. } => Some(metric),
            Indicator::Ratio { .. } => None,
        },
        state: if j.error.is_some() {
            "UNKNOWN"
        } else {
            j.judgement.level.as_str()
        },
        budget: j.budget.filter(|_| j.error.is_none()).map(|b| BudgetJson {
            unit: b.unit,
            total: settle(b.total),
            remaining: settle(b.remaining),
            consumed: b.consumed.map(settle),
        }),
        windows: j
            .burns
            .iter()
            .map(|b| WindowJson {
                window: promql_range(b.window),
                seconds: b.window.num_seconds(),
                good: b.counts.good,
                bad: b.counts.bad,
                error_ratio: b.counts.error_ratio().map(settle),
                burn_rate: b.rate.map(settle),
            })
            .collect(),
        firing,
        error: j.error.as_deref(),
    }
}
