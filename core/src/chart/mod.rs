//! Indicator charts: `spec::build` decides what is shown, `layout::layout` where, and
//! `draw::draw` paints it on any plotters backend (canvas, SVG).

pub mod draw;
pub mod figure;
pub mod layout;
pub mod scale;
pub mod sparkline;
pub mod spec;
pub mod theme;

pub use draw::{draw, Focus, Surface};
pub use layout::{layout, Layout};
pub use spec::{build, ChartSpec, Layers};
pub use theme::{Theme, ThemeName};

/// Chart height for a given width: wide on desktops, taller than wide never. The page's canvas
/// and the PNG and SVG downloads use the same proportions.
pub fn height_for(width: f64) -> f64 {
    (width * 0.55).clamp(230.0, 400.0)
}

/// Renders a chart to an SVG document through plotters' SVGBackend: the download format and
/// what the snapshot tests compare.
#[cfg(feature = "svg")]
pub fn to_svg(spec: &ChartSpec, width: u32, height: u32, theme: &Theme, focus: Focus) -> String {
    use plotters::prelude::{IntoDrawingArea, SVGBackend};
    let mut out = String::new();
    {
        let backend = SVGBackend::with_string(&mut out, (width, height));
        let area = backend.into_drawing_area();
        let placed = layout(spec, f64::from(width), f64::from(height));
        // An in-memory SVG cannot fail to draw; a failure would leave a partial document,
        // which the snapshot tests would show.
        let _ = draw(&area, spec, &placed, theme, focus, Surface::SVG);
        let _ = area.present();
    }
    out
}
