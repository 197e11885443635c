//! The compiled view of a crate's type layouts, read from its debug information as `pahole`
//! does.
//!
//! Where `cargo layout` predicts layouts from the source, this crate asks the compiler: it
//! builds the package with cargo (host target, stable Rust, full debug information), reads the
//! DWARF of the artifacts with `gimli` and `object`, and returns every struct, union, enum and
//! tuple of the crate with its size, alignment, field offsets, holes and tail padding, and for
//! enums the tag and each variant's fields. Nothing is printed: [`render::table`] is a plain
//! text rendering for trying it out.
//!
//! ```no_run
//! use layout_dwarf::{BuildOptions, compiled_layouts_with};
//!
//! let options = BuildOptions {
//!     manifest_path: Some("path/to/Cargo.toml".into()),
//!     lib_only: true,
//!     ..BuildOptions::default()
//! };
//! // Paths the build alone may lack (no code uses them): made to appear through a shim.
//! let report = compiled_layouts_with(&options, &["crate::Unused".to_owned()])?;
//! for t in &report.types {
//!     println!("{} is {} bytes, {} of padding", t.name, t.size, t.padding());
//! }
//! for u in &report.unreached {
//!     println!("{}: {:?}", u.path, u.reason);
//! }
//! # Ok::<(), layout_dwarf::Error>(())
//! ```
//!
//! The steps are public too: [`build()`] runs cargo and lists the artifacts, [`Build::read`]
//! reads them, [`shim::reach`] adds the types of given paths, and a [`Collector`] reads any
//! object file, rlib or executable directly.
//!
//! Limits: the DWARF has only the types that code uses (hence the shim) and only
//! instantiations that exist; layouts are those of the host target; on targets where debug
//! information is split into separate files (macOS's default `unpacked`), those files are not
//! read yet.

pub mod build;
mod error;
pub mod model;
pub mod read;
pub mod render;
pub mod shim;

pub use build::{Build, BuildOptions, DebugInfo, Profile, build, compiled_layouts};
pub use error::Error;
pub use model::*;
pub use read::{Collector, Scope};
pub use shim::compiled_layouts_with;
