//! Instant PromQL queries against a Prometheus server's HTTP API (`/api/v1/query`). Whatever
//! goes wrong comes back as the metric's UNKNOWN reason, in the server's own words when it gave
//! some.

use std::time::Duration;

use super::Given;
use crate::config::thresholds::{PrometheusServer, Reduce};
use crate::config::Metric;
use crate::net::http::{self, Client};
use crate::rules::units;

/// How long a query may take when neither the metric nor the server sets a `timeout:`.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// A server ready to be asked: its URL expanded, its token read, one client for every query
/// so they share connections.
pub struct Server {
    base: String,
    authorization: Option<String>,
    timeout: Option<Duration>,
    client: Client,
}

/// One series of an answer: its labels (for naming it) and its value.
#[derive(Debug, PartialEq)]
struct Series {
    labels: Vec<(String, String)>,
    value: f64,
}

impl Server {
    /// `Err` is why no query can be made (an unset variable, an unreadable token); every
    /// `prometheus:` metric then carries it.
    pub fn new(config: &PrometheusServer) -> Result<Self, String> {
        let base =
            crate::config::expand_env(&config.url).map_err(|e| format!("prometheus.url: {e}"))?;
        let authorization = match &config.token {
            Some(secret) => Some(format!(
                "Bearer {}",
                secret
                    .read()
                    .map_err(|e| format!("the Prometheus token: {e}"))?
            )),
            None => None,
        };
        Ok(Server {
            base: base.trim_end_matches('/').to_string(),
            authorization,
            timeout: config.timeout.and_then(|t| t.to_std().ok()),
            client: Client::new(&http::Trust::default())?,
        })
    }

    /// The metric's value by its query, in its unit.
    pub fn query(&self, metric: &Metric, expr: &str, reduce: Option<Reduce>) -> Given {
        let timeout = metric.timeout.and_then(|t| t.to_std().ok());
        let series = match self.ask(expr, None, timeout) {
            Ok(series) => series,
            Err(why) => return Given::Failed(why),
        };
        match one_value(&series, reduce).and_then(|v| in_unit(v, &series, metric)) {
            Ok(v) => Given::Number(v),
            Err(why) => Given::Failed(why),
        }
    }

    /// A count of events at an instant: the sum of the query's series, 0 when it matches
    /// none (a counter of errors that never happened has no series), NaN read as 0 (a rate
    /// over no requests).
    pub fn count(&self, expr: &str, at: chrono::DateTime<chrono::Utc>) -> Result<f64, String> {
        let series = self.ask(expr, Some(at), None)?;
        Ok(series
            .iter()
            .map(|s| s.value)
            .filter(|v| v.is_finite())
            .sum())
    }

    /// An instant query's series (at `at`, else the server's now), or why there are none.
    fn ask(
        &self,
        expr: &str,
        at: Option<chrono::DateTime<chrono::Utc>>,
        timeout: Option<Duration>,
    ) -> Result<Vec<Series>, String> {
        let timeout = timeout.or(self.timeout).unwrap_or(DEFAULT_TIMEOUT);
        let mut url = format!("{}/api/v1/query?query={}", self.base, http::escape(expr));
        if let Some(at) = at {
            url.push_str(&format!("&time={}", at.timestamp()));
        }
        let mut headers = Vec::new();
        if let Some(auth) = &self.authorization {
            headers.push(("Authorization", auth.as_str()));
        }
        let reply = self
            .client
            .get(&url, &headers, timeout)
            .map_err(|why| format!("Prometheus: {why}"))?;
        if let Some(to) = reply.redirect() {
            return Err(format!(
                "Prometheus: {} redirected to {}; point prometheus.url at it",
                http::host_of(&url),
                http::redact(to)
            ));
        }
        answer(reply.status, &reply.body).map_err(|why| format!("Prometheus: {why}"))
    }
}

/// The most series an answer may hold: a check needs one value, and a query that matches
/// more than this is a mistake (a missing label), not something to reduce.
const MAX_SERIES: usize = 10_000;

/// An API answer, read without building a tree of the whole body: the result stays the
/// body's own text until its type is known, then its series are read one by one.
#[derive(serde::Deserialize)]
struct ApiAnswer<'a> {
    status: Option<String>,
    error: Option<String>,
    #[serde(rename = "errorType")]
    error_type: Option<String>,
    #[serde(borrow)]
    data: Option<ApiData<'a>>,
}

#[derive(serde::Deserialize)]
struct ApiData<'a> {
    #[serde(rename = "resultType")]
    result_type: Option<String>,
    #[serde(borrow)]
    result: Option<&'a serde_json::value::RawValue>,
}

