//! Programs run for a value: each in its own process group under a timeout, so a hung command
//! and whatever it started can be stopped.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::Given;
use crate::config::Metric;

/// How long a `command:` may run when the metric sets no `timeout:`.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Runs every metric's command at once, each under its own timeout, and reads the first line
/// of its output as the value. A command that fails or overruns gives no value, with the reason.
pub fn run_metric_commands(metrics: &[&Metric]) -> Vec<Given> {
    let started: Vec<Result<Running, String>> = metrics.iter().map(|m| start(m)).collect();
    started
        .into_iter()
        .map(|r| match r {
            Ok(running) => running.finish(),
            Err(e) => Given::Failed(e),
        })
        .collect()
}

struct Running {
    child: std::process::Child,
    output: std::thread::JoinHandle<String>,
    deadline: Instant,
    timeout: Duration,
}

fn start(metric: &Metric) -> Result<Running, String> {
    let command = metric.command.as_deref().unwrap_or_default();
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
    let mut stdout = child.stdout.take().ok_or("no output pipe")?;
    let output = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    Ok(Running {
        child,
        output,
        deadline: Instant::now() + timeout,
        timeout,
    })
}

impl Running {
    fn finish(mut self) -> Given {
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) if status.success() => {
                    let text = self.output.join().unwrap_or_default();
                    return match text.lines().map(str::trim).find(|l| !l.is_empty()) {
                        Some(line) => Given::Text(line.to_string()),
                        None => Given::Failed("the command printed nothing".into()),
                    };
                }
                Ok(Some(status)) => return Given::Failed(format!("the command failed ({status})")),
                Ok(None) if Instant::now() >= self.deadline => {
                    kill_group(&mut self.child);
                    return Given::Failed(format!(
                        "the command did not finish within {}s",
                        self.timeout.as_secs_f64()
                    ));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(5)),
                Err(e) => return Given::Failed(format!("cannot wait for the command: {e}")),
            }
        }
    }
}

fn kill_group(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}
