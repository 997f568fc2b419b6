//! The command line, defined once: help, completions and the man page are all generated from
//! these types. It depends on the crate only for the few value types the core owns
//! (colour choice, input format), never the other way round.

use std::path::PathBuf;

use clap::{Args, FromArgMatches, Parser, Subcommand, ValueEnum};

pub mod pages;

pub use crate::sources::values::InputFormat;
pub use crate::util::output::ColorChoice;

const AFTER_HELP: &str = "\
Getting started:
  mindops init                        write the sample rotation.yaml and thresholds.yaml
  mindops --db /tmp/demo.db demo      fill a scratch database with 90 days of history
  mindops --db /tmp/demo.db status    and look at it
  mindops oncall                      who is on call now

Exit codes:
  0  success
  1  a check found a problem (oncall check, incident check, checklist status)
  2  usage, config or input error; the message says what to fix
`metrics check` exits with the Nagios codes instead: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.";

#[derive(Debug, Parser)]
#[command(
    name = "mindops",
    version,
    about = "Operations toolkit for a team running a live service",
    long_about = "Operations toolkit for a team running a live service: who is on call, \
                  incidents, metric checks, daily checklists and reviews, from two YAML files \
                  and one SQLite database.",
    after_help = AFTER_HELP
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// `mindops oncall` with flags only, the most common quick look, read against a tree holding
    /// just that: making every other command's flags costs it a tenth of its time. `None`
    /// whenever the line does not read that way (another command, an `oncall` subcommand, help,
    /// version, any error); the whole tree then reads it and words the error. What this tree
    /// accepts the whole tree reads the same, as it is the whole tree with branches taken away
    /// (a test compares them).
    pub fn quick(args: &[std::ffi::OsString]) -> Option<Cli> {
        if args.get(1..)?.iter().all(|a| a != "oncall") {
            return None;
        }
        let root = GlobalArgs::augment_args(clap::Command::new("mindops"))
            .subcommand(OncallNow::augment_args(clap::Command::new("oncall")));
        let matches = root.try_get_matches_from(args).ok()?;
        let (_, oncall) = matches.subcommand()?;
        Some(Cli {
            global: GlobalArgs::from_arg_matches(&matches).ok()?,
            command: Command::Oncall(Box::new(OncallArgs {
                command: None,
                now: OncallNow::from_arg_matches(oncall).ok()?,
            })),
        })
    }
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Folder holding rotation.yaml and thresholds.yaml
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "MINDOPS_CONFIG_DIR",
        help_heading = "Global options"
    )]
    pub config_dir: Option<PathBuf>,

    /// SQLite file, or a shared PostgreSQL as postgres://USER@HOST/DB
    /// [default: $XDG_DATA_HOME/mindops/mindops.db]
    #[arg(
        long,
        global = true,
        value_name = "PATH|URL",
        env = "MINDOPS_DB",
        help_heading = "Global options"
    )]
    pub db: Option<PathBuf>,

    /// Show times in this IANA zone instead of the rotation's (e.g. Europe/Berlin)
    #[arg(
        long,
        global = true,
        value_name = "ZONE",
        help_heading = "Global options"
    )]
    pub tz: Option<String>,

    /// When to colour the output
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto,
          help_heading = "Global options")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people
    Table,
    /// JSON with stable field names (see the README)
    Json,
    /// Comma-separated values with a header line
    Csv,
    /// Bare values, one a line, for shell scripts
    Plain,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Who holds which role now or at any time; schedules, overrides, calendar export
    Oncall(Box<OncallArgs>),
    /// Incidents: open, acknowledge, escalate, close, with SLA clocks and a timeline
    Incident {
        #[command(subcommand)]
        command: IncidentCommand,
    },
    /// Check metric values against thresholds.yaml (for cron and Nagios), history, thresholds
    Metrics {
        #[command(subcommand)]
        command: MetricsCommand,
    },
    /// The daily checklist: who did what, what is overdue
    Checklist(Box<ChecklistArgs>),
    /// Notes handed to the next person on call
    Handover {
        #[command(subcommand)]
        command: HandoverCommand,
    },
    /// Weekly, monthly and quarterly reviews from what was recorded
    Report {
        #[command(subcommand)]
        kind: ReportKind,
    },
    /// A review meeting's decisions, noted under its agenda's topics and shown in its report
    Review {
        #[command(subcommand)]
        command: ReviewCommand,
    },
    /// Service level objectives: error budgets and burn-rate alerts, judged from the history
    Slo {
        #[command(subcommand)]
        command: SloCommand,
    },
    /// Messages to people and chat rooms: send what is queued, test a channel, list the outbox
    Notify {
        #[command(subcommand)]
        command: NotifyCommand,
    },
    /// The monitoring dashboard on one screen
    Status(StatusArgs),
    /// Listen for alerts, heartbeats and acknowledgements from links; run cron's work too
    Serve(ServeArgs),
    /// Record that a job reported in (a dead-man's switch), without a server
    Heartbeat {
        /// The heartbeat's name under `heartbeats:` in rotation.yaml
        name: String,
    },
    /// Fill a database with a realistic, deterministic history to try mindops on
    Demo(DemoArgs),
    /// Write the sample rotation.yaml and thresholds.yaml into a folder
    Init(InitArgs),
    /// The store: where it is and what it holds; copy a history between stores
    Db {
        #[command(subcommand)]
        command: DbCommand,
    },
    /// Validate the configuration
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Print a shell completion script
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print a man page (roff): mindops's own, or a command's; or write them all to a folder
    Man(ManArgs),
    /// Values for shell completion, one a line (the completion scripts call it)
    #[command(hide = true)]
    Complete {
        /// What to list
        #[arg(value_enum)]
        what: Completable,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the files [default: $XDG_CONFIG_HOME/mindops]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// The backend, where it is, its schema version and how many rows each table holds
    Status {
        /// table for people; json, csv, or plain (`TABLE ROWS` lines) for scripts
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Back up a SQLite store to a file while others go on writing: one consistent instant,
    /// checked, private (for PostgreSQL: pg_dump, or db copy into a SQLite file)
    Backup {
        /// The file to write; replaced whole if it exists
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// Copy a whole history between stores (SQLite file or postgres:// URL, either way), in one
    /// transaction, checked row count by row count
    Copy {
        /// The store to read [default: --db]
        #[arg(long, value_name = "PATH|URL")]
        from: Option<PathBuf>,
        /// The store to fill; it must be empty unless --replace
        #[arg(long, value_name = "PATH|URL")]
        to: PathBuf,
        /// Delete everything the target holds first
        #[arg(long)]
        replace: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum NotifyCommand {
    /// Queue the reminders due, then send every message due (for cron; `incident check` does
    /// this too). Failed attempts are retried later with backoff
    Flush {
        /// Stop sending after this long; what is left stays queued [default: 1m]
        #[arg(long, value_name = "DURATION")]
        budget: Option<String>,
        /// table for people; json for scripts
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Send a test message to a person (on their channels) or to one channel, now
    Test {
        /// A member of rotation.yaml, or a channel under notify.channels
        #[arg(value_name = "PERSON|CHANNEL")]
        target: String,
    },
    /// The outbox: each message's state, attempts and last error, oldest first
    List {
        /// Only messages given up on
        #[arg(long)]
        failed: bool,
        /// Only messages about this incident
        #[arg(long, value_name = "ID")]
        incident: Option<i64>,
        /// The newest this many
        #[arg(long, value_name = "N", default_value_t = 50)]
        limit: u32,
        /// table for people; json, csv or plain for scripts
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Check rotation.yaml and thresholds.yaml and their cross-references (exit 0 valid, 2 invalid)
    Check {
        /// Accept a version of the team that starts before the last recorded page, changing
        /// who the history says was on call
        #[arg(long)]
        rewrite_history: bool,
    },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct OncallArgs {
    #[command(subcommand)]
    pub command: Option<OncallCommand>,

    #[command(flatten)]
    pub now: OncallNow,
}

/// `mindops oncall` without a subcommand: who holds each role at one instant.
#[derive(Debug, Args)]
pub struct OncallNow {
    /// The shift covering this day (YYYY-MM-DD, in the rotation's zone)
    #[arg(long, value_name = "DATE", conflicts_with = "at")]
    pub date: Option<String>,

    /// An instant (RFC 3339, e.g. 2024-08-07T10:00:00Z)
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,

    /// Only this role
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,

    /// How to print: a table for people, or json, csv or plain for scripts
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum OncallCommand {
    /// The coming shifts, one row each
    Schedule(ScheduleArgs),
    /// Temporary replacements of a role's holder
    Override {
        #[command(subcommand)]
        command: OverrideCommand,
    },
    /// Export shifts as an iCalendar (RFC 5545) file
    Export(ExportArgs),
    /// Check coverage and fairness over the coming weeks (exit 1 on a problem)
    Check(CheckArgs),
    /// Time off: the person holds no role over whole days, and the cover rule fills theirs
    Off(OffArgs),
    /// Swap two people's roles for one shift (two overrides, made and told as one)
    Swap(SwapArgs),
    /// Who would hold each role under another config (a branch's): the differences, hours per
    /// person before and after, and the gaps (exit 1 when the other config has one)
    Plan(PlanArgs),
    /// On-call health over a period: hours, pages, pages at night, acknowledgements,
    /// overrides and time off per person, and how evenly the hours fell
    Load(LoadArgs),
}

#[derive(Debug, Args)]
pub struct LoadArgs {
    /// A week (2024-W32), a month (2024-08) or a quarter (2024-Q3) [default: the last complete
    /// month]
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,

    /// How to print: a table for people, or json, csv or plain for scripts
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The folder holding the other rotation.yaml (a checkout of the branch)
    #[arg(long, value_name = "DIR")]
    pub against: PathBuf,

    /// How many weeks from now to compare
    #[arg(long, value_name = "N", default_value_t = 12,
          value_parser = clap::value_parser!(u32).range(1..=MAX_WEEKS as i64))]
    pub weeks: u32,

    /// table for people, markdown for a pull request's comment, json for scripts
    #[arg(long, value_enum, default_value_t = PlanFormat::Table)]
    pub format: PlanFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// Tables for people
    Table,
    /// Markdown, for a pull request's comment
    Markdown,
    /// JSON with stable field names
    Json,
}

#[derive(Debug, Args)]
pub struct SwapArgs {
    /// One of the two
    #[arg(value_name = "PERSON")]
    pub first: String,

    /// The other
    #[arg(value_name = "PERSON")]
    pub second: String,

    /// The shift: its number (as `oncall` shows it, the seed's "Week 2") or a day in it
    #[arg(long, value_name = "N|DATE")]
    pub week: String,

    /// Why, for the record and the people told
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,

    /// Who records it [default: $MINDOPS_USER, else $USER]
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct OffArgs {
    /// Who is off
    #[arg(value_name = "PERSON")]
    pub person: String,

    /// The first day off (YYYY-MM-DD, in the rotation's zone)
    #[arg(long, value_name = "DATE")]
    pub from: String,

    /// The last day off, included (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub to: String,

    /// Why, for the record and the people told
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,

    /// Who records it [default: $MINDOPS_USER, else $USER]
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

/// The window that schedule, export and check look at.
/// The most weeks a schedule, export or check looks at: ten years.
pub const MAX_WEEKS: u32 = 520;

#[derive(Debug, Args)]
pub struct Window {
    /// First day (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// How many weeks from --from
    #[arg(long, value_name = "N", conflicts_with = "to",
          value_parser = clap::value_parser!(u32).range(1..=MAX_WEEKS as i64))]
    pub weeks: Option<u32>,

    /// Last day, inclusive (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

#[derive(Debug, Args)]
pub struct ScheduleArgs {
    #[command(flatten)]
    pub window: Window,

    /// Only this person's shifts, with the role they hold
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,

    /// How to print: a table for people, or json, csv or plain for scripts
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// iCalendar output (the only export format, and the default)
    #[arg(long)]
    pub ics: bool,

    #[command(flatten)]
    pub window: Window,

    /// Only this person's shifts
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// How many weeks ahead to check
    #[arg(long, value_name = "N", default_value_t = 4,
          value_parser = clap::value_parser!(u32).range(1..=MAX_WEEKS as i64))]
    pub weeks: u32,

    /// How to print: a table for people, or json, csv or plain for scripts
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum OverrideCommand {
    /// Give a role to someone else for a while
    Add(OverrideAddArgs),
    /// Overrides in force now or later (--all for past and removed ones too)
    List {
        /// Include ended and removed overrides
        #[arg(long)]
        all: bool,

        /// How to print: a table for people, or json, csv or plain for scripts
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Remove an override (it is kept in the store, marked removed)
    Remove {
        /// The override's id, as `override list` shows it
        id: i64,

        /// Who removes it [default: $MINDOPS_USER, else $USER]
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct OverrideAddArgs {
    /// The role taken over
    #[arg(long, value_name = "ROLE")]
    pub role: String,

    /// Who takes it
    #[arg(long, value_name = "NAME")]
    pub person: String,

    /// Start: RFC 3339, YYYY-MM-DD or YYYY-MM-DDTHH:MM (rotation zone), or "now"
    #[arg(long, value_name = "TIME")]
    pub from: String,

    /// End, exclusive, in the same forms as --from
    #[arg(long, value_name = "TIME")]
    pub to: String,

    /// Why, for the record
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,

    /// Allow the person to hold two roles at once
    #[arg(long)]
    pub force: bool,

    /// Who makes the override [default: $MINDOPS_USER, else $USER]
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum MetricsCommand {
    /// Compare values with thresholds, record them, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
    Check(MetricsCheckArgs),
    /// Store values as they are, e.g. from a daily job, without checking the other metrics
    Record(MetricsRecordArgs),
    /// Recorded values of one metric
    History {
        /// The metric's name in thresholds.yaml
        name: String,
        /// From this day on (YYYY-MM-DD) [default: the last 7 days]
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// How to print: a table for people, or json, csv or plain for scripts
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The metrics and their thresholds
    List {
        /// How to print: a table for people, or json, csv or plain for scripts
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// What the config (thresholds, for: holds, SLOs) would have done over the recorded values
    /// of a period, beside what was recorded; writes nothing
    Replay {
        /// From this day on (YYYY-MM-DD, in the rotation's zone)
        #[arg(long, value_name = "DATE")]
        from: String,
        /// Up to the end of this day [default: today]
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// How to print: a table for people, or json for scripts
        #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
        format: TableOrJson,
    },
    /// Load a history of values from a CSV file (at,metric,value), judged as they are recorded
    Import {
        /// The CSV file, or - for standard input: a header line, then at (RFC 3339 or epoch
        /// seconds), metric, value
        #[arg(value_name = "FILE")]
        file: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableOrJson {
    /// A table for people
    Table,
    /// JSON with stable field names
    Json,
}

#[derive(Debug, Subcommand)]
pub enum SloCommand {
    /// Each SLO's budget left, its burn rate over every alert window, and the alert that fires;
    /// exit 0 OK, 1 ticket, 2 page, 3 unknown
    Status {
        /// How to print: a table for people, or json for scripts
        #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
        format: TableOrJson,
    },
    /// The SLOs as Sloth or Pyrra specs, for Prometheus to evaluate them
    Export {
        /// Sloth's prometheus/v1 spec, or Pyrra's ServiceLevelObjective resources
        #[arg(long, value_enum)]
        format: SloExportFormat,
        /// The service the SLOs belong to (Sloth's service, Pyrra's namespace label)
        #[arg(long, value_name = "NAME", default_value = "mindops")]
        service: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SloExportFormat {
    /// Sloth's `prometheus/v1` spec (sloth generate -i FILE)
    Sloth,
    /// Pyrra's `pyrra.dev/v1alpha1` ServiceLevelObjective, one document per SLO
    Pyrra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Table,
    Json,
    Csv,
    /// One monitoring-plugins line with performance data
    Nagios,
}

/// Where the values of a check or a recording come from.
#[derive(Debug, Args)]
pub struct ValueArgs {
    /// Values as NAME=VALUE, e.g. response_time=1.2s error_rate=0.01%
    #[arg(value_name = "NAME=VALUE")]
    pub values: Vec<String>,

    /// Read values from a file, or - for standard input
    #[arg(long, value_name = "FILE")]
    pub input: Option<String>,

    /// How --input is written [default: told by the file name, else the content]
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,

    /// The most an input file or a command's output may hold, in MiB
    #[arg(long, value_name = "MIB", default_value_t = 64,
          value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub max_input_mib: u32,
}

#[derive(Debug, Args)]
pub struct MetricsRecordArgs {
    #[command(flatten)]
    pub given: ValueArgs,
}

#[derive(Debug, Args)]
pub struct MetricsCheckArgs {
    #[command(flatten)]
    pub given: ValueArgs,

    /// Check only the metrics given a value (no sources asked, no recorded values used)
    #[arg(long)]
    pub only_given: bool,

    /// Do not record the values
    #[arg(long)]
    pub no_record: bool,

    /// Open an incident for each CRITICAL metric (as `incidents: true` in thresholds.yaml)
    #[arg(long)]
    pub open_incidents: bool,

    /// Also write values and states in Prometheus text format to FILE (atomically)
    #[arg(long, value_name = "FILE")]
    pub prom_out: Option<PathBuf>,

    /// How to print: a table, json, csv, or nagios (one plugin line with perfdata)
    #[arg(long, value_enum, default_value_t = CheckFormat::Table)]
    pub format: CheckFormat,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ChecklistArgs {
    #[command(subcommand)]
    pub command: Option<ChecklistCommand>,

    /// The day (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// Only this slot (morning, afternoon, evening)
    #[arg(long, value_name = "SLOT")]
    pub slot: Option<String>,

    /// How to print: a table for people, or json, csv or plain for scripts
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// Tick items: by id (morning.verify-backups), number, or a prefix of the text
    Done {
        /// Items by id (verify-backups), number in the day's list, or the start of their text
        #[arg(required = true, value_name = "ITEM")]
        items: Vec<String>,
        /// The day (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// A note kept with it
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        #[command(flatten)]
        by: By,
    },
    /// Untick items
    Undo {
        /// Items by id (verify-backups), number in the day's list, or the start of their text
        #[arg(required = true, value_name = "ITEM")]
        items: Vec<String>,
        /// The day (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[command(flatten)]
        by: By,
    },
    /// For cron: exit 1 naming the items whose deadline has passed undone
    Status {
        /// The day (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// How to print: a table for people, or json, csv or plain for scripts
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Completion per day and per person
    History {
        /// First day [default: six days before --to]
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day, inclusive [default: today]
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// How to print: a table for people, or json, csv or plain for scripts
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
pub enum HandoverCommand {
    /// Write a note for the next person on call
    Add {
        /// The note for the next person on call
        text: String,
        #[command(flatten)]
        by: By,
    },
    /// Notes since a day [default: since the current shift began]
    List {
        /// From this day on (YYYY-MM-DD) [default: since the previous handoff]
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// How to print: a table for people, or json, csv or plain for scripts
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReportKind {
    /// An ISO week (Monday to Sunday): performance, incidents, process
    Weekly(ReportArgs),
    /// A calendar month: adds growth, feature adoption, support trends
    Monthly(ReportArgs),
    /// A quarter: the strategic view and the team
    Quarterly(ReportArgs),
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// 2024-W31, 2024-08 or 2024-Q3 [default: the last complete period]
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,

    /// How to print: markdown, json or html
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,

    /// Write to FILE instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Json,
    /// One self-contained page with inline SVG charts
    Html,
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Note a decision under an agenda topic of a review period
    Note {
        /// The period: a week (2024-W32), a month (2024-08) or a quarter (2024-Q3)
        #[arg(long, value_name = "PERIOD")]
        period: String,
        /// The agenda topic: weekly performance, feedback, incidents, process; monthly growth,
        /// adoption, support, resources; quarterly strategy, roadmap, team, budget
        #[arg(long, value_name = "TOPIC")]
        topic: String,
        /// What was decided
        text: String,
        #[command(flatten)]
        by: By,
    },
    /// The agenda of a review period, with the notes under each topic
    Agenda {
        /// The period: a week (2024-W32), a month (2024-08) or a quarter (2024-Q3)
        #[arg(long, value_name = "PERIOD")]
        period: String,
        /// How to print: a table for people, or json, csv or plain for scripts
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print, e.g. incident, or incident open [default: mindops]
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,

    /// Write every page (mindops.1, mindops-incident.1, ...) into this folder instead
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Redraw every SECONDS until interrupted
    #[arg(long, value_name = "SECONDS", num_args = 0..=1, default_missing_value = "5",
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub watch: Option<u64>,

    /// How to print: the screen for people, or json for scripts (a dashboard is no list, so
    /// there is no csv or plain)
    #[arg(long, value_enum, default_value_t = ScreenFormat::Table)]
    pub format: ScreenFormat,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on [default: serve.listen in rotation.yaml, else
    /// 127.0.0.1:8787]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Completable {
    /// Severity keys from thresholds.yaml
    Severities,
    /// Roles from rotation.yaml
    Roles,
    /// Team members from rotation.yaml
    Members,
    /// Incidents not closed, by number
    Incidents,
    /// IANA time zone names, for --tz
    Zones,
    /// Recent weeks, months and quarters (2024-W32, 2024-08, 2024-Q3)
    Periods,
    /// Recent ISO weeks
    Weeks,
    /// Recent months
    Months,
    /// Recent quarters
    Quarters,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScreenFormat {
    /// The dashboard for people
    Table,
    /// JSON with stable field names (see the README)
    Json,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many days of history, ending now
    #[arg(long, value_name = "N", default_value_t = 90,
          value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub days: u32,

    /// The same seed gives the same history
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub seed: u64,

    /// Add the history even though the database already holds data
    #[arg(long)]
    pub force: bool,
}

/// `--by NAME`, shared by every command that records who did something.
#[derive(Debug, Args)]
pub struct By {
    /// Who is acting [default: $MINDOPS_USER, else $USER]
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum IncidentCommand {
    /// Open an incident and page the roles its severity names
    Open(IncidentOpenArgs),
    /// A dry run: who an incident would page, when and on which channels, if nobody answered
    /// (nothing is stored or sent)
    Simulate(IncidentSimulateArgs),
    /// Acknowledge: stops the response clock and timeout escalations
    Ack {
        /// The incident's number (see `incident list`)
        id: i64,
        #[command(flatten)]
        by: By,
    },
    /// Page the next role of the chain, or raise the severity with --sev
    Escalate {
        /// The incident's number (see `incident list`)
        id: i64,
        /// Raise to this severity (due times recomputed from the open time)
        #[arg(long, value_name = "SEV")]
        sev: Option<String>,
        /// Why, for the timeline
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
        #[command(flatten)]
        by: By,
    },
    /// Change the severity (either way), title or description; every change is logged
    Update {
        /// The incident's number (see `incident list`)
        id: i64,
        /// A severity key from thresholds.yaml, e.g. P1
        #[arg(long, value_name = "SEV")]
        sev: Option<String>,
        /// A new title
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// More detail: what is seen, where, since when
        #[arg(long, value_name = "TEXT")]
        description: Option<String>,
        /// Why, for the timeline
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
        #[command(flatten)]
        by: By,
    },
    /// Move the incident to a protocol phase: PHASE is one of detection, assessment, resolution,
    /// review (as thresholds.yaml names them)
    Phase {
        /// The incident's number (see `incident list`)
        id: i64,
        /// The phase to move to, from the protocol in thresholds.yaml (e.g. assessment)
        phase: String,
        #[command(flatten)]
        by: By,
    },
    /// Tick a protocol step (its id, e.g. verify-incident, or a prefix of its text)
    Step {
        /// The incident's number (see `incident list`)
        id: i64,
        /// The step: its id (detection.verify-incident), its name, or the start of its text
        step: String,
        /// A note kept with it
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        #[command(flatten)]
        by: By,
    },
    /// Add a note to the timeline
    Note {
        /// The incident's number (see `incident list`)
        id: i64,
        /// The note, for the timeline
        text: String,
        #[command(flatten)]
        by: By,
    },
    /// Close with a resolution
    Close {
        /// The incident's number (see `incident list`)
        id: i64,
        /// What fixed it (required)
        #[arg(long, value_name = "TEXT", required = true)]
        resolution: String,
        #[command(flatten)]
        by: By,
    },
    /// Reopen a closed incident
    Reopen {
        /// The incident's number (see `incident list`)
        id: i64,
        /// Why, for the timeline
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
        #[command(flatten)]
        by: By,
    },
    /// Incidents, newest first, with their SLA state
    List(IncidentListArgs),
    /// Every field and the whole timeline
    Show {
        /// The incident's number (see `incident list`)
        id: i64,
        /// How to print: a table for people, or json, csv or plain for scripts
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// For cron: escalate unacknowledged incidents past due, record breaches (exit 1 while any
    /// open incident is in breach)
    Check {
        /// How to print: a table for people, or json, csv or plain for scripts
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// A post-incident review in Markdown
    Review {
        /// The incident's number (see `incident list`)
        id: i64,
    },
    /// Follow-up actions from a review
    Action {
        #[command(subcommand)]
        command: ActionCommand,
    },
}

#[derive(Debug, Args)]
pub struct IncidentSimulateArgs {
    /// Severity key from thresholds.yaml, e.g. P1
    #[arg(long, value_name = "SEV")]
    pub sev: String,

    /// When the incident opens: RFC 3339, a date, a local date and time, or now [default: now]
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,

    /// Someone acknowledges this long after it opens (e.g. 40m) [default: nobody does]
    #[arg(long, value_name = "DURATION")]
    pub acked_after: Option<String>,

    /// table for people; json for scripts and tests
    #[arg(long, value_enum, default_value_t = ScreenFormat::Table)]
    pub format: ScreenFormat,
}

#[derive(Debug, Args)]
pub struct IncidentOpenArgs {
    /// Severity key from thresholds.yaml, e.g. P1
    #[arg(long, value_name = "SEV")]
    pub sev: String,

    /// What is wrong, in one line
    #[arg(long, value_name = "TEXT")]
    pub title: String,

    /// More detail: what is seen, where, since when
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// While an incident with this key is open, opening again adds to it instead
    #[arg(long, value_name = "KEY")]
    pub dedup_key: Option<String>,

    #[command(flatten)]
    pub by: By,

    /// How to print: a table for people, or json, csv or plain for scripts
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct IncidentListArgs {
    /// Only incidents not closed (the default)
    #[arg(long, conflicts_with = "all")]
    pub open: bool,

    /// Closed incidents too
    #[arg(long)]
    pub all: bool,

    /// A severity key from thresholds.yaml, e.g. P1
    #[arg(long, value_name = "SEV")]
    pub sev: Option<String>,

    /// Opened on or after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only incidents past a due time
    #[arg(long)]
    pub breaching: bool,

    /// At most this many
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,

    /// How to print: a table for people, or json, csv or plain for scripts
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Add a follow-up action to an incident
    Add {
        /// The incident's number (see `incident list`)
        id: i64,
        /// What is to be done
        text: String,
        /// Who will do it
        #[arg(long, value_name = "NAME")]
        owner: String,
        /// Due day (YYYY-MM-DD) [default: a week from today]
        #[arg(long, value_name = "DATE")]
        due: Option<String>,
        #[command(flatten)]
        by: By,
    },
    /// Mark an action done
    Done {
        /// The action's number (see `incident show`)
        action_id: i64,
        #[command(flatten)]
        by: By,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    /// The quick reading of `oncall` agrees with the whole tree on every line it accepts, and
    /// leaves to it every line that is help, another command or an error.
    #[test]
    fn the_quick_reading_agrees_with_the_whole_tree() {
        let accepted = [
            "mindops oncall",
            "mindops oncall --date 2024-08-07",
            "mindops oncall --date=2024-08-07 --format json",
            "mindops --db /tmp/x.db oncall --at 2024-08-07T10:00:00Z --role Primary",
            "mindops oncall --format csv --db postgres://u@h/d --tz Europe/Berlin",
            "mindops --config-dir /etc/mindops --color never oncall --format plain",
            "mindops oncall --role oncall",
        ];
        for line in accepted {
            let words: Vec<std::ffi::OsString> = line.split(' ').map(Into::into).collect();
            let quick = Cli::quick(&words).unwrap_or_else(|| panic!("not read quickly: {line}"));
            let whole = Cli::try_parse_from(&words).expect(line);
            assert_eq!(format!("{quick:?}"), format!("{whole:?}"), "{line}");
        }
        let left = [
            "mindops",
            "mindops oncall --help",
            "mindops help oncall",
            "mindops --version oncall",
            "mindops oncall schedule --weeks 2",
            "mindops oncall check",
            "mindops oncall --date 2024-08-07 --at 2024-08-07T10:00:00Z",
            "mindops oncall --format yaml",
            "mindops oncall --bogus",
            "mindops incident open --title oncall",
            "mindops oncall override list",
        ];
        for line in left {
            let words: Vec<std::ffi::OsString> = line.split(' ').map(Into::into).collect();
            assert!(Cli::quick(&words).is_none(), "read quickly: {line}");
        }
    }

    /// Every flag and argument of every command says what it is for in --help.
    #[test]
    fn every_argument_has_a_help_line() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" || arg.is_hide_set() {
                    continue;
                }
                if arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("{path} {id}"));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "mindops", &mut missing);
        assert!(missing.is_empty(), "without help: {missing:#?}");
    }
}
