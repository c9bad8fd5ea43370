//! Paints a laid-out chart on any plotters `DrawingBackend`: the canvas in the browser, SVG for
//! downloads and for the native snapshot tests. Only primitive elements are used (no plotters
//! chart builder, captions or multi-line text), because those measure text through the DOM.

use super::layout::{Layout, FONT_SIZE};
use super::spec::{ChartSpec, TargetMark};
use super::theme::{Rgb, Theme};
use crate::number;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Which point has the keyboard or pointer focus, if any (an index into `Layout::points`).
pub type Focus = Option<usize>;

/// How layout pixels become backend pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Surface {
    /// The device pixel ratio: the layout is in CSS pixels, the backend in device pixels, so the
    /// chart stays crisp on dense screens.
    pub scale: f64,
    /// plotters' SVG backend writes font sizes divided by 1.24 and the canvas backend does not;
    /// this factor makes text the same size on both.
    pub text_scale: f64,
}

impl Surface {
    pub const CANVAS: Surface = Surface {
        scale: 1.0,
        text_scale: 1.0,
    };
    pub const SVG: Surface = Surface {
        scale: 1.0,
        text_scale: 1.24,
    };
}

/// Draws `spec` as placed by `layout`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    spec: &ChartSpec,
    layout: &Layout,
    theme: &Theme,
    focus: Focus,
    surface: Surface,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let scale = surface.scale;
    let px = |x: f64, y: f64| ((x * scale).round() as i32, (y * scale).round() as i32);
    let stroke = |w: f64| ((w * scale).round() as u32).max(1);
    let font = |size: f64| ("sans-serif", size * scale * surface.text_scale).into_font();
    let (left, top, right, bottom) = layout.frame;

    area.fill(&colour(theme.background))?;

    // Grid and y labels.
    for (value, label) in &layout.y_ticks {
        let y = layout.y.map(*value);
        area.draw(&PathElement::new(
            vec![px(left, y), px(right, y)],
            colour(theme.grid).stroke_width(stroke(1.0)),
        ))?;
        let style = font(FONT_SIZE)
            .color(&colour(theme.muted))
            .pos(Pos::new(HPos::Right, VPos::Center));
        area.draw(&Text::new(label.clone(), px(left - 6.0, y), style))?;
    }
    if layout.y.domain.0 < 0.0 && layout.y.domain.1 > 0.0 {
        let y = layout.y.map(0.0);
        area.draw(&PathElement::new(
            vec![px(left, y), px(right, y)],
            colour(theme.axis).stroke_width(stroke(1.0)),
        ))?;
    }
    // X axis and year labels.
    area.draw(&PathElement::new(
        vec![px(left, bottom), px(right, bottom)],
        colour(theme.axis).stroke_width(stroke(1.0)),
    ))?;
    for (year, label) in &layout.x_ticks {
        let x = layout.x.map(f64::from(*year));
        area.draw(&PathElement::new(
            vec![px(x, bottom), px(x, bottom + 4.0)],
            colour(theme.axis).stroke_width(stroke(1.0)),
        ))?;
        let style = font(FONT_SIZE)
            .color(&colour(theme.muted))
            .pos(Pos::new(HPos::Center, VPos::Top));
        area.draw(&Text::new(label.clone(), px(x, bottom + 7.0), style))?;
    }

    // Targets: a translucent band with solid edges, or a solid threshold line.
    if spec.layers.targets {
        for mark in &spec.targets {
            let (first, last, low, high) = match mark {
                TargetMark::Band {
                    first,
                    last,
                    min,
                    max,
                    ..
                } => (*first, *last, *min, *max),
                TargetMark::Line {
                    first, last, value, ..
                } => (*first, *last, *value, *value),
            };
            let x0 = layout.x.map(f64::from(first) - 0.4);
            let x1 = layout.x.map(f64::from(last) + 0.4);
            let (y0, y1) = (layout.y.map(high), layout.y.map(low));
            if high > low {
                area.draw(&Rectangle::new(
                    [px(x0, y0), px(x1, y1)],
                    colour(theme.target).mix(theme.band_opacity).filled(),
                ))?;
                area.draw(&PathElement::new(
                    vec![px(x0, y1), px(x1, y1)],
                    colour(theme.target).stroke_width(stroke(1.5)),
                ))?;
            }
            area.draw(&PathElement::new(
                vec![px(x0, y0), px(x1, y0)],
                colour(theme.target).stroke_width(stroke(2.0)),
            ))?;
            let label = if high > low {
                format!(
                    "{}–{}",
                    number::format_trimmed(low, spec.decimals.max(1), spec.lang),
                    number::format_trimmed(high, spec.decimals.max(1), spec.lang)
                )
            } else {
                number::format_trimmed(low, spec.decimals.max(1), spec.lang)
            };
            let style = font(FONT_SIZE - 1.0)
                .color(&colour(theme.target))
                .pos(Pos::new(HPos::Left, VPos::Bottom));
            area.draw(&Text::new(label, px(x0 + 2.0, y0 - 3.0), style))?;
        }
    }

    // Series breaks: a vertical dashed rule with its short title.
    for mark in &spec.breaks {
        let x = layout.x.map(mark.at);
        for segment in dashes(&[(x, top), (x, bottom)], 3.0, 3.0) {
            area.draw(&PathElement::new(
                segment.iter().map(|(a, b)| px(*a, *b)).collect::<Vec<_>>(),
                colour(theme.muted).stroke_width(stroke(1.0)),
            ))?;
        }
        let label_fits_right =
            x + super::layout::text_width(&mark.label, FONT_SIZE - 1.0) + 4.0 < right;
        let (anchor, dx) = if label_fits_right {
            (HPos::Left, 4.0)
        } else {
            (HPos::Right, -4.0)
        };
        let style = font(FONT_SIZE - 1.0)
            .color(&colour(theme.muted))
            .pos(Pos::new(anchor, VPos::Top));
        area.draw(&Text::new(mark.label.clone(), px(x + dx, top + 2.0), style))?;
    }

    // Required path: dotted. A single point (the yearly rate still needed) is a dotted bar
    // across its year.
    if spec.layers.required {
        let points: Vec<(f64, f64)> = match spec.required.as_slice() {
            [(year, value)] => vec![
                (layout.x.map(f64::from(*year) - 0.35), layout.y.map(*value)),
                (layout.x.map(f64::from(*year) + 0.35), layout.y.map(*value)),
            ],
            many => many
                .iter()
                .map(|(year, value)| (layout.x.map(f64::from(*year)), layout.y.map(*value)))
                .collect(),
        };
        for segment in dashes(&points, 2.0, 3.0) {
            area.draw(&PathElement::new(
                segment.iter().map(|(a, b)| px(*a, *b)).collect::<Vec<_>>(),
                colour(theme.required).stroke_width(stroke(2.5)),
            ))?;
        }
    }

    // Projection: a translucent fan and a dashed central line; a single projected year is a
    // translucent bar from low to high with a dashed tick at the central value.
    if spec.layers.projection {
        if let [(year, value, low, high)] = spec.projection.as_slice() {
            let (x0, x1) = (
                layout.x.map(f64::from(*year) - 0.2),
                layout.x.map(f64::from(*year) + 0.2),
            );
            area.draw(&Rectangle::new(
                [px(x0, layout.y.map(*high)), px(x1, layout.y.map(*low))],
                colour(theme.projection).mix(theme.fan_opacity).filled(),
            ))?;
            for segment in dashes(
                &[(x0, layout.y.map(*value)), (x1, layout.y.map(*value))],
                4.0,
                3.0,
            ) {
                area.draw(&PathElement::new(
                    segment.iter().map(|(a, b)| px(*a, *b)).collect::<Vec<_>>(),
                    colour(theme.projection).stroke_width(stroke(2.0)),
                ))?;
            }
        } else if spec.projection.len() >= 2 {
            let mut outline: Vec<(i32, i32)> = spec
                .projection
                .iter()
                .map(|(year, _, _, high)| px(layout.x.map(f64::from(*year)), layout.y.map(*high)))
                .collect();
            outline.extend(
                spec.projection.iter().rev().map(|(year, _, low, _)| {
                    px(layout.x.map(f64::from(*year)), layout.y.map(*low))
                }),
            );
            area.draw(&Polygon::new(
                outline,
                colour(theme.projection).mix(theme.fan_opacity).filled(),
            ))?;
            let centre: Vec<(f64, f64)> = spec
                .projection
                .iter()
                .map(|(year, value, ..)| (layout.x.map(f64::from(*year)), layout.y.map(*value)))
                .collect();
            for segment in dashes(&centre, 6.0, 4.0) {
                area.draw(&PathElement::new(
                    segment.iter().map(|(a, b)| px(*a, *b)).collect::<Vec<_>>(),
                    colour(theme.projection).stroke_width(stroke(1.5)),
                ))?;
            }
        }
    }

    // Actual values: solid segments between official figures, dashed where either end is an
    // estimate; official dots filled, others hollow.
    if spec.layers.actuals {
        for (series_index, series) in spec.series.iter().enumerate() {
            let line_colour = colour(theme.series[series_index % theme.series.len()]);
            let placed: Vec<_> = layout
                .points
                .iter()
                .filter(|p| p.series == series_index)
                .collect();
            for pair in placed.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let both_final =
                    series.points[a.index].is_final() && series.points[b.index].is_final();
                let style = line_colour.stroke_width(stroke(2.0));
                if both_final {
                    area.draw(&PathElement::new(vec![px(a.x, a.y), px(b.x, b.y)], style))?;
                } else {
                    for segment in dashes(&[(a.x, a.y), (b.x, b.y)], 5.0, 3.0) {
                        area.draw(&PathElement::new(
                            segment.iter().map(|(x, y)| px(*x, *y)).collect::<Vec<_>>(),
                            style,
                        ))?;
                    }
                }
            }
            for placed_point in &placed {
                let point = &series.points[placed_point.index];
                if let Some((low, high)) = point.range {
                    // A figure published as a range: a bar from its low to its high end.
                    area.draw(&PathElement::new(
                        vec![
                            px(placed_point.x, layout.y.map(low)),
                            px(placed_point.x, layout.y.map(high)),
                        ],
                        line_colour.stroke_width(stroke(2.0)),
                    ))?;
                }
                let centre = px(placed_point.x, placed_point.y);
                let radius = (4.0 * scale).round() as i32;
                let marker = Marker {
                    centre,
                    radius,
                    stroke: stroke(2.0),
                };
                marker.draw(
                    area,
                    line_colour,
                    point.is_final(),
                    colour(theme.background),
                )?;
            }
        }
    }

    // Focus: a ring and a value label, so keyboard and pointer users see the same thing.
    if let Some(placed_point) = focus.and_then(|i| layout.points.get(i)) {
        let point = &spec.series[placed_point.series].points[placed_point.index];
        let centre = px(placed_point.x, placed_point.y);
        area.draw(&Circle::new(
            centre,
            (8.0 * scale).round() as i32,
            colour(theme.focus).stroke_width(stroke(2.0)),
        ))?;
        let label = match point.range {
            Some((low, high)) => format!(
                "{}–{}",
                number::format(low, spec.decimals, spec.lang),
                number::format(high, spec.decimals, spec.lang)
            ),
            None => number::format(point.value, spec.decimals, spec.lang),
        };
        let on_right_half = placed_point.x > (left + right) / 2.0;
        let (anchor, offset) = if on_right_half {
            (HPos::Right, -11.0)
        } else {
            (HPos::Left, 11.0)
        };
        let style = font(FONT_SIZE + 1.0)
            .color(&colour(theme.text))
            .pos(Pos::new(anchor, VPos::Bottom));
        area.draw(&Text::new(
            label,
            px(placed_point.x + offset, placed_point.y - 6.0),
            style,
        ))?;
    }
    Ok(())
}

