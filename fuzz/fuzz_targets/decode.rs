//! Fuzz target: any bytes as the embedded binary form of a plan. Decoding must not panic; a plan
//! it accepts must encode to bytes that decode to the same plan.
#![no_main]

use chitieu_core::plan::codec;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match codec::decode(data) {
        Ok(plan) => {
            let again = codec::encode(&plan);
            let replan = codec::decode(&again).expect("re-encoded plan decodes");
            // Compared as bytes: a decoded float may be NaN, which is not equal to itself.
            assert_eq!(codec::encode(&replan), again);
        }
        Err(error) => assert!(error.offset <= data.len(), "{error}"),
    }
});
