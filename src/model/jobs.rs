//! The checks of `jobs` the types cannot state: each job named once and
//! never like an object chartgen names itself, either a Helm hook or a
//! CronJob (never half of each), and what it says valid. A CronJob's
//! schedule and time zone are checked here for the chart's own as well.

use super::cron;
use super::spec::JobSpec;
use crate::schema::Violation;

type Checked = Result<(), Violation>;

/// The suffixes chartgen gives objects of its own (`<fullname>-<suffix>`),
/// and what each names. A job is `<fullname>-<job>` and its pods carry the
/// job's name as their `app.kubernetes.io/component`, so a job named like
/// one of these would share its name or its labels.
pub const RESERVED_NAMES: &[(&str, &str)] = &[
    ("test", "the `helm test` pod"),
    (
        "hooks",
        "the copies of the settings, secrets and ServiceAccount the hook jobs read",
    ),
    ("jobs", "the NetworkPolicy of the chart's job and test pods"),
    ("external", "the ExternalSecret and the Secret it writes"),
    (
        "external-hook",
        "the hook jobs' ExternalSecret and the Secret it writes",
    ),
    ("headless", "a StatefulSet's headless Service"),
    (
        "manual",
        "the run of a `cronjob` chart that its NOTES start by hand",
    ),
];

/// Checks every job, naming the first key that is wrong.
pub fn check(jobs: &[JobSpec]) -> Checked {
    for (i, job) in jobs.iter().enumerate() {
        let at = |key: &str| vec!["jobs".to_owned(), i.to_string(), key.to_owned()];
        let name = &job.name.0;
        if jobs[..i].iter().any(|other| other.name == job.name) {
            return fail(
                at("name"),
                format!("a job named `{name}` is declared twice"),
                "give each job its own name",
            );
        }
        if let Some((_, what)) = RESERVED_NAMES.iter().find(|(r, _)| r == name) {
            return fail(
                at("name"),
                format!(
                    "`{name}` is a name chartgen gives {what} (`<fullname>-{name}`); a job named so would share its name or its labels"
                ),
                "name the job after what it does, e.g. `migrate` or `seed`",
            );
        }
        match &job.schedule {
            Some(schedule) => {
                for (key, given) in [
                    ("hook", job.hook.is_some()),
                    ("weight", job.weight.is_some()),
                ] {
                    if given {
                        return fail(
                            at(key),
                            format!("job `{name}` has a `schedule`, so it runs as a CronJob, not as a Helm hook"),
                            &format!("remove `{key}`, or remove `schedule` to run the job as a hook"),
                        );
                    }
                }
                let base = [String::from("jobs"), i.to_string()];
                check_schedule(&base, Some(schedule), job.time_zone.as_deref())?;
            }
            None => {
                hook_events(job, &at)?;
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
                    return fail(
                        at(key),
                        format!("`{key}` applies to a scheduled job, and job `{name}` has no `schedule`"),
                        "add `schedule: \"0 3 * * *\"` (a CronJob), or remove the key (a Helm hook)",
                    );
                }
            }
        }
    }
    Ok(())
}

/// A hook's events: at least one, each once.
fn hook_events(job: &JobSpec, at: &dyn Fn(&str) -> Vec<String>) -> Checked {
    let Some(events) = &job.hook else {
        return Ok(());
    };
    if events.is_empty() {
        return fail(
            at("hook"),
            "the list of hook events is empty, so Helm would never run the job".into(),
            "name when it runs, e.g. `hook: [pre-install, pre-upgrade]` (the default when `hook` is left out)",
        );
    }
    for (n, event) in events.iter().enumerate() {
        if events[..n].contains(event) {
            let mut path = at("hook");
            path.push(n.to_string());
            return fail(
                path,
                "this hook event is listed twice, so Helm would run the job twice on it".into(),
                "list each event once",
            );
        }
    }
    Ok(())
}

