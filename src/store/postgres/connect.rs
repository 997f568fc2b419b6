//! Where the shared store is, found the way libpq finds it, so a team's existing `PG*`
//! variables and `~/.pgpass` work unchanged; and TLS to it with rustls.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use postgres::config::{Host, SslMode, TargetSessionAttrs};
use postgres::{Client, Config};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};

/// A cron job must not hang on a server that does not answer.
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest one statement may run: a quarterly report over years of samples takes about a
/// second, `db copy` sets its own.
const STATEMENT_TIMEOUT: &str = "30s";
/// The longest a statement waits for a lock another command holds, as SQLite's busy timeout.
const LOCK_TIMEOUT: &str = "15s";

/// Whether `--db` names a PostgreSQL database rather than a SQLite file.
pub fn is_url(text: &str) -> bool {
    text.starts_with("postgres://") || text.starts_with("postgresql://")
}

/// How much of the server's certificate is checked; libpq's `sslmode` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verify {
    /// disable, allow, prefer, require: encrypted when TLS is used, the certificate not checked.
    Nothing,
    /// verify-ca: signed by a trusted root.
    Chain,
    /// verify-full: that, and issued for the host connected to.
    Full,
}

/// A database to connect to, everything libpq would have filled in filled in.
pub struct Target {
    config: Config,
    verify: Verify,
    root_cert: Option<PathBuf>,
    /// The server, for messages: a socket path or host:port.
    pub server: String,
    pub user: String,
    pub dbname: String,
}

impl Target {
    pub fn parse(url: &str) -> Result<Self> {
        let (rest, ours) = take_params(url, &["sslmode", "sslrootcert"]);
        let mut config: Config = rest.parse().map_err(|e| {
            anyhow::anyhow!(
                "cannot read the database URL {}: {e}. The form is \
                 postgres://USER@HOST:PORT/DATABASE?sslmode=require",
                redact(url)
            )
        })?;
        let param = |name: &str, var: &str| {
            ours.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .or_else(|| env(var))
        };
        let mode = param("sslmode", "PGSSLMODE").unwrap_or_else(|| "prefer".into());
        let (ssl, verify) = match mode.as_str() {
            "disable" => (SslMode::Disable, Verify::Nothing),
            "allow" | "prefer" => (SslMode::Prefer, Verify::Nothing),
            "require" => (SslMode::Require, Verify::Nothing),
            "verify-ca" => (SslMode::Require, Verify::Chain),
            "verify-full" => (SslMode::Require, Verify::Full),
            other => bail!(
                "sslmode={other} is not one PostgreSQL knows; use disable, prefer, require, \
                 verify-ca or verify-full"
            ),
        };
        config.ssl_mode(ssl);
        if config.get_hosts().is_empty() {
            match env("PGHOST") {
                Some(host) if host.starts_with('/') => config.host_path(host),
                Some(host) => config.host(&host),
                // libpq's compiled-in default on Debian, else the network's.
                None if Path::new("/var/run/postgresql").is_dir() => {
                    config.host_path("/var/run/postgresql")
                }
                None => config.host("localhost"),
            };
        }
        if config.get_ports().is_empty() {
            if let Some(port) = env("PGPORT") {
                let port = port
                    .parse()
                    .with_context(|| format!("PGPORT={port} is not a port number"))?;
                config.port(port);
            }
        }
        let user = match config.get_user() {
            Some(user) => user.to_string(),
            None => env("PGUSER").or_else(|| env("USER")).context(
                "no PostgreSQL user: put one in the URL (postgres://USER@HOST/DB) or set PGUSER",
            )?,
        };
        config.user(&user);
        let dbname = match config.get_dbname() {
            Some(db) => db.to_string(),
            None => env("PGDATABASE").unwrap_or_else(|| user.clone()),
        };
        config.dbname(&dbname);
        let port = config.get_ports().first().copied().unwrap_or(5432);
        // libpq's multi-host form names each server of a primary and its standbys; messages
        // name them all, as the connection may land on any.
        let ports = config.get_ports().to_vec();
        let server = config
            .get_hosts()
            .iter()
            .enumerate()
            .map(|(i, host)| {
                let port = ports.get(i).or(ports.first()).copied().unwrap_or(5432);
                match host {
                    Host::Tcp(host) => format!("{host}:{port}"),
                    Host::Unix(dir) => format!("{}/.s.PGSQL.{port}", dir.display()),
                }
            })
            .collect::<Vec<_>>()
            .join(",");
        if config.get_target_session_attrs() == TargetSessionAttrs::Any {
            match env("PGTARGETSESSIONATTRS").as_deref() {
                None | Some("any") => {}
                Some("read-write") => {
                    config.target_session_attrs(TargetSessionAttrs::ReadWrite);
                }
                Some(other) => bail!(
                    "PGTARGETSESSIONATTRS={other} is not one mindops takes; use read-write \
                     (the primary of several hosts) or any"
                ),
            }
        }
        if config.get_password().is_none() {
            let host = match config.get_hosts().first() {
                Some(Host::Tcp(host)) => host.clone(),
                _ => "localhost".into(),
            };
            if let Some(password) =
                env("PGPASSWORD").or_else(|| pgpass(&host, port, &dbname, &user).ok().flatten())
            {
                config.password(password);
            }
        }
        if config.get_connect_timeout().is_none() {
            let timeout = env("PGCONNECT_TIMEOUT")
                .and_then(|t| t.parse().ok())
                .filter(|&t: &u64| t > 0)
                .map_or(DEFAULT_CONNECT_TIMEOUT, Duration::from_secs);
            config.connect_timeout(timeout);
        }
        if config.get_application_name().is_none() {
            config.application_name("mindops");
        }
        // Every table lives in the schema `mindops`, set at connection start (no round trip),
        // so a database shared with another program cannot clash with it.
        // A statement stuck behind a lock, or one the server never finishes, fails after a
        // bound rather than holding a cron run forever; the URL's own `options` come after
        // these defaults and win.
        let options = format!(
            "-c statement_timeout={STATEMENT_TIMEOUT} -c lock_timeout={LOCK_TIMEOUT} {} \
             -c search_path=mindops",
            config.get_options().unwrap_or_default()
        );
        config.options(&options);
        // A server that dies without closing the connection is noticed by the client: TCP
        // keepalives on an idle wait, and a cap on unacknowledged writes.
        if config.get_keepalives_idle() == Duration::from_secs(2 * 60 * 60) {
            config.keepalives_idle(Duration::from_secs(10));
            config.keepalives_interval(Duration::from_secs(5));
            config.keepalives_retries(3);
        }
        if config.get_tcp_user_timeout().is_none() {
            config.tcp_user_timeout(Duration::from_secs(30));
        }
        let root_cert = param("sslrootcert", "PGSSLROOTCERT")
            .map(PathBuf::from)
            .or_else(|| env("HOME").map(|h| Path::new(&h).join(".postgresql/root.crt")));
        Ok(Target {
            config,
            verify,
            root_cert,
            server,
            user,
            dbname,
        })
    }

