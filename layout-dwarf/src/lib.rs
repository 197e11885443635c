//! The compiled view of a crate's type layouts, read from its debug information as `pahole`
//! does.
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
