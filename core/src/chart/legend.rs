//! The legend of a chart as data: one entry per kind of mark drawn, with the swatch that shows
//! it and its words. The page's HTML legend and the downloaded figure list the same entries, and
//! the swatches are drawn by the same code as the marks (`swatch_svg`, `figure`).

use super::spec::{value_label, ChartSpec, Role, Series};
use super::words::{self, Word};
use crate::status::Footing;
use crate::text::Lang;

/// Which theme colour a mark is drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ink {
    /// One of the theme's series colours (by territory).
    Series(usize),
    /// Yearly values of the lead territory shown beside its average or total: muted.
    Context,
    Target,
    OtherTarget,
    Required,
    Projection,
    Muted,
    Text,
}

/// What a legend entry's swatch shows: the same mark as on the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swatch {
    /// A solid line through a dot: actual values, the average or the total so far.
    Line(Ink),
    /// A dot alone: filled for official figures, hollow for the rest.
    Dot { filled: bool },
    /// Small dots: yearly values shown as context.
    Yearly(Ink),
    /// A target band (a shaded span with edges); `lead` false for the muted other targets.
    Band { lead: bool },
    /// A target threshold (one edge).
    Threshold { lead: bool },
    /// The required path: dotted.
    Required,
    /// The projection's central line: dashed.
    Projection,
    /// The projection's fan: shaded.
    Fan,
    /// A series break: a dashed vertical rule.
    Break,
}

/// The layer toggle an entry belongs to, so the page can make entries switches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayerKey {
    Actuals,
    Targets,
    OtherTargets,
    Required,
    Projection,
    /// Always drawn (the series-break rule).
    Fixed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub swatch: Swatch,
    pub label: String,
    pub layer: LayerKey,
    /// Drawn now (its layer is on).
    pub shown: bool,
}

impl ChartSpec {
    /// The colour a series is drawn in: yearly values beside their territory's average or total
    /// are muted context; every other series takes its territory's colour.
    pub fn ink(&self, series: &Series) -> Ink {
        let has_line = || {
            self.series
                .iter()
                .any(|s| s.role.is_line() && s.territory == series.territory)
        };
        if series.role == Role::Yearly && has_line() {
            Ink::Context
        } else {
            Ink::Series(series.colour)
        }
    }

    /// The end-value label of a line series, long ("TB 2021–24: 5,78%", "104,6 triệu đồng")
    /// and short ("5,78%", "104,6").
    pub fn end_labels(&self, series: &Series) -> Option<(String, String)> {
        let point = series.points.last()?;
        let long_value = self.point_value(point, true, false);
        let short = self.point_value(point, false, false);
        let long = match (series.role, point.covers) {
            (Role::Average(_), Some((a, b))) => format!(
                "{} {}: {short}",
                words::get(Word::AverageShort, self.lang),
                words::span_short(a, b)
            ),
            (Role::Total(_), Some((a, b))) => format!(
                "{} {}: {short}",
                words::get(Word::TotalShort, self.lang),
                words::span_short(a, b)
            ),
            _ => long_value,
        };
        Some((long, short))
    }

    /// What a point of an average or a total so far stands for: "2021–2024 (bình quân)" /
    /// "2021–2024 (average)", "2021–2024 (cộng dồn)" / "2021–2024 (total)" — years first, as a
    /// yearly value's readout starts with its year; `None` for a yearly value.
    pub fn point_span(&self, focus: usize) -> Option<String> {
        let series = self.series_of(focus)?;
        let (a, b) = self.point(focus)?.covers?;
        let span = if a == b {
            a.to_string()
        } else {
            format!("{a}–{b}")
        };
        let word = match (series.role, self.lang) {
            (Role::Average(_), crate::text::Lang::Vi) => "bình quân",
            (Role::Average(_), crate::text::Lang::En) => "average",
            (_, crate::text::Lang::Vi) => "cộng dồn",
            (_, crate::text::Lang::En) => "total",
        };
        Some(format!("{span} ({word})"))
    }

