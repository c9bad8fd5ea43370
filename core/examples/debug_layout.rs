use chitieu_core::chart::{self, Layers};
use chitieu_core::plan::{self, Period};
use chitieu_core::text::Lang;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let file = std::env::var("PLAN").unwrap_or("data/can-tho.toml".into());
    let text = std::fs::read_to_string(&file).unwrap();
    let (plan, _) = plan::load("can-tho.toml", &text);
    let plan = plan.unwrap();
    let period = if args[2] == "all" {
        None
    } else {
        Some(Period {
            first: 2021,
            last: 2025,
        })
    };
    let lang = if args[3] == "en" { Lang::En } else { Lang::Vi };
    let width: f64 = args[4].parse().unwrap();
    let spec =
        chart::indicator_chart(&plan, &args[1], period, lang, Layers::DEFAULT, 2026).unwrap();
    let l = chart::layout(
        &spec,
        width,
        std::env::var("H")
            .ok()
            .and_then(|h| h.parse().ok())
            .unwrap_or(chart::height_for(width)),
    );
    println!("frame {:?}", l.frame);
    for label in &l.labels {
        println!("{:?} {:?} {:?}", label.role, label.text, label.rect);
    }
    println!("dropped {:?}", l.dropped);
    for t in &spec.targets {
        println!("{:?}", t);
    }
    println!("segments {:?}", l.segments);
}
