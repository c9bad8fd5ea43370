//! A chart as a stand-alone picture (the PNG and SVG downloads): a title and subtitle above, the
//! chart drawn by `draw::draw`, then a legend and the source and version lines below. Text is
//! wrapped with the fixed metrics of `layout::text_width` and drawn as primitive `Text`
//! elements, one per line, so no backend has to measure text.

use super::draw::{colour, draw, Pen, Surface};
use super::layout::{layout, text_width, CONTEXT_DOT, DOT};
use super::legend::{legend, Swatch};
use super::spec::ChartSpec;
use super::theme::{Rgb, Theme};
use crate::export::Caption;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const PAD: f64 = 12.0;
const TITLE_SIZE: f64 = 16.0;
const TITLE_LINE: f64 = 21.0;
const SMALL_SIZE: f64 = 12.0;
const SMALL_LINE: f64 = 16.0;
const FOOT_SIZE: f64 = 11.0;
const FOOT_LINE: f64 = 15.0;
/// Width and height of a legend swatch.
pub const SWATCH: f64 = 22.0;
pub const SWATCH_HEIGHT: f64 = 14.0;

/// One legend entry as placed: its swatch, its label's lines, and where they go (the swatch
/// sits at the middle of the first line).
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedEntry {
    pub swatch: Swatch,
    pub lines: Vec<String>,
    pub x: f64,
    pub middle: f64,
}

/// Where everything of a figure goes, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub width: f64,
    pub height: f64,
    pub title: Vec<(String, f64)>,
    pub subtitle: Vec<(String, f64)>,
    pub chart_top: f64,
    pub chart_height: f64,
    /// The chart's legend entries that are drawn (`legend::legend`).
    pub legend: Vec<PlacedEntry>,
    pub footer: Vec<(String, f64)>,
}

