//! `mindops metrics check`: values against thresholds, recorded, with Nagios exit codes.

use anyhow::Result;
use comfy_table::Cell;
use serde::Serialize;

use super::request;
use super::threshold_text;
use crate::cli::{CheckFormat, MetricsCheckArgs};
use crate::config::Metric;
use crate::ops::incidents::Desk;
use crate::ops::metrics::{incidents_for, judge_all, record, IncidentAction};
use crate::ops::slo::Judged;
use crate::rules::metrics::{self, sparkline, worst, Reading, State};
use crate::rules::units;
use crate::sources::gather;
use crate::util::files;
use crate::util::output::{note, Out};
use crate::util::time::{ago, rfc3339};
use crate::Context;

/// How many recorded values the trend column draws.
const TREND: u32 = 20;

pub fn run(ctx: &Context, args: MetricsCheckArgs) -> Result<u8> {
    let (rotation, thresholds) = ctx.config()?;
    let now = ctx.clock.now();
    let given = gather(&thresholds, &request(&args.given, !args.only_given, now))?;
    let checked: Vec<&Metric> = thresholds
        .metrics
        .iter()
        .filter(|m| !args.only_given || given.contains_key(&m.name))
        .collect();

    if checked.is_empty() {
        anyhow::bail!(
            "no metric was given a value; name some (response_time=1.2s) or drop --only-given"
        );
    }
    let incidents = args.open_incidents || thresholds.incidents;
    let mut store = if args.no_record {
        ctx.existing_store()?
    } else {
        ctx.store()?
    };
    let (readings, previous) = judge_all(&store, &checked, &given, now, incidents)?;
    let state = worst(readings.iter().map(|r| r.state));
    // The textfile is written before the check is recorded and put in place after: when it
    // cannot be written, nothing is recorded, so cron's retry does not record twice.
    let prom_out = args
        .prom_out
        .as_deref()
        .map(|path| files::stage(path, &metrics::prometheus(&checked, &readings)))
        .transpose()?;

    let mut unrecorded: Option<String> = None;
    if !args.no_record {
        let measured = args.given.values.is_empty() && args.given.input.is_none();
        let recorded = record(
            &mut store,
            now,
            state,
            (&checked, &readings, &given),
            measured,
            thresholds.check_interval,
        );
        // A store that cannot be written (a full disk, a read-only role) does not change
        // what the values say: the judgement's exit code stands, and the failure is said.
        if let Err(e) = recorded {
            unrecorded = Some(format!("the check was not recorded: {e:#}"));
        }
    }

    let trends: Vec<String> = match args.format {
        CheckFormat::Table => checked
            .iter()
            .zip(&readings)
            .map(|(m, r)| {
                let mut values: Vec<f64> = store
                    .recent_samples(&m.name, TREND)?
                    .iter()
                    .map(|s| s.value.unwrap_or(f64::NAN))
                    .collect();
                if args.no_record && r.as_of.is_none() {
                    values.push(r.value.unwrap_or(f64::NAN));
                }
                Ok(sparkline(&values))
            })
            .collect::<Result<_>>()?,
        _ => Vec::new(),
    };

    // SLOs read the history this check just joined. `--only-given` judges what it was given
    // and nothing else, so it leaves them out.
    let judged = if args.only_given {
        Vec::new()
    } else {
        crate::ops::slo::judge_all(&store, &thresholds, now)?
    };
    let state = worst(std::iter::once(state).chain(judged.iter().map(|j| j.state())));

    let mut actions = Vec::new();
    if incidents && unrecorded.is_none() {
        let zone = ctx.zone(&rotation.rotation);
        let mut desk = Desk::new(rotation, thresholds.clone(), store, now, zone)?;
        actions = incidents_for(&mut desk, &thresholds, &checked, &readings, &previous)?;
        actions.extend(crate::ops::slo::incidents_for(
            &mut desk,
            &thresholds,
            &judged,
        )?);
        desk.send(None)?;
    }

    if let Some(staged) = prom_out {
        staged.commit()?;
    }
    print(
        ctx,
        &args,
        (&checked, &readings, &judged),
        &trends,
        &actions,
        state,
        now,
        unrecorded.as_deref(),
    )?;
    if let Some(why) = &unrecorded {
        crate::util::output::note(format!("mindops: error: {why}"));
    }
    Ok(state.code())
}

/// `SLO latency: budget 38% left (page)`.
fn slo_line(j: &Judged) -> String {
    match &j.error {
        Some(why) => format!("SLO {}: UNKNOWN: {why}", j.slo.name),
        None => format!(
            "SLO {}: {} ({})",
            j.slo.name,
            j.left(),
            j.judgement.level.as_str()
        ),
    }
}

/// The Nagios line with each SLO's budget after the metrics' summary, before the performance
/// data: `... ; SLO latency budget 38% left (OK) | 'response_time'=...`.
fn with_slos(line: String, judged: &[Judged]) -> String {
    if judged.is_empty() {
        return line;
    }
    let slos: Vec<String> = judged.iter().map(slo_line).collect();
    let slos = slos.join("; ").replace('|', "/");
    match line.split_once(" | ") {
        Some((summary, perf)) => format!("{summary}; {slos} | {perf}"),
        None => format!("{line}; {slos}"),
    }
}

