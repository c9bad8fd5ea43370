//! What "met" means for each target shape: which side is good, which edge counts, and when a
//! figure goes beyond the target. See docs/methodology.md, "Met, exceeded and the edges".
//!
//! Figures are compared as published, never as displayed: an indicator's `decimals` only
//! formats, so it cannot change a verdict (42.02 is beyond an exact 42 whether it is shown as
//! "42" or "42,02"). The only allowance is for the rounding noise of floating-point arithmetic
//! in computed averages (one part in 10⁹), so that five years of exactly 7.5 % average 7.5 %.

use crate::plan::{Direction, Qualifier, TargetShape};

/// The way a figure must move to meet a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sense {
    /// Reach a floor: at least, above, the lower edge of a band for a "higher is better" indicator.
    Up,
    /// Get under a ceiling: at most, below, essentially none, the upper edge of a band for a
    /// "lower is better" indicator.
    Down,
}

impl Sense {
    /// +1 for up, −1 for down: Open SDG's `d`.
    pub fn sign(self) -> f64 {
        match self {
            Sense::Up => 1.0,
            Sense::Down => -1.0,
        }
    }
}

/// A numeric target reduced to what the arithmetic needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Goal {
    pub sense: Sense,
    /// The nearest edge that counts as met: the floor for `Up`, the ceiling for `Down`.
    pub edge: f64,
    /// Beyond this value (strictly, in the good sense) the target counts as exceeded; `None` for
    /// targets worded as a limit ("trên", "dưới", "cơ bản không còn"), which can only be met.
    pub far: Option<f64>,
    /// "Above" and "below" exclude the edge itself.
    pub strict: bool,
}

/// A figure compared with a goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Exceeded,
    Met,
    NotMet,
}

impl Verdict {
    pub fn meets(self) -> bool {
        self != Verdict::NotMet
    }
}

/// What a hedged figure ("trên 92,4 %") lets us conclude.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// The comparison holds whatever the true value behind the hedge.
    Sure(Verdict),
    /// "Over x" when the target needs more than x (or "under x" when it needs less): the
    /// published bound is used, so the status is a floor and the truth may be better.
    Conservative,
    /// "Under x" when the target needs more (or "over x" when it needs less), and the bound
    /// itself misses: the truth is further still, so the trend computed on x is optimistic.
    MissedEvenSo,
    /// "Under x" when the target needs more and x would meet it: cannot tell.
    Inconclusive,
}

impl Goal {
    /// The goal of a shape; `None` for qualitative targets.
    pub fn of(shape: TargetShape, direction: Direction) -> Option<Goal> {
        let by_direction = |floor: f64, ceiling: f64| match direction {
            Direction::Higher => Goal {
                sense: Sense::Up,
                edge: floor,
                far: Some(ceiling),
                strict: false,
            },
            Direction::Lower => Goal {
                sense: Sense::Down,
                edge: ceiling,
                far: Some(floor),
                strict: false,
            },
        };
        let limit = |sense: Sense, edge: f64, far: Option<f64>, strict: bool| Goal {
            sense,
            edge,
            far,
            strict,
        };
        Some(match shape {
            TargetShape::Exact(value) => by_direction(value, value),
            TargetShape::About { value, tolerance } => {
                by_direction(value - tolerance, value + tolerance)
            }
            TargetShape::AtLeast(value) => limit(Sense::Up, value, Some(value), false),
            TargetShape::AtMost(value) => limit(Sense::Down, value, Some(value), false),
            TargetShape::Above(value) => limit(Sense::Up, value, None, true),
            TargetShape::Below(value) => limit(Sense::Down, value, None, true),
            TargetShape::Range { min, max }
            | TargetShape::Average {
                min: Some(min),
                max: Some(max),
            }
            | TargetShape::YearlyChange {
                min: Some(min),
                max: Some(max),
            } => by_direction(min, max),
            TargetShape::Average {
                min: Some(min),
                max: None,
            }
            | TargetShape::YearlyChange {
                min: Some(min),
                max: None,
            } => limit(Sense::Up, min, Some(min), false),
            TargetShape::Average {
                min: None,
                max: Some(max),
            }
            | TargetShape::YearlyChange {
                min: None,
                max: Some(max),
            } => limit(Sense::Down, max, Some(max), false),
            TargetShape::Average {
                min: None,
                max: None,
            }
            | TargetShape::YearlyChange {
                min: None,
                max: None,
            } => return None,
            TargetShape::EssentiallyNone { threshold } => {
                limit(Sense::Down, threshold, None, false)
            }
            TargetShape::Text => return None,
        })
    }

