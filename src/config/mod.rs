//! Finding, reading and checking the two config files. Every problem is reported as
//! `file:line:column: key: what is wrong; what is allowed`, all of them at once.

pub mod locate;
pub mod notify;
pub mod rotation;
pub mod serve;
pub mod thresholds;

use std::fmt;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use self::locate::Locations;
pub use self::rotation::{Checklist, Evidence, RotationConfig};
pub use self::thresholds::{Metric, Page, Role, Severity, Thresholds};
use crate::rules::rotation::Rotation;

pub const ROTATION_FILE: &str = "rotation.yaml";
pub const THRESHOLDS_FILE: &str = "thresholds.yaml";

/// The sample configs: the seed's team and numbers, as `mindops init` writes them.
pub const SAMPLE_ROTATION: &str = include_str!("../../rotation.yaml");
pub const SAMPLE_THRESHOLDS: &str = include_str!("../../thresholds.yaml");

/// The largest config file read: ample for any team, small enough to parse at once.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// How deep YAML may nest. Parsing time grows with the square of the depth (80 KB of `[[[`
/// took 11 s), and mindops's own files need four levels.
const MAX_DEPTH: usize = 32;

/// Where YAML first nests deeper than [`MAX_DEPTH`], counting flow brackets outside quotes
/// and comments, and block levels by indentation and leading `- `: checked before any parser
/// sees the text, in one pass.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut flow = 0usize;
    for (n, line) in text.lines().enumerate() {
        let lead = line
            .char_indices()
            .find(|&(i, c)| !(c == ' ' || (c == '-' && line[i + 1..].starts_with(' '))))
            .map_or(line.len(), |(i, _)| i);
        // Two columns a level is the YAML convention; allow twice that before refusing.
        if lead > 4 * MAX_DEPTH {
            return Some((n + 1, lead + 1));
        }
        let mut quote: Option<char> = None;
        for (i, c) in line.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') if i == 0 || line[..i].ends_with(' ') => break,
                (None, '[' | '{') => {
                    flow += 1;
                    if flow > MAX_DEPTH {
                        return Some((n + 1, i + 1));
                    }
                }
                (None, ']' | '}') => flow = flow.saturating_sub(1),
                _ => {}
            }
        }
    }
    None
}

/// One `${VAR}` or `${VAR:-default}` of a template.
struct Variable<'a> {
    name: &'a str,
    default: Option<&'a str>,
}

/// A template's pieces: text as written, and variables to look up.
enum Piece<'a> {
    Text(&'a str),
    Var(Variable<'a>),
}

/// Reads a template's syntax, without looking at the environment.
fn pieces(text: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        out.push(Piece::Text(&rest[..at]));
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            out.push(Piece::Text("$"));
            rest = after;
            continue;
        }
        let Some(inner) = rest.strip_prefix('{') else {
            return Err(format!(
                "\"{text}\": a $ starts ${{VAR}} or ${{VAR:-default}}; write $$ for a dollar sign"
            ));
        };
        let end = inner
            .find('}')
            .ok_or_else(|| format!("\"{text}\": ${{ is not closed by }}"))?;
        let (name, default) = match inner[..end].split_once(":-") {
            Some((name, default)) => (name, Some(default)),
            None => (&inner[..end], None),
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!(
                "\"{text}\": \"{name}\" is not an environment variable's name"
            ));
        }
        out.push(Piece::Var(Variable { name, default }));
        rest = &inner[end + 1..];
    }
    out.push(Piece::Text(rest));
    Ok(out)
}

/// Replaces `${VAR}` and `${VAR:-default}` in a URL written in config, so one thresholds.yaml
/// serves every host (`${PROMETHEUS_URL:-http://127.0.0.1:9090}`). `$$` is a dollar sign. An
/// empty variable counts as unset, as in the shell's `:-`.
pub fn expand(text: &str, var: impl Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    for piece in pieces(text)? {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Var(v) => match (var(v.name).filter(|x| !x.is_empty()), v.default) {
                (Some(value), _) => out.push_str(&value),
                (None, Some(default)) => out.push_str(default),
                (None, None) => {
                    let name = v.name;
                    return Err(format!(
                        "{name} is not set; set it, or write ${{{name}:-DEFAULT}} in the config"
                    ));
                }
            },
        }
    }
    Ok(out)
}

