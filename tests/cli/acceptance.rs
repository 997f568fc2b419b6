//! Defects an acceptance run found, each pinned by the case that showed it: a config that
//! stopped every command, pages that vanished or doubled, secrets that leaked, and a store
//! that misbehaved under faults.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{json, run, Env, On, NOW};
use crate::servers::{Answer, Http};

/// Appends a `notify:` section to rotation.yaml.
fn notify(env: &Env, yaml: &str) {
    let text = env.read("work/rotation.yaml");
    env.write("work/rotation.yaml", &format!("{text}\nnotify:\n{yaml}"));
}

/// `notify list --format json` on a backend.
fn outbox(on: &On) -> Vec<Value> {
    json(&on.ok(&["notify", "list", "--format", "json"]))
        .as_array()
        .unwrap()
        .clone()
}

fn open(on: &On, vars: &[(&str, &str)], title: &str) -> (i32, String, String) {
    let mut cmd = on.cmd_at(NOW);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    run(cmd.args(["incident", "open", "--sev", "P2", "--title", title]))
}

#[test]
fn a_variable_in_a_url_is_looked_up_when_the_channel_sends_and_only_then() {
    let env = Env::new();
    let hook = Http::start(Answer::ok("ok"));
    notify(
        &env,
        "  channels:\n    chat:\n      type: slack\n      url: \"${SLACK_WEBHOOK_URL}\"\n",
    );
    let url = hook.url("/slack");
    env.each_backend(|on| {
        // Set: the README's own example works.
        let (code, out, err) = open(on, &[("SLACK_WEBHOOK_URL", &url)], "set");
        assert_eq!((code, err.as_str()), (0, ""), "{out}");
        assert_eq!(hook.take().len(), 1, "the page reached the receiver");
        // Unset: the incident still opens; that one channel's message fails, naming it.
        let (code, out, err) = open(on, &[], "unset");
        assert_eq!(code, 0, "{out}{err}");
        let failed = outbox(on);
        let last = failed.last().unwrap();
        assert_eq!(last["state"], "failed", "{last}");
        assert!(
            last["last_error"]
                .as_str()
                .unwrap()
                .contains("SLACK_WEBHOOK_URL is not set"),
            "{last}"
        );
        // A command that sends nothing never looks.
        on.ok(&["oncall", "--format", "plain"]);
    });
    let (code, out, err) = run(env.cmd().args(["config", "check"]));
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(
        err.contains(
            "warning: rotation.yaml: notify.channels.chat.url: SLACK_WEBHOOK_URL is not set"
        ),
        "{err}"
    );
    let (code, _, err) = run(env
        .cmd()
        .env("SLACK_WEBHOOK_URL", &url)
        .args(["config", "check"]));
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
}

#[test]
fn a_secret_file_that_is_not_a_small_regular_file_fails_its_channel_at_once() {
    let env = Env::new();
    let hook = Http::start(Answer::ok("ok"));
    let fifo = env.path("work/secret.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for (name, path) in [("fifo", fifo.to_str().unwrap()), ("zero", "/dev/zero")] {
        let rotation = env.read("work/rotation.yaml");
        let rotation = match rotation.find("\nnotify:") {
            Some(at) => rotation[..at].to_string(),
            None => rotation,
        };
        env.write("work/rotation.yaml", &rotation);
        notify(
            &env,
            &format!(
                "  budget: 5s\n  channels:\n    hook:\n      type: webhook\n      url: {}\n      secret_file: {path}\n",
                hook.url("/")
            ),
        );
        let started = Instant::now();
        let (code, out, err) = run(env
            .cmd()
            .args(["incident", "open", "--sev", "P3", "--title", name]));
        assert_eq!(code, 0, "{out}{err}");
        assert!(started.elapsed() < Duration::from_secs(10), "{name} hung");
        let (_, list, _) = run(env.cmd().args(["notify", "list", "--format", "json"]));
        let last = json(&list).as_array().unwrap().last().unwrap().clone();
        assert!(
            last["last_error"]
                .as_str()
                .unwrap()
                .contains("it is not a regular file"),
            "{name}: {last}"
        );
        let (code, _, err) = run(env.cmd().args(["config", "check"]));
        assert_eq!(code, 1, "{err}");
        assert!(
            err.contains("notify.channels.hook.secret: cannot read")
                && err.contains("not a regular file"),
            "{err}"
        );
    }
    assert!(hook.take().is_empty(), "nothing unsigned went out");
}