    /// Database "x" on server as user, for messages; never a password.
    pub fn shown(&self) -> String {
        format!(
            "PostgreSQL database \"{}\" at {} (user {})",
            self.dbname, self.server, self.user
        )
    }

    pub fn connect(&self) -> Result<Client> {
        let tls = tokio_postgres_rustls::MakeRustlsConnect::new(self.tls()?);
        self.config.connect(tls).map_err(|e| self.explain(e))
    }

    fn tls(&self) -> Result<rustls::ClientConfig> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()?;
        let config = match self.verify {
            Verify::Nothing => builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(crate::net::tls::Unchecked(provider)))
                .with_no_client_auth(),
            Verify::Chain | Verify::Full => {
                let path = self.root_cert.as_deref().context(
                    "sslmode=verify-ca and verify-full need the certificate of the authority \
                     that signed the server's: pass sslrootcert=FILE or put it in \
                     ~/.postgresql/root.crt",
                )?;
                let roots = roots(path)?;
                let full = rustls::client::WebPkiServerVerifier::builder_with_provider(
                    Arc::new(roots),
                    provider,
                )
                .build()?;
                let verifier: Arc<dyn ServerCertVerifier> = if self.verify == Verify::Full {
                    full
                } else {
                    Arc::new(AnyName(full))
                };
                builder
                    .dangerous()
                    .with_custom_certificate_verifier(verifier)
                    .with_no_client_auth()
            }
        };
        Ok(config)
    }

    /// A connection error as what happened and what to do, naming the server.
    fn explain(&self, e: postgres::Error) -> anyhow::Error {
        let server = &self.server;
        if let Some(db) = e.as_db_error() {
            let code = db.code().code();
            let message = db.message();
            return match code {
                "3D000" => anyhow::anyhow!(
                    "database \"{}\" does not exist at {server}: create it (createdb {}) or \
                     name another in the URL",
                    self.dbname,
                    self.dbname
                ),
                "28P01" | "28000" => anyhow::anyhow!(
                    "PostgreSQL at {server} refused user \"{}\": {message}. Check the password \
                     (in the URL, PGPASSWORD or ~/.pgpass) and the server's pg_hba.conf",
                    self.user
                ),
                _ => anyhow::anyhow!("PostgreSQL at {server}: {message} (SQLSTATE {code})"),
            };
        }
        let text = e.to_string();
        let cause = std::error::Error::source(&e)
            .map(|s| s.to_string())
            .unwrap_or_default();
        if text.contains("tls") || cause.contains("TLS") {
            let cause = if cause.is_empty() { text } else { cause };
            return anyhow::anyhow!(
                "no secure connection to PostgreSQL at {server}: {cause}. sslmode=require and \
                 verify-* refuse a server without TLS; use sslmode=prefer to allow plaintext"
            );
        }
        let cause = if cause.is_empty() { text } else { cause };
        if cause.contains("does not allow writes") {
            // target_session_attrs=read-write and only standbys answered: a failover under way.
            return anyhow::anyhow!(
                "no server of {server} accepts writes: each that answered is a standby \
                 (target_session_attrs=read-write). If the primary failed, promote a standby; \
                 nothing was written, so run the command again once one is"
            );
        }
        anyhow::anyhow!(
            "cannot reach PostgreSQL at {server}: {cause}. Is the server running, and are the \
             host and port right (URL, PGHOST, PGPORT)?"
        )
    }
}