/// A data point's dot: filled for official figures, hollow (a ring on the background) for
/// everything less final. The chart and its legend in exported figures draw the same dot.
pub(super) struct Marker {
    pub centre: (i32, i32),
    pub radius: i32,
    pub stroke: u32,
}

impl Marker {
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, plotters::coord::Shift>,
        ink: RGBColor,
        filled: bool,
        background: RGBColor,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        if filled {
            area.draw(&Circle::new(self.centre, self.radius, ink.filled()))
        } else {
            area.draw(&Circle::new(self.centre, self.radius, background.filled()))?;
            area.draw(&Circle::new(
                self.centre,
                self.radius,
                ink.stroke_width(self.stroke),
            ))
        }
    }
}

pub(super) fn colour(rgb: Rgb) -> RGBColor {
    RGBColor(rgb.0, rgb.1, rgb.2)
}

/// Splits a polyline into dash segments of `on` pixels separated by `off` pixels.
pub fn dashes(points: &[(f64, f64)], on: f64, off: f64) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    let mut drawing = true;
    let mut left_in_phase = on;
    for pair in points.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let length = ((end.0 - start.0).powi(2) + (end.1 - start.1).powi(2)).sqrt();
        if length == 0.0 || !length.is_finite() {
            continue;
        }
        let mut travelled = 0.0;
        if drawing && current.is_empty() {
            current.push(start);
        }
        while travelled < length {
            let step = left_in_phase.min(length - travelled);
            travelled += step;
            left_in_phase -= step;
            let t = travelled / length;
            let at = (
                start.0 + (end.0 - start.0) * t,
                start.1 + (end.1 - start.1) * t,
            );
            if drawing {
                current.push(at);
            }
            if left_in_phase <= 1e-9 {
                if drawing {
                    out.push(std::mem::take(&mut current));
                } else {
                    current.push(at);
                }
                drawing = !drawing;
                left_in_phase = if drawing { on } else { off };
            }
        }
    }
    if current.len() >= 2 {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::dashes;

    #[test]
    fn dashes_cover_the_line_in_on_off_steps() {
        let segments = dashes(&[(0.0, 0.0), (10.0, 0.0)], 3.0, 2.0);
        let spans: Vec<(f64, f64)> = segments
            .iter()
            .map(|s| (s[0].0, s[s.len() - 1].0))
            .collect();
        assert_eq!(spans, vec![(0.0, 3.0), (5.0, 8.0)]);
        assert!(dashes(&[(1.0, 1.0)], 3.0, 2.0).is_empty());
        assert!(dashes(&[(0.0, 0.0), (f64::NAN, 0.0)], 3.0, 2.0).is_empty());
    }
}
