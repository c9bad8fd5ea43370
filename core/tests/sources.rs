//! The Can Tho plan's sources as a reader sees them (issue 11 §8): no placeholder titles, no
//! aggregator or lifestyle site standing for a figure, a short "publisher, date" for every one.

use chitieu_core::describe::{source_short, source_title};
use chitieu_core::plan::{self, Published};
use chitieu_core::text::Lang;

const CAN_THO: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/can-tho.toml"));

#[test]
fn every_source_has_a_real_title_or_its_publisher_and_date() {
    let plan = plan::load("data/can-tho.toml", CAN_THO).0.expect("loads");
    for source in &plan.sources {
        assert!(
            !source.title.contains("không đọc được"),
            "{}: placeholder title",
            source.id
        );
        if source_title(source).is_none() {
            // A publisher-and-date title says the same date the record gives.
            let tail = &source.title[source.publisher.len() + 2..];
            match source.published {
                Published::On(date) => assert!(
                    tail.ends_with(&date.year.to_string()),
                    "{}: title date {tail:?} vs published {date}",
                    source.id
                ),
                Published::Unknown => assert!(tail.contains("không rõ"), "{}", source.id),
            }
        }
        let short = source_short(source, Lang::Vi);
        assert!(short.starts_with(&source.publisher), "{short}");
    }
}

#[test]
fn no_aggregator_or_lifestyle_site_is_a_source() {
    for host in [
        "aloxekhach.com",
        "lifetoday.vn",
        "xe.today",
        "thinhvuongvietnam.com",
    ] {
        assert!(!CAN_THO.contains(&format!("://{host}")), "{host}");
        assert!(!CAN_THO.contains(&format!("://www.{host}")), "{host}");
    }
}
