//! Rules of the `wiring` group.

use crate::lint::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[];
