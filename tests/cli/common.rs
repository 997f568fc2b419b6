//! `Env`: a temp home with the sample config, and a `mindops` command that sees only it.
//!
//! With `MINDOPS_TEST_POSTGRES` naming a PostgreSQL server (a `postgres://` URL; `.ci/run` and
//! `scripts/pg.sh start` set it), every `Env` also gets a database of its own there, and each
//! run, shell script and race happens twice: on SQLite, then on PostgreSQL, which must print
//! the same output and exit with the same code. Without it, everything runs on SQLite only.

use std::cell::Cell;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use assert_cmd::Command;
use tempfile::TempDir;

/// The instant every test runs at unless it says otherwise: Wednesday of the seed's Week 2.
pub const NOW: &str = "2024-08-07T10:00:00Z";

pub struct Env {
    dir: TempDir,
    /// This test's PostgreSQL database, while runs are mirrored there.
    postgres: Option<Database>,
    mirror: Cell<bool>,
    /// Whether mirrored runs must print the same: not after a race, which either side may win.
    compare: Cell<bool>,
}

/// One backend of an [`Env`], for looking at what a race left there.
pub struct On<'a> {
    env: &'a Env,
    db: std::ffi::OsString,
}

impl On<'_> {
    /// `mindops` on this backend, the clock at `now`.
    pub fn cmd_at(&self, now: &str) -> Command {
        let mut cmd = self.env.cmd();
        cmd.env("MINDOPS_DB", &self.db).env("MINDOPS_NOW", now);
        cmd
    }

    /// A process of `mindops` on this backend at `now`, to start and stop by hand.
    pub fn process_at(&self, now: &str) -> std::process::Command {
        self.env.process(&self.db, now)
    }

    /// Runs `mindops ARGS` on this backend with the clock at `now`.
    #[must_use = "a command's exit code and output are what a test checks"]
    pub fn at(&self, now: &str, args: &[&str]) -> (i32, String, String) {
        run(self.cmd_at(now).args(args))
    }

    /// Which backend this is, for messages.
    pub fn name(&self) -> String {
        if self.db.to_string_lossy().starts_with("postgres") {
            "PostgreSQL".into()
        } else {
            "SQLite".into()
        }
    }

    /// [`Env::did`] on this backend.
    pub fn did(&self, now: &str, args: &[&str]) -> String {
        setup_done(now, args, self.at(now, args))
    }

    /// Runs `mindops ARGS` on this backend, expecting exit 0 and nothing on stderr.
    pub fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = run(self.env.cmd().env("MINDOPS_DB", &self.db).args(args));
        assert_eq!(
            (code, err.as_str()),
            (0, ""),
            "mindops {args:?} on {:?}",
            self.db
        );
        out
    }
}

/// The server the suite may use, if any.
pub fn postgres_server() -> Option<String> {
    std::env::var("MINDOPS_TEST_POSTGRES")
        .ok()
        .filter(|v| !v.is_empty())
}

/// A PgBouncer in transaction mode in front of the same server, if the suite is to run
/// through one (`MINDOPS_TEST_POOLER`, a URL without the database: .ci/run's second pass).
fn pooler() -> Option<String> {
    std::env::var("MINDOPS_TEST_POOLER")
        .ok()
        .filter(|v| !v.is_empty())
}

/// A database made for one test, dropped with it.
struct Database {
    admin: String,
    name: String,
    url: String,
}

impl Database {
    fn create(server: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "mindops_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = postgres::Client::connect(server, postgres::NoTls)
            .unwrap_or_else(|e| panic!("MINDOPS_TEST_POSTGRES={server}: cannot connect: {e}"));
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create the test database");
        let direct = server.rsplit_once('/').map_or(server, |(base, _)| base);
        let base = match pooler() {
            // A transaction pooler drops the startup `options` mindops sets these in, so they
            // go on the database, as ARCHITECTURE.md tells an operator to.
            Some(pooler) => {
                admin
                    .batch_execute(&format!(
                        "ALTER DATABASE {name} SET search_path = mindops;
                         ALTER DATABASE {name} SET lock_timeout = '15s';
                         ALTER DATABASE {name} SET statement_timeout = '30s';"
                    ))
                    .expect("settings for the pooler");
                pooler
            }
            None => direct.to_string(),
        };
        Database {
            admin: server.to_string(),
            url: format!("{base}/{name}"),
            name,
        }
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

impl Env {
    /// A home whose current directory holds the sample rotation.yaml and thresholds.yaml.
    pub fn new() -> Self {
        let env = Self::empty();
        env.write("work/rotation.yaml", include_str!("../../rotation.yaml"));
        env.write(
            "work/thresholds.yaml",
            include_str!("../../thresholds.yaml"),
        );
        env
    }

    /// A home with no config anywhere.
    pub fn empty() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("work")).expect("work dir");
        let postgres = postgres_server().map(|server| Database::create(&server));
        Env {
            mirror: Cell::new(postgres.is_some()),
            compare: Cell::new(true),
            dir,
            postgres,
        }
    }

