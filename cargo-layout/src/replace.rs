//! Writing a fixed file without losing anything: `--fix`'s last step.
//!
//! - **Symlinks**: the path is resolved first, so the real file is rewritten and the link stays
//!   a link.
//! - **An edit made since the scan** (an editor saving, another tool): the file is read again
//!   just before it is replaced, and if it is not byte for byte what was scanned, nothing is
//!   written to it ([`ReplaceError::Changed`]).
//! - **One link** (the usual case): the new text goes to a temporary file in the same
//!   directory (`tempfile`'s `NamedTempFile`, named `.NAME.XXXXXX.cargo-layout.tmp`), with the
//!   original's permissions and, where allowed, its owner, is flushed to disk, and is renamed
//!   over the original: atomic on one file system, so a reader or a crash sees the old file or
//!   the new one, never a mix. Any error before the rename removes the temporary file (on
//!   drop); only a process killed by a signal (no handler is installed) or a power loss in
//!   that window can leave one, and the original is then untouched.
//! - **Several hard links**: a rename would give the other names the old text (a new inode),
//!   so the file is rewritten in place, which keeps its inode. The text is first written and
//!   flushed to a temporary file beside it, so that a full disk or a read-only directory fails
//!   before the original is touched; then the original is rewritten, truncated to the new
//!   length and flushed. This is not atomic: if that write fails midway the old text is written
//!   back, and the error says whether that worked.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// Why a file was not replaced.
#[derive(Debug)]
pub enum ReplaceError {
    /// The file is not what was scanned any more: someone edited it during the run.
    Changed,
    /// An I/O error; the file is as it was.
    Io(io::Error),
    /// An in-place rewrite (a file with several hard links) failed midway; `restored` says
    /// whether the old text could be written back.
    InPlace {
        /// The write's error.
        error: io::Error,
        /// Whether the file holds its old text again.
        restored: bool,
    },
}

impl std::fmt::Display for ReplaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReplaceError::Changed => write!(
                f,
                "not rewritten: the file changed on disk since it was scanned (run again to \
                 fix the new text)"
            ),
            ReplaceError::Io(e) => write!(f, "not rewritten: {e}"),
            ReplaceError::InPlace {
                error,
                restored: true,
            } => write!(
                f,
                "not rewritten: {error} (while rewriting the hard-linked file in place; its \
                 old text was written back)"
            ),
            ReplaceError::InPlace {
                error,
                restored: false,
            } => write!(
                f,
                "rewriting the hard-linked file in place failed ({error}) and its old text \
                 could not be written back: the file may be truncated; restore it from \
                 version control"
            ),
        }
    }
}

impl From<io::Error> for ReplaceError {
    fn from(e: io::Error) -> Self {
        ReplaceError::Io(e)
    }
}

/// Replaces the contents of `path` (after symlinks) with `new`, provided it still holds exactly
/// `scanned`. Returns the real path written.
pub fn replace(path: &Path, scanned: &str, new: &str) -> Result<PathBuf, ReplaceError> {
    let real = path.canonicalize()?;
    let meta = std::fs::metadata(&real)?;
    unchanged(&real, scanned)?;
    let dir = real.parent().unwrap_or(Path::new("."));
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The temporary file: the new text, flushed, with the original's permissions and owner.
    let prefix = format!(".{name}.");
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".cargo-layout.tmp")
        .tempfile_in(dir)?;
    tmp.write_all(new.as_bytes())?;
    tmp.as_file().set_permissions(meta.permissions())?;
    keep_owner(tmp.as_file(), &meta);
    tmp.as_file().sync_all()?;
    if links(&meta) > 1 {
        return in_place(&real, scanned, new, tmp);
    }
    // The last look before the rename.
    unchanged(&real, scanned)?;
    tmp.persist(&real).map_err(|e| ReplaceError::Io(e.error))?;
    sync_dir(dir);
    Ok(real)
}

/// Rewrites a hard-linked file in its own inode. `tmp` (already holding `new`) is removed when
/// it is dropped, on every path.
fn in_place(
    real: &Path,
    scanned: &str,
    new: &str,
    tmp: NamedTempFile,
) -> Result<PathBuf, ReplaceError> {
    let mut file = OpenOptions::new().read(true).write(true).open(real)?;
    // The last look, through the handle that is written.
    let mut now = Vec::new();
    io::Read::read_to_end(&mut file, &mut now)?;
    if now != scanned.as_bytes() {
        return Err(ReplaceError::Changed);
    }
    let write = |file: &mut File, text: &str| -> io::Result<()> {
        io::Seek::seek(file, io::SeekFrom::Start(0))?;
        file.write_all(text.as_bytes())?;
        file.set_len(text.len() as u64)?;
        file.sync_all()
    };
    let result = match write(&mut file, new) {
        Ok(()) => Ok(real.to_path_buf()),
        Err(error) => Err(ReplaceError::InPlace {
            restored: write(&mut file, scanned).is_ok(),
            error,
        }),
    };
    drop(tmp);
    result
}

/// `Err(Changed)` unless `real` holds exactly `scanned`.
fn unchanged(real: &Path, scanned: &str) -> Result<(), ReplaceError> {
    if std::fs::read(real)? == scanned.as_bytes() {
        Ok(())
    } else {
        Err(ReplaceError::Changed)
    }
}

#[cfg(unix)]
fn links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_: &std::fs::Metadata) -> u64 {
    1
}

/// Gives the temporary file the original's owner and group, where the user may (root, or a
/// group the user is in); otherwise it stays the user's, as any editor's save would.
#[cfg(unix)]
fn keep_owner(file: &File, meta: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &std::fs::Metadata) {}

/// Flushes the directory entry of the rename (best effort: not every system allows it).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(tag: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("cargo-layout-replace-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replaces_an_unchanged_file_and_refuses_a_changed_one() {
        let dir = scratch("changed");
        let f = dir.join("a.rs");
        std::fs::write(&f, "old").unwrap();
        replace(&f, "old", "new").unwrap();
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "new");
        assert!(matches!(
            replace(&f, "old", "newer"),
            Err(ReplaceError::Changed)
        ));
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "new");
        assert_eq!(names(&dir), ["a.rs"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn keeps_symlinks_hard_links_and_permissions() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let dir = scratch("links");
        let real = dir.join("real.rs");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        std::os::unix::fs::symlink("real.rs", dir.join("link.rs")).unwrap();
        assert_eq!(
            replace(&dir.join("link.rs"), "old", "new").unwrap(),
            real.canonicalize().unwrap()
        );
        assert!(
            std::fs::symlink_metadata(dir.join("link.rs"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        assert_eq!(std::fs::metadata(&real).unwrap().mode() & 0o777, 0o640);

        std::fs::hard_link(&real, dir.join("hard.rs")).unwrap();
        let inode = std::fs::metadata(&real).unwrap().ino();
        replace(&real, "new", "newest, and longer").unwrap();
        for name in ["real.rs", "hard.rs"] {
            let m = std::fs::metadata(dir.join(name)).unwrap();
            assert_eq!((m.ino(), m.nlink()), (inode, 2), "{name}");
            assert_eq!(
                std::fs::read_to_string(dir.join(name)).unwrap(),
                "newest, and longer"
            );
        }
        replace(&real, "newest, and longer", "short").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.join("hard.rs")).unwrap(),
            "short"
        );
        assert_eq!(names(&dir), ["hard.rs", "link.rs", "real.rs"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