#[test]
fn a_redirected_page_is_a_failure_naming_where_and_is_not_retried() {
    let env = Env::new();
    let elsewhere = Http::start(Answer::ok("ok"));
    let hook = Http::start(Answer::redirect(302, &elsewhere.url("/other")));
    notify(
        &env,
        &format!(
            "  channels:\n    hook:\n      type: webhook\n      url: {}\n",
            hook.url("/hook")
        ),
    );
    env.each_backend(|on| {
        let (code, out, err) = open(on, &[], "moved");
        assert_eq!(code, 0, "{out}{err}");
        let message = outbox(on).last().unwrap().clone();
        assert_eq!(
            (&message["state"], &message["attempts"]),
            (&Value::from("failed"), &Value::from(1)),
            "{message}"
        );
        let error = message["last_error"].as_str().unwrap();
        assert!(
            error.contains(&format!(
                "the receiver redirected to {}; point the channel at it",
                elsewhere.url("/other")
            )),
            "{error}"
        );
        assert_eq!(hook.take().len(), 1);
        assert!(elsewhere.take().is_empty(), "the redirect was not followed");
    });
    // Nor to a file.
    hook.set(Answer::redirect(301, "file:///etc/passwd"));
    let (code, _, err) = run(env
        .cmd()
        .args(["incident", "open", "--sev", "P3", "--title", "file"]));
    assert_eq!(code, 0, "{err}");
    let (_, list, _) = run(env.cmd().args(["notify", "list", "--format", "json"]));
    let last = json(&list).as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["state"], "failed", "{last}");
    assert!(
        last["last_error"]
            .as_str()
            .unwrap()
            .contains("redirected to file:///etc/passwd"),
        "{last}"
    );
}

/// thresholds.yaml with one probe metric.
fn probe_config(env: &Env, probe: &str) {
    let sample = env.read("work/thresholds.yaml");
    let head = &sample[..sample.find("\nmetrics:").unwrap()];
    env.write(
        "work/thresholds.yaml",
        &format!(
            "{head}\nmetrics:\n  site:\n    label: Site\n    group: Technical\n    unit: ok/failed\n    target: ok\n    probe: {probe}\n"
        ),
    );
}

fn site(env: &Env) -> (i32, Value) {
    let (code, out, err) =
        run(env
            .cmd()
            .args(["metrics", "check", "--format", "json", "--no-record"]));
    assert!(err.is_empty() || code != 0, "{err}");
    (code, json(&out)["metrics"][0].clone())
}

#[test]
fn probes_follow_redirects_to_http_only_and_can_be_told_not_to() {
    let env = Env::new();
    let target = Http::start(Answer::ok("fine"));
    let start = Http::start(Answer::redirect(302, &target.url("/landing")));
    probe_config(&env, &start.url("/"));
    let (code, site_) = site(&env);
    assert_eq!((code, &site_["state"]), (0, &Value::from("OK")), "{site_}");
    assert_eq!(target.take().len(), 1);

    start.set(Answer::redirect(302, "file:///etc/passwd"));
    let (code, site_) = site(&env);
    assert_eq!(code, 1, "{site_}");
    assert!(
        site_["reason"]
            .as_str()
            .unwrap()
            .contains("redirected to a file: URL; only http and https redirects are followed"),
        "{site_}"
    );

    // A loop ends after ten hops.
    start.set(Answer::redirect(302, &start.url("/again")));
    let (_, site_) = site(&env);
    assert!(
        site_["reason"]
            .as_str()
            .unwrap()
            .contains("redirected more than 10 times"),
        "{site_}"
    );

    start.set(Answer::redirect(302, &target.url("/landing")));
    probe_config(
        &env,
        &format!("{{url: \"{}\", follow_redirects: false}}", start.url("/")),
    );
    let (code, site_) = site(&env);
    assert_eq!(code, 1, "{site_}");
    assert!(
        site_["reason"].as_str().unwrap().contains("HTTP 302"),
        "{site_}"
    );
    assert!(target.take().is_empty());
}

