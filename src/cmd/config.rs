//! `mindops config check`: both files and their cross-references, for a config repository's CI.

use anyhow::Result;

use crate::cli::ConfigCommand;
use crate::util::output::note;
use crate::{exit, Context};

pub fn run(ctx: &Context, command: ConfigCommand) -> Result<u8> {
    match command {
        ConfigCommand::Check { rewrite_history } => {
            let dir = ctx.config_dir()?;
            let (rotation, thresholds) = ctx.config()?;
            // A new version of the team that starts where pages are on record would change who
            // the history says was on call: refused unless asked for.
            // A store that cannot be read (a CI job of the config repository has none) leaves
            // the files' own checks standing.
            let last = ctx.existing_store().and_then(|s| s.last_page_at());
            if let Err(e) = &last {
                note(format!(
                    "warning: cannot read the store to check the history: {e:#}"
                ));
            }
            if let Ok(Some(last)) = last {
                let zone = ctx.zone(&rotation.rotation);
                let early: Vec<String> = rotation
                    .rotation
                    .later
                    .iter()
                    .filter(|era| era.from <= last)
                    .map(|era| crate::util::time::human(era.from, zone))
                    .collect();
                if !early.is_empty() && !rewrite_history {
                    anyhow::bail!(
                        "{}: the version of the team from {} starts before the last recorded page \
                         ({}), so it would change who the history says was on call; start it \
                         after that, or pass --rewrite-history if that is the intent",
                        dir.path.join("rotation.yaml").display(),
                        early.join(" and "),
                        crate::util::time::human(last, zone)
                    );
                }
            }
            note(format!(
                "{}: valid ({} roles, {} members, {} checklist items; {} severities, {} metrics)",
                dir.path.display(),
                rotation.rotation.roles.len(),
                rotation.rotation.members.len(),
                rotation
                    .checklist
                    .slots
                    .iter()
                    .map(|s| s.items.len())
                    .sum::<usize>(),
                thresholds.severities.len(),
                thresholds.metrics.len(),
            ));
            // Valid, but what it needs from this environment is missing: a CI job or a
            // deploy check should notice before the first page fails.
            let mut unmet = crate::config::unmet_needs(&rotation, &thresholds);
            // Time off written in the file that leaves a role empty in the next 12 weeks.
            let now = ctx.clock.now();
            let horizon = crate::util::time::later(now, chrono::Duration::weeks(12));
            let zone = ctx.zone(&rotation.rotation);
            for gap in crate::rules::rotation::gaps(&rotation.rotation, &[], now, horizon) {
                unmet.push(crate::rules::coverage::gap_message(
                    &rotation.rotation,
                    &gap,
                    zone,
                ));
            }
            for line in &unmet {
                note(format!("warning: {line}"));
            }
            Ok(if unmet.is_empty() {
                exit::SUCCESS
            } else {
                exit::PROBLEM
            })
        }
    }
}
