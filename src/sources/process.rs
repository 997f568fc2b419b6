//! Programs run for a value or to deliver a message: each in its own process group under a
//! timeout, so a hung command and whatever it started can be stopped.

use std::io::{Read, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::Given;
use crate::config::Metric;

/// How long a `command:` may run when the metric sets no `timeout:`.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Runs every metric's command at once, each under its own timeout, and reads the first line
/// of its output as the value. A command that fails, overruns or prints more than `max_output`
/// bytes gives no value, with the reason.
pub fn run_metric_commands(metrics: &[(&Metric, &str)], max_output: u64) -> Vec<Given> {
    let started: Vec<Result<Running, String>> = metrics
        .iter()
        .map(|(m, command)| {
            let timeout = m
                .timeout
                .and_then(|t| t.to_std().ok())
                .unwrap_or(DEFAULT_TIMEOUT);
            start(command, None, timeout, max_output, &passed_on(&m.env))
        })
        .collect();
    started
        .into_iter()
        .map(|r| match r.and_then(Running::finish) {
            Ok((status, _)) if !status.success() => {
                Given::Failed(format!("the command failed ({status})"))
            }
            Ok((_, text)) => match text.lines().map(str::trim).find(|l| !l.is_empty()) {
                Some(line) => Given::Text(line.to_string()),
                None => Given::Failed("the command printed nothing".into()),
            },
            Err(e) => Given::Failed(e),
        })
        .collect()
}

/// Runs `command` with `input` on its standard input (a message for an SMS gateway, a paging
/// app): `Ok` when it exits 0 in time, else why not, with the first line it printed.
pub fn run_with_input(
    command: &str,
    input: Vec<u8>,
    timeout: Duration,
    vars: &[(String, String)],
) -> Result<(), String> {
    let (status, text) = start(command, Some(input), timeout, 64 * 1024, vars)?.finish()?;
    if status.success() {
        return Ok(());
    }
    let said = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| format!(": {l}"))
        .unwrap_or_default();
    Err(format!("`{command}` failed ({status}){said}"))
}

/// What the reader of a command's output found.
enum Output {
    Text(String),
    TooLong,
}

struct Running {
    child: std::process::Child,
    output: mpsc::Receiver<Output>,
    deadline: Instant,
    timeout: Duration,
    max_output: u64,
}

/// What every program mindops runs may see of its environment: where to find programs, a
/// home, the language and zone. Nothing else (a password, a database URL) unless the config
/// names it.
const BASIC_ENV: &[&str] = &["PATH", "HOME", "LANG", "LC_ALL", "TZ"];

/// The basic variables and those the config names, as they are set now.
pub fn passed_on(named: &[String]) -> Vec<(String, String)> {
    BASIC_ENV
        .iter()
        .copied()
        .chain(named.iter().map(String::as_str))
        .filter_map(|name| Some((name.to_string(), std::env::var(name).ok()?)))
        .collect()
}

fn start(
    command: &str,
    input: Option<Vec<u8>>,
    timeout: Duration,
    max_output: u64,
    vars: &[(String, String)],
) -> Result<Running, String> {
    let mut cmd = Command::new("sh");
    cmd.env_clear().envs(vars.iter().map(|(k, v)| (k, v)));
    cmd.arg("-c")
        .arg(command)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(if input.is_some() {
            // A delivery program's complaint is the message's last error.
            Stdio::piped()
        } else {
            Stdio::null()
        });
    // Its own process group, so a timeout can stop whatever the shell started too.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run `{command}`: {e}"))?;
    if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
        // A program that never reads its input must not block us: the writer has its own
        // thread, and the timeout still applies.
        std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
    }
    let stdout = child.stdout.take().ok_or("no output pipe")?;
    let stderr = child.stderr.take();
    let (sender, output) = mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let read = stdout
            .take(max_output.saturating_add(1))
            .read_to_end(&mut bytes);
        if let Some(stderr) = stderr {
            let _ = stderr.take(max_output).read_to_end(&mut bytes);
        }
        let found = if read.is_ok() && bytes.len() as u64 > max_output {
            Output::TooLong
        } else {
            Output::Text(String::from_utf8_lossy(&bytes).into_owned())
        };
        let _ = sender.send(found);
    });
    Ok(Running {
        child,
        output,
        deadline: Instant::now()
            .checked_add(timeout)
            .unwrap_or_else(Instant::now),
        timeout,
        max_output,
    })
}

impl Running {
    /// Waits for the command within its time: its exit status and output, or why there is
    /// neither.
    fn finish(mut self) -> Result<(ExitStatus, String), String> {
        let overran = |timeout: Duration| {
            format!(
                "the command did not finish within {}",
                crate::rules::duration::format_std(timeout)
            )
        };
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if Instant::now() >= self.deadline => {
                    kill_group(&mut self.child);
                    return Err(overran(self.timeout));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(5)),
                Err(e) => {
                    kill_group(&mut self.child);
                    return Err(format!("cannot wait for the command: {e}"));
                }
            }
        };
        // The shell has exited, but something it left in the background may still hold the
        // pipe open: the output counts as complete when the pipe closes or the time is up,
        // and whatever is still running then is stopped.
        let left = self.deadline.saturating_duration_since(Instant::now());
        let output = match self.output.recv_timeout(left) {
            Ok(output) => output,
            Err(_) => {
                kill_group(&mut self.child);
                match self.output.recv_timeout(Duration::from_secs(1)) {
                    Ok(output) => output,
                    Err(_) => return Err(overran(self.timeout)),
                }
            }
        };
        kill_group(&mut self.child);
        // Too much output first: the command then dies of the pipe closing, which says less.
        match output {
            Output::TooLong => Err(format!(
                "the command printed more than {} bytes; a value is one line",
                self.max_output
            )),
            Output::Text(text) => Ok((status, text)),
        }
    }
}

/// Stops the command's whole process group with one system call, then reaps the shell.
fn kill_group(child: &mut std::process::Child) {
    #[cfg(unix)]
    if let Some(group) = rustix::process::Pid::from_raw(child.id() as i32) {
        // The group may be gone already; that is what was wanted.
        let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}
