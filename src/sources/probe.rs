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
    let url = match crate::config::expand_env(&probe.url) {
        Ok(url) => url,
        Err(why) => return Given::Failed(format!("probe url: {why}")),
    };
    if probe.measure == Measure::CertExpiry {
        return expiry(&url, timeout, now, &metric.unit);
    }
    let answered = clients.get(&probe.trust).and_then(|client| {
        let max = if probe.follow_redirects {
            crate::net::http::MAX_REDIRECTS
        } else {
            0
        };
        let reply = client.get_following(&url, timeout, max)?;
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
        return Given::Failed(format!(
            "cert_expiry needs an https:// URL, not {}",
            crate::net::http::redact(url)
        ));
    };
    let (host, port) = host_and_port(crate::net::http::host_of(rest));
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

/// `example.com`, `example.com:8443`, `[::1]:8443`: the host (without an IPv6 address's
/// brackets) and the port, 443 when none is written.
fn host_and_port(authority: &str) -> (&str, u16) {
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((host, after)) => (host, after.strip_prefix(':')),
            None => (v6, None),
        },
        None => match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    (host, port.and_then(|p| p.parse().ok()).unwrap_or(443))
}

#[cfg(test)]
mod tests {
    use super::host_and_port;

    #[test]
    fn hosts_and_ports_of_an_https_authority() {
        assert_eq!(host_and_port("example.com"), ("example.com", 443));
        assert_eq!(host_and_port("example.com:8443"), ("example.com", 8443));
        assert_eq!(host_and_port("127.0.0.1:9"), ("127.0.0.1", 9));
        assert_eq!(host_and_port("[::1]:8443"), ("::1", 8443));
        assert_eq!(host_and_port("[::1]"), ("::1", 443));
    }
}
