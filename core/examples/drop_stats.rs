use chitieu_core::chart::{self, LabelRole, Layers};
use chitieu_core::plan::{self, Period};
use chitieu_core::text::Lang;
fn main() {
    let mut stats = std::collections::BTreeMap::new();
    for file in [
        "data/can-tho.toml",
        "tests/fixtures/plans/chart-cases.toml",
        "tests/fixtures/plans/example.toml",
        "tests/fixtures/plans/vietnam-sedp-2021-2025.toml",
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        let plan = plan::load(file, &text).0.unwrap();
        let mut periods: Vec<Option<Period>> = vec![None];
        periods.extend(plan.meta.periods.iter().copied().map(Some));
        for ind in &plan.indicators {
            for p in &periods {
                for lang in Lang::ALL {
                    let spec =
                        chart::indicator_chart(&plan, &ind.id, *p, lang, Layers::DEFAULT, 2026)
                            .unwrap();
                    for w in [320.0, 360.0, 600.0, 1000.0, 1400.0] {
                        for h in [chart::height_for(w), chart::height_for_compact(w)] {
                            let l = chart::layout(&spec, w, h);
                            let lead_line = spec
                                .series
                                .iter()
                                .position(|s| s.role.is_line() && !s.points.is_empty());
                            for d in &l.dropped {
                                let key = match d {
                                    LabelRole::Target(i) if spec.targets[*i].lead => {
                                        "lead target".to_string()
                                    }
                                    LabelRole::End(i) if Some(*i) == lead_line => {
                                        "lead end".to_string()
                                    }
                                    other => {
                                        format!("{other:?}").split('(').next().unwrap().to_string()
                                    }
                                };
                                *stats.entry((key, w as i32)).or_insert(0) += 1;
                                if w >= 600.0 && std::env::var("V").is_ok() {
                                    println!("{file} {} {p:?} {lang:?} {w} {d:?}", ind.id);
                                }
                            }
                            *stats.entry(("charts".to_string(), w as i32)).or_insert(0) += 1;
                        }
                    }
                }
            }
        }
    }
    for (k, v) in stats {
        println!("{k:?} {v}");
    }
}
