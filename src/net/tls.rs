//! TLS beyond what the HTTP client does: reading when a server's certificate expires, and the
//! verifier that accepts any certificate (PostgreSQL's `sslmode=require`, expiry probes).

use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};

/// When the certificate `host:port` presents stops being valid. Any certificate is read,
/// trusted or not: an expired or self-signed one is exactly what an expiry check must report
/// rather than fail on.
pub fn certificate_expiry(
    host: &str,
    port: u16,
    timeout: Duration,
) -> Result<DateTime<Utc>, String> {
    let deadline = Instant::now() + timeout;
    let address = (host, port)
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve {host}: {e}"))?
        .next()
        .ok_or_else(|| format!("{host} has no address"))?;
    let mut tcp = TcpStream::connect_timeout(&address, timeout)
        .map_err(|e| format!("cannot connect to {host}:{port}: {e}"))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(Unchecked(provider)))
        .with_no_client_auth();
    let name = ServerName::try_from(host.to_string())
        .map_err(|_| format!("\"{host}\" is not a host name TLS can use"))?;
    let mut tls = rustls::ClientConnection::new(Arc::new(config), name)
        .map_err(|e| format!("TLS with {host}: {e}"))?;
    while tls.is_handshaking() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(format!(
                "no TLS handshake with {host}:{port} within {}s",
                timeout.as_secs_f64()
            ));
        }
        // Each read waits at most for what is left of the whole budget.
        tcp.set_read_timeout(Some(left))
            .map_err(|e| e.to_string())?;
        tcp.set_write_timeout(Some(left))
            .map_err(|e| e.to_string())?;
        tls.complete_io(&mut tcp).map_err(|e| match e.kind() {
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => format!(
                "no TLS handshake with {host}:{port} within {}s",
                timeout.as_secs_f64()
            ),
            _ => format!("TLS handshake with {host}:{port} failed: {e}"),
        })?;
    }
    let leaf = tls
        .peer_certificates()
        .and_then(|chain| chain.first())
        .ok_or_else(|| format!("{host}:{port} presented no certificate"))?;
    not_after(leaf.as_ref()).ok_or_else(|| {
        format!("cannot read the expiry date of the certificate {host}:{port} presented")
    })
}

