//! Linear scales and "nice" tick values, independent of any drawing backend.

/// Maps a data interval onto a pixel interval (which may run backwards, as y does on screens).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Tick values at 1, 2 or 5 × 10^k covering [min, max], about `count` of them, and the
/// number of decimals needed to print them.
pub fn nice_ticks(min: f64, max: f64, count: usize) -> (Vec<f64>, u8) {
    if !min.is_finite() || !max.is_finite() || count == 0 {
        return (Vec::new(), 0);
    }
    let (min, max) = if min == max {
        (min - 1.0, max + 1.0)
    } else {
        (min.min(max), min.max(max))
    };
    let raw_step = (max - min) / count as f64;
    let magnitude = 10f64.powf(raw_step.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw_step)
        .unwrap_or(10.0 * magnitude);
    let first = (min / step).ceil();
    let last = (max / step).floor();
    let mut ticks = Vec::new();
    let mut k = first;
    while k <= last && ticks.len() < 50 {
        // Rounding to the step's precision keeps 0.30000000000000004 out of the labels.
        let value = (k * step * 1e9).round() / 1e9;
        ticks.push(if value == 0.0 { 0.0 } else { value });
        k += 1.0;
    }
    let decimals = decimals_of(&ticks);
    (ticks, decimals)
}

/// Widens [min, max] to tick boundaries so the data sits inside the frame.
/// The fewest decimals that write every one of `values` exactly (up to 6): ticks 2.5 apart are
/// "2,5", "5,0", "7,5", never "2", "5", "8", which would put a band of 7.5–8 at the "8" line.
pub fn decimals_of(values: &[f64]) -> u8 {
    values
        .iter()
        .map(|v| {
            let mut d = 0u8;
            let mut scaled = v.abs();
            while (scaled - scaled.round()).abs() > 1e-6 * scaled.max(1.0) && d < 6 {
                scaled *= 10.0;
                d += 1;
            }
            d
        })
        .max()
        .unwrap_or(0)
}

pub fn nice_domain(min: f64, max: f64, count: usize) -> (f64, f64) {
    let (min, max) = if min == max {
        (min - 1.0, max + 1.0)
    } else {
        (min, max)
    };
    let (ticks, _) = nice_ticks(min, max, count);
    let step = match ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => (max - min).abs().max(1.0),
    };
    ((min / step).floor() * step, (max / step).ceil() * step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(0.0, 10.0, 5),
            (vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0], 0)
        );
        assert_eq!(nice_ticks(-3.0, 13.0, 5).0, vec![0.0, 5.0, 10.0]);
        let (ticks, decimals) = nice_ticks(0.1, 0.9, 4);
        assert_eq!(ticks, vec![0.2, 0.4, 0.6, 0.8]);
        assert_eq!(decimals, 1);
        assert_eq!(nice_ticks(f64::NAN, 1.0, 5), (Vec::new(), 0));
        assert_eq!(nice_domain(-2.79, 12.64, 5), (-5.0, 15.0));
        // A step of 2.5 is written with its decimal, not rounded to a whole number.
        assert_eq!(
            nice_ticks(0.0, 15.0, 6),
            (vec![0.0, 2.5, 5.0, 7.5, 10.0, 12.5, 15.0], 1)
        );
        assert_eq!(decimals_of(&[0.0, 5.0, 10.0, 15.0]), 0);
        assert_eq!(decimals_of(&[75.0, 100.0, 125.0]), 0);
        assert_eq!(decimals_of(&[0.2, 0.4]), 1);
    }

    #[test]
    fn linear_maps_both_ways() {
        let y = Linear {
            domain: (0.0, 10.0),
            range: (100.0, 0.0),
        };
        assert_eq!(y.map(0.0), 100.0);
        assert_eq!(y.map(10.0), 0.0);
        assert_eq!(y.map(5.0), 50.0);
        let flat = Linear {
            domain: (3.0, 3.0),
            range: (0.0, 10.0),
        };
        assert_eq!(flat.map(3.0), 5.0);
    }
}
