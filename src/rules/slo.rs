//! Service level objectives: the error budget and the multi-window, multi-burn-rate alerts of
//! the Google SRE Workbook (chapter 5, table 5-8), as Sloth and Pyrra generate them for
//! Prometheus. Pure: the counts of good and bad events come in, the judgement goes out.
//!
//! Burn rate over a window = the window's error ratio / (1 − objective): at 1× the budget lasts
//! exactly the SLO's window. An alert rule fires when both its long and its short window burn
//! above its factor: the long window makes it significant, the short one makes it stop soon
//! after the burning does.

use chrono::Duration;
use serde::Serialize;

use crate::rules::threshold::{Op, Threshold};

#[derive(Debug, Clone)]
pub struct Slo {
    /// The key in thresholds.yaml: `latency`.
    pub name: String,
    /// Percent of good events: `99.9`.
    pub objective: f64,
    pub window: Duration,
    pub indicator: Indicator,
    pub page: Alert,
    pub ticket: Alert,
    pub description: Option<String>,
}

/// Where the good and bad events come from.
#[derive(Debug, Clone)]
pub enum Indicator {
    /// Bad and total events counted by PromQL over `$window`.
    Ratio { errors: String, total: String },
    /// The checks mindops records of one of its metrics: each check is an event that stands
    /// for its interval of time.
    Metric { metric: String, good: Good },
}

/// When a recorded check of a metric counts as good.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Good {
    /// The check's own state (before `for:`) is OK; WARNING and CRITICAL are bad, UNKNOWN
    /// (no value) counts neither way.
    State,
    /// The value holds the comparison (`< 2s`); a check without a value counts neither way.
    Compare { op: Op, value: f64 },
}

impl Good {
    /// `good: "< 2s"` read in the metric's unit: a comparison, not a range or a status.
    pub fn parse(text: &str, unit: &str) -> Result<Good, String> {
        match Threshold::parse(text, unit)? {
            Threshold::Compare { op, value } => Ok(Good::Compare { op, value }),
            _ => Err(format!(
                "\"{text}\" is not a comparison; good: takes one like \"< 2s\" (without it, a \
                 check is good when its state is OK)"
            )),
        }
    }

    /// Whether a recorded check is good, bad, or neither (`None`).
    pub fn judge(&self, raw: crate::rules::metrics::State, value: Option<f64>) -> Option<bool> {
        use crate::rules::metrics::State;
        match self {
            Good::State => match raw {
                State::Ok => Some(true),
                State::Warning | State::Critical => Some(false),
                State::Unknown => None,
            },
            Good::Compare { op, value: limit } => value.filter(|v| v.is_finite()).map(|v| {
                Threshold::Compare {
                    op: *op,
                    value: *limit,
                }
                .met_by(v)
            }),
        }
    }
}

/// One level of alert (page or ticket): the severity of the incident it opens, and the rules
/// any one of which fires it.
#[derive(Debug, Clone)]
pub struct Alert {
    pub severity: String,
    pub rules: Vec<BurnRule>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BurnRule {
    pub long: Duration,
    pub short: Duration,
    /// The burn rate both windows must exceed.
    pub factor: f64,
}

/// Table 5-8's page: 2 % of a 30-day budget in an hour, or 5 % in six hours.
pub fn default_page() -> Vec<BurnRule> {
    vec![
        rule(Duration::hours(1), Duration::minutes(5), 14.4),
        rule(Duration::hours(6), Duration::minutes(30), 6.0),
    ]
}

/// Table 5-8's ticket: 10 % of a 30-day budget in three days.
pub fn default_ticket() -> Vec<BurnRule> {
    vec![rule(Duration::days(3), Duration::hours(6), 1.0)]
}

fn rule(long: Duration, short: Duration, factor: f64) -> BurnRule {
    BurnRule {
        long,
        short,
        factor,
    }
}

/// Good and bad events over a window. Floats: a PromQL count is a float, and a rate times a
/// window need not be whole.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub good: f64,
    pub bad: f64,
}

impl Counts {
    pub fn total(&self) -> f64 {
        self.good + self.bad
    }

    /// Bad over total; `None` without events (no data is not an outage).
    pub fn error_ratio(&self) -> Option<f64> {
        let total = self.total();
        (total > 0.0).then(|| self.bad / total)
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.good += other.good;
        self.bad += other.bad;
    }
}

