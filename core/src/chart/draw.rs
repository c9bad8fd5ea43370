//! Paints a laid-out chart on any plotters `DrawingBackend`: SVG for the page, the downloads
//! and the native snapshot tests, and the canvas. Only primitive elements are used (no plotters
//! chart builder, captions or multi-line text), because those measure text through the DOM;
//! every text is one placed by `layout`.
//!
//! The grammar: what happened is a solid line (actual values, or the average or total so far),
//! its dots filled for official figures and hollow for estimates, preliminary and reported
//! figures; yearly values beside an average are small dots; what is required is dotted, what
//! is projected dashed with a shaded fan; a series break is a dashed vertical rule.

use super::layout::{Align, Label, Layout, CONTEXT_DOT, DOT, FOCUS_PAD};
use super::legend::Ink;
use super::spec::{ChartSpec, TargetMark};
use super::theme::{Rgb, Theme};
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

type Area<DB> = DrawingArea<DB, plotters::coord::Shift>;
type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Pixel helpers for one surface.
#[derive(Clone, Copy)]
pub(super) struct Pen {
    pub surface: Surface,
}

impl Pen {
    pub fn px(&self, x: f64, y: f64) -> (i32, i32) {
        let s = self.surface.scale;
        ((x * s).round() as i32, (y * s).round() as i32)
    }

    pub fn stroke(&self, w: f64) -> u32 {
        ((w * self.surface.scale).round() as u32).max(1)
    }

    pub fn radius(&self, r: f64) -> i32 {
        ((r * self.surface.scale).round() as i32).max(1)
    }

    pub fn line<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        points: &[(f64, f64)],
        rgb: Rgb,
        width: f64,
    ) -> Drawn<DB> {
        area.draw(&PathElement::new(
            points
                .iter()
                .map(|(x, y)| self.px(*x, *y))
                .collect::<Vec<_>>(),
            colour(rgb).stroke_width(self.stroke(width)),
        ))
    }

    /// A broken line: `on` pixels drawn, `off` left out.
    pub fn dashed<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        points: &[(f64, f64)],
        rgb: Rgb,
        width: f64,
        (on, off): (f64, f64),
    ) -> Drawn<DB> {
        for segment in dashes(points, on, off) {
            self.line(area, &segment, rgb, width)?;
        }
        Ok(())
    }

    /// A data point's dot: filled for official figures, hollow (a ring on the background) for
    /// everything less final.
    pub fn dot<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        (x, y): (f64, f64),
        r: f64,
        ink: Rgb,
        filled: bool,
        background: Rgb,
    ) -> Drawn<DB> {
        let centre = self.px(x, y);
        if filled {
            area.draw(&Circle::new(centre, self.radius(r), colour(ink).filled()))
        } else {
            area.draw(&Circle::new(
                centre,
                self.radius(r),
                colour(background).filled(),
            ))?;
            area.draw(&Circle::new(
                centre,
                self.radius(r - 0.75),
                colour(ink).stroke_width(self.stroke(1.5)),
            ))
        }
    }

    pub fn text<DB: DrawingBackend>(&self, area: &Area<DB>, label: &Label, rgb: Rgb) -> Drawn<DB> {
        let size = label.size * self.surface.scale * self.surface.text_scale;
        let h = match label.align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        // plotters writes a top-anchored SVG text with dy = 0.76 em: the baseline falls where
        // the layout put it.
        let y = label.baseline - super::layout::TOP_TO_BASELINE * label.size;
        let style = ("sans-serif", size)
            .into_font()
            .color(&colour(rgb))
            .pos(Pos::new(h, VPos::Top));
        area.draw(&Text::new(label.text.clone(), self.px(label.x, y), style))
    }
}

/// Draws `spec` as placed by `layout`, with the focus ring and label when `focus` is set (the
/// canvas paints both at once; the SVG page keeps the focus in its own overlay).
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    spec: &ChartSpec,
    layout: &Layout,
    theme: &Theme,
    focus: Focus,
    surface: Surface,
) -> Drawn<DB> {
    draw_marks(area, spec, layout, theme, surface)?;
    if let Some(focus) = focus {
        draw_focus(area, spec, layout, theme, focus, surface)?;
    }
    Ok(())
}

