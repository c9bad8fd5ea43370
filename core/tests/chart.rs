//! Snapshot tests of the chart drawing: the same code that paints the canvas renders SVG here,
//! and the SVG is compared with the committed file in `tests/snapshots/`. Run with
//! `UPDATE_SNAPSHOTS=1 cargo test -p chitieu-core --test chart` to accept a reviewed change.

use chitieu_core::chart::{self, Layers, Theme, ThemeName};
use chitieu_core::plan;
use chitieu_core::text::Lang;
use std::path::PathBuf;

fn fixture(name: &str) -> plan::Plan {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/plans")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (loaded, diagnostics) = plan::load(name, &text);
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    loaded.unwrap_or_else(|| panic!("{name} did not load"))
}

/// Compares with the committed snapshot, or writes it when UPDATE_SNAPSHOTS is set.
fn check_snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.svg"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing snapshot {}; run with UPDATE_SNAPSHOTS=1 and review it",
            path.display()
        )
    });
    if expected != actual {
        let first_difference = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or_else(|| "length".to_string(), |line| format!("line {}", line + 1));
        panic!("snapshot {name} differs at {first_difference}; run with UPDATE_SNAPSHOTS=1 to accept after review");
    }
}

/// Every coordinate in the SVG is a finite number inside the picture.
fn assert_inside(svg: &str, width: f64, height: f64) {
    for attribute in [" x=\"", " y=\"", " cx=\"", " cy=\""] {
        for part in svg.split(attribute).skip(1) {
            let number: f64 = part
                .split('"')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(f64::NAN);
            let limit = if attribute.contains('x') {
                width
            } else {
                height
            };
            assert!(
                number.is_finite() && (-1.0..=limit + 1.0).contains(&number),
                "{attribute}{number} outside {width}×{height}"
            );
        }
    }
}

fn render(
    plan: &plan::Plan,
    indicator: &str,
    lang: Lang,
    theme: ThemeName,
    width: u32,
    height: u32,
) -> String {
    let spec = chart::build(
        plan,
        indicator,
        None,
        lang,
        Vec::new(),
        Vec::new(),
        Layers::ALL,
    )
    .unwrap_or_else(|| panic!("no chart for {indicator}"));
    let svg = chart::to_svg(&spec, width, height, &Theme::get(theme), None);
    assert_inside(&svg, f64::from(width), f64::from(height));
    svg
}

#[test]
fn rate_with_average_band_negative_year_and_series_break() {
    let plan = fixture("chart-cases.toml");
    let svg = render(&plan, "growth", Lang::Vi, ThemeName::Light, 640, 320);
    assert!(
        svg.contains("−2,79") || svg.contains("7,5–8"),
        "vi number format in labels"
    );
    assert!(svg.contains("1/7/2025"), "series break is labelled");
    check_snapshot("growth-vi-light", &svg);
}

#[test]
fn level_with_range_target_in_english_dark() {
    let plan = fixture("chart-cases.toml");
    let svg = render(&plan, "per-capita", Lang::En, ThemeName::Dark, 640, 320);
    assert!(svg.contains("145–160"));
    check_snapshot("per-capita-en-dark", &svg);
}

#[test]
fn share_lower_is_better_with_two_targets_narrow() {
    let plan = fixture("chart-cases.toml");
    let svg = render(&plan, "poor", Lang::Vi, ThemeName::Contrast, 320, 220);
    check_snapshot("poor-vi-contrast-narrow", &svg);
}

#[test]
fn count_with_two_competing_targets() {
    let plan = fixture("chart-cases.toml");
    let svg = render(&plan, "communes", Lang::Vi, ThemeName::Light, 480, 280);
    assert!(
        svg.contains("\n24\n") && svg.contains("\n28\n"),
        "both targets are labelled"
    );
    check_snapshot("communes-vi-light", &svg);
}

