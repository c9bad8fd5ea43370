//! What was known when: the plan as it stood on a given day (only what had been published by
//! then), and every published value of an indicator's year in the order it was published.
//!
//! A figure quoted in December is not the figure of February (7.23 % replaced 8.3 %), so a
//! reader checking what the city said on a day needs the older values as they were, and the
//! widget recomputes every status from them with the same `status::assess`.

use crate::plan::{Observation, PartialDate, Plan, Published, Source, When};

/// A calendar day as a sortable triple.
type Day = (i32, u8, u8);

/// The last day a partial date can mean: a month's last day, a year's 31 December. A figure
/// dated "2025-12" may have appeared on 31 December, so it only counts as published by a day
/// once that whole month is over.
fn last_day(date: PartialDate) -> Day {
    let month = date.month.unwrap_or(12);
    let day = date.day.unwrap_or_else(|| days_in_month(date.year, month));
    (date.year, month, day)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whether something published on `published` had certainly appeared by the end of `date`.
/// An unknown publication date never counts: it cannot be shown to precede the day.
pub fn published_by(published: Published, date: PartialDate) -> bool {
    match published {
        Published::Unknown => false,
        Published::On(day) => last_day(day) <= last_day(date),
    }
}

/// The plan as it stood on a day, and what was left out to make it.
#[derive(Clone, Debug, PartialEq)]
pub struct AsOf {
    pub date: PartialDate,
    pub plan: Plan,
    /// Observations published after the day.
    pub later: usize,
    /// Observations whose source gives no publication date: they cannot be placed before the
    /// day, so they are left out and counted here for the note that says so.
    pub undated: usize,
    /// Targets set by documents issued after the day.
    pub later_targets: usize,
}

/// The plan as it stood at the end of `date`: only observations whose source was published by
/// then (for a derived figure, the source of its reference value too), only targets whose
/// document had been issued by then, only verdicts and tallies published by then. Everything
/// else is unchanged, so
/// `status::assess` on the result gives the statuses a reader could have computed that day.
/// Documents, sources and territories are kept whole: ids in the result still all resolve.
pub fn as_of(plan: &Plan, date: PartialDate) -> AsOf {
    let mut result = plan.clone();
    let (mut later, mut undated) = (0, 0);
    let published_of = |source: &str| {
        plan.source(source)
            .map_or(Published::Unknown, |s| s.published)
    };
    result.observations.retain(|o| {
        // A derived figure existed once both its inputs did: the published figure and the
        // reference value it is divided by; it counts as published when the later one was.
        let published = match o
            .formula
            .as_ref()
            .and_then(|f| plan.reference(&f.divide_by))
        {
            Some(reference) => {
                let (own, theirs) = (published_of(&o.source), published_of(&reference.source));
                if published_by(own, date) && !published_by(theirs, date) {
                    theirs
                } else {
                    own
                }
            }
            None => published_of(&o.source),
        };
        let keep = published_by(published, date);
        if !keep {
            if published == Published::Unknown {
                undated += 1;
            } else {
                later += 1;
            }
        }
        keep
    });
    let before = result.targets.len();
    // A document of unknown date keeps its targets: the plan holds them, and when they were
    // set cannot be told.
    result.targets.retain(|t| {
        plan.document(&t.document).is_some_and(|d| {
            d.date
                .is_none_or(|issued| published_by(Published::On(issued), date))
        })
    });
    let later_targets = before - result.targets.len();
    result
        .verdicts
        .retain(|v| published_by(published_of(&v.source), date));
    result
        .tallies
        .retain(|t| published_by(published_of(&t.source), date));
    AsOf {
        date,
        plan: result,
        later,
        undated,
        later_targets,
    }
}

/// One published value of an indicator's year (or period) and territory.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Revision<'a> {
    pub observation: &'a Observation,
    pub source: Option<&'a Source>,
    /// The value that stands for its year under the headline rule (docs/methodology.md §2).
    pub headline: bool,
}

impl Revision<'_> {
    pub fn published(&self) -> Published {
        self.source.map_or(Published::Unknown, |s| s.published)
    }
}

/// Every value published for one year (or period) of one territory, oldest publication first.
#[derive(Clone, Debug, PartialEq)]
pub struct Revisions<'a> {
    pub when: When,
    pub territory: &'a str,
    pub values: Vec<Revision<'a>>,
}

impl Revisions<'_> {
    /// The value that stands for the year.
    pub fn headline(&self) -> Option<&Revision<'_>> {
        self.values.iter().find(|r| r.headline)
    }
}

/// Every published value of an indicator, grouped by year (or period) and territory, years in
/// order and the plan's territories in their order; within a group in publication order, values
/// without a publication date last, ties in file order. The headline value is marked.
pub fn revisions<'a>(plan: &'a Plan, indicator: &'a str) -> Vec<Revisions<'a>> {
    let territory_rank = |id: &str| {
        plan.territories
            .iter()
            .position(|t| t.id == id)
            .unwrap_or(usize::MAX)
    };
    let mut groups: Vec<Revisions<'a>> = Vec::new();
    let headlines = plan.headline_index(indicator);
    for observation in plan.observations_of(indicator) {
        let revision = Revision {
            observation,
            source: plan.source(&observation.source),
            headline: headlines.contains(observation),
        };
        match groups
            .iter_mut()
            .find(|g| g.when == observation.when && g.territory == observation.territory)
        {
            Some(group) => group.values.push(revision),
            None => groups.push(Revisions {
                when: observation.when,
                territory: &observation.territory,
                values: vec![revision],
            }),
        }
    }
    for group in &mut groups {
        // Unknown dates sort last: they may be the latest as well as the earliest.
        crate::order::sort_by_key(&mut group.values, |r| {
            let date = match r.published() {
                Published::On(day) => Some(last_day(day)),
                Published::Unknown => None,
            };
            (date.is_none(), date, r.observation.line)
        });
    }
    crate::order::sort_by_key(&mut groups, |g| (g.when, territory_rank(g.territory)));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("date")
    }

    #[test]
    fn a_partial_date_is_published_by_a_day_only_once_it_is_over() {
        let on = |d: &str| Published::On(day(d));
        assert!(published_by(on("2025-12-08"), day("2025-12-08")));
        assert!(!published_by(on("2025-12-09"), day("2025-12-08")));
        assert!(!published_by(on("2025-12"), day("2025-12-08")));
        assert!(published_by(on("2025-12"), day("2025-12-31")));
        assert!(published_by(on("2025-11"), day("2025-12-01")));
        assert!(!published_by(on("2025"), day("2025-12-30")));
        assert!(published_by(on("2024-02"), day("2024-02-29")));
        assert!(published_by(on("2023-02-28"), day("2023-02")));
        assert!(!published_by(Published::Unknown, day("2100-01-01")));
        // An as-of date given as a month or a year means its end.
        assert!(published_by(on("2025-12-31"), day("2025")));
    }
}
