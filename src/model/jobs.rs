//! The checks of `jobs` the types cannot state: a job is either a Helm hook
//! or a CronJob, never half of each, and what it says is valid.

use super::cron;
use super::spec::JobSpec;

/// A rule broken: key path, what is wrong, how to fix it.
pub type Violation = (Vec<String>, String, Option<String>);

/// Checks every job, naming the first key that is wrong.
pub fn check(jobs: &[JobSpec]) -> Result<(), Violation> {
    for (i, job) in jobs.iter().enumerate() {
        let at = |key: &str| vec!["jobs".to_owned(), i.to_string(), key.to_owned()];
        match &job.schedule {
            Some(schedule) => {
                cron::check(schedule).map_err(|m| {
                    (
                        at("schedule"),
                        format!("`{schedule}` is not a cron schedule: {m}"),
                        Some("five fields: minute hour day-of-month month day-of-week, e.g. `0 3 * * *`, or `@daily`".into()),
                    )
                })?;
                for (key, given) in [
                    ("hook", job.hook.is_some()),
                    ("weight", job.weight.is_some()),
                ] {
                    if given {
                        return Err((
                            at(key),
                            format!("job `{}` has a `schedule`, so it runs as a CronJob, not as a Helm hook", job.name.0),
                            Some(format!("remove `{key}`, or remove `schedule` to run the job as a hook")),
                        ));
                    }
                }
                if let Some(zone) = &job.time_zone {
                    cron::check_time_zone(zone).map_err(|m| {
                        (
                            at("timeZone"),
                            m,
                            Some("e.g. `UTC` or `Europe/Berlin`".into()),
                        )
                    })?;
                }
            }
            None => {
                let scheduled = [
                    ("timeZone", job.time_zone.is_some()),
                    ("concurrencyPolicy", job.concurrency_policy.is_some()),
                    (
                        "successfulJobsHistoryLimit",
                        job.successful_jobs_history_limit.is_some(),
                    ),
                    (
                        "failedJobsHistoryLimit",
                        job.failed_jobs_history_limit.is_some(),
                    ),
                    ("suspend", job.suspend.is_some()),
                ];
                if let Some((key, _)) = scheduled.iter().find(|(_, given)| *given) {
                    return Err((
                        at(key),
                        format!("`{key}` applies to a scheduled job, and job `{}` has no `schedule`", job.name.0),
                        Some("add `schedule: \"0 3 * * *\"` (a CronJob), or remove the key (a Helm hook)".into()),
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(yaml: &str) -> JobSpec {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn a_job_is_a_hook_or_scheduled() {
        assert_eq!(check(&[job("{name: a, command: [x]}")]), Ok(()));
        assert_eq!(
            check(&[job(
                "{name: a, command: [x], schedule: '@daily', timeZone: UTC, suspend: true}"
            )]),
            Ok(())
        );
        let err = |yaml: &str| check(&[job(yaml)]).unwrap_err();
        assert_eq!(
            err("{name: a, command: [x], schedule: '0 3 * * *', hook: [pre-install]}").0,
            ["jobs", "0", "hook"]
        );
        assert_eq!(
            err("{name: a, command: [x], schedule: '0 3 * * *', weight: 1}").0,
            ["jobs", "0", "weight"]
        );
        assert_eq!(
            err("{name: a, command: [x], timeZone: UTC}").0,
            ["jobs", "0", "timeZone"]
        );
        assert!(err("{name: a, command: [x], schedule: '0 25 * * *'}")
            .1
            .contains("hour"));
        assert!(
            err("{name: a, command: [x], schedule: '@daily', timeZone: /x}")
                .1
                .contains("IANA")
        );
    }
}