#[derive(serde::Deserialize)]
struct VectorSample {
    #[serde(default)]
    metric: std::collections::BTreeMap<String, String>,
    value: (serde::de::IgnoredAny, String),
}

/// The series of a vector, refusing more than [`MAX_SERIES`] as soon as the next begins.
struct Vector(Vec<VectorSample>);

impl<'de> serde::Deserialize<'de> for Vector {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Seq;
        impl<'de> serde::de::Visitor<'de> for Seq {
            type Value = Vector;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of series")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Vector, A::Error> {
                let mut out = Vec::new();
                while let Some(sample) = seq.next_element()? {
                    if out.len() == MAX_SERIES {
                        return Err(serde::de::Error::custom(format!(
                            "the query gives more than {MAX_SERIES} series; narrow it (a label \
                             matcher) or aggregate it in PromQL (sum, max, topk)"
                        )));
                    }
                    out.push(sample);
                }
                Ok(Vector(out))
            }
        }
        d.deserialize_seq(Seq)
    }
}

/// The series of an instant query's answer, or the server's error.
fn answer(status: u16, body: &str) -> Result<Vec<Series>, String> {
    let Ok(json) = serde_json::from_str::<ApiAnswer>(body) else {
        let start: String = body.trim().chars().take(200).collect();
        return Err(format!(
            "HTTP {status} with no API answer (is the URL a Prometheus server?): {start}"
        ));
    };
    if json.status.as_deref() != Some("success") {
        return Err(match (json.error, json.error_type) {
            (Some(error), Some(kind)) => format!("{error} ({kind})"),
            (Some(error), None) => error,
            _ => format!("HTTP {status} and no error message"),
        });
    }
    let data = json.data.ok_or("an answer without data")?;
    let result = || {
        data.result
            .map(|r| r.get())
            .ok_or("an answer without a result")
    };
    let number_of = |text: &str| number(text).ok_or_else(|| format!("\"{text}\" is not a number"));
    match data.result_type.as_deref() {
        Some("vector") => {
            let Vector(samples) = serde_json::from_str(result()?).map_err(|e| {
                let text = e.to_string();
                // serde_json appends the position, which means nothing to the reader.
                text.split(" at line ").next().unwrap_or(&text).to_string()
            })?;
            samples
                .into_iter()
                .map(|s| {
                    Ok(Series {
                        value: number_of(&s.value.1)?,
                        labels: s.metric.into_iter().collect(),
                    })
                })
                .collect()
        }
        Some("scalar") => {
            let (_, text): (serde::de::IgnoredAny, String) = serde_json::from_str(result()?)
                .map_err(|_| "a scalar without a value".to_string())?;
            Ok(vec![Series {
                labels: Vec::new(),
                value: number_of(&text)?,
            }])
        }
        Some("matrix") => Err(
            "the query gives a range of values per series; a check needs one \
             value: wrap it in a function such as avg_over_time(...[5m])"
                .into(),
        ),
        Some(other) => Err(format!("the query gives a {other}, not a number")),
        None => Err("an answer without a result type".into()),
    }
}

/// Prometheus's number text: Go floats, with `NaN`, `+Inf` and `-Inf`.
fn number(text: &str) -> Option<f64> {
    match text {
        "NaN" => Some(f64::NAN),
        "+Inf" => Some(f64::INFINITY),
        "-Inf" => Some(f64::NEG_INFINITY),
        _ => text.parse().ok(),
    }
}

fn one_value(series: &[Series], reduce: Option<Reduce>) -> Result<f64, String> {
    let value = match (series, reduce) {
        ([], _) => {
            return Err(
                "the query matched no series (is the exporter scraped? try it in the \
                 Prometheus web UI)"
                    .into(),
            )
        }
        ([one], _) => one.value,
        (many, None) => {
            let mut names: Vec<String> = many.iter().take(5).map(label_set).collect();
            if many.len() > 5 {
                names.push(format!("and {} more", many.len() - 5));
            }
            return Err(format!(
                "the query gives {} series ({}); add reduce: max, min, avg or sum, or narrow \
                 the query",
                many.len(),
                names.join(", ")
            ));
        }
        (many, Some(how)) => {
            let values = many.iter().map(|s| s.value);
            match how {
                Reduce::Max => values.fold(f64::NEG_INFINITY, f64::max),
                Reduce::Min => values.fold(f64::INFINITY, f64::min),
                Reduce::Sum => values.sum(),
                Reduce::Avg => values.sum::<f64>() / many.len() as f64,
            }
        }
    };
    if value.is_nan() {
        return Err(
            "the query gives NaN (a division by zero, or a rate with too few samples?)".into(),
        );
    }
    Ok(value)
}