    /// The PostgreSQL URL runs are mirrored to, if they are.
    pub fn postgres(&self) -> Option<&str> {
        self.postgres
            .as_ref()
            .filter(|_| self.mirror.get())
            .map(|d| d.url.as_str())
    }

    /// The SQLite file, for a test about SQLite itself: from here on, runs are on SQLite only.
    pub fn sqlite_file(&self) -> PathBuf {
        self.mirror.set(false);
        self.db()
    }

    /// How many rows `table` holds in each backend's database, SQLite first.
    pub fn rows(&self, table: &str) -> Vec<i64> {
        let sql = format!("SELECT count(*) FROM {table}");
        let conn = rusqlite::Connection::open(self.db()).expect("open the SQLite file");
        let mut counts = vec![conn.query_row(&sql, [], |r| r.get(0)).expect("count")];
        if let Some(url) = self.postgres() {
            let mut client = postgres::Client::connect(url, postgres::NoTls).expect("connect");
            // Unnamed: a named statement would outlive its turn on a pooler's connection.
            let sql = format!("SELECT count(*) FROM mindops.{table}");
            counts.push(client.query_typed_one(&sql, &[]).expect("count").get(0));
        }
        counts
    }

    /// Runs `each` on every backend in turn, with `MINDOPS_DB` set to it; checks that every
    /// backend gave what SQLite gave, and returns that. Commands that never open the store
    /// (and may write files, like `init`) run once.
    fn mirrored(
        &self,
        what: &str,
        args: Option<&[&str]>,
        each: impl Fn(&std::ffi::OsStr) -> (i32, String, String),
    ) -> (i32, String, String) {
        let db = self.db();
        let first = each(db.as_os_str());
        let storeless = args.is_some_and(|args| {
            args.iter()
                .any(|a| ["--help", "-h", "--version", "-V"].contains(a))
                || args
                    .iter()
                    .find(|a| !a.starts_with('-'))
                    .is_some_and(|c| ["init", "config", "completions", "man", "help"].contains(c))
        });
        if storeless {
            return first;
        }
        if let Some(url) = self.postgres() {
            let other = each(url.as_ref());
            if !self.compare.get() {
                return first;
            }
            let shown = db.display().to_string();
            let other = (
                other.0,
                other.1.replace(url, &shown),
                other.2.replace(url, &shown),
            );
            assert_eq!(
                other, first,
                "{what}: PostgreSQL (left) and SQLite (right) differ"
            );
        }
        first
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn work(&self) -> PathBuf {
        self.path("work")
    }

    fn db(&self) -> PathBuf {
        self.path("data/mindops.db")
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("read")
    }

    /// Rewrites a config file in the work folder, replacing `from` (which must be there).
    pub fn edit(&self, file: &str, from: &str, to: &str) {
        let rel = format!("work/{file}");
        let text = self.read(&rel);
        assert!(text.contains(from), "{file} has no {from:?}");
        self.write(&rel, &text.replacen(from, to, 1));
    }

    /// The sample thresholds.yaml without its metrics' Prometheus queries and probes, for tests
    /// that give those metrics other sources or none.
    pub fn drop_sources(&self) {
        let rel = "work/thresholds.yaml";
        let mut kept = Vec::new();
        let mut folded = false;
        let text = self.read(rel);
        for line in text.lines() {
            let key = line.trim_start();
            if folded && line.starts_with("      ") {
                continue;
            }
            folded = false;
            if ["prometheus: ", "probe: ", "reduce: ", "source_unit: "]
                .iter()
                .any(|k| key.starts_with(k))
                && line.starts_with("    ")
            {
                folded = key.ends_with(">-");
                continue;
            }
            kept.push(line);
        }
        self.write(rel, &(kept.join("\n") + "\n"));
    }

    /// `mindops` with nothing from the outer environment: the clock at [`NOW`], a time zone
    /// that is not the rotation's (it must not matter), no colour, this home's paths. One run,
    /// on SQLite: for tests about the environment rather than the store.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("mindops").expect("binary");
        self.pin(&mut cmd);
        cmd
    }

