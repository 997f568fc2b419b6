//! Email over SMTP with lettre: STARTTLS (or TLS from the first byte) on rustls, optional
//! login, one timeout for each step.

use std::path::Path;
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{SmtpTransport, Transport};

/// How an email channel protects the connection (rotation.yaml's `tls:`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailTls {
    /// STARTTLS, refusing a server that does not offer it (port 587).
    #[default]
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// Plain text: only for a relay on the same host.
    None,
}

pub struct Mail<'a> {
    /// `smtp://host:port`, `host:port` or `host`.
    pub server: &'a str,
    pub tls: EmailTls,
    pub login: Option<(String, String)>,
    pub ca_file: Option<&'a Path>,
    pub timeout: Duration,
    pub from: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: String,
    /// Receivers and mail clients drop a second copy with the same Message-ID.
    pub message_id: String,
}

/// Why a mail was not sent, and whether trying again later may help.
#[derive(Debug)]
pub struct Refused {
    pub text: String,
    pub retry: bool,
}

pub fn send(mail: &Mail) -> Result<(), Refused> {
    let permanent = |text: String| Refused { text, retry: false };
    let rest = mail
        .server
        .trim()
        .strip_prefix("smtp://")
        .or_else(|| mail.server.trim().strip_prefix("smtps://"))
        .unwrap_or(mail.server.trim());
    let default_port = match mail.tls {
        EmailTls::Starttls => 587,
        EmailTls::Tls => 465,
        EmailTls::None => 25,
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) => (
            host,
            port.trim_end_matches('/')
                .parse::<u16>()
                .map_err(|_| permanent(format!("\"{}\" has no usable port", mail.server)))?,
        ),
        None => (rest.trim_end_matches('/'), default_port),
    };
    let tls = match mail.tls {
        EmailTls::None => Tls::None,
        mode => {
            let mut params = TlsParameters::builder(host.to_string());
            if let Some(path) = mail.ca_file {
                let pem = crate::util::files::read_small(path, crate::util::files::SMALL_FILE)
                    .map_err(|e| {
                        permanent(format!("cannot read the CA file {}: {e}", path.display()))
                    })?;
                let cert = Certificate::from_pem(&pem)
                    .map_err(|e| permanent(format!("{}: {e}", path.display())))?;
                params = params.add_root_certificate(cert);
            }
            let params = params
                .build_rustls()
                .map_err(|e| permanent(format!("TLS for {host}: {e}")))?;
            if mode == EmailTls::Tls {
                Tls::Wrapper(params)
            } else {
                Tls::Required(params)
            }
        }
    };
    let mut transport = SmtpTransport::builder_dangerous(host)
        .port(port)
        .tls(tls)
        .timeout(Some(mail.timeout));
    if let Some((user, password)) = &mail.login {
        transport = transport.credentials(Credentials::new(user.clone(), password.clone()));
    }
    let address = |text: &str| {
        text.parse::<Mailbox>()
            .map_err(|e| permanent(format!("\"{text}\" is not an email address: {e}")))
    };
    let message = lettre::Message::builder()
        .from(address(mail.from)?)
        .to(address(mail.to)?)
        .subject(mail.subject)
        .message_id(Some(mail.message_id.clone()))
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())
        .map_err(|e| permanent(format!("cannot build the message: {e}")))?;
    transport.build().send(&message).map(|_| ()).map_err(|e| {
        let text = e.to_string();
        // A server without the TLS the channel asks for will not grow it: that is the
        // channel's config to change, said at once rather than retried for a day.
        if text.contains("STARTTLS is not supported") {
            return permanent(format!(
                "SMTP {host}:{port}: {text}; set tls: none for a relay on the same host, or \
                     tls: tls for a server that speaks TLS from the start (port 465)"
            ));
        }
        Refused {
            // A 5xx answer (unknown recipient, refused login) stays refused; a 4xx, a
            // timeout or a connection that failed may pass later.
            retry: !e.is_permanent(),
            text: format!("SMTP {host}:{port}: {text}"),
        }
    })
}
