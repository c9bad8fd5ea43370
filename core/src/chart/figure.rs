//! A chart as a stand-alone picture (the PNG and SVG downloads): a title and subtitle above, the
//! chart drawn by `draw::draw`, then a legend and the source and version lines below. Text is
//! wrapped with the fixed metrics of `layout::text_width` and drawn as primitive `Text`
//! elements, one per line, so no backend has to measure text.

use super::draw::{dashes, draw, Surface};
use super::layout::{layout, text_width};
use super::spec::ChartSpec;
use super::theme::{Rgb, Theme};
use crate::export::Caption;
use crate::i18n::{t, Ui};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const PAD: f64 = 12.0;
const TITLE_SIZE: f64 = 16.0;
const TITLE_LINE: f64 = 21.0;
const SMALL_SIZE: f64 = 12.0;
const SMALL_LINE: f64 = 16.0;
const FOOT_SIZE: f64 = 11.0;
const FOOT_LINE: f64 = 15.0;
const SWATCH: f64 = 22.0;

/// One legend entry: what its swatch shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Official,
    Estimate,
    Target,
    Required,
    Projection,
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
    /// (key, label, x, y of the line's middle).
    pub legend: Vec<(Key, String, f64, f64)>,
    pub footer: Vec<(String, f64)>,
}

/// Breaks `text` into lines no wider than `width` by the fixed text metrics, at spaces where it
/// can and inside a word only when one word is wider than the line.
pub fn wrap(text: &str, width: f64, font_size: f64) -> Vec<String> {
    let fits = |s: &str| text_width(s, font_size) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
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

    let lang = spec.lang;
    let mut keys: Vec<(Key, &str)> = Vec::new();
    if spec.layers.actuals && !spec.series.is_empty() {
        keys.push((Key::Official, t(Ui::ActualOfficial, lang)));
        keys.push((Key::Estimate, t(Ui::ActualEstimate, lang)));
    }
    if spec.layers.targets && !spec.targets.is_empty() {
        keys.push((Key::Target, t(Ui::TargetBand, lang)));
    }
    if spec.layers.required && !spec.required.is_empty() {
        keys.push((Key::Required, t(Ui::RequiredPath, lang)));
    }
    if spec.layers.projection && !spec.projection.is_empty() {
        keys.push((Key::Projection, t(Ui::Projection, lang)));
    }
    let mut legend = Vec::new();
    let mut x = PAD;
    let line_middle = |y: f64| y + SMALL_LINE / 2.0;
    for (key, label) in keys {
        let item = SWATCH + 6.0 + text_width(label, SMALL_SIZE);
        if x > PAD && x + item > width - PAD {
            x = PAD;
            y += SMALL_LINE + 2.0;
        }
        legend.push((key, label.to_string(), x, line_middle(y)));
        x += item + 16.0;
    }
    if !legend.is_empty() {
        y += SMALL_LINE + 6.0;
    }
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
    let stroke = |w: f64| ((w * scale).round() as u32).max(1);
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

    let chart_area = area.clone().shrink(
        (0u32, (figure.chart_top * scale).round() as u32),
        (
            (figure.width * scale).round() as u32,
            (figure.chart_height * scale).round() as u32,
        ),
    );
    let placed = layout(spec, figure.width, figure.chart_height);
    draw(&chart_area, spec, &placed, theme, None, surface)?;

    let series = colour(theme.series[0]);
    for (key, label, x, middle) in &figure.legend {
        let (x0, x1) = (*x, *x + SWATCH);
        match key {
            Key::Official | Key::Estimate => {
                area.draw(&PathElement::new(
                    vec![px(x0, *middle), px(x1, *middle)],
                    series.stroke_width(stroke(2.0)),
                ))?;
                let centre = px((x0 + x1) / 2.0, *middle);
                let radius = (4.0 * scale).round() as i32;
                let marker = super::draw::Marker {
                    centre,
                    radius,
                    stroke: stroke(2.0),
                };
                marker.draw(
                    area,
                    series,
                    *key == Key::Official,
                    colour(theme.background),
                )?;
            }
            Key::Target => {
                let target = colour(theme.target);
                area.draw(&Rectangle::new(
                    [px(x0, middle - 5.0), px(x1, middle + 5.0)],
                    target.mix(theme.band_opacity).filled(),
                ))?;
                for y in [middle - 5.0, middle + 5.0] {
                    area.draw(&PathElement::new(
                        vec![px(x0, y), px(x1, y)],
                        target.stroke_width(stroke(1.5)),
                    ))?;
                }
            }
            Key::Required | Key::Projection => {
                let (rgb, on, off) = if *key == Key::Required {
                    (theme.required, 2.0, 3.0)
                } else {
                    (theme.projection, 6.0, 4.0)
                };
                for segment in dashes(&[(x0, *middle), (x1, *middle)], on, off) {
                    area.draw(&PathElement::new(
                        segment.iter().map(|(a, b)| px(*a, *b)).collect::<Vec<_>>(),
                        colour(rgb).stroke_width(stroke(2.5)),
                    ))?;
                }
            }
        }
        area.draw(&Text::new(
            label.clone(),
            px(x1 + 6.0, middle - SMALL_SIZE / 2.0 - 1.0),
            text(SMALL_SIZE, false, theme.text),
        ))?;
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

fn colour(rgb: Rgb) -> RGBColor {
    RGBColor(rgb.0, rgb.1, rgb.2)
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
