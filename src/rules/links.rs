//! Action links: a token naming an incident, a person and an action, signed with HMAC-SHA256
//! under the team's link key, so the person paged can act from any phone without a login. The
//! token says when it was issued; how long it works is judged against the incident.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// What a link does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkAction {
    Acknowledge,
    Resolve,
    Escalate,
}

impl LinkAction {
    pub const ALL: [LinkAction; 3] = [
        LinkAction::Acknowledge,
        LinkAction::Resolve,
        LinkAction::Escalate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LinkAction::Acknowledge => "acknowledge",
            LinkAction::Resolve => "resolve",
            LinkAction::Escalate => "escalate",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

/// What a link's token carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub incident: i64,
    pub person: String,
    pub action: LinkAction,
    pub issued: DateTime<Utc>,
}

/// A link works at most this long after it was issued.
pub const LONGEST: Duration = Duration::days(7);
/// And at most this long after its incident closed.
pub const AFTER_CLOSE: Duration = Duration::hours(24);

fn mac(key: &[u8], payload: &str) -> Vec<u8> {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return Vec::new();
    };
    mac.update(payload.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// The token of a claim: `PAYLOAD.SIGNATURE`, both base64url, safe in a URL path.
pub fn sign(key: &[u8], claim: &Claim) -> String {
    let payload = serde_json::json!({
        "i": claim.incident,
        "p": claim.person,
        "a": claim.action.as_str(),
        "t": claim.issued.timestamp(),
    })
    .to_string();
    let payload = URL_SAFE_NO_PAD.encode(payload);
    let signature = URL_SAFE_NO_PAD.encode(mac(key, &payload));
    format!("{payload}.{signature}")
}

/// The claim of a token signed with `key`, or why it is not one. The signature is compared in
/// constant time.
pub fn verify(key: &[u8], token: &str) -> Result<Claim, &'static str> {
    const BAD: &str = "this link is not one mindops made (it may have been cut short)";
    if token.len() > 4096 {
        return Err(BAD);
    }
    let (payload, signature) = token.split_once('.').ok_or(BAD)?;
    let signature = URL_SAFE_NO_PAD.decode(signature).map_err(|_| BAD)?;
    let Ok(mut check) = Hmac::<Sha256>::new_from_slice(key) else {
        return Err(BAD);
    };
    check.update(payload.as_bytes());
    check.verify_slice(&signature).map_err(|_| BAD)?;
    let json: serde_json::Value = URL_SAFE_NO_PAD
        .decode(payload)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or(BAD)?;
    Ok(Claim {
        incident: json["i"].as_i64().ok_or(BAD)?,
        person: json["p"].as_str().ok_or(BAD)?.to_string(),
        action: json["a"].as_str().and_then(LinkAction::parse).ok_or(BAD)?,
        issued: json["t"]
            .as_i64()
            .and_then(|t| DateTime::from_timestamp(t, 0))
            .ok_or(BAD)?,
    })
}

/// Whether a link issued at `issued` still works at `now` for an incident closed at `closed`:
/// for at most 7 days, and at most 24 hours after the incident closed.
pub fn still_works(
    issued: DateTime<Utc>,
    closed: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    let by_age = now - issued <= LONGEST;
    let by_close = closed.is_none_or(|c| now - c <= AFTER_CLOSE);
    by_age && by_close
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim() -> Claim {
        Claim {
            incident: 42,
            person: "Iris".into(),
            action: LinkAction::Acknowledge,
            issued: "2024-08-07T03:00:00Z".parse().unwrap(),
        }
    }

    #[test]
    fn a_signed_claim_reads_back_and_a_changed_one_does_not() {
        let token = sign(b"key", &claim());
        assert_eq!(verify(b"key", &token), Ok(claim()));
        assert!(verify(b"other", &token).is_err());
        let (payload, signature) = token.split_once('.').unwrap();
        let forged =
            URL_SAFE_NO_PAD.encode(r#"{"i":43,"p":"Iris","a":"acknowledge","t":1722999600}"#);
        assert!(verify(b"key", &format!("{forged}.{signature}")).is_err());
        assert!(verify(b"key", payload).is_err());
        assert!(verify(b"key", &token[..token.len() - 2]).is_err());
        assert!(verify(b"key", "").is_err());
    }

    #[test]
    fn links_lapse_a_week_after_issue_or_a_day_after_the_close() {
        let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let issued = t("2024-08-07T03:00:00Z");
        assert!(still_works(issued, None, t("2024-08-14T03:00:00Z")));
        assert!(!still_works(issued, None, t("2024-08-14T03:00:01Z")));
        let closed = Some(t("2024-08-07T04:00:00Z"));
        assert!(still_works(issued, closed, t("2024-08-08T04:00:00Z")));
        assert!(!still_works(issued, closed, t("2024-08-08T04:00:01Z")));
    }
}
