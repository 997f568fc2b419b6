//! Alerts from other systems as incidents: Alertmanager's webhook (payload version 4) and a
//! body shaped like PagerDuty's Events API v2. Pure mappings from a parsed payload to what to
//! do; the server parses, `ops::intake` applies.

use std::collections::BTreeMap;

use serde::Deserialize;

/// What an outside payload asks of mindops, keyed so that repeats land on one incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Intake {
    /// The dedup key of the incident: one per Alertmanager group, one per Events dedup key.
    pub dedup_key: String,
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Open the incident, or count a repeat on the open one.
    Trigger {
        severity: String,
        title: String,
        description: String,
    },
    Acknowledge,
    /// Resolve the incident, unless a person has taken it over.
    Resolve {
        note: String,
    },
}

/// Alertmanager's webhook body, the fields mindops reads.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlertmanagerPayload {
    pub version: Option<String>,
    pub group_key: String,
    pub status: String,
    #[serde(default)]
    pub truncated_alerts: u64,
    #[serde(default)]
    pub common_labels: BTreeMap<String, String>,
    #[serde(default)]
    pub common_annotations: BTreeMap<String, String>,
    #[serde(default)]
    pub external_url: Option<String>,
    #[serde(default)]
    pub alerts: Vec<Alert>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Alert {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
    #[serde(default)]
    pub starts_at: Option<String>,
    #[serde(default, rename = "generatorURL")]
    pub generator_url: Option<String>,
    #[serde(default)]
    pub fingerprint: Option<String>,
}

/// How Alertmanager's severity label maps to the seed's severities.
pub struct SeverityMap<'a> {
    pub label: &'a str,
    /// Label value → severity key.
    pub map: &'a [(String, String)],
    /// For an alert whose label is missing or unmapped.
    pub unknown: &'a str,
}

/// The most alerts described one by one in an incident; the rest are counted.
const ALERTS_DESCRIBED: usize = 20;

/// One incident per Alertmanager group: firing opens it (or is a repeat), resolved resolves it.
pub fn from_alertmanager(p: &AlertmanagerPayload, severities: &SeverityMap) -> Intake {
    let dedup_key = format!("alertmanager:{}", p.group_key);
    let first = p.alerts.first();
    let label = |name: &str| {
        p.common_labels
            .get(name)
            .or_else(|| first.and_then(|a| a.labels.get(name)))
            .cloned()
    };
    if p.status == "resolved" {
        return Intake {
            dedup_key,
            action: Action::Resolve {
                note: format!(
                    "resolved by Alertmanager ({} alert{} resolved)",
                    p.alerts.len(),
                    if p.alerts.len() == 1 { "" } else { "s" }
                ),
            },
        };
    }
    // The most severe of the firing alerts' severities, in the map's order of listing.
    let rank = |value: &str| severities.map.iter().position(|(l, _)| l == value);
    let severity = p
        .alerts
        .iter()
        .filter(|a| a.status != "resolved")
        .filter_map(|a| a.labels.get(severities.label))
        .chain(p.common_labels.get(severities.label))
        .filter_map(|v| rank(v))
        .min()
        .map_or_else(
            || severities.unknown.to_string(),
            |i| severities.map[i].1.clone(),
        );
    // An instance named only when every alert of the group is on it.
    let title = match p.common_annotations.get("summary") {
        Some(summary) => summary.clone(),
        None => {
            let name = label("alertname").unwrap_or_else(|| "alert".into());
            match (p.common_labels.get("instance"), p.alerts.len()) {
                (Some(instance), _) => format!("{name} on {instance}"),
                (None, n) if n > 1 => format!("{name} ({n} alerts)"),
                (None, _) => match first.and_then(|a| a.labels.get("instance")) {
                    Some(instance) => format!("{name} on {instance}"),
                    None => name,
                },
            }
        }
    };
    let mut lines = Vec::new();
    if let Some(description) = p.common_annotations.get("description") {
        lines.push(description.clone());
    }
    for a in p.alerts.iter().take(ALERTS_DESCRIBED) {
        let labels: Vec<String> = a
            .labels
            .iter()
            .map(|(k, v)| format!("{k}=\"{v}\""))
            .collect();
        let mut line = format!(
            "[{}] {{{}}}",
            if a.status.is_empty() {
                "firing"
            } else {
                &a.status
            },
            labels.join(", ")
        );
        if let Some(f) = &a.fingerprint {
            line.push_str(&format!(" fingerprint {f}"));
        }
        if let Some(at) = &a.starts_at {
            line.push_str(&format!(" since {at}"));
        }
        if let Some(url) = &a.generator_url {
            line.push_str(&format!(" {url}"));
        }
        lines.push(line);
    }
    let unlisted = p.alerts.len().saturating_sub(ALERTS_DESCRIBED) as u64 + p.truncated_alerts;
    if unlisted > 0 {
        lines.push(format!(
            "{unlisted} more alert{} not listed{}",
            if unlisted == 1 { "" } else { "s" },
            if p.truncated_alerts > 0 {
                " (Alertmanager truncated the group)"
            } else {
                ""
            }
        ));
    }
    Intake {
        dedup_key,
        action: Action::Trigger {
            severity,
            title,
            description: lines.join("\n"),
        },
    }
}

