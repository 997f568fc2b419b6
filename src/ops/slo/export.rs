//! The SLOs as the Prometheus tools that generate burn-rate rules read them: Sloth's
//! `prometheus/v1` spec and Pyrra's `ServiceLevelObjective`, so a team can move its alerts into
//! Prometheus when it grows. What a tool cannot express is left out, each with its reason.

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;

use crate::config::thresholds::Source;
use crate::config::Thresholds;
use crate::rules::slo::{self, Good, Indicator};
use crate::rules::threshold::{Op, Threshold};

/// The written document, and the SLOs left out with why.
pub type Export = (String, Vec<(String, String)>);

#[derive(Serialize)]
struct SlothSpec<'a> {
    version: &'static str,
    service: &'a str,
    slos: Vec<SlothSlo<'a>>,
}

#[derive(Serialize)]
struct SlothSlo<'a> {
    name: &'a str,
    objective: f64,
    sli: SlothSli,
    alerting: SlothAlerting<'a>,
}

/// One of the two: a struct of options, not an enum, which YAML writers tag (`!events`)
/// where Sloth reads a key.
#[derive(Serialize)]
struct SlothSli {
    #[serde(skip_serializing_if = "Option::is_none")]
    events: Option<SlothEvents>,
    #[serde(skip_serializing_if = "Option::is_none")]
    raw: Option<SlothRaw>,
}

#[derive(Serialize)]
struct SlothEvents {
    error_query: String,
    total_query: String,
}

#[derive(Serialize)]
struct SlothRaw {
    error_ratio_query: String,
}

#[derive(Serialize)]
struct SlothAlerting<'a> {
    name: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    annotations: BTreeMap<&'static str, &'a str>,
    page_alert: SlothAlert<'a>,
    ticket_alert: SlothAlert<'a>,
}

#[derive(Serialize)]
struct SlothAlert<'a> {
    labels: BTreeMap<&'static str, &'a str>,
}

/// Sloth's spec. Sloth applies its own alert windows (table 5-8's, over the period given to
/// `sloth generate`), so an SLO whose windows differ is written with a note, not left out.
pub fn sloth(thresholds: &Thresholds, service: &str) -> Result<Export> {
    let mut skipped = Vec::new();
    let mut slos = Vec::new();
    let mut periods: Vec<String> = Vec::new();
    for s in &thresholds.slos {
        let sli = match &s.indicator {
            Indicator::Ratio { errors, total } => SlothSli {
                events: Some(SlothEvents {
                    error_query: sloth_window(errors),
                    total_query: sloth_window(total),
                }),
                raw: None,
            },
            Indicator::Metric { metric, good } => match raw_ratio(thresholds, metric, good) {
                Ok(query) => SlothSli {
                    events: None,
                    raw: Some(SlothRaw {
                        error_ratio_query: query,
                    }),
                },
                Err(why) => {
                    skipped.push((s.name.clone(), why));
                    continue;
                }
            },
        };
        let period = slo::promql_range(s.window);
        if !periods.contains(&period) {
            periods.push(period);
        }
        slos.push(SlothSlo {
            name: &s.name,
            objective: s.objective,
            sli,
            alerting: SlothAlerting {
                name: format!("{}Slo", camel(&s.name)),
                annotations: s
                    .description
                    .as_deref()
                    .map(|d| BTreeMap::from([("summary", d)]))
                    .unwrap_or_default(),
                page_alert: SlothAlert {
                    labels: BTreeMap::from([("severity", s.page.severity.as_str())]),
                },
                ticket_alert: SlothAlert {
                    labels: BTreeMap::from([("severity", s.ticket.severity.as_str())]),
                },
            },
        });
    }
    let mut text = format!(
        "# Written by mindops slo export. Generate the rules with:\n#   sloth generate -i FILE --default-slo-period {}\n",
        periods.first().map_or("30d", String::as_str)
    );
    if periods.len() > 1 {
        text.push_str(&format!(
            "# The SLOs have different windows ({}); Sloth takes one period per run.\n",
            periods.join(", ")
        ));
    }
    text.push_str(&serde_yaml::to_string(&SlothSpec {
        version: "prometheus/v1",
        service,
        slos,
    })?);
    Ok((text, skipped))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PyrraSlo<'a> {
    api_version: &'static str,
    kind: &'static str,
    metadata: PyrraMeta<'a>,
    spec: PyrraSpec<'a>,
}

#[derive(Serialize)]
struct PyrraMeta<'a> {
    name: String,
    namespace: &'static str,
    labels: BTreeMap<&'static str, &'a str>,
}

#[derive(Serialize)]
struct PyrraSpec<'a> {
    target: String,
    window: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    indicator: PyrraIndicator,
}

#[derive(Serialize)]
struct PyrraIndicator {
    ratio: PyrraRatio,
}

#[derive(Serialize)]
struct PyrraRatio {
    errors: PyrraMetric,
    total: PyrraMetric,
}

#[derive(Serialize)]
struct PyrraMetric {
    metric: String,
}