/// A CronJob's `schedule` and `timeZone`, under the key path `base`: empty
/// for a `cronjob` chart's own, `jobs.N` for a scheduled job's.
pub fn check_schedule(base: &[String], schedule: Option<&str>, zone: Option<&str>) -> Checked {
    let at = |key: &str| {
        let mut path = base.to_vec();
        path.push(key.to_owned());
        path
    };
    if let Some(schedule) = schedule {
        cron::check(schedule).map_err(|m| {
            Violation::new(
                at("schedule"),
                format!("`{schedule}` is not a cron schedule: {m}"),
                Some("five fields: minute hour day-of-month month day-of-week, e.g. `0 3 * * *`, or `@daily`".into()),
            )
        })?;
    }
    if let Some(zone) = zone {
        cron::check_time_zone(zone).map_err(|m| {
            Violation::new(
                at("timeZone"),
                m,
                Some("e.g. `UTC` or `Europe/Berlin`".into()),
            )
        })?;
    }
    Ok(())
}

fn fail(path: Vec<String>, message: String, hint: &str) -> Checked {
    Err(Violation::new(path, message, Some(hint.to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::types::TIME_ZONE_PATTERN;

    fn job(yaml: &str) -> JobSpec {
        serde_yaml::from_str(yaml).unwrap()
    }

    fn err(yaml: &str) -> Violation {
        check(&[job(yaml)]).unwrap_err()
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
        assert_eq!(
            err("{name: a, command: [x], schedule: '0 3 * * *', hook: [pre-install]}").path,
            ["jobs", "0", "hook"]
        );
        assert_eq!(
            err("{name: a, command: [x], schedule: '0 3 * * *', weight: 1}").path,
            ["jobs", "0", "weight"]
        );
        assert_eq!(
            err("{name: a, command: [x], timeZone: UTC}").path,
            ["jobs", "0", "timeZone"]
        );
        let bad_hour = err("{name: a, command: [x], schedule: '0 25 * * *'}");
        assert_eq!(bad_hour.path, ["jobs", "0", "schedule"]);
        assert!(bad_hour.message.contains("hour"));
        let bad_zone = err("{name: a, command: [x], schedule: '@daily', timeZone: /x}");
        assert_eq!(bad_zone.path, ["jobs", "0", "timeZone"]);
        assert!(bad_zone.message.contains("IANA"));
    }

    #[test]
    fn the_chart_s_own_schedule_is_checked_at_the_top() {
        let v = check_schedule(&[], Some("0 3 * *"), None).unwrap_err();
        assert_eq!(v.path, ["schedule"]);
        let v = check_schedule(&[], Some("@daily"), Some("Europe//Berlin")).unwrap_err();
        assert_eq!(v.path, ["timeZone"]);
    }

    #[test]
    fn names_chartgen_gives_its_own_objects_are_refused() {
        for (name, _) in RESERVED_NAMES {
            let v = err(&format!("{{name: {name}, command: [x]}}"));
            assert_eq!(v.path, ["jobs", "0", "name"], "{name}");
            assert!(v.message.contains(&format!("-{name}`")), "{}", v.message);
        }
        let twice = check(&[
            job("{name: a, command: [x]}"),
            job("{name: a, command: [y]}"),
        ]);
        assert_eq!(twice.unwrap_err().path, ["jobs", "1", "name"]);
    }

    #[test]
    fn hook_events_are_given_once_each() {
        assert_eq!(
            err("{name: a, command: [x], hook: []}").path,
            ["jobs", "0", "hook"]
        );
        assert_eq!(
            err("{name: a, command: [x], hook: [pre-install, pre-install]}").path,
            ["jobs", "0", "hook", "1"]
        );
    }

    /// The values schema states the input's time-zone check as a pattern
    /// (which also admits the empty default): the two agree.
    #[test]
    fn the_time_zone_pattern_mirrors_the_check() {
        let pattern = regex::Regex::new(TIME_ZONE_PATTERN).unwrap();
        for zone in [
            "UTC",
            "Europe/Berlin",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+5",
            "/x",
            "x/",
            "Europe//Berlin",
            "Europe/Berlin ",
            "Ünter",
            "a.b",
        ] {
            assert_eq!(
                pattern.is_match(zone),
                cron::check_time_zone(zone).is_ok(),
                "{zone:?}"
            );
        }
        assert!(pattern.is_match(""), "the controller's own zone");
    }
}
