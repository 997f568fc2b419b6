//! `mindops metrics check|history|list`.

mod check;
mod record;
mod replay;

use anyhow::{Context as _, Result};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use comfy_table::Cell;
use serde::Serialize;

use crate::cli::{Format, MetricsCommand, ValueArgs};
use crate::config::Metric;
use crate::rules::metrics::sparkline;
use crate::rules::units;
use crate::sources::Request;
use crate::util::output::{note, Out};
use crate::util::suggest;
use crate::util::time::{human, local_to_utc, parse_date, rfc3339};
use crate::{exit, Context};

pub fn run(ctx: &Context, command: MetricsCommand) -> Result<u8> {
    match command {
        MetricsCommand::Check(args) => check::run(ctx, args),
        MetricsCommand::Record(args) => record::run(ctx, args),
        MetricsCommand::History {
            name,
            since,
            format,
        } => history(ctx, &name, since.as_deref(), format),
        MetricsCommand::List { format } => list(ctx, format),
        MetricsCommand::Replay { from, to, format } => {
            replay::run(ctx, &from, to.as_deref(), format)
        }
        MetricsCommand::Import { file } => replay::import(ctx, &file),
    }
}

/// What a check or a recording asks the sources for.
fn request(args: &ValueArgs, run_sources: bool, now: DateTime<Utc>) -> Request<'_> {
    Request {
        values: &args.values,
        input: args.input.as_deref().map(|path| (path, args.input_format)),
        run_sources,
        now,
        max_bytes: u64::from(args.max_input_mib) * 1024 * 1024,
    }
}

/// A target or alert as written in thresholds.yaml, or `-`.
fn threshold_text(written: &Option<String>) -> String {
    written.clone().unwrap_or_else(|| "-".into())
}

#[derive(Serialize)]
struct MetricJson<'a> {
    name: &'a str,
    label: &'a str,
    group: &'a str,
    unit: &'a str,
    target: Option<String>,
    alert: Option<String>,
    severity: Option<&'a str>,
    #[serde(rename = "for")]
    hold: Option<String>,
    source: String,
    description: Option<&'a str>,
}

fn source(m: &Metric) -> String {
    use crate::config::thresholds::Source;
    match (&m.selector, &m.source) {
        (_, Some(Source::Command(c))) => format!("command: {c}"),
        (_, Some(Source::Query { expr, .. })) => format!("prometheus: {expr}"),
        (_, Some(Source::Probe(p))) => format!("probe: {}", crate::net::http::redact(&p.url)),
        (Some(s), None) => format!("selector: {}", s.name),
        (None, None) => "given".into(),
    }
}

fn list(ctx: &Context, format: Format) -> Result<u8> {
    let (_, thresholds) = ctx.config()?;
    let mut out = Out::stdout();
    match format {
        Format::Json => {
            let rows: Vec<MetricJson> = thresholds
                .metrics
                .iter()
                .map(|m| MetricJson {
                    name: &m.name,
                    label: &m.label,
                    group: &m.group,
                    unit: &m.unit,
                    target: m.target_text.clone(),
                    alert: m.alert_text.clone(),
                    severity: m.severity.as_deref(),
                    hold: m.hold.map(crate::rules::duration::format),
                    source: source(m),
                    description: m.description.as_deref(),
                })
                .collect();
            out.json(&rows)?;
        }
        Format::Csv => {
            out.csv(&["name", "group", "unit", "target", "alert", "severity"])?;
            for m in &thresholds.metrics {
                out.csv(&[
                    m.name.clone(),
                    m.group.clone(),
                    m.unit.clone(),
                    threshold_text(&m.target_text),
                    threshold_text(&m.alert_text),
                    m.severity.clone().unwrap_or_default(),
                ])?;
            }
        }
        Format::Plain => {
            for m in &thresholds.metrics {
                out.line(&m.name)?;
            }
        }
        Format::Table => {
            let mut table = ctx.style.table(&[
                "Group", "Metric", "Label", "Target", "Alert", "Severity", "Source",
            ]);
            let mut last_group = "";
            for m in &thresholds.metrics {
                let group = if m.group == last_group {
                    ""
                } else {
                    m.group.as_str()
                };
                last_group = &m.group;
                table.add_row(vec![
                    Cell::new(group),
                    Cell::new(&m.name),
                    Cell::new(&m.label),
                    Cell::new(threshold_text(&m.target_text)),
                    Cell::new(threshold_text(&m.alert_text)),
                    Cell::new(m.severity.as_deref().unwrap_or("-")),
                    Cell::new(source(m)),
                ]);
            }
            out.table(&table)?;
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}

#[derive(Serialize)]
struct SampleJson {
    at: String,
    value: Option<f64>,
    state: &'static str,
}

fn history(ctx: &Context, name: &str, since: Option<&str>, format: Format) -> Result<u8> {
    let (rotation, thresholds) = ctx.config()?;
    let Some(metric) = thresholds.metrics.iter().find(|m| m.name == name) else {
        anyhow::bail!(
            "unknown metric \"{name}\"{}; `mindops metrics list` shows them",
            suggest::hint(name, thresholds.metrics.iter().map(|m| m.name.as_str()))
        );
    };
    let zone = ctx.zone(&rotation.rotation);
    let since = match since {
        Some(d) => {
            let day = parse_date(d).map_err(anyhow::Error::msg)?;
            local_to_utc(rotation.rotation.zone, day.and_time(NaiveTime::MIN))
        }
        None => crate::util::time::earlier(ctx.clock.now(), Duration::days(7)),
    };
    let samples = ctx
        .existing_store()?
        .samples_since(name, since)
        .context("cannot read the history")?;
    let mut out = Out::stdout();
    match format {
        Format::Json => {
            let rows: Vec<SampleJson> = samples
                .iter()
                .map(|s| SampleJson {
                    at: rfc3339(s.at),
                    value: s.value,
                    state: s.state.as_str(),
                })
                .collect();
            out.json(&rows)?;
        }
        Format::Csv => {
            out.csv(&["at", "value", "state"])?;
            for s in &samples {
                out.csv(&[
                    rfc3339(s.at),
                    s.value.map(units::number).unwrap_or_default(),
                    s.state.as_str().into(),
                ])?;
            }
        }
        Format::Plain => {
            for s in &samples {
                out.line(format!(
                    "{}\t{}",
                    rfc3339(s.at),
                    s.value.map(units::number).unwrap_or_default()
                ))?;
            }
        }
        Format::Table => {
            if samples.is_empty() {
                note(format!(
                    "no values of {name} recorded since {}",
                    human(since, zone)
                ));
                return Ok(exit::SUCCESS);
            }
            let values: Vec<f64> = samples
                .iter()
                .map(|s| s.value.unwrap_or(f64::NAN))
                .collect();
            // A long history is drawn from its latest stretch: a terminal line is only so wide.
            let tail = &values[values.len().saturating_sub(60)..];
            out.line(format!(
                "{} ({}) {}",
                metric.label,
                metric.unit,
                sparkline(tail)
            ))?;
            let mut table = ctx.style.table(&["Time", "Value", "State"]);
            for s in &samples {
                table.add_row(vec![
                    Cell::new(human(s.at, zone)),
                    Cell::new(s.value.map_or("-".into(), |v| units::show(v, &metric.unit))),
                    Cell::new(s.state.as_str()),
                ]);
            }
            out.table(&table)?;
        }
    }
    out.flush()?;
    Ok(exit::SUCCESS)
}
