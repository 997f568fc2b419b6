//! One handler module per subcommand: fetch, call the core, store, print.

pub(crate) mod checklist;
mod completions;
mod config;
pub(crate) mod context;
mod db;
mod demo;
mod handover;
pub(crate) mod incident;
mod init;
mod metrics;
pub(crate) mod notify;
pub(crate) mod oncall;
mod report;
mod review;
mod serve;
mod slo;
mod status;

use anyhow::Result;

use crate::cli::Command;
use crate::store::NotFound;
use crate::Context;

pub fn run(ctx: &Context, command: Command) -> Result<u8> {
    dispatch(ctx, command).map_err(hint)
}

/// What the store could not find, with the command that lists what there is.
fn hint(e: anyhow::Error) -> anyhow::Error {
    match e.chain().find_map(|c| c.downcast_ref::<NotFound>()) {
        Some(NotFound::Incident(id)) => {
            anyhow::anyhow!("no incident {id}; `mindops incident list --all` shows them all")
        }
        Some(NotFound::Action(id)) => anyhow::anyhow!(
            "no action {id}; `mindops incident show ID` lists an incident's actions"
        ),
        None => e,
    }
}

fn dispatch(ctx: &Context, command: Command) -> Result<u8> {
    match command {
        Command::Oncall(args) => oncall::run(ctx, *args),
        Command::Incident { command } => incident::run(ctx, command),
        Command::Metrics { command } => metrics::run(ctx, command),
        Command::Checklist(args) => checklist::run(ctx, *args),
        Command::Handover { command } => handover::run(ctx, command),
        Command::Report { kind } => report::run(ctx, kind),
        Command::Review { command } => review::run(ctx, command),
        Command::Notify { command } => notify::run(ctx, command),
        Command::Status(args) => status::run(ctx, args),
        Command::Slo { command } => slo::run(ctx, command),
        Command::Serve(args) => serve::run(ctx, args),
        Command::Heartbeat { name } => serve::heartbeat(ctx, &name),
        Command::Demo(args) => demo::run(ctx, args),
        Command::Init(args) => init::run(args),
        Command::Db { command } => db::run(ctx, command),
        Command::Config { command } => config::run(ctx, command),
        Command::Completions { shell } => completions::completions(shell),
        Command::Man(args) => completions::man(args),
        Command::Complete { what } => completions::values(ctx, what),
    }
}
