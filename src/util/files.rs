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
        // The permissions of the file it replaces, never its set-id or sticky bits (a link to
        // a setuid program must not make a setuid file); a new file's as any program's
        // would be, 0666 less the umask.
        let mode = std::fs::metadata(path)
            .map_or_else(|_| 0o666 & !umask(), |m| m.permissions().mode() & 0o777);
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

/// The process's umask. Reading it means setting it, so it is set straight back; mindops
/// creates no file on another thread meanwhile.
#[cfg(unix)]
fn umask() -> u32 {
    use rustix::fs::Mode;
    let old = rustix::process::umask(Mode::from_raw_mode(0o022));
    rustix::process::umask(old);
    old.as_raw_mode()
}

/// [`stage`] and [`Staged::commit`] at once.
pub fn write_atomically(path: &Path, text: &str) -> Result<()> {
    stage(path, text)?.commit()
}

/// Opens `path` for reading only if it is a regular file: a FIFO would hang the reader and a
/// device (`/dev/zero`) would never end. Opened without blocking, so a FIFO is refused rather
/// than waited on; with `no_symlink`, a link in the last component is refused too. The caller
/// gets the open file and what fstat says of it, so checks and reads are of the same file.
pub fn open_regular(
    path: &Path,
    no_symlink: bool,
) -> std::io::Result<(std::fs::File, std::fs::Metadata)> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut flags = rustix::fs::OFlags::NONBLOCK;
        if no_symlink {
            flags |= rustix::fs::OFlags::NOFOLLOW;
        }
        options.custom_flags(flags.bits() as i32);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if no_symlink && e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
            return std::io::Error::other("it is a symbolic link, which is not followed here");
        }
        e
    })?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other("it is not a regular file"));
    }
    Ok((file, meta))
}

/// Reads a small regular file whole (a secret, a token, a CA certificate), refusing one over
/// `limit` bytes: a wrong path must not fill memory.
pub fn read_small(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let (file, _) = open_regular(path, false)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::other(format!(
            "it is larger than {} KiB",
            limit / 1024
        )));
    }
    Ok(bytes)
}

/// The most a secret, token or certificate file may hold.
pub const SMALL_FILE: u64 = 64 * 1024;
