//! `mindops init [DIR]`: the sample config, written only where nothing would be overwritten.

use anyhow::{Context as _, Result};

use crate::cli::InitArgs;
use crate::config::{ROTATION_FILE, SAMPLE_ROTATION, SAMPLE_THRESHOLDS, THRESHOLDS_FILE};
use crate::exit;
use crate::util::output::note;

pub fn run(args: InitArgs) -> Result<u8> {
    let dir = match args.dir {
        Some(dir) => dir,
        None => super::context::config_home()
            .context("cannot tell where to write the config: give a folder, or set XDG_CONFIG_HOME or HOME")?
            .join("mindops"),
    };
    let files = [
        (ROTATION_FILE, SAMPLE_ROTATION),
        (THRESHOLDS_FILE, SAMPLE_THRESHOLDS),
    ];
    let existing: Vec<String> = files
        .iter()
        .map(|(name, _)| dir.join(name))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        anyhow::bail!(
            "{} already {}; nothing was written. Move {} away first to start from the sample",
            existing.join(" and "),
            if existing.len() == 1 {
                "exists"
            } else {
                "exist"
            },
            if existing.len() == 1 { "it" } else { "them" }
        );
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (name, text) in files {
        let path = dir.join(name);
        // create_new: a file appearing since the check above is still not overwritten.
        // rotation.yaml holds phone numbers and emails: its owner's eyes only.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(
            &mut options,
            if name == ROTATION_FILE { 0o600 } else { 0o644 },
        );
        options
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    note(format!(
        "wrote {ROTATION_FILE} and {THRESHOLDS_FILE} to {}; edit them, then run `mindops config check`",
        dir.display()
    ));
    Ok(exit::SUCCESS)
}
