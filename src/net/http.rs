//! HTTP over ureq: synchronous, rustls on ring (no OpenSSL), one global timeout per request.
//! Every failure comes back as one sentence naming the URL's host, for a check's UNKNOWN line or
//! a delivery's last error.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ureq::tls::{Certificate, RootCerts, TlsConfig};

/// The most of a response body read: a Prometheus answer with many series fits, a server that
/// streams forever does not fill memory.
pub const MAX_BODY: u64 = 16 * 1024 * 1024;

/// Which servers are trusted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Trust {
    /// Also trust the authority in this PEM file (a self-signed or internal CA).
    pub ca_file: Option<PathBuf>,
    /// Trust any certificate.
    pub insecure: bool,
}

#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
}

/// One client per kind of trust, shared by the requests of one run so they share connections.
#[derive(Default)]
pub struct Clients(Mutex<HashMap<Trust, Client>>);

impl Clients {
    pub fn get(&self, trust: &Trust) -> Result<Client, String> {
        let mut clients = self.0.lock().map_err(|_| "a probe thread failed")?;
        if let Some(client) = clients.get(trust) {
            return Ok(client.clone());
        }
        let client = Client::new(trust)?;
        clients.insert(trust.clone(), client.clone());
        Ok(client)
    }
}

/// What a server answered, whatever the status.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: String,
    /// From sending the request to the end of the body.
    pub elapsed: Duration,
    /// A `Retry-After` given in seconds.
    pub retry_after: Option<Duration>,
}

impl Client {
    pub fn new(trust: &Trust) -> Result<Self, String> {
        let mut tls = TlsConfig::builder().disable_verification(trust.insecure);
        if let Some(path) = &trust.ca_file {
            let pem = std::fs::read(path)
                .map_err(|e| format!("cannot read the CA file {}: {e}", path.display()))?;
            let cert = Certificate::from_pem(&pem)
                .map_err(|e| format!("{} is not a PEM certificate: {e}", path.display()))?;
            tls = tls.root_certs(RootCerts::new_with_certs(&[cert]));
        }
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .user_agent(concat!("mindops/", env!("CARGO_PKG_VERSION")))
            .tls_config(tls.build())
            .build()
            .new_agent();
        Ok(Client { agent })
    }

    pub fn get(
        &self,
        url: &str,
        headers: &[(&str, &str)],
        timeout: Duration,
    ) -> Result<Reply, String> {
        self.call(url, headers, None, timeout)
    }

    pub fn post(
        &self,
        url: &str,
        headers: &[(&str, &str)],
        body: &[u8],
        timeout: Duration,
    ) -> Result<Reply, String> {
        self.call(url, headers, Some(body), timeout)
    }

    /// A GET, or a POST of `body`.
    fn call(
        &self,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
        timeout: Duration,
    ) -> Result<Reply, String> {
        let started = Instant::now();
        let response = match body {
            None => prepared(self.agent.get(url), headers, timeout).call(),
            Some(body) => prepared(self.agent.post(url), headers, timeout).send(body),
        };
        finish(url, response, started, timeout)
    }
}

/// A request with its headers and its one timeout for the whole exchange.
fn prepared<B>(
    mut request: ureq::RequestBuilder<B>,
    headers: &[(&str, &str)],
    timeout: Duration,
) -> ureq::RequestBuilder<B> {
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.config().timeout_global(Some(timeout)).build()
}

fn finish(
    url: &str,
    response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    started: Instant,
    timeout: Duration,
) -> Result<Reply, String> {
    let mut response = response.map_err(|e| explain(url, e, timeout))?;
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_BODY)
        .lossy_utf8(true)
        .read_to_string()
        .map_err(|e| explain(url, e, timeout))?;
    Ok(Reply {
        status,
        body,
        elapsed: started.elapsed(),
        retry_after,
    })
}

/// A client error as one sentence about the server.
fn explain(url: &str, e: ureq::Error, timeout: Duration) -> String {
    let host = host_of(url);
    match e {
        ureq::Error::Timeout(_) => format!(
            "{host} did not answer within {}",
            crate::rules::duration::format_std(timeout)
        ),
        ureq::Error::HostNotFound => format!("host {host} not found"),
        ureq::Error::ConnectionFailed => format!("cannot connect to {host}"),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            format!("{host} refused the connection (is it running, is the port right?)")
        }
        ureq::Error::Io(io) => match io.get_ref().and_then(|e| e.downcast_ref::<rustls::Error>()) {
            Some(tls) => tls_failure(host, tls),
            None => format!("{host}: {io}"),
        },
        ureq::Error::BadUri(why) => format!("\"{url}\" is not a usable URL: {why}"),
        ureq::Error::Rustls(tls) => tls_failure(host, &tls),
        ureq::Error::BodyExceedsLimit(limit) => {
            format!("{host} sent more than {} MiB", limit / (1024 * 1024))
        }
        other => format!("{host}: {other}"),
    }
}

fn tls_failure(host: &str, e: &rustls::Error) -> String {
    match e {
        rustls::Error::InvalidCertificate(_) => format!(
            "TLS with {host}: {e}; for a self-signed or internal certificate, name its \
             authority in ca_file"
        ),
        _ => format!("TLS with {host}: {e}"),
    }
}

/// `host:port` of a URL, for messages; the whole text when it is not a URL.
pub fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    // Credentials in a URL never reach a message.
    authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host)
}

/// `application/x-www-form-urlencoded` and query-string escaping: everything but unreserved
/// characters as %XX.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_for_messages_drop_credentials_and_paths() {
        assert_eq!(
            host_of("http://127.0.0.1:9090/api/v1/query?x"),
            "127.0.0.1:9090"
        );
        assert_eq!(host_of("https://user:secret@example.com/x"), "example.com");
        assert_eq!(host_of("not a url"), "not a url");
    }

    #[test]
    fn escaping_keeps_promql_intact() {
        assert_eq!(
            escape("rate(x{a=\"b c\"}[5m])"),
            "rate%28x%7Ba%3D%22b%20c%22%7D%5B5m%5D%29"
        );
        assert_eq!(escape("é"), "%C3%A9");
    }
}