/// Pyrra's resources, one YAML document each. Pyrra takes the counters themselves and applies
/// `increase` over each window, so a ratio SLO is written when each query is a counter's
/// `rate` or `increase` over `$window`, optionally summed.
pub fn pyrra(thresholds: &Thresholds, service: &str) -> Result<Export> {
    let mut skipped = Vec::new();
    let mut docs = Vec::new();
    for s in &thresholds.slos {
        let ratio = match &s.indicator {
            Indicator::Ratio { errors, total } => match (counter(errors), counter(total)) {
                (Some(errors), Some(total)) => PyrraRatio {
                    errors: PyrraMetric { metric: errors },
                    total: PyrraMetric { metric: total },
                },
                _ => {
                    skipped.push((
                        s.name.clone(),
                        "Pyrra takes counters: write errors: and total: as \
                         sum(rate(COUNTER{...}[$window]))"
                            .to_string(),
                    ));
                    continue;
                }
            },
            Indicator::Metric { metric, .. } => {
                skipped.push((
                    s.name.clone(),
                    format!(
                        "it counts mindops's own checks of {metric}, which Prometheus does not \
                         hold; Pyrra needs request counters (errors: and total:)"
                    ),
                ));
                continue;
            }
        };
        docs.push(serde_yaml::to_string(&PyrraSlo {
            api_version: "pyrra.dev/v1alpha1",
            kind: "ServiceLevelObjective",
            metadata: PyrraMeta {
                // Kubernetes names take no underscore.
                name: s.name.replace('_', "-"),
                namespace: "monitoring",
                labels: BTreeMap::from([("pyrra.dev/service", service)]),
            },
            spec: PyrraSpec {
                target: crate::rules::units::significant(s.objective, 6).to_string(),
                window: slo::promql_range(s.window),
                description: s.description.as_deref(),
                indicator: PyrraIndicator { ratio },
            },
        })?);
    }
    Ok((docs.join("---\n"), skipped))
}

/// `$window` as Sloth's template writes it.
fn sloth_window(query: &str) -> String {
    query.replace("$window", "{{.window}}")
}

/// `latency_p99` → `LatencyP99`: an alert name as Prometheus rules spell them.
fn camel(name: &str) -> String {
    name.split(['_', '-'])
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The share of time a metric's Prometheus query was bad, as a subquery over the window: the
/// same judgement mindops makes of each check, made by Prometheus at its evaluation interval.
fn raw_ratio(thresholds: &Thresholds, metric: &str, good: &Good) -> Result<String, String> {
    let m = thresholds
        .metrics
        .iter()
        .find(|m| m.name == metric)
        .ok_or_else(|| format!("no metric {metric}"))?;
    let Some(Source::Query { expr, reduce }) = &m.source else {
        return Err(format!(
            "{metric} has no prometheus: query, so Prometheus cannot judge it"
        ));
    };
    if m.source_unit.is_some() {
        return Err(format!(
            "{metric} converts its query's unit (source_unit:); write the SLO with errors: and \
             total: instead"
        ));
    }
    let (op, limit) = match good {
        Good::Compare { op, value } => (*op, *value),
        Good::State => match &m.target {
            Some(Threshold::Compare { op, value }) => (*op, *value),
            _ => {
                return Err(format!(
                    "{metric}'s target is not a comparison; give the SLO a good: such as \"< 2s\""
                ))
            }
        },
    };
    let op = match op {
        Op::Lt => "<",
        Op::Le => "<=",
        Op::Gt => ">",
        Op::Ge => ">=",
        Op::Eq => "==",
    };
    let series = match reduce {
        Some(how) => format!("{}({})", reduce_name(*how), expr.trim()),
        None => format!("({})", expr.trim()),
    };
    Ok(format!(
        "1 - avg_over_time(({series} {op} bool {limit})[{{{{.window}}}}:])"
    ))
}

fn reduce_name(how: crate::config::thresholds::Reduce) -> &'static str {
    use crate::config::thresholds::Reduce;
    match how {
        Reduce::Max => "max",
        Reduce::Min => "min",
        Reduce::Avg => "avg",
        Reduce::Sum => "sum",
    }
}

/// The counter selector of `sum(rate(SELECTOR[$window]))` (or `increase`, with or without the
/// `sum`), or `None` for any other query.
pub fn counter(query: &str) -> Option<String> {
    let q = query.trim();
    let q = q
        .strip_prefix("sum(")
        .and_then(|rest| rest.strip_suffix(')'))
        .map_or(q, str::trim);
    let inner = q
        .strip_prefix("rate(")
        .or_else(|| q.strip_prefix("increase("))?
        .strip_suffix(')')?
        .trim();
    let selector = inner
        .strip_suffix("[$window]")
        .or_else(|| inner.strip_suffix("[{{.window}}]"))?
        .trim();
    let plain = !selector.is_empty()
        && !selector.contains(['(', ')', '[', ']'])
        && selector.matches('{').count() <= 1;
    plain.then(|| selector.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_are_read_from_the_usual_shapes_only() {
        assert_eq!(
            counter(r#"sum(rate(http_requests_total{code=~"5.."}[$window]))"#).as_deref(),
            Some(r#"http_requests_total{code=~"5.."}"#)
        );
        assert_eq!(
            counter("increase(x_total[{{.window}}])").as_deref(),
            Some("x_total")
        );
        assert_eq!(
            counter("sum(rate(a[$window])) - sum(rate(b[$window]))"),
            None
        );
        assert_eq!(counter("rate(x[5m])"), None);
        assert_eq!(camel("api_latency-p99"), "ApiLatencyP99");
    }
}
