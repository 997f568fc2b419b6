//! HTTP over ureq: synchronous, rustls on ring (no OpenSSL), one global timeout per request.
//! Every failure comes back as one sentence naming the URL's host, for a check's UNKNOWN line or
//! a delivery's last error.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use std::sync::Arc;

use rustls::pki_types::CertificateDer;
use ureq::tls::TlsConfig;
use ureq::unversioned::resolver::DefaultResolver;
use ureq::unversioned::transport::{
    Buffers, ConnectProxyConnector, ConnectionDetails, Connector, Either, LazyBuffers, NextTimeout,
    TcpConnector, Transport, TransportAdapter,
};

/// The most of a response body read: a Prometheus answer with many series fits, a server that
/// streams forever does not fill memory.
pub const MAX_BODY: u64 = 16 * 1024 * 1024;

pub use crate::util::trust::Trust;

#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    /// The authorities trusted beyond the usual, for what a TLS failure suggests.
    ca_file: Option<PathBuf>,
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
        let tls = TlsConfig::builder().disable_verification(trust.insecure);
        let anchors = match (&trust.ca_file, trust.insecure) {
            (Some(path), false) => Some(anchors(path)?),
            _ => None,
        };
        // Redirects are never followed by the client: a POST must not become a GET with no
        // body sent to wherever a receiver points, and a GET follows only http(s) links, by
        // `get_following`.
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(concat!("mindops/", env!("CARGO_PKG_VERSION")))
            .tls_config(tls.build())
            .build();
        let agent = match anchors {
            None => config.new_agent(),
            // With a ca_file, TLS is made by our own connector, whose verifier also takes a
            // server certificate that is itself the anchor (see `tls::Anchored`).
            Some(anchors) => ureq::Agent::with_parts(
                config,
                ().chain(ConnectProxyConnector::default())
                    .chain(TcpConnector::default())
                    .chain(AnchoredTls::new(anchors)?),
                DefaultResolver::default(),
            ),
        };
        Ok(Client {
            agent,
            ca_file: trust.ca_file.clone(),
        })
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
                    self.ca_file.as_deref(),
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
        finish(self.ca_file.as_deref(), url, response, started, timeout)
    }
}

/// The certificates of a `ca_file`, in DER.
fn anchors(path: &std::path::Path) -> Result<Vec<CertificateDer<'static>>, String> {
    use rustls::pki_types::pem::PemObject;
    let pem = crate::util::files::read_small(path, crate::util::files::SMALL_FILE)
        .map_err(|e| format!("cannot read the CA file {}: {e}", path.display()))?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{} is not a PEM certificate: {e}", path.display()))?;
    if certs.is_empty() {
        return Err(format!("{} holds no PEM certificate", path.display()));
    }
    Ok(certs)
}

/// TLS for a client with a `ca_file`: rustls with the [`crate::net::tls::Anchored`] verifier,
/// as ureq's own connector would wrap the connection otherwise.
#[derive(Debug)]
struct AnchoredTls {
    config: Arc<rustls::ClientConfig>,
}

impl AnchoredTls {
    fn new(anchors: Vec<CertificateDer<'static>>) -> Result<Self, String> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let verifier = crate::net::tls::Anchored::new(anchors, provider.clone())
            .map_err(|e| format!("the CA file {e}"))?;
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| e.to_string())?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_no_client_auth();
        Ok(AnchoredTls {
            config: Arc::new(config),
        })
    }
}

impl<In: Transport> Connector<In> for AnchoredTls {
    type Out = Either<In, AnchoredTransport>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        let Some(transport) = chained else {
            return Ok(None);
        };
        if !details.needs_tls() || transport.is_tls() {
            return Ok(Some(Either::A(transport)));
        }
        let host = details.uri.host().unwrap_or_default();
        let host = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host);
        let name = rustls::pki_types::ServerName::try_from(host.to_string())
            .map_err(|_| ureq::Error::Tls("not a name TLS can use"))?;
        let mut conn = rustls::ClientConnection::new(self.config.clone(), name)?;
        let mut sock = TransportAdapter::new(transport.boxed(), details.current_time.clone());
        sock.set_timeout(details.timeout);
        conn.complete_io(&mut sock)?;
        Ok(Some(Either::B(AnchoredTransport {
            buffers: LazyBuffers::new(
                details.config.input_buffer_size(),
                details.config.output_buffer_size(),
            ),
            stream: rustls::StreamOwned::new(conn, sock),
        })))
    }
}

struct AnchoredTransport {
    buffers: LazyBuffers,
    stream: rustls::StreamOwned<rustls::ClientConnection, TransportAdapter>,
}

impl std::fmt::Debug for AnchoredTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AnchoredTransport")
    }
}

impl Transport for AnchoredTransport {
    fn buffers(&mut self) -> &mut dyn Buffers {
        &mut self.buffers
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        use std::io::Write;
        self.stream.get_mut().set_timeout(timeout);
        let output = &self.buffers.output()[..amount];
        self.stream.write_all(output)?;
        Ok(())
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        use std::io::Read;
        self.stream.get_mut().set_timeout(timeout);
        let input = self.buffers.input_append_buf();
        let amount = self.stream.read(input)?;
        self.buffers.input_appended(amount);
        Ok(amount > 0)
    }

    fn is_open(&mut self) -> bool {
        self.stream.get_mut().get_mut().is_open()
    }

    fn is_tls(&self) -> bool {
        true
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
    ca_file: Option<&std::path::Path>,
    url: &str,
    response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    started: Instant,
    timeout: Duration,
) -> Result<Reply, String> {
    let mut response = response.map_err(|e| explain(ca_file, url, e, timeout))?;
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
        .map_err(|e| explain(ca_file, url, e, timeout))?;
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
fn explain(
    ca_file: Option<&std::path::Path>,
    url: &str,
    e: ureq::Error,
    timeout: Duration,
) -> String {
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
            Some(tls) => tls_failure(ca_file, host, tls),
            None => format!("{host}: {io}"),
        },
        ureq::Error::BadUri(why) => format!("\"{}\" is not a usable URL: {why}", redact(url)),
        ureq::Error::Rustls(tls) => tls_failure(ca_file, host, &tls),
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

fn tls_failure(ca_file: Option<&std::path::Path>, host: &str, e: &rustls::Error) -> String {
    match (e, ca_file) {
        (rustls::Error::InvalidCertificate(_), None) => format!(
            "TLS with {host}: {e}; for a self-signed or internal certificate, name its \
             authority in ca_file"
        ),
        (rustls::Error::InvalidCertificate(_), Some(path)) => format!(
            "TLS with {host}: {e}; the certificate is neither signed by nor the same as the \
             one in {}",
            path.display()
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