    /// Compares a figure, as published, with the goal.
    pub fn verdict(&self, value: f64) -> Verdict {
        if !value.is_finite() || !self.edge.is_finite() {
            return Verdict::NotMet;
        }
        let meets = if self.strict {
            self.beyond(value, self.edge)
        } else {
            !self.beyond(self.edge, value)
        };
        if !meets {
            Verdict::NotMet
        } else if self.far.is_some_and(|far| self.beyond(value, far)) {
            Verdict::Exceeded
        } else {
            Verdict::Met
        }
    }

    /// Strictly past `limit` in the good sense, by more than floating-point noise.
    pub fn beyond(&self, value: f64, limit: f64) -> bool {
        let noise = NOISE * limit.abs().max(1.0);
        match self.sense {
            Sense::Up => value > limit + noise,
            Sense::Down => value < limit - noise,
        }
    }

    /// Compares a published figure with the goal: a figure published as a range (`low` <
    /// `high`) by its two ends, a single figure with its hedge.
    pub fn read_figure(&self, low: f64, high: f64, qualifier: Option<Qualifier>) -> Reading {
        if low == high {
            return self.read(low, qualifier);
        }
        let (a, b) = (self.verdict(low), self.verdict(high));
        match (a.meets(), b.meets()) {
            // Both ends meet: as sure as the weaker end.
            (true, true) => Reading::Sure(if a == Verdict::Exceeded && b == Verdict::Exceeded {
                Verdict::Exceeded
            } else {
                Verdict::Met
            }),
            (false, false) => Reading::Sure(Verdict::NotMet),
            // The range straddles the edge: the published figure cannot say.
            _ => Reading::Inconclusive,
        }
    }

    /// Compares a published figure, with its hedge, with the goal.
    pub fn read(&self, value: f64, qualifier: Option<Qualifier>) -> Reading {
        let toward = match (qualifier, self.sense) {
            (None | Some(Qualifier::About), _) => return Reading::Sure(self.verdict(value)),
            (Some(Qualifier::Over), Sense::Up) | (Some(Qualifier::Under), Sense::Down) => true,
            (Some(Qualifier::Over), Sense::Down) | (Some(Qualifier::Under), Sense::Up) => false,
        };
        if toward {
            // The truth lies strictly beyond the bound on the good side: a bound at or past the
            // edge guarantees the target, even a strict one ("dưới 0,5" meets "below 0.5").
            let at_or_past = |limit: f64| !self.beyond(limit, value);
            if !at_or_past(self.edge) {
                Reading::Conservative
            } else if self.far.is_some_and(at_or_past) {
                Reading::Sure(Verdict::Exceeded)
            } else {
                Reading::Sure(Verdict::Met)
            }
        } else {
            // The truth lies beyond the bound, on the bad side: it can meet only if the bound is
            // strictly better than the edge.
            if self.beyond(value, self.edge) {
                Reading::Inconclusive
            } else {
                Reading::MissedEvenSo
            }
        }
    }
}

/// Relative allowance for floating-point noise in comparisons (see the module's comment).
const NOISE: f64 = 1e-9;

