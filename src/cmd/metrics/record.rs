//! `mindops metrics record`: values stored as they come (a daily business job, a backup
//! script's last line), judged one by one, without checking the metrics not given.

use anyhow::{bail, Result};

use super::request;
use crate::cli::MetricsRecordArgs;
use crate::ops::metrics::{judge, sample};
use crate::rules::metrics::{worst, State};
use crate::rules::units;
use crate::sources::gather;
use crate::store::NewSample;
use crate::util::output::Out;
use crate::Context;

pub fn run(ctx: &Context, args: MetricsRecordArgs) -> Result<u8> {
    let (_, thresholds) = ctx.config()?;
    let now = ctx.clock.now();
    let given = gather(&thresholds, &request(&args.given, false, now))?;
    if given.is_empty() {
        bail!("nothing to record; give values as NAME=VALUE (active_users=26000) or --input FILE");
    }
    let mut store = ctx.store()?;
    let mut readings = Vec::new();
    // In the order of thresholds.yaml, so the output reads like the dashboard.
    for m in thresholds
        .metrics
        .iter()
        .filter(|m| given.contains_key(&m.name))
    {
        let reading = judge(&store, m, &given[&m.name], now)?;
        if reading.state == State::Unknown {
            bail!(
                "{}: {}; nothing was recorded",
                m.name,
                reading.reason.as_deref().unwrap_or("no value")
            );
        }
        readings.push((m, reading));
    }
    let samples: Vec<NewSample> = readings.iter().map(|(m, r)| sample(m, r)).collect();
    store.record_check(now, worst(readings.iter().map(|(_, r)| r.state)), &samples)?;
    let mut out = Out::stdout();
    for (m, r) in &readings {
        let shown = r.value.map(|v| units::show(v, &m.unit)).unwrap_or_default();
        out.line(format!(
            "recorded {} {shown} ({})",
            m.name,
            r.state.as_str()
        ))?;
    }
    out.flush()?;
    Ok(crate::exit::SUCCESS)
}