/// `{instance="a",job="node"}`, without the metric's name.
fn label_set(series: &Series) -> String {
    let labels: Vec<String> = series
        .labels
        .iter()
        .filter(|(k, _)| k != "__name__")
        .map(|(k, v)| format!("{k}=\"{v}\""))
        .collect();
    format!("{{{}}}", labels.join(","))
}

/// The value in the metric's unit: from the declared `source_unit`, else from the unit the
/// series' name declares (`_seconds`, `_bytes`) when every series has the same name.
fn in_unit(value: f64, series: &[Series], metric: &Metric) -> Result<f64, String> {
    let name_of = |s: &Series| {
        s.labels
            .iter()
            .find(|(k, _)| k == "__name__")
            .map(|(_, v)| v.clone())
    };
    let base = match &metric.source_unit {
        Some(unit) => Some(unit.clone()),
        None => {
            let names: Vec<Option<String>> = series.iter().map(name_of).collect();
            match names.first() {
                Some(Some(first)) if names.iter().all(|n| n.as_deref() == Some(first)) => {
                    units::prometheus_unit(first).map(str::to_string)
                }
                _ => None,
            }
        }
    };
    match base {
        Some(from) => units::convert(value, &from, &metric.unit),
        None => Ok(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(series: &[Series]) -> Vec<f64> {
        series.iter().map(|s| s.value).collect()
    }

    #[test]
    fn vectors_scalars_and_special_values() {
        let body = r#"{"status":"success","data":{"resultType":"vector","result":[
            {"metric":{"__name__":"up","job":"node"},"value":[1.7e9,"1"]},
            {"metric":{"job":"x"},"value":[1.7e9,"+Inf"]}]}}"#;
        assert_eq!(values(&answer(200, body).unwrap()), [1.0, f64::INFINITY]);
        let body = r#"{"status":"success","data":{"resultType":"scalar","result":[1.7e9,"0.25"]}}"#;
        assert_eq!(values(&answer(200, body).unwrap()), [0.25]);
        let body = r#"{"status":"success","data":{"resultType":"scalar","result":[1.7e9,"NaN"]}}"#;
        let nan = answer(200, body).unwrap();
        assert!(one_value(&nan, None).unwrap_err().contains("NaN"));
    }

    #[test]
    fn errors_are_the_servers_own_words() {
        let body = r#"{"status":"error","errorType":"bad_data","error":"parse error at char 5"}"#;
        assert_eq!(
            answer(400, body).unwrap_err(),
            "parse error at char 5 (bad_data)"
        );
        assert!(answer(502, "<html>Bad gateway</html>")
            .unwrap_err()
            .starts_with("HTTP 502 with no API answer"));
        let matrix = r#"{"status":"success","data":{"resultType":"matrix","result":[]}}"#;
        assert!(answer(200, matrix).unwrap_err().contains("avg_over_time"));
    }

    #[test]
    fn an_answer_of_too_many_series_is_refused_with_a_reason() {
        let one = r#"{"metric":{"a":"b"},"value":[1,"1"]}"#;
        let body = |n: usize| {
            format!(
                r#"{{"status":"success","data":{{"resultType":"vector","result":[{}]}}}}"#,
                vec![one; n].join(",")
            )
        };
        assert_eq!(answer(200, &body(MAX_SERIES)).unwrap().len(), MAX_SERIES);
        let why = answer(200, &body(MAX_SERIES + 1)).unwrap_err();
        assert!(why.contains("more than 10000 series"), "{why}");
    }

    #[test]
    fn several_series_need_a_reduction() {
        let s = |job: &str, value: f64| Series {
            labels: vec![("job".into(), job.into())],
            value,
        };
        let many = [s("a", 1.0), s("b", 3.0)];
        let why = one_value(&many, None).unwrap_err();
        assert!(why.contains("2 series ({job=\"a\"}, {job=\"b\"})"), "{why}");
        assert_eq!(one_value(&many, Some(Reduce::Max)), Ok(3.0));
        assert_eq!(one_value(&many, Some(Reduce::Min)), Ok(1.0));
        assert_eq!(one_value(&many, Some(Reduce::Sum)), Ok(4.0));
        assert_eq!(one_value(&many, Some(Reduce::Avg)), Ok(2.0));
        assert!(one_value(&[], Some(Reduce::Max))
            .unwrap_err()
            .contains("no series"));
    }
}
