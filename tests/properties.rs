//! Property tests: random and mutated input to every parser of outside text. None may panic
//! or hang; each input gets a few seconds. The committed corpus in `tests/corpus/` holds the
//! inputs that once crashed or hung mindops, and runs on every `cargo test`; proptest keeps
//! any new failure it finds in `tests/properties.proptest-regressions` to commit beside them.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use proptest::prelude::*;

use mindops::config::ConfigDir;
use mindops::rules::{duration, units};
use mindops::sources::prometheus::{scan, Selector};
use mindops::util::time::{parse_date, parse_instant};

/// Runs `work` on its own thread and fails when it panics or takes longer than a few seconds.
fn bounded<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(work());
    });
    match result.recv_timeout(Duration::from_secs(5)) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: no answer within 5 s"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_723_024_800, 0).unwrap()
}

fn value_text(text: &str) {
    for unit in [
        "s",
        "ms",
        "%",
        "MB",
        "MB/min",
        "score",
        "ok/failed",
        "users",
        "h",
    ] {
        let owned = text.to_string();
        let result = bounded(&format!("{text:?} in {unit}"), move || {
            units::parse_value(&owned, unit)
        });
        if let Ok(v) = result {
            assert!(v.is_finite(), "{text:?} in {unit} gave {v}");
        }
    }
}

fn date_text(text: &str) {
    let owned = text.to_string();
    bounded(&format!("date {text:?}"), move || {
        if let Ok(d) = parse_date(&owned) {
            assert!((1970..=9999).contains(&chrono::Datelike::year(&d)), "{d}");
        }
        let _ = parse_instant(&owned, chrono_tz::Tz::Europe__Berlin, now());
    });
}

fn duration_text(text: &str) {
    let owned = text.to_string();
    bounded(&format!("duration {text:?}"), move || {
        if let Ok(d) = duration::parse(&owned) {
            assert!(d <= chrono::Duration::days(duration::LONGEST_DAYS), "{d}");
        }
    });
}

fn scrape_text(text: &str) {
    let owned = text.to_string();
    bounded("a scrape", move || {
        let selectors = [
            Selector::named("a"),
            Selector::parse(r#"a{x="1"}"#).unwrap(),
            Selector::named("b"),
        ];
        let _ = scan(&owned, &selectors);
    });
}

/// Loads both config files from a folder holding these texts.
fn config_texts(rotation: &str, thresholds: &str) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rotation.yaml"), rotation).unwrap();
    std::fs::write(dir.path().join("thresholds.yaml"), thresholds).unwrap();
    let path = dir.path().to_path_buf();
    bounded("a config", move || {
        let config = ConfigDir {
            path,
            is_cwd: false,
            given: true,
        };
        if let Ok(r) = config.load_rotation() {
            let _ = config.load_thresholds(&r.rotation);
        }
    });
}

fn corpus(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus")
            .join(name),
    )
    .unwrap()
}

#[test]
fn the_corpus_of_inputs_that_once_broke_mindops() {
    for line in corpus("values.txt").lines() {
        value_text(line);
    }
    for line in corpus("dates.txt").lines() {
        date_text(line);
    }
    for line in corpus("durations.txt").lines() {
        duration_text(line);
    }
    let scrape = corpus("scrape.prom");
    scrape_text(&scrape);
    for line in scrape.lines() {
        scrape_text(line);
    }
    let deep = format!("roles: {}{}\n", "[".repeat(40_000), "]".repeat(40_000));
    config_texts(&deep, "");
    config_texts(
        include_str!("../rotation.yaml"),
        &include_str!("../thresholds.yaml").replace("resolution: 4h", "resolution: 100000000d"),
    );
}

/// The sample config with a few random bytes changed, inserted or cut.
fn mutated(sample: &'static str) -> impl Strategy<Value = String> {
    prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..6).prop_map(
        move |edits| {
            let mut bytes = sample.as_bytes().to_vec();
            for (at, byte, how) in edits {
                let len = bytes.len();
                let i = at.index(len.max(1)).min(len.saturating_sub(1));
                match how {
                    0 if len > 0 => bytes[i] = byte,
                    1 => bytes.insert(i.min(len), byte),
                    _ if len > 0 => {
                        bytes.remove(i);
                    }
                    _ => {}
                }
            }
            String::from_utf8_lossy(&bytes).into_owned()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn values_never_panic(text in "\\PC{0,24}", number in any::<f64>(), unit in "[a-zµ%/]{0,6}") {
        value_text(&text);
        value_text(&format!("{number}{unit}"));
        value_text(&format!("{number},{unit}"));
    }

    #[test]
    fn dates_never_panic(text in "[-+0-9T:Zz. ]{0,28}", year in any::<i32>(), month in 0u32..14, day in 0u32..33) {
        date_text(&text);
        date_text(&format!("{year:+}-{month:02}-{day:02}"));
        date_text(&format!("{year}-{month:02}-{day:02}T10:00:00Z"));
    }

    #[test]
    fn durations_never_panic(text in "[0-9smhdwin ]{0,30}", n in any::<u64>()) {
        duration_text(&text);
        duration_text(&format!("{n}w{n}d"));
    }

    #[test]
    fn scrapes_never_panic(lines in prop::collection::vec("[a-z_{}=\",#\\\\ 0-9.+-]{0,40}", 0..30)) {
        scrape_text(&lines.join("\n"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn mutated_configs_never_panic(
        rotation in mutated(include_str!("../rotation.yaml")),
        thresholds in mutated(include_str!("../thresholds.yaml")),
    ) {
        config_texts(&rotation, include_str!("../thresholds.yaml"));
        config_texts(include_str!("../rotation.yaml"), &thresholds);
    }
}
