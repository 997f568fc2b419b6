//! Where a check's values come from: arguments, an input file, and `command:` metrics.

use std::collections::HashMap;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};

use crate::cli::{InputFormat, MetricsCheckArgs};
use crate::config::{Metric, Thresholds};
use crate::output::note;
use crate::prometheus::{self, Selector};
use crate::{suggest, values};

/// A value before its metric's unit reads it.
#[derive(Debug, Clone)]
pub enum Given {
    /// As written: `1.2s`, `ok`.
    Text(String),
    /// Already a number in the metric's unit (a Prometheus sample).
    Number(f64),
    /// No value, and why.
    Failed(String),
}

/// How long a `command:` may run when the metric sets no `timeout:`.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Values by metric name, from every source, arguments first.
pub fn gather(thresholds: &Thresholds, args: &MetricsCheckArgs) -> Result<HashMap<String, Given>> {
    let mut given: HashMap<String, Given> = HashMap::new();
    let known = |name: &str| -> Result<String> {
        match thresholds.metrics.iter().find(|m| m.name == name) {
            Some(m) => Ok(m.name.clone()),
            None => bail!(
                "unknown metric \"{name}\"{}; `mindops metrics list` shows them",
                suggest::hint(name, thresholds.metrics.iter().map(|m| m.name.as_str()))
            ),
        }
    };
    for pair in &args.values {
        let Some((name, value)) = pair.split_once('=') else {
            bail!("\"{pair}\" is not NAME=VALUE, e.g. response_time=1.2s");
        };
        let name = known(name.trim())?;
        given.insert(name, Given::Text(value.trim().to_string()));
    }
    if let Some(path) = &args.input {
        for (name, value) in read_input(thresholds, path, args.input_format)? {
            given.entry(name).or_insert(value);
        }
    }
    if !args.only_given {
        let pending: Vec<&Metric> = thresholds
            .metrics
            .iter()
            .filter(|m| m.command.is_some() && !given.contains_key(&m.name))
            .collect();
        for (metric, value) in pending.iter().zip(run_commands(&pending)) {
            given.insert(metric.name.clone(), value);
        }
    }
    Ok(given)
}

fn read_input(
    thresholds: &Thresholds,
    path: &str,
    format: InputFormat,
) -> Result<Vec<(String, Given)>> {
    let text = if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read values from standard input")?;
        text
    } else {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?
    };
    let format = match format {
        InputFormat::Auto => values::detect(path, &text),
        f => f,
    };
    let in_file = |e: String| anyhow::anyhow!("{path}: {e}");
    let pairs = match format {
        InputFormat::Prometheus => {
            let selectors: Vec<Selector> = thresholds
                .metrics
                .iter()
                .map(|m| {
                    m.selector
                        .clone()
                        .unwrap_or_else(|| Selector::named(&m.name))
                })
                .collect();
            let found = prometheus::scan(&text, &selectors).map_err(in_file)?;
            return Ok(thresholds
                .metrics
                .iter()
                .zip(found)
                .zip(&selectors)
                .filter_map(|((m, v), s)| {
                    let v = match crate::units::prometheus_unit(&s.name) {
                        Some(base) => crate::units::convert(v?, base, &m.unit),
                        None => v?,
                    };
                    Some((m.name.clone(), Given::Number(v)))
                })
                .collect());
        }
        InputFormat::Kv => values::key_values(&text),
        InputFormat::Json => values::json(&text),
        InputFormat::Yaml => values::yaml(&text),
        InputFormat::Auto => unreachable!("resolved above"),
    }
    .map_err(in_file)?;
    let mut out = Vec::new();
    for (name, value) in pairs {
        if thresholds.metrics.iter().any(|m| m.name == name) {
            out.push((name, Given::Text(value)));
        } else {
            note(format!(
                "{path}: ignored \"{name}\", which is not a metric in thresholds.yaml"
            ));
        }
    }
    Ok(out)
}

/// Runs every metric's command at once, each under its own timeout, and reads the first line
/// of its output as the value. A command that fails or overruns gives no value, with the reason.
fn run_commands(metrics: &[&Metric]) -> Vec<Given> {
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