/// How the state of an SLO is named: OK, or the level of alert that fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Ok,
    Ticket,
    Page,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Ok => "OK",
            Level::Ticket => "ticket",
            Level::Page => "page",
        }
    }
}

/// The alerts of an SLO at an instant: the level shown (the page outranks the ticket), and the
/// rules of each level that fire.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub level: Level,
    pub page: Vec<BurnRule>,
    pub ticket: Vec<BurnRule>,
}

/// What the budget is counted in: minutes for an SLO over a metric's checks (each check stands
/// for its stretch of time), events for a ratio of counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BudgetUnit {
    Minutes,
    Events,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Budget {
    pub unit: BudgetUnit,
    /// The bad minutes or events the objective allows over the window.
    pub total: f64,
    /// What is left of it; below zero once overspent.
    pub remaining: f64,
    /// The share of the budget spent: 0.69 for 69 %. `None` without events.
    pub consumed: Option<f64>,
}

impl Slo {
    /// The share of events allowed to be bad: 0.001 for 99.9 %.
    pub fn allowed(&self) -> f64 {
        1.0 - self.objective / 100.0
    }

    /// How many times faster than the objective allows the budget burns.
    pub fn burn_rate(&self, counts: Counts) -> Option<f64> {
        counts.error_ratio().map(|r| r / self.allowed())
    }

    /// Every window the SLO and its alerts look at, shortest first, each once.
    pub fn windows(&self) -> Vec<Duration> {
        let mut all: Vec<Duration> = self
            .page
            .rules
            .iter()
            .chain(&self.ticket.rules)
            .flat_map(|r| [r.long, r.short])
            .chain([self.window])
            .collect();
        all.sort();
        all.dedup();
        all
    }

    /// The rules of `alert` that fire: both their windows burn above their factor.
    pub fn firing(&self, alert: &Alert, counts: &dyn Fn(Duration) -> Counts) -> Vec<BurnRule> {
        let over = |w, factor| self.burn_rate(counts(w)).is_some_and(|b| b > factor);
        alert
            .rules
            .iter()
            .filter(|r| over(r.long, r.factor) && over(r.short, r.factor))
            .copied()
            .collect()
    }

    /// Which alerts fire, given each window's counts.
    pub fn judge(&self, counts: &dyn Fn(Duration) -> Counts) -> Judgement {
        let page = self.firing(&self.page, counts);
        let ticket = self.firing(&self.ticket, counts);
        let level = if !page.is_empty() {
            Level::Page
        } else if !ticket.is_empty() {
            Level::Ticket
        } else {
            Level::Ok
        };
        Judgement {
            level,
            page,
            ticket,
        }
    }

    pub fn budget_unit(&self) -> BudgetUnit {
        match self.indicator {
            Indicator::Metric { .. } => BudgetUnit::Minutes,
            Indicator::Ratio { .. } => BudgetUnit::Events,
        }
    }

    /// The budget over the SLO's window, from the window's counts. Over a metric's checks each
    /// check stands for `interval` (the check interval): 30 bad checks a minute apart spend 30
    /// of the 43.2 minutes a 99.9 % month allows, however much history there is yet.
    pub fn budget(&self, window: Counts, interval: Duration) -> Budget {
        let consumed = self.spent(window, interval);
        let total = match self.budget_unit() {
            BudgetUnit::Minutes => self.window.num_seconds() as f64 / 60.0 * self.allowed(),
            BudgetUnit::Events => window.total() * self.allowed(),
        };
        Budget {
            unit: self.budget_unit(),
            total,
            remaining: total * (1.0 - consumed.unwrap_or(0.0)),
            consumed,
        }
    }

    /// The share of one window's budget that `counts` spend: bad minutes over the minutes
    /// allowed for a metric's checks, bad events over the events allowed for a ratio. `None`
    /// without events.
    pub fn spent(&self, counts: Counts, interval: Duration) -> Option<f64> {
        if counts.total() <= 0.0 {
            return None;
        }
        Some(match self.budget_unit() {
            BudgetUnit::Minutes => {
                let bad = counts.bad * interval.num_seconds() as f64;
                bad / (self.window.num_seconds() as f64 * self.allowed())
            }
            BudgetUnit::Events => counts.bad / (counts.total() * self.allowed()),
        })
    }
}

