//! Fuzz target: any bytes as a plan file. Loading must not panic, must refuse a plan exactly
//! when it reports an error, must never put a raw invisible character in a message, and a plan
//! it accepts must survive the binary form and be scored without a panic.
#![no_main]

use chitieu_core::plan::{self, codec, PartialDate};
use chitieu_core::status;
use chitieu_core::text::{is_invisible, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = PartialDate::parse("2026-12-01");
    let (loaded, diagnostics) = plan::load_bytes("fuzz.toml", data, today);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    assert_eq!(loaded.is_some(), errors == 0, "{diagnostics:?}");
    assert!(diagnostics.len() <= plan::toml::limits::MESSAGES + 1);
    for diagnostic in &diagnostics {
        for lang in Lang::ALL {
            let line = diagnostic.render(lang);
            assert!(!line.chars().any(is_invisible), "{line:?}");
        }
    }
    if let Some(plan) = loaded {
        assert_eq!(codec::decode(&codec::encode(&plan)), Ok(plan.clone()));
        for target in &plan.targets {
            for year in [2020, 2025, 2031] {
                let _ = status::assess(&plan, target, year);
            }
            let _ = status::projection(&plan, target);
            let _ = status::required_path(&plan, target);
        }
    }
});
