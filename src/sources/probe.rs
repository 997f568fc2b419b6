//! HTTP probes, as check_http and the blackbox exporter make them: how long the answer took,
//! whether the service is up (expected status and body), and how long until its TLS certificate
//! expires.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::Given;
use crate::config::thresholds::{Measure, Probe};
use crate::config::Metric;
use crate::net::http::Clients;
use crate::net::tls;
use crate::rules::units;

/// How long a probe may take when the metric sets no `timeout:`.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The metric's value by its probe, in its unit.
pub fn run(clients: &Clients, metric: &Metric, probe: &Probe, now: DateTime<Utc>) -> Given {
    let timeout = metric
        .timeout
        .and_then(|t| t.to_std().ok())
        .unwrap_or(DEFAULT_TIMEOUT);
    let url = match crate::config::expand(&probe.url, |name| std::env::var(name).ok()) {
        Ok(url) => url,
        Err(why) => return Given::Failed(format!("probe url: {why}")),
    };
    if probe.measure == Measure::CertExpiry {
        return expiry(&url, timeout, now, &metric.unit);
    }
    let answered = clients.get(&probe.trust).and_then(|client| {
        let reply = client.get(&url, &[], timeout)?;
        let expected = if probe.status.is_empty() {
            (200..300).contains(&reply.status)
        } else {
            probe.status.contains(&reply.status)
        };
        if !expected {
            return Err(format!(
                "HTTP {} (expected {})",
                reply.status,
                if probe.status.is_empty() {
                    "2xx".to_string()
                } else {
                    probe
                        .status
                        .iter()
                        .map(u16::to_string)
                        .collect::<Vec<_>>()
                        .join(" or ")
                }
            ));
        }
        if let Some(text) = &probe.body {
            if !reply.body.contains(text.as_str()) {
                return Err(format!("the answer does not contain \"{text}\""));
            }
        }
        Ok(reply.elapsed)
    });
    match (probe.measure, answered) {
        (Measure::Up, Ok(_)) => Given::Text("ok".into()),
        (Measure::Up, Err(why)) => Given::Down(why),
        (_, Ok(elapsed)) => match units::convert(elapsed.as_secs_f64(), "s", &metric.unit) {
            Ok(v) => Given::Number(v),
            Err(why) => Given::Failed(why),
        },
        (_, Err(why)) => Given::Failed(why),
    }
}

/// Time left on the certificate of an `https://` URL's server, in the metric's unit (negative
/// once expired).
fn expiry(url: &str, timeout: Duration, now: DateTime<Utc>, unit: &str) -> Given {
    let Some(rest) = url.strip_prefix("https://") else {
        return Given::Failed(format!("cert_expiry needs an https:// URL, not {url}"));
    };
    let authority = crate::net::http::host_of(rest);
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || host.starts_with('[') => {
            match port.parse::<u16>() {
                Ok(port) => (host, port),
                Err(_) => (authority, 443),
            }
        }
        _ => (authority, 443),
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    match tls::certificate_expiry(host, port, timeout) {
        Ok(not_after) => {
            let left = not_after.signed_duration_since(now).num_seconds() as f64;
            match units::convert(left, "s", unit) {
                Ok(v) => Given::Number(v),
                Err(why) => Given::Failed(why),
            }
        }
        Err(why) => Given::Failed(why),
    }
}