/// The step every window is a whole number of: counts kept per step add up to any window.
pub fn step(windows: &[Duration]) -> Duration {
    fn gcd(a: i64, b: i64) -> i64 {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }
    let secs = windows
        .iter()
        .map(|w| w.num_seconds().max(1))
        .fold(0, gcd)
        .max(1);
    Duration::seconds(secs)
}

/// Counts per step back from an instant: `steps[i]` holds the events in
/// `(end − (i+1)·step, end − i·step]`. A window of `w` is the sum of its first `w / step`.
#[derive(Debug, Clone)]
pub struct Steps {
    pub step: Duration,
    counts: Vec<Counts>,
    /// `prefix[i]` is the sum of `counts[..i]`.
    prefix: Vec<Counts>,
}

impl Steps {
    /// From `(steps back, counts)` pairs, as the store groups them, over `len` steps.
    pub fn new(
        step: Duration,
        len: usize,
        groups: impl IntoIterator<Item = (usize, Counts)>,
    ) -> Steps {
        let mut counts = vec![Counts::default(); len];
        for (i, c) in groups {
            if let Some(slot) = counts.get_mut(i) {
                *slot += c;
            }
        }
        let mut prefix = Vec::with_capacity(len + 1);
        let mut sum = Counts::default();
        prefix.push(sum);
        for c in &counts {
            sum += *c;
            prefix.push(sum);
        }
        Steps {
            step,
            counts,
            prefix,
        }
    }

    /// The events of the window of length `window` that ends `offset` steps back.
    pub fn window_at(&self, offset: usize, window: Duration) -> Counts {
        let n = (window.num_seconds() / self.step.num_seconds().max(1)).max(0) as usize;
        let from = offset.min(self.counts.len());
        let to = (offset + n).min(self.counts.len());
        Counts {
            good: self.prefix[to].good - self.prefix[from].good,
            bad: self.prefix[to].bad - self.prefix[from].bad,
        }
    }
}

/// An SLO's alerts over a stretch, judged at every step from `first` steps back from `end` to
/// `end` itself, as a rule evaluator running once a step would have: the stretches its page
/// and its ticket fired. A ticket opens only while the page does not fire, and lasts while its
/// rules fire.
pub fn replay(
    slo: &Slo,
    steps: &Steps,
    end: chrono::DateTime<chrono::Utc>,
    first: usize,
) -> (
    Vec<crate::rules::metrics::Episode>,
    Vec<crate::rules::metrics::Episode>,
) {
    use crate::rules::metrics::{episodes, State};
    let mut page = Vec::new();
    let mut ticket = Vec::new();
    for back in (0..=first).rev() {
        let at = crate::util::time::earlier(
            end,
            Duration::seconds(steps.step.num_seconds() * back as i64),
        );
        let j = slo.judge(&|w| steps.window_at(back, w));
        page.push((
            at,
            if j.page.is_empty() {
                State::Ok
            } else {
                State::Critical
            },
        ));
        ticket.push((
            at,
            match (j.level, j.ticket.is_empty()) {
                (Level::Ticket, _) => State::Critical,
                (_, true) => State::Ok,
                (_, false) => State::Warning,
            },
        ));
    }
    (episodes(page), episodes(ticket))
}

/// A window's length as PromQL writes a range: `30d`, `1h30m`.
pub fn promql_range(d: Duration) -> String {
    crate::rules::duration::format(d)
}

