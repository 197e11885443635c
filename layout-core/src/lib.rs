//! The struct layout engine behind `#[derive(Layout)]`.
//!
//! Given a struct's fields and `#[repr]`, it computes the exact layout rustc gives it on any of
//! rustc's built-in targets: every field's offset, size and alignment, each padding hole, the
//! minimum size any order could reach, cache-line use, and the order that reaches that minimum
//! while moving the fewest fields. The computation is `no_std` and `const`; reports and
//! suggestions need the `alloc` feature (on by default through `std`).
#![no_std]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod engine;
mod model;

pub use engine::*;
pub use model::{Model, Niche};
