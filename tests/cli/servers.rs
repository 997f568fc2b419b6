//! Real servers on 127.0.0.1 for the tests: a small HTTP(S) server whose answers a test
//! scripts, and Debian's Prometheus scraping Debian's node_exporter, started once per run.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

/// What the scripted server answers.
#[derive(Clone)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    /// How long to wait before answering.
    pub delay: Duration,
    /// Headers beyond the content's type and length (a redirect's Location).
    pub headers: Vec<(String, String)>,
}

impl Answer {
    pub fn ok(body: &str) -> Self {
        Answer {
            status: 200,
            body: body.to_string(),
            delay: Duration::ZERO,
            headers: Vec::new(),
        }
    }

    /// A redirect to `location`.
    pub fn redirect(status: u16, location: &str) -> Self {
        Answer {
            status,
            headers: vec![("location".into(), location.into())],
            ..Answer::ok("moved")
        }
    }
}

/// A request as the server saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// An HTTP/1.1 server on a free port of 127.0.0.1, one thread per connection, answering every
/// request with the current [`Answer`]. It runs until the test process ends.
pub struct Http {
    pub port: u16,
    answer: Arc<Mutex<Answer>>,
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

impl Http {
    pub fn start(answer: Answer) -> Self {
        Self::serve(TcpListener::bind("127.0.0.1:0").unwrap(), answer, None)
    }

    /// On a port chosen before (a receiver that was down and comes up).
    pub fn start_on(port: u16, answer: Answer) -> Self {
        Self::serve(
            TcpListener::bind(("127.0.0.1", port)).unwrap(),
            answer,
            None,
        )
    }

    /// The same over TLS with the certificate and key in these PEM files.
    pub fn start_tls(answer: Answer, cert: &Path, key: &Path) -> Self {
        use rustls::pki_types::pem::PemObject;
        use rustls::pki_types::{CertificateDer, PrivateKeyDer};
        let certs = CertificateDer::pem_file_iter(cert)
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        let key = PrivateKeyDer::from_pem_file(key).unwrap();
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        Self::serve(listener, answer, Some(Arc::new(config)))
    }

    fn serve(
        listener: TcpListener,
        answer: Answer,
        tls: Option<Arc<rustls::ServerConfig>>,
    ) -> Self {
        let port = listener.local_addr().unwrap().port();
        let answer = Arc::new(Mutex::new(answer));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (a, s) = (answer.clone(), seen.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (a, s, tls) = (a.clone(), s.clone(), tls.clone());
                thread::spawn(move || {
                    let _ = match tls {
                        Some(config) => {
                            let Ok(conn) = rustls::ServerConnection::new(config) else {
                                return;
                            };
                            talk(rustls::StreamOwned::new(conn, stream), &a, &s)
                        }
                        None => talk(stream, &a, &s),
                    };
                });
            }
        });
        Http { port, answer, seen }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn set(&self, answer: Answer) {
        *self.answer.lock().unwrap() = answer;
    }

    /// The requests seen so far, forgetting them.
    pub fn take(&self) -> Vec<Seen> {
        std::mem::take(&mut *self.seen.lock().unwrap())
    }
}

/// Answers requests on one connection until the client closes it.
fn talk(
    stream: impl Read + Write,
    answer: &Mutex<Answer>,
    seen: &Mutex<Vec<Seen>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let mut headers = Vec::new();
        loop {
            let mut header = String::new();
            reader.read_line(&mut header)?;
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((k, v)) = header.split_once(':') {
                headers.push((k.trim().to_lowercase(), v.trim().to_string()));
            }
        }
        let length: usize = headers
            .iter()
            .find(|(k, _)| k == "content-length")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        seen.lock().unwrap().push(Seen {
            path,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        });
        let a = answer.lock().unwrap().clone();
        thread::sleep(a.delay);
        let out = reader.get_mut();
        let extra: String = a
            .headers
            .iter()
            .map(|(k, v)| format!("{k}: {v}\r\n"))
            .collect();
        write!(
            out,
            "HTTP/1.1 {} X\r\ncontent-type: text/plain\r\ncontent-length: {}\r\n{extra}\r\n{}",
            a.status,
            a.body.len(),
            a.body
        )?;
        out.flush()?;
    }
}

