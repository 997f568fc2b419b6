//! Files mindops writes for others to read (Prometheus textfiles, reports): whole or not at
//! all, through a temporary file no one else can have planted.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// A file written beside its destination but not yet in place: dropping it leaves the
/// destination as it was.
pub struct Staged {
    temp: tempfile::NamedTempFile,
    path: PathBuf,
}

/// Writes `text` to a new file in `path`'s folder, created exclusively under a random name (so
/// a link planted in a shared folder is never followed), with the mode of the file it will
/// replace, or 0644 for a new one.
pub fn stage(path: &Path, text: &str) -> Result<Staged> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let shown = path.display();
    let mut temp = tempfile::Builder::new()
        .prefix(".mindops-")
        .suffix(".tmp")
        .tempfile_in(dir)
        // The random name of a file never made means nothing to the reader.
        .map_err(|e| {
            let text = e.to_string();
            let cause = text.split(" at path ").next().unwrap_or_default();
            std::io::Error::new(e.kind(), cause.to_string())
        })
        .with_context(|| {
            format!(
                "cannot write {shown}: cannot create a file in {}",
                dir.display()
            )
        })?;
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {shown}"))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .with_context(|| format!("cannot write {shown}"))?;
    }
    Ok(Staged {
        temp,
        path: path.to_path_buf(),
    })
}

impl Staged {
    /// Puts the file in place, replacing what was there in one step.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        self.temp
            .persist(&path)
            .map(|_| ())
            .with_context(|| format!("cannot write {}", path.display()))
    }
}

/// [`stage`] and [`Staged::commit`] at once.
pub fn write_atomically(path: &Path, text: &str) -> Result<()> {
    stage(path, text)?.commit()
}
