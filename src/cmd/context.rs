//! What every command may need, resolved once from the global flags and the environment: the
//! clock, where config and data live, who is acting, how to print. Config and store are read
//! only by the commands that ask for them.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use chrono_tz::Tz;

use crate::cli::GlobalArgs;
use crate::config::{ConfigDir, RotationConfig, Thresholds};
use crate::ops::incidents::Desk;
use crate::rules::rotation::Rotation;
use crate::store::{Location, Store};
use crate::util::clock::Clock;
use crate::util::output::Style;

pub struct Context {
    pub clock: Clock,
    pub style: Style,
    config_dir: Option<PathBuf>,
    db: Option<PathBuf>,
    tz: Option<Tz>,
}

impl Context {
    pub fn new(global: &GlobalArgs) -> Result<Self> {
        let tz = match &global.tz {
            Some(zone) => Some(crate::util::time::parse_zone(zone).map_err(anyhow::Error::msg)?),
            None => None,
        };
        Ok(Context {
            clock: Clock::from_env()?,
            style: Style::choose(global.color),
            config_dir: global.config_dir.clone(),
            db: global.db.clone(),
            tz,
        })
    }

    pub fn config_dir(&self) -> Result<ConfigDir> {
        let cwd = std::env::current_dir().context("cannot read the current directory")?;
        ConfigDir::discover(self.config_dir.as_deref(), &cwd, config_home().as_deref())
    }

    pub fn rotation(&self) -> Result<RotationConfig> {
        self.config_dir()?.load_rotation()
    }

    /// Both files, checked against each other.
    pub fn config(&self) -> Result<(RotationConfig, Thresholds)> {
        let dir = self.config_dir()?;
        let rotation = dir.load_rotation()?;
        let thresholds = dir.load_thresholds(&rotation.rotation)?;
        crate::config::cross_check(&rotation, &thresholds)?;
        Ok((rotation, thresholds))
    }

    /// `--tz`, else the rotation's zone.
    pub fn zone(&self, rotation: &Rotation) -> Tz {
        self.tz.unwrap_or(rotation.zone)
    }

    /// `--db` (a SQLite path or a `postgres://` URL), else the SQLite file in the data folder.
    pub fn db(&self) -> Result<Location> {
        if let Some(given) = &self.db {
            return Ok(Location::parse(given.clone()));
        }
        let data = env_dir("XDG_DATA_HOME")
            .or_else(|| env_dir("HOME").map(|h| h.join(".local/share")))
            .context("cannot tell where to keep the database: set --db, MINDOPS_DB, XDG_DATA_HOME or HOME")?;
        Ok(Location::Sqlite(data.join("mindops").join("mindops.db")))
    }

    /// The store, created when missing: for commands that write.
    pub fn store(&self) -> Result<Store> {
        Store::open(&self.db()?)
    }

    /// The config, the store and the clock, ready for a change to an incident (and for the
    /// messages it sends).
    pub fn desk(&self) -> Result<Desk> {
        let (rotation, thresholds) = self.config()?;
        self.desk_with(rotation, thresholds)
    }

    /// [`Context::desk`] for config already loaded (and checked).
    pub fn desk_with(&self, rotation: RotationConfig, thresholds: Thresholds) -> Result<Desk> {
        let zone = self.zone(&rotation.rotation);
        Desk::new(rotation, thresholds, self.store()?, self.clock.now(), zone)
    }

    /// The store for commands that only read: an empty one when no database exists yet, so
    /// that reading never creates a file.
    pub fn existing_store(&self) -> Result<Store> {
        Store::open_existing(&self.db()?)
    }

    /// Who is acting: `--by`, else `MINDOPS_USER`, else `USER`.
    pub fn actor(&self, by: Option<&str>) -> String {
        by.map(str::to_string)
            .filter(|s| !s.trim().is_empty())
            .or_else(|| std::env::var("MINDOPS_USER").ok().filter(|s| !s.is_empty()))
            .or_else(|| std::env::var("USER").ok().filter(|s| !s.is_empty()))
            .unwrap_or_else(|| "unknown".into())
    }
}

/// `$XDG_CONFIG_HOME`, else `~/.config`.
pub fn config_home() -> Option<PathBuf> {
    env_dir("XDG_CONFIG_HOME").or_else(|| env_dir("HOME").map(|h| h.join(".config")))
}

/// An environment variable naming a folder; XDG says relative paths are to be ignored.
fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}
