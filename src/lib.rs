//! mindops: an operations toolkit for a team running a live service.
//!
//! `main.rs` only calls [`main`]; everything else lives here so tests and benchmarks can reach
//! it. The rules of the seed live in pure modules ([`rotation`], [`threshold`], [`duration`]);
//! handlers in `cmd` fetch, call them, store and print.

pub mod cli;
mod cmd;
pub mod config;
mod ops;
pub mod rules;
pub mod sources;
pub mod store;
pub mod util;

use std::io::{self, Write};
use std::process::ExitCode;

pub(crate) use cmd::context::Context;

/// Exit codes shared by every command (`metrics check` will use the Nagios codes instead).
pub mod exit {
    pub const SUCCESS: u8 = 0;
    /// A check ran and found a problem.
    pub const PROBLEM: u8 = 1;
    /// Usage, config or input error: nothing was done.
    pub const ERROR: u8 = 2;
}

/// An error that ends the command with its own exit code rather than 2: `metrics check` speaks
/// Nagios, where a plugin that cannot do its job says UNKNOWN (3).
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub error: anyhow::Error,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#}", self.error)
    }
}

impl std::error::Error for Failure {}

/// Parses the command line, runs the command and turns the outcome into an exit code.
pub fn main() -> ExitCode {
    // Built by hand rather than `Cli::try_parse()` so the tree of every subcommand's flags can
    // be left to the process exit: freeing it piece by piece costs more than a quick command.
    let mut command = <cli::Cli as clap::CommandFactory>::command();
    let parsed = command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|matches| <cli::Cli as clap::FromArgMatches>::from_arg_matches(&matches));
    std::mem::forget(command);
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr (2).
            let _ = e.print();
            let code = match e.exit_code() {
                0 => exit::SUCCESS,
                _ if is_metrics_check(std::env::args().skip(1)) => {
                    rules::metrics::State::Unknown.code()
                }
                code => code.clamp(0, 255) as u8,
            };
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(exit::SUCCESS),
        Err(e) => {
            report(&e);
            let code = e.downcast_ref::<Failure>().map_or(exit::ERROR, |f| f.code);
            ExitCode::from(code)
        }
    }
}

/// Whether the words name `metrics check`, past the global options: a monitoring system that
/// runs it with a bad flag must see UNKNOWN, not a code it reads as CRITICAL.
fn is_metrics_check(args: impl Iterator<Item = String>) -> bool {
    let mut words = Vec::new();
    let mut skip_value = false;
    for arg in args {
        if skip_value {
            skip_value = false;
        } else if ["--config-dir", "--db", "--tz", "--color"].contains(&arg.as_str()) {
            skip_value = true;
        } else if !arg.starts_with('-') {
            words.push(arg);
            if words.len() == 2 {
                break;
            }
        }
    }
    words == ["metrics", "check"]
}

pub fn run(cli: cli::Cli) -> anyhow::Result<u8> {
    let ctx = Context::new(&cli.global)?;
    cmd::run(&ctx, cli.command)
}

/// One `mindops: error:` line per line of the message, the cause chain joined by ": ".
fn report(e: &anyhow::Error) {
    let text = format!("{e:#}");
    let mut stderr = io::stderr().lock();
    for line in text.lines() {
        let _ = writeln!(stderr, "mindops: error: {line}");
    }
}

/// `mindops ... | head -1` closes the pipe early; that is the reader's choice, not a failure.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