/// A port where something accepts connections and never answers.
pub fn silent_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    thread::spawn(move || {
        let mut held: Vec<TcpStream> = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    port
}

/// A self-signed certificate for 127.0.0.1 valid for `days`, made by the openssl command:
/// (certificate, key).
pub fn self_signed(dir: &Path, days: u32) -> (PathBuf, PathBuf) {
    certificate(dir, days, "127.0.0.1", false)
}

/// A certificate as `openssl req -x509` makes it when asked nothing more: OpenSSL 3 marks it
/// an authority (CA:TRUE), and it names `host`.
pub fn self_signed_authority(dir: &Path, host: &str) -> (PathBuf, PathBuf) {
    certificate(dir, 30, host, true)
}

fn certificate(dir: &Path, days: u32, host: &str, authority: bool) -> (PathBuf, PathBuf) {
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    let mut openssl = Command::new("openssl");
    openssl
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
        ])
        .args(["-nodes", "-subj", &format!("/CN={host}"), "-addext"])
        .arg(format!("subjectAltName=IP:{host}"));
    if !authority {
        // A server's own certificate, not an authority's.
        openssl
            .args(["-addext", "basicConstraints=critical,CA:FALSE"])
            .args(["-addext", "extendedKeyUsage=serverAuth"]);
    }
    let out = openssl
        .arg("-days")
        .arg(days.to_string())
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (cert, key)
}

/// Prometheus (scraping node_exporter every second, as jobs `node` and `service`) and the
/// exporter, when Debian's packages are installed; started once for the whole run and stopped
/// when it ends.
pub struct Prometheus {
    pub url: String,
    pub exporter: String,
}

pub fn prometheus() -> Option<&'static Prometheus> {
    static SHARED: OnceLock<Option<Prometheus>> = OnceLock::new();
    SHARED.get_or_init(start_prometheus).as_ref()
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_prometheus() -> Option<Prometheus> {
    let installed = |bin: &str| Path::new(bin).exists();
    if !installed("/usr/bin/prometheus") || !installed("/usr/bin/prometheus-node-exporter") {
        return None;
    }
    let dir = tempfile::tempdir().unwrap().keep();
    let (prom_port, node_port) = (free_port(), free_port());
    let exporter = format!("127.0.0.1:{node_port}");
    std::fs::write(
        dir.join("prometheus.yml"),
        format!(
            "global: {{scrape_interval: 1s}}\nscrape_configs:\n\
             - {{job_name: node, static_configs: [{{targets: ['{exporter}']}}]}}\n\
             - {{job_name: service, static_configs: [{{targets: ['{exporter}']}}]}}\n"
        ),
    )
    .unwrap();
    // Each server under a shell that stops it once this test process is gone: nothing of a
    // run outlives it, even when the harness is killed.
    let watched = |command: String| {
        let script = format!(
            "{command} >/dev/null 2>&1 & child=$!; \
             while kill -0 {} 2>/dev/null; do sleep 0.5; done; kill $child",
            std::process::id()
        );
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(script)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        thread::spawn(move || child.wait());
    };
    watched(format!(
        "/usr/bin/prometheus-node-exporter --web.listen-address={exporter} \
         --collector.disable-defaults --collector.cpu --collector.loadavg \
         --collector.meminfo --collector.netdev"
    ));
    watched(format!(
        "/usr/bin/prometheus --config.file={0}/prometheus.yml --storage.tsdb.path={0}/data \
         --web.listen-address=127.0.0.1:{prom_port}",
        dir.display()
    ));
    let url = format!("http://127.0.0.1:{prom_port}");
    // Ready once a rate over the exporter's counters has two scrapes to work with.
    let ready = format!("{url}/api/v1/query?query=rate%28node_cpu_seconds_total%5B1m%5D%29");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if let Ok(body) = get(&ready) {
            if body.contains("\"value\"") {
                return Some(Prometheus {
                    url,
                    exporter: format!("http://{exporter}/"),
                });
            }
        }
        thread::sleep(Duration::from_millis(200));
    }
    panic!(
        "Prometheus did not start within 30 s (data in {})",
        dir.display()
    );
}

/// A plain GET of a 127.0.0.1 URL: the body.
fn get(url: &str) -> std::io::Result<String> {
    let rest = url.trim_start_matches("http://");
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let mut stream = TcpStream::connect(host)?;
    stream.set_read_timeout(Some(Duration::from_secs(2)))?;
    write!(stream, "GET /{path} HTTP/1.0\r\nhost: {host}\r\n\r\n")?;
    let mut text = String::new();
    stream.read_to_string(&mut text)?;
    Ok(text)
}

/// A Python aiosmtpd server run from `script` with `args`, once it has printed "ready"; None
/// (the test reported as skipped, a failure in CI) when Debian's python3-aiosmtpd is missing.
/// Closing its stdin stops it.
pub fn smtp(test: &str, script: &str, args: &[&std::ffi::OsStr]) -> Option<std::process::Child> {
    let python = "/usr/bin/python3";
    let has = Command::new(python)
        .args(["-c", "import aiosmtpd"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        crate::common::skipped(test, "Debian's python3-aiosmtpd");
        return None;
    }
    let mut server = Command::new(python)
        .arg("-c")
        .arg(script)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut ready = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut ready)
        .unwrap();
    assert_eq!(ready, "ready\n");
    Some(server)
}
