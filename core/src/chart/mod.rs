//! Indicator charts: `spec::indicator_chart` decides what is shown, `layout::layout` where
//! (texts included, by a label-placement pass), and `draw::draw` paints it on any plotters
//! backend. `render_svg` and `render_focus_svg` give the page its inline SVG and the focus
//! overlay; `figure` the downloads; `legend` the entries both show.

pub mod draw;
pub mod figure;
pub mod layout;
pub mod legend;
pub mod scale;
pub mod sparkline;
pub mod spec;
pub mod theme;
pub mod words;

pub use draw::{draw, draw_focus, draw_marks, Focus, Surface};
pub use layout::{layout, Label, LabelRole, Layout, Rect};
pub use legend::{legend, Ink, LayerKey, LegendEntry, Swatch};
pub use spec::{
    document_short, indicator_chart, leads, territory_short, value_label, ChartSpec, Layers, Leads,
    Role,
};
pub use theme::{Theme, ThemeName};

/// Chart height for a given width: wide on desktops, taller than wide never. The page's chart
/// and the PNG and SVG downloads use the same proportions.
pub fn height_for(width: f64) -> f64 {
    (width * 0.55).clamp(230.0, 400.0)
}

/// The widths a chart is laid out at. A chart box of any width shows the layout of the largest
/// design width that fits it (the smallest below 320 px), scaled by its viewBox by at most a
/// quarter: text stays readable, and a page pre-rendered without knowing its width can carry
/// one layout per design width and let a container query show the right one. The stylesheet's
/// container queries use these thresholds (a test checks them).
pub const DESIGN_WIDTHS: [f64; 6] = [320.0, 400.0, 500.0, 640.0, 800.0, 1000.0];

/// The design width for a chart box `width` CSS pixels wide.
pub fn design_width(width: f64) -> f64 {
    DESIGN_WIDTHS
        .iter()
        .copied()
        .rfind(|w| *w <= width)
        .unwrap_or(DESIGN_WIDTHS[0])
}

/// Chart height in the compact embed: short enough that headline, chart, status line, source
/// and link fit an article column (180 px at 320 px wide, never above 240 px).
pub fn height_for_compact(width: f64) -> f64 {
    (width * 0.45).clamp(180.0, 240.0)
}

/// plotters' SVG document with its fixed `width` and `height` taken off the root element, so
/// the page's CSS sizes it and the `viewBox` keeps its proportions.
#[cfg(feature = "svg")]
fn responsive(svg: String) -> String {
    let Some(start) = svg.find("<svg") else {
        return svg;
    };
    let Some(end) = svg[start..].find('>').map(|e| start + e) else {
        return svg;
    };
    let head: String = svg[start..end]
        .split(' ')
        .filter(|part| !part.starts_with("width=") && !part.starts_with("height="))
        .collect::<Vec<_>>()
        .join(" ");
    format!("{}{head}{}", &svg[..start], &svg[end..])
}

#[cfg(feature = "svg")]
fn with_svg_backend(
    width: f64,
    height: f64,
    paint: impl FnOnce(
        &plotters::drawing::DrawingArea<plotters::prelude::SVGBackend, plotters::coord::Shift>,
    ),
) -> String {
    use plotters::prelude::{IntoDrawingArea, SVGBackend};
    let mut out = String::new();
    {
        let size = (
            width.round().max(1.0) as u32,
            height.round().max(1.0) as u32,
        );
        let backend = SVGBackend::with_string(&mut out, size);
        let area = backend.into_drawing_area();
        paint(&area);
        let _ = area.present();
    }
    out
}

/// The chart as an `<svg>` element for the page: `viewBox="0 0 W H"`, no width or height (CSS
/// sizes it), presentation attributes only (no `style`, for a strict CSP). Drawn by plotters'
/// SVG backend with the same code as every other surface, its runs of lines in one style
/// joined into one element each ([`merge_strokes`]).
#[cfg(feature = "svg")]
pub fn render_svg(spec: &ChartSpec, layout: &Layout, theme: &Theme) -> String {
    merge_strokes(&responsive(with_svg_backend(
        layout.width,
        layout.height,
        |area| {
            // Drawing into a string cannot fail; a partial picture would show in the tests.
            let _ = draw_marks(area, spec, layout, theme, Surface::SVG);
        },
    )))
}