/// The `notAfter` of an X.509 certificate in DER: Certificate → tbsCertificate → (version,
/// serial, signature, issuer) → validity → second time. `None` for anything malformed.
pub fn not_after(der: &[u8]) -> Option<DateTime<Utc>> {
    let (tag, certificate, _) = tlv(der)?;
    if tag != 0x30 {
        return None;
    }
    let (tag, mut tbs, _) = tlv(certificate)?;
    if tag != 0x30 {
        return None;
    }
    // The version is there only when it is not v1: [0] EXPLICIT.
    if tbs.first() == Some(&0xA0) {
        tbs = tlv(tbs)?.2;
    }
    for _serial_signature_issuer in 0..3 {
        tbs = tlv(tbs)?.2;
    }
    let (tag, validity, _) = tlv(tbs)?;
    if tag != 0x30 {
        return None;
    }
    let (_, _, rest) = tlv(validity)?;
    let (tag, time, _) = tlv(rest)?;
    let text = std::str::from_utf8(time).ok()?;
    let full = match tag {
        // UTCTime: two-digit years 50–99 are 19xx (RFC 5280 4.1.2.5.1).
        0x17 if text.len() == 13 => {
            let century = if text[..2].parse::<u8>().ok()? >= 50 {
                "19"
            } else {
                "20"
            };
            format!("{century}{text}")
        }
        0x18 if text.len() == 15 => text.to_string(),
        _ => return None,
    };
    let digits = full.strip_suffix('Z')?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let field = |from: usize, to: usize| digits.get(from..to)?.parse::<u32>().ok();
    let year = i32::try_from(field(0, 4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, field(4, 6)?, field(6, 8)?)?;
    let time = date.and_hms_opt(field(8, 10)?, field(10, 12)?, field(12, 14)?)?;
    Some(time.and_utc())
}

/// One DER element: its tag, its content and what follows it.
fn tlv(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = bytes.split_first()?;
    let (&first, mut rest) = rest.split_first()?;
    let length = if first < 0x80 {
        usize::from(first)
    } else {
        let count = usize::from(first & 0x7F);
        if count == 0 || count > 4 {
            return None;
        }
        let (digits, after) = rest.split_at_checked(count)?;
        rest = after;
        digits
            .iter()
            .fold(0usize, |n, &d| (n << 8) | usize::from(d))
    };
    let (content, after) = rest.split_at_checked(length)?;
    Some((tag, content, after))
}

/// Takes the server's certificate as it comes (libpq's `require`; reading a certificate's expiry,
/// which must work for an expired or self-signed one too). The handshake signature is still
/// checked, so the server must hold the key it presents.
#[derive(Debug)]
pub(crate) struct Unchecked(pub Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Trusts the authorities of a `ca_file`, and also a server certificate that is itself one
/// of them, as `curl --cacert` does: `openssl req -x509` makes a self-signed certificate that
/// is marked as an authority, and webpki refuses an authority as a server's own certificate
/// (`CaUsedAsEndEntity`) even when it is the very anchor the user named. Such a certificate
/// must still be in its validity period and name the server.
#[derive(Debug)]
pub(crate) struct Anchored {
    inner: Arc<rustls::client::WebPkiServerVerifier>,
    anchors: Vec<CertificateDer<'static>>,
    signatures: Unchecked,
}

impl Anchored {
    pub fn new(
        anchors: Vec<CertificateDer<'static>>,
        provider: Arc<rustls::crypto::CryptoProvider>,
    ) -> Result<Self, String> {
        let mut roots = rustls::RootCertStore::empty();
        let (added, _) = roots.add_parsable_certificates(anchors.iter().cloned());
        if added == 0 {
            return Err("holds no certificate an authority can be made of".into());
        }
        let inner = rustls::client::WebPkiServerVerifier::builder_with_provider(
            Arc::new(roots),
            provider.clone(),
        )
        .build()
        .map_err(|e| e.to_string())?;
        Ok(Anchored {
            inner,
            anchors,
            signatures: Unchecked(provider),
        })
    }
}

impl ServerCertVerifier for Anchored {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let refused =
            match self
                .inner
                .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
            {
                Ok(verified) => return Ok(verified),
                Err(refused) => refused,
            };
        if !self
            .anchors
            .iter()
            .any(|a| a.as_ref() == end_entity.as_ref())
        {
            return Err(refused);
        }
        let now = DateTime::from_timestamp(now.as_secs() as i64, 0).unwrap_or_default();
        if not_after(end_entity.as_ref()).is_none_or(|end| end < now) {
            return Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::Expired,
            ));
        }
        let parsed = rustls::server::ParsedCertificate::try_from(end_entity)?;
        rustls::client::verify_server_name(&parsed, server_name)?;
        Ok(ServerCertVerified::assertion())
    }

    // The handshake's signature is checked as for any certificate: by its own key.
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.signatures.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.signatures.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.signatures.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A certificate's skeleton: just enough DER for `not_after` to walk.
    fn certificate(version: bool, time_tag: u8, time: &str) -> Vec<u8> {
        fn wrap(tag: u8, content: &[u8]) -> Vec<u8> {
            let mut out = vec![tag];
            if content.len() < 0x80 {
                out.push(content.len() as u8);
            } else {
                out.push(0x82);
                out.extend_from_slice(&(content.len() as u16).to_be_bytes());
            }
            out.extend_from_slice(content);
            out
        }
        let mut tbs = Vec::new();
        if version {
            tbs.extend(wrap(0xA0, &wrap(0x02, &[2])));
        }
        tbs.extend(wrap(0x02, &[1, 2, 3]));
        tbs.extend(wrap(0x30, &[0; 10]));
        tbs.extend(wrap(0x30, &[0; 200]));
        let mut validity = wrap(0x17, b"240101000000Z");
        validity.extend(wrap(time_tag, time.as_bytes()));
        tbs.extend(wrap(0x30, &validity));
        tbs.extend(wrap(0x30, &[0; 5]));
        wrap(0x30, &[wrap(0x30, &tbs), wrap(0x30, &[0; 3])].concat())
    }

    #[test]
    fn reads_both_time_forms_with_and_without_a_version() {
        let t = |s: &str| Some(s.parse::<DateTime<Utc>>().unwrap());
        assert_eq!(
            not_after(&certificate(true, 0x17, "261231235959Z")),
            t("2026-12-31T23:59:59Z")
        );
        assert_eq!(
            not_after(&certificate(false, 0x17, "991231000000Z")),
            t("1999-12-31T00:00:00Z")
        );
        assert_eq!(
            not_after(&certificate(true, 0x18, "20610301120000Z")),
            t("2061-03-01T12:00:00Z")
        );
    }

    #[test]
    fn malformed_certificates_are_none_not_a_panic() {
        assert_eq!(not_after(&certificate(true, 0x17, "261331235959Z")), None);
        assert_eq!(not_after(&certificate(true, 0x17, "26123123595Z")), None);
        let good = certificate(true, 0x17, "261231235959Z");
        for cut in 0..good.len() {
            assert_eq!(not_after(&good[..cut]), None, "cut at {cut}");
        }
        assert_eq!(not_after(&[0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF]), None);
    }
}
