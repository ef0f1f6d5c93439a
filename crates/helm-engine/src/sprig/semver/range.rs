//! What a constraint admits, reasoned on its parsed form: the lowest version
//! it lets through, found without trying candidate versions.
//!
//! Each term of an AND group admits a union of intervals of the version
//! order (Masterminds' rules for wildcards, `~`, `^` and `!=` included), and
//! a group admits prereleases only when it mentions one. The lowest version
//! a group admits is found by leapfrogging: every term in turn moves a
//! candidate up to the lowest version it admits at or above it, until all
//! terms admit the candidate. A candidate only ever passes versions some term
//! refuses, so where it stops is the group's minimum.

use std::cmp::Ordering;

use super::{parse_constraints, Constraint, Constraints, Version};

/// A Masterminds/semver constraint, such as Chart.yaml's `kubeVersion`,
/// parsed as Helm parses it.
pub struct VersionRange(Constraints);

/// A version the way [`VersionRange::lowest`] reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LowestVersion {
    /// Major version.
    pub major: u64,
    /// Minor version.
    pub minor: u64,
    /// Patch version.
    pub patch: u64,
    /// Prerelease, empty for a release.
    pub pre: String,
}

impl std::fmt::Display for LowestVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        if !self.pre.is_empty() {
            write!(f, "-{}", self.pre)?;
        }
        Ok(())
    }
}

impl VersionRange {
    /// Parses a constraint; the error is Masterminds' own message.
    pub fn parse(text: &str) -> Result<VersionRange, String> {
        parse_constraints(text).map(VersionRange)
    }

    /// Whether `version` satisfies the constraint (`semverCompare`); an
    /// unparsable version satisfies nothing.
    pub fn admits(&self, version: &str) -> bool {
        super::parse(version).is_ok_and(|v| self.0.check(&v))
    }

    /// The lowest version the constraint admits, or `None` when it admits
    /// none. A group too tangled to settle within a generous number of steps
    /// reports how far it got, which is never above its true minimum.
    pub fn lowest(&self) -> Option<LowestVersion> {
        self.0
            .groups
            .iter()
            .filter_map(|(terms, has_pre)| group_lowest(terms, *has_pre))
            .min_by(|a, b| a.compare(b))
            .map(|v| LowestVersion {
                major: v.major,
                minor: v.minor,
                patch: v.patch,
                pre: v.pre,
            })
    }
}

/// Steps after which a group's search gives up (and reports a lower bound).
const MAX_STEPS: usize = 10_000;

fn group_lowest(terms: &[Constraint], include_pre: bool) -> Option<Version> {
    let mut at = version(0, 0, 0, if include_pre { "0" } else { "" });
    for _ in 0..MAX_STEPS {
        let mut moved = false;
        for term in terms {
            let next = term.next_admitted(&at, include_pre)?;
            if next.compare(&at) != Ordering::Equal {
                at = next;
                moved = true;
            }
        }
        if !moved {
            return Some(at);
        }
    }
    Some(at)
}

fn version(major: u64, minor: u64, patch: u64, pre: &str) -> Version {
    Version {
        major,
        minor,
        patch,
        pre: pre.to_owned(),
        metadata: String::new(),
        original: String::new(),
    }
}

/// The lowest version with this major, minor and patch: `M.m.p-0`.
fn floor(major: u64, minor: u64, patch: u64) -> Version {
    version(major, minor, patch, "0")
}

/// The version right after `v`: `v-pre.0` for a prerelease (nothing sorts
/// between the two), else the next patch's lowest prerelease.
fn successor(v: &Version) -> Option<Version> {
    if !v.pre.is_empty() {
        return Some(version(v.major, v.minor, v.patch, &format!("{}.0", v.pre)));
    }
    next_core(v.major, v.minor, v.patch)
}

/// The lowest version above every `M.m.p…`.
fn next_core(major: u64, minor: u64, patch: u64) -> Option<Version> {
    match (
        patch.checked_add(1),
        minor.checked_add(1),
        major.checked_add(1),
    ) {
        (Some(p), _, _) => Some(floor(major, minor, p)),
        (None, Some(m), _) => Some(floor(major, m, 0)),
        (None, None, Some(big)) => Some(floor(big, 0, 0)),
        (None, None, None) => None,
    }
}

/// The lowest release at or above `v` (a prerelease sorts below its release).
fn release_at_or_above(v: Version) -> Version {
    version(v.major, v.minor, v.patch, "")
}

/// One end of an interval.
#[derive(Clone)]
enum Bound {
    Unbounded,
    Inclusive(Version),
    Exclusive(Version),
}

/// An interval of the version order.
struct Interval {
    from: Bound,
    to: Bound,
}

fn interval(from: Bound, to: Bound) -> Interval {
    Interval { from, to }
}

/// The upper end below `next`, which may lie beyond the last version.
fn below(next: Option<Version>) -> Bound {
    next.map_or(Bound::Unbounded, Bound::Exclusive)
}

