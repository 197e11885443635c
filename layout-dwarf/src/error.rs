//! Errors: each kind of failure is its own variant, so callers can tell them apart.

use std::fmt;
use std::path::PathBuf;

/// Everything that can go wrong while building a crate and reading its debug information.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Cargo could not be run, or `cargo metadata` failed (bad manifest, unknown package, ...).
    Cargo {
        /// The command line, for the message.
        command: String,
        /// What cargo printed on its standard error.
        stderr: String,
    },
    /// The package (or the generated shim) does not compile: the compiler's errors, rendered.
    BuildFailed {
        /// The package that was built.
        package: String,
        /// The compiler's error messages, as rustc renders them.
        errors: Vec<String>,
        /// Cargo's own standard error (its summary and any non-compiler error).
        stderr: String,
    },
    /// The build has no (or not enough) debug information to read layouts from.
    NoDebugInfo {
        /// The package whose artifacts lack it.
        package: String,
        /// The cargo profile used (`dev`, `release`, or a custom one).
        profile: String,
        /// What was found, and the setting to change.
        detail: String,
    },
    /// The package named is not in the workspace or its dependency graph, or is ambiguous.
    Package {
        /// Why.
        message: String,
    },
    /// A file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A file is not an object file, archive or executable that the `object` crate can read.
    Object {
        /// The file (for an archive member: the archive joined with the member's name).
        path: PathBuf,
        /// The parser's message.
        message: String,
    },
    /// The DWARF of a file is malformed or uses something not supported.
    Dwarf {
        /// The file.
        path: PathBuf,
        /// The parser's message.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Cargo { command, stderr } => {
                write!(f, "`{command}` failed")?;
                if !stderr.trim().is_empty() {
                    write!(f, ":\n{}", stderr.trim_end())?;
                }
                Ok(())
            }
            Error::BuildFailed {
                package,
                errors,
                stderr,
            } => {
                write!(f, "package `{package}` does not build")?;
                for error in errors {
                    write!(f, "\n{}", error.trim_end())?;
                }
                if errors.is_empty() && !stderr.trim().is_empty() {
                    write!(f, "\n{}", stderr.trim_end())?;
                }
                Ok(())
            }
            Error::NoDebugInfo {
                package,
                profile,
                detail,
            } => write!(
                f,
                "package `{package}` was built without the debug information needed to read \
                 type layouts (profile `{profile}`): {detail}"
            ),
            Error::Package { message } => f.write_str(message),
            Error::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Error::Object { path, message } => {
                write!(f, "cannot parse {}: {message}", path.display())
            }
            Error::Dwarf { path, message } => {
                write!(f, "bad debug information in {}: {message}", path.display())
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
