//! Integration tests: one binary keeps link time down.
