//! mindops: an operations toolkit for a team running a live service.
//!
//! `main.rs` only calls [`main`]; everything else lives here so tests and benchmarks can reach
//! it. The rules of the seed live in pure modules ([`rotation`], [`threshold`], [`duration`]);
//! handlers in `cmd` fetch, call them, store and print.

pub mod cli;
pub mod clock;
mod cmd;
pub mod config;
mod context;
pub mod duration;
pub mod ics;
pub mod incident;
pub mod output;
pub mod rotation;
pub mod store;
pub mod suggest;
pub mod threshold;
pub mod time;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

pub use context::Context;

/// Exit codes shared by every command (`metrics check` will use the Nagios codes instead).
pub mod exit {
    pub const SUCCESS: u8 = 0;
    /// A check ran and found a problem.
    pub const PROBLEM: u8 = 1;
    /// Usage, config or input error: nothing was done.
    pub const ERROR: u8 = 2;
}

/// Parses the command line, runs the command and turns the outcome into an exit code.
pub fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr (2).
            let _ = e.print();
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(exit::SUCCESS),
        Err(e) => {
            report(&e);
            ExitCode::from(exit::ERROR)
        }
    }
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
