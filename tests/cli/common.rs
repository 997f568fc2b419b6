//! `Env`: a temp home with the sample config, and a `mindops` command that sees only it.

use std::path::PathBuf;

use assert_cmd::Command;
use tempfile::TempDir;

/// The instant every test runs at unless it says otherwise: Wednesday of the seed's Week 2.
pub const NOW: &str = "2024-08-07T10:00:00Z";

pub struct Env {
    dir: TempDir,
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
        Env { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn work(&self) -> PathBuf {
        self.path("work")
    }

    pub fn db(&self) -> PathBuf {
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

    /// `mindops` with nothing from the outer environment: the clock at [`NOW`], a time zone
    /// that is not the rotation's (it must not matter), no colour, this home's paths.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("mindops").expect("binary");
        self.pin(&mut cmd);
        cmd
    }

    /// Runs `mindops ARGS` with the clock at `now`.
    pub fn at(&self, now: &str, args: &[&str]) -> (i32, String, String) {
        run(self.cmd().env("MINDOPS_NOW", now).args(args))
    }

    /// Runs a bash script in the same pinned environment, with `$MINDOPS` naming the binary.
    pub fn shell(&self, script: &str) -> (i32, String, String) {
        let mut cmd = Command::new("bash");
        self.pin(&mut cmd);
        run(cmd
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
        ]
    }

    /// Runs every one of `runs` at once, each `mindops ARGS` in its own process, and returns
    /// each racer's (exit code, stdout, stderr) in order, so a test can check every one.
    pub fn race(&self, runs: &[Vec<&str>]) -> Vec<(i32, String, String)> {
        let children: Vec<std::process::Child> = runs
            .iter()
            .map(|args| {
                let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("mindops"));
                cmd.env_clear();
                for (key, value) in self.pinned_env() {
                    cmd.env(key, value);
                }
                cmd.current_dir(self.work())
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
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        run(self.cmd().args(args))
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
