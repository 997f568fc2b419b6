//! `mindops report weekly|monthly|quarterly`: the review of a period ([`crate::ops::report`])
//! rendered as Markdown, JSON or HTML.

mod html;
mod markdown;
mod rows;

use anyhow::Result;

use crate::cli::{ReportArgs, ReportFormat, ReportKind};
use crate::ops::checklist::Sheet;
use crate::ops::report::gather;
use crate::rules::period::{Kind, Period};
use crate::util::time::local_date;
use crate::{exit, Context};

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
    let sheet = Sheet::new(
        &config,
        &thresholds,
        ctx.clock.now(),
        ctx.zone(&config.rotation),
    );
    let report = gather(&store, &sheet, &thresholds, &period)?;
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
        Some(path) => crate::util::files::write_atomically(path, text),
        None => {
            let mut out = crate::util::output::Out::stdout();
            out.document(text)?;
            out.flush()?;
            Ok(())
        }
    }
}