    /// The text of the focus label of a point: "2024: 7,12%", "TB 2021–24: 5,78%".
    pub fn focus_text(&self, focus: usize) -> Option<String> {
        let series = self.series_of(focus)?;
        let point = self.point(focus)?;
        let value = match point.range {
            // A figure published as a range: "3,1–3,2%".
            Some((low, high)) => format!(
                "{}–{}",
                crate::number::format(low, self.decimals, self.lang),
                value_label(high, self.decimals, &self.value_unit, self.lang, false)
            ),
            None => self.point_value(point, false, false),
        };
        Some(match (series.role, point.covers) {
            (Role::Average(_), Some((a, b))) => format!(
                "{} {}: {value}",
                words::get(Word::AverageShort, self.lang),
                words::span_short(a, b)
            ),
            (Role::Total(_), Some((a, b))) => format!(
                "{} {}: {value}",
                words::get(Word::TotalShort, self.lang),
                words::span_short(a, b)
            ),
            _ => format!("{}: {value}", point.year),
        })
    }
}

/// Every kind of mark the chart draws, with its words, in the chart's language (`lang` must be
/// the spec's; it is a parameter so the call reads as what it gives).
pub fn legend(spec: &ChartSpec, lang: Lang) -> Vec<LegendEntry> {
    let mut out = Vec::new();
    let layers = spec.layers;
    let mut any_final = false;
    let mut any_provisional = false;
    for series in &spec.series {
        let Some(last) = series.points.last() else {
            continue;
        };
        any_final |= series.points.iter().any(|p| p.is_final());
        any_provisional |= series.points.iter().any(|p| !p.is_final());
        let ink = spec.ink(series);
        let (swatch, label) = match series.role {
            Role::Yearly => {
                let lone = (series.points.len() == 1).then(|| spec.point_value(last, true, true));
                (
                    Swatch::Yearly(ink),
                    words::yearly_legend(
                        &series.label,
                        lone.as_deref().map(|v| (v, last.year)),
                        lang,
                    ),
                )
            }
            role => {
                let footing = match role {
                    Role::Average(_) => Some(Footing::Average),
                    Role::Total(_) => Some(Footing::Total),
                    _ => None,
                };
                (
                    Swatch::Line(ink),
                    words::line_legend(
                        &series.label,
                        footing.zip(last.covers),
                        &spec.point_value(last, true, true),
                        last.year,
                        lang,
                    ),
                )
            }
        };
        out.push(LegendEntry {
            swatch,
            label,
            layer: LayerKey::Actuals,
            shown: layers.actuals,
        });
    }
    for (filled, present, word) in [
        (true, any_final, Word::Official),
        (false, any_provisional, Word::Estimate),
    ] {
        if present {
            out.push(LegendEntry {
                swatch: Swatch::Dot { filled },
                label: words::get(word, lang).to_string(),
                layer: LayerKey::Actuals,
                shown: layers.actuals,
            });
        }
    }
    for mark in &spec.targets {
        let swatch = if mark.is_band() {
            Swatch::Band { lead: mark.lead }
        } else {
            Swatch::Threshold { lead: mark.lead }
        };
        out.push(LegendEntry {
            swatch,
            label: mark.legend.clone(),
            layer: if mark.lead {
                LayerKey::Targets
            } else {
                LayerKey::OtherTargets
            },
            shown: layers.targets && (mark.lead || layers.other_targets),
        });
    }
    if !spec.required.is_empty() {
        let needed = spec.needed.map(|v| {
            let last_actual = spec.required.first().map_or(i32::MIN, |(y, _)| *y);
            let years: Vec<i32> = spec
                .required
                .iter()
                .map(|(y, _)| *y)
                .filter(|y| *y > last_actual)
                .collect();
            (
                value_label(v, spec.decimals, &spec.value_unit, lang, true),
                years,
            )
        });
        out.push(LegendEntry {
            swatch: Swatch::Required,
            label: words::required_legend(
                needed.as_ref().map(|(v, y)| (v.as_str(), y.as_slice())),
                lang,
            ),
            layer: LayerKey::Required,
            shown: layers.required,
        });
    }
    if !spec.projection.is_empty() {
        out.push(LegendEntry {
            swatch: Swatch::Projection,
            label: words::get(Word::Projection, lang).to_string(),
            layer: LayerKey::Projection,
            shown: layers.projection,
        });
        if spec.projection.iter().any(|(_, _, lo, hi)| hi > lo) {
            out.push(LegendEntry {
                swatch: Swatch::Fan,
                label: words::get(Word::Fan, lang).to_string(),
                layer: LayerKey::Projection,
                shown: layers.projection,
            });
        }
    }
    for mark in &spec.breaks {
        out.push(LegendEntry {
            swatch: Swatch::Break,
            label: words::break_legend(&mark.label, lang),
            layer: LayerKey::Fixed,
            shown: true,
        });
    }
    out
}
