//! A small synchronous HTTP/1.1 server: one request per connection, a fixed pool of worker
//! threads each holding its own state (a store connection), and limits on everything a client
//! controls. Requests are parsed by httparse (hyper's parser). It is enough for what talks to
//! mindops (Alertmanager, a phone's browser, Prometheus, curl) and keeps `serve` a plain
//! function over the synchronous store: no async runtime to enter, nothing started for the
//! commands that do not serve.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex};
use std::time::{Duration, Instant};

/// The most a request's line and headers may take.
const MAX_HEAD: usize = 16 * 1024;
/// The most a request's body may take: an Alertmanager group of many alerts fits.
pub const MAX_BODY: usize = 1024 * 1024;
/// How long a client has to send its whole request: a slow one is cut, not waited on.
const READ_TIME: Duration = Duration::from_secs(10);
const MAX_HEADERS: usize = 64;

#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// Without the query.
    pub path: String,
    pub query: String,
    headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub peer: SocketAddr,
}

impl Request {
    /// A header's value, by name in any case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `Authorization: Bearer TOKEN`'s token.
    pub fn bearer(&self) -> Option<&str> {
        let value = self.header("authorization")?;
        let (scheme, token) = value.split_once(' ')?;
        scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
    }

    /// A query parameter, decoded.
    pub fn param(&self, name: &str) -> Option<String> {
        form(&self.query)
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }
}

/// `a=1&b=x%20y` as pairs, `+` and `%XX` decoded.
pub fn form(text: &str) -> Vec<(String, String)> {
    let decode = |s: &str| {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() => {
                    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
                    match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                        (Some(high), Some(low)) => {
                            out.push(high * 16 + low);
                            i += 2;
                        }
                        _ => out.push(b'%'),
                    }
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    };
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// The route as logged and counted (`/a/:token`, never a token).
    pub route: &'static str,
    pub headers: Vec<(&'static str, String)>,
}

impl Response {
    pub fn new(
        route: &'static str,
        status: u16,
        content_type: &'static str,
        body: impl Into<Vec<u8>>,
    ) -> Self {
        Response {
            status,
            content_type,
            body: body.into(),
            route,
            headers: Vec::new(),
        }
    }

    pub fn text(route: &'static str, status: u16, body: impl Into<String>) -> Self {
        let mut body = body.into();
        if !body.ends_with('\n') {
            body.push('\n');
        }
        Self::new(route, status, "text/plain; charset=utf-8", body)
    }

    pub fn json(route: &'static str, status: u16, value: &serde_json::Value) -> Self {
        Self::new(route, status, "application/json", value.to_string())
    }

    pub fn html(route: &'static str, status: u16, body: String) -> Self {
        Self::new(route, status, "text/html; charset=utf-8", body)
    }

    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        202 => "Accepted",
        204 => "No Content",
        303 => "See Other",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// What one request came to, for the log and the counters.
pub struct Served<'a> {
    pub method: &'a str,
    pub route: &'static str,
    pub status: u16,
    pub elapsed: Duration,
}

/// Serves `listener` until `stop` is set (and [`wake`] is called): each of `workers` threads
/// makes its state with `make` and answers requests with `handle`; `done` hears of every
/// request. Returns once the requests in flight are answered.
pub fn serve<S>(
    listener: TcpListener,
    workers: usize,
    stop: &AtomicBool,
    make: impl Fn() -> S + Sync,
    handle: impl Fn(&mut S, &Request) -> Response + Sync,
    done: impl Fn(&Served) + Sync,
) {
    let (give, take) = mpsc::sync_channel::<(TcpStream, SocketAddr)>(workers * 4);
    let take = Mutex::new(take);
    std::thread::scope(|scope| {
        for _ in 0..workers.max(1) {
            scope.spawn(|| {
                let mut state = make();
                loop {
                    let next = take.lock().ok().and_then(|t| t.recv().ok());
                    let Some((stream, peer)) = next else { break };
                    connection(stream, peer, &mut state, &handle, &done);
                }
            });
        }
        for incoming in listener.incoming() {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            let Ok(stream) = incoming else { continue };
            let Ok(peer) = stream.peer_addr() else {
                continue;
            };
            if give.send((stream, peer)).is_err() {
                break;
            }
        }
        drop(give);
    });
}

/// Unblocks the accepting loop of a server on `addr` after its stop flag is set.
pub fn wake(addr: SocketAddr) {
    let _ = TcpStream::connect_timeout(&addr, Duration::from_millis(500));
}

fn connection<S>(
    mut stream: TcpStream,
    peer: SocketAddr,
    state: &mut S,
    handle: &impl Fn(&mut S, &Request) -> Response,
    done: &impl Fn(&Served),
) {
    let started = Instant::now();
    let (method, response) = match read_request(&mut stream, peer, started) {
        Ok(request) => {
            let response = handle(state, &request);
            (request.method, response)
        }
        Err(Some(response)) => (String::from("?"), response),
        // Nothing came (a probe of the port, the wake-up at shutdown): nothing to answer.
        Err(None) => return,
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\ncontent-type: {}\r\ncontent-length: {}\r\nconnection: close\r\n\
         cache-control: no-store\r\nx-content-type-options: nosniff\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len()
    );
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.set_write_timeout(Some(READ_TIME));
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(&response.body))
        .and_then(|()| stream.flush());
    done(&Served {
        method: &method,
        route: response.route,
        status: response.status,
        elapsed: started.elapsed(),
    });
}

