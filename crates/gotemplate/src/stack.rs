//! Recursion on a growable stack: the parser and executor recurse per
//! nesting level, and a template may nest deeply; before each level the
//! stack is checked and, when short, continued on a fresh segment. Depth
//! bounds (parser and executor) keep the total finite.

/// Stack kept free before recursing; below it a new segment is mapped.
const RED_ZONE: usize = 128 * 1024;
/// Size of each new stack segment.
const SEGMENT: usize = 2 * 1024 * 1024;

/// Runs `f`, on a new stack segment if this one is nearly used up.
pub(crate) fn grow<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}