/// [`expand`] from the process's environment, when the value is about to be used.
pub fn expand_env(text: &str) -> Result<String, String> {
    expand(text, |name| std::env::var(name).ok())
}

/// Whether `text` is a template [`expand`] can read: its syntax only, checked when the config
/// loads. Variables are looked up when the value is used, so an unset one fails only what
/// needs it (a channel, a metric), never a command that does not.
pub fn template(text: &str) -> Result<(), String> {
    pieces(text).map(|_| ())
}

/// The variables of a template that have no default, for `config check` to look up.
pub fn required_variables(text: &str) -> Vec<&str> {
    pieces(text)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| match p {
            Piece::Var(Variable {
                name,
                default: None,
            }) => Some(name),
            _ => None,
        })
        .collect()
}

/// A secret kept out of the YAML: the name of an environment variable, or a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Secret {
    Env(String),
    File(PathBuf),
}

impl Secret {
    /// The secret's text, trimmed of the newline files end with.
    pub fn read(&self) -> Result<String, String> {
        let text = match self {
            Secret::Env(name) => std::env::var(name)
                .map_err(|_| format!("the environment variable {name} is not set"))?,
            Secret::File(path) => {
                let bytes = crate::util::files::read_small(path, crate::util::files::SMALL_FILE)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                String::from_utf8(bytes)
                    .map_err(|_| format!("{} is not UTF-8 text", path.display()))?
            }
        };
        let text = text.trim();
        if text.is_empty() {
            return Err(match self {
                Secret::Env(name) => format!("the environment variable {name} is empty"),
                Secret::File(path) => format!("{} is empty", path.display()),
            });
        }
        Ok(text.to_string())
    }
}

/// What a loaded config needs from the environment that is not there now: each unset
/// variable of a template and each secret that cannot be read, with the key that names it.
/// Nothing here stops a command (the value is looked up when it is used); `config check`
/// shows them so that the first page does not fail for it.
pub fn unmet_needs(rotation: &RotationConfig, thresholds: &Thresholds) -> Vec<String> {
    let mut out = Vec::new();
    let mut template = |key: String, text: &str| {
        for name in required_variables(text) {
            if std::env::var(name).map_or(true, |v| v.is_empty()) {
                out.push(format!(
                    "{key}: {name} is not set here; set it where mindops runs, or write \
                     ${{{name}:-DEFAULT}}"
                ));
            }
        }
    };
    let channels = rotation.notify.iter().flat_map(|n| &n.channels);
    for channel in channels.clone() {
        let here = format!("rotation.yaml: notify.channels.{}", channel.name);
        match &channel.kind {
            notify::ChannelKind::Webhook { url, .. }
            | notify::ChannelKind::Slack { url }
            | notify::ChannelKind::Ntfy { url, .. } => template(format!("{here}.url"), url),
            notify::ChannelKind::Email { server, .. } => template(format!("{here}.server"), server),
            notify::ChannelKind::Command { .. } | notify::ChannelKind::Pagerduty { .. } => {}
        }
    }
    let queries = thresholds
        .metrics
        .iter()
        .any(|m| matches!(m.source, Some(thresholds::Source::Query { .. })));
    if queries {
        template(
            "thresholds.yaml: prometheus.url".into(),
            &thresholds.prometheus.url,
        );
    }
    for metric in &thresholds.metrics {
        if let Some(thresholds::Source::Probe(probe)) = &metric.source {
            template(
                format!("thresholds.yaml: metrics.{}.probe.url", metric.name),
                &probe.url,
            );
        }
    }
    let mut secrets: Vec<(String, &Secret)> = Vec::new();
    for channel in channels {
        let here = format!("rotation.yaml: notify.channels.{}", channel.name);
        match &channel.kind {
            notify::ChannelKind::Webhook {
                secret: Some(s), ..
            } => secrets.push((format!("{here}.secret"), s)),
            notify::ChannelKind::Email {
                password: Some(s), ..
            } => secrets.push((format!("{here}.password"), s)),
            notify::ChannelKind::Pagerduty { routing_key, .. } => {
                secrets.push((format!("{here}.routing_key"), routing_key))
            }
            notify::ChannelKind::Ntfy { token: Some(t), .. } => {
                secrets.push((format!("{here}.token"), t))
            }
            _ => {}
        }
    }
    if let (true, Some(token)) = (queries, &thresholds.prometheus.token) {
        secrets.push(("thresholds.yaml: prometheus.token".into(), token));
    }
    for (key, secret) in secrets {
        if let Err(why) = secret.read() {
            out.push(format!("{key}: {why}"));
        }
    }
    out
}