/// Breaks `text` into lines no wider than `width` by the fixed text metrics, at spaces where it
/// can and inside a word only when one word is wider than the line.
pub fn wrap(text: &str, width: f64, font_size: f64) -> Vec<String> {
    let fits = |s: &str| text_width(s, font_size) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Only ordinary spaces break a line: a no-break space keeps a number with its unit.
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than the line is cut where it must be.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if !fits(&piece) && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        line = piece;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lays out a figure `width` wide around a chart `chart_height` tall.
pub fn figure(spec: &ChartSpec, caption: &Caption, width: f64, chart_height: f64) -> Figure {
    let inner = (width - 2.0 * PAD).max(40.0);
    let mut y = PAD;
    let place = |text: &str, size: f64, line: f64, y: &mut f64| -> Vec<(String, f64)> {
        wrap(text, inner, size)
            .into_iter()
            .map(|l| {
                let at = *y;
                *y += line;
                (l, at)
            })
            .collect()
    };
    let title = place(&caption.title, TITLE_SIZE, TITLE_LINE, &mut y);
    let subtitle = place(&caption.subtitle, SMALL_SIZE, SMALL_LINE, &mut y);
    y += 4.0;
    let chart_top = y;
    y += chart_height + 6.0;

    // The legend: entries flow in rows; one too long for a row wraps beside its swatch.
    let mut x = PAD;
    let mut row_height: f64 = 0.0;
    let mut entries = Vec::new();
    for entry in legend(spec, spec.lang).into_iter().filter(|e| e.shown) {
        let lines = wrap(&entry.label, inner - SWATCH - 6.0, SMALL_SIZE);
        let text = lines
            .iter()
            .map(|l| text_width(l, SMALL_SIZE))
            .fold(0.0, f64::max);
        let item = SWATCH + 6.0 + text;
        if x > PAD && (x + item > width - PAD || lines.len() > 1) {
            x = PAD;
            y += row_height + 4.0;
            row_height = 0.0;
        }
        let height = lines.len() as f64 * SMALL_LINE;
        entries.push(PlacedEntry {
            swatch: entry.swatch,
            lines,
            x,
            middle: y + SMALL_LINE / 2.0,
        });
        row_height = row_height.max(height);
        x += item + 16.0;
    }
    if !entries.is_empty() {
        y += row_height + 6.0;
    }
    let legend = entries;
    let mut footer = place(&caption.source, FOOT_SIZE, FOOT_LINE, &mut y);
    footer.extend(place(&caption.credit, FOOT_SIZE, FOOT_LINE, &mut y));
    Figure {
        width,
        height: (y + PAD - 4.0).ceil(),
        title,
        subtitle,
        chart_top,
        chart_height,
        legend,
        footer,
    }
}

/// Paints a figure laid out by `figure` on any backend.
pub fn draw_figure<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    spec: &ChartSpec,
    figure: &Figure,
    theme: &Theme,
    surface: Surface,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let scale = surface.scale;
    let px = |x: f64, y: f64| ((x * scale).round() as i32, (y * scale).round() as i32);
    let text = |size: f64, bold: bool, rgb: Rgb| {
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        ("sans-serif", size * scale * surface.text_scale, style)
            .into_font()
            .color(&colour(rgb))
            .pos(Pos::new(HPos::Left, VPos::Top))
    };
    area.fill(&colour(theme.background))?;
    for (line, y) in &figure.title {
        area.draw(&Text::new(
            line.clone(),
            px(PAD, *y),
            text(TITLE_SIZE, true, theme.text),
        ))?;
    }
    for (line, y) in &figure.subtitle {
        area.draw(&Text::new(
            line.clone(),
            px(PAD, *y),
            text(SMALL_SIZE, false, theme.muted),
        ))?;
    }

    // The chart keeps the figure's margins: its unit and ticks line up with the title, never
    // against the picture's edge (gallery F27).
    let chart_width = (figure.width - 2.0 * PAD).max(40.0);
    let chart_area = area.clone().shrink(
        (
            (PAD * scale).round() as u32,
            (figure.chart_top * scale).round() as u32,
        ),
        (
            (chart_width * scale).round() as u32,
            (figure.chart_height * scale).round() as u32,
        ),
    );
    let placed = layout(spec, chart_width, figure.chart_height);
    draw(&chart_area, spec, &placed, theme, None, surface)?;

    for entry in &figure.legend {
        draw_swatch(area, entry.swatch, (entry.x, entry.middle), theme, surface)?;
        for (index, line) in entry.lines.iter().enumerate() {
            area.draw(&Text::new(
                line.clone(),
                px(
                    entry.x + SWATCH + 6.0,
                    entry.middle - SMALL_SIZE / 2.0 - 1.0 + index as f64 * SMALL_LINE,
                ),
                text(SMALL_SIZE, false, theme.text),
            ))?;
        }
    }

    for (line, y) in &figure.footer {
        area.draw(&Text::new(
            line.clone(),
            px(PAD, *y),
            text(FOOT_SIZE, false, theme.muted),
        ))?;
    }
    Ok(())
}