/// A request read whole within the limits; `Err(Some(answer))` for one that broke them.
fn read_request(
    stream: &mut TcpStream,
    peer: SocketAddr,
    started: Instant,
) -> Result<Request, Option<Response>> {
    let refuse = |status: u16, why: &str| Some(Response::text("-", status, why));
    let mut buf = Vec::with_capacity(4096);
    let mut chunk = [0u8; 8192];
    let (head_len, method, target, headers) = loop {
        let left = READ_TIME.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Err(if buf.is_empty() {
                None
            } else {
                refuse(408, "request timeout")
            });
        }
        let _ = stream.set_read_timeout(Some(left));
        let n = match stream.read(&mut chunk) {
            Ok(0) | Err(_) if buf.is_empty() => return Err(None),
            Ok(0) => return Err(refuse(400, "the request ended early")),
            Ok(n) => n,
            Err(_) => return Err(refuse(408, "request timeout")),
        };
        buf.extend_from_slice(&chunk[..n]);
        let mut parsed = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut request = httparse::Request::new(&mut parsed);
        match request.parse(&buf) {
            Ok(httparse::Status::Complete(len)) => {
                let headers: Vec<(String, String)> = request
                    .headers
                    .iter()
                    .map(|h| {
                        (
                            h.name.to_string(),
                            String::from_utf8_lossy(h.value).into_owned(),
                        )
                    })
                    .collect();
                break (
                    len,
                    request.method.unwrap_or("GET").to_string(),
                    request.path.unwrap_or("/").to_string(),
                    headers,
                );
            }
            Ok(httparse::Status::Partial) if buf.len() > MAX_HEAD => {
                return Err(refuse(413, "the request's headers are too large"))
            }
            Ok(httparse::Status::Partial) => continue,
            Err(e) => return Err(refuse(400, &format!("not an HTTP request: {e}"))),
        }
    };
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    };
    if header("transfer-encoding").is_some() {
        return Err(refuse(411, "send the body with a Content-Length"));
    }
    let length = match header("content-length") {
        None => 0,
        Some(v) => v
            .parse::<usize>()
            .map_err(|_| refuse(400, "Content-Length is not a number"))?,
    };
    if length > MAX_BODY {
        return Err(refuse(413, "the body is larger than 1 MiB"));
    }
    let mut body = buf.split_off(head_len);
    body.truncate(length);
    while body.len() < length {
        let left = READ_TIME.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Err(refuse(408, "request timeout"));
        }
        let _ = stream.set_read_timeout(Some(left));
        match stream.read(&mut chunk) {
            Ok(0) => return Err(refuse(400, "the body ended early")),
            Ok(n) => body.extend_from_slice(&chunk[..n.min(length - body.len())]),
            Err(_) => return Err(refuse(408, "request timeout")),
        }
    }
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (target, String::new()),
    };
    Ok(Request {
        method,
        path,
        query,
        headers,
        body,
        peer,
    })
}

/// Whether two secrets are equal, in time that does not depend on where they differ.
pub fn same_secret(given: &str, expected: &str) -> bool {
    let (a, b) = (given.as_bytes(), expected.as_bytes());
    let mut diff = a.len() ^ b.len();
    for i in 0..a.len().max(b.len()) {
        diff |= usize::from(a.get(i).copied().unwrap_or(0) ^ b.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_plus_and_percent() {
        assert_eq!(
            form("a=1&b=x+y%21&c"),
            [
                ("a".to_string(), "1".to_string()),
                ("b".to_string(), "x y!".to_string()),
                ("c".to_string(), String::new())
            ]
        );
        assert_eq!(
            form("bad=%zz%4"),
            [("bad".to_string(), "%zz%4".to_string())]
        );
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("ab", "abc"));
        assert!(!same_secret("", "x"));
    }
}
