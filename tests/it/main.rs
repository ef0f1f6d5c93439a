//! Integration tests: one binary keeps link time down.
#![allow(clippy::result_large_err)] // chartgen::Error, as the library returns it.

mod architecture;
mod blueprints;
mod cli;
mod conformance;
mod corpus;
mod editor;
mod generate;
mod kube;
mod lint;
mod lint_chart;
mod lint_corpus;
mod mutations;
mod oracle;
mod package;
mod scanner;
mod support;
mod template;
mod validate;
mod values_yaml;
mod write;
