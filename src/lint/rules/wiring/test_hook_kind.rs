use crate::lint::{rule, Code, Manifest, Report};

use super::named;

rule! {
    /// ## What it does
    /// Flags a `helm test` hook (`helm.sh/hook: test`, or the older
    /// `test-success`) that is not a Pod: a Job, say.
    ///
    /// ## Why it matters
    /// `helm test --logs` prints the logs of the pod named like each test
    /// hook (Helm's `ReleaseTesting.GetPodLogs` asks for the pod of the
    /// hook's own name, whatever its kind). A Job's pods carry a generated
    /// suffix, so `helm test --logs` fails with "unable to get pod logs"
    /// even when the test passed, and a failed test shows nothing of why.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod            # not a Job
    /// metadata:
    ///   name: {{ include "web.fullname" . }}-test
    ///   annotations:
    ///     helm.sh/hook: test
    /// spec:
    ///   restartPolicy: Never
    ///   activeDeadlineSeconds: 120   # a Pod has a deadline too
    /// ```
    RULE = Code::TEST_HOOK_NOT_A_POD, "test-hook-not-a-pod", Warning, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for m in manifests {
        let events = m
            .at(&["metadata", "annotations", "helm.sh/hook"])
            .as_str()
            .unwrap_or("");
        let test = events
            .split(',')
            .map(str::trim)
            .any(|e| e == "test" || e == "test-success");
        if test && m.kind() != "Pod" {
            report.object(
                m,
                "kind",
                format!(
                    "{} is a `helm test` hook, but `helm test --logs` reads only the pod named like the hook, so it fails for a {}",
                    named(m),
                    m.kind()
                ),
                "make the test a Pod with `restartPolicy: Never` (and `activeDeadlineSeconds` for a deadline)",
            );
        }
    }
}
