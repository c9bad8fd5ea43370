//! Chart tests: snapshots of the drawing (the SVG the page and the downloads show, compared with
//! the committed files in `tests/snapshots/`; run with `UPDATE_SNAPSHOTS=1 cargo test -p
//! chitieu-core --test chart` to accept a reviewed change), the comparison rules of
//! `indicator_chart`, and the label-placement pass over every chart of every plan in the
//! repository at every width the widget is shown.

use chitieu_core::chart::{
    self, ChartSpec, LabelRole, Layers, Rect, Role, Swatch, Theme, ThemeName,
};
use chitieu_core::plan::{self, Period, Plan};
use chitieu_core::status::{self, Footing};
use chitieu_core::text::Lang;
use std::path::PathBuf;

/// The year the fixtures are read in (a fixed "today": never the clock).
const TODAY: i32 = 2026;

fn load(path: &PathBuf) -> Plan {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (loaded, diagnostics) = plan::load(&path.display().to_string(), &text);
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    loaded.unwrap_or_else(|| panic!("{} did not load", path.display()))
}

fn fixture(name: &str) -> Plan {
    load(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/plans")
            .join(name),
    )
}

/// The Can Tho plan and every fixture plan.
fn every_plan() -> Vec<(String, Plan)> {
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
    files
        .iter()
        .map(|p| {
            (
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                load(p),
            )
        })
        .collect()
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

fn spec(plan: &Plan, indicator: &str, period: Option<Period>, lang: Lang) -> ChartSpec {
    chart::indicator_chart(plan, indicator, period, lang, Layers::DEFAULT, TODAY)
        .unwrap_or_else(|| panic!("no chart for {indicator}"))
}

/// The chart as read in `today`: a required path and a projection are drawn only while the
/// lead target's deadline year is still ahead (or under way).
fn spec_on(plan: &Plan, indicator: &str, period: Option<Period>, today: i32) -> ChartSpec {
    chart::indicator_chart(plan, indicator, period, Lang::Vi, Layers::DEFAULT, today)
        .unwrap_or_else(|| panic!("no chart for {indicator}"))
}

fn first_period(plan: &Plan) -> Option<Period> {
    plan.meta.periods.first().copied()
}

fn render(spec: &ChartSpec, theme: ThemeName, width: u32, height: u32) -> String {
    let svg = chart::to_svg(spec, width, height, &Theme::get(theme), None);
    assert_inside(&svg, f64::from(width), f64::from(height));
    svg
}

#[test]
fn rate_against_an_average_band_compares_the_average_so_far() {
    let plan = fixture("chart-cases.toml");
    // Read in 2025, with the deadline year under way.
    let spec = spec_on(&plan, "growth", first_period(&plan), 2025);
    assert_eq!(spec.footing, Footing::Average);
    assert_eq!(spec.unit, "%/năm");
    let average = spec
        .series
        .iter()
        .find(|s| matches!(s.role, Role::Average(_)))
        .expect("an average line");
    // The average so far, by the status's own mean: (Π(1 + g/100))^(1/m) − 1.
    let geometric = |values: &[f64]| {
        (values.iter().map(|g| 1.0 + g / 100.0).product::<f64>()).powf(1.0 / values.len() as f64)
            * 100.0
            - 100.0
    };
    let values: Vec<f64> = average.points.iter().map(|p| p.value).collect();
    let expected = [
        geometric(&[-2.79]),
        geometric(&[-2.79, 12.64]),
        geometric(&[-2.79, 12.64, 5.75]),
        geometric(&[-2.79, 12.64, 5.75, 7.12]),
    ];
    assert_eq!(values.len(), 4);
    for (got, want) in values.iter().zip(expected) {
        assert!((got - want).abs() < 1e-9, "{got} ≠ {want}");
    }
    let target = plan.targets_of("growth").next().expect("target");
    let assessment = status::assess(&plan, target, 2025);
    assert_eq!(assessment.observed_rate, values.last().copied());
    // The yearly values are context, the merged city's one figure its own colour.
    let yearly: Vec<_> = spec
        .series
        .iter()
        .filter(|s| s.role == Role::Yearly)
        .collect();
    assert_eq!(yearly.len(), 2);
    assert_ne!(yearly[0].colour, yearly[1].colour);
    // The required path and the projection are averages too: from the average so far to the
    // band's edge in 2025, never the 14-odd % the last year alone would need.
    let last = *values.last().expect("a value");
    assert_eq!(spec.required.first(), Some(&(2024, last)));
    let (year, end) = *spec.required.last().expect("required");
    assert_eq!((year, end), (2025, 7.5));
    assert!(spec.needed.is_some_and(|n| n > 14.0), "{:?}", spec.needed);
    assert!(spec
        .projection
        .iter()
        .all(|(_, c, lo, hi)| lo <= c && c <= hi));
    assert_eq!(spec.projection.first().map(|p| p.1), Some(last));
    let legend = chart::legend(&spec, Lang::Vi);
    let texts: Vec<&str> = legend.iter().map(|e| e.label.as_str()).collect();
    assert!(
        texts.iter().any(|t| t.contains("bình quân 2021–2024: 5,")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains("số từng năm")), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.contains("năm 2025 cần 1")),
        "{texts:?}"
    );
    // The end value, in words where there is room, the number alone where there is not.
    let wide = chart::layout(&spec, 1400.0, chart::height_for(1400.0));
    let narrow = chart::layout(&spec, 360.0, chart::height_for(360.0));
    let end = |l: &chart::Layout| {
        l.labels
            .iter()
            .find(|x| matches!(x.role, LabelRole::End(_)))
            .map(|x| x.text.clone())
    };
    assert_eq!(end(&wide).as_deref(), Some("TB 2021–24: 5,53%"));
    assert_eq!(end(&narrow).as_deref(), Some("5,53%"));
    let svg = render(&spec, ThemeName::Light, 640, 320);
    check_snapshot("growth-vi-light", &svg);
}

