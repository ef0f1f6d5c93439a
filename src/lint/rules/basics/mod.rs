//! Rules on what every workload needs: pinned images, resources, probes,
//! and pods that run to completion when they should.

mod image_tag;
mod job_sidecar;
mod probes;
mod prod_pin;
mod resources;

use crate::lint::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &image_tag::RULE,
    &resources::RULE,
    &probes::RULE,
    &prod_pin::RULE,
    &job_sidecar::RULE,
];