#[test]
fn focus_ring_and_value_label() {
    let plan = fixture("chart-cases.toml");
    let spec = chart::build(
        &plan,
        "growth",
        None,
        Lang::En,
        Vec::new(),
        Vec::new(),
        Layers::ALL,
    )
    .expect("chart");
    let placed = chart::layout(&spec, 640.0, 320.0);
    let focus = placed.nearest(placed.points[1].x, placed.points[1].y, 20.0);
    assert_eq!(focus, Some(1));
    let svg = chart::to_svg(&spec, 640, 320, &Theme::get(ThemeName::Light), focus);
    assert!(
        svg.contains("\n12.64\n"),
        "focused value is labelled in English format"
    );
}

#[test]
fn hidden_layers_are_not_drawn() {
    let plan = fixture("chart-cases.toml");
    let layers = Layers {
        targets: false,
        ..Layers::ALL
    };
    let spec = chart::build(
        &plan,
        "per-capita",
        None,
        Lang::En,
        Vec::new(),
        Vec::new(),
        layers,
    )
    .expect("chart");
    let svg = chart::to_svg(&spec, 640, 320, &Theme::get(ThemeName::Light), None);
    assert!(!svg.contains("145–160"));
}

/// Every indicator of every plan we ship or test with draws without a panic, inside its box,
/// with marks: nothing in the engine is tied to Can Tho.
#[test]
fn every_indicator_of_every_plan_renders() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = vec![root.join("data/can-tho.toml")];
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(root.join("tests/fixtures/plans"))
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    fixtures.sort();
    files.extend(fixtures);
    assert!(
        files.len() >= 3,
        "the Can Tho plan and at least two fixtures"
    );
    let mut charts = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).expect("plan text");
        let (loaded, diagnostics) = plan::load(&path.display().to_string(), &text);
        let plan =
            loaded.unwrap_or_else(|| panic!("{} did not load: {diagnostics:?}", path.display()));
        for indicator in &plan.indicators {
            for (lang, theme, width) in [
                (Lang::Vi, ThemeName::Light, 360),
                (Lang::En, ThemeName::Dark, 1000),
            ] {
                let spec = chart::build(
                    &plan,
                    &indicator.id,
                    None,
                    lang,
                    Vec::new(),
                    Vec::new(),
                    Layers::ALL,
                )
                .unwrap_or_else(|| panic!("{}: no chart for {}", path.display(), indicator.id));
                let svg = chart::to_svg(&spec, width, 260, &Theme::get(theme), None);
                assert_inside(&svg, f64::from(width), 260.0);
                assert!(
                    svg.contains("<polyline") && svg.contains("<text"),
                    "{}: {} has no marks",
                    path.display(),
                    indicator.id
                );
                charts += 1;
            }
        }
    }
    assert!(charts > 80, "rendered {charts} charts");
}

/// The chart as the widget shows it: targets of one period, the required path and the
/// projection from the status arithmetic, for a level and for a rate.
#[test]
fn required_path_and_projection_from_the_status_arithmetic() {
    let plan = fixture("chart-cases.toml");
    for (indicator, name) in [
        ("per-capita", "per-capita-required-projection"),
        ("growth", "growth-required-projection"),
    ] {
        let target = plan.targets_of(indicator).next().expect("a target");
        let required = chitieu_core::status::required_path(&plan, target).unwrap_or_default();
        let projection = chitieu_core::status::projection(&plan, target)
            .map(|p| p.tuples())
            .unwrap_or_default();
        assert!(!required.is_empty(), "{indicator}: a required path");
        let period = plan.meta.periods.first().copied();
        let spec = chart::build(
            &plan,
            indicator,
            period,
            Lang::Vi,
            required,
            projection,
            Layers::ALL,
        )
        .expect("chart");
        let svg = chart::to_svg(&spec, 640, 320, &Theme::get(ThemeName::Light), None);
        assert_inside(&svg, 640.0, 320.0);
        assert!(
            svg.contains("#8250DF"),
            "{indicator}: the required path is drawn in its colour"
        );
        check_snapshot(name, &svg);
    }
}

