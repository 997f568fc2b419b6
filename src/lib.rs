//! mindops: an operations toolkit for a team running a live service.
//!
//! `main.rs` only calls [`main`]; everything else lives here so tests and benchmarks can reach
//! it. The rules of the seed live in pure modules ([`rotation`], [`threshold`], [`duration`]);
//! handlers in `cmd` fetch, call them, store and print.

pub mod cli;
mod cmd;
pub mod config;
pub mod net;
mod ops;
pub mod rules;
pub mod sources;
pub mod store;
pub mod util;

use std::ffi::OsString;
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
    let args: Vec<OsString> = std::env::args_os().collect();
    if let Some(cli) = cli::Cli::quick(&args) {
        return finish(run(cli));
    }
    // Built by hand rather than `Cli::try_parse()` so the tree of every subcommand's flags can
    // be left to the process exit: freeing it piece by piece costs more than a quick command.
    let mut command = <cli::Cli as clap::CommandFactory>::command();
    // The long descriptions and examples only when someone asks for help: every other run
    // is spared the work.
    if args
        .iter()
        .skip(1)
        .any(|a| a == "--help" || a == "-h" || a == "help")
    {
        command = cli::pages::documented(command);
    }
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|matches| <cli::Cli as clap::FromArgMatches>::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return usage_error(command, &args, e),
    };
    std::mem::forget(command);
    finish(run(cli))
}

/// The exit code of a command's outcome, its error reported.
fn finish(outcome: anyhow::Result<u8>) -> ExitCode {
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(exit::SUCCESS),
        Err(e) => {
            report(&e);
            let code = e.downcast_ref::<Failure>().map_or(exit::ERROR, |f| f.code);
            ExitCode::from(code)
        }
    }
}

/// Help and version go to stdout (exit 0), usage errors to stderr (2), as clap prints them; a
/// `metrics check` that cannot start says UNKNOWN instead, which is what monitoring reads.
fn usage_error(command: clap::Command, args: &[OsString], e: clap::Error) -> ExitCode {
    if e.exit_code() == 0 {
        let _ = e.print();
        return ExitCode::from(exit::SUCCESS);
    }
    let speaker = Speaker::guess(command, args);
    // Plain text, its control characters escaped: clap quotes the argument it could not read,
    // and that argument may carry escape sequences for the reader's terminal.
    let _ = write!(
        io::stderr(),
        "{}",
        util::output::escape_controls(&e.render().to_string())
    );
    if speaker == Speaker::Plain {
        return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
    }
    let text = e.render().to_string();
    let first = text.lines().next().unwrap_or_default();
    let reason = first.strip_prefix("error: ").unwrap_or(first);
    speaker.unknown_line(reason);
    ExitCode::from(rules::metrics::State::Unknown.code())
}

/// Who reads a failure: a person, or the monitoring system behind `metrics check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Speaker {
    Plain,
    MetricsCheck { nagios: bool },
}

impl Speaker {
    fn of(command: &cli::Command) -> Self {
        match command {
            cli::Command::Metrics {
                command: cli::MetricsCommand::Check(args),
            } => Speaker::MetricsCheck {
                nagios: args.format == cli::CheckFormat::Nagios,
            },
            _ => Speaker::Plain,
        }
    }

    /// The speaker of a command line that did not parse, from as much of it as parses: clap
    /// reads the global flags and subcommands itself, and arguments that are not UTF-8 are read
    /// lossily, only to find out which command was meant.
    fn guess(command: clap::Command, args: &[OsString]) -> Self {
        let lossy: Vec<String> = args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        fn lenient(command: clap::Command) -> clap::Command {
            command.ignore_errors(true).mut_subcommands(lenient)
        }
        let Ok(matches) = lenient(command).try_get_matches_from(&lossy) else {
            return Speaker::Plain;
        };
        let Some(("metrics", metrics)) = matches.subcommand() else {
            return Speaker::Plain;
        };
        let Some(("check", check)) = metrics.subcommand() else {
            return Speaker::Plain;
        };
        // clap stops reading at the first word it does not know, so a --format after it is
        // looked for by name.
        let format = check
            .try_get_one::<cli::CheckFormat>("format")
            .ok()
            .flatten();
        let asked = lossy
            .windows(2)
            .any(|w| w[0] == "--format" && w[1] == "nagios")
            || lossy.iter().any(|a| a == "--format=nagios");
        Speaker::MetricsCheck {
            nagios: format == Some(&cli::CheckFormat::Nagios) || asked,
        }
    }

    /// Nagios shows a plugin's first line of output, so for it that line says why.
    fn unknown_line(self, reason: &str) {
        if self == (Speaker::MetricsCheck { nagios: true }) {
            let mut out = util::output::Out::stdout();
            let _ = out
                .line(format!("METRICS UNKNOWN - {reason}"))
                .and_then(|()| out.flush());
        }
    }

    /// An error as this speaker ends on it: UNKNOWN (3) for a check.
    fn fail(self, error: anyhow::Error) -> anyhow::Error {
        match self {
            Speaker::Plain => error,
            Speaker::MetricsCheck { .. } => {
                self.unknown_line(&format!("{error:#}"));
                anyhow::Error::new(Failure {
                    code: rules::metrics::State::Unknown.code(),
                    error,
                })
            }
        }
    }
}

pub fn run(cli: cli::Cli) -> anyhow::Result<u8> {
    let speaker = Speaker::of(&cli.command);
    Context::new(&cli.global)
        .and_then(|ctx| cmd::run(&ctx, cli.command))
        .map_err(|e| speaker.fail(e))
}

/// One `mindops: error:` line per line of the message, the cause chain joined by ": ".
fn report(e: &anyhow::Error) {
    let mut text = format!("{e:#}");
    if e.chain().any(|c| c.is::<store::OutcomeUnknown>()) {
        text.push_str(
            "\nlook before you run it again: `mindops incident list --all` (or `oncall \
             override list`, `checklist`) shows whether the change is there",
        );
    }
    let mut stderr = io::stderr().lock();
    for line in text.lines() {
        let _ = writeln!(
            stderr,
            "mindops: error: {}",
            util::output::escape_controls(line)
        );
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
