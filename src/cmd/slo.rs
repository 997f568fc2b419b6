//! `mindops slo status|export`.

use anyhow::{bail, Result};
use comfy_table::Cell;
use serde::Serialize;

use crate::cli::{SloCommand, SloExportFormat, TableOrJson};
use crate::ops::slo::{judge_all, percent, rate_text, Judged};
use crate::rules::metrics::worst;
use crate::rules::slo::{promql_range, BudgetUnit};
use crate::rules::units;
use crate::util::output::{note, Out};
use crate::util::time::rfc3339;
use crate::Context;

pub fn run(ctx: &Context, command: SloCommand) -> Result<u8> {
    match command {
        SloCommand::Status { format } => status(ctx, format),
        SloCommand::Export { format, service } => export(ctx, format, &service),
    }
}

fn status(ctx: &Context, format: TableOrJson) -> Result<u8> {
    let (_, thresholds) = ctx.config()?;
    if thresholds.slos.is_empty() {
        bail!(
            "thresholds.yaml has no slos:; add one, e.g.\n  slos:\n    latency:\n      \
             objective: 99.9\n      from_metric: response_time\n      good: \"< 2s\""
        );
    }
    let now = ctx.clock.now();
    let store = ctx.existing_store()?;
    let judged = judge_all(&store, &thresholds, now)?;
    let state = worst(judged.iter().map(Judged::state));
    let mut out = Out::stdout();
    match format {
        TableOrJson::Json => out.json(&StatusJson {
            at: rfc3339(now),
            state: state.as_str(),
            code: state.code(),
            slos: judged.iter().map(crate::ops::slo::json).collect(),
        })?,
        TableOrJson::Table => {
            let mut table = ctx.style.table(&[
                "SLO",
                "Objective",
                "Budget left",
                "Burn rate by window",
                "State",
            ]);
            for j in &judged {
                let burns = match &j.error {
                    Some(why) => why.clone(),
                    None => j
                        .burns
                        .iter()
                        .map(|b| {
                            format!(
                                "{} {}",
                                promql_range(b.window),
                                b.rate.map_or_else(|| "-".into(), rate_text)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("  "),
                };
                let level = j.judgement.level.as_str();
                let state_cell = ctx.style.state(
                    if j.error.is_some() { "UNKNOWN" } else { level },
                    j.state().as_str(),
                );
                table.add_row(vec![
                    Cell::new(&j.slo.name),
                    Cell::new(format!(
                        "{}% over {}",
                        units::significant(j.slo.objective, 6),
                        promql_range(j.slo.window)
                    )),
                    Cell::new(budget_text(j)),
                    Cell::new(burns),
                    state_cell,
                ]);
            }
            out.table(&table)?;
            for j in judged.iter().filter(|j| j.error.is_none()) {
                for (level, fired) in [("page", &j.judgement.page), ("ticket", &j.judgement.ticket)]
                {
                    if !fired.is_empty() {
                        out.line(format!(
                            "{} {level}: {}",
                            j.slo.name,
                            crate::ops::slo::why(j, fired)
                        ))?;
                    }
                }
            }
        }
    }
    out.flush()?;
    Ok(state.code())
}

/// `13.2 of 43.2 min (31%)`, `812 of 1,200 events (68%)`.
fn budget_text(j: &Judged) -> String {
    let Some(b) = j.budget.filter(|_| j.error.is_none()) else {
        return "-".into();
    };
    let Some(spent) = b.consumed else {
        return "no events yet".into();
    };
    let unit = match b.unit {
        BudgetUnit::Minutes => "min",
        BudgetUnit::Events => "events",
    };
    format!(
        "{} of {} {unit} ({})",
        units::significant(b.remaining, 3),
        units::significant(b.total, 3),
        percent(1.0 - spent)
    )
}

#[derive(Serialize)]
struct StatusJson<'a> {
    at: String,
    state: &'static str,
    code: u8,
    slos: Vec<crate::ops::slo::SloJson<'a>>,
}

fn export(ctx: &Context, format: SloExportFormat, service: &str) -> Result<u8> {
    let (_, thresholds) = ctx.config()?;
    if thresholds.slos.is_empty() {
        bail!("thresholds.yaml has no slos: to export");
    }
    let (text, skipped) = match format {
        SloExportFormat::Sloth => crate::ops::slo::export::sloth(&thresholds, service)?,
        SloExportFormat::Pyrra => crate::ops::slo::export::pyrra(&thresholds, service)?,
    };
    for (name, why) in &skipped {
        note(format!("mindops: SLO {name} left out: {why}"));
    }
    if skipped.len() == thresholds.slos.len() {
        bail!("no SLO could be written for Prometheus; each is left out above");
    }
    let mut out = Out::stdout();
    out.document(&text)?;
    out.flush()?;
    Ok(crate::exit::SUCCESS)
}