#[test]
fn credentials_in_a_url_are_never_shown_or_stored() {
    let env = Env::new();
    let hook = Http::start(Answer {
        status: 400,
        ..Answer::ok("no")
    });
    let with_secret = format!("http://user:s3cret@127.0.0.1:{}/hook", hook.port);
    notify(
        &env,
        &format!("  channels:\n    hook:\n      type: webhook\n      url: {with_secret}\n"),
    );
    probe_config(&env, "http://user:s3cret@127.0.0.1:9/health");
    env.each_backend(|on| {
        let (code, out, err) = open(on, &[], "creds");
        assert_eq!(code, 0, "{out}{err}");
        let list = on.ok(&["notify", "list", "--format", "json"]);
        assert!(!list.contains("s3cret"), "{list}");
        assert!(!on.ok(&["notify", "list"]).contains("s3cret"));
    });
    for args in [
        vec!["metrics", "check", "--no-record", "--format", "nagios"],
        vec!["metrics", "check", "--no-record", "--format", "json"],
        vec!["metrics", "list"],
    ] {
        let (_, out, err) = run(env.cmd().args(&args));
        assert!(
            !out.contains("s3cret") && !err.contains("s3cret"),
            "{args:?}: {out}{err}"
        );
    }
    let (_, out, _) = run(env.cmd().args(["metrics", "list"]));
    assert!(out.contains("user:xxxxx@127.0.0.1:9"), "{out}");
}

#[test]
fn programs_mindops_runs_see_only_what_they_need() {
    let env = Env::new();
    let seen = env.path("work/seen.env");
    notify(
        &env,
        &format!(
            "  channels:\n    sms:\n      type: command\n      command: env >> {}\n      env: [SMS_TOKEN]\n",
            seen.display()
        ),
    );
    env.edit(
        "rotation.yaml",
        "  - name: Felix\n",
        "  - name: Felix\n    phone: \"+49301\"\n",
    );
    let (code, out, err) = run(env
        .cmd()
        .env("SMTP_PASSWORD", "hunter2")
        .env("SMS_TOKEN", "tok")
        .env("MINDOPS_DB_PASSWORD", "x")
        .args(["incident", "open", "--sev", "P1", "--title", "env"]));
    assert_eq!(code, 0, "{out}{err}");
    let vars = std::fs::read_to_string(&seen).unwrap();
    assert!(!vars.contains("hunter2"), "{vars}");
    assert!(!vars.contains("MINDOPS_DB"), "{vars}");
    for wanted in [
        "SMS_TOKEN=tok",
        "MINDOPS_EVENT=page",
        "MINDOPS_PHONE=+49301",
        "PATH=",
    ] {
        assert!(vars.contains(wanted), "{wanted} in {vars}");
    }
}

#[test]
fn report_files_never_keep_set_id_bits_and_new_ones_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let setuid = env.path("work/tool");
    std::fs::write(&setuid, "x").unwrap();
    std::fs::set_permissions(&setuid, std::fs::Permissions::from_mode(0o4755)).unwrap();
    std::os::unix::fs::symlink(&setuid, env.path("work/report.md")).unwrap();
    let script = "umask 077; $MINDOPS report weekly --period 2024-W31 --out report.md && \
                  $MINDOPS report weekly --period 2024-W31 --out fresh.md";
    let (code, out, err) = env.shell(script);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    let mode = |name: &str| {
        std::fs::symlink_metadata(env.path(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o7777
    };
    assert_eq!(mode("work/report.md"), 0o755);
    assert_eq!(mode("work/fresh.md"), 0o600);
    assert_eq!(mode("work/tool"), 0o4755, "the link's target is untouched");
}

#[test]
fn control_characters_from_data_never_reach_the_terminal_raw() {
    let env = Env::new();
    let title = "boom \u{1b}]52;c;aGk=\u{7}\u{1b}[2J";
    env.ok(&["incident", "open", "--sev", "P2", "--title", title]);
    env.ok(&["incident", "close", "1", "--resolution", "fixed \u{1b}[31m"]);
    for args in [
        vec!["incident", "review", "1"],
        vec!["report", "weekly", "--period", "2024-W32"],
        vec![
            "report", "weekly", "--period", "2024-W32", "--format", "markdown",
        ],
        vec!["oncall", "export", "--weeks", "1"],
    ] {
        let (code, out, err) = env.run(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?} printed a raw control character:\n{out}"
        );
    }
    let (code, _, err) = env.run(&["incident", "open", "--sev", "P\u{1b}[2J", "--title", "x"]);
    assert_eq!(code, 2);
    assert!(err.contains("\\x1b[2J") && !err.contains('\u{1b}'), "{err}");
}