/// A PagerDuty Events API v2 body, the fields mindops reads.
#[derive(Debug, Deserialize)]
pub struct EventsPayload {
    pub routing_key: String,
    pub event_action: String,
    pub dedup_key: Option<String>,
    pub payload: Option<EventsDetail>,
}

#[derive(Debug, Deserialize)]
pub struct EventsDetail {
    pub summary: String,
    pub severity: String,
    pub source: Option<String>,
    pub component: Option<String>,
    pub custom_details: Option<serde_json::Value>,
}

/// An Events API event as an intake. `severities` is thresholds.yaml's order, most severe
/// first: PagerDuty's critical, error, warning and info are its first four (as mindops's own
/// PagerDuty channel maps them the other way). `new_key` names a trigger that brought none.
pub fn from_events(
    e: &EventsPayload,
    severities: &[String],
    new_key: impl FnOnce() -> String,
) -> Result<Intake, String> {
    let key = e.dedup_key.clone().filter(|k| !k.trim().is_empty());
    let action = match e.event_action.as_str() {
        "trigger" => {
            let detail = e
                .payload
                .as_ref()
                .ok_or("a trigger needs a payload with summary, severity and source")?;
            let rank = match detail.severity.as_str() {
                "critical" => 0,
                "error" => 1,
                "warning" => 2,
                "info" => 3,
                other => {
                    return Err(format!(
                        "payload.severity \"{other}\" is none of critical, error, warning, info"
                    ))
                }
            };
            let severity = severities
                .get(rank)
                .or(severities.last())
                .cloned()
                .ok_or("thresholds.yaml has no severities")?;
            let mut lines = Vec::new();
            if let Some(source) = &detail.source {
                lines.push(format!("source: {source}"));
            }
            if let Some(component) = &detail.component {
                lines.push(format!("component: {component}"));
            }
            if let Some(details) = &detail.custom_details {
                lines.push(format!("details: {details}"));
            }
            Action::Trigger {
                severity,
                title: detail.summary.chars().take(1024).collect(),
                description: lines.join("\n"),
            }
        }
        "acknowledge" => Action::Acknowledge,
        "resolve" => Action::Resolve {
            note: "resolved by an Events API event".into(),
        },
        other => {
            return Err(format!(
                "event_action \"{other}\" is none of trigger, acknowledge, resolve"
            ))
        }
    };
    let dedup_key = match (key, &action) {
        (Some(key), _) => key,
        (None, Action::Trigger { .. }) => new_key(),
        (None, _) => return Err("acknowledge and resolve need the dedup_key of the trigger".into()),
    };
    Ok(Intake {
        dedup_key: format!("events:{dedup_key}"),
        action,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As Alertmanager 0.25 posts it (from its webhook notifier's template data).
    const FIRING: &str = r#"{
      "receiver": "mindops", "status": "firing",
      "alerts": [
        {"status": "firing",
         "labels": {"alertname": "HighLoad", "instance": "node-1:9100", "job": "node", "severity": "warning"},
         "annotations": {"summary": "Load above 4 on node-1"},
         "startsAt": "2024-08-07T10:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
         "generatorURL": "http://prometheus:9090/graph?g0.expr=load1", "fingerprint": "c2fba1a7d2c3e4f5"},
        {"status": "firing",
         "labels": {"alertname": "HighLoad", "instance": "node-2:9100", "job": "node", "severity": "critical"},
         "annotations": {"summary": "Load above 8 on node-2"},
         "startsAt": "2024-08-07T10:01:00Z", "endsAt": "0001-01-01T00:00:00Z",
         "generatorURL": "http://prometheus:9090/graph?g0.expr=load1", "fingerprint": "0d1e2f3a4b5c6d7e"}
      ],
      "groupLabels": {"alertname": "HighLoad"},
      "commonLabels": {"alertname": "HighLoad", "job": "node"},
      "commonAnnotations": {},
      "externalURL": "http://alertmanager:9093",
      "version": "4",
      "groupKey": "{}:{alertname=\"HighLoad\"}",
      "truncatedAlerts": 0
    }"#;

    fn map() -> Vec<(String, String)> {
        [("critical", "P1"), ("warning", "P2"), ("info", "P3")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_firing_group_is_one_incident_at_its_most_severe_alert() {
        let p: AlertmanagerPayload = serde_json::from_str(FIRING).unwrap();
        let map = map();
        let s = SeverityMap {
            label: "severity",
            map: &map,
            unknown: "P2",
        };
        let intake = from_alertmanager(&p, &s);
        assert_eq!(intake.dedup_key, "alertmanager:{}:{alertname=\"HighLoad\"}");
        let Action::Trigger {
            severity,
            title,
            description,
        } = intake.action
        else {
            panic!("not a trigger");
        };
        assert_eq!(severity, "P1");
        assert_eq!(
            title, "HighLoad (2 alerts)",
            "no common summary: the alert's name"
        );
        assert!(
            description.contains("fingerprint c2fba1a7d2c3e4f5"),
            "{description}"
        );
        assert!(
            description.contains("instance=\"node-2:9100\""),
            "{description}"
        );
    }

    #[test]
    fn resolved_groups_unknown_severities_and_truncation() {
        let resolved = FIRING.replace(r#""status": "firing","#, r#""status": "resolved","#);
        let p: AlertmanagerPayload = serde_json::from_str(&resolved).unwrap();
        let map = map();
        let s = SeverityMap {
            label: "severity",
            map: &map,
            unknown: "P2",
        };
        assert!(matches!(
            from_alertmanager(&p, &s).action,
            Action::Resolve { .. }
        ));
        let odd = FIRING
            .replace("\"warning\"", "\"page\"")
            .replace("\"critical\"", "\"page\"")
            .replace("\"truncatedAlerts\": 0", "\"truncatedAlerts\": 3")
            .replace(
                "\"commonAnnotations\": {}",
                "\"commonAnnotations\": {\"summary\": \"Nodes overloaded\"}",
            );
        let p: AlertmanagerPayload = serde_json::from_str(&odd).unwrap();
        let Action::Trigger {
            severity,
            title,
            description,
        } = from_alertmanager(&p, &s).action
        else {
            panic!()
        };
        assert_eq!(
            (severity.as_str(), title.as_str()),
            ("P2", "Nodes overloaded")
        );
        assert!(
            description.ends_with("3 more alerts not listed (Alertmanager truncated the group)")
        );
    }

    #[test]
    fn events_map_pagerduty_severities_to_the_seeds_by_rank() {
        let severities: Vec<String> = ["P0", "P1", "P2", "P3"].map(String::from).to_vec();
        let body = r#"{"routing_key": "k", "event_action": "trigger", "dedup_key": "db-1",
            "payload": {"summary": "db down", "severity": "error", "source": "db-1"}}"#;
        let e: EventsPayload = serde_json::from_str(body).unwrap();
        let intake = from_events(&e, &severities, || unreachable!()).unwrap();
        assert_eq!(intake.dedup_key, "events:db-1");
        assert!(matches!(intake.action, Action::Trigger { ref severity, .. } if severity == "P1"));
        let body = r#"{"routing_key": "k", "event_action": "trigger",
            "payload": {"summary": "x", "severity": "info", "source": "y"}}"#;
        let e: EventsPayload = serde_json::from_str(body).unwrap();
        assert_eq!(
            from_events(&e, &severities, || "new".into())
                .unwrap()
                .dedup_key,
            "events:new"
        );
        let body = r#"{"routing_key": "k", "event_action": "resolve"}"#;
        let e: EventsPayload = serde_json::from_str(body).unwrap();
        assert!(from_events(&e, &severities, || "x".into())
            .unwrap_err()
            .contains("need the dedup_key"));
        let body = r#"{"routing_key": "k", "event_action": "snooze", "dedup_key": "a"}"#;
        let e: EventsPayload = serde_json::from_str(body).unwrap();
        assert!(from_events(&e, &severities, || "x".into()).is_err());
    }
}
