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
    /// Where a redirect points, as the server wrote it.
    pub location: Option<String>,
}

impl Reply {
    /// A 3xx that names where to go.
    pub fn redirect(&self) -> Option<&str> {
        (300..400)
            .contains(&self.status)
            .then_some(self.location.as_deref())
            .flatten()
    }
}

/// How many redirects a GET follows at most, as curl and the blackbox exporter allow.
pub const MAX_REDIRECTS: u32 = 10;

impl Client {
    pub fn new(trust: &Trust) -> Result<Self, String> {
        let mut tls = TlsConfig::builder().disable_verification(trust.insecure);
        if let Some(path) = &trust.ca_file {
            let pem = crate::util::files::read_small(path, crate::util::files::SMALL_FILE)
                .map_err(|e| format!("cannot read the CA file {}: {e}", path.display()))?;
            let cert = Certificate::from_pem(&pem)
                .map_err(|e| format!("{} is not a PEM certificate: {e}", path.display()))?;
            tls = tls.root_certs(RootCerts::new_with_certs(&[cert]));
        }
        // Redirects are never followed by the client: a POST must not become a GET with no
        // body sent to wherever a receiver points, and a GET follows only http(s) links, by
        // `get_following`.
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
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

    /// A GET that follows up to `max` redirects to http(s) URLs, all within `timeout`;
    /// `elapsed` is the whole chain's. With `max` 0 a redirect is the answer.
    pub fn get_following(&self, url: &str, timeout: Duration, max: u32) -> Result<Reply, String> {
        let started = Instant::now();
        let mut url = url.to_string();
        let mut hops = 0;
        loop {
            let left = timeout.saturating_sub(started.elapsed());
            if left.is_zero() {
                return Err(explain(
                    &url,
                    ureq::Error::Timeout(ureq::Timeout::Global),
                    timeout,
                ));
            }
            let reply = self.call(&url, &[], None, left)?;
            // With no redirects to follow, a 3xx is the answer, judged as any status.
            let Some(location) = reply.redirect().filter(|_| max > 0) else {
                return Ok(Reply {
                    elapsed: started.elapsed(),
                    ..reply
                });
            };
            if hops == max {
                return Err(format!(
                    "{} redirected more than {max} times",
                    host_of(&url)
                ));
            }
            hops += 1;
            url = follow(&url, location)?;
        }
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
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    Ok(Reply {
        status,
        body,
        elapsed: started.elapsed(),
        retry_after,
        location,
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
        ureq::Error::BadUri(why) => format!("\"{}\" is not a usable URL: {why}", redact(url)),
        ureq::Error::Rustls(tls) => tls_failure(host, &tls),
        ureq::Error::BodyExceedsLimit(limit) => {
            format!("{host} sent more than {} MiB", limit / (1024 * 1024))
        }
        other => redact(&format!("{host}: {other}")),
    }
}

/// The URL a redirect from `from` to `location` leads to: absolute, scheme-relative,
/// host-relative or path-relative, as browsers read it; only http and https.
fn follow(from: &str, location: &str) -> Result<String, String> {
    let (scheme, rest) = from.split_once("://").unwrap_or(("http", from));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let target = if let Some(after) = location.strip_prefix("//") {
        format!("{scheme}://{after}")
    } else if location.starts_with('/') {
        format!("{scheme}://{authority}{location}")
    } else if let Some((other, _)) = location.split_once(':').filter(|(s, _)| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    }) {
        if !other.eq_ignore_ascii_case("http") && !other.eq_ignore_ascii_case("https") {
            return Err(format!(
                "{} redirected to a {other}: URL; only http and https redirects are followed",
                host_of(from)
            ));
        }
        location.to_string()
    } else {
        let path = &rest[authority.len()..];
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
        format!("{scheme}://{authority}{dir}/{location}")
    };
    Ok(target)
}

/// `text` with the credentials of every URL in it replaced, as Go's `URL.Redacted` does:
/// `https://user:xxxxx@host/`; a user part alone (often a token) becomes `xxxxx`.
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        out.push_str(&rest[..at + 3]);
        rest = &rest[at + 3..];
        let end = rest
            .find(|c: char| {
                matches!(c, '/' | '?' | '#' | '"' | '\'' | '<' | '>') || c.is_whitespace()
            })
            .unwrap_or(rest.len());
        let authority = &rest[..end];
        match authority.rsplit_once('@') {
            Some((userinfo, host)) => match userinfo.split_once(':') {
                Some((user, _)) => out.push_str(&format!("{user}:xxxxx@{host}")),
                None => out.push_str(&format!("xxxxx@{host}")),
            },
            None => out.push_str(authority),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
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
    fn credentials_in_urls_are_redacted_wherever_they_stand() {
        assert_eq!(
            redact("cannot reach http://u:secret@h:1/x?a=b, or https://tok@h/"),
            "cannot reach http://u:xxxxx@h:1/x?a=b, or https://xxxxx@h/"
        );
        assert_eq!(redact("no url here"), "no url here");
        assert_eq!(redact("\"http://h/p@q\""), "\"http://h/p@q\"");
    }

    #[test]
    fn redirects_resolve_as_browsers_do_and_only_to_http() {
        let from = "https://a.example:8443/dir/page?q=1";
        assert_eq!(follow(from, "http://b/x").unwrap(), "http://b/x");
        assert_eq!(follow(from, "//c/y").unwrap(), "https://c/y");
        assert_eq!(follow(from, "/z").unwrap(), "https://a.example:8443/z");
        assert_eq!(
            follow(from, "other").unwrap(),
            "https://a.example:8443/dir/other"
        );
        assert!(follow(from, "file:///etc/passwd")
            .unwrap_err()
            .contains("redirected to a file: URL"));
        assert!(follow(from, "HTTPS://d/").is_ok());
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