/// plotters writes every line as its own `<polyline>`: a dashed line of 22 dashes is 22
/// elements, the ticks of an axis one each. A pre-rendered page carries six layouts of a chart,
/// and every element is parsed and built before the first paint, so consecutive opaque lines of
/// the same stroke become one `<path>` with a subpath each (`M x,y L x,y …`): the same strokes,
/// the same order against the marks around them. Lines with another opacity stay as they are
/// (joined, their overlaps would no longer add up).
#[cfg(feature = "svg")]
pub fn merge_strokes(svg: &str) -> String {
    const OPEN: &str = "<polyline fill=\"none\" opacity=\"1\" stroke=\"";
    /// (stroke, stroke-width) of a line `OPEN…"/>` and its points, or None for anything else.
    fn parse(line: &str) -> Option<(&str, &str, &str)> {
        let rest = line.strip_prefix(OPEN)?;
        let (stroke, rest) = rest.split_once("\" stroke-width=\"")?;
        let (width, rest) = rest.split_once("\" points=\"")?;
        let points = rest.strip_suffix("\"/>")?;
        let plain = |t: &str| !t.contains(['"', '<', '>']);
        (plain(stroke) && plain(width) && plain(points)).then_some((stroke, width, points))
    }
    fn subpath(points: &str, d: &mut String) {
        for (index, point) in points.split_whitespace().enumerate() {
            d.push(if index == 0 { 'M' } else { 'L' });
            d.push_str(point);
        }
    }
    /// Lines of one stroke in a row: the first as plotters wrote it (kept if it stays alone),
    /// and all of them as path data.
    struct Run<'a> {
        stroke: &'a str,
        width: &'a str,
        first: &'a str,
        d: String,
        lines: usize,
    }
    fn close(run: Option<Run>, out: &mut String) {
        match run {
            Some(run) if run.lines == 1 => {
                out.push_str(run.first);
                out.push('\n');
            }
            Some(run) => out.push_str(&format!(
                "<path fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" d=\"{}\"/>\n",
                run.stroke, run.width, run.d
            )),
            None => {}
        }
    }
    let mut out = String::with_capacity(svg.len());
    let mut run: Option<Run> = None;
    for line in svg.split_inclusive('\n') {
        let text = line.trim_end_matches('\n');
        let Some((stroke, width, points)) = parse(text) else {
            close(run.take(), &mut out);
            out.push_str(line);
            continue;
        };
        match run.as_mut() {
            Some(open) if open.stroke == stroke && open.width == width => {
                subpath(points, &mut open.d);
                open.lines += 1;
            }
            _ => {
                close(run.take(), &mut out);
                let mut d = String::new();
                subpath(points, &mut d);
                run = Some(Run {
                    stroke,
                    width,
                    first: text,
                    d,
                    lines: 1,
                });
            }
        }
    }
    close(run, &mut out);
    out
}

/// The focus ring and value label of one point as a transparent `<svg>` of the same viewBox,
/// laid over `render_svg`'s: a hover redraws this alone, never the chart.
#[cfg(feature = "svg")]
pub fn render_focus_svg(spec: &ChartSpec, layout: &Layout, theme: &Theme, focus: usize) -> String {
    responsive(with_svg_backend(layout.width, layout.height, |area| {
        let _ = draw_focus(area, spec, layout, theme, focus, Surface::SVG);
    }))
}

/// A legend entry's swatch as a small `<svg>` (viewBox 0 0 22 14), drawn by the code that
/// draws the mark, so the page's HTML legend shows exactly what the chart does.
#[cfg(feature = "svg")]
pub fn swatch_svg(swatch: Swatch, theme: &Theme) -> String {
    responsive(with_svg_backend(
        figure::SWATCH,
        figure::SWATCH_HEIGHT,
        |area| {
            let _ = figure::draw_swatch(
                area,
                swatch,
                (0.0, figure::SWATCH_HEIGHT / 2.0),
                theme,
                Surface::SVG,
            );
        },
    ))
}

/// Renders a chart to an SVG document of a fixed size through plotters' SVGBackend, with the
/// focus drawn in when given: what the snapshot tests compare.
#[cfg(feature = "svg")]
pub fn to_svg(spec: &ChartSpec, width: u32, height: u32, theme: &Theme, focus: Focus) -> String {
    let placed = layout(spec, f64::from(width), f64::from(height));
    with_svg_backend(f64::from(width), f64::from(height), |area| {
        let _ = draw(area, spec, &placed, theme, focus, Surface::SVG);
    })
}