/// What one file names that the other must hold: each heartbeat's severity and each severity
/// the Alertmanager intake maps to are keys of thresholds.yaml.
pub fn cross_check(rotation: &RotationConfig, thresholds: &Thresholds) -> Result<(), ConfigError> {
    let known: Vec<&str> = thresholds
        .severities
        .iter()
        .map(|s| s.key.as_str())
        .collect();
    let mut lines = Vec::new();
    let mut check = |key: String, severity: &str| {
        if !known.contains(&severity) {
            lines.push(format!(
                "rotation.yaml: {key}: unknown severity \"{severity}\"{}; known severities: {}",
                crate::util::suggest::hint(severity, known.iter().copied()),
                known.join(", ")
            ));
        }
    };
    for h in &rotation.heartbeats {
        check(format!("heartbeats.{}.severity", h.name), &h.severity);
    }
    if let Some(am) = rotation
        .serve
        .as_ref()
        .and_then(|s| s.alertmanager.as_ref())
    {
        for (label, severity) in &am.severities {
            check(
                format!("serve.intake.alertmanager.severities.{label}"),
                severity,
            );
        }
        check("serve.intake.alertmanager.unknown".into(), &am.unknown);
    }
    if lines.is_empty() {
        Ok(())
    } else {
        Err(ConfigError { lines })
    }
}

/// Problems found in one file, each at a serde-style key path.
#[derive(Debug, Default)]
pub struct Problems {
    items: Vec<(String, String)>,
}

impl Problems {
    pub fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.items.push((path.into(), message.into()));
    }

    /// Keeps the value, or records the error at `path`.
    pub fn check<T>(&mut self, path: impl Into<String>, result: Result<T, String>) -> Option<T> {
        result.map_err(|e| self.add(path, e)).ok()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// A config file that cannot be used, with every problem on a line of its own.
#[derive(Debug, thiserror::Error)]
pub struct ConfigError {
    pub lines: Vec<String>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines.join("\n"))
    }
}

/// One config file's text and the name it is shown under.
struct Source {
    shown: String,
    text: String,
}

