//! The compiled view of a crate's type layouts, read from its debug information as `pahole`
//! does.
mod error;
pub mod model;
pub mod read;

pub use error::Error;
pub use model::*;
pub use read::{Collector, Scope};
