//! Places a `ChartSpec` in a box of a given size: scales, ticks and the pixel position of every
//! point. Pure arithmetic, so hit-testing (hover, keyboard focus) needs no drawing, and so the
//! layout is identical on canvas and in SVG.

use super::scale::{nice_domain, nice_ticks, Linear};
use super::spec::ChartSpec;
use crate::number;

/// Font sizes in CSS pixels; multiplied by the device pixel ratio when drawing.
pub const FONT_SIZE: f64 = 12.0;

/// Text width by a fixed metrics model (average advance 0.56 em per character), the same on
/// every backend. plotters' own estimator counts UTF-8 bytes, which overstates Vietnamese.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().count() as f64 * font_size * 0.56
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// The plotting frame: left, top, right, bottom.
    pub frame: (f64, f64, f64, f64),
    pub x: Linear,
    pub y: Linear,
    pub y_ticks: Vec<(f64, String)>,
    pub x_ticks: Vec<(i32, String)>,
    /// Every drawn point in series order: (series index, point index, x, y).
    pub points: Vec<PlacedPoint>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedPoint {
    pub series: usize,
    pub index: usize,
    pub x: f64,
    pub y: f64,
}

pub fn layout(spec: &ChartSpec, width: f64, height: f64) -> Layout {
    let (min, max) = spec.value_extent().unwrap_or((0.0, 1.0));
    let span = (max - min).abs().max(max.abs() * 0.1).max(1e-9);
    let padded = (min - span * 0.06, max + span * 0.06);
    let padded = if min >= 0.0 && padded.0 < 0.0 {
        (0.0, padded.1)
    } else {
        padded
    };
    let tick_count = if height < 220.0 { 3 } else { 5 };
    let domain = nice_domain(padded.0, padded.1, tick_count);
    let domain = match spec.value_ceiling() {
        Some(ceiling) if domain.1 > ceiling && max <= ceiling => (domain.0, ceiling),
        _ => domain,
    };
    let (ticks, tick_decimals) = nice_ticks(domain.0, domain.1, tick_count);
    let y_labels: Vec<(f64, String)> = ticks
        .iter()
        .map(|v| (*v, number::format(*v, tick_decimals, spec.lang)))
        .collect();
    let label_width = y_labels
        .iter()
        .map(|(_, l)| text_width(l, FONT_SIZE))
        .fold(0.0, f64::max);

    let left = (label_width + 12.0).max(28.0);
    let top = 10.0;
    let right = width - 14.0;
    let bottom = height - 26.0;
    let x = Linear {
        domain: (f64::from(spec.years.0) - 0.5, f64::from(spec.years.1) + 0.5),
        range: (left, right),
    };
    let y = Linear {
        domain,
        range: (bottom, top),
    };

    let year_count = (spec.years.1 - spec.years.0 + 1).max(1);
    let slot = (right - left) / f64::from(year_count);
    let every = [1, 2, 5, 10]
        .into_iter()
        .find(|n| slot * f64::from(*n) >= 40.0)
        .unwrap_or(10);
    let x_ticks = (spec.years.0..=spec.years.1)
        .filter(|year| (year - spec.years.0) % every == 0)
        .map(|year| (year, year.to_string()))
        .collect();

    let points = spec
        .point_order()
        .map(|(series, index)| {
            let point = &spec.series[series].points[index];
            PlacedPoint {
                series,
                index,
                x: x.map(f64::from(point.year)),
                y: y.map(point.value),
            }
        })
        .collect();

    Layout {
        width,
        height,
        frame: (left, top, right, bottom),
        x,
        y,
        y_ticks: y_labels,
        x_ticks,
        points,
    }
}

impl Layout {
    /// The point nearest to a pointer position, if within `radius` pixels horizontally: readers
    /// aim at years, not at exact dots, especially with a finger.
    pub fn nearest(&self, px: f64, py: f64, radius: f64) -> Option<usize> {
        self.points
            .iter()
            .enumerate()
            .filter(|(_, p)| (p.x - px).abs() <= radius)
            .min_by(|(_, a), (_, b)| {
                let da = (a.x - px).powi(2) + ((a.y - py) * 0.25).powi(2);
                let db = (b.x - px).powi(2) + ((b.y - py) * 0.25).powi(2);
                da.total_cmp(&db)
            })
            .map(|(i, _)| i)
    }
}