impl Interval {
    /// The lowest version of the interval at or above `at`, counting only
    /// releases unless `include_pre`.
    fn lowest_from(&self, at: &Version, include_pre: bool) -> Option<Version> {
        let mut candidate = match &self.from {
            Bound::Unbounded => at.clone(),
            Bound::Inclusive(from) => max(at, from),
            Bound::Exclusive(from) if at.compare(from) == Ordering::Greater => at.clone(),
            Bound::Exclusive(from) => successor(from)?,
        };
        if !include_pre && !candidate.pre.is_empty() {
            candidate = release_at_or_above(candidate);
        }
        let inside = match &self.to {
            Bound::Unbounded => true,
            Bound::Inclusive(to) => candidate.compare(to) != Ordering::Greater,
            Bound::Exclusive(to) => candidate.compare(to) == Ordering::Less,
        };
        inside.then_some(candidate)
    }
}

fn max(a: &Version, b: &Version) -> Version {
    if a.compare(b) == Ordering::Less {
        b.clone()
    } else {
        a.clone()
    }
}

/// What one term admits, before the prerelease rule.
enum Admits {
    /// A union of intervals, in order.
    Intervals(Vec<Interval>),
    /// `!= M.m.x-pre`: everything except, within minor `M.m`, the versions
    /// whose prerelease equals `pre` (all releases when it is empty).
    AllButPrerelease { major: u64, minor: u64, pre: String },
}

impl Constraint {
    /// The versions this term admits, from `Constraint::check`'s rules.
    fn admits(&self) -> Admits {
        use Bound::{Exclusive, Inclusive, Unbounded};
        let c = &self.con;
        let (major, minor) = (c.major, c.minor);
        let major_above = major.checked_add(1).map(|m| floor(m, 0, 0));
        // Past the last minor of a major comes the next major.
        let minor_above = minor
            .checked_add(1)
            .map(|m| floor(major, m, 0))
            .or_else(|| major_above.clone());
        let next_major = || below(major_above.clone());
        let next_minor = || below(minor_above.clone());
        // From a floor on: nothing when the floor lies beyond the last version.
        let from = |floor: &Option<Version>| {
            floor
                .iter()
                .map(|v| interval(Inclusive(v.clone()), Unbounded))
                .collect::<Vec<_>>()
        };
        let all_but = |v: &Version| {
            vec![
                interval(Unbounded, Exclusive(v.clone())),
                interval(Exclusive(v.clone()), Unbounded),
            ]
        };
        let tilde = || {
            let zero = c.major == 0 && c.minor == 0 && c.patch == 0;
            let to = if zero && !self.minor_dirty && !self.patch_dirty {
                Unbounded
            } else if self.minor_dirty {
                next_major()
            } else {
                next_minor()
            };
            vec![interval(Inclusive(c.clone()), to)]
        };
        let intervals = match self.op.as_str() {
            "" | "=" if self.dirty => tilde(),
            "" | "=" => vec![interval(Inclusive(c.clone()), Inclusive(c.clone()))],
            "!=" if self.minor_dirty => {
                let mut both = vec![interval(Unbounded, Exclusive(floor(major, 0, 0)))];
                both.extend(from(&major_above));
                both
            }
            "!=" if self.patch_dirty => {
                return Admits::AllButPrerelease {
                    major,
                    minor,
                    pre: c.pre.clone(),
                }
            }
            "!=" => all_but(c),
            ">" if self.minor_dirty => from(&major_above),
            ">" if self.patch_dirty => from(&minor_above),
            ">" => vec![interval(Exclusive(c.clone()), Unbounded)],
            "<" => vec![interval(Unbounded, Exclusive(c.clone()))],
            ">=" | "=>" => vec![interval(Inclusive(c.clone()), Unbounded)],
            "<=" | "=<" if self.minor_dirty => vec![interval(Unbounded, next_major())],
            "<=" | "=<" if self.dirty => vec![interval(Unbounded, next_minor())],
            "<=" | "=<" => vec![interval(Unbounded, Inclusive(c.clone()))],
            "~" | "~>" => tilde(),
            "^" => {
                let to = if c.major > 0 || self.minor_dirty {
                    next_major()
                } else if c.minor > 0 || self.patch_dirty {
                    next_minor()
                } else {
                    below(next_core(0, 0, c.patch))
                };
                vec![interval(Inclusive(c.clone()), to)]
            }
            _ => Vec::new(),
        };
        Admits::Intervals(intervals)
    }

