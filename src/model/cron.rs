//! Cron schedules as the Kubernetes CronJob controller reads them.

/// Checks a five-field cron expression (or a `@daily`-style macro), saying
/// which field is wrong.
pub fn check(schedule: &str) -> Result<(), String> {
    const MACROS: &[&str] = &[
        "@yearly",
        "@annually",
        "@monthly",
        "@weekly",
        "@daily",
        "@midnight",
        "@hourly",
    ];
    let schedule = schedule.trim();
    if schedule.starts_with('@') {
        return if MACROS.contains(&schedule) {
            Ok(())
        } else {
            Err(format!("unknown macro; use one of {}", MACROS.join(", ")))
        };
    }
    if schedule.starts_with("TZ=") || schedule.starts_with("CRON_TZ=") {
        return Err("set the time zone with `timeZone`, not inside the schedule".into());
    }
    let fields: Vec<&str> = schedule.split_whitespace().collect();
    if fields.len() != 5 {
        return Err(format!("it has {} fields; a schedule has 5", fields.len()));
    }
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const DAYS: &[&str] = &["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    let specs: [(&str, u32, u32, &[&str], u32); 5] = [
        ("minute", 0, 59, &[], 0),
        ("hour", 0, 23, &[], 0),
        ("day of month", 1, 31, &[], 0),
        ("month", 1, 12, MONTHS, 1),
        ("day of week", 0, 7, DAYS, 0),
    ];
    for (field, (what, min, max, names, base)) in fields.iter().zip(specs) {
        check_field(field, min, max, names, base)
            .map_err(|m| format!("the {what} field `{field}` {m} (allowed {min}-{max})"))?;
    }
    Ok(())
}

/// Checks the shape of an IANA time zone name (`UTC`, `Europe/Berlin`).
pub fn check_time_zone(zone: &str) -> Result<(), String> {
    // Mirrors `types::TIME_ZONE_PATTERN`, which also admits the empty default.
    let ok = !zone.is_empty()
        && !zone.starts_with('/')
        && zone.split('/').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_+-".contains(c))
        });
    if ok {
        Ok(())
    } else {
        Err(format!("`{zone}` is not an IANA time zone name"))
    }
}

fn check_field(field: &str, min: u32, max: u32, names: &[&str], base: u32) -> Result<(), String> {
    let value = |text: &str| -> Result<u32, String> {
        if let Some(i) = names.iter().position(|n| n.eq_ignore_ascii_case(text)) {
            return Ok(i as u32 + base);
        }
        let n: u32 = text
            .parse()
            .map_err(|_| format!("has `{text}`, which is not a number"))?;
        if n < min || n > max {
            return Err(format!("has {n}, which is out of range"));
        }
        Ok(n)
    };
    for part in field.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((range, step)) => (range, Some(step)),
            None => (part, None),
        };
        if let Some(step) = step {
            match step.parse::<u32>() {
                Ok(s) if s > 0 => {}
                _ => {
                    return Err(format!(
                        "has the step `{step}`, which is not a positive number"
                    ))
                }
            }
        }
        if range == "*" || range == "?" {
            continue;
        }
        match range.split_once('-') {
            Some((low, high)) => {
                let (low, high) = (value(low)?, value(high)?);
                if low > high {
                    return Err(format!("has the range {low}-{high}, which runs backwards"));
                }
            }
            None => {
                value(range)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn accepts_what_kubernetes_accepts() {
        for ok in [
            "0 3 * * *",
            "*/5 * * * *",
            "0 0 1,15 * mon-fri",
            "30 2 * jan-mar 0",
            "@hourly",
            "0 9-17/2 * * 1-5",
            "0 0 * * 7",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn refuses_with_the_field_named() {
        assert!(check("0 25 * * *").unwrap_err().contains("hour"));
        assert!(check("* * *").unwrap_err().contains("3 fields"));
        assert!(check("*/0 * * * *").unwrap_err().contains("step"));
        assert!(check("0 0 * foo *").unwrap_err().contains("month"));
        assert!(check("@fortnightly").unwrap_err().contains("macro"));
        assert!(check("0 5-2 * * *").unwrap_err().contains("backwards"));
    }
}
