//! Rules on what every workload needs: pinned images, resources, probes,
//! and pods that run to completion when they should.

pub(super) mod image_tag;
pub(super) mod job_sidecar;
pub(super) mod probes;
pub(super) mod prod_pin;
pub(super) mod resources;
pub(super) mod values_refused;
