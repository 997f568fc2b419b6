//! Error budgets and burn-rate alerts: figures computed by hand from a known history, the
//! Workbook's alerts firing and resolving at the minutes the arithmetic says, a ratio SLO
//! against the suite's real Prometheus, the exports read back, and replay.

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

use crate::common::{json, Env};
use crate::servers;

/// The end of the history: every test's history is the 30 days of minute checks up to here.
const END: &str = "2024-08-07T10:00:00Z";

fn end() -> DateTime<Utc> {
    END.parse().unwrap()
}

fn at(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The outage: 30 minutes of 3.5 s responses, the checks at O+1m … O+30m, two days before the
/// end.
fn outage() -> DateTime<Utc> {
    end() - Duration::days(2)
}

/// 30 days of response_time checks a minute apart up to [`END`], 1.1 s but for the outage,
/// imported on both backends.
fn history(env: &Env) {
    let mut csv = String::from("at,metric,value\n");
    for i in (0..43_200).rev() {
        let t = end() - Duration::minutes(i);
        let bad = t > outage() && t <= outage() + Duration::minutes(30);
        csv.push_str(&format!(
            "{},response_time,{}\n",
            t.timestamp(),
            if bad { "3.5s" } else { "1.1s" }
        ));
    }
    env.write("work/history.csv", &csv);
    let out = env.did(END, &["metrics", "import", "history.csv"]);
    assert_eq!(
        out,
        "imported 43200 values in 43200 checks, 2024-07-08T10:01:00Z to 2024-08-07T10:00:00Z\n"
    );
}

fn status(env: &Env, now: DateTime<Utc>, code: i32) -> Value {
    let (got, out, err) = env.at(&at(now), &["slo", "status", "--format", "json"]);
    assert_eq!(got, code, "slo status at {now}: {out}{err}");
    json(&out)["slos"][0].clone()
}

fn burn(slo: &Value, window: &str) -> f64 {
    slo["windows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["window"] == window)
        .unwrap_or_else(|| panic!("no window {window} in {slo}"))["burn_rate"]
        .as_f64()
        .unwrap()
}

fn close(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() <= want.abs() * 5e-5,
        "{what}: {got}, by hand {want}"
    );
}

#[test]
fn thirty_bad_minutes_spend_sixty_nine_percent_and_burn_rates_match_the_hand_figures() {
    let env = Env::new();
    env.drop_sources();
    history(&env);

    // At the end: 30 bad checks of 43,200, each standing for a minute of the 43.2 minutes a
    // 99.9 % month allows.
    let slo = status(&env, end(), 0);
    assert_eq!(slo["state"], "OK", "{slo}");
    assert_eq!(slo["budget"]["unit"], "minutes");
    close(slo["budget"]["total"].as_f64().unwrap(), 43.2, "budget");
    close(
        slo["budget"]["consumed"].as_f64().unwrap(),
        30.0 / 43.2,
        "consumed",
    );
    close(
        slo["budget"]["remaining"].as_f64().unwrap(),
        13.2,
        "remaining",
    );
    close(burn(&slo, "30d"), 30.0 / 43_200.0 / 0.001, "30d");
    close(burn(&slo, "3d"), 30.0 / 4_320.0 / 0.001, "3d");
    assert_eq!(burn(&slo, "6h"), 0.0);

    // Ten minutes into the outage: ten bad checks in each window that reaches back to it.
    let t = outage() + Duration::minutes(10);
    let slo = status(&env, t, 2);
    assert_eq!(slo["state"], "page", "{slo}");
    close(burn(&slo, "5m"), 1000.0, "5m");
    close(burn(&slo, "30m"), 10.0 / 30.0 / 0.001, "30m");
    close(burn(&slo, "1h"), 10.0 / 60.0 / 0.001, "1h");
    close(burn(&slo, "6h"), 10.0 / 360.0 / 0.001, "6h");
    close(burn(&slo, "3d"), 10.0 / 4_320.0 / 0.001, "3d");
    // The history began 28 days and 10 minutes before this instant: 40,330 checks.
    close(burn(&slo, "30d"), 10.0 / 40_330.0 / 0.001, "30d");
    close(
        slo["budget"]["consumed"].as_f64().unwrap(),
        10.0 / 43.2,
        "consumed",
    );
    let firing: Vec<(&str, &str)> = slo["firing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["level"].as_str().unwrap(), f["long"].as_str().unwrap()))
        .collect();
    assert_eq!(
        firing,
        [("page", "1h"), ("page", "6h"), ("ticket", "3d")],
        "{slo}"
    );

    // The table says the same to a person, and the Nagios line carries the budget.
    let (code, out, _) = env.at(&at(t), &["slo", "status"]);
    assert_eq!(code, 2);
    assert!(
        out.contains("latency page: burning 167× over 1h and 1000× over 5m (above 14.4×)"),
        "{out}"
    );
    let (code, out, _) = env.at(
        &at(t),
        &["metrics", "check", "--format", "nagios", "--no-record"],
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("SLO latency: budget 77% left (page)"), "{out}");
}

#[test]
fn the_page_and_the_ticket_open_and_resolve_at_the_minutes_the_windows_say() {
    let env = Env::new();
    env.drop_sources();
    history(&env);
    let check = |minutes: i64, code: i32| {
        let t = outage() + Duration::minutes(minutes);
        let (got, out, err) = env.at(
            &at(t),
            &["metrics", "check", "--open-incidents", "--format", "json"],
        );
        assert_eq!(got, code, "check at O+{minutes}m: {err}");
        let report = json(&out);
        let actions: Vec<(String, i64, String)> = report["incidents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["metric"].as_str().unwrap().to_string(),
                    a["incident"].as_i64().unwrap(),
                    a["action"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        actions
    };
    let action = |name: &str, id: i64, what: &str| (name.to_string(), id, what.to_string());
    // Every metric is UNKNOWN (no sources, no values); the SLO decides the exit code.
    assert_eq!(check(10, 2), [action("slo:latency", 1, "opened")]);
    // The 5m window is clean from O+35m, but the 6h and 30m pair still burns above 6×
    // until the 30m window holds no bad minute: O+60m.
    assert_eq!(check(59, 2), [action("slo:latency", 1, "triggered_again")]);
    // From here the ticket's WARNING is outranked by the metrics' UNKNOWN.
    assert_eq!(
        check(60, 3),
        [
            action("slo:latency", 1, "closed"),
            action("slo:latency", 2, "opened")
        ]
    );
    // The ticket lasts while the 6h window burns above 1×: one bad minute of 360 is 2.8×.
    assert_eq!(check(389, 3), [action("slo:latency", 2, "triggered_again")]);
    assert_eq!(check(390, 3), [action("slo:latency", 2, "closed")]);

    let list = json(&env.ok(&["incident", "list", "--all", "--format", "json"]));
    let incidents: Vec<(String, String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["severity"].as_str().unwrap().to_string(),
                i["status"].as_str().unwrap().to_string(),
                i["title"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(incidents.len(), 2, "{list}");
    assert_eq!(
        (incidents[1].0.as_str(), incidents[1].1.as_str()),
        ("P1", "closed")
    );
    assert!(
        incidents[1]
            .2
            .starts_with("SLO latency page: burning 167× over 1h"),
        "{incidents:?}"
    );
    assert_eq!(
        (incidents[0].0.as_str(), incidents[0].1.as_str()),
        ("P3", "closed")
    );
}

#[test]
fn a_report_shows_the_budget_a_period_spent_and_its_burn_down() {
    let env = Env::new();
    env.drop_sources();
    history(&env);
    let (code, out, err) = env.at(
        "2024-08-08T10:00:00Z",
        &[
            "report", "monthly", "--period", "2024-08", "--format", "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let slo = &json(&out)["slos"][0];
    assert_eq!(slo["name"], "latency");
    // August holds the outage (on the 5th): 30 of the month's 43.2 minutes spent, 30 % left.
    close(slo["spent"].as_f64().unwrap(), 30.0 / 43.2, "spent");
    close(
        slo["left_at_end"].as_f64().unwrap(),
        1.0 - 30.0 / 43.2,
        "left",
    );
    let days = slo["burn_down"].as_array().unwrap();
    assert_eq!(days[3], serde_json::json!(["2024-08-04", 1.0]), "{slo}");
    close(
        days[4][1].as_f64().unwrap(),
        1.0 - 30.0 / 43.2,
        "after the outage",
    );
    assert_eq!(
        days.len(),
        7,
        "the days ended by the time of the report: {slo}"
    );
    let (code, html, err) = env.at(
        "2024-08-08T10:00:00Z",
        &[
            "report", "monthly", "--period", "2024-08", "--format", "html",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        html.contains("<svg class=\"chart chart-budget\""),
        "no burn-down chart"
    );
    assert!(html.contains("69.4%</td>"), "{html}");
}

#[test]
fn replay_shows_what_a_tightened_threshold_would_have_opened_beside_what_was_recorded() {
    let env = Env::new();
    env.drop_sources();
    env.did(END, &["demo", "--days", "14"]);
    let replay = || {
        let (code, out, err) = env.at(
            END,
            &[
                "metrics",
                "replay",
                "--from",
                "2024-07-24",
                "--format",
                "json",
            ],
        );
        assert_eq!(code, 0, "{err}");
        json(&out)
    };
    let before = replay();
    // Judged by the config it was recorded with, the history replays as it was recorded.
    for s in before["subjects"].as_array().unwrap() {
        if s["key"].as_str().unwrap().starts_with("metric:") {
            assert_eq!(s["replayed"], s["recorded"], "{s}");
        }
    }
    // Database response time's alert tightened from 2s to 0.8s: its afternoons cross it.
    env.edit(
        "thresholds.yaml",
        "alert: \"> 2s\"           # at 2s",
        "alert: \"> 0.8s\" # at 2s",
    );
    env.edit(
        "thresholds.yaml",
        "target: \"< 1s\"          # the sheet's",
        "target: \"< 0.7s\" # the sheet's",
    );
    let after = replay();
    let db = |r: &Value| -> (usize, usize) {
        r["subjects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == "db_response_time")
            .map_or((0, 0), |s| {
                (
                    s["replayed"].as_array().unwrap().len(),
                    s["recorded"].as_array().unwrap().len(),
                )
            })
    };
    let (was, recorded) = db(&before);
    let (now, still_recorded) = db(&after);
    assert_eq!(
        recorded, still_recorded,
        "what was recorded does not change"
    );
    assert!(
        now > was + 3,
        "tightened: {now} stretches, before {was}\n{after}"
    );
    assert!(after["would_open"].as_u64().unwrap() > before["would_open"].as_u64().unwrap());
    // The table, for a person, and nothing written.
    let rows = env.rows("metric_samples");
    let (code, table, _) = env.at(END, &["metrics", "replay", "--from", "2024-07-24"]);
    assert_eq!(code, 0);
    assert!(table.contains("db_response_time"), "{table}");
    assert!(table.contains("this config would have opened"), "{table}");
    assert_eq!(env.rows("metric_samples"), rows);
}

/// A count Prometheus gives as it is whatever the window (a series nothing exports is absent
/// over any window: the SLO's queries need one).
fn constant(n: u32) -> String {
    format!("sum(vector({n})) * sum(absent_over_time(mindops_never_exported[$window]))")
}

#[test]
fn a_ratio_slo_asks_the_real_prometheus_for_each_window() {
    let Some(prom) = servers::prometheus() else {
        return crate::common::skipped("a PromQL ratio SLO", "prometheus and node_exporter");
    };
    let env = Env::new();
    env.drop_sources();
    let slos = |errors: &str, total: &str| {
        let text = env.read("work/thresholds.yaml");
        let head = &text[..text.find("\nslos:").unwrap()];
        let head = head.replace(
            "\"${PROMETHEUS_URL:-http://127.0.0.1:9090}\"",
            &format!("\"{}\"", prom.url),
        );
        env.write(
            "work/thresholds.yaml",
            &format!(
                "{head}\nslos:\n  requests:\n    objective: 99.9\n    errors: {errors}\n    total: {total}\n"
            ),
        );
    };
    let now = chrono::Utc::now();
    let judge = |code: i32| {
        let (got, out, err) = env.at(&at(now), &["slo", "status", "--format", "json"]);
        assert_eq!(got, code, "{out}{err}");
        json(&out)["slos"][0].clone()
    };
    // Constants first, so every figure is known: 5 bad of 10,000 is half the allowed rate.
    slos(&constant(5), &constant(10_000));
    let slo = judge(0);
    assert_eq!(slo["state"], "OK", "a 0.5× leak fires nothing: {slo}");
    close(burn(&slo, "1h"), 0.5, "1h");
    assert_eq!(slo["budget"]["unit"], "events");
    close(
        slo["budget"]["total"].as_f64().unwrap(),
        10.0,
        "budget events",
    );
    close(
        slo["budget"]["remaining"].as_f64().unwrap(),
        5.0,
        "events left",
    );
    // Three times the allowed rate everywhere: the ticket (3d and 6h above 1×), not the page
    // (6× at the least).
    slos(&constant(30), &constant(10_000));
    let slo = judge(1);
    assert_eq!(slo["state"], "ticket", "{slo}");
    // node_exporter's real scrapes: up is 1 in every sample, so nothing is bad.
    slos(
        "sum(count_over_time(up{job=\"node\"}[$window])) - sum(sum_over_time(up{job=\"node\"}[$window]))",
        "sum(count_over_time(up{job=\"node\"}[$window]))",
    );
    let slo = judge(0);
    assert_eq!(burn(&slo, "5m"), 0.0, "{slo}");
    assert!(slo["windows"][0]["good"].as_f64().unwrap() > 0.0, "{slo}");
    // A Prometheus that is not there is UNKNOWN with the reason, never OK.
    env.edit("thresholds.yaml", &prom.url, "http://127.0.0.1:9");
    let slo = judge(3);
    assert!(slo["error"].as_str().unwrap().contains("refused"), "{slo}");
}

#[test]
fn exports_read_back_with_the_keys_sloth_and_pyrra_document() {
    let env = Env::new();
    let text = env.read("work/thresholds.yaml");
    env.write(
        "work/thresholds.yaml",
        &text.replace(
            "  # Once the service exports request counters:\n  # availability:\n  #   objective: 99.9\n  #   errors:",
            "  uptime_slo:\n    objective: 99\n    from_metric: uptime\n  availability:\n    objective: 99.5\n    window: 28d\n    errors:",
        )
        .replace("  #   total: sum(rate", "    total: sum(rate"),
    );
    let (code, out, err) = env.run(&["slo", "export", "--format", "sloth"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "mindops: SLO latency left out: response_time has no prometheus: query, so Prometheus \
         cannot judge it\n"
    );
    assert!(out.starts_with("# Written by mindops slo export."), "{out}");
    let spec: serde_yaml::Value = serde_yaml::from_str(&out).unwrap();
    assert_eq!(spec["version"], "prometheus/v1");
    assert_eq!(spec["service"], "mindops");
    let slos = spec["slos"].as_sequence().unwrap();
    assert_eq!(slos.len(), 2, "{out}");
    for slo in slos {
        assert!(slo["name"].is_string());
        let objective = slo["objective"].as_f64().unwrap();
        assert!(objective > 0.0 && objective <= 100.0);
        assert!(
            slo["alerting"]["name"].is_string(),
            "alerting.name is required"
        );
        assert!(slo["alerting"]["page_alert"]["labels"]["severity"].is_string());
        assert!(slo["alerting"]["ticket_alert"]["labels"]["severity"].is_string());
        let sli = slo["sli"].as_mapping().unwrap();
        assert_eq!(sli.len(), 1, "one SLI type: {sli:?}");
        for (_, query) in sli.values().next().unwrap().as_mapping().unwrap() {
            assert!(query.as_str().unwrap().contains("{{.window}}"), "{query:?}");
        }
    }
    // uptime's own query judged against its target, over each window, by Prometheus.
    assert_eq!(slos[0]["name"], "uptime_slo");
    assert_eq!(
        slos[0]["sli"]["raw"]["error_ratio_query"],
        "1 - avg_over_time((min(100 * avg_over_time(up{job=~\"service|node\"}[1d])) >= bool 99.9)[{{.window}}:])"
    );
    assert_eq!(
        slos[1]["sli"]["events"]["error_query"],
        "sum(rate(http_requests_total{job=\"service\",code=~\"5..\"}[{{.window}}]))"
    );

    let (code, out, err) = env.run(&[
        "slo",
        "export",
        "--format",
        "pyrra",
        "--service",
        "checkout",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("SLO latency left out") && err.contains("SLO uptime_slo left out"),
        "{err}"
    );
    let docs: Vec<serde_yaml::Value> = serde_yaml::Deserializer::from_str(&out)
        .map(|d| serde::Deserialize::deserialize(d).unwrap())
        .collect();
    assert_eq!(docs.len(), 1, "{out}");
    let d = &docs[0];
    assert_eq!(d["apiVersion"], "pyrra.dev/v1alpha1");
    assert_eq!(d["kind"], "ServiceLevelObjective");
    assert_eq!(d["metadata"]["name"], "availability");
    assert_eq!(d["metadata"]["labels"]["pyrra.dev/service"], "checkout");
    assert_eq!(d["spec"]["target"], "99.5", "a string, as the CRD types it");
    assert_eq!(d["spec"]["window"], "28d");
    assert_eq!(
        d["spec"]["indicator"]["ratio"]["errors"]["metric"],
        "http_requests_total{job=\"service\",code=~\"5..\"}"
    );
    assert_eq!(
        d["spec"]["indicator"]["ratio"]["total"]["metric"],
        "http_requests_total{job=\"service\"}"
    );
}

#[test]
fn slo_mistakes_are_named_where_they_are() {
    let env = Env::new();
    let text = env.read("work/thresholds.yaml");
    env.write(
        "work/thresholds.yaml",
        &(text.replace(
            "    objective: 99.9          # percent of good events\n    window: 30d\n    from_metric: response_time\n    good: \"< 2s\"",
            "    objective: 100\n    window: 30d\n    from_metric: response_tme\n    good: \"1:2\"",
        ) + "  fast:\n    objective: 99\n    from_metric: response_time\n    good: \"2:3\"\n    alerts:\n      page: {severity: P9, windows: [{long: 5m, short: 1h, burn: 0}]}\n  half:\n    objective: 99\n    errors: sum(rate(x[5m]))\n    total: sum(rate(y[$window]))\n"),
    );
    let err = env.fails(&["slo", "status"], 2);
    for want in [
        "slos.latency.objective",
        "100 is not a percentage between 0 and 100",
        "slos.latency.from_metric",
        "unknown metric \"response_tme\" (did you mean \"response_time\"?)",
        "slos.fast.good",
        "is not a comparison",
        "slos.fast.alerts.page.severity",
        "unknown severity \"P9\"",
        "slos.fast.alerts.page.windows[0].short",
        "slos.fast.alerts.page.windows[0].burn",
        "slos.half.errors",
        "needs $window",
    ] {
        assert!(err.contains(want), "{want:?} not in:\n{err}");
    }
}

#[test]
fn an_import_with_a_mistake_names_its_line_and_loads_nothing() {
    let env = Env::new();
    let cases = [
        (
            "at,metric,value\n2024-08-07T09:00:00Z,response_time,1.2s\n2024-08-07T09:01:00Z,respons_time,1s\n",
            "history.csv:3: unknown metric \"respons_time\" (did you mean \"response_time\"?)",
        ),
        (
            "at,metric,value\n2024-08-07T09:00:00Z,response_time,fast\n",
            "history.csv:2: response_time: \"fast\" is not a number",
        ),
        (
            "at,metric,value\n2024-08-07T09:01:00Z,response_time,1s\n2024-08-07T09:00:00Z,response_time,1s\n",
            "history.csv:3: the file goes back in time here; sort it by time",
        ),
        (
            "at,metric,value\nyesterday,response_time,1s\n",
            "history.csv:2: \"yesterday\" is not a time",
        ),
    ];
    for (csv, want) in cases {
        env.write("work/history.csv", csv);
        let err = env.fails(&["metrics", "import", "history.csv"], 2);
        assert!(err.contains(want), "{want:?} not in {err}");
    }
    assert!(
        env.rows("metric_samples").iter().all(|n| *n == 0),
        "nothing loaded"
    );
}

#[test]
fn the_commands_say_what_they_cannot_do_and_how_to_fix_it() {
    let env = Env::new();
    // The sample's one SLO counts probes only mindops makes: Prometheus cannot judge it.
    let err = env.fails(&["slo", "export", "--format", "sloth"], 2);
    assert!(
        err.contains("SLO latency left out: response_time has no prometheus: query")
            && err.contains("no SLO could be written for Prometheus"),
        "{err}"
    );
    let err = env.fails(
        &[
            "metrics",
            "replay",
            "--from",
            "2024-08-07",
            "--to",
            "2024-08-01",
        ],
        2,
    );
    assert!(
        err.contains("--to 2024-08-01 is before --from 2024-08-07"),
        "{err}"
    );
    let err = env.fails(&["metrics", "import", "no-such.csv"], 2);
    assert!(err.contains("cannot open no-such.csv"), "{err}");
    // A ratio SLO is Prometheus's history: replay says it leaves it out.
    let text = env.read("work/thresholds.yaml");
    env.write(
        "work/thresholds.yaml",
        &text
            .replace(
                "  # availability:\n  #   objective: 99.9\n  #   errors:",
                "  availability:\n    objective: 99.9\n    errors:",
            )
            .replace("  #   total: sum(rate", "    total: sum(rate"),
    );
    let (code, _, err) = env.run(&["metrics", "replay", "--from", "2024-08-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "SLO availability counts Prometheus's events, not the store's: it is not replayed"
        ),
        "{err}"
    );
    // Without slos: at all, status says how to write one.
    let head = text[..text.find("\nslos:").unwrap()].to_string();
    env.write("work/thresholds.yaml", &head);
    let err = env.fails(&["slo", "status"], 2);
    assert!(
        err.contains("thresholds.yaml has no slos:") && err.contains("from_metric: response_time"),
        "{err}"
    );
    let err = env.fails(&["slo", "export", "--format", "pyrra"], 2);
    assert!(
        err.contains("thresholds.yaml has no slos: to export"),
        "{err}"
    );
}