/// Rounds as the number formatter displays: what a reader would see. Used only to decide
/// whether two numbers would look different, never to judge a target.
pub fn displayed(value: f64, decimals: u8) -> f64 {
    if !value.is_finite() {
        return value;
    }
    format!("{:.*}", decimals as usize, value)
        .parse()
        .unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_edges_and_beyond() {
        let goal = Goal::of(
            TargetShape::Range {
                min: 6200.0,
                max: 6800.0,
            },
            Direction::Higher,
        )
        .unwrap_or_else(|| unreachable!());
        assert_eq!(goal.verdict(6200.0), Verdict::Met);
        assert_eq!(goal.verdict(6800.0), Verdict::Met);
        assert_eq!(goal.verdict(6800.5), Verdict::Exceeded);
        assert_eq!(goal.verdict(6199.0), Verdict::NotMet);
        assert_eq!(goal.verdict(f64::NAN), Verdict::NotMet);
    }

    #[test]
    fn lower_band_is_mirrored() {
        let goal = Goal::of(TargetShape::Range { min: 1.0, max: 2.0 }, Direction::Lower)
            .unwrap_or_else(|| unreachable!());
        assert_eq!(goal.sense, Sense::Down);
        assert_eq!(goal.verdict(2.0), Verdict::Met);
        assert_eq!(goal.verdict(0.5), Verdict::Exceeded);
        assert_eq!(goal.verdict(2.1), Verdict::NotMet);
    }

    #[test]
    fn strict_limits_cannot_be_exceeded() {
        let goal =
            Goal::of(TargetShape::Below(0.5), Direction::Lower).unwrap_or_else(|| unreachable!());
        assert_eq!(goal.verdict(0.5), Verdict::NotMet);
        assert_eq!(goal.verdict(0.01), Verdict::Met);
    }

    #[test]
    fn hedged_figures() {
        let at_least_95 = Goal::of(TargetShape::AtLeast(95.0), Direction::Higher)
            .unwrap_or_else(|| unreachable!());
        assert_eq!(
            at_least_95.read(92.4, Some(Qualifier::Over)),
            Reading::Conservative
        );
        assert_eq!(
            at_least_95.read(96.0, Some(Qualifier::Over)),
            Reading::Sure(Verdict::Exceeded)
        );
        let band = Goal::of(
            TargetShape::Range {
                min: 90.0,
                max: 98.0,
            },
            Direction::Higher,
        )
        .unwrap_or_else(|| unreachable!());
        assert_eq!(
            band.read(92.0, Some(Qualifier::Over)),
            Reading::Sure(Verdict::Met)
        );
        assert_eq!(
            at_least_95.read(96.0, Some(Qualifier::Under)),
            Reading::Inconclusive
        );
        assert_eq!(
            at_least_95.read(95.0, Some(Qualifier::Under)),
            Reading::MissedEvenSo
        );
        let below =
            Goal::of(TargetShape::Below(0.5), Direction::Lower).unwrap_or_else(|| unreachable!());
        assert_eq!(
            below.read(0.5, Some(Qualifier::Under)),
            Reading::Sure(Verdict::Met)
        );
        assert_eq!(
            below.read(0.3, Some(Qualifier::Over)),
            Reading::Inconclusive
        );
    }

    /// Figures are compared as published, allowing one part in 10⁹ of floating-point noise
    /// (docs/methodology.md §4): relative to the edge, so large amounts get a larger allowance.
    #[test]
    fn comparisons_allow_one_part_in_a_billion() {
        let million = Goal::of(TargetShape::AtLeast(1_000_000.0), Direction::Higher)
            .unwrap_or_else(|| unreachable!());
        assert_eq!(million.verdict(999_999.999_5), Verdict::Met);
        assert_eq!(million.verdict(999_999.998), Verdict::NotMet);
        assert_eq!(million.verdict(1_000_000.000_5), Verdict::Met);
        assert_eq!(million.verdict(1_000_000.002), Verdict::Exceeded);
        // A strict limit is passed only by more than the noise (1e-9 around zero).
        let above =
            Goal::of(TargetShape::Above(0.0), Direction::Higher).unwrap_or_else(|| unreachable!());
        assert_eq!(above.verdict(1e-9), Verdict::NotMet);
        assert_eq!(above.verdict(1.5e-9), Verdict::Met);
        let below =
            Goal::of(TargetShape::Below(0.0), Direction::Lower).unwrap_or_else(|| unreachable!());
        assert_eq!(below.verdict(-1e-9), Verdict::NotMet);
        assert_eq!(below.verdict(-1.5e-9), Verdict::Met);
    }

    /// A range is as sure as its weaker end: exceeded only when both ends exceed.
    #[test]
    fn ranges_take_the_weaker_end() {
        let band = Goal::of(
            TargetShape::Range {
                min: 6200.0,
                max: 6800.0,
            },
            Direction::Higher,
        )
        .unwrap_or_else(|| unreachable!());
        assert_eq!(
            band.read_figure(6700.0, 6900.0, None),
            Reading::Sure(Verdict::Met)
        );
        assert_eq!(
            band.read_figure(6900.0, 7000.0, None),
            Reading::Sure(Verdict::Exceeded)
        );
        assert_eq!(
            band.read_figure(6100.0, 6300.0, None),
            Reading::Inconclusive
        );
        assert_eq!(
            band.read_figure(6000.0, 6100.0, None),
            Reading::Sure(Verdict::NotMet)
        );
        // A single figure keeps its hedge.
        assert_eq!(
            band.read_figure(6100.0, 6100.0, Some(Qualifier::Under)),
            Reading::MissedEvenSo
        );
    }

    #[test]
    fn rounding_follows_the_display() {
        assert_eq!(displayed(7.4999, 2), 7.5);
        assert_eq!(displayed(24.4, 0), 24.0);
        assert!(displayed(f64::NAN, 2).is_nan());
    }
}
