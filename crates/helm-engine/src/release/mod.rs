//! A rendered chart as a release, and what `helm template` prints of it:
//! documents split and sorted into manifests and hooks in install order,
//! CRDs, `--show-only`, `--output-dir` (Helm's `pkg/release/v1/util`,
//! `pkg/action/action.go` `renderResources`, `pkg/cmd/template.go`).
//!
//! The input is the engine's [`crate::Rendered`] map (template path →
//! text), whichever engine produced it.

pub mod manifest;
pub mod output;
pub mod sort;