/// The URL with any password replaced, for messages.
pub fn redact(url: &str) -> String {
    let (head, query) = match url.split_once('?') {
        Some((head, query)) => (head, Some(query)),
        None => (url, None),
    };
    let mut out = match head.split_once("://") {
        Some((scheme, rest)) => {
            let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            match authority.rsplit_once('@') {
                Some((userinfo, host)) if userinfo.contains(':') => {
                    let user = userinfo.split(':').next().unwrap_or_default();
                    format!("{scheme}://{user}:***@{host}{path}")
                }
                _ => head.to_string(),
            }
        }
        None => head.to_string(),
    };
    if let Some(query) = query {
        let parts: Vec<&str> = query
            .split('&')
            .map(|p| {
                if p.starts_with("password=") {
                    "password=***"
                } else {
                    p
                }
            })
            .collect();
        out = format!("{out}?{}", parts.join("&"));
    }
    out
}

/// Removes the named query parameters from a URL (the client library does not know them) and
/// returns them apart.
fn take_params(url: &str, names: &[&str]) -> (String, Vec<(String, String)>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), Vec::new());
    };
    let mut kept = Vec::new();
    let mut taken = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some((k, v)) if names.contains(&k) => taken.push((k.to_string(), v.to_string())),
            _ => kept.push(part),
        }
    }
    if kept.is_empty() {
        (base.to_string(), taken)
    } else {
        (format!("{base}?{}", kept.join("&")), taken)
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The password `~/.pgpass` (or `PGPASSFILE`) holds for this connection: the first line whose
/// `host:port:database:user` fields match, `*` matching anything. Like libpq, a file others can
/// read is ignored.
fn pgpass(host: &str, port: u16, dbname: &str, user: &str) -> Result<Option<String>> {
    let path = match env("PGPASSFILE") {
        Some(p) => PathBuf::from(p),
        None => match env("HOME") {
            Some(h) => Path::new(&h).join(".pgpass"),
            None => return Ok(None),
        },
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(None);
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if std::fs::metadata(&path)?.permissions().mode() & 0o077 != 0 {
            crate::util::output::note(format!(
                "warning: {} is readable by others, so it is ignored; chmod 600 it",
                path.display()
            ));
            return Ok(None);
        }
    }
    let port = port.to_string();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let fields = split_pgpass(line);
        let [h, p, d, u, password] = fields.as_slice() else {
            continue;
        };
        let fits = |field: &str, value: &str| field == "*" || field == value;
        if fits(h, host) && fits(p, &port) && fits(d, dbname) && fits(u, user) {
            return Ok(Some(password.clone()));
        }
    }
    Ok(None)
}

/// A `.pgpass` line's fields: `:` separates, `\:` and `\\` stand for themselves.
fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    fields.last_mut().expect("one field").push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

fn roots(path: &Path) -> Result<rustls::RootCertStore> {
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    let certs = CertificateDer::pem_file_iter(path)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| {
            anyhow::anyhow!(
                "cannot read the root certificate {}: {e}; give a PEM file (sslrootcert=FILE)",
                path.display()
            )
        })?;
    for cert in certs {
        roots.add(cert)?;
    }
    Ok(roots)
}

/// libpq's `verify-ca`: the chain must lead to a trusted root; the name in it is not checked.
#[derive(Debug)]
struct AnyName(Arc<rustls::client::WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, name, ocsp, now)
        {
            Err(rustls::Error::InvalidCertificate(rustls::CertificateError::NotValidForName))
            | Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_never_shows() {
        assert_eq!(
            redact("postgres://ann:s3cret@db.example/ops"),
            "postgres://ann:***@db.example/ops"
        );
        assert_eq!(
            redact("postgres://db.example/ops?user=ann&password=s3cret&sslmode=require"),
            "postgres://db.example/ops?user=ann&password=***&sslmode=require"
        );
        assert_eq!(redact("postgres://ann@db/ops"), "postgres://ann@db/ops");
    }

    #[test]
    fn pgpass_lines_split_on_unescaped_colons() {
        assert_eq!(
            split_pgpass(r"db:5432:*:ann:pa\:ss\\word"),
            ["db", "5432", "*", "ann", r"pa:ss\word"]
        );
    }

    #[test]
    fn our_parameters_are_taken_out() {
        let (rest, ours) = take_params(
            "postgres://h/db?sslmode=verify-full&connect_timeout=3&sslrootcert=/ca.pem",
            &["sslmode", "sslrootcert"],
        );
        assert_eq!(rest, "postgres://h/db?connect_timeout=3");
        assert_eq!(ours.len(), 2);
    }
}
