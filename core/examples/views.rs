//! Prints the overview and an indicator panel as text: `cargo run -p chitieu-core --example views
//! [indicator] [vi|en] [period|all]`, for reading the words the page shows without a browser.
use chitieu_core::chart::Layers;
use chitieu_core::plan::{self, Period};
use chitieu_core::text::Lang;
use chitieu_core::view;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = std::fs::read_to_string("data/can-tho.toml").expect("run from the repository root");
    let plan = plan::load("can-tho.toml", &text).0.expect("the plan loads");
    let indicator = args.first().map_or("grdp_growth", String::as_str);
    let lang = match args.get(1).map(String::as_str) {
        Some("en") => Lang::En,
        _ => Lang::Vi,
    };
    let period = match args.get(2).map(String::as_str) {
        Some("all") => None,
        Some(p) => plan::lower::parse_period(p),
        None => plan.default_period(),
    };
    let today = 2026;
    let o = view::overview(
        &plan,
        period.or(Some(Period {
            first: 2021,
            last: 2025,
        })),
        lang,
        today,
    );
    println!("# {}\n{}\n", o.headline, o.dek);
    for r in &o.rows {
        println!(
            "{:>5.0}% {} {} — {} ({}) vs {} [{}] {}",
            r.track.value,
            r.badge.symbol,
            r.name,
            r.value,
            r.value_note,
            r.target,
            r.document,
            r.badge.text()
        );
    }
    for line in [&o.unjudged, &o.no_data].into_iter().flatten() {
        println!(
            "{} {}",
            line.lead,
            line.items
                .iter()
                .map(|(_, n)| n.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let p = view::panel(&plan, indicator, period, lang, Layers::ALL, today).expect("indicator");
    println!("\n## {}\n{}", p.name, p.headline);
    if let Some(l) = &p.lead {
        println!(
            "LEAD {} ({}) vs {} [{}] {} {}",
            l.value,
            l.note,
            l.target,
            l.document,
            l.territory,
            l.badge.text()
        );
    }
    for t in &p.targets {
        println!(
            "- {} {} {} [{} · {}] {}",
            t.badge.symbol,
            t.badge.text(),
            t.target,
            t.document,
            t.territory,
            if t.lead { "LEAD" } else { "" }
        );
        for r in &t.reasons {
            println!("    {r}");
        }
    }
    println!("SUMMARY {}", p.summary);
    if let Some(b) = &p.break_note {
        println!("BREAK {}", b.short);
    }
    for h in &p.how {
        println!("HOW {h}");
    }
    for (s, f) in &p.territories {
        println!("TERR {s} = {f}");
    }
    println!("{}", p.sources);
}