/// A legend swatch whose left edge is at `x` and middle at `middle`: the mark it explains, drawn
/// by the same pen as the chart.
pub fn draw_swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    swatch: Swatch,
    (x, middle): (f64, f64),
    theme: &Theme,
    surface: Surface,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let pen = Pen { surface };
    let (x0, x1) = (x + 1.0, x + SWATCH - 1.0);
    let centre = (x + SWATCH / 2.0, middle);
    match swatch {
        Swatch::Line(ink) => {
            let rgb = theme.ink(ink);
            pen.line(area, &[(x0, middle), (x1, middle)], rgb, 2.0)?;
            pen.dot(area, centre, DOT, rgb, true, theme.background)?;
        }
        Swatch::Dot { filled } => {
            pen.dot(area, centre, DOT, theme.text, filled, theme.background)?;
        }
        Swatch::Yearly(ink) => {
            let rgb = theme.ink(ink);
            for dx in [-5.0, 5.0] {
                pen.dot(
                    area,
                    (centre.0 + dx, middle),
                    CONTEXT_DOT,
                    rgb,
                    true,
                    theme.background,
                )?;
            }
        }
        Swatch::Band { lead } => {
            let (rgb, opacity) = if lead {
                (theme.target, theme.band_opacity)
            } else {
                (theme.other_target, theme.band_opacity / 2.0)
            };
            area.draw(&Rectangle::new(
                [pen.px(x0, middle - 5.0), pen.px(x1, middle + 5.0)],
                colour(rgb).mix(opacity).filled(),
            ))?;
            let edge = if lead { 2.0 } else { 1.0 };
            pen.line(area, &[(x0, middle - 5.0), (x1, middle - 5.0)], rgb, edge)?;
            pen.line(
                area,
                &[(x0, middle + 5.0), (x1, middle + 5.0)],
                rgb,
                edge * 0.75,
            )?;
        }
        Swatch::Threshold { lead } => {
            let (rgb, edge) = if lead {
                (theme.target, 2.0)
            } else {
                (theme.other_target, 1.0)
            };
            pen.line(area, &[(x0, middle), (x1, middle)], rgb, edge)?;
        }
        Swatch::Required => {
            pen.dashed(
                area,
                &[(x0, middle), (x1, middle)],
                theme.required,
                2.5,
                (2.0, 3.0),
            )?;
        }
        Swatch::Projection => {
            pen.dashed(
                area,
                &[(x0, middle), (x1, middle)],
                theme.projection,
                2.0,
                (6.0, 4.0),
            )?;
        }
        Swatch::Fan => {
            area.draw(&Rectangle::new(
                [pen.px(x0, middle - 5.0), pen.px(x1, middle + 5.0)],
                colour(theme.projection).mix(theme.fan_opacity).filled(),
            ))?;
        }
        Swatch::Break => {
            pen.dashed(
                area,
                &[(centre.0, middle - 7.0), (centre.0, middle + 7.0)],
                theme.muted,
                1.0,
                (3.0, 3.0),
            )?;
        }
    }
    Ok(())
}

/// The figure as an SVG document, with the title and a description (the summary sentence) as
/// `<title>` and `<desc>` for readers of the file that cannot see it.
#[cfg(feature = "svg")]
pub fn to_svg(
    spec: &ChartSpec,
    caption: &Caption,
    description: &str,
    width: u32,
    chart_height: u32,
    theme: &Theme,
) -> String {
    let placed = figure(spec, caption, f64::from(width), f64::from(chart_height));
    let mut out = String::new();
    {
        let backend = plotters::prelude::SVGBackend::with_string(
            &mut out,
            (width, placed.height.round() as u32),
        );
        let area = backend.into_drawing_area();
        // Drawing into a string cannot fail; a partial picture would show in the tests.
        let _ = draw_figure(&area, spec, &placed, theme, Surface::SVG);
        let _ = area.present();
    }
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let metadata = format!(
        "<title>{}</title>\n<desc>{}</desc>\n",
        escape(&caption.title),
        escape(&format!(
            "{} {} {}",
            description, caption.source, caption.credit
        ))
    );
    match out
        .find("<svg")
        .and_then(|start| out[start..].find('>').map(|end| start + end + 1))
    {
        Some(at) => {
            let at = if out[at..].starts_with('\n') {
                at + 1
            } else {
                at
            };
            out.insert_str(at, &metadata);
            out
        }
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_and_fits_the_width() {
        let text = "Tăng trưởng tổng sản phẩm trên địa bàn (GRDP) — Cần Thơ đến 2030";
        let lines = wrap(text, 200.0, 16.0);
        assert!(lines.len() > 1);
        assert!(
            lines.iter().all(|l| text_width(l, 16.0) <= 200.0),
            "{lines:?}"
        );
        assert_eq!(lines.join(" "), text);
        let long = wrap(
            "https://example.org/a-very-long-address-without-any-space",
            80.0,
            12.0,
        );
        assert!(long.iter().all(|l| text_width(l, 12.0) <= 80.0), "{long:?}");
        assert_eq!(
            long.concat(),
            "https://example.org/a-very-long-address-without-any-space"
        );
        assert!(wrap("", 100.0, 12.0).is_empty());
    }
}
