//! The chart's text alternative, one short paragraph in Vietnamese or English: what each line
//! shows (one territory at a time, never compared across a series break), then the finding.
//! The chart points at it with `aria-describedby`; the SVG download carries it as its <desc>.

use crate::describe;
use crate::plan::{Indicator, Observation, Plan};
use crate::text::Lang;

/// `headline` is the panel's finding (`view::panel`), appended as the last sentence.
pub fn indicator(plan: &Plan, indicator: &Indicator, headline: &str, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let unit = indicator.unit.get(lang);
    parts.push(if unit.is_empty() {
        format!("{}.", indicator.name.get(lang))
    } else {
        format!("{} ({unit}).", indicator.name.get(lang))
    });
    let series = plan.headline_series(&indicator.id);
    let mut territories: Vec<&str> = Vec::new();
    for o in &series {
        if !territories.contains(&o.territory.as_str()) {
            territories.push(&o.territory);
        }
    }
    for territory in territories {
        let points: Vec<&&Observation> =
            series.iter().filter(|o| o.territory == territory).collect();
        let name = describe::territory_short(plan, territory, lang);
        parts.push(line(indicator, &name, &points, lang));
    }
    if series.is_empty() {
        parts.push(match lang {
            Lang::Vi => "Chưa có số liệu.".to_string(),
            Lang::En => "No figures yet.".to_string(),
        });
    }
    // Missing figures are told with their reason, where the plan file gives one.
    if let Some(gaps) = &indicator.gaps {
        parts.push(match lang {
            Lang::Vi => format!("Vì sao thiếu số liệu: {}", gaps.get(lang)),
            Lang::En => format!("Why figures are missing: {}", gaps.get(lang)),
        });
    }
    if !headline.is_empty() {
        parts.push(headline.to_string());
    }
    parts.join(" ")
}

/// "Cần Thơ (cũ), 4 số liệu: từ 7,84% (2019) đến 7,12% (2024); thấp nhất 5,75% (2023)." The count
/// is of figures, not of years: a series with gaps spans more years than it has figures.
fn line(indicator: &Indicator, territory: &str, points: &[&&Observation], lang: Lang) -> String {
    let v = |o: &Observation| describe::observation(indicator, o, lang);
    match points {
        [] => String::new(),
        [only] => match lang {
            Lang::Vi => format!("{territory}: {} năm {}.", v(only), only.when),
            Lang::En => format!("{territory}: {} in {}.", v(only), only.when),
        },
        [first, .., last] => {
            let low = points
                .iter()
                .min_by(|a, b| a.value.total_cmp(&b.value))
                .expect("two or more points");
            let high = points
                .iter()
                .max_by(|a, b| a.value.total_cmp(&b.value))
                .expect("two or more points");
            let ends_are_extremes = [low.line, high.line]
                .iter()
                .all(|l| *l == first.line || *l == last.line);
            let extremes = if ends_are_extremes {
                String::new()
            } else {
                match lang {
                    Lang::Vi => format!(
                        "; thấp nhất {} ({}), cao nhất {} ({})",
                        v(low),
                        low.when,
                        v(high),
                        high.when
                    ),
                    Lang::En => format!(
                        "; lowest {} ({}), highest {} ({})",
                        v(low),
                        low.when,
                        v(high),
                        high.when
                    ),
                }
            };
            match lang {
                Lang::Vi => format!(
                    "{territory}, {} số liệu: từ {} ({}) đến {} ({}){extremes}.",
                    points.len(),
                    v(first),
                    first.when,
                    v(last),
                    last.when
                ),
                Lang::En => format!(
                    "{territory}, {} figures: from {} ({}) to {} ({}){extremes}.",
                    points.len(),
                    v(first),
                    first.when,
                    v(last),
                    last.when
                ),
            }
        }
    }
}
