//! The views the page shows and the files it makes agree: for every indicator and period of
//! every plan in the repository, the chart the panel shows is the chart the PNG/SVG download
//! draws, after going through the request the page sends the downloads module (period as
//! "2021-2025", layers as bits) — and the panel adds nothing of its own to it.

use chitieu_core::chart::{self, Layers};
use chitieu_core::plan::{self, lower, Plan};
use chitieu_core::text::Lang;
use chitieu_core::view;
use std::path::PathBuf;

fn plans() -> Vec<(String, Plan)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = vec![root.join("data/can-tho.toml")];
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(root.join("tests/fixtures/plans"))
        .expect("fixture plans")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    fixtures.sort();
    files.extend(fixtures);
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("plan file");
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let plan = plan::load(&name, &text)
                .0
                .unwrap_or_else(|| panic!("{name} loads"));
            (name, plan)
        })
        .collect()
}

/// What `src/web/actions.rs` writes into the request and `more/src/request.rs` reads back.
fn through_the_request(
    period: Option<plan::Period>,
    layers: Layers,
) -> (Option<plan::Period>, Layers) {
    let code = period
        .map(|p| format!("{}-{}", p.first, p.last))
        .unwrap_or_default();
    let period = if code.is_empty() {
        None
    } else {
        Some(lower::parse_period(&code).expect("the page writes a period the module reads"))
    };
    (period, Layers::from_bits(layers.to_bits()))
}

#[test]
fn the_page_and_the_downloads_draw_the_same_chart_for_every_indicator_and_period() {
    let layer_sets = [
        Layers::DEFAULT,
        Layers::ALL,
        view::state::COMPACT_LAYERS,
        Layers {
            actuals: false,
            ..Layers::DEFAULT
        },
        Layers {
            targets: false,
            projection: false,
            ..Layers::ALL
        },
    ];
    let mut compared = 0;
    for (name, plan) in plans() {
        let periods: Vec<Option<plan::Period>> = plan
            .meta
            .periods
            .iter()
            .copied()
            .map(Some)
            .chain([None])
            .collect();
        for indicator in &plan.indicators {
            for period in &periods {
                for layers in layer_sets {
                    for lang in Lang::ALL {
                        let page = view::panel(&plan, &indicator.id, *period, lang, layers, 2026)
                            .expect("a panel for every indicator")
                            .chart;
                        let (sent_period, sent_layers) = through_the_request(*period, layers);
                        let download = chart::indicator_chart(
                            &plan,
                            &indicator.id,
                            sent_period,
                            lang,
                            sent_layers,
                            2026,
                        );
                        assert_eq!(
                            page, download,
                            "{name}: {} {period:?} {layers:?} {lang:?}",
                            indicator.id
                        );
                        compared += 1;
                    }
                }
            }
        }
    }
    assert!(compared > 500, "only {compared} charts compared");
}

/// The headline's target is on the chart (issue 11 §4, gallery F2): for every indicator and
/// period of every plan, all periods included, the target the panel leads with is one of the
/// chart's lead targets, drawn with the default layers.
#[test]
fn the_headline_target_is_drawn_on_the_chart() {
    let mut checked = 0;
    for (name, plan) in plans() {
        let periods: Vec<Option<plan::Period>> = plan
            .meta
            .periods
            .iter()
            .copied()
            .map(Some)
            .chain([None])
            .collect();
        for indicator in &plan.indicators {
            for period in &periods {
                let panel = view::panel(
                    &plan,
                    &indicator.id,
                    *period,
                    Lang::Vi,
                    Layers::DEFAULT,
                    2026,
                )
                .expect("a panel");
                let Some(lead) = panel.targets.iter().find(|r| r.lead) else {
                    continue;
                };
                let Some(chart) = &panel.chart else {
                    continue;
                };
                // A target with no level on the axis (a yearly change) has no mark to find.
                if plan
                    .targets
                    .iter()
                    .find(|t| t.id == lead.id)
                    .is_some_and(|t| matches!(t.shape, plan::TargetShape::YearlyChange { .. }))
                {
                    continue;
                }
                assert!(
                    chart
                        .targets
                        .iter()
                        .any(|m| m.lead && m.target_id == lead.id),
                    "{name} {} {period:?}: the headline's target {} is not drawn ({:?})",
                    indicator.id,
                    lead.id,
                    chart
                        .targets
                        .iter()
                        .map(|m| &m.target_id)
                        .collect::<Vec<_>>()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "checked {checked}");
}

/// The downloaded figure says what the page says (gallery F17): its title is the panel's
/// headline, its subtitle states the y axis's own unit, and its credit names who made it.
#[test]
fn the_figure_caption_is_the_headline_with_the_axis_unit() {
    let mut checked = 0;
    for (name, plan) in plans() {
        let periods: Vec<Option<plan::Period>> = plan
            .meta
            .periods
            .iter()
            .copied()
            .map(Some)
            .chain([None])
            .collect();
        for indicator in &plan.indicators {
            for period in &periods {
                for lang in Lang::ALL {
                    let panel =
                        view::panel(&plan, &indicator.id, *period, lang, Layers::DEFAULT, 2026)
                            .expect("a panel");
                    let caption = chitieu_core::export::caption(
                        &plan, indicator, *period, lang, "0123abcd", 2026,
                    );
                    assert_eq!(caption.title, panel.headline, "{name} {}", indicator.id);
                    if let Some(chart) = &panel.chart {
                        assert!(
                            caption.subtitle.contains(&format!(": {} · ", chart.unit)),
                            "{name} {}: {} vs the axis's {}",
                            indicator.id,
                            caption.subtitle,
                            chart.unit
                        );
                    }
                    let by = match lang {
                        Lang::Vi => "Biểu đồ: Ban biên tập chitieu",
                        Lang::En => "Chart: chitieu editors",
                    };
                    assert!(caption.credit.starts_with(by), "{}", caption.credit);
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "checked {checked}");
}