impl Source {
    /// Opens the file once and checks the open file's owner and mode (see
    /// [`ConfigDir::trust`]) before reading from the same descriptor: a file swapped between
    /// the check and the read is never the one read.
    fn read(config: &ConfigDir, file: &str) -> anyhow::Result<Self> {
        let dir = &config.path;
        let path = dir.join(file);
        let cannot = |e: &dyn fmt::Display| {
            anyhow::anyhow!(
                "cannot read {}: {e}; run `mindops init {}` to write the sample file",
                path.display(),
                dir.display()
            )
        };
        // A file found by looking in the current directory is not followed through a link:
        // whoever can write that folder could point it anywhere.
        let (handle, meta) =
            crate::util::files::open_regular(&path, config.is_cwd).map_err(|e| cannot(&e))?;
        config.trust(&path, &meta)?;
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut std::io::Read::take(handle, MAX_CONFIG_BYTES + 1),
            &mut text,
        )
        .map_err(|e| cannot(&e))?;
        let shown = if config.is_cwd {
            file.to_string()
        } else {
            path.display().to_string()
        };
        if text.len() as u64 > MAX_CONFIG_BYTES {
            anyhow::bail!(
                "{shown} is larger than {} KiB; a config file is a page or two of YAML",
                MAX_CONFIG_BYTES / 1024
            );
        }
        if let Some((line, column)) = too_deep(&text) {
            anyhow::bail!(
                "{shown}:{line}:{column}: nested more than {MAX_DEPTH} levels deep; a config \
                 file needs a handful"
            );
        }
        Ok(Source { shown, text })
    }

    /// The file read into `T`, and every mistake serde finds on the way, as a compiler
    /// reports them: after each, the entry at fault is set aside and the rest read again,
    /// so that a typo in one key and an unknown channel type further down are reported in one
    /// run. The value comes back when what is left reads; the caller validates it for the
    /// mistakes serde cannot see.
    fn parse<T: DeserializeOwned>(&self) -> (Option<T>, Vec<String>) {
        // Borrowed until a mistake needs an entry set aside: a file that reads is not copied.
        let mut text = std::borrow::Cow::Borrowed(self.text.as_str());
        let mut lines = Vec::new();
        // Keys set aside: a "missing field" naming one is an echo of its own removal.
        let mut removed: Vec<String> = Vec::new();
        for _ in 0..MAX_REPORTED {
            let e = match serde_yaml::from_str::<T>(&text) {
                Ok(value) => return (Some(value), lines),
                Err(e) => e,
            };
            let message = e.to_string();
            let Some(at) = e.location() else {
                lines.push(format!("{}: {message}", self.shown));
                break;
            };
            let echo = removed
                .iter()
                .any(|key| message.contains(&format!("missing field `{key}`")));
            if !echo {
                // serde_yaml appends the position in words; it is shown up front instead.
                let suffix = format!(" at line {} column {}", at.line(), at.column());
                lines.push(format!(
                    "{}:{}:{}: {}",
                    self.shown,
                    at.line(),
                    at.column(),
                    message.replacen(&suffix, "", 1)
                ));
            }
            // The mapping a required key was taken from goes as a whole, from its parent key.
            let line = if echo {
                parent_line(&text, at.line())
            } else {
                Some(at.line())
            };
            match line.and_then(|line| set_aside(text.to_mut(), line)) {
                Some(key) => removed.push(key),
                None => break,
            }
        }
        (None, lines)
    }

    /// Reads the file and validates it, reporting every mistake of both kinds at once.
    fn load<F: DeserializeOwned, T>(
        &self,
        validate: impl FnOnce(F, &mut Problems) -> Option<T>,
    ) -> anyhow::Result<T> {
        let (file, mut lines) = self.parse::<F>();
        if let Some(file) = file {
            let mut problems = Problems::default();
            match validate(file, &mut problems) {
                Some(config) if lines.is_empty() => return Ok(config),
                _ => lines.extend(self.located(problems).lines),
            }
        }
        lines.truncate(MAX_REPORTED);
        Err(ConfigError { lines }.into())
    }

    fn located(&self, problems: Problems) -> ConfigError {
        let at = Locations::index(&self.text);
        let lines = problems
            .items
            .into_iter()
            .map(|(path, message)| match at.find(&path) {
                Some(p) => format!("{}:{}:{}: {path}: {message}", self.shown, p.line, p.column),
                None => format!("{}: {path}: {message}", self.shown),
            })
            .collect();
        ConfigError { lines }
    }
}

/// At most this many mistakes are reported from one file: past it, the rest is likely one
/// mistake's echo.
const MAX_REPORTED: usize = 20;

/// The indentation of a line, counting a list item's `- ` as indentation: where its key starts.
fn indentation(line: &str) -> usize {
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start_matches(' ');
        match trimmed.strip_prefix("- ") {
            Some(after) => rest = after,
            None => return line.len() - trimmed.len(),
        }
    }
}

