//! Colours of the chart in each theme. Text colours meet 4.5:1 and marks 3:1 against the
//! background (checked by the tests below), and no meaning rests on colour alone: actual values
//! are dots and lines, targets are bands with edges, projections are dashed, the required path
//! dotted.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeName {
    Light,
    Dark,
    Contrast,
}

impl ThemeName {
    pub const ALL: [ThemeName; 3] = [ThemeName::Light, ThemeName::Dark, ThemeName::Contrast];

    pub fn code(self) -> &'static str {
        match self {
            ThemeName::Light => "light",
            ThemeName::Dark => "dark",
            ThemeName::Contrast => "contrast",
        }
    }

    pub fn from_code(code: &str) -> Option<ThemeName> {
        ThemeName::ALL.into_iter().find(|t| t.code() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub axis: Rgb,
    /// One colour per territory series, in order.
    pub series: [Rgb; 3],
    pub target: Rgb,
    /// Opacity of the target band's fill; its edges are drawn in full `target` colour.
    pub band_opacity: f64,
    /// The targets besides the lead one, drawn on demand: muted, so the lead stands out.
    pub other_target: Rgb,
    /// Yearly values shown as context beside an average or a total.
    pub context: Rgb,
    pub required: Rgb,
    pub projection: Rgb,
    pub fan_opacity: f64,
    pub focus: Rgb,
}

impl Theme {
    pub fn get(name: ThemeName) -> Theme {
        match name {
            ThemeName::Light => Theme {
                background: Rgb(255, 255, 255),
                text: Rgb(31, 35, 40),
                muted: Rgb(87, 96, 106),
                grid: Rgb(230, 232, 235),
                axis: Rgb(110, 119, 129),
                series: [Rgb(24, 88, 160), Rgb(176, 62, 0), Rgb(110, 64, 170)],
                target: Rgb(10, 122, 82),
                band_opacity: 0.16,
                other_target: Rgb(110, 119, 129),
                context: Rgb(110, 119, 129),
                required: Rgb(130, 80, 223),
                projection: Rgb(87, 96, 106),
                fan_opacity: 0.14,
                focus: Rgb(0, 0, 0),
            },
            ThemeName::Dark => Theme {
                background: Rgb(21, 25, 30),
                text: Rgb(230, 237, 243),
                muted: Rgb(158, 167, 179),
                grid: Rgb(48, 54, 61),
                // The same as `other_target` and `context`, as in the light palette: the
                // "Auto" theme's stylesheet maps each light colour to one dark colour.
                axis: Rgb(139, 148, 158),
                series: [Rgb(108, 182, 255), Rgb(240, 136, 62), Rgb(210, 168, 255)],
                target: Rgb(63, 185, 137),
                band_opacity: 0.2,
                other_target: Rgb(139, 148, 158),
                context: Rgb(139, 148, 158),
                required: Rgb(188, 140, 255),
                // As `muted`, the light palette's projection colour (see `auto_dark_css`).
                projection: Rgb(158, 167, 179),
                fan_opacity: 0.16,
                focus: Rgb(255, 255, 255),
            },
            ThemeName::Contrast => Theme {
                background: Rgb(0, 0, 0),
                text: Rgb(255, 255, 255),
                muted: Rgb(230, 230, 230),
                grid: Rgb(90, 90, 90),
                axis: Rgb(255, 255, 255),
                series: [Rgb(255, 255, 0), Rgb(0, 255, 255), Rgb(255, 128, 255)],
                target: Rgb(0, 255, 0),
                band_opacity: 0.25,
                other_target: Rgb(200, 200, 200),
                context: Rgb(200, 200, 200),
                required: Rgb(255, 160, 255),
                projection: Rgb(255, 255, 255),
                fan_opacity: 0.2,
                focus: Rgb(255, 255, 255),
            },
        }
    }
}

impl Theme {
    /// The colour of an ink.
    pub fn ink(&self, ink: super::legend::Ink) -> Rgb {
        use super::legend::Ink;
        match ink {
            Ink::Series(i) => self.series[i % self.series.len()],
            Ink::Context => self.context,
            Ink::Target => self.target,
            Ink::OtherTarget => self.other_target,
            Ink::Required => self.required,
            Ink::Projection => self.projection,
            Ink::Muted => self.muted,
            Ink::Text => self.text,
        }
    }
}

impl Rgb {
    /// "#1F2328": how plotters' SVG backend writes a colour, so a stylesheet can match it.
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

impl Theme {
    /// Every colour of the palette with what it is for, in one order for every theme.
    pub fn colours(&self) -> Vec<Rgb> {
        let mut out = vec![
            self.background,
            self.text,
            self.muted,
            self.grid,
            self.axis,
            self.target,
            self.other_target,
            self.context,
            self.required,
            self.projection,
            self.focus,
        ];
        out.extend(self.series);
        out
    }
}

/// The stylesheet rules that turn a chart drawn in the light palette into the dark one when the
/// theme is "Auto" and the reader's system is dark: every light colour, as plotters writes it in
/// a `fill` or `stroke` attribute, mapped to its dark counterpart. The page needs no script to
/// follow the system (also after a change), and a pre-rendered chart is right before the wasm
/// runs. `static/style.css` carries this text between two marker comments; a test keeps it so.
pub fn auto_dark_css() -> String {
    let light = Theme::get(ThemeName::Light).colours();
    let dark = Theme::get(ThemeName::Dark).colours();
    let mut pairs: Vec<(Rgb, Rgb)> = Vec::new();
    for (l, d) in light.into_iter().zip(dark) {
        if !pairs.iter().any(|(seen, _)| *seen == l) {
            pairs.push((l, d));
        }
    }
    let mut out = String::from("@media (prefers-color-scheme: dark) {\n");
    for attribute in ["fill", "stroke"] {
        for (l, d) in &pairs {
            out.push_str(&format!(
                "  .chitieu.theme-auto svg [{attribute}=\"{}\"] {{\n    {attribute}: {};\n  }}\n",
                l.hex(),
                d.hex()
            ));
        }
    }
    out.push_str("}\n");
    out
}

/// WCAG relative-luminance contrast ratio.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    fn channel(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance(c: Rgb) -> f64 {
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_light_colour_has_one_dark_counterpart_for_the_auto_theme() {
        let light = Theme::get(ThemeName::Light).colours();
        let dark = Theme::get(ThemeName::Dark).colours();
        for (i, l) in light.iter().enumerate() {
            for (j, other) in light.iter().enumerate() {
                if l == other {
                    assert_eq!(
                        dark[i],
                        dark[j],
                        "light {} maps to two dark colours",
                        l.hex()
                    );
                }
            }
        }
    }

    #[test]
    fn the_stylesheet_carries_the_auto_theme_rules() {
        let css =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../static/style.css"))
                .expect("static/style.css");
        let start = "/* generated: chart::theme::auto_dark_css() */\n";
        let end = "/* end generated */";
        let section = css
            .split_once(start)
            .and_then(|(_, rest)| rest.split_once(end))
            .map(|(section, _)| section)
            .expect("the marker comments in static/style.css");
        assert_eq!(
            section,
            auto_dark_css(),
            "regenerate the section: cargo run -p chitieu-core --example auto_dark_css"
        );
    }

    #[test]
    fn every_theme_meets_wcag_contrast() {
        for name in ThemeName::ALL {
            let t = Theme::get(name);
            // Every ink that writes text on the chart (labels take the colour of their mark)
            // meets the 4.5:1 of text; the rest meets the 3:1 of marks.
            for (what, colour, needed) in [
                ("text", t.text, 4.5),
                ("muted", t.muted, 4.5),
                ("axis", t.axis, 3.0),
                ("target", t.target, 4.5),
                ("other target", t.other_target, 4.5),
                ("context", t.context, 3.0),
                ("required", t.required, 4.5),
                ("projection", t.projection, 4.5),
                ("focus", t.focus, 3.0),
                ("series 1", t.series[0], 4.5),
                ("series 2", t.series[1], 4.5),
                ("series 3", t.series[2], 4.5),
            ] {
                let ratio = contrast(colour, t.background);
                assert!(
                    ratio >= needed,
                    "{} {what}: {ratio:.2} < {needed}",
                    name.code()
                );
            }
        }
    }
}