    /// Runs `mindops ARGS` with the clock at `now`.
    #[must_use = "a command's exit code and output are what a test checks"]
    pub fn at(&self, now: &str, args: &[&str]) -> (i32, String, String) {
        self.mirrored(&format!("mindops {args:?} at {now}"), Some(args), |db| {
            run(self
                .cmd()
                .env("MINDOPS_DB", db)
                .env("MINDOPS_NOW", now)
                .args(args))
        })
    }

    /// Runs a bash script in the same pinned environment, with `$MINDOPS` naming the binary.
    #[must_use = "a command's exit code and output are what a test checks"]
    pub fn shell(&self, script: &str) -> (i32, String, String) {
        self.mirrored(script, None, |db| self.bash(db, script))
    }

    /// [`Env::shell`] on the SQLite store alone, for what only SQLite has (a file to back up).
    #[must_use = "a command's exit code and output are what a test checks"]
    pub fn sqlite_shell(&self, script: &str) -> (i32, String, String) {
        self.bash(self.db().as_os_str(), script)
    }

    fn bash(&self, db: &std::ffi::OsStr, script: &str) -> (i32, String, String) {
        let mut cmd = Command::new("bash");
        self.pin(&mut cmd);
        run(cmd
            .env("MINDOPS_DB", db)
            .env("MINDOPS", assert_cmd::cargo::cargo_bin("mindops"))
            .arg("-c")
            .arg(script))
    }

    fn pin(&self, cmd: &mut Command) {
        cmd.env_clear();
        for (key, value) in self.pinned_env() {
            cmd.env(key, value);
        }
        cmd.current_dir(self.work());
    }

    fn pinned_env(&self) -> Vec<(&'static str, std::ffi::OsString)> {
        vec![
            ("PATH", std::env::var_os("PATH").unwrap_or_default()),
            ("HOME", self.path("home").into()),
            ("XDG_CONFIG_HOME", self.path("home/.config").into()),
            ("XDG_DATA_HOME", self.path("home/.local/share").into()),
            ("MINDOPS_DB", self.db().into()),
            ("MINDOPS_NOW", NOW.into()),
            ("MINDOPS_USER", "tester".into()),
            ("TZ", "America/New_York".into()),
            ("NO_COLOR", "1".into()),
            // Tables into a pipe are 80 columns wide unless COLUMNS says otherwise; tests about
            // content read them whole, tests about width set their own.
            ("COLUMNS", "200".into()),
            // The sample config's sources point at these; port 9 is closed, so a test that does
            // not start its own servers gets a quick, certain "refused", whatever else this
            // machine runs on 9090 or 8080.
            ("PROMETHEUS_URL", "http://127.0.0.1:9".into()),
            ("SERVICE_URL", "http://127.0.0.1:9/".into()),
        ]
    }