/// Blanks the entry starting on line `line` (1-based): its key and every line indented deeper
/// after it, keeping line numbers. Returns the key set aside, or None when there is nothing
/// left to take (so the caller stops rather than loop).
fn set_aside(text: &mut String, line: usize) -> Option<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let index = line.checked_sub(1)?;
    let first = lines.get(index)?.clone();
    let start = indentation(&first);
    let entry = first.get(start..)?;
    if entry.trim().is_empty() {
        return None;
    }
    let key = entry
        .split(':')
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    lines[index] = first[..start].to_string();
    for next in lines.iter_mut().skip(index + 1) {
        let trimmed = next.trim_start();
        let raw = next.len() - trimmed.len();
        // Deeper lines are the entry's value; so is a list at the key's own indentation,
        // which YAML allows.
        let inside = trimmed.is_empty()
            || trimmed.starts_with('#')
            || raw > start
            || (raw == start && trimmed.starts_with("- "));
        if !inside {
            break;
        }
        next.clear();
    }
    *text = lines.join("\n");
    Some(key)
}

/// The line of the key whose value holds line `line`: the nearest line above it indented less.
fn parent_line(text: &str, line: usize) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let here = lines
        .iter()
        .skip(line.checked_sub(1)?)
        .find(|l| !l.trim().is_empty())
        .map(|l| indentation(l))?;
    (0..line.checked_sub(1)?)
        .rev()
        .find(|&i| !lines[i].trim().is_empty() && indentation(lines[i]) < here)
        .map(|i| i + 1)
}

/// Where the config lives and whether its file names are shown with the folder.
#[derive(Debug, Clone)]
pub struct ConfigDir {
    pub path: PathBuf,
    /// Found in the current directory: files are shown by their bare names.
    pub is_cwd: bool,
    /// Named by `--config-dir` or `MINDOPS_CONFIG_DIR`, rather than found by looking.
    pub given: bool,
}

impl ConfigDir {
    /// The first of: the folder given (`--config-dir`, `MINDOPS_CONFIG_DIR`); the current
    /// directory when it holds rotation.yaml; `$XDG_CONFIG_HOME/mindops`.
    pub fn discover(
        given: Option<&Path>,
        cwd: &Path,
        config_home: Option<&Path>,
    ) -> anyhow::Result<Self> {
        if let Some(dir) = given {
            if dir.join(ROTATION_FILE).is_file() {
                return Ok(ConfigDir {
                    path: dir.to_path_buf(),
                    is_cwd: false,
                    given: true,
                });
            }
            anyhow::bail!(
                "no {ROTATION_FILE} in {} (given by --config-dir or MINDOPS_CONFIG_DIR); \
                 run `mindops init {}` to write the sample config there",
                dir.display(),
                dir.display()
            );
        }
        if cwd.join(ROTATION_FILE).is_file() {
            return Ok(ConfigDir {
                path: cwd.to_path_buf(),
                is_cwd: true,
                given: false,
            });
        }
        let mut looked = vec![format!("the current directory ({})", cwd.display())];
        if let Some(home) = config_home {
            let dir = home.join("mindops");
            if dir.join(ROTATION_FILE).is_file() {
                return Ok(ConfigDir {
                    path: dir,
                    is_cwd: false,
                    given: false,
                });
            }
            looked.push(dir.display().to_string());
        }
        anyhow::bail!(
            "no {ROTATION_FILE} found; looked in {}. Run `mindops init` to write the sample config, \
             or pass --config-dir DIR",
            looked.join(" and ")
        )
    }

    /// Refuses a config file that someone other than its user could have written, as ssh's
    /// StrictModes does: any file writable by every user; a group-writable one that belongs to
    /// neither the current user nor root; and one that belongs to another user unless its
    /// folder was given by name (`--config-dir`). thresholds.yaml can name commands that
    /// mindops runs, so a config is trusted as git trusts a repository, by who controls it.
    #[cfg(unix)]
    fn trust(&self, path: &Path, meta: &std::fs::Metadata) -> anyhow::Result<()> {
        use std::os::unix::fs::MetadataExt;
        let shown = path.display();
        if meta.mode() & 0o002 != 0 {
            anyhow::bail!(
                "{shown} is writable by every user, and its commands would run as you; \
                 mindops does not use it. Fix it with `chmod o-w {shown}`"
            );
        }
        let me = rustix::process::geteuid().as_raw();
        let ours = meta.uid() == me || meta.uid() == 0;
        if !ours && meta.mode() & 0o020 != 0 {
            anyhow::bail!(
                "{shown} belongs to another user (uid {}) and its group may write it, and its \
                 commands would run as you; mindops does not use it. Its owner can fix it with \
                 `chmod g-w {shown}`",
                meta.uid()
            );
        }
        if !ours && !self.given {
            let found = if self.is_cwd {
                "it is in the current directory"
            } else {
                "it is in your config folder"
            };
            anyhow::bail!(
                "{shown} belongs to another user (uid {}), and mindops found it only because \
                 {found}; its commands would run as you. Run mindops from your own folder, or \
                 pass --config-dir {} if you trust it",
                meta.uid(),
                self.path.display()
            );
        }
        Ok(())
    }

