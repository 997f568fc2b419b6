//! Where a check's values come from: arguments, an input file, and each metric's own source
//! (`command:`, `prometheus:`, `probe:`). Each outside world has its own module here: files and
//! their formats, processes, the Prometheus HTTP API and HTTP probes.

pub mod probe;
pub mod process;
pub mod prometheus;
pub mod prometheus_api;
pub mod values;

use std::collections::HashMap;
use std::io::Read;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::{bail, Context as _, Result};

use crate::config::thresholds::Source;
use crate::config::{Metric, Thresholds};
use crate::rules::units;
use crate::util::output::note;
use crate::util::suggest;
use prometheus::Selector;
use values::InputFormat;

/// A value before its metric's unit reads it.
#[derive(Debug, Clone)]
pub enum Given {
    /// As written: `1.2s`, `ok`.
    Text(String),
    /// Already a number in the metric's unit (a Prometheus sample).
    Number(f64),
    /// No value, and why.
    Failed(String),
    /// Measured as down (`failed`), and why.
    Down(String),
}

/// What a check asks for: values written on the command line, an input file, and whether the
/// metrics' own commands run.
pub struct Request<'a> {
    pub values: &'a [String],
    pub input: Option<(&'a str, InputFormat)>,
    /// Whether metrics not given a value are asked their own sources.
    pub run_sources: bool,
    /// The time a certificate's remaining life is counted from.
    pub now: chrono::DateTime<chrono::Utc>,
    /// The most bytes read from an input file or a command's output.
    pub max_bytes: u64,
}

/// Values by metric name, from every source, arguments first.
pub fn gather(thresholds: &Thresholds, args: &Request) -> Result<HashMap<String, Given>> {
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
    for pair in args.values {
        let Some((name, value)) = pair.split_once('=') else {
            bail!("\"{pair}\" is not NAME=VALUE, e.g. response_time=1.2s");
        };
        let name = known(name.trim())?;
        given.insert(name, Given::Text(value.trim().to_string()));
    }
    if let Some((path, format)) = args.input {
        for (name, value) in read_input(thresholds, path, format, args.max_bytes)? {
            given.entry(name).or_insert(value);
        }
    }
    if args.run_sources {
        let pending: Vec<&Metric> = thresholds
            .metrics
            .iter()
            .filter(|m| m.source.is_some() && !given.contains_key(&m.name))
            .collect();
        for (metric, value) in pending.iter().zip(ask(thresholds, &pending, args)) {
            given.insert(metric.name.clone(), value);
        }
    }
    Ok(given)
}

/// How many network sources are asked at once: enough that a check of twenty probes takes about
/// as long as the slowest, few enough not to look like an attack on the server.
const PARALLEL: usize = 16;

/// Every metric's own source at once: commands in their processes, queries and probes on a
/// bounded set of threads. The values come back in the metrics' order.
fn ask(thresholds: &Thresholds, metrics: &[&Metric], args: &Request) -> Vec<Given> {
    let mut results: Vec<Option<Given>> = vec![None; metrics.len()];
    let mut commands = Vec::new();
    let mut network = Vec::new();
    for (i, m) in metrics.iter().enumerate() {
        match &m.source {
            Some(Source::Command(command)) => commands.push((i, (*m, command.as_str()))),
            Some(_) => network.push((i, *m)),
            None => {}
        }
    }
    // The server (its URL, its token) is made ready only for a check that queries it.
    let queries = network
        .iter()
        .any(|(_, m)| matches!(m.source, Some(Source::Query { .. })));
    let server = if queries {
        prometheus_api::Server::new(&thresholds.prometheus)
    } else {
        Err(String::new())
    };
    let clients = crate::net::http::Clients::default();
    let next = AtomicUsize::new(0);
    let found: Vec<Mutex<Option<Given>>> = network.iter().map(|_| Mutex::new(None)).collect();
    let from_commands = std::thread::scope(|scope| {
        for _ in 0..PARALLEL.min(network.len()) {
            scope.spawn(|| loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                let Some((_, m)) = network.get(n) else { break };
                let value = match &m.source {
                    Some(Source::Query { expr, reduce }) => match &server {
                        Ok(server) => server.query(m, expr, *reduce),
                        Err(why) => Given::Failed(why.clone()),
                    },
                    Some(Source::Probe(p)) => probe::run(&clients, m, p, args.now),
                    _ => continue,
                };
                if let Ok(mut slot) = found[n].lock() {
                    *slot = Some(value);
                }
            });
        }
        let started: Vec<(&Metric, &str)> = commands.iter().map(|(_, c)| *c).collect();
        process::run_metric_commands(&started, args.max_bytes)
    });
    for ((i, (m, _)), value) in commands.iter().zip(from_commands) {
        results[*i] = Some(in_unit(m, value));
    }
    for ((i, _), slot) in network.iter().zip(found) {
        results[*i] = slot.into_inner().ok().flatten();
    }
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Given::Failed("the source gave nothing".into())))
        .map(Given::tidy)
        .collect()
}

impl Given {
    /// A reason from outside (a server's error, a label value, a command's output) made safe
    /// to show on the one line Nagios reads: one line, no `|` (which starts performance data
    /// and would let a server forge it), no credentials of a URL.
    fn tidy(self) -> Given {
        let tidy = |why: String| {
            let folded = why.split_whitespace().collect::<Vec<_>>().join(" ");
            crate::net::http::redact(&folded.replace('|', "/"))
        };
        match self {
            Given::Failed(why) => Given::Failed(tidy(why)),
            Given::Down(why) => Given::Down(tidy(why)),
            other => other,
        }
    }
}

/// A command's text read in the metric's declared `source_unit`, when it has one.
fn in_unit(metric: &Metric, value: Given) -> Given {
    match (value, &metric.source_unit) {
        (Given::Text(text), Some(from)) => {
            match units::parse_value(&text, from)
                .and_then(|v| units::convert(v, from, &metric.unit))
            {
                Ok(v) => Given::Number(v),
                Err(why) => Given::Failed(why),
            }
        }
        (value, _) => value,
    }
}

fn read_input(
    thresholds: &Thresholds,
    path: &str,
    format: InputFormat,
    max_bytes: u64,
) -> Result<Vec<(String, Given)>> {
    let text = if path == "-" {
        read_capped(std::io::stdin().lock(), max_bytes)
            .context("cannot read values from standard input")?
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {path}"))?;
        read_capped(file, max_bytes).with_context(|| format!("cannot read {path}"))?
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
                    let given = match units::prometheus_unit(&s.name) {
                        Some(base) => match units::convert(v?, base, &m.unit) {
                            Ok(v) => Given::Number(v),
                            Err(why) => Given::Failed(format!("{}: {why}", s.name)),
                        },
                        None => Given::Number(v?),
                    };
                    Some((m.name.clone(), given))
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

/// Reads text up to `max_bytes`: `--input /dev/zero` is an error, not a process that grows until
/// the machine stops it.
fn read_capped(from: impl Read, max_bytes: u64) -> Result<String> {
    let mut bytes = Vec::new();
    from.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        bail!(
            "the input is larger than {} MiB; a check reads at most that much (--max-input-mib)",
            max_bytes / (1024 * 1024)
        );
    }
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "the input is not UTF-8 text (a byte that is not at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}