/// Temp file beside the target, then rename: the textfile collector never reads half a file.
#[derive(Serialize)]
struct ReadingJson<'a> {
    name: &'a str,
    label: &'a str,
    group: &'a str,
    unit: &'a str,
    value: Option<f64>,
    shown: Option<String>,
    target: Option<String>,
    alert: Option<String>,
    state: &'static str,
    raw_state: &'static str,
    pending: bool,
    reason: Option<&'a str>,
    /// When the value was recorded, for a value from an earlier run.
    as_of: Option<String>,
}

#[derive(Serialize)]
struct CheckJson<'a> {
    at: String,
    state: &'static str,
    code: u8,
    metrics: Vec<ReadingJson<'a>>,
    slos: Vec<crate::ops::slo::SloJson<'a>>,
    incidents: &'a [IncidentAction],
}

#[allow(clippy::too_many_arguments)]
fn print(
    ctx: &Context,
    args: &MetricsCheckArgs,
    (checked, readings, judged): (&[&Metric], &[Reading], &[Judged]),
    trends: &[String],
    actions: &[IncidentAction],
    state: State,
    now: chrono::DateTime<chrono::Utc>,
    unrecorded: Option<&str>,
) -> Result<()> {
    let mut out = Out::stdout();
    let shown = |m: &Metric, r: &Reading| {
        r.value
            .filter(|v| !v.is_nan())
            // Four significant digits for a person; JSON and Nagios carry the value itself.
            .map(|v| units::show(units::significant(v, 4), &m.unit))
    };
    match args.format {
        CheckFormat::Nagios => {
            let line = with_slos(metrics::nagios(checked, readings), judged);
            out.line(match unrecorded {
                // Before the performance data, which starts at the first `|`.
                Some(why) => {
                    let why = why
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .replace('|', "/");
                    match line.split_once(" | ") {
                        Some((summary, perf)) => format!("{summary} ({why}) | {perf}"),
                        None => format!("{line} ({why})"),
                    }
                }
                None => line,
            })?
        }
        CheckFormat::Json => out.json(&CheckJson {
            at: rfc3339(now),
            state: state.as_str(),
            code: state.code(),
            metrics: checked
                .iter()
                .zip(readings)
                .map(|(m, r)| ReadingJson {
                    name: &m.name,
                    label: &m.label,
                    group: &m.group,
                    unit: &m.unit,
                    value: r.value.filter(|v| v.is_finite()),
                    shown: shown(m, r),
                    target: m.target_text.clone(),
                    alert: m.alert_text.clone(),
                    state: r.state.as_str(),
                    raw_state: r.raw.as_str(),
                    pending: r.pending,
                    reason: r.reason.as_deref(),
                    as_of: r.as_of.map(rfc3339),
                })
                .collect(),
            slos: judged.iter().map(crate::ops::slo::json).collect(),
            incidents: actions,
        })?,
        CheckFormat::Csv => {
            out.csv(&[
                "metric", "group", "value", "unit", "state", "target", "alert",
            ])?;
            for (m, r) in checked.iter().zip(readings) {
                out.csv(&[
                    m.name.clone(),
                    m.group.clone(),
                    r.value.map(units::number).unwrap_or_default(),
                    m.unit.clone(),
                    r.state.as_str().to_string(),
                    threshold_text(&m.target_text),
                    threshold_text(&m.alert_text),
                ])?;
            }
        }
        CheckFormat::Table => {
            let mut table = ctx.style.table(&[
                "Group", "Metric", "Value", "Target", "Alert", "State", "Trend",
            ]);
            // Grouped as the sheet groups them, in the order groups first appear.
            let mut groups: Vec<&str> = Vec::new();
            for m in checked {
                if !groups.contains(&m.group.as_str()) {
                    groups.push(&m.group);
                }
            }
            for group in groups {
                let mut first = true;
                for (i, (m, r)) in checked
                    .iter()
                    .zip(readings)
                    .enumerate()
                    .filter(|(_, (m, _))| m.group == group)
                {
                    let mut state_text = match (r.state, r.pending, &r.reason) {
                        (_, true, _) => "PENDING".to_string(),
                        (s, _, Some(why)) => format!("{}: {why}", s.as_str()),
                        (s, _, _) => s.as_str().to_string(),
                    };
                    if let Some(at) = r.as_of {
                        state_text.push_str(&format!(" (as of {} ago)", ago(now - at)));
                    }
                    table.add_row(vec![
                        Cell::new(if first { group } else { "" }),
                        Cell::new(&m.name),
                        Cell::new(shown(m, r).unwrap_or_else(|| "-".into())),
                        Cell::new(threshold_text(&m.target_text)),
                        Cell::new(threshold_text(&m.alert_text)),
                        ctx.style.state(state_text, r.state.as_str()),
                        Cell::new(trends.get(i).map_or("", String::as_str)),
                    ]);
                    first = false;
                }
            }
            out.table(&table)?;
            out.line(metrics::summary(checked, readings))?;
            for j in judged {
                out.line(slo_line(j))?;
            }
            for a in actions {
                note(format!(
                    "incident {}: {} for {}",
                    a.incident,
                    a.action.replace('_', " "),
                    a.metric
                ));
            }
        }
    }
    out.flush()?;
    Ok(())
}