    /// Elsewhere there is no owner or mode to check.
    #[cfg(not(unix))]
    fn trust(&self, _path: &Path, _meta: &std::fs::Metadata) -> anyhow::Result<()> {
        Ok(())
    }

    pub fn load_rotation(&self) -> anyhow::Result<RotationConfig> {
        let source = Source::read(self, ROTATION_FILE)?;
        source.load(|file: rotation::RotationFile, problems| file.validate(problems))
    }

    pub fn load_thresholds(&self, rotation: &Rotation) -> anyhow::Result<Thresholds> {
        let source = Source::read(self, THRESHOLDS_FILE)?;
        source.load(|file: thresholds::ThresholdsFile, problems| file.validate(rotation, problems))
    }
}

/// A value written either as plain text or as a structure (map or list): the structure is
/// deserialized in place, so its own errors keep their message and position.
pub fn text_or<'de, D, T, S>(
    deserializer: D,
    expecting: &'static str,
    text: fn(String) -> T,
    structure: fn(S) -> T,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    S: Deserialize<'de>,
{
    use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
    use serde::de::SeqAccess;

    struct TextOr<T, S> {
        expecting: &'static str,
        text: fn(String) -> T,
        structure: fn(S) -> T,
    }

    impl<'de, T, S: Deserialize<'de>> Visitor<'de> for TextOr<T, S> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.expecting)
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            Ok((self.text)(v.to_string()))
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            S::deserialize(MapAccessDeserializer::new(map)).map(self.structure)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
            S::deserialize(SeqAccessDeserializer::new(seq)).map(self.structure)
        }
    }

    deserializer.deserialize_any(TextOr {
        expecting,
        text,
        structure,
    })
}

/// A YAML mapping read in file order, refusing duplicate keys: severities and metrics are
/// shown in the order the team wrote them.
pub fn ordered_map<'de, D, T>(deserializer: D) -> Result<Vec<(String, T)>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Ordered<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Ordered<T> {
        type Value = Vec<(String, T)>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a mapping of names to entries")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out: Vec<(String, T)> = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.iter().any(|(k, _)| *k == key) {
                    return Err(serde::de::Error::custom(format!(
                        "\"{key}\" is listed twice"
                    )));
                }
                let value = map.next_value()?;
                out.push((key, value));
            }
            Ok(out)
        }
    }

    deserializer.deserialize_map(Ordered(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::expand;

    #[test]
    fn templates_take_variables_defaults_and_dollars() {
        let env = |name: &str| (name == "HOST").then(|| "db.internal".to_string());
        assert_eq!(
            expand("http://${HOST}:${PORT:-9090}/$$x", env).unwrap(),
            "http://db.internal:9090/$x"
        );
        assert_eq!(expand("plain", env).unwrap(), "plain");
        assert_eq!(
            expand("${PORT}", env).unwrap_err(),
            "PORT is not set; set it, or write ${PORT:-DEFAULT} in the config"
        );
        assert!(expand("$HOST", env)
            .unwrap_err()
            .contains("write $$ for a dollar sign"));
        assert!(expand("${HOST", env).unwrap_err().contains("is not closed"));
        assert!(expand("${A-B}", env)
            .unwrap_err()
            .contains("\"A-B\" is not an environment variable's name"));
        // An empty variable counts as unset, so its default applies.
        let empty = |_: &str| Some(String::new());
        assert_eq!(expand("${X:-d}", empty).unwrap(), "d");
    }
}