#[test]
fn a_read_leaves_an_empty_database_file_empty() {
    let env = Env::new();
    let file = env.sqlite_file();
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "").unwrap();
    for args in [
        &["incident", "list"][..],
        &["status"],
        &["report", "weekly"],
    ] {
        let (code, _, err) = env.run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
    }
    assert_eq!(std::fs::metadata(&file).unwrap().len(), 0);
}

#[test]
fn a_config_file_is_checked_and_read_through_one_descriptor() {
    let env = Env::new();
    // A thresholds.yaml in the current folder that is a link is not followed.
    let real = env.path("work/real-thresholds.yaml");
    std::fs::rename(env.path("work/thresholds.yaml"), &real).unwrap();
    std::os::unix::fs::symlink(&real, env.path("work/thresholds.yaml")).unwrap();
    let (code, _, err) = run(env.cmd().args(["oncall", "--format", "plain"]));
    assert_eq!(code, 0, "rotation.yaml alone is enough for oncall: {err}");
    let (code, _, err) = run(env.cmd().args(["config", "check"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("thresholds.yaml: it is a symbolic link, which is not followed here"),
        "{err}"
    );
    // Given by name, the folder's links are the user's own choice.
    let (code, _, err) = run(env
        .cmd()
        .arg("--config-dir")
        .arg(env.work())
        .args(["config", "check"]));
    assert_eq!(code, 0, "{err}");
}

/// Root can hand a file to another user; the checks of ownership need that.
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n")
}

#[test]
fn another_users_config_is_refused_where_it_was_only_found() {
    if !is_root() {
        crate::common::skipped("handing a file to another user", "root");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let home = env.path("home/.config/mindops");
    std::fs::create_dir_all(&home).unwrap();
    for file in ["rotation.yaml", "thresholds.yaml"] {
        std::fs::rename(env.path(&format!("work/{file}")), home.join(file)).unwrap();
    }
    let chown = |mode: u32| {
        for file in ["rotation.yaml", "thresholds.yaml"] {
            let path = home.join(file);
            std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        }
    };
    chown(0o644);
    let (code, _, err) = run(env.cmd().args(["oncall", "--format", "plain"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("belongs to another user (uid 65534)") && err.contains("config folder"),
        "{err}"
    );
    let (code, _, err) = run(env
        .cmd()
        .arg("--config-dir")
        .arg(&home)
        .args(["oncall", "--format", "plain"]));
    assert_eq!(code, 0, "named by --config-dir: {err}");
    chown(0o664);
    let (code, _, err) = run(env
        .cmd()
        .arg("--config-dir")
        .arg(&home)
        .args(["oncall", "--format", "plain"]));
    assert_eq!(code, 2);
    assert!(err.contains("its group may write it"), "{err}");
}

/// Another user swaps thresholds.yaml between a link to her file (whose command would run as
/// the victim) and the victim's own file while the victim runs checks. Her command never runs.
#[test]
fn a_config_swapped_between_check_and_read_never_runs_anothers_command() {
    if !is_root() {
        crate::common::skipped("handing a file to another user", "root");
        return;
    }
    let env = Env::new();
    let marker = env.path("ran");
    let own = env.read("work/thresholds.yaml");
    let head = &own[..own.find("\nmetrics:").unwrap()];
    let metric = |command: &str| {
        format!(
            "{head}\nmetrics:\n  m:\n    label: M\n    group: Technical\n    unit: \"%\"\n    alert: \"> 50%\"\n    command: {command}\n"
        )
    };
    let theirs = env.path("theirs.yaml");
    std::fs::write(&theirs, metric(&format!("touch {}", marker.display()))).unwrap();
    std::os::unix::fs::chown(&theirs, Some(65534), Some(65534)).unwrap();
    let ours = env.path("ours.yaml");
    std::fs::write(&ours, metric("echo 1")).unwrap();
    let target = env.path("work/thresholds.yaml");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let swapper = {
        let (stop, target, theirs, ours) = (stop.clone(), target.clone(), theirs, ours);
        std::thread::spawn(move || {
            let tmp = target.with_extension("swap");
            let mut link = true;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = std::fs::remove_file(&tmp);
                if link {
                    let _ = std::os::unix::fs::symlink(&theirs, &tmp);
                } else {
                    let _ = std::fs::copy(&ours, &tmp);
                }
                let _ = std::fs::rename(&tmp, &target);
                link = !link;
            }
        })
    };
    // Until the victim's own file has been read a few times: on a loaded machine the swap
    // can sit on one side for a while, and a fixed number of tries may all land there.
    let (mut ran_ours, mut tries) = (0, 0);
    let mut refusals = std::collections::BTreeMap::new();
    while ran_ours < 5 && tries < 500 {
        tries += 1;
        let (code, out, err) =
            run(env
                .cmd()
                .args(["metrics", "check", "--no-record", "--format", "nagios"]));
        if code == 0 {
            ran_ours += 1;
            assert!(out.starts_with("METRICS OK"), "{out}");
        } else {
            *refusals.entry((code, err)).or_insert(0) += 1;
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    swapper.join().unwrap();
    assert!(!marker.exists(), "another user's command ran");
    assert!(
        ran_ours > 0,
        "the victim's own file was never read in {tries} tries; the other outcomes: {refusals:#?}"
    );
}

#[test]
fn a_store_that_refuses_writes_leaves_the_checks_judgement_standing() {
    let env = Env::new();
    let Some(url) = env.postgres().map(str::to_string) else {
        crate::common::skipped("a read-only store", "PostgreSQL (MINDOPS_TEST_POSTGRES)");
        return;
    };
    env.drop_sources();
    let check = |env: &Env| {
        run(env.cmd().env("MINDOPS_DB", &url).args([
            "metrics",
            "check",
            "response_time=9s",
            "--only-given",
            "--format",
            "nagios",
        ]))
    };
    let (code, out, err) = check(&env);
    assert_eq!((code, err.as_str()), (2, ""), "{out}");
    // The server itself, not a pooler in front of it: the settings change there.
    let server = crate::common::postgres_server().unwrap();
    let mut admin = postgres::Client::connect(&server, postgres::NoTls).unwrap();
    let db = url.rsplit_once('/').unwrap().1.to_string();
    // A setting of the database applies to new connections: a pooler's idle ones are ended
    // so that it opens new ones.
    admin
        .batch_execute(&format!(
            "ALTER DATABASE {db} SET default_transaction_read_only = on;
             SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{db}';"
        ))
        .unwrap();
    let (code, out, err) = check(&env);
    assert_eq!(code, 2, "CRITICAL stands:\n{out}{err}");
    assert!(out.starts_with("METRICS CRITICAL"), "{out}");
    assert!(
        out.contains("(the check was not recorded: ") && out.lines().count() == 1,
        "{out}"
    );
    assert!(err.contains("read-only transaction"), "{err}");
    admin
        .batch_execute(&format!(
            "ALTER DATABASE {db} SET default_transaction_read_only = off"
        ))
        .unwrap();
}

#[test]
fn a_servers_error_text_cannot_forge_nagios_performance_data() {
    let env = Env::new();
    let body = r#"{"status":"error","errorType":"bad_data","error":"x\nMETRICS OK | 'fake'=1"}"#;
    let prometheus = Http::start(Answer {
        status: 400,
        ..Answer::ok(body)
    });
    let sample = env.read("work/thresholds.yaml");
    let head = &sample[..sample.find("\nmetrics:").unwrap()];
    env.write(
        "work/thresholds.yaml",
        &format!(
            "{head}\nmetrics:\n  load:\n    label: Load\n    group: Technical\n    unit: \"%\"\n    alert: \"> 80%\"\n    prometheus: up\n"
        ),
    );
    let (code, out, _) = run(env.cmd().env("PROMETHEUS_URL", prometheus.url("")).args([
        "metrics",
        "check",
        "--no-record",
        "--format",
        "nagios",
    ]));
    assert_eq!(code, 3, "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(!out.contains('|'), "{out}");
    assert!(out.contains("x METRICS OK / 'fake'=1 (bad_data)"), "{out}");
}

#[test]
fn a_sender_killed_mid_flush_leaves_at_most_its_messages_in_flight_to_send_again() {
    let env = Env::new();
    let hook = Http::start(Answer {
        delay: Duration::from_millis(100),
        ..Answer::ok("ok")
    });
    notify(
        &env,
        &format!(
            "  budget: 0s\n  channels:\n    hook:\n      type: webhook\n      url: {}\n      timeout: 2s\n",
            hook.url("/")
        ),
    );
    for i in 0..64 {
        env.ok(&[
            "incident",
            "open",
            "--sev",
            "P3",
            "--title",
            &format!("t{i}"),
            "--format",
            "plain",
        ]);
    }
    env.each_backend(|on| {
        let mut child = on
            .process_at(NOW)
            .args(["notify", "flush"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while hook.seen.lock().unwrap().len() < 24 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().unwrap();
        assert!(!child.wait().unwrap().success());
        // Once the killed sender's claims lapse (the channel's 2 s and a minute), the rest go.
        let (code, out, err) = on.at("2024-08-07T10:05:00Z", &["notify", "flush"]);
        assert_eq!((code, err.as_str()), (0, ""), "{out}");
        let mut keys: Vec<String> = hook
            .take()
            .iter()
            .map(|s| {
                json(&s.body)["idempotency_key"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        keys.sort();
        let sent = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), 64, "every message arrived on {}", on.name());
        assert!(
            sent - 64 <= 8,
            "{} sent twice on {}: more than the 8 in flight",
            sent - 64,
            on.name()
        );
        let states: Vec<Value> = outbox(on).iter().map(|m| m["state"].clone()).collect();
        assert!(states.iter().all(|s| s == "sent"), "{states:?}");
    });
}

#[test]
fn a_self_signed_authority_named_as_ca_file_is_trusted_as_curl_cacert_does() {
    let env = Env::new();
    let tmp = tempfile::tempdir().unwrap();
    let (cert, key) = crate::servers::self_signed_authority(tmp.path(), "127.0.0.1");
    let tls = Http::start_tls(Answer::ok("secure"), &cert, &key);
    let url = format!("https://127.0.0.1:{}/", tls.port);
    probe_config(
        &env,
        &format!("{{url: \"{url}\", ca_file: {}}}", cert.display()),
    );
    let (code, site_) = site(&env);
    assert_eq!((code, &site_["state"]), (0, &Value::from("OK")), "{site_}");
    // Without it, untrusted; and pinned for one name, not another.
    probe_config(&env, &url);
    let (code, site_) = site(&env);
    assert_eq!(code, 1, "{site_}");
    let other = tempfile::tempdir().unwrap();
    let (cert, key) = crate::servers::self_signed_authority(other.path(), "127.0.0.2");
    let wrong = Http::start_tls(Answer::ok("secure"), &cert, &key);
    probe_config(
        &env,
        &format!(
            "{{url: \"https://127.0.0.1:{}/\", ca_file: {}}}",
            wrong.port,
            cert.display()
        ),
    );
    let (code, site_) = site(&env);
    assert_eq!(code, 1, "{site_}");
    let why = site_["reason"].as_str().unwrap();
    assert!(
        why.contains("TLS with 127.0.0.1") && why.contains("neither signed by nor the same as"),
        "{site_}"
    );
    assert!(!why.contains("name its authority in ca_file"), "{why}");
}

#[test]
fn a_statement_waiting_on_a_lock_gives_up_after_lock_timeout() {
    let env = Env::new();
    let Some(url) = env.postgres().map(str::to_string) else {
        crate::common::skipped("lock timeouts", "PostgreSQL (MINDOPS_TEST_POSTGRES)");
        return;
    };
    env.ok(&["incident", "open", "--sev", "P3", "--title", "first"]);
    let mut holder = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let mut tx = holder.transaction().unwrap();
    tx.batch_execute("LOCK TABLE mindops.incidents IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    // mindops's own bound: 15 s, as SQLite's busy timeout. Before it, the wait had none.
    let started = Instant::now();
    let mut child = env
        .process_on(&url)
        .args(["incident", "open", "--sev", "P3", "--title", "blocked"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(40) {
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let output = child.wait_with_output().unwrap();
    let took = started.elapsed();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "after {took:?}: {err}");
    assert!(err.contains("lock timeout"), "{err}");
    assert!(
        took >= Duration::from_secs(14) && took < Duration::from_secs(30),
        "{took:?}"
    );
    tx.rollback().unwrap();
}

/// A TCP proxy to the test server's socket that forwards everything but, on each connection,
/// drops the connection just after passing on its `nth` COMMIT: the server commits, the client
/// never hears so. Returns the port.
fn proxy_losing_commit(socket: std::path::PathBuf, nth: usize) -> u16 {
    use std::io::{Read, Write};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let Ok(server) = std::os::unix::net::UnixStream::connect(&socket) else {
                continue;
            };
            let cut = Arc::new(AtomicBool::new(false));
            let (mut c_in, mut s_out) = (client.try_clone().unwrap(), server.try_clone().unwrap());
            let (mut s_in, mut c_out) = (server, client);
            let cut_up = cut.clone();
            std::thread::spawn(move || {
                let (mut buf, mut commits) = ([0u8; 65536], 0);
                while let Ok(n) = c_in.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    if buf[..n].windows(6).any(|w| w == b"COMMIT") {
                        commits += 1;
                        if commits == nth {
                            cut_up.store(true, Ordering::SeqCst);
                            let _ = s_out.write_all(&buf[..n]);
                            let _ = c_in.shutdown(std::net::Shutdown::Both);
                            break;
                        }
                    }
                    if s_out.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
            });
            std::thread::spawn(move || {
                let mut buf = [0u8; 65536];
                while let Ok(n) = s_in.read(&mut buf) {
                    if n == 0 || cut.load(Ordering::SeqCst) || c_out.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
            });
        }
    });
    port
}

#[test]
fn a_commit_whose_answer_is_lost_says_the_outcome_is_unknown() {
    let env = Env::new();
    let Some(url) = env.postgres().map(str::to_string) else {
        crate::common::skipped(
            "a commit whose answer is lost",
            "PostgreSQL (MINDOPS_TEST_POSTGRES)",
        );
        return;
    };
    env.ok(&["incident", "open", "--sev", "P3", "--title", "first"]);
    // postgres://postgres@%2F...%2Fsocket/DB: the socket folder and the database.
    // Through the suite's pooler the socket has its port: %2F...:6432.
    let rest = url.split_once('@').unwrap().1;
    let (dir, db) = rest.rsplit_once('/').unwrap();
    let (dir, server_port) = dir.rsplit_once(':').unwrap_or((dir, "5432"));
    let dir = dir.replace("%2F", "/");
    let socket = std::path::Path::new(&dir).join(format!(".s.PGSQL.{server_port}"));
    let port = proxy_losing_commit(socket, 1);
    let via = format!("postgres://postgres@127.0.0.1:{port}/{db}?sslmode=disable");
    let (code, out, err) = run(env.cmd().env("MINDOPS_DB", &via).args([
        "incident",
        "open",
        "--sev",
        "P3",
        "--title",
        "lost answer",
    ]));
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("was lost while committing") && err.contains("may or may not have been saved"),
        "{err}"
    );
    assert!(err.contains("look before you run it again"), "{err}");
    // Here it was saved: whoever retried blindly would have opened it twice.
    let list = run(env
        .cmd()
        .env("MINDOPS_DB", &url)
        .args(["incident", "list", "--format", "plain"]))
    .1;
    assert_eq!(list, "2\n1\n", "{list}");
}

#[test]
fn a_server_without_starttls_fails_the_channel_at_once_with_the_fix() {
    let tmp = tempfile::tempdir().unwrap();
    let port = crate::servers::free_port();
    let mailbox = tmp.path().join("mailbox");
    let Some(mut smtp) = crate::servers::smtp(
        "a server without STARTTLS",
        crate::serve::PLAIN_SMTP,
        &[port.to_string().as_ref(), mailbox.as_ref()],
    ) else {
        return;
    };
    let env = Env::new();
    env.edit(
        "rotation.yaml",
        "  - name: Felix\n",
        "  - name: Felix\n    email: felix@example.com\n",
    );
    notify(
        &env,
        &format!(
            "  channels:\n    mail:\n      type: email\n      server: smtp://127.0.0.1:{port}\n      \
             from: mindops <oncall@example.com>\n"
        ),
    );
    let (code, _, err) = run(env
        .cmd()
        .args(["incident", "open", "--sev", "P3", "--title", "plain"]));
    assert_eq!(code, 0, "{err}");
    let (_, list, _) = run(env.cmd().args(["notify", "list", "--format", "json"]));
    let last = json(&list).as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (&last["state"], &last["attempts"]),
        (&Value::from("failed"), &Value::from(1)),
        "{last}"
    );
    assert!(
        last["last_error"]
            .as_str()
            .unwrap()
            .contains("set tls: none"),
        "{last}"
    );
    drop(smtp.stdin.take());
    let _ = smtp.wait();
}

#[test]
fn one_mistake_in_a_severity_is_reported_once() {
    let env = Env::new();
    env.edit("thresholds.yaml", "response: 15m", "response: 15parsecs");
    let err = env.fails(&["config", "check"], 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("severities.P1.response"), "{err}");
}