/// A query with its `$window` (or Sloth's `{{.window}}`) replaced by a range.
pub fn with_window(query: &str, window: Duration) -> String {
    let range = promql_range(window);
    query
        .replace("{{.window}}", &range)
        .replace("$window", &range)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::metrics::State;

    fn slo(objective: f64) -> Slo {
        Slo {
            name: "availability".into(),
            objective,
            window: Duration::days(30),
            indicator: Indicator::Metric {
                metric: "up".into(),
                good: Good::State,
            },
            page: Alert {
                severity: "P1".into(),
                rules: default_page(),
            },
            ticket: Alert {
                severity: "P3".into(),
                rules: default_ticket(),
            },
            description: None,
        }
    }

    fn counts(good: f64, bad: f64) -> Counts {
        Counts { good, bad }
    }

    #[test]
    fn thirty_bad_minutes_spend_sixty_nine_percent_of_a_month_at_three_nines() {
        let s = slo(99.9);
        let minute = Duration::minutes(1);
        let b = s.budget(counts(43_200.0 - 30.0, 30.0), minute);
        assert_eq!(b.unit, BudgetUnit::Minutes);
        assert!((b.total - 43.2).abs() < 1e-9, "{b:?}");
        assert!((b.consumed.unwrap() - 0.694_444).abs() < 1e-6, "{b:?}");
        assert!((b.remaining - 13.2).abs() < 1e-9, "{b:?}");
        // The same 30 minutes in a week, or in a store a day old, are the same share.
        let week = s.spent(counts(10_080.0 - 30.0, 30.0), minute);
        assert!((week.unwrap() - 0.694_444).abs() < 1e-6);
        let day = s.spent(counts(1_440.0 - 30.0, 30.0), minute);
        assert!((day.unwrap() - 0.694_444).abs() < 1e-6);
    }

    #[test]
    fn both_windows_must_burn_above_the_factor() {
        let s = slo(99.9);
        // More than 2 % of the budget in the last hour (a bad minute of 60 burns 16.7×), and
        // the last five minutes burning too: page.
        let burning = |w: Duration| match w.num_minutes() {
            5 => counts(4.0, 1.0),
            60 => counts(59.0, 1.0),
            _ => counts(43_199.0, 1.0),
        };
        assert_eq!(s.judge(&burning).level, Level::Page);
        // The same hour, but the last five minutes are clean: the burning stopped.
        let stopped = |w: Duration| match w.num_minutes() {
            5 => counts(5.0, 0.0),
            60 => counts(59.0, 1.0),
            _ => counts(43_199.0, 1.0),
        };
        assert_eq!(s.judge(&stopped).level, Level::Ok);
        // A slow leak at half the allowed rate fires nothing.
        let leak = |w: Duration| {
            let n = w.num_minutes() as f64 * 1000.0;
            counts(n * (1.0 - 0.0005), n * 0.0005)
        };
        assert_eq!(s.judge(&leak).level, Level::Ok);
        // At twice the allowed rate everywhere, the ticket fires and the page does not.
        let steady = |w: Duration| {
            let n = w.num_minutes() as f64 * 1000.0;
            counts(n * (1.0 - 0.002), n * 0.002)
        };
        assert_eq!(s.judge(&steady).level, Level::Ticket);
        // No events is no data, not an outage.
        assert_eq!(s.judge(&|_| Counts::default()).level, Level::Ok);
    }

    #[test]
    fn steps_add_up_to_windows() {
        let step = step(&[Duration::minutes(5), Duration::hours(1), Duration::days(30)]);
        assert_eq!(step, Duration::minutes(5));
        let s = Steps::new(
            step,
            12,
            [
                (0, counts(1.0, 1.0)),
                (11, counts(2.0, 0.0)),
                (99, counts(9.0, 9.0)),
            ],
        );
        assert_eq!(s.window_at(0, Duration::minutes(5)), counts(1.0, 1.0));
        assert_eq!(s.window_at(0, Duration::hours(1)), counts(3.0, 1.0));
        assert_eq!(s.window_at(1, Duration::hours(1)), counts(2.0, 0.0));
        assert_eq!(s.window_at(20, Duration::hours(1)), Counts::default());
    }

    #[test]
    fn good_reads_states_and_comparisons() {
        assert_eq!(Good::State.judge(State::Warning, Some(1.0)), Some(false));
        assert_eq!(Good::State.judge(State::Unknown, None), None);
        let fast = Good::parse("< 2s", "s").unwrap();
        assert_eq!(fast.judge(State::Critical, Some(1.5)), Some(true));
        assert_eq!(fast.judge(State::Ok, Some(2.0)), Some(false));
        assert_eq!(fast.judge(State::Unknown, None), None);
        assert!(Good::parse("1:2", "s")
            .unwrap_err()
            .contains("not a comparison"));
        assert_eq!(
            with_window("rate(x[$window])", Duration::minutes(90)),
            "rate(x[1h30m])"
        );
    }
}
