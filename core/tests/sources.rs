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
            // A publisher-and-date title (in the language the page shows the publisher in) says
            // the same date the record gives.
            let tail = Lang::ALL
                .iter()
                .find_map(|&lang| source.title.strip_prefix(source.publisher.get(lang)))
                .map(|rest| &rest[2..])
                .expect("a fallback title opens with the publisher");
            match source.published {
                Published::On(date) => assert!(
                    tail.ends_with(&date.year.to_string()),
                    "{}: title date {tail:?} vs published {date}",
                    source.id
                ),
                Published::Unknown => assert!(tail.contains("không rõ"), "{}", source.id),
            }
        }
        for lang in Lang::ALL {
            let short = source_short(source, lang);
            assert!(short.starts_with(source.publisher.get(lang)), "{short}");
        }
    }
}

/// A publisher that is an office or a portal of the state, not a masthead, is named in each
/// language: an English page, table or download never shows "Cổng chuyển đổi số Bộ Kế hoạch
/// và Đầu tư" (gallery F5). Newspapers keep their own names ("Báo Thanh Niên") in both.
#[test]
fn an_office_is_named_in_each_language() {
    let plan = plan::load("data/can-tho.toml", CAN_THO).0.expect("loads");
    let office_words = [
        "Bộ ",
        "Cục ",
        "Sở ",
        "Cổng ",
        "UBND",
        "Ủy ban",
        "Trung tâm",
        "Văn phòng",
    ];
    let mut pairs = 0;
    for source in &plan.sources {
        let (vi, en) = (
            source.publisher.get(Lang::Vi),
            source.publisher.get(Lang::En),
        );
        if vi != en {
            pairs += 1;
        }
        for word in office_words {
            assert!(
                !en.contains(word),
                "{}: English publisher {en:?}",
                source.id
            );
        }
    }
    assert!(pairs >= 1, "the ministry's portal is named in English");
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
