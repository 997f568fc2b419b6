//! Programs run for a value: each in its own process group under a timeout, so a hung command
//! and whatever it started can be stopped.

use std::io::Read;
use std::process::{Command, Stdio};
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
        .map(|(m, command)| start(m, command, max_output))
        .collect();
    started
        .into_iter()
        .map(|r| match r {
            Ok(running) => running.finish(),
            Err(e) => Given::Failed(e),
        })
        .collect()
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

fn start(metric: &Metric, command: &str, max_output: u64) -> Result<Running, String> {
    let timeout = metric
        .timeout
        .and_then(|t| t.to_std().ok())
        .unwrap_or(DEFAULT_TIMEOUT);
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    // Its own process group, so a timeout can stop whatever the shell started too.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run `{command}`: {e}"))?;
    let stdout = child.stdout.take().ok_or("no output pipe")?;
    let (sender, output) = mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let read = stdout
            .take(max_output.saturating_add(1))
            .read_to_end(&mut bytes);
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
    fn finish(mut self) -> Given {
        let overran = || {
            Given::Failed(format!(
                "the command did not finish within {}s",
                self.timeout.as_secs_f64()
            ))
        };
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if Instant::now() >= self.deadline => {
                    kill_group(&mut self.child);
                    return overran();
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(5)),
                Err(e) => {
                    kill_group(&mut self.child);
                    return Given::Failed(format!("cannot wait for the command: {e}"));
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
                    Err(_) => return overran(),
                }
            }
        };
        kill_group(&mut self.child);
        // Too much output first: the command then dies of the pipe closing, which says less.
        let text = match output {
            Output::TooLong => {
                return Given::Failed(format!(
                    "the command printed more than {} bytes; a value is one line",
                    self.max_output
                ))
            }
            Output::Text(text) => text,
        };
        if !status.success() {
            return Given::Failed(format!("the command failed ({status})"));
        }
        match text.lines().map(str::trim).find(|l| !l.is_empty()) {
            Some(line) => Given::Text(line.to_string()),
            None => Given::Failed("the command printed nothing".into()),
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