/// Everything but the focus.
pub fn draw_marks<DB: DrawingBackend>(
    area: &Area<DB>,
    spec: &ChartSpec,
    layout: &Layout,
    theme: &Theme,
    surface: Surface,
) -> Drawn<DB> {
    let pen = Pen { surface };
    let (left, top, right, bottom) = layout.frame;
    area.fill(&colour(theme.background))?;

    // Grid, zero line, x axis and year ticks.
    for (value, _) in &layout.y_ticks {
        let y = layout.y.map(*value);
        pen.line(area, &[(left, y), (right, y)], theme.grid, 1.0)?;
    }
    if layout.y.domain.0 < 0.0 && layout.y.domain.1 > 0.0 {
        let y = layout.y.map(0.0);
        pen.line(area, &[(left, y), (right, y)], theme.axis, 1.0)?;
    }
    pen.line(area, &[(left, bottom), (right, bottom)], theme.axis, 1.0)?;
    for (year, _) in &layout.x_ticks {
        let x = layout.x.map(f64::from(*year));
        pen.line(area, &[(x, bottom), (x, bottom + 4.0)], theme.axis, 1.0)?;
    }

    // Targets: the other ones muted and thin underneath, the lead one a band with solid edges
    // (or a solid threshold line).
    if spec.layers.targets {
        let (others, leads): (Vec<&TargetMark>, Vec<&TargetMark>) =
            spec.targets.iter().partition(|m| !m.lead);
        let others = others.into_iter().filter(|_| spec.layers.other_targets);
        for (mark, lead) in others
            .map(|m| (m, false))
            .chain(leads.into_iter().map(|m| (m, true)))
        {
            let x0 = layout.x.map(mark.span.0);
            let x1 = layout.x.map(mark.span.1);
            let (y_high, y_low) = (layout.y.map(mark.high), layout.y.map(mark.low));
            let (ink, edge) = if lead {
                (theme.target, 2.0)
            } else {
                (theme.other_target, 1.0)
            };
            if mark.is_band() {
                let opacity = if lead {
                    theme.band_opacity
                } else {
                    theme.band_opacity / 2.0
                };
                area.draw(&Rectangle::new(
                    [pen.px(x0, y_high), pen.px(x1, y_low)],
                    colour(ink).mix(opacity).filled(),
                ))?;
                pen.line(area, &[(x0, y_low), (x1, y_low)], ink, edge * 0.75)?;
            }
            pen.line(area, &[(x0, y_high), (x1, y_high)], ink, edge)?;
        }
    }

    // Projection: a shaded fan and a dashed central line; a single projected year is a shaded
    // bar from low to high with a dashed tick at the central value.
    if spec.layers.projection {
        if let [(year, value, low, high)] = spec.projection.as_slice() {
            let (x0, x1) = (
                layout.x.map(f64::from(*year) - 0.35),
                layout.x.map(f64::from(*year) + 0.35),
            );
            area.draw(&Rectangle::new(
                [
                    pen.px(x0, layout.y.map(*high)),
                    pen.px(x1, layout.y.map(*low)),
                ],
                colour(theme.projection).mix(theme.fan_opacity).filled(),
            ))?;
            let y = layout.y.map(*value);
            pen.dashed(area, &[(x0, y), (x1, y)], theme.projection, 2.0, (6.0, 4.0))?;
        } else if spec.projection.len() >= 2 {
            let at = |year: i32, v: f64| pen.px(layout.x.map(f64::from(year)), layout.y.map(v));
            let mut outline: Vec<(i32, i32)> = spec
                .projection
                .iter()
                .map(|(year, _, _, high)| at(*year, *high))
                .collect();
            outline.extend(
                spec.projection
                    .iter()
                    .rev()
                    .map(|(year, _, low, _)| at(*year, *low)),
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
            pen.dashed(area, &centre, theme.projection, 2.0, (6.0, 4.0))?;
        }
    }

    // Required path: dotted. A single point is a dotted bar across its year.
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
        pen.dashed(area, &points, theme.required, 2.5, (2.0, 3.0))?;
    }

    // Series breaks: a vertical dashed rule.
    for mark in &spec.breaks {
        let x = layout.x.map(mark.at);
        pen.dashed(area, &[(x, top), (x, bottom)], theme.muted, 1.0, (3.0, 3.0))?;
    }

    // Figures: context dots first, then each line, solid, with its dots.
    if spec.layers.actuals {
        let order = spec
            .series
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.role.is_line())
            .chain(
                spec.series
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.role.is_line()),
            );
        for (index, series) in order {
            let ink = theme.ink(spec.ink(series));
            let placed: Vec<_> = layout.points.iter().filter(|p| p.series == index).collect();
            let radius = if series.role.is_line() {
                for run in ChartSpec::runs(series) {
                    let line: Vec<(f64, f64)> = placed
                        .get(run)
                        .unwrap_or_default()
                        .iter()
                        .map(|p| (p.x, p.y))
                        .collect();
                    if line.len() >= 2 {
                        pen.line(area, &line, ink, 2.0)?;
                    }
                }
                DOT
            } else {
                CONTEXT_DOT
            };
            for p in &placed {
                let point = &series.points[p.index];
                if let Some((low, high)) = point.range {
                    // A figure published as a range: a bar from its low to its high end.
                    pen.line(
                        area,
                        &[(p.x, layout.y.map(low)), (p.x, layout.y.map(high))],
                        ink,
                        2.0,
                    )?;
                }
                pen.dot(
                    area,
                    (p.x, p.y),
                    radius,
                    ink,
                    point.is_final(),
                    theme.background,
                )?;
            }
        }
    }

    for label in &layout.labels {
        pen.text(area, label, theme.ink(label.ink))?;
    }
    Ok(())
}

/// The focus ring and the focused value's label, on a transparent area (the overlay of the
/// page's SVG, or over the marks on a canvas).
pub fn draw_focus<DB: DrawingBackend>(
    area: &Area<DB>,
    spec: &ChartSpec,
    layout: &Layout,
    theme: &Theme,
    focus: usize,
    surface: Surface,
) -> Drawn<DB> {
    let pen = Pen { surface };
    let Some(point) = layout.points.get(focus) else {
        return Ok(());
    };
    area.draw(&Circle::new(
        pen.px(point.x, point.y),
        pen.radius(8.0),
        colour(theme.focus).stroke_width(pen.stroke(2.0)),
    ))?;
    if let Some(label) = layout.focus_label(spec, focus) {
        let r = label.rect;
        area.draw(&Rectangle::new(
            [
                pen.px(r.left - FOCUS_PAD, r.top - FOCUS_PAD),
                pen.px(r.right + FOCUS_PAD, r.bottom + FOCUS_PAD),
            ],
            colour(theme.background).mix(0.92).filled(),
        ))?;
        area.draw(&Rectangle::new(
            [
                pen.px(r.left - FOCUS_PAD, r.top - FOCUS_PAD),
                pen.px(r.right + FOCUS_PAD, r.bottom + FOCUS_PAD),
            ],
            colour(theme.focus).stroke_width(pen.stroke(1.0)),
        ))?;
        pen.text(area, &label, theme.ink(Ink::Text))?;
    }
    Ok(())
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