    /// Runs every one of `runs` at once, each `mindops ARGS` in its own process, and calls
    /// `check` with each racer's (exit code, stdout, stderr) in order, so a test can check
    /// every one, and with the backend, to look at what the race left; once per backend.
    /// Who wins a race is chance, so from here on the backends' outputs are not compared.
    pub fn race(&self, runs: &[Vec<&str>], check: impl Fn(&[(i32, String, String)], &On<'_>)) {
        self.race_at(NOW, runs, check);
    }

    /// [`Env::race`] with the clock at `now`.
    pub fn race_at(
        &self,
        now: &str,
        runs: &[Vec<&str>],
        check: impl Fn(&[(i32, String, String)], &On<'_>),
    ) {
        let db = self.db();
        let mut backends = vec![db.into_os_string()];
        backends.extend(self.postgres().map(std::ffi::OsString::from));
        for db in backends {
            let results = self.race_on(&db, now, runs);
            check(&results, &On { env: self, db });
        }
        self.compare.set(false);
    }

    /// Runs `scenario` once per backend (SQLite, then PostgreSQL when the suite has one), for
    /// tests whose outside servers see every run and which check those servers per backend.
    pub fn each_backend(&self, scenario: impl Fn(&On<'_>)) {
        let mut backends = vec![self.db().into_os_string()];
        backends.extend(self.postgres().map(std::ffi::OsString::from));
        for db in backends {
            scenario(&On { env: self, db });
        }
        self.compare.set(false);
    }

    /// A plain process of `mindops` on the store `db` at [`NOW`], to start and watch by hand.
    pub fn process_on(&self, db: &str) -> std::process::Command {
        self.process(db.as_ref(), NOW)
    }

    /// A plain process of `mindops` on `db` at `now`, pinned like [`Env::cmd`], for a test that
    /// must start it and act while it runs (a race, a kill).
    fn process(&self, db: &std::ffi::OsStr, now: &str) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("mindops"));
        cmd.env_clear();
        for (key, value) in self.pinned_env() {
            cmd.env(key, value);
        }
        cmd.env("MINDOPS_DB", db)
            .env("MINDOPS_NOW", now)
            .current_dir(self.work());
        cmd
    }

    fn race_on(
        &self,
        db: &std::ffi::OsStr,
        now: &str,
        runs: &[Vec<&str>],
    ) -> Vec<(i32, String, String)> {
        let children: Vec<std::process::Child> = runs
            .iter()
            .map(|args| {
                self.process(db, now)
                    .args(args)
                    .stdin(std::process::Stdio::null())
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn mindops")
            })
            .collect();
        children
            .into_iter()
            .map(|child| {
                let output = child.wait_with_output().expect("wait for mindops");
                (
                    output.status.code().unwrap_or(-1),
                    String::from_utf8_lossy(&output.stdout).into_owned(),
                    String::from_utf8_lossy(&output.stderr).into_owned(),
                )
            })
            .collect()
    }

    /// Runs `mindops ARGS` and returns (exit code, stdout, stderr).
    #[must_use = "a command's exit code and output are what a test checks"]
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        self.mirrored(&format!("mindops {args:?}"), Some(args), |db| {
            run(self.cmd().env("MINDOPS_DB", db).args(args))
        })
    }

    /// Runs `mindops ARGS` at `now` for a test's setup, expecting it to have done its work
    /// (see [`done`]), whatever it says on stderr; returns stdout.
    pub fn did(&self, now: &str, args: &[&str]) -> String {
        setup_done(now, args, self.at(now, args))
    }

    /// Runs `mindops ARGS`, expecting exit 0 and nothing on stderr; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(
            (code, err.as_str()),
            (0, ""),
            "mindops {args:?} failed or talked"
        );
        out
    }

    /// Runs `mindops ARGS`, expecting exit `code`; returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let (got, out, err) = self.run(args);
        assert_eq!(
            got, code,
            "mindops {args:?}: stdout:\n{out}\nstderr:\n{err}"
        );
        err
    }
}

/// Whether a command that exited with `code` did its work: 0, or for a check the judgement it
/// reports (`metrics check`: Nagios's 0 to 2; `incident check`: 1 while something is in
/// breach), never an error.
pub fn done(args: &[&str], code: i32) -> bool {
    match args {
        ["metrics", "check", ..] => (0..=2).contains(&code),
        ["incident", "check", ..] => (0..=1).contains(&code),
        _ => code == 0,
    }
}

/// The stdout of a setup run that did its work (see [`done`]); otherwise the test stops there.
fn setup_done(now: &str, args: &[&str], (code, out, err): (i32, String, String)) -> String {
    assert!(
        done(args, code),
        "setup mindops {args:?} at {now} failed ({code}):\n{out}{err}"
    );
    out
}

/// A test that cannot run here says so past the harness's capture, so the skip shows in the
/// run's output. In CI (`CI` set, as `.ci/run` does) it fails instead: a server CI was meant
/// to install is missing, and a test must not pass unrun.
pub fn skipped(what: &str, needs: &str) {
    use std::io::Write;
    assert!(
        std::env::var_os("CI").is_none(),
        "{what} needs {needs}, which CI must install"
    );
    let _ =
        std::io::stderr().write_all(format!("mindops: skipped {what}: needs {needs}\n").as_bytes());
}

#[must_use = "a command's exit code and output are what a test checks"]
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let output = cmd.output().expect("run mindops");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

pub fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}
