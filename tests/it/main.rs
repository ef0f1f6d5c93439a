//! Integration tests: one binary keeps link time down.

mod blueprints;
mod cli;
mod conformance;
mod editor;
mod generate;
mod kube;
mod lint;
mod oracle;
mod package;
mod support;
mod validate;
mod write;