    /// The lowest version at or above `at` this term admits.
    fn next_admitted(&self, at: &Version, include_pre: bool) -> Option<Version> {
        match self.admits() {
            Admits::Intervals(intervals) => intervals
                .iter()
                .find_map(|i| i.lowest_from(at, include_pre)),
            Admits::AllButPrerelease { major, minor, pre } => {
                if at.major != major || at.minor != minor || at.pre != pre {
                    return Some(at.clone());
                }
                if include_pre {
                    successor(at)
                } else {
                    // Every release of the minor is refused.
                    let next = minor
                        .checked_add(1)
                        .map(|m| version(major, m, 0, ""))
                        .or_else(|| major.checked_add(1).map(|m| version(m, 0, 0, "")))?;
                    Some(next)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowest(text: &str) -> Option<String> {
        VersionRange::parse(text)
            .unwrap()
            .lowest()
            .map(|v| v.to_string())
    }

    #[test]
    fn lowest_versions_of_common_ranges() {
        let cases = [
            (">=1.29.0-0", Some("1.29.0-0")),
            ("^1.30.0", Some("1.30.0")),
            (">= 1.30", Some("1.30.0")),
            ("1.29.x", Some("1.29.0")),
            ("~1.30", Some("1.30.0")),
            (">=1.29.0-0 <1.40", Some("1.29.0-0")),
            (">=1.30 || 1.28.x", Some("1.28.0")),
            (">1.28", Some("1.29.0")),
            (">1.28.x-0", Some("1.29.0-0")),
            ("*", Some("0.0.0")),
            ("<1.20", Some("0.0.0")),
            ("!=1.0.0", Some("0.0.0")),
            (">=1.30 <1.20", None),
            ("1.2.3", Some("1.2.3")),
            (">=1.2.3 !=1.2.3", Some("1.2.4")),
            (">=1.2.3-0 !=1.2.3-0", Some("1.2.3-0.0")),
            (">=1.2.0 !=1.2.x", Some("1.3.0")),
            (">=1.2.0-0 !=1.2.x", Some("1.2.0-0")),
            (">=1.0.0 !=1.x", Some("2.0.0")),
            ("1.2.3 - 1.4.5", Some("1.2.3")),
            ("^0.0.3", Some("0.0.3")),
            // The last minor of a major ends where the next major starts.
            ("1.0.x 0.18446744073709551615.x", None),
            ("~0.18446744073709551615", Some("0.18446744073709551615.0")),
        ];
        for (text, want) in cases {
            assert_eq!(lowest(text).as_deref(), want, "{text}");
        }
    }

    /// SplitMix64, for reproducible random constraints: the integration
    /// tests' generator (`tests/it/support.rs`), which unit tests cannot
    /// reach without making it part of the library.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn random_version(rng: &mut Rng, wildcards: bool) -> String {
        let part = |rng: &mut Rng| match rng.below(20) {
            0..=2 if wildcards => "x".to_owned(),
            // The largest segment there is, where counting on overflows.
            3 => u64::MAX.to_string(),
            _ => rng.below(4).to_string(),
        };
        let mut text = part(rng);
        for _ in 0..rng.below(3) {
            text = format!("{text}.{}", part(rng));
        }
        match rng.below(5) {
            0 => text + "-0",
            1 => text + "-alpha",
            2 => text + "-0.1",
            _ => text,
        }
    }

    /// Every version on a small grid, prereleases included: the lowest
    /// version found is admitted, and nothing on the grid below it is.
    #[test]
    fn lowest_agrees_with_check_on_random_constraints() {
        let ops = [
            "", "=", "!=", ">", "<", ">=", "<=", "~", "^", "=>", "=<", "~>",
        ];
        let mut grid = Vec::new();
        for major in 0..4 {
            for minor in 0..4 {
                for patch in 0..4 {
                    for pre in ["", "-0", "-0.0", "-0.1", "-alpha", "-alpha.0"] {
                        let text = format!("{major}.{minor}.{patch}{pre}");
                        grid.push(super::super::parse(&text).unwrap());
                    }
                }
            }
        }
        let mut rng = Rng(29);
        let mut parsed = 0;
        for _ in 0..5000 {
            let mut groups = Vec::new();
            for _ in 0..=rng.below(2) {
                let terms: Vec<String> = (0..=rng.below(3))
                    .map(|_| {
                        let op = ops[rng.below(ops.len() as u64) as usize];
                        format!("{op}{}", random_version(&mut rng, true))
                    })
                    .collect();
                groups.push(terms.join(", "));
            }
            let text = groups.join(" || ");
            let Ok(range) = VersionRange::parse(&text) else {
                continue;
            };
            parsed += 1;
            let lowest = range.lowest();
            if let Some(low) = &lowest {
                assert!(range.admits(&low.to_string()), "{text}: {low} is admitted");
            }
            let low = lowest.map(|l| super::super::parse(&l.to_string()).unwrap());
            for v in &grid {
                if !range.0.check(v) {
                    continue;
                }
                match &low {
                    None => panic!("{text}: admits nothing, yet {}", v.canonical()),
                    Some(low) => assert!(
                        v.compare(low) != Ordering::Less,
                        "{text}: {} is below {}",
                        v.canonical(),
                        low.canonical()
                    ),
                }
            }
        }
        assert!(parsed > 2000, "only {parsed} random constraints parse");
    }
}