#[test]
fn level_with_range_target_in_english_dark() {
    let plan = fixture("chart-cases.toml");
    let spec = spec(&plan, "per-capita", first_period(&plan), Lang::En);
    assert_eq!(spec.footing, Footing::Yearly);
    assert!(spec.series.iter().all(|s| s.role == Role::Actual));
    let svg = render(&spec, ThemeName::Dark, 640, 320);
    assert!(svg.contains("145–160"));
    assert!(
        svg.contains("million VND"),
        "the unit at the top of the axis"
    );
    check_snapshot("per-capita-en-dark", &svg);
}

#[test]
fn share_lower_is_better_narrow_in_contrast() {
    let plan = fixture("chart-cases.toml");
    let spec = spec(&plan, "poor", None, Lang::Vi);
    let svg = render(&spec, ThemeName::Contrast, 320, 220);
    check_snapshot("poor-vi-contrast-narrow", &svg);
}

#[test]
fn other_targets_on_demand() {
    let plan = fixture("chart-cases.toml");
    let lead_only = spec(&plan, "communes", first_period(&plan), Lang::Vi);
    let all = chart::indicator_chart(
        &plan,
        "communes",
        first_period(&plan),
        Lang::Vi,
        Layers::ALL,
        TODAY,
    )
    .expect("chart");
    assert_eq!(lead_only.targets.len(), 1);
    assert!(lead_only.targets[0].lead);
    assert!(all.targets.len() > 1);
    assert_eq!(all.targets.iter().filter(|t| t.lead).count(), 1);
    let svg = render(&all, ThemeName::Light, 480, 280);
    check_snapshot("communes-vi-light", &svg);
    // Shown or not, every target drawn is in the legend with its document and territory.
    let legend = chart::legend(&all, Lang::Vi);
    for mark in &all.targets {
        let entry = legend
            .iter()
            .find(|e| e.label == mark.legend)
            .expect("a legend entry per target");
        assert!(entry.label.contains(&mark.document) && entry.label.contains(&mark.territory));
        assert!(matches!(
            entry.swatch,
            Swatch::Band { .. } | Swatch::Threshold { .. }
        ));
    }
}

#[test]
fn focus_overlay_has_the_same_view_box_and_the_value() {
    let plan = fixture("chart-cases.toml");
    let spec = spec(&plan, "per-capita", None, Lang::En);
    let placed = chart::layout(&spec, 640.0, 320.0);
    let focus = placed.nearest(placed.points[1].x, placed.points[1].y, 20.0);
    assert_eq!(focus, Some(1));
    let theme = Theme::get(ThemeName::Light);
    let page = chart::render_svg(&spec, &placed, &theme);
    let overlay = chart::render_focus_svg(&spec, &placed, &theme, 1);
    for svg in [&page, &overlay] {
        let head = &svg[..svg.find('>').expect("root")];
        assert!(head.contains("viewBox=\"0 0 640 320\""), "{head}");
        assert!(
            !head.contains("width=") && !head.contains("height="),
            "{head}"
        );
        assert!(!svg.contains("style="), "no style attribute (strict CSP)");
    }
    assert!(overlay.contains("\n2023: 94.1\n"), "{overlay}");
    assert!(!overlay.contains("<polyline"), "the overlay draws no chart");
    assert!(!page.contains("2023: 94.1"));
    let label = placed.focus_label(&spec, 1).expect("label");
    assert!(label.rect.right <= 640.0 && label.rect.left >= 0.0);
}

#[test]
fn hidden_layers_are_not_drawn() {
    let plan = fixture("chart-cases.toml");
    let layers = Layers {
        targets: false,
        ..Layers::DEFAULT
    };
    let spec =
        chart::indicator_chart(&plan, "per-capita", None, Lang::En, layers, TODAY).expect("chart");
    let svg = chart::to_svg(&spec, 640, 320, &Theme::get(ThemeName::Light), None);
    assert!(!svg.contains("145–160"));
    assert!(chart::legend(&spec, Lang::En)
        .iter()
        .filter(|e| matches!(e.swatch, Swatch::Band { .. }))
        .all(|e| !e.shown));
}

#[test]
fn layers_travel_as_bits() {
    for bits in 0..32 {
        assert_eq!(chart::Layers::from_bits(bits).to_bits(), bits);
    }
    assert_eq!(Layers::default(), Layers::DEFAULT);
    // A page that knows only the first four layers (bits 1–8, all on: 15) asks for the default.
    assert_eq!(Layers::from_bits(15), Layers::DEFAULT);
    assert_eq!(Layers::from_bits(31), Layers::ALL);
}

/// The chart as the widget shows it for a level: the required path from the baseline and the
/// projection from the status arithmetic.
#[test]
fn required_path_and_projection_of_a_level() {
    let plan = fixture("chart-cases.toml");
    let spec = spec_on(&plan, "per-capita", first_period(&plan), 2025);
    let target = plan.targets_of("per-capita").next().expect("a target");
    assert_eq!(
        spec.required,
        status::required_path(&plan, target).unwrap_or_default()
    );
    assert!(!spec.required.is_empty());
    let svg = render(&spec, ThemeName::Light, 640, 320);
    assert!(
        svg.contains("#8250DF"),
        "the required path is drawn in its colour"
    );
    check_snapshot("per-capita-required-projection", &svg);
    let growth = spec_on(&plan, "growth", first_period(&plan), 2025);
    check_snapshot(
        "growth-required-projection",
        &render(
            &growth,
            ThemeName::Light,
            360,
            chart::height_for(360.0) as u32,
        ),
    );
}

