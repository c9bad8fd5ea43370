//! The overview's scorecard: one card per indicator, scored on its lead target for the chosen
//! period, and totals counted from exactly those cards, so the numbers a reader adds up on the
//! page are the numbers in the totals line.

use super::{assess, Assessment, Status, Tally};
use crate::plan::{Indicator, Period, Plan, Target};

pub struct Card<'a> {
    pub indicator: &'a Indicator,
    /// The lead target: in the period, the one set by the plan's own documents first, then the
    /// earliest due (`Plan::targets_in`).
    pub target: &'a Target,
    /// How many other scored targets the indicator has in the period; the panel lists them.
    pub others: usize,
    pub assessment: Assessment,
}

/// Cards for every indicator with a scored target in `period` (all periods when `None`):
/// headline indicators first, then the plan file's order.
pub fn scorecard(plan: &Plan, period: Option<Period>, today_year: i32) -> Vec<Card<'_>> {
    let mut cards: Vec<Card> = plan
        .indicators
        .iter()
        .filter_map(|indicator| {
            let targets = plan.targets_in(&indicator.id, period);
            let target = *targets.first()?;
            Some(Card {
                indicator,
                target,
                others: targets.len() - 1,
                assessment: assess(plan, target, today_year),
            })
        })
        .collect();
    cards.sort_by_key(|card| !card.indicator.headline);
    cards
}

/// Counts the cards' statuses.
pub fn tally_cards(cards: &[Card]) -> Tally {
    let mut counts = Status::ALL.map(|status| (status, 0u32));
    for card in cards {
        if let Some(entry) = counts
            .iter_mut()
            .find(|(status, _)| *status == card.assessment.status)
        {
            entry.1 += 1;
        }
    }
    Tally { counts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_count_exactly_the_cards() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/can-tho.toml"))
                .expect("dataset");
        let (plan, _) = crate::plan::load("can-tho.toml", &text);
        let plan = plan.expect("the dataset loads");
        for period in plan.meta.periods.iter().copied().map(Some).chain([None]) {
            let cards = scorecard(&plan, period, 2026);
            let tally = tally_cards(&cards);
            assert_eq!(tally.total() as usize, cards.len());
            for status in Status::ALL {
                let shown = cards
                    .iter()
                    .filter(|c| c.assessment.status == status)
                    .count();
                assert_eq!(
                    tally.get(status) as usize,
                    shown,
                    "{status:?} in {period:?}"
                );
            }
            let headline_first = cards
                .iter()
                .position(|c| !c.indicator.headline)
                .unwrap_or(cards.len());
            assert!(
                cards[headline_first..]
                    .iter()
                    .all(|c| !c.indicator.headline),
                "headline cards come first"
            );
        }
        // Every indicator with a scored target has a card when all periods are shown.
        let all = scorecard(&plan, None, 2026);
        let scored = plan
            .indicators
            .iter()
            .filter(|i| !plan.targets_in(&i.id, None).is_empty())
            .count();
        assert_eq!(all.len(), scored);
    }
}