/// The SVG download: the same drawing inside a figure with title, subtitle, legend, source and
/// version, every word drawn as primitive text, and the SVG well formed.
#[test]
fn svg_figure_carries_title_source_and_version() {
    let plan = fixture("chart-cases.toml");
    let version = plan::version("a plan text");
    for (lang, width) in [(Lang::Vi, 640u32), (Lang::En, 320u32)] {
        let indicator = plan.indicator("growth").expect("indicator");
        let spec = chart::build(
            &plan,
            "growth",
            None,
            lang,
            vec![(2021, 7.5), (2025, 7.5)],
            vec![(2025, 7.0, 6.0, 8.0)],
            Layers::ALL,
        )
        .expect("chart");
        let caption = chitieu_core::export::caption(&plan, indicator, None, lang, &version);
        let svg = chart::figure::to_svg(
            &spec,
            &caption,
            "A <summary> & more",
            width,
            300,
            &Theme::get(ThemeName::Light),
        );
        let layout = chart::figure::figure(&spec, &caption, f64::from(width), 300.0);
        assert!(
            svg.contains(&format!("height=\"{}\"", layout.height)),
            "the document is as tall as the figure"
        );
        assert_inside(&svg, f64::from(width), layout.height);
        assert!(svg.contains(&format!("<title>{}</title>", caption.title)));
        assert!(svg.contains("<desc>A &lt;summary&gt; &amp; more"));
        for line in layout.title.iter().chain(&layout.footer) {
            assert!(
                svg.contains(&format!(">\n{}\n</text>", line.0)),
                "{}",
                line.0
            );
        }
        assert!(svg.contains(&version), "the version is printed");
        assert!(layout.footer.iter().any(|(l, _)| l.contains(&version)));
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
        assert!(svg.trim_end().ends_with("</svg>"));
        if lang == Lang::Vi {
            check_snapshot("figure-growth-vi", &svg);
        }
    }
}

/// The focus index means the same point to the layout (where it is drawn) and to the spec
/// (which observation it is), with and without hidden layers.
#[test]
fn focus_indices_agree_between_spec_and_layout() {
    let plan = fixture("chart-cases.toml");
    for layers in [
        Layers::ALL,
        Layers {
            actuals: false,
            ..Layers::ALL
        },
    ] {
        let spec = chart::build(
            &plan,
            "growth",
            None,
            Lang::Vi,
            Vec::new(),
            Vec::new(),
            layers,
        )
        .expect("chart");
        let placed = chart::layout(&spec, 640.0, 320.0);
        assert_eq!(placed.points.len(), spec.point_order().count());
        for (focus, p) in placed.points.iter().enumerate() {
            assert_eq!(spec.point(focus), spec.series[p.series].points.get(p.index));
        }
        assert_eq!(spec.point(placed.points.len()), None);
    }
}

/// The chart's text alternative describes each territory's line on its own (never a figure of
/// one compared with a figure of the other across the series break), then the finding.
#[test]
fn summary_describes_each_territory_apart_then_the_finding() {
    let plan = fixture("chart-cases.toml");
    for (lang, finding) in [(Lang::Vi, "chỉ tiêu"), (Lang::En, "target")] {
        let panel = chitieu_core::view::panel(
            &plan,
            "growth",
            None,
            lang,
            chitieu_core::chart::Layers::ALL,
            2026,
        )
        .expect("panel");
        let text = &panel.summary;
        let territories: Vec<String> = plan
            .territories
            .iter()
            .map(|t| chitieu_core::describe::territory_short(&plan, &t.id, lang))
            .collect();
        let mentioned = territories
            .iter()
            .filter(|t| text.contains(t.as_str()))
            .count();
        assert!(mentioned >= 2, "{text}");
        // One sentence per territory: no sentence names both.
        for sentence in text.split(". ") {
            let both = territories
                .iter()
                .filter(|t| sentence.contains(t.as_str()))
                .count();
            assert!(both <= 1, "compares across the break: {sentence}");
        }
        assert!(text.ends_with(&panel.headline), "{text}");
        assert!(panel.headline.contains(finding), "{}", panel.headline);
    }
}