/// The SVG download: the same drawing inside a figure with title, subtitle, legend, source and
/// version, every word drawn as primitive text, and the SVG well formed.
#[test]
fn svg_figure_carries_title_legend_source_and_version() {
    let plan = fixture("chart-cases.toml");
    let version = plan::version("a plan text");
    for (lang, width) in [(Lang::Vi, 640u32), (Lang::En, 320u32)] {
        let indicator = plan.indicator("growth").expect("indicator");
        let spec = spec(&plan, "growth", first_period(&plan), lang);
        let caption = chitieu_core::export::caption(&plan, indicator, None, lang, &version, TODAY);
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
        // The figure's legend is the chart's legend: every entry drawn is written out.
        let shown: Vec<String> = chart::legend(&spec, lang)
            .into_iter()
            .filter(|e| e.shown)
            .map(|e| e.label)
            .collect();
        let written: Vec<String> = layout.legend.iter().map(|e| e.lines.join(" ")).collect();
        assert_eq!(shown, written);
        assert!(svg.contains(&version), "the version is printed");
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
        Layers::DEFAULT,
        Layers {
            actuals: false,
            ..Layers::DEFAULT
        },
    ] {
        let spec =
            chart::indicator_chart(&plan, "growth", None, Lang::Vi, layers, TODAY).expect("chart");
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

/// The text alternative counts a line's figures, not years: GRDP growth of the old city has four
/// figures from 2019 to 2024 (none for 2020 and 2021), which read "4 năm: từ … (2019) đến …
/// (2024)", four years over a six-year span (graphics-desk review, 2026-12-01).
#[test]
fn summary_counts_figures_not_years() {
    for (name, plan) in every_plan() {
        for indicator in &plan.indicators {
            for lang in [Lang::Vi, Lang::En] {
                let Some(panel) = chitieu_core::view::panel(
                    &plan,
                    &indicator.id,
                    None,
                    lang,
                    chitieu_core::chart::Layers::ALL,
                    2026,
                ) else {
                    continue;
                };
                let text = &panel.summary;
                assert!(
                    !text.contains(" năm: từ ") && !text.contains(" years: from "),
                    "{name} {}: {text}",
                    indicator.id
                );
                let series = plan.headline_series(&indicator.id);
                for territory in &plan.territories {
                    let n = series
                        .iter()
                        .filter(|o| o.territory == territory.id)
                        .count();
                    if n < 2 {
                        continue;
                    }
                    let short = chitieu_core::describe::territory_short(&plan, &territory.id, lang);
                    let expected = match lang {
                        Lang::Vi => format!("{short}, {n} số liệu: từ "),
                        Lang::En => format!("{short}, {n} figures: from "),
                    };
                    assert!(text.contains(&expected), "{name} {}: {text}", indicator.id);
                }
            }
        }
    }
    let plan = every_plan().remove(0).1;
    let panel = chitieu_core::view::panel(
        &plan,
        "grdp_growth",
        None,
        Lang::Vi,
        chitieu_core::chart::Layers::ALL,
        2026,
    )
    .expect("panel");
    assert!(
        panel
            .summary
            .contains("Cần Thơ (cũ), 4 số liệu: từ 7,84% (2019) đến 7,12% (2024)"),
        "{}",
        panel.summary
    );
}

/// The average so far a chart draws ends on the very number the status compares: for every
/// target judged on an average in every plan, as of every year from 2019 to 2031.
#[test]
fn running_average_ends_on_the_assessed_average() {
    let mut checked = 0;
    for (name, plan) in every_plan() {
        for target in &plan.targets {
            if status::footing(&plan, target) != Footing::Average {
                continue;
            }
            for today in 2019..=2031 {
                let assessment = status::assess(&plan, target, today);
                let running = status::running_average(&plan, target, today);
                let last = running.as_ref().and_then(|r| r.points.last());
                match (assessment.observed_rate, last) {
                    (Some(observed), Some(point))
                        if assessment.is_final
                            || assessment.ratio.is_some()
                            || assessment.method.is_some() =>
                    {
                        // A single-year target before its year is judged on a trailing mean of
                        // earlier years, which is no average of its period.
                        if target.when.start_year() == target.when.end_year()
                            && point.year != target.when.end_year()
                        {
                            continue;
                        }
                        assert!(
                            (observed - point.value).abs() < 1e-9,
                            "{name} {} as of {today}: {observed} ≠ {}",
                            target.id,
                            point.value
                        );
                        checked += 1;
                        let r = running.as_ref().expect("running");
                        if let Some((year, value)) = r.required.last() {
                            assert_eq!(*year, r.period.last);
                            assert!(
                                (*value - assessment.required_rate.unwrap_or(f64::NAN)).abs()
                                    < 1e-9
                            );
                        }
                    }
                    (None, Some(point)) => {
                        panic!(
                            "{name} {}: a running average {point:?} the status has not",
                            target.id
                        )
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(checked > 50, "checked {checked}");
}

/// For the communes counts of 2021–2025, met before their deadline, no projection is drawn:
/// a trend carried past a target already met misleads (36 communes cannot become 40).
#[test]
fn no_projection_once_the_lead_target_is_met() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let plan = load(&root.join("data/can-tho.toml"));
    let period = Some(Period {
        first: 2021,
        last: 2025,
    });
    for id in ["communes_advanced_ntm", "communes_model_ntm"] {
        let leads = chart::leads(&plan, id, period, TODAY);
        let focus = leads.focus.expect("a lead target");
        let met = status::assess(&plan, focus, TODAY).status.is_met();
        let spec = spec(&plan, id, period, Lang::Vi);
        assert!(!met || spec.projection.is_empty(), "{id}");
        assert!(
            met || status::projection(&plan, focus).is_none() || !spec.projection.is_empty(),
            "{id}: a projection when unmet"
        );
    }
}

/// A series-break rule only where the chart has figures on both sides of it.
#[test]
fn break_rule_only_with_figures_on_both_sides() {
    for (name, plan) in every_plan() {
        for indicator in &plan.indicators {
            let spec = spec(&plan, &indicator.id, None, Lang::Vi);
            for mark in &spec.breaks {
                let years = || {
                    spec.series
                        .iter()
                        .flat_map(|s| s.points.iter().map(|p| p.year))
                };
                assert!(
                    years().any(|y| f64::from(y) < mark.at)
                        && years().any(|y| f64::from(y) > mark.at),
                    "{name} {}: a break with figures on one side only",
                    indicator.id
                );
            }
            assert_eq!(spec.shows_break(), !spec.breaks.is_empty());
        }
    }
}

/// Every mark drawn is in the legend, with a swatch of its kind.
#[test]
fn every_mark_has_a_legend_entry() {
    for (name, plan) in every_plan() {
        let mut periods: Vec<Option<Period>> = vec![None];
        periods.extend(plan.meta.periods.iter().copied().map(Some));
        for indicator in &plan.indicators {
            for period in &periods {
                for lang in Lang::ALL {
                    let spec = chart::indicator_chart(
                        &plan,
                        &indicator.id,
                        *period,
                        lang,
                        Layers::ALL,
                        TODAY,
                    )
                    .expect("chart");
                    let legend = chart::legend(&spec, lang);
                    let has = |f: &dyn Fn(&Swatch) -> bool| legend.iter().any(|e| f(&e.swatch));
                    let context = format!("{name} {} {period:?}", indicator.id);
                    for s in spec.series.iter().filter(|s| !s.points.is_empty()) {
                        let ink = spec.ink(s);
                        assert!(
                            has(&|w| *w == Swatch::Line(ink) || *w == Swatch::Yearly(ink)),
                            "{context}: series {}",
                            s.label
                        );
                    }
                    let points = || spec.series.iter().flat_map(|s| &s.points);
                    if points().any(|p| p.is_final()) {
                        assert!(has(&|w| *w == Swatch::Dot { filled: true }), "{context}");
                    }
                    if points().any(|p| !p.is_final()) {
                        assert!(has(&|w| *w == Swatch::Dot { filled: false }), "{context}");
                    }
                    let bands = legend
                        .iter()
                        .filter(|e| {
                            matches!(e.swatch, Swatch::Band { .. } | Swatch::Threshold { .. })
                        })
                        .count();
                    assert_eq!(bands, spec.targets.len(), "{context}");
                    assert_eq!(
                        has(&|w| *w == Swatch::Required),
                        !spec.required.is_empty(),
                        "{context}"
                    );
                    assert_eq!(
                        has(&|w| *w == Swatch::Projection),
                        !spec.projection.is_empty(),
                        "{context}"
                    );
                    assert_eq!(
                        legend.iter().filter(|e| e.swatch == Swatch::Break).count(),
                        spec.breaks.len(),
                        "{context}"
                    );
                    for entry in &legend {
                        assert!(!entry.label.is_empty(), "{context}");
                        if lang == Lang::En {
                            assert!(
                                !entry.label.contains("Cần Thơ"),
                                "{context}: Vietnamese in English: {}",
                                entry.label
                            );
                        }
                    }
                }
            }
        }
    }
}

/// The label-placement pass, for every chart of every plan in the repository (every indicator,
/// every period and all of them, both languages, the default layers and every layer on), at
/// every width the widget is shown and at the page's and the compact embed's heights: no two
/// texts overlap, every text is inside the picture, and every label but the axis texts is
/// inside the data area (right of the y axis, above the x axis). The focus label of every
/// point stays inside the picture.
#[test]
fn no_text_overlaps_at_any_width() {
    let mut charts = 0;
    let mut dropped = 0;
    let mut labels = 0;
    for (name, plan) in every_plan() {
        let mut periods: Vec<Option<Period>> = vec![None];
        periods.extend(plan.meta.periods.iter().copied().map(Some));
        for indicator in &plan.indicators {
            for period in &periods {
                for lang in Lang::ALL {
                    for layers in [Layers::DEFAULT, Layers::ALL] {
                        let spec = chart::indicator_chart(
                            &plan,
                            &indicator.id,
                            *period,
                            lang,
                            layers,
                            TODAY,
                        )
                        .expect("chart");
                        for width in [320.0, 360.0, 600.0, 1000.0, 1400.0] {
                            for height in
                                [chart::height_for(width), chart::height_for_compact(width)]
                            {
                                let placed = chart::layout(&spec, width, height);
                                let context = format!(
                                    "{name} {} {period:?} {lang:?} {width}×{height} other targets {}",
                                    indicator.id, layers.other_targets
                                );
                                check_texts(&placed, &context);
                                // No text touches a series break's rule (which runs the
                                // plotting frame's height): 3 px clear of it.
                                let (_, frame_top, _, frame_bottom) = placed.frame;
                                for mark in &spec.breaks {
                                    let bx = placed.x.map(mark.at);
                                    for label in placed.labels.iter().filter(|l| {
                                        !l.role.is_axis()
                                            && l.rect.bottom + 3.0 > frame_top
                                            && l.rect.top - 3.0 < frame_bottom
                                    }) {
                                        assert!(
                                            label.rect.right + 3.0 <= bx || label.rect.left - 3.0 >= bx,
                                            "{context}: {:?} {:?} within 3 px of the break rule at {bx}: {:?}",
                                            label.role,
                                            label.text,
                                            label.rect
                                        );
                                    }
                                }
                                charts += 1;
                                labels += placed.labels.len();
                                dropped += placed.dropped.len();
                                if layers == Layers::DEFAULT {
                                    for focus in 0..placed.points.len() {
                                        let label = placed
                                            .focus_label(&spec, focus)
                                            .unwrap_or_else(|| panic!("{context}: no focus label"));
                                        let picture = Rect {
                                            left: 0.0,
                                            top: 0.0,
                                            right: width,
                                            bottom: height,
                                        };
                                        assert!(
                                            label.rect.inside(&picture),
                                            "{context}: focus label {:?} outside",
                                            label.text
                                        );
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(charts > 5000, "laid out {charts} charts");
    eprintln!("{charts} charts, {labels} texts placed, {dropped} labels dropped");
}

fn check_texts(placed: &chart::Layout, context: &str) {
    let picture = Rect {
        left: 0.0,
        top: 0.0,
        right: placed.width,
        bottom: placed.height,
    };
    let (left, _, _, bottom) = placed.frame;
    let data = Rect {
        left,
        top: 0.0,
        right: placed.width,
        bottom,
    };
    for (i, a) in placed.labels.iter().enumerate() {
        assert!(
            a.rect.inside(&picture),
            "{context}: {:?} {:?} outside the picture: {:?}",
            a.role,
            a.text,
            a.rect
        );
        assert!(
            a.role.is_axis() || a.rect.inside(&data),
            "{context}: {:?} {:?} outside the plot: {:?}",
            a.role,
            a.text,
            a.rect
        );
        assert!(a.role != LabelRole::Focus);
        for b in &placed.labels[i + 1..] {
            assert!(
                !a.rect.intersects(&b.rect),
                "{context}: {:?} {:?} overlaps {:?} {:?}",
                a.role,
                a.text,
                b.role,
                b.text
            );
        }
    }
}

/// Writes the charts a reviewer looks at as SVG files into the directory named by
/// `CHART_REVIEW_DIR` (run with `--ignored`).
#[test]
#[ignore]
fn review_gallery() {
    let Some(dir) = std::env::var_os("CHART_REVIEW_DIR") else {
        return;
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let plan = load(&root.join("data/can-tho.toml"));
    let p2125 = Some(Period {
        first: 2021,
        last: 2025,
    });
    let cases: Vec<(&str, Option<Period>, &str)> = vec![
        ("grdp_growth", p2125, "2125"),
        ("grdp_growth", None, "all"),
        ("grdp_per_capita_vnd", p2125, "2125"),
        ("share_agri", p2125, "2125"),
        ("share_agri", None, "all"),
        ("communes_advanced_ntm", p2125, "2125"),
        ("poor_household_rate", p2125, "2125"),
        ("poor_household_rate", None, "all"),
        ("social_investment_total", None, "all"),
    ];
    // The compact embed at 320 px, with the focus overlay on the last point laid over it, and
    // the legend swatches as the page shows them.
    for (id, period, tag) in &cases {
        for lang in Lang::ALL {
            let spec = chart::indicator_chart(&plan, id, *period, lang, Layers::DEFAULT, TODAY)
                .expect("chart");
            let width = 320.0;
            let placed = chart::layout(&spec, width, chart::height_for_compact(width));
            let theme = Theme::get(ThemeName::Light);
            let base = chart::render_svg(&spec, &placed, &theme);
            let focus = placed.points.len().saturating_sub(1);
            let overlay = chart::render_focus_svg(&spec, &placed, &theme, focus);
            let file = format!("compact-{id}-{tag}-{}-320", lang.code());
            std::fs::write(
                dir.join(format!("{file}.html")),
                format!(
                    "<!doctype html><meta charset=utf-8><style>body{{margin:0}}div{{position:relative;width:320px}}svg{{display:block;width:320px}}svg+svg{{position:absolute;left:0;top:0}}li svg{{display:inline;width:22px;height:14px}}</style><div>{base}{overlay}</div><ul>{}</ul>",
                    chart::legend(&spec, lang)
                        .iter()
                        .map(|e| format!("<li>{} {}</li>", chart::swatch_svg(e.swatch, &theme), e.label))
                        .collect::<String>()
                ),
            )
            .expect("write");
        }
    }
    for (id, period, tag) in cases {
        for lang in Lang::ALL {
            for layers in [Layers::DEFAULT, Layers::ALL] {
                let spec =
                    chart::indicator_chart(&plan, id, period, lang, layers, TODAY).expect("chart");
                for width in [360.0, 600.0, 1280.0] {
                    let placed = chart::layout(&spec, width, chart::height_for(width));
                    let svg = chart::render_svg(&spec, &placed, &Theme::get(ThemeName::Light));
                    let more = if layers.other_targets { "-more" } else { "" };
                    let file = format!("{id}-{tag}-{}-{width}{more}.svg", lang.code());
                    std::fs::write(dir.join(&file), svg).expect("write");
                    let legend: Vec<String> = chart::legend(&spec, lang)
                        .into_iter()
                        .filter(|e| e.shown)
                        .map(|e| format!("{:?}: {}", e.swatch, e.label))
                        .collect();
                    // The text boxes, in drawing order, for a check against a browser's own
                    // measurements of the same SVG.
                    let boxes: Vec<String> = placed
                        .labels
                        .iter()
                        .map(|l| {
                            format!(
                                "[{},{},{},{},{}]",
                                l.rect.left, l.rect.top, l.rect.right, l.rect.bottom, l.size
                            )
                        })
                        .collect();
                    std::fs::write(
                        dir.join(format!("{file}.boxes.json")),
                        format!("[{}]", boxes.join(",")),
                    )
                    .expect("write");
                    std::fs::write(
                        dir.join(format!("{file}.legend.txt")),
                        format!("{}\ndropped: {:?}\n", legend.join("\n"), placed.dropped),
                    )
                    .expect("write");
                }
            }
        }
    }
}

/// The readout of a point of the average so far gives that average and the years it covers,
/// not the yearly figure it last took in.
#[test]
fn readout_of_an_average_point_is_the_average() {
    let plan = fixture("chart-cases.toml");
    let spec = spec(&plan, "growth", first_period(&plan), Lang::Vi);
    let focus = spec
        .point_order()
        .position(|(s, i)| {
            matches!(spec.series[s].role, Role::Average(_)) && i + 1 == spec.series[s].points.len()
        })
        .expect("the average's last point");
    let readout = chitieu_core::view::readout(&plan, &spec, focus, Lang::Vi).expect("readout");
    assert_eq!(readout.value, "5,53%");
    assert!(
        readout.meta.starts_with("2021–2024 (bình quân)"),
        "{}",
        readout.meta
    );
    assert!(
        readout.sentence.starts_with("2021–2024 (bình quân), "),
        "{}",
        readout.sentence
    );
    assert!(!readout.sentence.contains("7,12"), "{}", readout.sentence);
}

/// Every y-axis label states its tick's value (gallery F30): ticks 2.5 apart are "2.5", "7.5",
/// never "2", "8" — a 7.5–8% band drawn at a gridline labelled "8" reads as 8–8.4%. Every chart
/// of every plan, at every width and both heights.
#[test]
fn y_tick_labels_state_their_values() {
    let mut ticks = 0;
    for (name, plan) in every_plan() {
        let mut periods: Vec<Option<Period>> = vec![None];
        periods.extend(plan.meta.periods.iter().copied().map(Some));
        for indicator in &plan.indicators {
            for period in &periods {
                let spec = chart::indicator_chart(
                    &plan,
                    &indicator.id,
                    *period,
                    Lang::En,
                    Layers::ALL,
                    TODAY,
                )
                .expect("chart");
                for width in [320.0, 360.0, 600.0, 1000.0, 1400.0] {
                    for height in [chart::height_for(width), chart::height_for_compact(width)] {
                        let placed = chart::layout(&spec, width, height);
                        for (value, text) in &placed.y_ticks {
                            let read: f64 = text
                                .replace(',', "")
                                .replace('−', "-")
                                .parse()
                                .unwrap_or_else(|_| panic!("{name}: tick {text:?}"));
                            assert!(
                                (read - value).abs() < 1e-9,
                                "{name} {} {period:?} {width}: the tick at {value} reads {text:?}",
                                indicator.id
                            );
                            ticks += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(ticks > 1000, "{ticks} ticks");
}

/// An average-so-far line keeps one footing (gallery F31): every point covers the years from
/// the same first year as its last point, the figure the status rests on. GRDP growth 2021–2025
/// has no 2021 figure, so the 2022 figure alone (12.64 %) is not drawn as "the average so far"
/// joined to the 2021–2023 average (5.34 %).
#[test]
fn an_average_line_keeps_one_footing() {
    for (name, plan) in every_plan() {
        let mut periods: Vec<Option<Period>> = vec![None];
        periods.extend(plan.meta.periods.iter().copied().map(Some));
        for indicator in &plan.indicators {
            for period in &periods {
                let spec = spec(&plan, &indicator.id, *period, Lang::Vi);
                for s in spec.series.iter().filter(|s| s.role.is_line()) {
                    let starts: Vec<Option<i32>> =
                        s.points.iter().map(|p| p.covers.map(|c| c.0)).collect();
                    assert!(
                        starts.windows(2).all(|w| w[0] == w[1]),
                        "{name} {} {period:?}: {starts:?}",
                        indicator.id
                    );
                }
            }
        }
    }
    let plan = load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/can-tho.toml"));
    let p2125 = Some(Period {
        first: 2021,
        last: 2025,
    });
    let spec = spec(&plan, "grdp_growth", p2125, Lang::Vi);
    let average = spec
        .series
        .iter()
        .find(|s| matches!(s.role, Role::Average(_)))
        .expect("the average so far");
    let covers: Vec<_> = average.points.iter().map(|p| p.covers).collect();
    assert_eq!(covers, [Some((2021, 2023)), Some((2021, 2024))]);
}

/// No required path and no projection once the lead target is met or its deadline year is over
/// (gallery F12, F13): the 2021–2025 charts read in 2026 show what happened, and the poverty
/// chart, whose target is met, draws no path towards it. Nor for a target of a territory that
/// ends at a break before its deadline (the old city's 2030 poverty target over all periods).
#[test]
fn no_required_path_once_met_or_past_the_deadline() {
    for (name, plan) in every_plan() {
        let mut periods: Vec<Option<Period>> = vec![None];
        periods.extend(plan.meta.periods.iter().copied().map(Some));
        for indicator in &plan.indicators {
            for period in &periods {
                let Some(focus) = chart::leads(&plan, &indicator.id, *period, TODAY).focus else {
                    continue;
                };
                let met = status::assess(&plan, focus, TODAY).status.is_met();
                let ended = plan.series_breaks.iter().any(|b| {
                    b.kind == plan::BreakKind::Territory
                        && b.before == focus.territory
                        && b.date.year < focus.when.end_year()
                });
                if met || ended || focus.when.end_year() < TODAY {
                    let spec = spec(&plan, &indicator.id, *period, Lang::Vi);
                    assert!(
                        spec.required.is_empty() && spec.projection.is_empty(),
                        "{name} {} {period:?}",
                        indicator.id
                    );
                }
            }
        }
    }
    let plan = load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/can-tho.toml"));
    let p2125 = Some(Period {
        first: 2021,
        last: 2025,
    });
    for id in [
        "grdp_growth",
        "poor_household_rate",
        "health_insurance_coverage",
    ] {
        let spec = spec(&plan, id, p2125, Lang::Vi);
        assert!(
            spec.required.is_empty() && spec.projection.is_empty(),
            "{id}"
        );
        assert!(chart::legend(&spec, Lang::Vi).iter().all(|e| !matches!(
            e.swatch,
            Swatch::Required | Swatch::Projection | Swatch::Fan
        )));
    }
    let all = spec(&plan, "poor_household_rate", None, Lang::Vi);
    assert!(all.required.is_empty() && all.projection.is_empty());
    // Read in 2025, the growth chart still shows what 2025 needs.
    assert!(!spec_on(&plan, "grdp_growth", p2125, 2025)
        .required
        .is_empty());
}

/// A target of a territory that ends at a series break the chart draws is drawn on its own side
/// of the rule (gallery F3): the old city's 2025 poverty ceiling (< 0,5%) and its 2025
/// per-capita band (145–160) never stand beside the merged city's 2025 figures. Where the chart
/// draws no rule (no figures on its far side), a target stands at its own years, where its label
/// and legend say it is: a 2025 or 2030 target is not drawn over 2024.
#[test]
fn a_target_stays_on_its_territory_side_of_the_break() {
    let mut checked = 0;
    let mut unmoved = 0;
    for (name, plan) in every_plan() {
        let mut periods: Vec<Option<Period>> = vec![None];
        periods.extend(plan.meta.periods.iter().copied().map(Some));
        for indicator in &plan.indicators {
            for period in &periods {
                let spec = chart::indicator_chart(
                    &plan,
                    &indicator.id,
                    *period,
                    Lang::Vi,
                    Layers::ALL,
                    TODAY,
                )
                .expect("chart");
                for mark in &spec.targets {
                    let target = plan
                        .targets
                        .iter()
                        .find(|t| t.id == mark.target_id)
                        .expect("target");
                    assert!(mark.span.0 < mark.span.1, "{name} {}", mark.target_id);
                    let own = (f64::from(mark.first) - 0.4, f64::from(mark.last) + 0.4);
                    let mut clamped = false;
                    for b in plan.series_breaks.iter().filter(|b| {
                        b.kind == plan::BreakKind::Territory && b.before == target.territory
                    }) {
                        let at = f64::from(b.date.year) - 0.5;
                        if spec.breaks.iter().any(|drawn| drawn.at == at) {
                            assert!(
                                mark.span.1 < at,
                                "{name} {} {period:?}: {} drawn past the break",
                                indicator.id,
                                mark.target_id
                            );
                            clamped |= own.1 > at;
                            checked += 1;
                        }
                    }
                    if !clamped {
                        assert_eq!(
                            mark.span, own,
                            "{name} {} {period:?}: {} away from its own years",
                            indicator.id, mark.target_id
                        );
                        unmoved += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 10, "checked {checked}");
    assert!(unmoved > 10, "unmoved {unmoved}");
    let plan = load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/can-tho.toml"));
    let spec = spec(&plan, "poor_household_rate", None, Lang::Vi);
    let ceiling = spec
        .targets
        .iter()
        .find(|m| m.label == "<0,5%")
        .expect("the old city's ceiling");
    assert!(
        ceiling.span.1 < 2024.5 && ceiling.span.0 < 2023.7,
        "{:?}",
        ceiling.span
    );
    // No figure of the high-tech share at all: no rule, and the old city's 2025 band at 2025.
    let spec = spec_on(&plan, "hightech_product_share", first_period(&plan), TODAY);
    assert!(spec.breaks.is_empty());
    let band = spec.targets.iter().find(|m| m.lead).expect("the 2025 band");
    assert_eq!((band.first, band.span), (2025, (2024.6, 2025.4)));
}

/// A label keeps a gap from every dot (gallery F11: "TB 2021–24: 5,78%" ended against the 2024
/// yearly dot): every text but the axis texts stays 2 px clear of the box of every drawn dot
/// (its radius and stroke), for every chart of every plan at every width.
#[test]
fn labels_keep_clear_of_the_dots() {
    let mut checked = 0;
    for (name, plan) in every_plan() {
        let mut periods: Vec<Option<Period>> = vec![None];
        periods.extend(plan.meta.periods.iter().copied().map(Some));
        for indicator in &plan.indicators {
            for period in &periods {
                for lang in Lang::ALL {
                    let spec = spec(&plan, &indicator.id, *period, lang);
                    for width in [320.0, 360.0, 600.0, 1000.0, 1400.0] {
                        for height in [chart::height_for(width), chart::height_for_compact(width)] {
                            let placed = chart::layout(&spec, width, height);
                            for p in &placed.points {
                                let r = if spec.series[p.series].role.is_line() {
                                    chart::layout::DOT + 1.0
                                } else {
                                    chart::layout::CONTEXT_DOT + 1.0
                                } + 2.0;
                                let dot = Rect {
                                    left: p.x - r,
                                    top: p.y - r,
                                    right: p.x + r,
                                    bottom: p.y + r,
                                };
                                for label in placed.labels.iter().filter(|l| !l.role.is_axis()) {
                                    assert!(
                                        !label.rect.intersects(&dot),
                                        "{name} {} {period:?} {lang:?} {width}: {:?} against a dot",
                                        indicator.id,
                                        label.text
                                    );
                                    checked += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "checked {checked}");
}

/// A published figure keeps its hedge and its precision on the chart (gallery F8): "khoảng 95"
/// is labelled "≈95 triệu đồng/người", never "95,00"; "trên 92,4%" is ">92,4%"; the legend says
/// it in words. Every line whose last figure is hedged, in every plan.
#[test]
fn hedged_figures_keep_their_hedge_on_the_chart() {
    use chitieu_core::plan::Qualifier;
    let mut checked = 0;
    for (name, plan) in every_plan() {
        let mut periods: Vec<Option<Period>> = vec![None];
        periods.extend(plan.meta.periods.iter().copied().map(Some));
        for indicator in &plan.indicators {
            for period in &periods {
                for lang in Lang::ALL {
                    let spec = spec(&plan, &indicator.id, *period, lang);
                    let legend = chart::legend(&spec, lang);
                    let placed = chart::layout(&spec, 1000.0, chart::height_for(1000.0));
                    for (i, s) in spec.series.iter().enumerate() {
                        let Some(last) = s.points.last() else {
                            continue;
                        };
                        let Some(q) = last.qualifier else { continue };
                        let (sign, word) = match (q, lang) {
                            (Qualifier::About, Lang::Vi) => ("≈", "khoảng "),
                            (Qualifier::Over, Lang::Vi) => (">", "trên "),
                            (Qualifier::Under, Lang::Vi) => ("<", "dưới "),
                            (Qualifier::About, Lang::En) => ("≈", "about "),
                            (Qualifier::Over, Lang::En) => (">", "over "),
                            (Qualifier::Under, Lang::En) => ("<", "under "),
                        };
                        let context = format!("{name} {} {period:?} {lang:?}", indicator.id);
                        if let Some(label) =
                            placed.labels.iter().find(|l| l.role == LabelRole::End(i))
                        {
                            assert!(label.text.starts_with(sign), "{context}: {}", label.text);
                        }
                        assert!(
                            legend.iter().any(|e| e.label.contains(word)),
                            "{context}: {:?}",
                            legend.iter().map(|e| &e.label).collect::<Vec<_>>()
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked >= 4, "checked {checked}");
    let plan = load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/can-tho.toml"));
    let spec = spec(&plan, "grdp_per_capita_vnd", None, Lang::Vi);
    let texts: Vec<String> = chart::legend(&spec, Lang::Vi)
        .into_iter()
        .map(|e| e.label)
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("khoảng 95 triệu đồng/người")),
        "{texts:?}"
    );
    assert!(texts.iter().all(|t| !t.contains("95,00")), "{texts:?}");
}

/// The downloaded figure keeps its margins around the chart (gallery F27): every text of the
/// SVG figure, the y unit and ticks included, starts at least 12 px from the left edge, where
/// the title starts.
#[test]
fn figure_texts_keep_the_margin() {
    let plan = load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/can-tho.toml"));
    let version = plan::version("a plan text");
    let mut checked = 0;
    for id in ["grdp_growth", "grdp_per_capita_vnd", "poor_household_rate"] {
        for lang in Lang::ALL {
            for width in [320u32, 600] {
                let indicator = plan.indicator(id).expect("indicator");
                let spec = spec(&plan, id, None, lang);
                let caption =
                    chitieu_core::export::caption(&plan, indicator, None, lang, &version, TODAY);
                let svg = chart::figure::to_svg(
                    &spec,
                    &caption,
                    "",
                    width,
                    chart::height_for(f64::from(width)) as u32,
                    &Theme::get(ThemeName::Light),
                );
                for part in svg.split("<text x=\"").skip(1) {
                    let anchor_start = part.contains("text-anchor=\"start\"")
                        && part.find("text-anchor=\"start\"") < part.find('>');
                    let x: f64 = part.split('"').next().and_then(|n| n.parse().ok()).unwrap();
                    if anchor_start {
                        assert!(x >= 12.0, "{id} {lang:?} {width}: a text at x = {x}");
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 50, "checked {checked}");
}

/// The lines of an SVG in drawing order as (stroke, stroke-width, points), whether plotters
/// wrote them as `<polyline points="x,y x,y ">` or `merge_strokes` as subpaths of a `<path>`;
/// and everything else, in order.
type Line = (String, String, Vec<String>);

fn lines_and_rest(svg: &str) -> (Vec<Line>, Vec<String>) {
    let attr = |line: &str, name: &str| -> Option<String> {
        let start = line.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(line[start..start + line[start..].find('"')?].to_string())
    };
    let (mut lines, mut rest) = (Vec::new(), Vec::new());
    for line in svg.lines() {
        if line.starts_with("<polyline") && attr(line, "opacity").as_deref() == Some("1") {
            let points = attr(line, "points").expect("points");
            lines.push((
                attr(line, "stroke").expect("stroke"),
                attr(line, "stroke-width").expect("width"),
                points.split_whitespace().map(str::to_string).collect(),
            ));
        } else if line.starts_with("<path fill=\"none\"") {
            let d = attr(line, "d").expect("d");
            for sub in d.split('M').filter(|s| !s.is_empty()) {
                lines.push((
                    attr(line, "stroke").expect("stroke"),
                    attr(line, "stroke-width").expect("width"),
                    sub.split('L').map(str::to_string).collect(),
                ));
            }
        } else {
            rest.push(line.to_string());
        }
    }
    (lines, rest)
}

#[test]
fn merged_strokes_draw_every_line_plotters_drew_in_the_same_order() {
    use plotters::prelude::{IntoDrawingArea, SVGBackend};
    let theme = Theme::get(ThemeName::Light);
    let mut charts = 0;
    for (name, plan) in every_plan() {
        for indicator in &plan.indicators {
            let spec = spec(&plan, &indicator.id, first_period(&plan), Lang::Vi);
            for width in chart::DESIGN_WIDTHS {
                let placed = chart::layout(&spec, width, chart::height_for(width));
                let mut raw = String::new();
                {
                    let backend = SVGBackend::with_string(
                        &mut raw,
                        (placed.width.round() as u32, placed.height.round() as u32),
                    );
                    let area = backend.into_drawing_area();
                    chart::draw_marks(&area, &spec, &placed, &theme, chart::Surface::SVG)
                        .expect("drawn");
                    area.present().expect("presented");
                }
                let merged = chart::render_svg(&spec, &placed, &theme);
                let context = format!("{name} {} @{width}", indicator.id);
                let (raw_lines, raw_rest) = lines_and_rest(&raw);
                let (merged_lines, merged_rest) = lines_and_rest(&merged);
                assert_eq!(
                    raw_lines, merged_lines,
                    "{context}: the same lines in order"
                );
                // The root differs (width and height taken off); every other element is kept.
                assert_eq!(
                    raw_rest[1..],
                    merged_rest[1..],
                    "{context}: the other elements"
                );
                assert!(
                    merged.matches('<').count() < raw.matches('<').count() || raw_lines.len() < 2,
                    "{context}: fewer elements"
                );
                charts += 1;
            }
        }
    }
    assert!(charts > 100, "{charts} charts");
}

#[test]
fn merge_strokes_joins_runs_of_one_opaque_stroke_only() {
    let line = |stroke: &str, opacity: &str, points: &str| {
        format!("<polyline fill=\"none\" opacity=\"{opacity}\" stroke=\"{stroke}\" stroke-width=\"1\" points=\"{points}\"/>\n")
    };
    let svg = [
        "<svg viewBox=\"0 0 10 10\">\n".to_string(),
        line("#000", "1", "0,0 5,0 "),
        line("#000", "1", "0,1 5,1 5,2 "),
        "<circle cx=\"1\" cy=\"1\" r=\"1\"/>\n".to_string(),
        line("#000", "1", "0,3 5,3 "),
        line("#111", "1", "0,4 5,4 "),
        line("#111", "0.5", "0,5 5,5 "),
        line("#111", "0.5", "0,6 5,6 "),
        "</svg>\n".to_string(),
    ]
    .concat();
    let merged = chart::merge_strokes(&svg);
    let expected = [
        "<svg viewBox=\"0 0 10 10\">\n".to_string(),
        "<path fill=\"none\" stroke=\"#000\" stroke-width=\"1\" d=\"M0,0L5,0M0,1L5,1L5,2\"/>\n"
            .to_string(),
        "<circle cx=\"1\" cy=\"1\" r=\"1\"/>\n".to_string(),
        // A run of one stays as plotters wrote it; another colour starts a new run; lines that
        // are not opaque are never joined.
        line("#000", "1", "0,3 5,3 "),
        line("#111", "1", "0,4 5,4 "),
        line("#111", "0.5", "0,5 5,5 "),
        line("#111", "0.5", "0,6 5,6 "),
        "</svg>\n".to_string(),
    ]
    .concat();
    assert_eq!(merged, expected);
}
