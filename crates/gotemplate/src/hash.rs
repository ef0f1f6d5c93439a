//! Maps keyed by names (templates, functions, interned identifiers):
//! hashed with foldhash, which is several times faster than std's SipHash
//! on short keys and long template texts alike. Iteration order never
//! shows in output (names are sorted where listed).

/// A `HashMap` with a fast hasher.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
